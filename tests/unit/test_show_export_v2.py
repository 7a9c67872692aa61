"""``antt show`` and the built-in exporters on every Schema 2.0 worked example."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from antt_domain.cli import main
from antt_domain.cli._common import safe_text
from antt_domain.io import load_any_dataset, loads_any_dataset
from antt_domain.model import v2 as m
from antt_domain.plugins import export
from antt_domain.plugins._builtin._vocabulary_v2 import rows_of
from antt_domain.reports import unit_word
from antt_domain.schemas import codelists

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "examples" / "corpus").glob("*/dataset.json"))
EXAMPLES = [*CORPUS, ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json"]
IDS = [p.parent.name for p in EXAMPLES]


def _v2(path: Path) -> m.Dataset:
    dataset = load_any_dataset(path)
    assert isinstance(dataset, m.Dataset)
    return dataset


def _bytes(dataset: m.Dataset, name: str) -> bytes:
    buffer = io.BytesIO()
    export(dataset, name, buffer)
    return buffer.getvalue()


def test_every_corpus_folder_is_tried() -> None:
    """Each corpus folder has its dataset.json here (none is skipped silently)."""
    folders = [p for p in (ROOT / "examples" / "corpus").iterdir() if p.is_dir()]
    assert len(CORPUS) == len(folders) >= 27


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_show_prints_every_figure_with_its_words_and_unit_label(
    path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 0; each figure's id, its as_written words and its unit's word are printed."""
    assert main(["show", "--lang", lang, str(path)]) == 0
    shown = capsys.readouterr().out
    dataset = _v2(path)
    labels = m.Codelists(lists=codelists("2"), vocabulary=dataset.vocabulary)
    assert dataset.title in shown
    for figure in dataset.of_type(m.Figure):
        line = next(x for x in shown.splitlines() if x.startswith(f"  [{figure.id}] "))
        if figure.quantity is None:
            continue
        quantity = figure.quantity
        if not quantity.is_vague:  # one word after the number, as the reports say it (#19)
            exact = quantity.is_exact and quantity.upper is None
            value = quantity.value if exact else None
            assert (
                unit_word(labels, quantity.unit, quantity.classifier, lang=lang, value=value)
                in line
            )
        if figure.quantity.as_written:
            assert safe_text(f"“{figure.quantity.as_written}”") in line
        if figure.quantity.is_vague:
            assert " 0 " not in line


def test_show_labels_a_dataset_code_from_its_vocabulary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """R13 declares its own codes: show prints their labels, not the codes."""
    path = next(p for p in EXAMPLES if p.parent.name.startswith("R13"))
    dataset = _v2(path)
    assert dataset.vocabulary is not None
    assert main(["show", "--lang", "vi", str(path)]) == 0
    shown = capsys.readouterr().out
    used = json.dumps(json.loads(path.read_text(encoding="utf-8"))["records"])
    declared = [c for c in dataset.vocabulary.codes if f'"{c.code}"' in used]
    assert declared
    for code in declared:
        assert code.vi in shown


