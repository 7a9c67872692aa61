"""Placing a figure's period against the requested period and the period buckets.

* ``Interval`` (and ``Recurring`` with both a start and an end, taken as the span the figure was
  reported for) is a **flow**: attributed to the requested period only when it lies entirely
  inside it; an interval that overlaps the period but reaches beyond it **spans periods** and is
  listed apart (never split pro rata); an interval outside the period is left out.
* ``AsOf`` with a date is a **stock**, attributed by its date; without a date ("đến nay") it is
  an **undated stock**, listed apart.
* ``Unstated``, and ``Recurring`` without both dates, have an **unstated period**: listed apart,
  never attributed to a year.
"""

from __future__ import annotations

from datetime import date

import attrs

from antt_domain.aggregate._errors import AggregationError
from antt_domain.aggregate._result import ApartReason
from antt_domain.model import AsOf, Interval, Period, Recurring
from antt_domain.vi import quarter_of

__all__ = ["PERIOD_DIMENSIONS", "Placement", "bucket", "place", "previous_period", "requested"]

#: The ``by`` dimensions that bucket figures in time.
PERIOD_DIMENSIONS = ("year", "quarter", "month")


@attrs.frozen(kw_only=True)
class Placement:
    """Where a figure goes: a flow over ``start``-``end``, a stock at ``start``, or apart."""

    start: date | None = None
    end: date | None = None
    stock: bool = False
    apart: ApartReason | None = None


def requested(period: Interval | int | None) -> Interval | None:
    """The requested period as an interval (an ``int`` is a calendar year)."""
    if period is None or isinstance(period, Interval):
        return period
    if isinstance(period, int) and not isinstance(period, bool) and 1 <= period <= 9999:
        return Interval.year(period)
    raise AggregationError("period", period, "expected an Interval, a year (int) or None")


def place(period: Period, wanted: Interval | None) -> Placement | None:
    """Where a figure with ``period`` goes for ``wanted``; ``None`` = outside, left out."""
    if isinstance(period, Interval):
        return _place_span(period.start, period.end, wanted)
    if isinstance(period, Recurring):
        if period.start is not None and period.end is not None:
            return _place_span(period.start, period.end, wanted)
        return Placement(apart=ApartReason.UNSTATED_PERIOD)
    if isinstance(period, AsOf):
        return _place_stock(period, wanted)
    return Placement(apart=ApartReason.UNSTATED_PERIOD)


def _place_stock(period: AsOf, wanted: Interval | None) -> Placement | None:
    if period.date is None:
        return Placement(apart=ApartReason.UNDATED_STOCK)
    if wanted is not None and not wanted.contains(period.date):
        return None
    return Placement(start=period.date, end=period.date, stock=True)


def _place_span(start: date, end: date, wanted: Interval | None) -> Placement | None:
    if wanted is None or (wanted.start <= start and end <= wanted.end):
        return Placement(start=start, end=end)
    if end < wanted.start or start > wanted.end:
        return None
    return Placement(apart=ApartReason.SPANS_PERIODS)


def bucket(dimension: str, start: date, end: date) -> str | None:
    """The ``year``/``quarter``/``month`` holding all of ``start``-``end``, or ``None``."""
    first, last = _label(dimension, start), _label(dimension, end)
    return first if first == last else None


def _label(dimension: str, day: date) -> str:
    if dimension == "year":
        return f"{day.year:04d}"
    if dimension == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    return f"{day.year:04d}-{day.month:02d}"


def previous_period(current: Interval) -> Interval:
    """The calendar year, quarter or month before ``current`` (which must be one of those)."""
    span = (current.start, current.end)
    year, month = current.start.year, current.start.month
    quarter = quarter_of(current.start)
    if span == _span(Interval.year(year)):
        return Interval.year(year - 1)
    if span == _span(Interval.quarter(year, quarter)):
        return Interval.quarter(year, quarter - 1) if quarter > 1 else Interval.quarter(year - 1, 4)
    if span == _span(Interval.month(year, month)):
        return Interval.month(year, month - 1) if month > 1 else Interval.month(year - 1, 12)
    raise AggregationError(
        "previous",
        None,
        f"{current.start.isoformat()}..{current.end.isoformat()} is not a calendar year, quarter "
        "or month; give the previous period explicitly",
    )


def _span(interval: Interval) -> tuple[date, date]:
    return interval.start, interval.end
