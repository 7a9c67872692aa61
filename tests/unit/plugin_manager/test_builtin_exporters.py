"""The built-in exporters: conformance, and the layouts docs/plugins.md promises."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from antt_domain import load_example, loads_dataset, structure_dataset
from antt_domain.model import Dataset
from antt_domain.plugins import AnttPluginManager, ExportError, export
from antt_domain.testing import check_exporter, empty_dataset, vietnamese_dataset

RECORD_TYPES = [
    "area",
    "organisation",
    "agreement",
    "model_type",
    "model_instance",
    "activity",
    "outcome",
    "source",
]


def exported(manager: AnttPluginManager, name: str, dataset: Dataset, **options: str) -> bytes:
    stream = io.BytesIO()
    export(dataset, name, stream, options=options, manager=manager)
    return stream.getvalue()


@pytest.mark.parametrize("name", ["json", "jsonl", "csv", "markdown", "sqlite"])
def test_every_built_in_exporter_passes_the_conformance_kit(
    name: str, tmp_path: Path, manager: AnttPluginManager
) -> None:
    """Example, empty, Vietnamese and 5,000-record datasets; deterministic; writes in place."""
    assert name == check_exporter(name, manager=manager, workdir=tmp_path).name


def test_json_is_the_canonical_dataset_document(manager: AnttPluginManager) -> None:
    """It reads back into the same dataset."""
    dataset = vietnamese_dataset()
    assert dataset == loads_dataset(exported(manager, "json", dataset))


def test_jsonl_is_a_metadata_line_then_one_record_per_line(manager: AnttPluginManager) -> None:
    """Line 1 is the dataset without records; putting lines 2.. back under records rebuilds it."""
    dataset = load_example()
    lines = exported(manager, "jsonl", dataset).decode("utf-8").splitlines()
    assert len(dataset) + 1 == len(lines)
    metadata = json.loads(lines[0])
    assert (metadata["type"], "records" in metadata) == ("dataset", False)
    metadata["records"] = [json.loads(line) for line in lines[1:]]
    assert dataset == structure_dataset(metadata)


def read_zip(data: bytes) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
            for name in archive.namelist()
        }


def test_csv_is_a_zip_of_one_table_per_record_type(manager: AnttPluginManager) -> None:
    """dataset.csv then one CSV per type, all present even when empty, named columns."""
    tables = read_zip(exported(manager, "csv", load_example()))
    assert ["dataset.csv", *(f"{t}.csv" for t in RECORD_TYPES)] == list(tables)
    header, *rows = tables["activity.csv"]
    assert header[:4] == ["id", "kind", "period.kind", "period.start"]
    assert {"quantity.value", "quantity.unit", "partners", "sources"} <= set(header)
    first = dict(zip(header, rows[0], strict=True))
    assert (
        first["quantity.value"],
        first["quantity.unit"],
        first["quantity.precision"],
    ) == ("1838", "session", "exact")
    assert first["partners"] == "org-mttq-huyen;org-to-chuc-thanh-vien;org-ban-nganh"
    assert first["sources"] == "src-article (paragraph 2)"
    empty = read_zip(exported(manager, "csv", empty_dataset()))
    assert [header] == empty["activity.csv"]


def test_csv_neutralises_formulas_and_offers_a_bom(manager: AnttPluginManager) -> None:
    """Cells starting with = + - @ tab or CR get a leading '; bom=yes adds a UTF-8 BOM."""
    data = exported(manager, "csv", vietnamese_dataset(), bom="yes", header="vi")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        raw = archive.read("organisation.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    header, row = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert header[0] == "Mã định danh"
    cells = dict(zip(header, row, strict=True))
    assert cells["Tên viết tắt"] == "'-Hội LHPN"
    assert cells["Mô tả"].startswith("'@Hội")
    tables = read_zip(exported(manager, "csv", vietnamese_dataset()))
    source = dict(zip(*tables["source.csv"], strict=True))
    assert source["title"].startswith("'=HYPERLINK")
    assert source["authors"] == "Hà Phương;Nguyễn Thị Ánh\\; Tuyết"
    activity = dict(zip(*tables["activity.csv"], strict=True))
    assert activity["description"].startswith("'\t")
    outcome = dict(zip(*tables["outcome.csv"][:2], strict=True))
    assert outcome["description"].startswith("'\r")


def test_markdown_is_headed_tables_and_escapes_cells(manager: AnttPluginManager) -> None:
    """A title, a table per record type, pipes escaped, markup neutralised, labels in lang."""
    text = exported(manager, "markdown", vietnamese_dataset(), lang="en").decode("utf-8")
    assert text.startswith("# Kiểm thử tiếng Việt: ")
    assert "## Activity (1 records)" in text
    assert "\\|" in text
    assert "<b>" not in text
    assert "&lt;b&gt;" in text
    empty = exported(manager, "markdown", empty_dataset()).decode("utf-8")
    assert "_Không có bản ghi._" in empty


def sqlite_of(tmp_path: Path, manager: AnttPluginManager, dataset: Dataset) -> sqlite3.Connection:
    target = tmp_path / "out.sqlite"
    export(dataset, "sqlite", target, manager=manager)
    return sqlite3.connect(target)


def test_sqlite_has_typed_tables_foreign_keys_links_and_codelists(
    tmp_path: Path, manager: AnttPluginManager
) -> None:
    """One table per type keyed by id, references as foreign keys, lists as link tables."""
    db = sqlite_of(tmp_path, manager, load_example())
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"record", "dataset", "codelist", "code", *RECORD_TYPES} <= tables
    assert {"activity_partners", "activity_sources", "area_alt_names"} <= tables
    assert db.execute("SELECT count(*) FROM activity").fetchone()[0] == 7
    keys = {(r[3], r[2]) for r in db.execute("PRAGMA foreign_key_list(activity)")}
    assert {("id", "record"), ("organiser", "record"), ("area", "record")} <= keys
    link_keys = {(r[3], r[2]) for r in db.execute("PRAGMA foreign_key_list(activity_partners)")}
    assert {("record_id", "activity"), ("value", "record")} == link_keys
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    value, unit = db.execute(
        "SELECT quantity_value, quantity_unit FROM activity WHERE id = 'act-tuyen-truyen-luu-dong'"
    ).fetchone()
    assert (value, unit) == (1838, "session")
    label = db.execute(
        "SELECT vi FROM code WHERE codelist = 'units' AND code = 'session'"
    ).fetchone()[0]
    assert label.lower() == "buổi"
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1


def test_sqlite_refuses_duplicate_ids(tmp_path: Path, manager: AnttPluginManager) -> None:
    """Two records with one id cannot both have it as primary key: a clear error."""
    example = load_example()
    doubled = Dataset(
        id="double", title="x", publisher=example.publisher, records=example.records[:1] * 2
    )
    with pytest.raises(ExportError, match="two records have the id 'src-article'"):
        export(doubled, "sqlite", tmp_path / "d.sqlite", manager=manager)
    assert list(tmp_path.iterdir()) == []
