"""Reports render whatever the model accepts, even references that validation would flag."""

from __future__ import annotations

import attrs
import pytest

from antt_domain import load_example
from antt_domain.model import Activity
from antt_domain.reports import render_markdown, render_summary


@pytest.mark.parametrize("render", [render_summary, render_markdown])
def test_a_breakdown_of_a_source_record_renders_with_its_id(render: object) -> None:
    """An activity whose part_of names a source (D003 in validation; found by hypothesis):
    the part is shown as part of that id, not a KeyError on the source's kind."""
    dataset = load_example()
    first = next(r for r in dataset.records if isinstance(r, Activity))
    odd = attrs.evolve(first, part_of="src-article")
    records = tuple(odd if r is first else r for r in dataset.records)
    text = render(attrs.evolve(dataset, records=records), lang="en")  # type: ignore[operator]
    assert text.endswith("\n")