def test_show_a_vague_amount_is_words_never_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """'hàng nghìn' prints the source's words (issue #19), never a number."""
    from antt_domain.cli._show_v2 import render_v2  # noqa: PLC0415
    from antt_domain.testing._datasets import vietnamese_dataset_v2  # noqa: PLC0415

    shown = render_v2(vietnamese_dataset_v2(), "vi")
    block = shown.split("  [fig-bao]", 1)[1].split("\n      ", 1)[0]
    assert block.lstrip().split(":", 1)[1].strip() == "“hàng nghìn bao”"
    assert " 0 " not in block


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_json_and_jsonl_round_trip(path: Path) -> None:
    """json reads back equal to the input; jsonl's lines rebuild it."""
    dataset = _v2(path)
    assert loads_any_dataset(_bytes(dataset, "json")) == dataset
    lines = [json.loads(x) for x in _bytes(dataset, "jsonl").decode("utf-8").splitlines()]
    rebuilt = {**lines[0], "records": lines[1:]}
    assert loads_any_dataset(json.dumps(rebuilt)) == dataset


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_csv_has_every_figure_and_the_vocabulary(path: Path) -> None:
    """Every figure id is one row of figures.csv, in order; vocabulary.csv lists each code."""
    dataset = _v2(path)
    archive = zipfile.ZipFile(io.BytesIO(_bytes(dataset, "csv")))

    def read(name: str) -> list[dict[str, str]]:
        with archive.open(name) as handle:
            return list(csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8", newline="")))

    figures = read("figures.csv")
    assert [r["id"] for r in figures] == [f.id for f in dataset.of_type(m.Figure)]
    for row, figure in zip(figures, dataset.of_type(m.Figure), strict=True):
        if figure.quantity is not None:
            assert row["quantity.unit"] == figure.quantity.unit
            assert row["quantity.as_written"].lstrip("'") == (figure.quantity.as_written or "")
    words = {(r["codelist"], r["code"]): r for r in read("vocabulary.csv")}
    for figure in dataset.of_type(m.Figure):
        assert ("figure_kinds", figure.kind) in words
        if figure.quantity is not None:
            assert ("units", figure.quantity.unit) in words
    actors = read("figure_actors.csv")
    assert len(actors) == sum(len(f.actors) for f in dataset.of_type(m.Figure))


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_sqlite_has_every_record_and_resolving_keys(path: Path, tmp_path: Path) -> None:
    """select count(*) from figures = number of figures; every part row and declared foreign
    key resolves; vocabulary origins are builtin or dataset."""
    dataset = _v2(path)
    target = tmp_path / "out.sqlite"
    export(dataset, "sqlite", target)
    db = sqlite3.connect(target)
    try:
        count = db.execute("select count(*) from figures").fetchone()[0]
        assert count == len(dataset.of_type(m.Figure))
        assert db.execute("select count(*) from record").fetchone()[0] == len(dataset)
        assert db.execute("pragma user_version").fetchone()[0] == 2
        links = db.execute("select count(*) from figure_links").fetchone()[0]
        assert links == sum(len(f.links) for f in dataset.of_type(m.Figure))
        assert db.execute("pragma foreign_key_check").fetchall() == []
        origins = {o for (o,) in db.execute("select origin from vocabulary")}
        assert origins <= {"builtin", "dataset"}
    finally:
        db.close()


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_markdown_shows_the_figures_words(path: Path) -> None:
    """The Markdown document has a figures section with each figure's as_written words."""
    from antt_domain.text_safety import markdown_inline  # noqa: PLC0415

    dataset = _v2(path)
    text = _bytes(dataset, "markdown").decode("utf-8")
    for figure in dataset.of_type(m.Figure):
        assert f"| {markdown_inline(figure.id)} |" in text
        if figure.quantity is not None and figure.quantity.as_written:
            assert markdown_inline(figure.quantity.as_written) in text


def test_code_labels_say_where_a_label_comes_from() -> None:
    """builtin, plugin:NAME (from a codelist's origin), dataset, or the code itself."""
    from antt_domain.model import Code  # noqa: PLC0415
    from antt_domain.testing import vietnamese_dataset_v2  # noqa: PLC0415

    lists = dict(codelists("2"))
    extra = Code(code="ammo:vien", vi="viên (plugin)", en="round (plugin)")
    lists["units"] = lists["units"].extended((extra,), by="ammo")
    labels = m.Codelists(lists=lists, vocabulary=vietnamese_dataset_v2().vocabulary)
    by_code = {
        r.code: r
        for r in rows_of(labels, [("units", c) for c in ("person", "ammo:vien", "other:thing")])
    }
    assert by_code["person"].origin == "builtin"
    assert by_code["ammo:vien"].origin == "plugin:ammo"
    assert by_code["ammo:vien"].en == "round (plugin)"
    row = by_code["kiemthu:bao"]
    assert (row.origin, row.en) == ("dataset", "sack")
    assert row.vi.startswith("bao; ")
    unknown = by_code["other:thing"]
    assert (unknown.origin, unknown.vi, unknown.en) == ("undeclared", "other:thing", "other:thing")
    rows = rows_of(labels, [("units", "person"), ("units", "person"), ("roles", "organiser")])
    assert [(r.codelist, r.code) for r in rows] == [
        ("roles", "organiser"),
        ("units", "kiemthu:bao"),
        ("units", "person"),
    ]


def test_csv_header_labels_and_vocabulary_on_2_0() -> None:
    """header=vi writes the schemas' Vietnamese titles; a declared unit is in vocabulary.csv."""
    from antt_domain.testing import vietnamese_dataset_v2  # noqa: PLC0415

    buffer = io.BytesIO()
    export(vietnamese_dataset_v2(), "csv", buffer, options={"header": "vi", "bom": "yes"})
    archive = zipfile.ZipFile(buffer)
    head = archive.read("figures.csv").decode("utf-8")
    assert head.startswith("\ufeffMã định danh,")
    assert "Số lượng: " in head.splitlines()[0]
    names = archive.namelist()
    assert names[0] == "dataset.csv"
    assert names[-1] == "vocabulary.csv"
    assert {"figures.csv", "figure_actors.csv", "figure_links.csv", "plan_phases.csv"} <= set(names)
    text = archive.read("vocabulary.csv").decode("utf-8-sig")
    rows = {(r[0], r[1]): r for r in csv.reader(io.StringIO(text))}
    assert rows[("units", "kiemthu:bao")][3:] == ["sack", "dataset"]
    assert rows[("units", "session")][4] == "builtin"
