"""Shared helpers: workbooks written by the plugin, then edited as an officer would."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from antt_domain import load_example

from antt_domain_xlsx import dataset_bytes, template_bytes


@pytest.fixture
def example_xlsx(tmp_path: Path) -> Path:
    """The example dataset exported as a Vietnamese workbook."""
    path = tmp_path / "example.xlsx"
    path.write_bytes(dataset_bytes(load_example()))
    return path


def edit(data: bytes) -> openpyxl.Workbook:
    """A workbook (written by the plugin) opened for editing."""
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.fixture
def template() -> openpyxl.Workbook:
    """The Vietnamese template, opened for editing."""
    return edit(template_bytes())
