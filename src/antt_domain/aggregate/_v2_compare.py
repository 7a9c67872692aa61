"""Comparing two periods of a 2.0 dataset, like with like: cells pair only under one key."""

from __future__ import annotations

from typing import final

import attrs

from antt_domain.aggregate._algebra import Value, as_decimal, normalise
from antt_domain.aggregate._errors import AggregationError
from antt_domain.aggregate._periods import previous_period, requested
from antt_domain.aggregate._v2_engine import aggregate_v2
from antt_domain.aggregate._v2_key import FigureKey
from antt_domain.aggregate._v2_result import AggregateV2, CellV2
from antt_domain.model import Interval
from antt_domain.model.v2 import Dataset

__all__ = ["ComparisonRowV2", "ComparisonV2", "compare_v2"]


@final
@attrs.frozen(kw_only=True)
class ComparisonRowV2:
    """One key in both periods (``key.period`` is cleared: the periods are the comparison's);
    ``change`` is ``current - previous`` only when both exist and both are exact."""

    key: FigureKey
    current: CellV2 | None
    previous: CellV2 | None
    change: Value | None = None


@final
@attrs.frozen(kw_only=True)
class ComparisonV2:
    """Two aggregates of one scope over two periods, and their rows side by side."""

    current: AggregateV2
    previous: AggregateV2
    rows: tuple[ComparisonRowV2, ...] = ()


def compare_v2(
    dataset: Dataset,
    *,
    current: Interval | int,
    previous: Interval | int | None = None,
    area: str | None = None,
) -> ComparisonV2:
    """Compare ``current`` with ``previous`` (by default the calendar year, quarter or month
    before). A row pairs two cells only when their whole :class:`FigureKey` but the period is
    equal: the same kind, unit, classifier, counted thing, subject ... never 165 sessions
    against 15 campaigns. Stocks compare their latest value in each period."""
    now = requested(current)
    if now is None:
        raise AggregationError("current", current, "a comparison needs a current period")
    before = previous_period(now) if previous is None else requested(previous)
    this = aggregate_v2(dataset, period=now, area=area)
    that = aggregate_v2(dataset, period=before, area=area)
    mine, theirs = _index(this), _index(that)
    rows = []
    for key in sorted({*mine, *theirs}, key=FigureKey.sort_key):
        a, b = mine.get(key), theirs.get(key)
        change = None
        if a is not None and b is not None and _exact(a) and _exact(b):
            change = normalise(as_decimal(a.total.value) - as_decimal(b.total.value))
        rows.append(ComparisonRowV2(key=key, current=a, previous=b, change=change))
    return ComparisonV2(current=this, previous=that, rows=tuple(rows))


def _index(result: AggregateV2) -> dict[FigureKey, CellV2]:
    return {attrs.evolve(c.key, period=""): c for c in result.cells}


def _exact(cell: CellV2) -> bool:
    return str(cell.total.precision.value) == "exact"
