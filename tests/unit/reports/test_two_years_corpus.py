"""Two years of one place (issue #19): TP.HCM (R01 + R15) and Nghệ An (R07 + R11).

Their shared records (the same province, the same people's committee, the Prime Minister)
carry one id and one content in both files, so validated together they raise no D001; a
report of both keeps each year apart, and a comparison pairs only like with like.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from antt_domain.aggregate import aggregate_v2, compare_v2
from antt_domain.cli._load import load_all
from antt_domain.model.v2 import Dataset
from antt_domain.reports import render_markdown, render_summary
from antt_domain.validation import validate

CORPUS = Path(__file__).parents[3] / "examples" / "corpus"
PAIRS = [
    ("R01-tp-ho-chi-minh-2015", "R15-tp-ho-chi-minh-2023"),
    ("R07-nghe-an-2020", "R11-nghe-an-bien-gioi-2023"),
]


def _paths(pair: tuple[str, str]) -> list[str]:
    return [str(CORPUS / name / "dataset.json") for name in pair]


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: "+".join(n[:3] for n in p))
def test_shared_records_are_one_record_for_validation(pair: tuple[str, str]) -> None:
    report = validate(*_paths(pair))
    assert [f for f in report.findings if f.code == "D001"] == []
    shared = set.intersection(*(set(_ids(p)) for p in _paths(pair)))
    assert shared  # the same province is in both files


def _ids(path: str) -> list[str]:
    loaded = load_all([path])
    return [r.id for r in loaded.records]


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: "+".join(n[:3] for n in p))
def test_each_year_is_reported_apart(pair: tuple[str, str]) -> None:
    merged = load_all(_paths(pair))
    assert isinstance(merged, Dataset)
    result = aggregate_v2(merged)
    alone = [aggregate_v2(load_all([p])) for p in _paths(pair)]  # type: ignore[arg-type]
    # Merging adds nothing: every cell of the two years is a cell of one year's file.
    assert sorted(c.key.sort_key() for c in result.cells) == sorted(
        c.key.sort_key() for one in alone for c in one.cells
    )
    summary = render_summary(merged, lang="vi")
    assert "từng năm riêng" in summary.split("\n\n")[1]
    assert render_markdown(merged, lang="vi").count("| ") > 0


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: "+".join(n[:3] for n in p))
def test_a_comparison_pairs_only_like_with_like(pair: tuple[str, str]) -> None:
    merged = load_all(_paths(pair))
    assert isinstance(merged, Dataset)
    for year in range(2014, 2025):
        comparison = compare_v2(merged, current=year)
        for row in comparison.rows:
            for cell in (row.current, row.previous):
                if cell is not None:
                    assert attrs.evolve(cell.key, period="") == row.key
            if row.change is not None:
                assert row.current is not None
                assert row.previous is not None


def test_a_comparison_never_sets_unlike_figures_against_each_other() -> None:
    """165 sessions one year and 15 campaigns the next are two rows, with no change."""
    sessions = _figure("fig-a", 2022, 165, "session")
    campaigns = _figure("fig-b", 2023, 15, "wave")
    same = _figure("fig-c", 2022, 165, "session", kind="outreach_meeting")
    again = _figure("fig-d", 2023, 165, "session", kind="outreach_meeting")
    dataset = _dataset(sessions, campaigns, same, again)
    rows = compare_v2(dataset, current=2023).rows
    by_unit = {(r.key.kind, r.key.unit): r for r in rows}
    assert by_unit["outreach_sessions", "session"].change is None
    assert by_unit["outreach_sessions", "wave"].change is None
    assert by_unit["outreach_meeting", "session"].change == 0


def _figure(
    rid: str, year: int, value: int, unit: str, kind: str = "outreach_sessions"
) -> dict[str, object]:
    return {
        "id": rid,
        "type": "figure",
        "kind": kind,
        "period": {"kind": "interval", "start": f"{year}-01-01", "end": f"{year}-12-31"},
        "quantity": {"value": value, "unit": unit},
    }


def _dataset(*figures: dict[str, object]) -> Dataset:
    from antt_domain.convert.v2 import structure_dataset  # noqa: PLC0415 - test helper only

    return structure_dataset(
        {
            "schema_version": "2.0",
            "id": "two-years",
            "title": "Two years",
            "publisher": {"name": "test"},
            "records": list(figures),
        }
    )
