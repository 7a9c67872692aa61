"""The ``xlsx`` exporter: sheets, headings, keys, cell types, dropdowns, formula safety."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import attrs
import openpyxl
import pytest
from antt_domain import load_example
from antt_domain.model import Organisation
from antt_domain.plugins import plugin_manager
from antt_domain.testing import check_exporter

from antt_domain_xlsx import dataset_bytes, read_workbook, template_bytes


def test_the_exporter_is_registered_through_the_entry_point() -> None:
    """``xlsx`` comes from the installed plugin ``xlsx``, binary, with a ``lang`` option."""
    spec = plugin_manager(only=["xlsx"]).exporter("xlsx")
    expected = ("xlsx", "xlsx", True, ("lang",))
    assert expected == (spec.plugin, spec.extension, spec.binary, tuple(spec.options))


@pytest.mark.slow
def test_the_exporter_passes_the_conformance_kit(tmp_path: Path) -> None:
    """Example, empty, Vietnamese and large datasets; deterministic; atomic."""
    check_exporter("xlsx", manager=plugin_manager(only=["xlsx"]), workdir=tmp_path, records=1000)


def test_sheets_headings_and_hidden_keys(example_xlsx: Path) -> None:
    """One sheet per record type named in Vietnamese, headings in row 1, keys in hidden row 2."""
    book = openpyxl.load_workbook(example_xlsx)
    expected_sheets = [
        "Thông tin chung",
        "Địa bàn",
        "Cơ quan, tổ chức",
        "Văn bản phối hợp",
        "Loại mô hình",
        "Mô hình",
        "Hoạt động",
        "Kết quả",
        "Nguồn",
        "_danh_muc",
    ]
    assert expected_sheets == book.sheetnames
    sheet = book["Hoạt động"]
    headings = [c.value for c in sheet[1]][:4]
    keys = [c.value for c in sheet[2]][:5]
    assert headings == [
        "Mã định danh",
        "Loại hoạt động",
        "Thời gian: Loại thời gian",
        "Thời gian: Từ ngày",
    ]
    assert keys == ["id", "kind", "period.kind", "period.start", "period.end"]
    assert sheet.row_dimensions[2].hidden
    assert sheet.freeze_panes == "B3"
    assert book["_danh_muc"].sheet_state == "hidden"


def test_cells_have_proper_types(example_xlsx: Path) -> None:
    """Counts are number cells, dates date cells, codes their Vietnamese label."""
    book = openpyxl.load_workbook(example_xlsx)
    sheet = book["Hoạt động"]
    keys = [c.value for c in sheet[2]]
    row = next(r for r in sheet.iter_rows(min_row=3) if r[0].value == "act-tuyen-truyen-luu-dong")
    cell = dict(zip(keys, row, strict=False))
    assert cell["quantity.value"].value == 1838
    assert cell["quantity.value"].data_type == "n"
    assert cell["quantity.unit"].value == "buổi"
    outcomes = book["Kết quả"]
    keys = [c.value for c in outcomes[2]]
    row = next(r for r in outcomes.iter_rows(min_row=3) if r[0].value == "out-hoa-giai")
    start = dict(zip(keys, row, strict=False))["period.start"]
    assert (dt.datetime(2021, 1, 1), "dd/mm/yyyy") == (start.value, start.number_format)


def test_code_columns_have_dropdowns(example_xlsx: Path) -> None:
    """The activity kind column validates against the hidden list of labels."""
    sheet = openpyxl.load_workbook(example_xlsx)["Hoạt động"]
    by_range = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    kind = by_range["B3:B1048576"]
    assert (kind.type, kind.formula1.split(":")[0]) == ("list", "'_danh_muc'!$A$2")


def test_text_starting_like_a_formula_stays_text(tmp_path: Path) -> None:
    """``=HYPERLINK(...)`` as a name is a text cell with a quote prefix, and comes back."""
    dataset = load_example()
    evil = '=HYPERLINK("http://x","click")'
    org = next(r for r in dataset.records if isinstance(r, Organisation))
    records = [attrs.evolve(r, name=evil) if r is org else r for r in dataset.records]
    changed = attrs.evolve(dataset, records=records)
    data = dataset_bytes(changed)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet3.xml").decode()
    assert "<f>" not in xml
    path = tmp_path / "evil.xlsx"
    path.write_bytes(data)
    value, findings = read_workbook(path)
    assert [f.message_en for f in findings] == []
    assert value is not None
    names = [r["name"] for r in value["records"] if r["id"] == org.id]
    assert [evil] == names


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_template_imports_as_an_empty_dataset_missing_its_metadata(
    lang: str, tmp_path: Path
) -> None:
    """An untouched template: no records, the metadata sheet's required cells reported."""
    path = tmp_path / "mau.xlsx"
    path.write_bytes(template_bytes(lang=lang))
    value, findings = read_workbook(path)
    assert value is not None
    assert value["records"] == []
    assert {"XLS007"} == {f.code for f in findings}
    assert len(findings) == 3  # id, title, publisher name
