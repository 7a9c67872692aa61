"""Hostile workbooks: every value not read is a finding at its cell, every impossible date is
one, no library warning reaches the user raw, a DOCTYPE anywhere is XLS003 (issue #14)."""

from __future__ import annotations

import io
import tracemalloc
import warnings
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from antt_domain import load_example
from antt_domain.cli import main

from antt_domain_xlsx import dataset_bytes, import_workbook
from antt_domain_xlsx._rows import Impossible, date_of_serial

from .conftest import edit

AGREEMENTS = "Văn bản phối hợp"  # A id, B kind, C symbol, D title, E signed_on (a date)
NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _saved(book: openpyxl.Workbook, tmp_path: Path, name: str = "book.xlsx") -> Path:
    path = tmp_path / name
    book.save(path)
    return path


def _example() -> openpyxl.Workbook:
    return edit(dataset_bytes(load_example()))


def _with_part(name: str, content: bytes, tmp_path: Path) -> Path:
    source = zipfile.ZipFile(io.BytesIO(dataset_bytes(load_example())))
    path = tmp_path / "tampered.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return path


def _at(result: Any, code: str) -> list[tuple[int | None, int | None, str]]:
    return [(f.line, f.column, f.message_en) for f in result.findings if f.code == code]


def _cli(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    out = tmp_path / "out.json"
    code = main(["xlsx", "import", str(path), "-o", str(out), "--force", "--lang", "en"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "Warning" not in captured.err, captured.err
    return code, captured.out + captured.err


# -- values the import does not read ---------------------------------------------------------


@pytest.mark.parametrize("column", [257, 300, 16384])
def test_a_value_beyond_the_column_limit_is_reported_at_its_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: int
) -> None:
    """A value in column IW, KN or XFD is XLS018 at its cell, never silently dropped."""
    book = _example()
    book[AGREEMENTS].cell(row=4, column=column, value="far away")
    path = _saved(book, tmp_path)
    result = import_workbook(path)
    assert result.value is not None
    letter = openpyxl.utils.get_column_letter(column)
    assert _at(result, "XLS018") == [
        (4, column, f"{AGREEMENTS}!{letter}4: values beyond column 256 are not read")
    ]
    code, text = _cli(path, tmp_path, capsys)
    assert code == 1
    assert f":4:{column}: XLS018 error {AGREEMENTS}!{letter}4" in text


def test_a_heading_beyond_the_limit_and_a_value_within_are_each_reported(tmp_path: Path) -> None:
    """Column 20 without heading stays XLS017; a heading in column 400 is XLS018; each
    column is reported once, at its first cell."""
    book = _example()
    sheet = book[AGREEMENTS]
    sheet.cell(row=1, column=400, value="Ghi chú")
    sheet.cell(row=3, column=400, value="x")
    sheet.cell(row=4, column=20, value="y")
    sheet.cell(row=5, column=20, value="z")
    result = import_workbook(_saved(book, tmp_path))
    assert [(line, col) for line, col, _ in _at(result, "XLS018")] == [(1, 400)]
    assert [(line, col) for line, col, _ in _at(result, "XLS017")] == [(4, 20)]


def test_the_metadata_sheet_reports_values_outside_its_three_columns(tmp_path: Path) -> None:
    """The metadata sheet reads label, value, key: a value in column E is XLS017."""
    book = _example()
    book["Thông tin chung"].cell(row=3, column=5, value="ghi chú")
    result = import_workbook(_saved(book, tmp_path))
    assert [(line, col) for line, col, _ in _at(result, "XLS017")] == [(3, 5)]


def _sheet(rows: bytes, dimension: bytes = b"A1:XFD1048576") -> bytes:
    return (
        b'<?xml version="1.0"?><worksheet xmlns="' + NS + b'"><dimension ref="' + dimension + b'"/>'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'
        + rows
        + b"</sheetData></worksheet>"
    )


def _text_cell(ref: bytes, text: bytes) -> bytes:
    return b'<c r="' + ref + b'" t="inlineStr"><is><t>' + text + b"</t></is></c>"


@pytest.mark.slow
def test_a_sheet_claiming_every_cell_costs_what_its_xml_holds(tmp_path: Path) -> None:
    """2000 rows each with a cell at XFD and at XFD1048576: read cell by cell, not as dense
    rows sixteen thousand wide (that would take hundreds of MB); each value is reported."""
    rows = b"".join(
        b'<row r="%d">' % n
        + _text_cell(b"A%d" % n, b"s%d" % n)
        + _text_cell(b"XFD%d" % n, b"x")
        + b"</row>"
        for n in range(2, 2002)
    )
    rows += b'<row r="1048576">' + _text_cell(b"XFD1048576", b"last") + b"</row>"
    path = _with_part("xl/worksheets/sheet9.xml", _sheet(rows), tmp_path)
    tracemalloc.start()
    try:
        result = import_workbook(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.value is not None
    assert sum(r["type"] == "source" for r in result.value["records"]) == 2000
    assert [(line, col) for line, col, _ in _at(result, "XLS018")] == [(2, 16384)]
    assert peak < 60 * 1024 * 1024  # dense rows: 2000 x 16384 cells, far beyond


# -- impossible dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("serial", "detail"),
    [
        (-5, "a negative date serial is before 01/01/1900"),
        (-0.5, "a negative date serial"),
        (0, "a time of day, not a date"),
        (0.75, "a time of day, not a date"),
        (60, "29/02/1900, a day that never was"),
        (2958466, "beyond 31/12/9999"),
        (1e10, "beyond 31/12/9999"),
        (1e300, "beyond 31/12/9999"),
    ],
)
def test_an_impossible_date_serial_is_xls011_at_its_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], serial: float, detail: str
) -> None:
    """A date cell whose serial no calendar has is a finding, never 1899-12-25 or a raw
    openpyxl UserWarning (pytest turns any warning into an error)."""
    book = _example()
    cell = book[AGREEMENTS]["E3"]
    cell.value = serial
    cell.number_format = "dd/mm/yyyy"
    path = _saved(book, tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = import_workbook(path)
    found = _at(result, "XLS011")
    assert len(found) == 1
    assert found[0][:2] == (3, 5)
    assert detail in found[0][2]
    assert "1899" not in str(result.value)
    code, text = _cli(path, tmp_path, capsys)
    assert code == 1
    assert "XLS011" in text


def test_an_infinite_serial_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    """``<v>1e999</v>`` in a date cell and in a number cell: findings at the cells."""
    book = _example()
    book[AGREEMENTS]["E3"].value = 40000
    book[AGREEMENTS]["E3"].number_format = "dd/mm/yyyy"
    path = _saved(book, tmp_path)
    source = zipfile.ZipFile(path)
    sheet = next(
        n
        for n in source.namelist()
        if n.startswith("xl/worksheets/") and b">40000<" in source.read(n)
    )
    patched = source.read(sheet).replace(b">40000<", b">1e999<")
    result = import_workbook(_with_part_of(path, sheet, patched, tmp_path))
    found = _at(result, "XLS011")
    assert [(line, col) for line, col, _ in found] == [(3, 5)]
    assert found[0][2].startswith("Văn bản phối hợp!E3")
    assert "not a finite number" in found[0][2]


def _with_part_of(book: Path, name: str, content: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return path


def test_an_impossible_date_in_a_text_column_is_xls015(tmp_path: Path) -> None:
    """A date-formatted negative serial in the title column: XLS015 at its cell."""
    book = _example()
    cell = book[AGREEMENTS]["D3"]
    cell.value = -3
    cell.number_format = "dd/mm/yyyy"
    result = import_workbook(_saved(book, tmp_path))
    found = _at(result, "XLS015")
    assert [(line, col) for line, col, _ in found] == [(3, 4)]
    assert "negative date serial" in found[0][2]


def test_a_possible_date_still_reads_as_before(tmp_path: Path) -> None:
    """Serial 45000 is 15/03/2023; a date-time keeps its date; serial 59 is 28/02/1900."""
    assert date_of_serial(45000, openpyxl.utils.datetime.WINDOWS_EPOCH).date().isoformat() == (
        "2023-03-15"
    )
    assert str(date_of_serial(59, openpyxl.utils.datetime.WINDOWS_EPOCH).date()) == "1900-02-28"
    assert isinstance(
        date_of_serial(float("nan"), openpyxl.utils.datetime.WINDOWS_EPOCH), Impossible
    )
    book = _example()
    cell = book[AGREEMENTS]["E3"]
    cell.value = 45000.5
    cell.number_format = "dd/mm/yyyy hh:mm"
    result = import_workbook(_saved(book, tmp_path))
    assert result.value is not None
    assert not _at(result, "XLS011")
    signed = [r.get("signed_on") for r in result.value["records"] if r["type"] == "agreement"]
    assert signed[0] == "2023-03-15"


def test_a_warning_from_openpyxl_becomes_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whatever openpyxl warns while reading the sheets is XLS019, said once, not printed."""
    from antt_domain_xlsx import _rows  # noqa: PLC0415 - the class patched

    original = _rows._Parser.parse_cell

    def warning_cell(self: Any, element: Any) -> dict[str, Any]:
        warnings.warn("something odd in this cell", UserWarning, stacklevel=1)
        return original(self, element)  # type: ignore[no-any-return]

    monkeypatch.setattr(_rows._Parser, "parse_cell", warning_cell)
    path = tmp_path / "example.xlsx"
    path.write_bytes(dataset_bytes(load_example()))
    result = import_workbook(path)
    assert result.value is not None
    assert [m for _, _, m in _at(result, "XLS019")] == [
        "the workbook reader warned: something odd in this cell"
    ]
    code, text = _cli(path, tmp_path, capsys)
    assert code == 0
    assert "XLS019 warning" in text


def test_excel_extensions_give_no_warning_and_no_finding(tmp_path: Path) -> None:
    """Excel's own extensions (x14 dropdowns) hold no values: not read, nothing said."""
    book = _example()
    path = _saved(book, tmp_path)
    source = zipfile.ZipFile(path)
    name = "xl/worksheets/sheet2.xml"
    ext = (
        b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}">'
        b'<x14:dataValidations xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/'
        b'2009/9/main" count="0"/></ext></extLst></worksheet>'
    )
    patched = source.read(name).replace(b"</worksheet>", ext)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = import_workbook(_with_part_of(path, name, patched, tmp_path))
    assert result.value is not None
    assert not [f for f in result.findings if f.code.startswith("XLS")]


# -- unsafe XML anywhere ---------------------------------------------------------------------

_DOCTYPE = b'<!DOCTYPE lolz [<!ENTITY lol "lol">]>'
_BODY = b'<worksheet xmlns="' + NS + b'"><sheetData/></worksheet>'


@pytest.mark.parametrize(
    "part",
    [
        "xl/worksheets/sheet2.xml",
        "xl/workbook.xml",
        "xl/styles.xml",
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
    ],
)
@pytest.mark.parametrize("offset", [70_000, 65_536 - 5, 3 * 65_536 - 1])
def test_a_doctype_past_the_first_64_kib_is_xls003(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], part: str, offset: int
) -> None:
    """A DOCTYPE after a long comment, even split across two 64 KiB chunks: XLS003."""
    head = b'<?xml version="1.0"?><!--'
    pad = b"x" * (offset - len(head) - 3)
    data = head + pad + b"-->" + _DOCTYPE + _BODY
    assert data.index(b"<!DOCTYPE") == offset
    path = _with_part(part, data, tmp_path)
    result = import_workbook(path)
    assert result.value is None
    assert [f.code for f in result.findings] == ["XLS003"]
    assert part in result.findings[0].message_en
    code, text = _cli(path, tmp_path, capsys)
    assert code == 2
    assert "XLS003" in text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_doctype_in_a_utf16_part_is_xls003(tmp_path: Path, encoding: str) -> None:
    """UTF-16 with or without a byte-order mark, the DOCTYPE far into the part."""
    text = '<?xml version="1.0" encoding="UTF-16"?><!--' + "y" * 80_000 + "-->"
    data = (text + _DOCTYPE.decode() + _BODY.decode()).encode(encoding)
    result = import_workbook(_with_part("xl/worksheets/sheet2.xml", data, tmp_path))
    assert [f.code for f in result.findings] == ["XLS003"]


