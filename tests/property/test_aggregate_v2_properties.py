"""Property: over generated 2.0 figure sets, no cell mixes two keys, and every cell's total is
the sum of exactly the figures with its key, each listed in its provenance."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antt_domain.aggregate import FigureKey, aggregate_v2, total_of
from antt_domain.model import Publisher
from antt_domain.model.v2 import (
    Area,
    AreaLevel,
    Dataset,
    Figure,
    Interval,
    LifecycleStage,
    Link,
    LinkRelation,
    Precision,
    Quantity,
    VagueMagnitude,
)

_AREAS = (
    Area(id="p", name="P", level=AreaLevel.PROVINCE),
    Area(id="d", name="D", level=AreaLevel.DISTRICT, parent="p"),
)
_YEARS = (2022, 2023)


@st.composite
def _quantity(draw: st.DrawFn) -> Quantity:
    unit = draw(st.sampled_from(["item", "person", "case", "unstated", "daknong:bag"]))
    common: dict[str, Any] = {
        "unit": unit,
        "classifier": draw(st.sampled_from([None, "khau", "vien"])),
        "counted": draw(st.sampled_from([(), ("gun",), ("round",), ("gun", "round")])),
        "as_written": draw(st.sampled_from([None, "04 khẩu súng", "hơn 300"])),
    }
    precision = draw(st.sampled_from(list(Precision)))
    if precision is Precision.VAGUE:
        return Quantity(precision=precision, magnitude=VagueMagnitude.MANY, **common)
    value = draw(st.integers(min_value=0, max_value=1000))
    upper = value + draw(st.integers(1, 50)) if precision is Precision.RANGE else None
    return Quantity(value=value, precision=precision, upper=upper, **common)


@st.composite
def _figures(draw: st.DrawFn) -> list[Figure]:
    count = draw(st.integers(min_value=1, max_value=14))
    figures: list[Figure] = []
    for index in range(count):
        links: tuple[Link, ...] = ()
        if figures and draw(st.booleans()):
            rel = draw(st.sampled_from([LinkRelation.VERSION_OF, LinkRelation.PART_OF]))
            links = (Link(rel=rel, to=draw(st.sampled_from(figures)).id),)
        year = draw(st.sampled_from(_YEARS))
        figures.append(
            Figure(
                id=f"f{index}",
                kind=draw(
                    st.sampled_from(["weapons_handed_in", "other", "daknong:watch", "teams"])
                ),
                quantity=draw(_quantity()),
                qualifiers=draw(st.sampled_from([(), ("military",), ("voluntary",)])),
                lifecycle=draw(st.sampled_from([(), (LifecycleStage.NEW,)])),
                movements=draw(st.sampled_from([(), ("antq",)])),
                area=draw(st.sampled_from([None, "p", "d"])),
                period=Interval(start=date(year, 1, 1), end=date(year, 12, 31)),
                links=links,
            )
        )
    return figures


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_figures())
def test_no_cell_mixes_keys_and_totals_are_exact_sums(figures: list[Figure]) -> None:
    dataset = Dataset(
        id="ds", title="T", publisher=Publisher(name="P"), records=(*_AREAS, *figures)
    )
    result = aggregate_v2(dataset)
    seen: dict[str, int] = defaultdict(int)
    keys: set[FigureKey] = set()
    for cell in result.cells:
        assert cell.key not in keys  # one cell per key
        keys.add(cell.key)
        members = [c.figure for c in cell.contributions]
        for figure in members:
            assert figure.quantity is not None
            assert not figure.quantity.is_vague
            assert figure.quantity.unit == cell.key.unit
            assert figure.quantity.classifier == cell.key.classifier
            assert tuple(sorted(figure.quantity.counted)) == cell.key.counted
            assert tuple(sorted(figure.qualifiers)) == cell.key.qualifiers
            assert figure.kind == cell.key.kind
            if figure.kind == "teams":  # a stock: its latest value per area, never a sum
                assert cell.key.period == "stock"
                assert cell.key.group == (("area", figure.area),)
            else:
                assert str(figure.period.start.year) == cell.key.period  # type: ignore[union-attr]
            assert not any(k.rel is LinkRelation.PART_OF for k in figure.links)
        assert cell.total == total_of(f.quantity for f in members if f.quantity is not None)
        if cell.key.period == "stock":
            assert len({f.period.end for f in members}) == 1  # type: ignore[union-attr]
        for record_id in cell.record_ids:
            seen[record_id] += 1
    for item in result.apart:
        seen[item.figure.id] += 1
    # every figure is either counted once, rides as a version, or is apart: exactly once
    assert {f.id: 1 for f in figures} == dict(seen)
