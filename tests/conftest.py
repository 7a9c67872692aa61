"""Shared fixtures. Tests import the *installed* antt_domain (CI installs it non-editable).

Hypothesis runs the ``ci`` profile (its full number of examples) unless ``HYPOTHESIS_PROFILE``
names another: ``HYPOTHESIS_PROFILE=dev`` runs fewer examples and no deadline, for the fast
run while you work. A test's own ``@settings(max_examples=...)`` still wins over a profile.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from helpers.world import World

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "cam-thuy-2021" / "dataset.json"

settings.register_profile("ci", settings.get_profile("default"), print_blob=True)
settings.register_profile("dev", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def example_path() -> Path:
    """The example dataset file of the repository."""
    return EXAMPLE


@pytest.fixture
def example_json() -> dict[str, Any]:
    """The example dataset as parsed JSON (a fresh copy for each test)."""
    value: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return value


@pytest.fixture
def crash_records(tmp_path: Path) -> Path:
    """The example's records as JSONL for the crashing-rules plugin: an activity whose id ends
    in 'boom' at line 21 and a record that breaks its schema at the end."""
    from antt_domain import load_example  # noqa: PLC0415 - the installed package, when used
    from antt_domain.io import dumps  # noqa: PLC0415

    records = [json.loads(dumps(r)) for r in load_example().records]
    boom = next(r for r in records if r["type"] == "activity")
    lines = [*records[:20], {**boom, "id": "act-boom"}, *records[20:]]
    lines.append({"id": "act-x", "type": "activity", "kind": "patrol", "nope": 1})
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n", "utf-8")
    return path


@pytest.fixture
def world() -> World:
    """A fresh made-up world with areas, two organisations and an agreement, and no figures."""
    return World()
