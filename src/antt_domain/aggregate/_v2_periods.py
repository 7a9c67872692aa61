"""Placing a 2.0 figure's period (seven kinds) against the requested period.

* ``interval``, and ``recurring`` or ``duration`` with both a start and an end, are flows over
  their span; ``composite`` is a flow over the span of its parts when every part has one.
* ``open`` ("từ đầu năm 2023 đến nay") is a flow ending at the citing source's full
  publication date; without one it is apart.
* ``as_of`` with a date is a stock at that date; without one it is an undated stock, apart.
* ``unstated``, and ``recurring``/``duration`` without both dates, are apart.

A flow counts in the requested period only when it lies entirely inside it (1.0 rule,
unchanged); one that reaches beyond it spans periods and is apart; one outside is left out.
"""

from __future__ import annotations

from datetime import date

import attrs

from antt_domain.aggregate._v2_result import ApartReasonV2
from antt_domain.model import Interval
from antt_domain.model.v2 import AsOf, Composite, Duration, Open, Period, Recurring
from antt_domain.model.v2 import Interval as Interval2

__all__ = ["Span", "place_v2", "span_label"]


@attrs.frozen(kw_only=True)
class Span:
    """Where a figure lies in time: a flow from ``start`` to ``end``, or a stock at ``end``."""

    start: date
    end: date
    stock: bool = False


def _bounded(period: Recurring | Duration) -> Span | ApartReasonV2:
    if period.start is not None and period.end is not None:
        return Span(start=period.start, end=period.end)
    return ApartReasonV2.UNSTATED_PERIOD


def _composite(period: Composite, source_date: date | None) -> Span | ApartReasonV2:
    parts = [_span(part, source_date) for part in period.parts]
    spans = [p for p in parts if isinstance(p, Span)]
    if len(spans) != len(parts) or any(s.stock for s in spans):
        return ApartReasonV2.UNSTATED_PERIOD
    return Span(start=min(s.start for s in spans), end=max(s.end for s in spans))


def _span(period: Period, source_date: date | None) -> Span | ApartReasonV2:
    found: Span | ApartReasonV2 = ApartReasonV2.UNSTATED_PERIOD
    if isinstance(period, Interval2):
        found = Span(start=period.start, end=period.end)
    elif isinstance(period, AsOf):
        found = (
            ApartReasonV2.UNDATED_STOCK
            if period.date is None
            else Span(start=period.date, end=period.date, stock=True)
        )
    elif isinstance(period, Open):
        if source_date is None or source_date < period.start:
            found = ApartReasonV2.OPEN_PERIOD
        else:
            found = Span(start=period.start, end=source_date)
    elif isinstance(period, (Recurring, Duration)):
        found = _bounded(period)
    elif isinstance(period, Composite):
        found = _composite(period, source_date)
    return found


def place_v2(
    period: Period, wanted: Interval | None, *, source_date: date | None = None
) -> Span | ApartReasonV2 | None:
    """The figure's span, the reason it is apart, or ``None`` when it is outside ``wanted``."""
    found = _span(period, source_date)
    if isinstance(found, ApartReasonV2) or wanted is None:
        return found
    if found.end < wanted.start or found.start > wanted.end:
        return None
    if wanted.start <= found.start and found.end <= wanted.end:
        return found
    return ApartReasonV2.SPANS_PERIODS


def span_label(start: date, end: date) -> str:
    """``"2021"`` for a span inside one calendar year, else ``"2019-01-01..2023-12-31"``."""
    if start.year == end.year:
        return f"{start.year:04d}"
    return f"{start.isoformat()}..{end.isoformat()}"
