"""The ``xlsx`` exporter and text XML cannot hold: written visibly, never a failure."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import openpyxl
import pytest
from antt_domain import load_example
from antt_domain.model import Dataset, Organisation

from antt_domain_xlsx import dataset_bytes, read_workbook


def _with_name(name: str) -> tuple[Dataset, Organisation]:
    dataset = load_example()
    org = next(r for r in dataset.records if isinstance(r, Organisation))
    records = [attrs.evolve(r, name=name) if r is org else r for r in dataset.records]
    return attrs.evolve(dataset, records=records, title=name), org


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("a\x00b", "a_x0000_b"),
        ("a\x01b", "a_x0001_b"),
        ("a\x0bb", "a_x000B_b"),
        ("a\ufffeb", "a_xFFFE_b"),
        ("a\uffffb", "a_xFFFF_b"),
    ],
)
def test_characters_xml_cannot_hold_are_written_as_excel_writes_them(
    name: str, written: str
) -> None:
    """NUL, U+0001, U+000B, U+FFFE, U+FFFF: the workbook is written, the cell shows _xHHHH_."""
    dataset, org = _with_name(name)
    book = openpyxl.load_workbook(io.BytesIO(dataset_bytes(dataset)))
    cells = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert cells.count(written) == 2  # the dataset's title and the organisation's name
    assert org.id in cells


@pytest.mark.parametrize("name", ["a\x01b", "a\x0bb", "x\x1b[31m\r\nend\t"])
def test_controls_come_back_on_import(tmp_path: Path, name: str) -> None:
    """Control characters the importer knows how to read back are the same text again."""
    dataset, org = _with_name(name)
    path = tmp_path / "controls.xlsx"
    path.write_bytes(dataset_bytes(dataset))
    value, _ = read_workbook(path)
    assert value is not None
    assert [r["name"] for r in value["records"] if r["id"] == org.id] == [name]
    assert value["title"] == name
