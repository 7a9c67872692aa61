"""The days a record's period covers, for the rules across records that compare dates
(D004, D007, D010): one reading of 1.0 and 2.0 periods."""

from __future__ import annotations

from datetime import date

from antt_domain.model import Activity, AsOf, Interval, ModelInstance, Outcome, Recurring, v2

__all__ = ["span", "when"]


def span(period: object) -> tuple[date | None, date | None] | None:
    """The first and last day a period (1.0 or 2.0) covers, or None when it states no dates."""
    if isinstance(period, _V2_PERIODS):
        return _span_v2(period)
    if isinstance(period, Interval):
        return period.start, period.end
    if isinstance(period, AsOf) and period.date is not None:
        return period.date, period.date
    if isinstance(period, Recurring) and (period.start or period.end):
        return period.start, period.end
    return None


_V2_PERIODS = (
    v2.Interval,
    v2.AsOf,
    v2.Open,
    v2.Recurring,
    v2.Duration,
    v2.Composite,
    v2.Unstated,
)


def _span_v2(period: object) -> tuple[date | None, date | None] | None:
    """The first and last day a 2.0 period covers, or None when it states no dates."""
    if isinstance(period, (v2.Interval, v2.Open)):
        return period.start, getattr(period, "end", None)  # an open period has no end
    if isinstance(period, v2.AsOf):
        return None if period.date is None else (period.date, period.date)
    if isinstance(period, (v2.Recurring, v2.Duration)):
        return (period.start, period.end) if period.start or period.end else None
    if isinstance(period, v2.Composite):
        return _span_composite(period)
    return None


def _span_composite(period: v2.Composite) -> tuple[date | None, date | None] | None:
    """From the first day of a composite period's parts to their last (open when one is)."""
    spans = [s for s in (_span_v2(p) for p in period.parts) if s is not None]
    if not spans:
        return None
    firsts = [s[0] for s in spans]
    lasts = [s[1] for s in spans]
    first = None if None in firsts else min(d for d in firsts if d is not None)
    last = None if None in lasts else max(d for d in lasts if d is not None)
    return first, last


def when(record: object) -> object:
    """The period that dates a record (a figure's, an event's, a model's launch), or None."""
    if isinstance(record, (Activity, Outcome, v2.Figure, v2.Event)):
        return record.period
    if isinstance(record, (ModelInstance, v2.ModelInstance)):
        return record.launched
    return None
