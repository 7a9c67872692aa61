"""Schema 2.0 workbooks: the template, the export, the import and their round trip."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from antt_domain.io import dumps, load_any_dataset, loads_any_dataset
from antt_domain.model import v2 as model_v2
from antt_domain.schemas import codelists, load_schema

from antt_domain_xlsx import dataset_bytes, import_workbook, template_bytes
from antt_domain_xlsx._commands import add_arguments, run
from antt_domain_xlsx._plugin import antt_register_exporters, export_xlsx

from .conftest import edit

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = [
    *sorted((ROOT / "examples" / "corpus").glob("*/dataset.json")),
    ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json",
]
VOCABULARY_EXAMPLE = ROOT / "examples" / "corpus" / "R13-duc-minh-dak-mil-dak-nong-2023"
R13 = VOCABULARY_EXAMPLE / "dataset.json"


def _name(path: Path) -> str:
    return path.parent.name if path.name == "dataset.json" else path.name


def _imported(data: bytes, tmp: Path) -> Any:
    path = tmp / "book.xlsx"
    path.write_bytes(data)
    return import_workbook(path)


def test_there_are_28_examples() -> None:
    """The round trip below covers the 27 corpus datasets and the upgraded Cam Thủy one."""
    assert len(EXAMPLES) == 28
    assert all(p.is_file() for p in EXAMPLES)


def _expected(example: Path) -> list[tuple[str, str | None]]:
    """The findings the example's ledger explains (the dataset raises exactly these)."""
    ledger = json.loads((example.parent / "ledger.json").read_text(encoding="utf-8"))
    return sorted((e["code"], e["record"]) for e in ledger.get("expected_findings", []))


def _found(result: Any) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.record_id) for f in result.findings)


@pytest.mark.parametrize("example", EXAMPLES, ids=_name)
def test_every_example_round_trips(example: Path, tmp_path: Path) -> None:
    """Exported to a workbook and imported back, each 2.0 example gives the same JSON, with
    the findings of its JSON and no other (records in their order, codes, periods,
    quantities, JSON cells, citations)."""
    dataset = load_any_dataset(example)
    assert isinstance(dataset, model_v2.Dataset)
    result = _imported(dataset_bytes(dataset), tmp_path)
    assert _found(result) == _expected(example), [f.message_en for f in result.findings]
    again = loads_any_dataset(json.dumps(result.value, ensure_ascii=False))
    assert dumps(dataset) == dumps(again)


def test_an_english_workbook_round_trips(tmp_path: Path) -> None:
    """English sheet names, headings and labels (and a declared code) read back the same."""
    dataset = load_any_dataset(R13)
    result = _imported(dataset_bytes(dataset, lang="en"), tmp_path)
    assert _found(result) == _expected(R13), [f.message_en for f in result.findings]
    assert dumps(dataset) == dumps(loads_any_dataset(json.dumps(result.value)))


@pytest.fixture(scope="module")
def template() -> openpyxl.Workbook:
    """The Vietnamese 2.0 template."""
    return openpyxl.load_workbook(io.BytesIO(template_bytes(schema_version="2")))


def _keys(sheet: Any) -> list[str]:
    return [c.value for c in sheet[2] if c.value is not None]


def _validation_for(sheet: Any, column_key: str) -> Any:
    letter = openpyxl.utils.get_column_letter(_keys(sheet).index(column_key) + 1)
    where = f"{letter}3:{letter}1048576"
    found = [v for v in sheet.data_validations.dataValidation if str(v.sqref) == where]
    assert len(found) == 1, (column_key, letter)
    return found[0]


def test_the_template_has_a_sheet_per_2_0_record_type(template: openpyxl.Workbook) -> None:
    """Metadata, vocabulary, the twelve record types (schema titles), the hidden lists."""
    titles = [
        load_schema(name, version="2")["x-title-vi"]
        for name in (
            "figure",
            "event",
            "award",
            "assessment",
            "plan",
            "document",
            "person",
            "organisation",
            "area",
            "model-type",
            "model-instance",
            "source",
        )
    ]
    assert template.sheetnames == ["Thông tin chung", "Danh mục mã bổ sung", *titles, "_danh_muc"]
    assert template["_danh_muc"].sheet_state == "hidden"
    metadata = {row[2]: row[1] for row in template["Thông tin chung"].iter_rows(values_only=True)}
    assert metadata["schema_version"] == model_v2.SCHEMA_VERSION
    assert "vocabulary.namespace" in metadata


