"""The rules that keep totals honest: units, stocks, periods, breakdowns, levels, provenance."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from antt_domain.aggregate import (
    Aggregate,
    AggregationError,
    ApartReason,
    Cell,
    Measure,
    aggregate,
)
from antt_domain.model import (
    Area,
    AreaLevel,
    AsOf,
    Frequency,
    Interval,
    Quantity,
    Recurring,
    Unstated,
)

if TYPE_CHECKING:
    from helpers.world import World


def _cells(result: Aggregate) -> list[tuple[str, str, object, tuple[str, ...]]]:
    return [(c.kind, c.unit, c.value, c.record_ids) for c in result.cells()]


def _apart(result: Aggregate) -> list[tuple[str, ApartReason]]:
    return [(a.record_id, a.reason) for a in result.apart]


def test_flows_of_one_kind_and_unit_sum_and_list_their_records(world: World) -> None:
    """Two 2021 outreach figures in sessions add up; the cell names both records."""
    world.activity("a1", 10).activity("a2", 5, area="c12")
    expected = [("mobile_outreach", "session", 15, ("a1", "a2"))]
    assert expected == _cells(aggregate(world.dataset(), period=2021))


def test_different_units_are_never_summed(world: World) -> None:
    """Sessions, households, đồng and persons of one kind stay in four cells."""
    world.activity("a1", 10, "session").activity("a2", 3, "household")
    world.activity("a3", 1_000_000, "vnd").activity("a4", 7, "person")
    units = sorted(c.unit for c in aggregate(world.dataset()).cells())
    assert units == ["household", "person", "session", "vnd"]


def test_participant_times_are_never_added_to_persons(world: World) -> None:
    """5.592 lượt người at a training stay apart from the 9 persons of the same kind."""
    participants = Quantity(value=5592, unit="participant_time")
    world.activity("train", 35, kind="legal_training", participants=participants)
    world.activity("other", 9, "person", kind="legal_training")
    cells = {(c.measure, c.unit): c.value for c in aggregate(world.dataset()).cells()}
    expected = {
        (Measure.QUANTITY, "session"): 35,
        (Measure.PARTICIPANTS, "participant_time"): 5592,
        (Measure.QUANTITY, "person"): 9,
    }
    assert expected == cells


def test_percentages_are_listed_never_summed(world: World) -> None:
    """Two percentages of one kind are kept apart, each on its own."""
    world.activity("p1", 72.6, "percent").activity("p2", 50, "percent")
    result = aggregate(world.dataset())
    assert (
        _cells(result),
        _apart(result),
    ) == ([], [("p1", ApartReason.NOT_SUMMABLE), ("p2", ApartReason.NOT_SUMMABLE)])


def test_stocks_take_the_latest_value_not_a_sum(world: World) -> None:
    """Models as of 2021-06-30 (10) then 2021-12-31 (14) give 14, the older one superseded."""
    world.outcome("s1", 10, "model_type", kind="models_built", period=AsOf(date=date(2021, 6, 30)))
    world.outcome("s2", 14, "model_type", kind="models_built", period=AsOf(date=date(2021, 12, 31)))
    (cell,) = aggregate(world.dataset(), period=2021).cells()
    assert (14, date(2021, 12, 31), ("s2",), ("s1",)) == (
        cell.value,
        cell.as_of,
        cell.record_ids,
        cell.superseded,
    )


def test_stocks_of_different_areas_are_not_added(world: World) -> None:
    """Each commune's stock stays its own cell, even in the district's group."""
    as_of = AsOf(date=date(2021, 12, 31))
    world.outcome("s1", 3, "unit", kind="units_recognised_safe", period=as_of, area="c11")
    world.outcome("s2", 4, "unit", kind="units_recognised_safe", period=as_of, area="c12")
    (group,) = aggregate(world.dataset(), by=("district",)).groups
    assert [(c.area, c.value) for c in group.stocks] == [("c11", 3), ("c12", 4)]


def test_unstated_periods_are_apart_and_never_in_a_year(world: World) -> None:
    """'những năm qua' and a 'hằng năm' without dates are listed apart, never as 2021."""
    world.activity("dated", 5)
    world.activity("unstated", 1838, period=Unstated(as_written="những năm qua"))
    world.activity("yearly", 2, period=Recurring(frequency=Frequency.YEARLY))
    result = aggregate(world.dataset(), by=("year",))
    assert [g.key for g in result.groups] == [(("year", "2021"),)]
    assert _cells(result) == [("mobile_outreach", "session", 5, ("dated",))]
    assert _apart(result) == [
        ("unstated", ApartReason.UNSTATED_PERIOD),
        ("yearly", ApartReason.UNSTATED_PERIOD),
    ]


def test_unstated_periods_are_listed_whatever_period_is_asked(world: World) -> None:
    """A report for 2020 still lists the undated figures, apart."""
    world.activity("unstated", 1838, period=Unstated())
    assert _apart(aggregate(world.dataset(), period=2020)) == [
        ("unstated", ApartReason.UNSTATED_PERIOD)
    ]


def test_a_recurring_figure_with_dates_counts_over_its_dates(world: World) -> None:
    """'hằng năm' from March to June 2021 counts in 2021 like an interval."""
    period = Recurring(frequency=Frequency.MONTHLY, start=date(2021, 3, 1), end=date(2021, 6, 30))
    world.activity("r", 4, period=period)
    assert _cells(aggregate(world.dataset(), period=2021)) == [
        ("mobile_outreach", "session", 4, ("r",))
    ]


def test_an_interval_beyond_the_period_spans_periods_and_is_not_split(world: World) -> None:
    """2020-07..2021-06 is neither 2021 nor half of it; 2019 is simply outside 2021."""
    world.activity("inside", 1)
    world.activity("across", 100, period=Interval(start=date(2020, 7, 1), end=date(2021, 6, 30)))
    world.activity("outside", 7, period=Interval.year(2019))
    result = aggregate(world.dataset(), period=2021)
    assert (_cells(result), _apart(result)) == ([("mobile_outreach", "session", 1, ("inside",))], [
        ("across", ApartReason.SPANS_PERIODS)
    ])  # fmt: skip


def test_an_interval_across_two_quarters_is_apart_when_grouping_by_quarter(
    world: World,
) -> None:
    """A whole-year figure has no quarter; a March figure is in Q1."""
    world.activity("year", 12).activity("march", 3, period=Interval.month(2021, 3))
    result = aggregate(world.dataset(), by=("quarter",))
    assert (
        [g.key for g in result.groups],
        _apart(result),
    ) == ([(("quarter", "2021-Q1"),)], [("year", ApartReason.SPANS_PERIODS)])


def test_breakdowns_are_never_added_to_their_whole(world: World) -> None:
    """120 tips, of which 60 valuable: the total is 120, the 60 are listed as a breakdown."""
    world.outcome("whole", 120, "tip", kind="tips_provided")
    world.outcome("part", 60, "tip", kind="tips_provided", part_of="whole")
    result = aggregate(world.dataset())
    assert (
        _cells(result),
        _apart(result),
    ) == ([("tips_provided", "tip", 120, ("whole",))], [("part", ApartReason.BREAKDOWN)])


def test_work_without_a_count_is_listed_as_such(world: World) -> None:
    """An activity with no quantity is 'reported without a count', not a zero."""
    world.activity("mobilise", None, kind="mobilisation")
    result = aggregate(world.dataset())
    assert (_cells(result), _apart(result)) == ([], [("mobilise", ApartReason.NO_COUNT)])


def test_district_figures_are_never_added_to_their_communes(world: World) -> None:
    """In D1's group the district's own 100 and the communes' 10 + 5 are two cells."""
    world.activity("district", 100, area="d1")
    world.activity("c11", 10, area="c11").activity("c12", 5, area="c12")
    (group,) = aggregate(world.dataset(), by=("district",)).groups
    assert [(c.recorded_at, c.value, c.record_ids) for c in group.flows] == [
        ("commune", 15, ("c11", "c12")),
        ("district", 100, ("district",)),
    ]


