"""The 2.0 rules on links between figures (D101-D106) and D005/D008 on 2.0 figures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Check = Callable[..., list[tuple[str, str, str]]]
Fig = Callable[..., Any]


def _link(rel: str, to: str | list[str]) -> list[dict[str, Any]]:
    return [{"rel": rel, "to": to}]


def test_d101_part_in_a_unit_of_another_dimension(check: Check, fig: Fig) -> None:
    whole = fig("whole", 100, "vnd")
    part = fig("part", 10, "tip", links=_link("part_of", "whole"))
    found = check("D101", [whole, part])
    assert [(rid, pointer) for rid, pointer, _ in found] == [("part", "/links/0")]
    assert "money" in found[0][2]
    same = fig("part", 10, "person", links=_link("part_of", "whole2"))
    assert check("D101", [fig("whole2", 100, "household"), same]) == []


def test_d101_a_share_compares_its_base_unit(check: Check, fig: Fig) -> None:
    base = fig("base", 500, "person")
    share = fig("share", 40, "percent", links=_link("share_of", "base"))
    assert check("D101", [base, share]) == []
    share["quantity"]["base_unit"] = "vnd"
    assert [rid for rid, _, _ in check("D101", [base, share])] == ["share"]


def test_d101_a_declared_unit_has_its_dimension(check: Check, fig: Fig) -> None:
    vocabulary = {
        "namespace": "demo",
        "codes": [{"codelist": "units", "code": "demo:bao", "vi": "bao", "dimension": "mass"}],
    }
    records = [fig("whole", 5, "demo:bao"), fig("part", 2, "tip", links=_link("part_of", "whole"))]
    assert [rid for rid, _, _ in check("D101", records, vocabulary=vocabulary)] == ["part"]


def test_d102_a_cycle_of_links_is_reported_once(check: Check, fig: Fig) -> None:
    records = [
        fig("a", 1, links=_link("part_of", "b")),
        fig("b", 2, links=_link("follows_from", "c")),
        fig("c", 3, links=_link("achieved_by", ["a", "d"])),
        fig("d", 4),
    ]
    found = check("D102", records)
    assert found == [("a", "/links", "links go round: a -> b -> c -> a")]
    records[2]["links"] = _link("achieved_by", ["d"])
    assert check("D102", records) == []


def test_d102_value_of_and_share_links_make_no_cycle(check: Check, fig: Fig) -> None:
    records = [fig("a", 1, links=_link("value_of", "b")), fig("b", 2, links=_link("share_of", "a"))]
    assert check("D102", records) == []


def test_d103_link_to_a_record_that_is_not_a_figure(check: Check, fig: Fig) -> None:
    source = {"type": "source", "id": "src", "kind": "article", "title": "T"}
    records = [
        source,
        fig("a", links=_link("part_of", "src")),
        fig("b", links=_link("part_of", "a")),
    ]
    found = check("D103", records)
    assert [(rid, pointer) for rid, pointer, _ in found] == [("a", "/links/0/to")]
    assert "a source, not a figure" in found[0][2]


def test_d103_link_to_itself(check: Check, fig: Fig) -> None:
    found = check("D103", [fig("a", links=_link("version_of", "a"))])
    assert [message for _, _, message in found] == ["version_of 'a': a figure linked to itself"]


@pytest.mark.parametrize(
    ("mine", "theirs", "fires"),
    [
        ({"value": 700}, {"value": 700, "precision": "more_than"}, True),
        ({"value": 750}, {"value": 700, "precision": "more_than"}, False),
        ({"value": 700, "precision": "about"}, {"value": 650}, False),
        ({"value": 700, "precision": "at_least"}, {"value": 700, "precision": "at_most"}, False),
        ({"value": 10, "precision": "range", "upper": 20}, {"value": 25}, True),
        ({"precision": "vague", "magnitude": "hundreds"}, {"value": 700}, False),
    ],
)
def test_d104_values_of_versions_must_be_able_to_agree(
    check: Check, fig: Fig, mine: dict[str, Any], theirs: dict[str, Any], fires: bool
) -> None:
    main = fig("main", quantity={"unit": "model_type", **theirs})
    version = fig("v", quantity={"unit": "model_type", **mine}, links=_link("version_of", "main"))
    found = check("D104", [main, version])
    assert [(rid, pointer) for rid, pointer, _ in found] == ([("v", "/links/0")] if fires else [])


def test_d104_versions_of_another_kind_or_unit(check: Check, fig: Fig) -> None:
    main = fig("main", 10, "tip")
    version = fig("v", 10, "case", links=_link("version_of", "main"))
    assert "units 'case', 'tip'" in check("D104", [main, version])[0][2]
    version = fig("v", 10, "tip", kind="models", links=_link("version_of", "main"))
    assert "kinds 'models', 'tips_provided'" in check("D104", [main, version])[0][2]


def test_d105_version_of_a_version(check: Check, fig: Fig) -> None:
    records = [
        fig("main"),
        fig("v1", links=_link("version_of", "main")),
        fig("v2", links=_link("version_of", "v1")),
    ]
    found = check("D105", records)
    assert [(rid, pointer) for rid, pointer, _ in found] == [("v2", "/links/0/to")]
    records[2]["links"] = _link("version_of", "main")
    assert check("D105", records) == []


def test_d106_fewer_members_than_groups(check: Check, fig: Fig) -> None:
    teams = fig("teams", 1200, "team", kind="teams")
    members = fig("members", 900, "person", kind="team_members", links=_link("members_of", "teams"))
    found = check("D106", [teams, members])
    assert [(rid, pointer) for rid, pointer, _ in found] == [("members", "/quantity/value")]
    members["quantity"]["value"] = 9000
    assert check("D106", [teams, members]) == []
    members["quantity"] = {"value": 900, "unit": "person", "precision": "more_than"}
    assert check("D106", [teams, members]) == []


def test_d005_same_figure_twice_on_2_0(check: Check, fig: Fig) -> None:
    records = [fig("a", 12), fig("b", 12)]
    found = check("D005", records)
    assert [(rid, message) for rid, _, message in found] == [
        ("b", "same figure as 'a' at data/dataset.json /records/0")
    ]


@pytest.mark.parametrize(
    "change",
    [
        {"qualifiers": ["valuable"]},
        {"lifecycle": ["new"]},
        {"event": "ev1"},
        {"quantity": {"value": 12, "unit": "tip", "counted": ["gun"]}},
    ],
)
def test_d005_key_tells_counted_qualifiers_lifecycle_and_event_apart(
    check: Check, fig: Fig, change: dict[str, Any]
) -> None:
    assert check("D005", [fig("a", 12), fig("b", 12, **change)]) == []


def test_d005_versions_are_meant_to_be_two(check: Check, fig: Fig) -> None:
    records = [fig("a", 12), fig("b", 12, links=_link("version_of", "a"))]
    assert check("D005", records) == []


@pytest.mark.parametrize(
    ("part", "whole", "fires"),
    [
        ({"value": 13}, {"value": 12}, True),
        ({"value": 12}, {"value": 12}, False),
        ({"value": 13}, {"value": 12, "precision": "more_than"}, False),
        ({"value": 13, "precision": "about"}, {"value": 12}, False),
        ({"value": 12, "precision": "more_than"}, {"value": 12}, True),
        ({"value": 13, "unit": "case"}, {"value": 12}, False),
    ],
)
def test_d008_part_larger_than_its_whole_on_2_0(
    check: Check, fig: Fig, part: dict[str, Any], whole: dict[str, Any], fires: bool
) -> None:
    records = [
        fig("whole", quantity={"unit": "tip", **whole}),
        fig("part", quantity={"unit": "tip", **part}, links=_link("part_of", "whole")),
    ]
    found = check("D008", records)
    assert [(rid, pointer) for rid, pointer, _ in found] == (
        [("part", "/links/0")] if fires else []
    )


def test_d008_parts_of_another_period_are_not_compared(check: Check, fig: Fig) -> None:
    month = {"kind": "interval", "start": "2023-06-01", "end": "2023-06-30"}
    records = [fig("whole", 12), fig("part", 13, period=month, links=_link("part_of", "whole"))]
    assert check("D008", records) == []
