"""The 2.0 rules comparing a record with the records it names: D107, D108, D109, D113."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Check = Callable[..., list[tuple[str, str, str]]]
Fig = Callable[..., Any]


def _source(published: str) -> dict[str, Any]:
    return {"type": "source", "id": "src", "kind": "article", "title": "T", "published": published}


@pytest.mark.parametrize(
    ("published", "start", "fires"),
    [
        ("2023-07-08", "2023-01-01", False),
        ("2023-07-08", "2023-07-08", False),
        ("2023-07-08", "2023-07-09", True),
        ("2023-07", "2023-07-31", False),
        ("2023-07", "2023-08-01", True),
        ("2023", "2023-12-31", False),
        ("2022", "2023-01-01", True),
    ],
)
def test_d113_open_period_starting_after_its_source(
    check: Check, fig: Fig, published: str, start: str, fires: bool
) -> None:
    period = {"kind": "open", "start": start, "as_written": "từ ... đến nay"}
    records = [_source(published), fig("f1", period=period, sources=[{"source": "src"}])]
    found = check("D113", records)
    assert [(rid, pointer) for rid, pointer, _ in found] == (
        [("f1", "/period/start")] if fires else []
    )


def _area(area_id: str, level: str, **more: Any) -> dict[str, Any]:
    return {"type": "area", "id": area_id, "name": area_id, "level": level, **more}


def _assessment(subjects: list[str], members: list[str]) -> dict[str, Any]:
    return {
        "type": "assessment",
        "id": "asm",
        "scheme": "movement_grading",
        "period": {"kind": "interval", "start": "2024-01-01", "end": "2024-12-31"},
        "results": [
            {
                "outcome": "excellent",
                "subjects": subjects,
                "quantity": {"value": len(members), "unit": "unit"},
                "members": members,
            }
        ],
    }


def test_d107_member_at_another_level(check: Check) -> None:
    areas = [_area("d1", "district"), _area("c1", "commune")]
    found = check("D107", [*areas, _assessment(["district"], ["d1", "c1"])])
    assert found == [
        ("asm", "/results/0/members/1", "'c1' is at level 'commune', the result is for district")
    ]
    assert check("D107", [*areas, _assessment(["district"], ["d1"])]) == []


def test_d107_subjects_that_are_no_level_are_not_compared(check: Check) -> None:
    org = {"type": "organisation", "id": "o1", "name": "O", "kind": "police", "level": "province"}
    assert check("D107", [org, _assessment(["agency", "school"], ["o1"])]) == []


def test_d108_actor_or_event_area_not_in_existence(check: Check, fig: Fig) -> None:
    gone = _area("old-district", "district", valid_to="2025-07-01")
    police = {
        "type": "organisation",
        "id": "district-police",
        "name": "Công an huyện",
        "kind": "police",
        "level": "district",
        "valid_to": "2025-03-01",
    }
    event = {
        "type": "event",
        "id": "ev",
        "kinds": ["festival"],
        "period": {"kind": "interval", "start": "2025-08-01", "end": "2025-08-01"},
        "area": "old-district",
        "actors": [{"role": "organiser", "organisation": "district-police"}],
    }
    found = check("D108", [gone, police, event])
    assert [(rid, pointer) for rid, pointer, _ in found] == [
        ("ev", "/actors/0/organisation"),
        ("ev", "/area"),
    ]
    event["period"] = {"kind": "interval", "start": "2025-02-01", "end": "2025-02-01"}
    assert check("D108", [gone, police, event]) == []


def test_d108_assessment_members(check: Check) -> None:
    merged = _area("c1", "commune", valid_from="2025-07-01")
    found = check("D108", [merged, _assessment(["commune"], ["c1"])])
    assert [pointer for _, pointer, _ in found] == ["/results/0/members/0"]


def _event(*organisers: list[str]) -> dict[str, Any]:
    return {
        "type": "event",
        "id": "ev",
        "kinds": ["festival"],
        "period": {"kind": "interval", "start": "2023-07-07", "end": "2023-07-07"},
        "actors": [
            {
                "role": "organiser",
                "organisation": f"org{index}",
                **({"sources": [{"source": s} for s in sources]} if sources else {}),
            }
            for index, sources in enumerate(organisers)
        ],
    }


@pytest.mark.parametrize(
    ("organisers", "fires"),
    [
        ((["src-a"], ["src-b"]), True),
        ((["src-a"], ["src-a", "src-b"]), False),
        ((["src-a"], []), False),
        ((["src-a"],), False),
    ],
)
def test_d109_organisers_citing_different_sources(
    check: Check, organisers: tuple[list[str], ...], fires: bool
) -> None:
    found = check("D109", [_event(*organisers)])
    assert [(rid, pointer) for rid, pointer, _ in found] == ([("ev", "/actors/1")] if fires else [])