def test_roll_up_follows_parents_from_commune_to_province(world: World) -> None:
    """Communes roll up to their districts and the province; a district is no commune."""
    world.activity("c11", 1, area="c11").activity("c21", 2, area="c21")
    world.activity("d2", 40, area="d2")
    by_district = aggregate(world.dataset(), by=("district",))
    by_commune = aggregate(world.dataset(), by=("commune",))
    assert [
        (g.get("district"), [(c.recorded_at, c.value) for c in g.flows]) for g in by_district.groups
    ] == [
        ("d1", [("commune", 1)]),
        ("d2", [("commune", 2), ("district", 40)]),
    ]
    assert [g.get("commune") for g in by_commune.groups] == ["c11", "c21", None]


def test_an_area_filter_includes_descendants_by_id_or_code(world: World) -> None:
    """Code 390 (D1) selects D1's communes and D1 itself, not D2's."""
    world.activity("c11", 1, area="c11").activity("d1", 2, area="d1")
    world.activity("c21", 4, area="c21")
    by_code = aggregate(world.dataset(), area="390")
    by_id = aggregate(world.dataset(), area="d1")
    assert {"c11", "d1"} == set(by_code.record_ids()) == set(by_id.record_ids())


def test_a_reused_code_is_refused_unless_the_period_settles_it(world: World) -> None:
    """15145 names an old commune and, from 2025-07-01, a new one: the period decides."""
    world.add(Area(id="new", name="Xã mới", level=AreaLevel.COMMUNE, code="15145",
                   code_list="vn:2025-07-01", valid_from=date(2025, 7, 1)))  # fmt: skip
    world.records[3] = Area(id="c11", name="Xã C11", level=AreaLevel.COMMUNE, code="15145",
                            code_list="gso", parent="d1", valid_to=date(2025, 7, 1))  # fmt: skip
    world.activity("old", 1, area="c11").activity("now", 2, area="new", period=Interval.year(2026))
    with pytest.raises(AggregationError) as caught:
        aggregate(world.dataset(), area="15145")
    assert (caught.value.parameter, caught.value.candidates) == ("area", ("c11", "new"))
    assert aggregate(world.dataset(), area="15145", period=2021).area_ids == ("c11",)


