"""Comparing two periods, and the plain-JSON shape of an aggregate (version 1)."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

import pytest

from antt_domain.aggregate import (
    JSON_VERSION,
    AggregationError,
    aggregate,
    compare,
    comparison_to_json,
    to_json,
)
from antt_domain.model import AsOf, Interval, Unstated

if TYPE_CHECKING:
    from helpers.world import World


def test_this_year_against_last_gives_the_change_where_both_exist(world: World) -> None:
    """2021 vs 2020: outreach 15 vs 10 changes by +5; tips exist only in 2021."""
    world.activity("a2020", 10, period=Interval.year(2020)).activity("a2021", 15)
    world.outcome("tips", 23, "tip", kind="tips_provided")
    result = compare(world.dataset(), current=2021)
    assert [
        (
            (r.current or r.previous).kind,  # type: ignore[union-attr]
            None if r.current is None else r.current.value,
            None if r.previous is None else r.previous.value,
            r.change,
        )
        for r in result.rows
    ] == [("mobile_outreach", 15, 10, 5), ("tips_provided", 23, None, None)]
    assert Interval.year(2020) == result.previous.period


def test_no_change_is_computed_between_qualified_figures(world: World) -> None:
    """'hơn 10' last year and 15 this year have no exact difference."""
    world.activity("a2020", 10, precision="more_than", period=Interval.year(2020))
    world.activity("a2021", 15)
    (row,) = compare(world.dataset(), current=2021).rows
    assert (row.both, row.change) == (True, None)


def test_the_quarter_before_the_first_is_last_years_fourth(world: World) -> None:
    """Q1 2021 is compared with Q4 2020 by default."""
    result = compare(world.dataset(), current=Interval.quarter(2021, 1))
    assert Interval.quarter(2020, 4) == result.previous.period


@pytest.mark.parametrize(
    "arguments",
    [
        {"current": Interval(start=date(2021, 1, 5), end=date(2021, 2, 5))},
        {"current": 2021, "by": ("year",)},
    ],
)
def test_comparisons_that_would_guess_are_refused(
    world: World, arguments: dict[str, object]
) -> None:
    """An odd interval needs an explicit previous period; grouping by period never matches."""
    with pytest.raises(AggregationError):
        compare(world.dataset(), **arguments)  # type: ignore[arg-type]


def test_an_aggregate_as_json_has_version_cells_apart_and_models(world: World) -> None:
    """The documented shape: version 1, groups with flows and stocks, apart, models."""
    world.activity("a", 1838).outcome("s", 14, "model_type", period=AsOf(date=date(2021, 3, 5)))
    world.activity("u", 2543, "broadcast", period=Unstated(as_written="những năm qua"))
    world.launch("m", "c11", None)
    body = to_json(aggregate(world.dataset(), period=2021, by=("district",)), lang="vi")
    expected_flow = {
        "type": "activity",
        "kind": "mobile_outreach",
        "measure": "quantity",
        "unit": "session",
        "dimension": "count",
        "recorded_at": "commune",
        "value": 1838,
        "precision": "exact",
        "upper": None,
        "denominator": None,
        "records": ["a"],
        "labels": {"kind": "Tuyên truyền lưu động", "unit": "buổi"},
    }
    (group,) = body["groups"]
    assert (body["version"], 1) == (JSON_VERSION, 1)
    assert body["period"] == {"start": "2021-01-01", "end": "2021-12-31"}
    assert group["key"] == {"district": "d1"}
    assert [expected_flow] == group["flows"]
    assert (
        group["stocks"][0]["as_of"],
        group["stocks"][0]["area"],
        group["stocks"][0]["superseded"],
    ) == ("2021-03-05", "c11", [])
    assert [(a["record"], a["reason"], a["period"]) for a in body["apart"]] == [
        ("u", "unstated_period", {"kind": "unstated", "as_written": "những năm qua"})
    ]
    assert body["models"] == [{"model_type": "mt", "instances": [], "unattributed": ["m"]}]
    assert body == json.loads(json.dumps(body))


def test_decimals_come_out_as_json_numbers(world: World) -> None:
    """2.5 + 0.1 sessions is 2.6 in JSON, a number."""
    world.activity("a", 2.5).activity("b", 0.1)
    (group,) = to_json(aggregate(world.dataset()))["groups"]
    assert group["flows"][0]["value"] == 2.6


def test_a_comparison_as_json_pairs_rows(world: World) -> None:
    """Rows carry both sides and the change."""
    world.activity("a2020", 10, period=Interval.year(2020)).activity("a2021", 15)
    body = comparison_to_json(compare(world.dataset(), current=2021))
    assert [(r["current"]["value"], r["previous"]["value"], r["change"]) for r in body["rows"]] == [
        (15, 10, 5)
    ]
