"""Built-in rules that compare a 2.0 record with the records it names: sources (D113),
assessment members (D107), organisations and areas in time (D108), organisers by source
(D109). Each looks records up by id in the :class:`RecordSet`; nothing else is indexed."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date

from antt_domain.model import OrganisationLevel
from antt_domain.model.v2 import (
    Actor,
    Area,
    AreaLevel,
    Assessment,
    Award,
    Event,
    Figure,
    ModelInstance,
    Open,
    Organisation,
    Plan,
    Source,
)
from antt_domain.validation._rules import (
    Issue,
    RecordSet,
    Rule,
    RuleContext,
    dataset_rule,
)
from antt_domain.validation._spans import absence, bounds_v2
from antt_domain.validation._walk_v2 import periods_of

__all__ = ["ACROSS_RULES_V2"]


def _published(records: RecordSet, source_id: str) -> date | None:
    """The last day a source may have been published on (its partial date's end)."""
    source = records.get(source_id)
    if not isinstance(source, Source) or source.published is None:
        return None
    published = source.published
    if published.day is not None and published.month is not None:
        return date(published.year, published.month, published.day)
    if published.month is not None:
        following = date(published.year + published.month // 12, published.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(published.year, 12, 31)


@dataset_rule(
    code="D113",
    name="open-period-after-source",
    severity="warning",
    title=("Open period starts after its source", "Khoảng 'đến nay' bắt đầu sau ngày đăng"),
    explanation=(
        (
            "An open period ('từ đầu năm 2023 đến nay') runs from its start to the date of "
            "the source that prints it, so it cannot start after that source was published. "
            "The start or the source's date is mistyped. (The design's V208: it compares a "
            "record with the sources it cites, so it is a rule across records.)"
        ),
        (
            "Khoảng thời gian mở ('từ đầu năm 2023 đến nay') kéo dài từ lúc bắt đầu đến ngày "
            "của nguồn đưa tin, nên không thể bắt đầu sau ngày nguồn được đăng. Ngày bắt "
            "đầu hoặc ngày của nguồn bị ghi sai. (V208 của bản thiết kế: quy tắc so bản ghi "
            "với nguồn nó dẫn, nên là quy tắc trên nhiều bản ghi.)"
        ),
    ),
    message=(
        "starts on {start}, after {source!r} was published ({published})",
        "bắt đầu {start}, sau ngày đăng của {source!r} ({published})",
    ),
)
def open_after_source(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Open periods ('từ ... đến nay') start before the source that prints them."""
    for item in records:
        record = item.record
        if not isinstance(record, (Figure, Event, Award, Assessment, Plan)):
            continue
        cited = [citation.source for citation in record.sources]
        if not cited:
            continue
        for pointer, period in periods_of(record):
            if not isinstance(period, Open):
                continue
            for source_id in cited:
                published = _published(records, source_id)
                if published is not None and period.start > published:
                    yield Issue(
                        at=item,
                        pointer=f"{pointer}/start",
                        params={
                            "start": period.start,
                            "source": source_id,
                            "published": published,
                        },
                    )


#: Result subjects that name a level of area or organisation.
_LEVELS = frozenset(level.value for level in AreaLevel) | frozenset(
    level.value for level in OrganisationLevel
)


@dataset_rule(
    code="D107",
    name="member-of-wrong-level",
    severity="warning",
    title=("Member at another level", "Đơn vị được đánh giá khác cấp"),
    explanation=(
        (
            "An assessment result for districts (its subjects) should list district areas or "
            "organisations as its members: a member at another level (a commune among "
            "districts) is a wrong id or a wrong subject."
        ),
        (
            "Kết quả đánh giá của các huyện (đối tượng) phải liệt kê các địa bàn hay cơ quan "
            "cấp huyện: một đơn vị khác cấp (xã lẫn trong huyện) là ghi sai mã hoặc sai đối "
            "tượng."
        ),
    ),
    message=(
        "{member!r} is at level {level!r}, the result is for {subjects}",
        "{member!r} ở cấp {level!r}, kết quả dành cho {subjects}",
    ),
)
def member_level(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Members of a result about levels are at one of those levels."""
    for item in records:
        record = item.record
        if not isinstance(record, Assessment):
            continue
        for number, result in enumerate(record.results):
            levels = {subject for subject in result.subjects if subject in _LEVELS}
            if not levels or not result.members:
                continue
            for index, member_id in enumerate(result.members):
                member = records.get(member_id)
                level = member.level if isinstance(member, (Area, Organisation)) else None
                if level is not None and level.value not in levels:
                    yield Issue(
                        at=item,
                        pointer=f"/results/{number}/members/{index}",
                        params={
                            "member": member_id,
                            "level": level.value,
                            "subjects": ", ".join(sorted(levels)),
                        },
                    )


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


def _when(record: _Dated) -> tuple[date | None, date | None] | None:
    """The first and last day a record's period (a model's launch) may cover, or ``None``
    when neither is known. Unlike :func:`~antt_domain.validation._spans.span`, a composite
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
        span = _when(record)
        if span is None:
            continue
        first, last = span
        for pointer, target_id in _named(record):
            target = records.get(target_id)
            if isinstance(target, (Organisation, Area)):
                absent = absence(target, target_id, first, last)
                if absent is not None:
                    yield Issue(at=item, pointer=pointer, params=absent)


@dataset_rule(
    code="D109",
    name="organiser-differs-by-source",
    severity="info",
    title=("Organiser differs by source", "Đơn vị tổ chức khác nhau tùy nguồn"),
    explanation=(
        (
            "An event has several organisers, each cited from a different source: the outlets "
            "may name different organisers for one event (the commune's committee or the "
            "province's). Both are kept; say which the reader should trust."
        ),
        (
            "Sự kiện có nhiều đơn vị tổ chức, mỗi đơn vị dẫn từ một nguồn khác nhau: các báo "
            "có thể nêu đơn vị tổ chức khác nhau cho cùng một sự kiện (ban chỉ đạo xã hay "
            "tỉnh). Giữ cả hai; hãy ghi chú nên tin nguồn nào."
        ),
    ),
    message=(
        "organisers {first!r} ({first_sources}) and {second!r} ({second_sources})",
        "đơn vị tổ chức {first!r} ({first_sources}) và {second!r} ({second_sources})",
    ),
)
def organiser_by_source(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Organisers of one event citing disjoint sources."""
    for item in records:
        record = item.record
        if not isinstance(record, Event):
            continue
        organisers = [
            (index, actor)
            for index, actor in enumerate(record.actors)
            if actor.role == "organiser" and actor.sources
        ]
        for (_, first), (index, second) in itertools.pairwise(organisers):
            mine = {citation.source for citation in first.sources}
            theirs = {citation.source for citation in second.sources}
            if mine & theirs:
                continue
            yield Issue(
                at=item,
                pointer=f"/actors/{index}",
                params={
                    "first": _who(first),
                    "first_sources": ", ".join(sorted(mine)),
                    "second": _who(second),
                    "second_sources": ", ".join(sorted(theirs)),
                },
            )
            break


def _who(actor: Actor) -> str:
    return (
        actor.organisation or actor.person or actor.group or actor.area or actor.as_written or "?"
    )


ACROSS_RULES_V2: tuple[Rule, ...] = (
    open_after_source,
    member_level,
    unit_not_active,
    organiser_by_source,
)
