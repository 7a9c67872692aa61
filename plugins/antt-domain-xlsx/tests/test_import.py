"""Importing filled workbooks: every mistake one finding, located at its cell."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from antt_domain import load_example, structure_dataset, unstructure
from hypothesis import HealthCheck, given, settings

from antt_domain_xlsx import CODES, dataset_bytes, import_workbook, read_workbook

from .conftest import edit
from .strategies import datasets

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_example_comes_back_equal(example_xlsx: Path) -> None:
    """Export then import gives the example dataset back, records in their order."""
    value, findings = read_workbook(example_xlsx)
    assert list(findings) == []
    assert load_example() == structure_dataset(value)


def test_an_english_workbook_comes_back_equal(tmp_path: Path) -> None:
    """``lang=en`` headings and sheet names read back the same."""
    path = tmp_path / "en.xlsx"
    path.write_bytes(dataset_bytes(load_example(), lang="en"))
    value, findings = read_workbook(path)
    assert ([], load_example()) == (list(findings), structure_dataset(value))


def _as_excel_holds(value: Any) -> Any:
    """Floats rounded to 15 significant digits, as Excel keeps them (14 next to the largest
    double, where rounding up to 15 digits would overflow to infinity)."""
    if isinstance(value, float):
        rounded = float(f"{value:.15g}")
        return rounded if math.isfinite(rounded) else float(f"{value:.14g}")
    if isinstance(value, dict):
        return {k: _as_excel_holds(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_excel_holds(v) for v in value]
    return value


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(dataset=datasets())
def test_any_dataset_round_trips(dataset: object, tmp_path: Path) -> None:
    """Generated datasets (every period kind, precision, list, citation, formula-like and
    Vietnamese text) come back equal (floats as Excel holds them: 15 significant digits)."""
    dataset = structure_dataset(_as_excel_holds(unstructure(dataset)))
    path = tmp_path / "generated.xlsx"
    path.write_bytes(dataset_bytes(dataset))  # type: ignore[arg-type]
    result = import_workbook(path)
    assert [f for f in result.findings if f.code.startswith("XLS")] == []
    assert dataset == structure_dataset(result.value)


def _filled(tmp_path: Path) -> Path:
    """The template filled by an officer, with four deliberate mistakes."""
    book = edit(dataset_bytes(load_example()))
    sheet = book["Hoạt động"]
    keys = [c.value for c in sheet[2]]
    column = {k: i + 1 for i, k in enumerate(keys)}
    rows = {sheet.cell(row=r, column=1).value: r for r in range(3, sheet.max_row + 1)}
    outreach = rows["act-tuyen-truyen-luu-dong"]
    # 1. a wrong code
    sheet.cell(row=outreach, column=column["kind"]).value = "Tuyên truyền lưu độngg"
    # 2. a number typed as Vietnamese text (fine, reported as info)
    sheet.cell(row=outreach, column=column["quantity.value"]).value = "1.838"
    # 3. a misspelt heading of a column added by hand, without its key
    extra = len(keys) + 2
    sheet.cell(row=1, column=extra).value = "Mô ta"
    sheet.cell(row=outreach, column=extra).value = "ghi chú"
    # 4. an empty required cell
    other = (
        rows["act-hoi-nghi-tuyen-truyen"] if "act-hoi-nghi-tuyen-truyen" in rows else outreach + 1
    )
    sheet.cell(row=other, column=column["period.kind"]).value = None
    path = tmp_path / "mau-bao-cao.xlsx"
    book.save(path)
    return path


def test_each_mistake_is_one_finding_at_its_cell(tmp_path: Path) -> None:
    """Wrong code, number as text, misspelt heading, empty required cell: four findings,
    each naming its sheet, cell and heading."""
    result = import_workbook(_filled(tmp_path))
    found = sorted(
        (f.code, str(c).split(" (")[0]) for f, c in zip(result.findings, result.cells, strict=True)
    )
    codes = sorted(code for code, _ in found)
    assert codes == ["XLS005", "XLS007", "XLS010", "XLS013"]
    messages = {f.code: f.message_vi for f in result.findings}
    assert "Hoạt động!" in messages["XLS013"]
    assert "(Loại hoạt động)" in messages["XLS013"]
    assert "'Mô ta'" in messages["XLS005"]
    assert "'Mô tả'" in messages["XLS005"]
    assert "1838" in messages["XLS010"]
    value_finding = next(f for f in result.findings if f.code == "XLS010")
    assert (result.path, 3) == (value_finding.path, value_finding.line) or value_finding.line > 2


def test_formulas_are_reported_not_computed(tmp_path: Path) -> None:
    """A formula in a number cell is a finding asking for values; nothing is guessed."""
    book = edit(dataset_bytes(load_example()))
    sheet = book["Hoạt động"]
    keys = [c.value for c in sheet[2]]
    sheet.cell(row=3, column=keys.index("quantity.value") + 1).value = "=1000+838"
    path = tmp_path / "formula.xlsx"
    book.save(path)
    _value, findings = read_workbook(path)
    assert [f.code for f in findings] == ["XLS008"]
    assert "=1000+838" in findings[0].message_en


def test_text_numbers_are_read_or_reported(tmp_path: Path) -> None:
    """``72,6`` reads as 72.6, ``hơn 300`` is not a bare number: reported, never misread."""
    book = edit(dataset_bytes(load_example()))
    sheet = book["Hoạt động"]
    keys = [c.value for c in sheet[2]]
    sheet.cell(row=3, column=keys.index("quantity.value") + 1).value = "hơn 300"
    sheet.cell(row=4, column=keys.index("quantity.value") + 1).value = "1.5"
    path = tmp_path / "numbers.xlsx"
    book.save(path)
    _, findings = read_workbook(path)
    assert [f.code for f in findings] == ["XLS009", "XLS009"]


def test_every_code_is_documented() -> None:
    """The README lists every finding code with its English and Vietnamese titles."""
    for code, info in CODES.items():
        assert f"`{code}`" in README
        assert info.title_en in README
        assert info.title_vi in README


def test_codes_follow_the_plugin_convention() -> None:
    """Letters then three digits, not a built-in stage letter."""
    assert all(re.fullmatch(r"[A-Z]+[0-9]{3}", c) and c[0] not in "RSTVD" for c in CODES)


def test_a_sheet_without_key_row_is_read_by_headings(tmp_path: Path) -> None:
    """A workbook made by hand, headings only (Vietnamese, any tone placement), reads."""
    book = openpyxl.Workbook()
    meta = book.active
    meta.title = "Thông tin chung"
    for row in (
        ["Trường", "Giá trị"],
        ["Mã định danh", "ds-1"],
        ["Tiêu đề", "Báo cáo"],
        ["Đơn vị công bố: Tên", "Công an xã"],
        ["Phiên bản lược đồ", "1.0"],
    ):
        meta.append(row)
    areas = book.create_sheet("Địa bàn")
    areas.append(["Mã định danh", "Tên", "Cấp"])
    areas.append(["xa-1", "Xã Cẩm Yên", "Cấp xã"])
    path = tmp_path / "hand.xlsx"
    book.save(path)
    value, findings = read_workbook(path)
    assert [f.message_en for f in findings if f.severity.value == "error"] == []
    assert value is not None
    assert value["records"] == [
        {"type": "area", "id": "xa-1", "name": "Xã Cẩm Yên", "level": "commune"}
    ]