def test_an_encoding_the_scan_cannot_read_is_xls003(tmp_path: Path) -> None:
    """EBCDIC would hide a DOCTYPE from a byte scan: refused (Excel writes UTF-8)."""
    data = b'<?xml version="1.0" encoding="cp037"?>' + _BODY
    result = import_workbook(_with_part("xl/worksheets/sheet2.xml", data, tmp_path))
    assert [f.code for f in result.findings] == ["XLS003"]


def test_a_plain_workbook_passes_the_scan(tmp_path: Path) -> None:
    """The scan reads every part and finds nothing in a workbook the plugin wrote."""
    result = import_workbook(_with_part("xl/worksheets/sheet2.xml", _BODY, tmp_path))
    assert "XLS003" not in [f.code for f in result.findings]


# -- one long cell text ----------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "code"), [("B3", "XLS013"), ("AH1", "XLS005")])
def test_a_long_text_in_a_code_cell_or_heading_is_a_finding(
    tmp_path: Path, cell: str, code: str
) -> None:
    """Excel's longest cell text where a code or a heading is expected: not matched (the
    importer matches at most 512 characters), a finding at its cell."""
    book = _example()
    book["Hoạt động"][cell] = "y " + "x" * 32_000  # B: the activity's kind, a code list
    result = import_workbook(_saved(book, tmp_path))
    found = [f for f in result.findings if f.code == code]
    assert len(found) == 1
    assert found[0].line == openpyxl.utils.cell.coordinate_to_tuple(cell)[0]


