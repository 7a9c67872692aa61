"""Properties of aggregation over generated datasets.

* a district's total of commune-level flows is the sum of its communes' totals (same kind, unit);
* every cell's provenance resolves to records of the dataset, of the cell's kind and unit;
* no cell mixes units, and a total holds every sum its figures allow.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antt_domain.aggregate import Aggregate, Measure, Total, aggregate, sum_quantities, to_json
from antt_domain.model import (
    Activity,
    Area,
    AreaLevel,
    AsOf,
    Dataset,
    Interval,
    Outcome,
    Precision,
    Publisher,
    Quantity,
    Record,
    Unstated,
)
from antt_domain.reports import render_summary

from .strategies import datasets

KINDS = ("mobile_outreach", "legal_training", "cases_mediated")
UNITS = ("session", "person", "participant_time", "vnd", "percent")
PRECISIONS = tuple(Precision)


@st.composite
def periods(draw: st.DrawFn) -> Interval | AsOf | Unstated:
    """Mostly dated flows in 2020-2022, some stocks, some unstated, some spanning."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return Unstated(as_written=draw(st.sampled_from([None, "những năm qua"])))
    if choice == 1:
        return AsOf(date=draw(st.dates(date(2020, 1, 1), date(2022, 12, 31))))
    start = draw(st.dates(date(2020, 1, 1), date(2022, 12, 31)))
    return Interval(start=start, end=start + timedelta(days=draw(st.integers(0, 400))))


@st.composite
def quantities(draw: st.DrawFn, *, exact: bool) -> Quantity:
    """A count in one of a few units; any precision unless ``exact``."""
    precision = Precision.EXACT if exact else draw(st.sampled_from(PRECISIONS))
    value = draw(
        st.integers(0, 10_000) | st.floats(0, 1000, allow_nan=False).map(lambda f: round(f, 2))
    )
    upper = value + draw(st.integers(1, 50)) if precision is Precision.RANGE else None
    return Quantity(
        value=value, unit=draw(st.sampled_from(UNITS)), precision=precision, upper=upper
    )


@st.composite
def worlds(draw: st.DrawFn, *, exact: bool = True) -> Dataset:
    """A province with 1-3 districts of 1-4 communes, and figures at commune and district level."""
    records: list[Record] = [Area(id="p", name="Tỉnh", level=AreaLevel.PROVINCE)]
    places: list[str] = []
    for d in range(draw(st.integers(1, 3))):
        records.append(Area(id=f"d{d}", name=f"Huyện {d}", level=AreaLevel.DISTRICT, parent="p"))
        places.append(f"d{d}")
        for c in range(draw(st.integers(1, 4))):
            records.append(
                Area(id=f"c{d}.{c}", name=f"Xã {d}.{c}", level=AreaLevel.COMMUNE, parent=f"d{d}")
            )
            places.append(f"c{d}.{c}")
    for n in range(draw(st.integers(0, 25))):
        kind = draw(st.sampled_from(KINDS))
        fields = {
            "id": f"f{n}",
            "kind": kind,
            "period": draw(periods()),
            "area": draw(st.sampled_from(places)),
            "part_of": draw(st.sampled_from([None, None, None, "f0"])) if n else None,
        }
        quantity = draw(quantities(exact=exact))
        if kind == "cases_mediated":
            records.append(Outcome(quantity=quantity, **fields))
        else:
            participants = draw(st.none() | quantities(exact=exact))
            records.append(Activity(quantity=quantity, participants=participants, **fields))
    return Dataset(id="w", title="w", publisher=Publisher(name="t"), records=tuple(records))


def _by(result: Aggregate, dimension: str) -> dict[tuple[str | None, tuple[str, ...]], object]:
    found: dict[tuple[str | None, tuple[str, ...]], object] = {}
    for group in result.groups:
        for cell in group.flows:
            if cell.recorded_at == "commune":
                found[group.get(dimension), cell.key] = cell
    return found


