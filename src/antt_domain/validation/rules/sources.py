"""Rules on what sources say: D113 (an open period starts before the source printing it
was published) and D109 (an event's organisers, each from a source of its own)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date

from antt_domain.model.v2 import Actor, Assessment, Award, Event, Figure, Open, Plan, Source
from antt_domain.validation._rules import Issue, Located, RecordSet, RuleContext, dataset_rule
from antt_domain.validation.rules._walk_v2 import periods_of

__all__ = ["open_after_source", "organiser_by_source"]


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


class _OrganiserBySource:
    """Organisers of one event citing disjoint sources: each event is judged on its own, as it
    comes; nothing is kept."""

    def start(self, context: RuleContext) -> None:
        """Nothing to prepare."""

    def record(self, item: Located) -> list[Issue] | None:
        record = item.record
        if not isinstance(record, Event):
            return None
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
            issue = Issue(
                at=item,
                pointer=f"/actors/{index}",
                params={
                    "first": _who(first),
                    "first_sources": ", ".join(sorted(mine)),
                    "second": _who(second),
                    "second_sources": ", ".join(sorted(theirs)),
                },
            )
            return [issue]
        return None

    def end(self) -> tuple[Issue, ...]:
        return ()


organiser_by_source = dataset_rule(
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
)(_OrganiserBySource)


def _who(actor: Actor) -> str:
    return (
        actor.organisation or actor.person or actor.group or actor.area or actor.as_written or "?"
    )
