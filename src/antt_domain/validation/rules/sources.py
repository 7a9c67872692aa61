"""Rules on what sources say: D113 (an open period starts before the source printing it
was published) and D109 (an event's organisers, each from a source of its own).

Both are written as facts and a join (:class:`~antt_domain.validation.FactLifecycle`). D113
keeps, in stores that spill to disk, each source's last possible day of publication, the ids of
the other records (a duplicate id hides a source) and each open period's start with the
sources it cites; D109 keeps nothing (an event is judged alone).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date

from antt_domain.model.v2 import Actor, Assessment, Award, Event, Figure, Open, Plan, Source
from antt_domain.validation._facts import FactLog
from antt_domain.validation._records import Issue, Located, RuleContext, Spot
from antt_domain.validation._rules import dataset_rule
from antt_domain.validation.rules._chains import FirstRecords
from antt_domain.validation.rules._walk_v2 import periods_of

__all__ = ["open_after_source", "organiser_by_source"]


def _published(source: object) -> date | None:
    """The last day a source may have been published on (its partial date's end)."""
    if not isinstance(source, Source) or source.published is None:
        return None
    published = source.published
    if published.day is not None and published.month is not None:
        return date(published.year, published.month, published.day)
    if published.month is not None:
        following = date(published.year + published.month // 12, published.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(published.year, 12, 31)


#: D113's facts of a record citing sources: each open period's pointer and start, and the
#: sources cited.
_Opens = tuple[tuple[tuple[str, date], ...], tuple[str, ...]]
#: D113's facts of a source: the last day it may have been published on.
_Published = tuple[date]


class _OpenAfterSource:
    """Open periods ('từ ... đến nay') start before the source that prints them (as the first
    record with the source's id says). Kept: the last day each source may have been published
    on, with its number (:class:`FirstRecords`: a duplicate id of another kind hides a source,
    which the run's ids tell), and each record's open periods with the sources it cites,
    judged at the end (a source may come later)."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> _Opens | _Published | None:
        record = item.record
        if isinstance(record, (Figure, Event, Award, Assessment, Plan)):
            cited = tuple(citation.source for citation in record.sources)
            if cited:
                opens = tuple(
                    (pointer, period.start)
                    for pointer, period in periods_of(record)
                    if isinstance(period, Open)
                )
                if opens:
                    return (opens, cited)
        elif isinstance(record, Source):
            published = _published(record)
            if published is not None:
                return (published,)
        return None  # its id may hide a source's: the run's ids tell

    def start(self, context: RuleContext) -> None:
        self.published: FirstRecords[date] = FirstRecords(context)
        self.opens: FactLog[tuple[Spot, _Opens]] = FactLog()

    def take(self, spot: Spot, facts: _Opens | _Published) -> None:
        if len(facts) == 1:  # a source
            self.published.add(spot, facts[0])
        else:  # open periods citing sources
            self.opens.append((spot, facts))

    def end(self) -> Iterator[Issue]:
        try:
            self.published.settle(source for _, (_, cited) in self.opens for source in cited)
            for spot, (opens, cited) in self.opens:
                for pointer, start in opens:
                    for source_id in cited:
                        published = self.published.get(source_id)
                        if published is not None and start > published:
                            yield Issue(
                                at=spot,
                                pointer=f"{pointer}/start",
                                params={
                                    "start": start,
                                    "source": source_id,
                                    "published": published,
                                },
                            )
        finally:
            self.published.close()
            self.opens.close()


open_after_source = dataset_rule(
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
)(_OpenAfterSource)


class _OrganiserBySource:
    """Organisers of one event citing disjoint sources: each event is judged on its own, where
    it is read (its facts are the finding's place and words). Kept: nothing."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[int, str, str, str, str] | None:
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
            return (
                index,
                _who(first),
                ", ".join(sorted(mine)),
                _who(second),
                ", ".join(sorted(theirs)),
            )
        return None

    def start(self, context: RuleContext) -> None:
        """Nothing to prepare."""

    def take(self, spot: Spot, facts: tuple[int, str, str, str, str]) -> list[Issue]:
        index, first, first_sources, second, second_sources = facts
        issue = Issue(
            at=spot,
            pointer=f"/actors/{index}",
            params={
                "first": first,
                "first_sources": first_sources,
                "second": second,
                "second_sources": second_sources,
            },
        )
        return [issue]

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
