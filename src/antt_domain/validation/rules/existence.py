"""Rules on organisations and areas in time: D004 (a 1.0 figure's organiser, partners and
area existed during its period) and D108 (the units a 2.0 record names were active then).

Both are rules written as facts and a join (:class:`~antt_domain.validation.FactLifecycle`),
told only of the units and the dated records that name some. Kept: in a :class:`FactIndex`,
for each id, the number, name and days of existence of its first organisation or area; in a
:class:`FactLog`, the units a dated record names that were not seen yet when it was taken,
with the record's days (judged at the end); in another, what a unit already seen gave when the
dated record was taken -- a finding that stands at the end if that unit is the first record
of its id (a record of another kind read before it with its id hides it: the run's
:class:`~antt_domain.validation.RecordIds` tell).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple, cast

from antt_domain.model import Area, Organisation, v2
from antt_domain.model.v2 import Actor, Assessment, Award, Event, Figure, ModelInstance, Plan
from antt_domain.validation._facts import FactIndex, FactLog
from antt_domain.validation._records import Issue, Located, RuleContext, Spot
from antt_domain.validation._rules import dataset_rule
from antt_domain.validation.rules._chains import run_ids
from antt_domain.validation.rules._references import pointer, record_references
from antt_domain.validation.rules._spans import absence, bounds_v2
from antt_domain.validation.rules._spans import span as _span
from antt_domain.validation.rules._spans import when as _when

__all__ = ["existence", "unit_not_active"]


#: The references whose target must have existed when the figure is dated (D004).
_EXISTING = frozenset({"organiser", "partners", "area", "actors/organisation", "actors/area"})


_ENTITIES = (Organisation, Area, v2.Organisation, v2.Area)


class _Unit(NamedTuple):
    """What D004 and D108 keep of an organisation or area: what a finding says of it."""

    name: str
    valid_from: date | None
    valid_to: date | None


#: The facts of a dated record: (id, first day, last day, (pointer, id) of the units named).
_DatedFacts = tuple[str, date | None, date | None, tuple[tuple[str, str], ...]]
#: What D004 and D108 need of a record: (id, unit) for an organisation or area, a
#: :data:`_DatedFacts` for a dated record naming some (``None`` for any other).
_Facts = tuple[str, _Unit] | _DatedFacts
#: A unit named by a dated record before it was seen: (where, pointer, id, first, last).
_Waiting = tuple[Spot, str, str, date | None, date | None]


def _unit(record: Any) -> _Unit:
    return _Unit(record.name, record.valid_from, record.valid_to)


class _InTime:
    """The join of D004 and D108: units by id, dated records' names of them (the first record
    of an id is the one looked at, as ``RecordSet.get``). Kept: ``units``, a
    :class:`FactIndex` of each id to the number, name and days of existence of its first
    organisation or area the rule judges; ``waiting``, a :class:`FactLog` of the units a dated
    record named before they were seen, with its Spot and days; ``found``, a :class:`FactLog`
    of the issues found against a unit already seen, with its number and id (they stand if
    that unit is the first record of its id: the run's ids tell at the end)."""

    def start(self, context: RuleContext) -> None:
        self.ids = run_ids(context)
        self.units: FactIndex[tuple[int | None, _Unit]] = FactIndex()
        self.waiting: FactLog[_Waiting] = FactLog()
        self.found: FactLog[tuple[int | None, str, Issue]] = FactLog()

    def take(self, spot: Spot, facts: _Facts) -> None:
        units = self.units
        if isinstance(facts[1], _Unit):
            units.add(facts[0], (spot.number, facts[1]))  # the first of an id stays
            return
        _, first, last, named = facts
        for where, target in named:
            unit = units.get(target)
            if unit is None:
                self.waiting.append((spot, where, target, first, last))
                continue
            issue = _judge(spot, where, target, unit[1], (first, last))
            if issue is not None:
                self.found.append((unit[0], target, issue))

    def end(self) -> Iterator[Issue]:
        units = self.units
        asked = itertools.chain(
            (target for _, target, _ in self.found),
            (target for _, _, target, _, _ in self.waiting),
        )
        firsts = self.ids.first(asked)
        try:
            for number, target, found in self.found:
                if firsts.get(target) == number:  # the unit is the first record of its id
                    yield found
            for spot, where, target, first, last in self.waiting:
                unit = units.get(target)
                if unit is not None and firsts.get(target) == unit[0]:
                    issue = _judge(spot, where, target, unit[1], (first, last))
                    if issue is not None:
                        yield issue
        finally:
            firsts.close()
            units.close()
            self.waiting.close()
            self.found.close()


def _judge(
    spot: Spot, where: str, target: str, unit: _Unit, span: tuple[date | None, date | None]
) -> Issue | None:
    absent = absence(cast("Any", unit), target, *span)
    return None if absent is None else Issue(at=spot, pointer=where, params=absent)


class _Existence(_InTime):
    """Organisers, partners and areas existed during the period of the figure (D004): 1.0
    and 2.0 organisations and areas. Kept: the ids and units of :class:`_InTime`; its facts
    are (id, unit) for a unit, (id, days, (pointer, id) named) for a dated record naming
    some, else ``None``."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> _Facts | None:
        record: Any = item.record
        if isinstance(record, _ENTITIES):
            return record.id, _unit(record)
        period = _when(record)
        span = None if period is None else _span(period)
        if span is None:
            return None
        named = tuple(
            (pointer(field, index), target)
            for field, index, target, _ in record_references(record)
            if field in _EXISTING
        )
        if not named:
            return None
        return record.id, span[0], span[1], named


existence = dataset_rule(
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
)(_Existence)


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


class _UnitNotActive(_InTime):
    """Organisations and areas named by a dated 2.0 record existed on some day of it (D108):
    2.0 organisations and areas only. Kept: the ids and units of :class:`_InTime`; its facts
    are (id, unit) for a 2.0 unit, (id, days, (pointer, id) named) for a dated 2.0 record
    naming some, else ``None``."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> _Facts | None:
        record: Any = item.record
        if isinstance(record, _UNITS_V2):
            return record.id, _unit(record)
        if not isinstance(record, _DATED):
            return None
        span = _when_v2(record)
        named = () if span is None else tuple(_named(record))
        if not named or span is None:
            return None
        return record.id, span[0], span[1], named


_UNITS_V2 = (v2.Organisation, v2.Area)

unit_not_active = dataset_rule(
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
)(_UnitNotActive)
