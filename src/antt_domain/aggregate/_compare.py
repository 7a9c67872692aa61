"""Comparing two periods: this year against last, cell by cell."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import final

import attrs

from antt_domain.aggregate._algebra import Value, as_decimal, normalise
from antt_domain.aggregate._engine import aggregate
from antt_domain.aggregate._errors import AggregationError
from antt_domain.aggregate._periods import PERIOD_DIMENSIONS, previous_period, requested
from antt_domain.aggregate._result import Aggregate, Cell, GroupKey
from antt_domain.model import Dataset, Interval, Precision

__all__ = ["Comparison", "ComparisonRow", "compare"]


@final
@attrs.frozen(kw_only=True)
class ComparisonRow:
    """One cell in both periods; ``change`` is ``current - previous`` when both are exact."""

    group: GroupKey
    current: Cell | None
    previous: Cell | None
    change: Value | None = None

    @property
    def both(self) -> bool:
        """Whether the figure exists in both periods."""
        return self.current is not None and self.previous is not None


@final
@attrs.frozen(kw_only=True)
class Comparison:
    """Two aggregates of the same scope over two periods, and their rows side by side."""

    current: Aggregate
    previous: Aggregate
    rows: tuple[ComparisonRow, ...] = ()


def compare(
    dataset: Dataset,
    *,
    current: Interval | int,
    previous: Interval | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    organisation: str | None = None,
    agreement: str | None = None,
    kinds: Iterable[str] | None = None,
) -> Comparison:
    """Compare ``current`` with ``previous`` (by default the calendar year, quarter or month
    before ``current``). Rows pair cells with the same group and key; ``change`` is given only
    when the cell exists in both periods and both are exact (a qualified figure has no exact
    difference). Figures kept apart are in each side's aggregate, not in the rows.

    Raises:
        AggregationError: ``by`` buckets time (it would never match across periods), or
            ``previous`` is missing for a ``current`` that is not a calendar period.
    """
    if any(d in PERIOD_DIMENSIONS for d in by):
        raise AggregationError(
            "by", tuple(by), "a comparison of two periods cannot also group by period"
        )
    now = requested(current)
    if now is None:
        raise AggregationError("current", current, "a comparison needs a current period")
    before = previous_period(now) if previous is None else requested(previous)
    wanted_kinds = None if kinds is None else tuple(kinds)

    def over(period: Interval | None) -> Aggregate:
        return aggregate(
            dataset,
            period=period,
            area=area,
            by=by,
            organisation=organisation,
            agreement=agreement,
            kinds=wanted_kinds,
        )

    this, that = over(now), over(before)
    return Comparison(current=this, previous=that, rows=_rows(this, that))


def _index(result: Aggregate) -> dict[tuple[GroupKey, tuple[str, ...]], Cell]:
    return {(g.key, c.key): c for g in result.groups for c in (*g.flows, *g.stocks)}


def _rows(current: Aggregate, previous: Aggregate) -> tuple[ComparisonRow, ...]:
    now, before = _index(current), _index(previous)
    rows = []
    for key in sorted({*now, *before}, key=_order):
        this, that = now.get(key), before.get(key)
        change = None
        if this is not None and that is not None and _exact(this) and _exact(that):
            change = normalise(as_decimal(this.value) - as_decimal(that.value))
        rows.append(ComparisonRow(group=key[0], current=this, previous=that, change=change))
    return tuple(rows)


def _order(key: tuple[GroupKey, tuple[str, ...]]) -> tuple[object, ...]:
    group, cell = key
    return (tuple((value is None, value or "") for _, value in group), cell)


def _exact(cell: Cell) -> bool:
    return cell.precision is Precision.EXACT