@settings(max_examples=150, deadline=None)
@given(worlds(), st.sampled_from([None, 2021]))
def test_district_totals_are_the_sums_of_their_communes(dataset: Dataset, year: int | None) -> None:
    """For each district, kind and unit: the district's commune-level total = Σ its communes'."""
    by_district = aggregate(dataset, period=year, by=("district",))
    by_commune = aggregate(dataset, period=year, by=("commune",))
    parent = {a.id: a.parent for a in dataset.of_type(Area)}
    expected: dict[tuple[str | None, tuple[str, ...]], tuple[Decimal, set[str]]] = defaultdict(
        lambda: (Decimal(0), set())
    )
    for (commune, key), cell in _by(by_commune, "commune").items():
        total, ids = expected[parent[commune], key]  # type: ignore[index]
        expected[parent[commune], key] = (  # type: ignore[index]
            total + Decimal(str(cell.value)),  # type: ignore[attr-defined]
            ids | set(cell.record_ids),  # type: ignore[attr-defined]
        )
    actual = {
        k: (Decimal(str(c.value)), set(c.record_ids))  # type: ignore[attr-defined]
        for k, c in _by(by_district, "district").items()
    }
    assert dict(expected) == actual


@settings(max_examples=150, deadline=None)
@given(worlds(exact=False), st.sampled_from([(), ("year",), ("district",), ("quarter", "area")]))
def test_cells_never_mix_units_and_their_records_resolve(
    dataset: Dataset, by: tuple[str, ...]
) -> None:
    """Each record a cell names exists and has the cell's type, kind, measure and unit."""
    index = dataset.index()
    result = aggregate(dataset, by=by)
    for cell in result.cells():
        for record_id in (*cell.record_ids, *cell.superseded):
            record = index[record_id]
            assert isinstance(record, (Activity, Outcome))
            quantity = record.quantity if cell.measure is Measure.QUANTITY else record.participants  # type: ignore[union-attr]
            assert quantity is not None
            assert (record.TYPE, record.kind, quantity.unit) == (
                cell.record_type,
                cell.kind,
                cell.unit,
            )
            assert record.part_of is None
    assert result.record_ids() <= set(index)


# The shared dataset strategy is large; under a loaded machine generation can trip too_slow.
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets)
def test_any_dataset_aggregates_and_renders(dataset: Dataset) -> None:
    """Whatever the model accepts aggregates; provenance resolves; the summary renders."""
    result = aggregate(dataset, by=("year", "district", "organisation"))
    assert result.record_ids() <= set(dataset.index())
    assert to_json(result)["version"] == 1
    assert render_summary(dataset, lang="en").endswith("\n")


def _bounds(total: Total) -> tuple[Decimal, Decimal | None]:
    value = Decimal(str(total.value))
    if total.precision in (Precision.AT_LEAST, Precision.MORE_THAN):
        return value, None
    if total.precision in (Precision.AT_MOST, Precision.LESS_THAN):
        return Decimal(0), value
    if total.precision is Precision.RANGE:
        return value, Decimal(str(total.upper))
    return value, value


_BOUNDED = [p for p in PRECISIONS if p not in (Precision.ABOUT, Precision.NEARLY)]


@given(
    st.lists(
        st.tuples(st.integers(0, 1000), st.sampled_from(_BOUNDED), st.integers(0, 3)),
        min_size=1,
        max_size=6,
    )
)
def test_a_total_holds_every_sum_its_figures_allow(terms: list[tuple[int, Precision, int]]) -> None:
    """Pick any value each figure allows: their sum lies within the total's bounds."""
    quantities = [
        Quantity(value=v, unit="case", precision=p, upper=v + 10 if p is Precision.RANGE else None)
        for v, p, _ in terms
    ]
    picked = Decimal(0)
    for (value, precision, offset), _ in zip(terms, quantities, strict=True):
        if precision in (Precision.AT_LEAST, Precision.MORE_THAN):
            picked += value + offset + (1 if precision is Precision.MORE_THAN else 0)
        elif precision in (Precision.AT_MOST, Precision.LESS_THAN):
            picked += max(0, value - offset - (1 if precision is Precision.LESS_THAN else 0))
        elif precision is Precision.RANGE:
            picked += value + min(offset, 10)
        else:
            picked += value
    low, high = _bounds(sum_quantities(quantities))
    assert low <= picked
    assert high is None or picked <= high
