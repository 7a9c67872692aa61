"""Bad files: each is one clear finding, bounded in time and memory, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl.xml
import pytest
from antt_domain import load_example

from antt_domain_xlsx import dataset_bytes, import_workbook


def _codes(path: Path) -> list[str]:
    result = import_workbook(path)
    assert result.value is None
    return [f.code for f in result.findings]


def test_a_csv_is_not_a_workbook(tmp_path: Path) -> None:
    """A file that is not a ZIP: XLS001."""
    path = tmp_path / "bang.xlsx"
    path.write_text("id,name\n1,x\n", encoding="utf-8")
    assert _codes(path) == ["XLS001"]


def test_a_truncated_workbook_is_refused(tmp_path: Path) -> None:
    """Half a workbook: XLS001."""
    data = dataset_bytes(load_example())
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert _codes(path) == ["XLS001"]


@pytest.mark.slow
def test_a_zip_bomb_is_refused_before_opening(tmp_path: Path) -> None:
    """A part that would unpack to 600 MiB is refused from the ZIP directory alone."""
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            block = b"\0" * (1024 * 1024)
            for _ in range(600):
                part.write(block)
    assert path.stat().st_size < 2 * 1024 * 1024
    assert _codes(path) == ["XLS002"]


def _with_part(name: str, content: bytes, tmp_path: Path) -> Path:
    source = zipfile.ZipFile(io.BytesIO(dataset_bytes(load_example())))
    path = tmp_path / "tampered.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = content if info.filename == name else source.read(info)
            target.writestr(info.filename, data)
    return path


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    """A 'billion laughs' DOCTYPE in a sheet: XLS003, and openpyxl itself uses defusedxml."""
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    path = _with_part("xl/worksheets/sheet2.xml", laughs, tmp_path)
    assert _codes(path) == ["XLS003"]
    assert openpyxl.xml.DEFUSEDXML


@pytest.mark.slow
def test_a_million_empty_formatted_rows_cost_nothing_and_hide_nothing(tmp_path: Path) -> None:
    """Formatted empty rows are skipped as the XML has them (the declared dimension is not
    trusted), and a value after a million of them is still read: nothing vanishes."""
    rows = b"".join(b'<row r="%d" s="1" customFormat="1"/>' % n for n in range(3, 1_000_003))
    sheet = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'
        + rows
        + b'<row r="1000005"><c r="A1000005" t="inlineStr"><is><t>far</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    path = _with_part("xl/worksheets/sheet9.xml", sheet, tmp_path)
    result = import_workbook(path)
    assert result.value is not None
    assert {"type": "source", "id": "far"} in result.value["records"]