def test_non_finite_numbers_are_findings(tmp_path: Path) -> None:
    """NaN in a JSON cell is XLS015 (it would make the dataset invalid JSON); an infinite
    number cell in a number column is XLS009."""
    book = _example()
    sheet = book["Hoạt động"]
    headings = {c.value: c.column for c in sheet[2]}
    sheet.cell(row=3, column=headings["extensions"], value='{"x": NaN}')
    path = _saved(book, tmp_path)
    result = import_workbook(path)
    assert [(f.line, f.column) for f in result.findings if f.code == "XLS015"] == [
        (3, headings["extensions"])
    ]
    sheet.cell(row=3, column=headings["extensions"], value=None)
    sheet.cell(row=3, column=headings["quantity.value"], value=987654321)  # replaced below
    path = _saved(book, tmp_path, "inf.xlsx")
    source = zipfile.ZipFile(path)
    name = next(n for n in source.namelist() if b"<v>987654321</v>" in source.read(n))
    patched = source.read(name).replace(b"<v>987654321</v>", b"<v>1e999</v>")
    result = import_workbook(_with_part_of(path, name, patched, tmp_path))
    found = [(f.line, f.column, f.message_en) for f in result.findings if f.code == "XLS009"]
    assert [(line, col) for line, col, _ in found] == [(3, headings["quantity.value"])]
    assert found[0][2].startswith("Hoạt động!I3")
    assert "not a finite number" in found[0][2]


