"""The 2.0 rules on one record (V201-V210): each fires on the problem it names, and not on
the neighbouring correct record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Check = Callable[..., list[tuple[str, str, str]]]


def _quantity(value: float | None, as_written: str, **more: Any) -> dict[str, Any]:
    found: dict[str, Any] = {"unit": "tip", "as_written": as_written, **more}
    if value is not None:
        found["value"] = value
    return found


@pytest.mark.parametrize(
    ("quantity", "fires"),
    [
        (_quantity(1000, "hàng nghìn nguồn tin"), True),
        (_quantity(12, "Nhiều vụ việc"), True),
        (_quantity(None, "hàng nghìn nguồn tin", precision="vague", magnitude="thousands"), False),
        (_quantity(1200, "hơn 1.200 nguồn tin", precision="more_than"), False),
        (_quantity(3, "nhiều hơn 3 vụ", precision="more_than"), False),
        (_quantity(7, "bảy vụ"), False),
    ],
)
def test_v201_vague_words_with_a_number(
    check: Check, fig: Callable[..., Any], quantity: dict[str, Any], fires: bool
) -> None:
    found = check("V201", [fig("f1", quantity=quantity)])
    assert [(rid, pointer) for rid, pointer, _ in found] == (
        [("f1", "/quantity/value")] if fires else []
    )


def _award(total: int, *counts: int) -> dict[str, Any]:
    return {
        "type": "award",
        "id": "aw1",
        "forms": ["certificate_of_merit"],
        "total": {"value": total, "unit": "collective_or_person"},
        "recipients": [
            {"kind": kind, "quantity": {"value": count, "unit": "person"}}
            for kind, count in zip(("collective", "individual"), counts, strict=False)
        ],
    }


def test_v202_award_split_must_add_up(check: Check) -> None:
    assert check("V202", [_award(35, 15, 20)]) == []
    found = check("V202", [_award(40, 15, 20)])
    assert found == [("aw1", "/total/value", "the recipients add up to 35, the total is 40")]


def test_v202_an_inexact_recipient_only_fails_when_the_exact_ones_exceed(check: Check) -> None:
    award = _award(30, 15, 20)
    award["recipients"][1]["quantity"]["precision"] = "more_than"
    assert check("V202", [award]) == []
    award["total"]["value"] = 14
    assert [pointer for _, pointer, _ in check("V202", [award])] == ["/total/value"]


def _assessment(results: list[tuple[str, int, int | None]], total: int | None) -> dict[str, Any]:
    found: dict[str, Any] = {
        "type": "assessment",
        "id": "asm1",
        "scheme": "movement_grading",
        "period": {"kind": "interval", "start": "2024-01-01", "end": "2024-12-31"},
        "results": [
            {
                "outcome": outcome,
                "subjects": ["district"],
                "quantity": {"value": value, "unit": "unit"}
                | ({"denominator": denominator} if denominator else {}),
            }
            for outcome, value, denominator in results
        ],
    }
    if total is not None:
        found["totals"] = [{"subjects": ["district"], "quantity": {"value": total, "unit": "unit"}}]
    return found


def test_v203_results_add_up_to_their_total_and_denominator(check: Check) -> None:
    good = [("excellent", 16, None), ("good", 1, None), ("average", 1, None)]
    assert check("V203", [_assessment(good, 18)]) == []
    found = check("V203", [_assessment(good, 19)])
    assert [(pointer, message) for _, pointer, message in found] == [
        ("/totals/0/quantity/value", "the results for district add up to 18, not 19 (total)")
    ]
    shared = [("excellent", 3, 52), ("good", 45, None), ("average", 5, None)]
    found = check("V203", [_assessment(shared, None)])
    assert [pointer for _, pointer, _ in found] == ["/results/0/quantity/denominator"]


def _plan(*phases: tuple[str, str]) -> dict[str, Any]:
    return {
        "type": "plan",
        "id": "plan1",
        "goal": "reach_assessment",
        "period": {"kind": "interval", "start": "2025-03-01", "end": "2025-12-31"},
        "phases": [
            {"number": number, "period": {"kind": "interval", "start": start, "end": end}}
            for number, (start, end) in enumerate(phases, start=1)
        ],
    }


def test_v204_phase_outside_its_plan(check: Check) -> None:
    inside = _plan(("2025-03-01", "2025-06-30"), ("2025-07-01", "2025-12-31"))
    assert check("V204", [inside]) == []
    outside = _plan(("2025-02-01", "2025-06-30"), ("2025-07-01", "2026-01-31"))
    found = check("V204", [outside])
    assert [pointer for _, pointer, _ in found] == ["/phases/0/period", "/phases/1/period"]


def test_v205_overlapping_phases_are_an_info(check: Check) -> None:
    assert check("V205", [_plan(("2025-03-01", "2025-05-31"), ("2025-06-01", "2025-12-31"))]) == []
    found = check("V205", [_plan(("2025-06-01", "2025-12-31"), ("2025-03-01", "2025-06-30"))])
    assert found == [
        (
            "plan1",
            "/phases/0/period",
            "phase 1 starts on 2025-06-01, before phase 2 ends on 2025-06-30",
        )
    ]


@pytest.mark.parametrize(
    ("quantity", "pointers"),
    [
        ({"value": 4, "unit": "item", "classifier": "khau", "counted": ["gun"]}, []),
        ({"value": 4, "unit": "kg", "classifier": "khau"}, ["/quantity/classifier"]),
        (
            {"value": 4, "unit": "km", "counted": ["gun", "round"]},
            ["/quantity/counted/0", "/quantity/counted/1"],
        ),
        ({"value": 86900000000, "unit": "vnd", "counted": ["gift"]}, []),
        ({"value": 2, "unit": "vnd", "classifier": "suat"}, ["/quantity/classifier"]),
    ],
)
def test_v206_counting_words_only_on_counts(
    check: Check, fig: Callable[..., Any], quantity: dict[str, Any], pointers: list[str]
) -> None:
    found = check("V206", [fig("f1", quantity=quantity)])
    assert [pointer for _, pointer, _ in found] == pointers


def _duration(value: int, unit: str, start: str, end: str, precision: str = "exact") -> Any:
    length: dict[str, Any] = {"value": value, "unit": unit}
    if precision != "exact":
        length["precision"] = precision
    return {"kind": "duration", "length": length, "start": start, "end": end}


@pytest.mark.parametrize(
    ("period", "fires"),
    [
        (_duration(10, "year", "2013-01-01", "2022-12-31"), False),
        (_duration(10, "year", "2013-06-01", "2023-06-01"), False),
        (_duration(10, "year", "2015-01-01", "2022-12-31"), True),
        (_duration(1, "month", "2023-06-01", "2023-07-10", "more_than"), False),
        (_duration(1, "month", "2023-06-01", "2023-06-10", "more_than"), True),
        (_duration(9, "month", "2023-01-01", "2023-12-31", "less_than"), True),
        (_duration(5, "day", "2023-01-01", "2023-01-05"), False),
        (_duration(5, "day", "2023-01-01", "2023-01-09"), True),
    ],
)
def test_v207_duration_against_its_dates(
    check: Check, fig: Callable[..., Any], period: Any, fires: bool
) -> None:
    found = check("V207", [fig("f1", period=period)])
    assert [pointer for _, pointer, _ in found] == (["/period/length"] if fires else [])


def test_v209_inferred_period_without_basis(check: Check, fig: Callable[..., Any]) -> None:
    year = {"kind": "interval", "start": "2023-01-01", "end": "2023-12-31", "inferred": True}
    assert [p for _, p, _ in check("V209", [fig("f1", period=year)])] == ["/period/inferred"]
    year["basis"] = "the page date"
    assert check("V209", [fig("f1", period=year)]) == []
    composite = {
        "kind": "composite",
        "parts": [
            {"kind": "interval", "start": "2018-01-01", "end": "2018-12-31"},
            {"kind": "interval", "start": "2019-01-01", "end": "2019-08-31", "inferred": True},
        ],
    }
    found = check("V209", [fig("f1", period=composite)])
    assert [p for _, p, _ in found] == ["/period/parts/1/inferred"]


def _graded(basis: str | None, scheme: str = "movement_grading") -> dict[str, Any]:
    record = _assessment([("excellent", 1, None)], None)
    record["scheme"] = scheme
    if basis is not None:
        record["basis_as_written"] = basis
    return record


@pytest.mark.parametrize(
    ("scheme", "basis", "fires"),
    [
        ("movement_grading", "Thông tư số 124 ngày 28/12/2021 của Bộ Công an", True),
        ("movement_grading", "Quyết định số 510/QĐ-BCA-V05", False),
        ("safe_antt", "Thông tư số 124 ngày 28/12/2021 của Bộ Công an", False),
        ("safe_antt", "Thông tư 23/2012/TT-BCA", False),
        ("movement_grading", None, False),
        ("model_ward_police", "các tiêu chí của Bộ Công an", False),
    ],
)
def test_v210_basis_not_the_schemes_instrument(
    check: Check, scheme: str, basis: str | None, fires: bool
) -> None:
    found = check("V210", [_graded(basis, scheme)])
    assert [pointer for _, pointer, _ in found] == (["/basis_as_written"] if fires else [])
