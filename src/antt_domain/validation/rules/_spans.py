"""The days a record's period covers, for the rules that compare dates (D004, D007, D010,
D108; V204, V205 on a plan's phases): one reading of 1.0 and 2.0 periods, and whether an
organisation or area existed then."""

from __future__ import annotations

from datetime import date

from antt_domain.model import (
    Activity,
    Area,
    AsOf,
    Interval,
    ModelInstance,
    Organisation,
    Outcome,
    Recurring,
    v2,
)

__all__ = ["absence", "bounds_v2", "span", "when"]


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


def bounds_v2(period: object) -> tuple[date | None, date | None]:
    """The first and last day a 2.0 period may cover (``None``: not known on that side). A
    composite period is unknown on a side where one of its parts is."""
    if isinstance(period, (v2.Interval, v2.Recurring, v2.Duration)):
        return period.start, period.end
    if isinstance(period, v2.AsOf):
        return period.date, period.date
    if isinstance(period, v2.Open):
        return period.start, None
    if isinstance(period, v2.Composite):
        return _hull([bounds_v2(part) for part in period.parts])
    return None, None


def _span_v2(period: object) -> tuple[date | None, date | None] | None:
    """The first and last day a 2.0 period covers, or None when it states no dates. A
    composite period spans its dated parts (from the first day of one to the last of
    another, open when one of them is)."""
    if isinstance(period, v2.Composite):
        spans = [s for s in (_span_v2(p) for p in period.parts) if s is not None]
        return _hull(spans) if spans else None
    found = bounds_v2(period)
    return None if found == (None, None) else found


def _hull(spans: list[tuple[date | None, date | None]]) -> tuple[date | None, date | None]:
    """From the first of ``spans``' first days to the last of their last days (``None`` on a
    side where one of them is)."""
    firsts = [s[0] for s in spans]
    lasts = [s[1] for s in spans]
    first = None if None in firsts else min(d for d in firsts if d is not None)
    last = None if None in lasts else max(d for d in lasts if d is not None)
    return first, last


def absence(
    entity: Organisation | Area | v2.Organisation | v2.Area,
    entity_id: str,
    first: date | None,
    last: date | None,
) -> dict[str, str] | None:
    """The params of a "did not exist between" finding (D004, D108) when the entity existed on
    no day of [first, last] (open ends count as open), else ``None``."""
    before_end = entity.valid_from is None or last is None or entity.valid_from <= last
    after_start = entity.valid_to is None or first is None or first < entity.valid_to
    if before_end and after_start:
        return None
    return {
        "name": entity.name,
        "id": entity_id,
        "first": first.isoformat() if first else "…",
        "last": last.isoformat() if last else "…",
    }


def when(record: object) -> object:
    """The period that dates a record (a figure's, an event's, a model's launch), or None."""
    if isinstance(record, (Activity, Outcome, v2.Figure, v2.Event)):
        return record.period
    if isinstance(record, (ModelInstance, v2.ModelInstance)):
        return record.launched
    return None
