"""Shared fixtures. Tests import the *installed* antt_domain (CI installs it non-editable)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "cam-thuy-2021" / "dataset.json"


@pytest.fixture
def example_path() -> Path:
    """The example dataset file of the repository."""
    return EXAMPLE


@pytest.fixture
def example_json() -> dict[str, Any]:
    """The example dataset as parsed JSON (a fresh copy for each test)."""
    value: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return value
