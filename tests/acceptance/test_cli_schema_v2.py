"""`antt schema --version 2` lists and prints the Schema 2.0 files; the default stays 1.0."""

from __future__ import annotations

import json

from helpers.cli import Run


def test_schema_version_2_lists_and_prints_schemas(antt: Run) -> None:
    """Schemas of 2.0 by name; a 1.0-only name is refused with the known 2.0 names."""
    listing = antt("schema", "--version", "2").stdout.split()
    assert {"figure", "event", "award", "assessment", "plan", "dataset"} <= set(listing)
    assert "activity" not in listing
    figure = json.loads(antt("schema", "--version", "2", "figure").stdout)
    assert figure["$id"].endswith("/v2/figure.schema.json")
    refused = antt("schema", "--version", "2", "activity")
    assert refused.returncode == 2
    assert "figure" in refused.stderr


def test_schema_version_2_prints_codelists(antt: Run) -> None:
    """A 2.0 codelist with its extra columns (a figure kind's class and usual units)."""
    names = antt("schema", "--version", "2", "--codelist").stdout.split()
    assert {"figure_kinds", "roles", "counted_things", "vague_magnitudes"} <= set(names)
    kinds = json.loads(antt("schema", "--version", "2", "--codelist", "figure_kinds").stdout)
    tips = next(c for c in kinds["codes"] if c["code"] == "tips_provided")
    assert tips["vi"] == "Cung cấp nguồn tin"
    assert tips["class"] == "outcome"
    assert tips["units"] == ["tip"]


def test_schema_default_stays_one_point_zero(antt: Run) -> None:
    """Without --version, the 1.0 files; an unknown version is a usage error."""
    assert "activity" in antt("schema").stdout.split()
    assert antt("schema", "figure").returncode == 2
    assert antt("schema", "--version", "1", "activity").returncode == 0
    assert antt("schema", "--version", "3").returncode == 2