def test_an_unknown_area_is_refused(world: World) -> None:
    """An area that no id or code names is an error, not an empty report."""
    with pytest.raises(AggregationError, match="no area"):
        aggregate(world.dataset(), area="99999")


def test_groups_by_organisation_count_organiser_and_partners(world: World) -> None:
    """A figure with a partner is in both organisations' groups (groups overlap)."""
    world.activity("a1", 3, organiser="police", partners=("women",))
    world.activity("a2", 4, organiser="police")
    result = aggregate(world.dataset(), by=("organisation",))
    assert [(g.get("organisation"), g.flows[0].value) for g in result.groups] == [
        ("police", 7),
        ("women", 3),
    ]
    assert {"a1"} == aggregate(world.dataset(), organisation="women").record_ids()


def test_groups_by_agreement_and_filter(world: World) -> None:
    """Figures under the programme and figures under none are grouped apart."""
    world.activity("under", 3, agreements=("ctph",)).activity("none", 4)
    result = aggregate(world.dataset(), by=("agreement",))
    assert [(g.get("agreement"), g.flows[0].value) for g in result.groups] == [
        ("ctph", 3),
        (None, 4),
    ]
    assert {"under"} == aggregate(world.dataset(), agreement="ctph").record_ids()


def test_kinds_filter_keeps_only_those_kinds(world: World) -> None:
    """Asking for outcomes of one kind leaves the rest out."""
    world.activity("a", 1).outcome("o", 9)
    assert {"o"} == aggregate(world.dataset(), kinds=["offenders_reformed"]).record_ids()


def test_qualified_figures_keep_their_qualifier_in_the_total(world: World) -> None:
    """10 and 'hơn 5' make 'more than 15'."""
    world.activity("a1", 10).activity("a2", 5, precision="more_than")
    (cell,) = aggregate(world.dataset()).cells()
    assert (cell.value, cell.precision.value) == (15, "more_than")


def test_model_launches_are_attributed_only_when_dated_in_the_period(world: World) -> None:
    """A 2021 launch counts in 2021; an undated one is unattributed; a 2019 one is left out."""
    world.launch("m2021", "c11", Interval.month(2021, 5))
    world.launch("mundated", "c12", Unstated())
    world.launch("m2019", "c12", Interval.year(2019))
    (model,) = aggregate(world.dataset(), period=2021).models
    assert (model.instance_ids, model.unattributed_ids) == (("m2021",), ("mundated",))


@pytest.mark.parametrize(
    ("arguments", "parameter"),
    [
        ({"by": ("weekday",)}, "by"),
        ({"by": "year"}, "by"),
        ({"by": ("year", "year")}, "by"),
        ({"period": "2021"}, "period"),
    ],
)
def test_bad_requests_are_refused_with_the_parameter_named(
    world: World, arguments: dict[str, object], parameter: str
) -> None:
    """Unknown dimensions and periods raise AggregationError naming the argument."""
    with pytest.raises(AggregationError) as caught:
        aggregate(world.dataset(), **arguments)  # type: ignore[arg-type]
    assert parameter == caught.value.parameter


def test_every_cell_is_a_cell(world: World) -> None:
    """Cells are frozen attrs values (the result can be hashed and compared)."""
    world.activity("a", 1)
    (cell,) = aggregate(world.dataset()).cells()
    assert isinstance(cell, Cell)
    assert hash(cell) == hash(aggregate(world.dataset()).cells()[0])
