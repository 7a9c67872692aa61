"""Rules on organisations and areas in time: D004 (a 1.0 figure's organiser, partners and
area existed during its period) and D108 (the units a 2.0 record names were active then)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from antt_domain.model import Area, Organisation, v2
from antt_domain.model.v2 import Actor, Assessment, Award, Event, Figure, ModelInstance, Plan
from antt_domain.validation._rules import Issue, Located, RecordSet, RuleContext, dataset_rule
from antt_domain.validation.rules._references import pointer, references
from antt_domain.validation.rules._spans import absence, bounds_v2
from antt_domain.validation.rules._spans import span as _span
from antt_domain.validation.rules._spans import when as _when

__all__ = ["existence", "unit_not_active"]


#: The references whose target must have existed when the figure is dated (D004).
_EXISTING = frozenset({"organiser", "partners", "area", "actors/organisation", "actors/area"})


_ENTITIES = (Organisation, Area, v2.Organisation, v2.Area)


@dataset_rule(
    code="D004",
    name="did-not-exist-then",
    severity="warning",
    title=(
        "Organisation or area did not exist then",
        "Cơ quan hoặc địa bàn không tồn tại vào thời điểm đó",
    ),
    explanation=(
        (
            "A figure dated when its organiser, a partner or its area did not exist (district "
            "police after 2025-03-01, a commune merged on 2025-07-01) usually names today's unit "
            "for an old figure, or the old unit for a new one."
        ),
        (
            "Số liệu có thời gian mà đơn vị chủ trì, đơn vị phối hợp hay địa bàn không tồn tại "
            "(công an huyện sau 01/3/2025, xã đã sáp nhập từ 01/7/2025) thường là ghi đơn vị hiện "
            "nay cho số liệu cũ, hoặc ngược lại."
        ),
    ),
    message=(
        "{name} ({id}) did not exist between {first} and {last}",
        "{name} ({id}) không tồn tại trong khoảng {first} đến {last}",
    ),
)
def existence(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Organisers, partners and areas existed during the period of the figure."""
    last_item: Located | None = None
    span: tuple[date | None, date | None] | None = None
    for item, field, index, target_id, _ in references(records):
        if field not in _EXISTING:
            continue
        if item is not last_item:  # a record's references are listed together
            last_item, span = item, _span(_when(item.record))
        if span is None:
            continue
        first, last = span
        target = records.get(target_id)
        absent = absence(target, target_id, first, last) if isinstance(target, _ENTITIES) else None
        if absent is not None:
            yield Issue(at=item, pointer=pointer(field, index), params=absent)


#: The records D108 dates (by their period, a model by its launch).
_DATED = (Figure, Event, Award, Assessment, Plan, ModelInstance)
_Dated = Figure | Event | Award | Assessment | Plan | ModelInstance


def _named(record: _Dated) -> Iterator[tuple[str, str]]:
    """(pointer, id) of the members, actors and event area a record names (D108)."""
    for field in ("actors", "issuers", "presenters"):
        for index, actor in enumerate(getattr(record, field, ())):
            assert isinstance(actor, Actor)  # noqa: S101 - these fields hold actors
            target = actor.organisation or actor.area
            if target is not None:
                key = "organisation" if actor.organisation is not None else "area"
                yield f"/{field}/{index}/{key}", target
    if isinstance(record, Event) and record.area is not None:
        yield "/area", record.area
    if isinstance(record, Assessment):
        for number, result in enumerate(record.results):
            for index, member in enumerate(result.members):
                yield f"/results/{number}/members/{index}", member


def _when_v2(record: _Dated) -> tuple[date | None, date | None] | None:
    """The first and last day a record's period (a model's launch) may cover, or ``None``
    when neither is known. Unlike :func:`~antt_domain.validation.rules._spans.span`, a composite
    period with an undated part is not judged: its days are not all known."""
    period = record.launched if isinstance(record, ModelInstance) else record.period
    first, last = bounds_v2(period)
    return None if first is None and last is None else (first, last)


@dataset_rule(
    code="D108",
    name="unit-not-active",
    severity="warning",
    title=("Unit not in existence then", "Đơn vị không còn (chưa có) vào thời điểm đó"),
    explanation=(
        (
            "An actor, an assessed member or an event's area is an organisation or area that "
            "did not exist during the record's period (a district named after 2025-07-01, a "
            "commune before its merger): the record names today's unit for an old fact, or "
            "the old unit for a new one."
        ),
        (
            "Chủ thể, đơn vị được đánh giá hay địa bàn của sự kiện là cơ quan, địa bàn không "
            "tồn tại trong thời gian của bản ghi (huyện được nêu sau 01/7/2025, xã trước khi "
            "sáp nhập): bản ghi dùng đơn vị hiện nay cho sự việc cũ, hoặc ngược lại."
        ),
    ),
    message=(
        "{name} ({id}) did not exist between {first} and {last}",
        "{name} ({id}) không tồn tại trong khoảng {first} đến {last}",
    ),
)
def unit_not_active(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Organisations and areas named by a dated record existed on some day of it."""
    for item in records:
        record = item.record
        if not isinstance(record, _DATED):
            continue
        span = _when_v2(record)
        if span is None:
            continue
        first, last = span
        for where, target_id in _named(record):
            target = records.get(target_id)
            if isinstance(target, (v2.Organisation, v2.Area)):
                absent = absence(target, target_id, first, last)
                if absent is not None:
                    yield Issue(at=item, pointer=where, params=absent)
