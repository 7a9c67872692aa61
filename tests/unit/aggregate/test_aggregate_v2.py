"""``aggregate_v2``: 2.0 figures are added only like with like (docs/aggregation.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from antt_domain.aggregate import AggregationError, ApartReasonV2, aggregate, aggregate_v2
from antt_domain.io import load_any_dataset
from antt_domain.model import Dataset as Dataset1
from antt_domain.model import Publisher
from antt_domain.model.v2 import (
    Area,
    AreaLevel,
    AsOf,
    Dataset,
    Figure,
    Interval,
    LifecycleStage,
    Link,
    LinkRelation,
    ModelType,
    OrganisationLevel,
    Precision,
    Quantity,
    Unstated,
    VagueMagnitude,
    Vocabulary,
    VocabularyCode,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
YEAR = Interval(start=date(2023, 1, 1), end=date(2023, 12, 31))


def _figure(fid: str, value: int = 1, *, unit: str = "item", **extra: Any) -> Figure:
    quantity = extra.pop("quantity", None) or Quantity(
        value=value,
        unit=unit,
        classifier=extra.pop("classifier", None),
        counted=extra.pop("counted", ()),
        as_written=f"{value} as written {fid}",
    )
    return Figure(
        id=fid, kind=extra.pop("kind", "weapons_handed_in"), quantity=quantity,
        period=extra.pop("period", YEAR), **extra,
    )  # fmt: skip


def _dataset(*records: Any, vocabulary: Vocabulary | None = None) -> Dataset:
    return Dataset(
        id="ds", title="T", publisher=Publisher(name="P"), records=records, vocabulary=vocabulary
    )


def _cells(*records: Any) -> list[tuple[str, ...]]:
    return [tuple(c.record_ids) for c in aggregate_v2(_dataset(*records)).cells]


def test_like_figures_are_added_and_keep_their_words() -> None:
    result = aggregate_v2(_dataset(_figure("a", 4), _figure("b", 6)))
    (cell,) = result.cells
    assert (cell.total.value, cell.record_ids) == (10, ("a", "b"))
    assert [c.as_written for c in cell.contributions] == ["4 as written a", "6 as written b"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ({"classifier": "khau"}, {"classifier": "vien"}),
        ({"counted": ("gun",)}, {"counted": ("round",)}),
        ({"qualifiers": ("military",)}, {}),
        ({"lifecycle": (LifecycleStage.NEW,)}, {"lifecycle": (LifecycleStage.CONSOLIDATED,)}),
        ({"movements": ("antq",)}, {"movements": ("border_sovereignty",)}),
        ({"models": ("mt-province",)}, {"models": ("mt-district",)}),
        ({"unit": "item"}, {"unit": "person"}),
        ({"kind": "daknong:coffee_watch"}, {"kind": "weapons_handed_in"}),
        ({"area": "a-province"}, {"area": "a-district"}),
        (
            {"period": Interval(start=date(2022, 1, 1), end=date(2022, 12, 31))},
            {"period": YEAR},
        ),
    ],
)
def test_figures_differing_in_one_part_of_the_key_are_never_one_cell(
    one: dict[str, Any], other: dict[str, Any]
) -> None:
    models = (
        ModelType(id="mt-province", name="M", level=OrganisationLevel.PROVINCE),
        ModelType(id="mt-district", name="M", level=OrganisationLevel.DISTRICT),
    )
    areas = (
        Area(id="a-province", name="P", level=AreaLevel.PROVINCE),
        Area(id="a-district", name="D", level=AreaLevel.DISTRICT, parent="a-province"),
    )
    cells = _cells(_figure("a", **one), _figure("b", **other), *models, *areas)
    assert sorted(cells) == [("a",), ("b",)]


def test_model_level_alone_keeps_figures_apart() -> None:
    one = ModelType(id="m1", name="M", level=OrganisationLevel.PROVINCE)
    two = ModelType(id="m2", name="M", level=OrganisationLevel.DISTRICT)
    figures = (_figure("a", models=("m1",)), _figure("b", models=("m2",)))
    result = aggregate_v2(_dataset(one, two, *figures))
    assert sorted(c.key.model_levels for c in result.cells) == [("district",), ("province",)]


def test_an_extension_code_is_never_pooled_with_other() -> None:
    vocabulary = Vocabulary(
        namespace="daknong",
        codes=(
            VocabularyCode(codelist="figure_kinds", code="daknong:coffee_watch", vi="Canh cà phê"),
        ),
    )
    result = aggregate_v2(
        _dataset(
            _figure("a", kind="daknong:coffee_watch"),
            _figure("b", kind="other"),
            vocabulary=vocabulary,
        )
    )
    assert [c.record_ids for c in result.cells] == [("a",)]
    assert [(a.figure.id, a.reason) for a in result.apart] == [("b", ApartReasonV2.OTHER_CODE)]


def test_a_version_counts_once_and_is_listed_as_provenance() -> None:
    main = _figure("main", 10)
    version = _figure("v", 10, links=(Link(rel=LinkRelation.VERSION_OF, to="main"),))
    (cell,) = aggregate_v2(_dataset(main, version)).cells
    assert cell.total.value == 10
    assert cell.record_ids == ("main", "v")
    assert tuple(v.id for v in cell.contributions[0].versions) == ("v",)


def test_part_of_and_share_of_stay_apart_from_their_whole() -> None:
    whole = _figure("whole", 13)
    part = _figure("part", 3, links=(Link(rel=LinkRelation.PART_OF, to="whole"),))
    share = _figure(
        "share", 20, unit="percent", links=(Link(rel=LinkRelation.SHARE_OF, to="whole"),)
    )
    result = aggregate_v2(_dataset(whole, part, share))
    assert [(c.record_ids, c.total.value) for c in result.cells] == [(("whole",), 13)]
    reasons = {a.figure.id: a.reason for a in result.apart}
    assert reasons == {"part": ApartReasonV2.PART_OF, "share": ApartReasonV2.SHARE}


def test_vague_and_unstated_units_stay_apart_never_zero() -> None:
    vague = _figure(
        "vague",
        quantity=Quantity(unit="case", precision=Precision.VAGUE, magnitude=VagueMagnitude.MANY),
    )
    unstated = _figure("unstated", 468281, unit="unstated")
    counted = _figure("counted", 2, unit="case")
    result = aggregate_v2(_dataset(vague, unstated, counted))
    assert [c.record_ids for c in result.cells] == [("counted",)]
    reasons = {a.figure.id: a.reason for a in result.apart}
    assert reasons == {"vague": ApartReasonV2.VAGUE, "unstated": ApartReasonV2.UNSTATED_UNIT}


def test_flows_of_different_years_are_not_added_without_a_request() -> None:
    y22 = _figure("y22", 5, period=Interval(start=date(2022, 1, 1), end=date(2022, 12, 31)))
    y23 = _figure("y23", 7)
    assert _cells(y22, y23) == [("y22",), ("y23",)]
    only = aggregate_v2(_dataset(y22, y23), period=2023)
    assert [c.record_ids for c in only.cells] == [("y23",)]


def test_stocks_take_the_latest_value_per_area_never_a_sum_over_time() -> None:
    early = _figure("early", 40, kind="self_management_teams", period=AsOf(date=date(2022, 6, 30)))
    late = _figure("late", 45, kind="self_management_teams", period=AsOf(date=date(2023, 6, 30)))
    result = aggregate_v2(_dataset(early, late))
    assert [(c.record_ids, c.total.value) for c in result.cells] == [(("late",), 45)]
    assert [(a.figure.id, a.reason) for a in result.apart] == [
        ("early", ApartReasonV2.EARLIER_STOCK)
    ]


def test_unstated_periods_are_apart_and_area_filter_applies() -> None:
    areas = (
        Area(id="p", name="P", level=AreaLevel.PROVINCE),
        Area(id="d", name="D", level=AreaLevel.DISTRICT, parent="p"),
        Area(id="q", name="Q", level=AreaLevel.DISTRICT),
    )
    inside = _figure("inside", area="d")
    outside = _figure("outside", area="q")
    undated = _figure("undated", area="d", period=Unstated())
    result = aggregate_v2(_dataset(*areas, inside, outside, undated), area="p")
    assert [c.record_ids for c in result.cells] == [("inside",)]
    assert [(a.figure.id, a.reason) for a in result.apart] == [
        ("undated", ApartReasonV2.UNSTATED_PERIOD)
    ]
    with pytest.raises(AggregationError):
        aggregate_v2(_dataset(*areas), area="nowhere")
    with pytest.raises(AggregationError):
        aggregate_v2(_dataset(*areas), by=("organiser",))


def test_cam_thuy_2_0_gives_the_totals_of_the_1_0_report() -> None:
    folder = EXAMPLES / "cam-thuy-2021"
    one = load_any_dataset(folder / "dataset.json")
    two = load_any_dataset(folder / "dataset-2.0.json")
    assert isinstance(one, Dataset1)
    assert isinstance(two, Dataset)
    first, second = aggregate(one), aggregate_v2(two)
    assert sorted((c.record_ids, c.value, c.unit) for c in first.cells()) == sorted(
        (c.record_ids, c.total.value, c.key.unit) for c in second.cells
    )


def test_stocks_grouped_by_year_keep_the_latest_value_of_each_year() -> None:
    early = _figure("early", 40, kind="self_management_teams", period=AsOf(date=date(2022, 6, 30)))
    late = _figure("late", 45, kind="self_management_teams", period=AsOf(date=date(2023, 6, 30)))
    result = aggregate_v2(_dataset(early, late), by=("year",))
    cells = [(c.key.period, c.record_ids, c.total.value) for c in result.cells]
    assert cells == [("2022", ("early",), 40), ("2023", ("late",), 45)]
    assert result.apart == ()


def test_a_plugin_unit_is_added_with_the_lists_that_give_its_dimension() -> None:
    """A plugin's unit says its dimension in the lists passed as ``codelists`` (a manager's
    ``codelists_v2()``): its figures are then added as themselves; with the bundled lists
    alone the unit is unknown and they are listed apart."""
    from antt_domain.model import Code  # noqa: PLC0415
    from antt_domain.schemas import codelists  # noqa: PLC0415

    lists = dict(codelists("2"))
    bao = Code(code="org.x:bao", vi="bao", en="sack", extra={"dimension": "count"})
    lists["units"] = lists["units"].extended((bao,), by="demo")
    dataset = _dataset(_figure("f1", 2, unit="org.x:bao"), _figure("f2", 3, unit="org.x:bao"))
    added = aggregate_v2(dataset, codelists=lists)
    assert [(c.key.unit, tuple(c.record_ids)) for c in added.cells] == [("org.x:bao", ("f1", "f2"))]
    alone = aggregate_v2(dataset)
    assert alone.cells == ()
    assert {a.reason for a in alone.apart} == {ApartReasonV2.UNSTATED_UNIT}