def test_the_template_flattens_quantity_and_period(template: openpyxl.Workbook) -> None:
    """Fixed-shape values are columns; lists of objects are JSON cells."""
    keys = _keys(template["Số liệu"])
    for key in (
        "quantity.value",
        "quantity.precision",
        "quantity.unit",
        "quantity.classifier",
        "quantity.as_written",
        "period.kind",
        "period.start",
        "period.end",
        "period.as_written",
        "actors",
        "links",
        "sources",
        "_position",
    ):
        assert key in keys, key
    assert keys.index("quantity.value") < keys.index("quantity.unit") < keys.index("period.kind")
    assert "venue.as_written" in _keys(template["Sự kiện"])


def test_the_template_has_dropdowns_of_the_2_0_codelists(template: openpyxl.Workbook) -> None:
    """Code columns point at their 2.0 codelist in the hidden sheet; closed lists stop."""
    lists = template["_danh_muc"]
    names = [c.value for c in lists[1]]
    figure = template["Số liệu"]
    for key, codelist in (
        ("kind", "figure_kinds"),
        ("quantity.unit", "units"),
        ("period.kind", "period_kinds"),
    ):
        validation = _validation_for(figure, key)
        letter = openpyxl.utils.get_column_letter(names.index(codelist) + 1)
        assert f"${letter}$2" in validation.formula1
        entries = [lists.cell(row=r, column=names.index(codelist) + 1).value for r in range(2, 9)]
        assert codelists("2")[codelist].codes[0].vi == entries[0]
    assert _validation_for(figure, "period.kind").errorStyle == "stop"  # closed
    assert _validation_for(figure, "kind").errorStyle == "warning"  # open: extensions


def test_declared_codes_are_in_the_dropdowns(tmp_path: Path) -> None:
    """A dataset's vocabulary has its sheet, and its codes are entries of their codelist."""
    book = edit(dataset_bytes(load_any_dataset(R13)))
    vocabulary = book["Danh mục mã bổ sung"]
    keys = _keys(vocabulary)
    row = [c.value for c in vocabulary[3]]
    assert row[keys.index("code")] == "daknong:coffee_watch"
    assert row[keys.index("vi")] == "Bảo vệ cà phê"
    lists = book["_danh_muc"]
    names = [c.value for c in lists[1]]
    column = names.index("model_types") + 1
    entries = [lists.cell(row=r, column=column).value for r in range(2, lists.max_row + 1)]
    assert "Bảo vệ cà phê" in entries
    model_types = book["Loại mô hình"]
    letter = openpyxl.utils.get_column_letter(_keys(model_types).index("category") + 1)
    assert "Bảo vệ cà phê" in [c.value for c in model_types[letter]]


@pytest.fixture(scope="module")
def r13_bytes() -> bytes:
    """R13 exported, reused by the tests that edit it."""
    return dataset_bytes(load_any_dataset(R13))


def _figure_cells(book: openpyxl.Workbook) -> tuple[Any, dict[str, int], int]:
    sheet = book["Số liệu"]
    keys = _keys(sheet)
    return sheet, {k: i + 1 for i, k in enumerate(keys)}, 3


def _import_edited(book: openpyxl.Workbook, tmp: Path) -> Any:
    path = tmp / "edited.xlsx"
    book.save(path)
    return import_workbook(path)


def test_a_bad_quantity_is_reported_at_its_cells(r13_bytes: bytes, tmp_path: Path) -> None:
    """A 2.0 quantity's value that is no number, a unit left empty and a precision not in its
    list: one finding each, at its cell, with the heading."""
    book = edit(r13_bytes)
    sheet, column, row = _figure_cells(book)
    sheet.cell(row=row, column=column["quantity.value"]).value = "khoảng ba trăm"
    sheet.cell(row=row, column=column["quantity.precision"]).value = "Gần đúngg"
    sheet.cell(row=row, column=column["quantity.unit"]).value = None
    result = _import_edited(book, tmp_path)
    found = {(f.code, f.line, f.column) for f in result.findings if f.code.startswith("XLS")}
    assert found == {
        ("XLS009", row, column["quantity.value"]),
        ("XLS013", row, column["quantity.precision"]),
        ("XLS007", row, column["quantity.unit"]),
    }, [f.message_en for f in result.findings]
    message = next(f.message_vi for f in result.findings if f.code == "XLS009")
    assert message.startswith(
        f"Số liệu!{openpyxl.utils.get_column_letter(column['quantity.value'])}3 ("
    )


def test_a_2_0_schema_error_is_located_at_its_cell(r13_bytes: bytes, tmp_path: Path) -> None:
    """Actors without their role break the 2.0 schema: a schema finding (S001) at the actors
    cell; a number typed as Vietnamese text is read (info) and the dataset still holds it."""
    book = edit(r13_bytes)
    sheet, column, row = _figure_cells(book)
    sheet.cell(row=row, column=column["actors"]).value = '[{"organisation":"org-x"}]'
    sheet.cell(row=row, column=column["quantity.value"]).value = "1.838"
    result = _import_edited(book, tmp_path)
    codes = [(f.code, f.line, f.column) for f in result.findings]
    assert ("S001", row, column["actors"]) in codes
    assert ("XLS010", row, column["quantity.value"]) in codes
    position = sheet.cell(row=row, column=column["_position"]).value
    assert result.value["records"][position - 1]["quantity"]["value"] == 1838
    assert not result.ok()