def test_an_integer_too_large_for_a_float_is_read_or_reported(tmp_path: Path) -> None:
    """A 400-digit integer: in a date cell XLS011 (beyond 9999), in a text cell its digits
    (XLS014); never an OverflowError that loses the workbook."""
    book = _example()
    sheet = book[AGREEMENTS]
    sheet["E3"].value = 987654321
    sheet["E3"].number_format = "dd/mm/yyyy"
    sheet["D3"].value = 987654322
    path = _saved(book, tmp_path)
    source = zipfile.ZipFile(path)
    name = next(n for n in source.namelist() if b"<v>987654321</v>" in source.read(n))
    digits = b"9" * 400
    patched = (
        source.read(name)
        .replace(b"<v>987654321</v>", b"<v>" + digits + b"</v>")
        .replace(b"<v>987654322</v>", b"<v>" + digits + b"</v>")
    )
    result = import_workbook(_with_part_of(path, name, patched, tmp_path))
    assert result.value is not None
    dates = _at(result, "XLS011")
    assert [(line, col) for line, col, _ in dates] == [(3, 5)]
    assert "beyond 31/12/9999" in dates[0][2]
    assert [(line, col) for line, col, _ in _at(result, "XLS014")] == [(3, 4)]
    titles = [r.get("title") for r in result.value["records"] if r["type"] == "agreement"]
    assert titles[0] == "9" * 400


def test_lone_surrogates_in_cells_are_findings_not_crashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON cell's \\ud800 escape is a lone surrogate, which cannot be written as UTF-8:
    XLS015 at its cell, not a crash. A text cell's _xD800_ escape is read as those letters
    (only the escapes of control characters are restored), so it cannot bring one."""
    book = _example()
    sheet = book["Hoạt động"]
    headings = {c.value: c.column for c in sheet[2]}
    sheet.cell(row=3, column=headings["extensions"], value='{"x": "\\ud800"}')
    sheet.cell(row=4, column=headings["description"], value="PLACEHOLDER")
    path = _saved(book, tmp_path)
    source = zipfile.ZipFile(path)
    name = next(n for n in source.namelist() if b"PLACEHOLDER" in source.read(n))
    patched = source.read(name).replace(b"PLACEHOLDER", b"a_xD800_b")
    path = _with_part_of(path, name, patched, tmp_path)
    result = import_workbook(path)
    found = sorted((f.line, f.column) for f in result.findings if f.code == "XLS015")
    assert found == [(3, headings["extensions"])]
    assert result.value is not None
    assert "a_xD800_b" in [r.get("description") for r in result.value["records"]]
    code, _ = _cli(path, tmp_path, capsys)
    assert code == 1