def test_a_filled_template_imports_to_a_2_0_dataset(
    template: openpyxl.Workbook, tmp_path: Path
) -> None:
    """An officer fills the 2.0 template by labels (booleans as có/không, a date as text);
    the import gives a valid 2.0 dataset."""
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(schema_version="2")))
    meta = book["Thông tin chung"]
    rows = {meta.cell(row=r, column=3).value: r for r in range(2, meta.max_row + 1)}
    for key, value in (
        ("id", "ds-thu"),
        ("title", "Báo cáo thử"),
        ("publisher.name", "Công an xã"),
    ):
        meta.cell(row=rows[key], column=2).value = value
    source = book["Nguồn"]
    keys = {k: i + 1 for i, k in enumerate(_keys(source))}
    source.cell(row=3, column=keys["id"]).value = "src-1"
    source.cell(row=3, column=keys["kind"]).value = codelists("2")["source_kinds"].codes[0].vi
    source.cell(row=3, column=keys["title"]).value = "Bài báo"
    figure = book["Số liệu"]
    keys = {k: i + 1 for i, k in enumerate(_keys(figure))}
    kinds = codelists("2")["figure_kinds"].codes[0]
    for key, value in (
        ("id", "fig-1"),
        ("kind", kinds.vi),
        ("quantity.value", 12),
        ("quantity.unit", codelists("2")["units"].get("session").vi),  # type: ignore[union-attr]
        ("period.kind", codelists("2")["period_kinds"].get("interval").vi),  # type: ignore[union-attr]
        ("period.start", "01/01/2023"),
        ("period.end", "2023-12-31"),
        ("period.inferred", "không"),
        ("sources", "src-1 [body] (đoạn 2)"),
    ):
        figure.cell(row=3, column=keys[key]).value = value
    result = _import_edited(book, tmp_path)
    assert [f.code for f in result.findings] == ["XLS012"], [f.message_en for f in result.findings]
    dataset = loads_any_dataset(json.dumps(result.value, ensure_ascii=False))
    assert isinstance(dataset, model_v2.Dataset)
    record = result.value["records"][0]  # the sheets' order: figures first
    assert record["period"] == {
        "kind": "interval",
        "start": "2023-01-01",
        "end": "2023-12-31",
        "inferred": False,
    }
    assert record["sources"] == [{"source": "src-1", "part": "body", "locator": "đoạn 2"}]
    assert record["kind"] == kinds.code


def test_the_exporter_takes_2_0_datasets() -> None:
    """The spec declares both versions; a 2.0 dataset is written as dataset_bytes does."""
    (spec,) = antt_register_exporters()
    assert spec.schema_versions == ("1", "2")
    dataset = load_any_dataset(R13)
    out = io.BytesIO()
    export_xlsx(dataset, out, {})
    assert out.getvalue() == dataset_bytes(dataset)


@pytest.fixture
def cli() -> argparse.ArgumentParser:
    """The ``antt xlsx`` command's parser, as the CLI builds it."""
    parser = argparse.ArgumentParser(prog="antt xlsx")
    add_arguments(parser)
    return parser


def test_the_command_writes_a_2_0_template(
    cli: argparse.ArgumentParser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``antt xlsx template --schema-version 2`` writes the 2.0 template; 1 stays the default."""
    two, one = tmp_path / "2.xlsx", tmp_path / "1.xlsx"
    assert run(cli.parse_args(["template", "-o", str(two), "--schema-version", "2"])) == 0
    assert run(cli.parse_args(["template", "-o", str(one)])) == 0
    assert two.read_bytes() == template_bytes(schema_version="2")
    assert one.read_bytes() == template_bytes()
    assert "Số liệu" not in openpyxl.load_workbook(one, read_only=True).sheetnames
    assert capsys.readouterr().out.split() == [str(two), str(one)]


def test_the_command_imports_a_2_0_workbook(
    cli: argparse.ArgumentParser,
    r13_bytes: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``antt xlsx import`` writes the 2.0 dataset a 2.0 workbook holds."""
    book, out = tmp_path / "r13.xlsx", tmp_path / "r13.json"
    book.write_bytes(r13_bytes)
    assert run(cli.parse_args(["import", str(book), "-o", str(out), "--lang", "en"])) == 0
    assert capsys.readouterr().err == ""
    assert dumps(load_any_dataset(out)) == dumps(load_any_dataset(R13))
