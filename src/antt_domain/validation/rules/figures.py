"""Rules on figures: D005 (the same figure counted twice) and D008 (a breakdown larger than
its whole), each for 1.0 activities and outcomes and for 2.0 figures (their key: counted
things, qualifiers, lifecycle, event; their ``part_of`` links), under one catalogue entry.

D008 is written as facts and a join (issue #18). Kept: every record's id, in input order, with
an activity's or outcome's quantity and part_of (1.0) or a figure's size (2.0); for 1.0 each
part grouped by its whole and the chains' links, for 2.0 each figure's part_of links -- all in
stores that move to disk past ``SPILL_AFTER`` entries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from antt_domain.model import Activity, Outcome
from antt_domain.model.v2 import Figure, LinkRelation
from antt_domain.validation._facts import SEEN, FactIndex, FactLog
from antt_domain.validation._records import Issue, Located, RuleContext, Spot
from antt_domain.validation._repeats import Repeats
from antt_domain.validation._rules import LifecycleCheck, Rule, dataset_rule
from antt_domain.validation.rules._chains import FirstRecords, Groups, chain_loops, loop_issue
from antt_domain.validation.rules._walk_v2 import value_bounds

__all__ = ["BREAKDOWN_V2", "COUNTED_TWICE_V2", "breakdowns", "counted_twice"]

#: Where a record was read, as D005 names it: (id, path, pointer).
_Where = tuple[str, str, str]


def _twice(spot: Spot, first: _Where) -> Issue:
    """D005's issue on the record at ``spot``, naming the first record with its figure."""
    return Issue(at=spot, params={"first": first[0], "where": f"{first[1]} {first[2] or '/'}"})


def _figure_key(record: Activity | Outcome) -> tuple[Any, ...] | None:
    if record.quantity is None:
        return None
    # Quantities and periods are frozen attrs values: hashable, compared by value. The class
    # is named (a class's hash is its address, which differs from process to process).
    return (
        type(record).__name__,
        record.kind,
        record.quantity,
        record.period,
        record.area,
        record.organiser,
        tuple(sorted(record.partners)),
        record.part_of,
    )


class _CountedTwice:
    """1.0 figures identical in everything but their id. A figure's facts are a digest of its
    key (``hash``: the same in every process of a run). Kept: where each figure was read,
    under its digest, in a :class:`Repeats` (nothing looked up as the records come); at the
    end, each figure whose digest an earlier figure with another id had is a finding."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> int | None:
        record = item.record
        if not isinstance(record, (Activity, Outcome)) or record.quantity is None:
            return None
        return hash(_figure_key(record))

    def start(self, context: RuleContext) -> None:
        #: (id, path, pointer, line) of each figure, under its digest.
        self.seen: Repeats[tuple[str, str, str, int | None]] = Repeats()

    def take(self, spot: Spot, facts: int) -> None:
        self.seen.add(facts, (spot.record_id, spot.path, spot.pointer, spot.line))

    def end(self) -> Iterator[Issue]:
        try:
            for first, (record_id, path, at, line) in self.seen.repeats():
                if record_id != first[0]:  # a copy of the first under its own id is no other
                    spot = Spot(path=path, pointer=at, line=line, record_id=record_id)
                    yield _twice(spot, (first[0], first[1], first[2]))
        finally:
            self.seen.close()


counted_twice = dataset_rule(
    code="D005",
    name="figure-counted-twice",
    severity="warning",
    title=("The same figure twice", "Cùng một số liệu bị tính hai lần"),
    explanation=(
        (
            "Two records with the same kind, value, unit, period, area and organisations are "
            "almost always one figure entered twice (in two files, or once per partner); summed "
            "in a report, it would be counted twice."
        ),
        (
            "Hai bản ghi cùng loại, giá trị, đơn vị, thời gian, địa bàn và đơn vị thực hiện hầu "
            "như luôn là một số liệu nhập hai lần; khi tổng hợp sẽ bị tính hai lần."
        ),
    ),
    message=(
        "same figure as {first!r} at {where}",
        "trùng số liệu với {first!r} tại {where}",
    ),
)(_CountedTwice)


def _key(figure: Figure) -> tuple[Any, ...] | None:
    quantity = figure.quantity
    if quantity is None or quantity.value is None:
        return None
    return (
        figure.kind,
        quantity.value,
        quantity.unit,
        quantity.precision,
        tuple(sorted(quantity.counted)),
        tuple(sorted(figure.qualifiers)),
        tuple(sorted(stage.value for stage in figure.lifecycle)),
        figure.period,
        figure.area,
        figure.event,
        frozenset(figure.actors),
    )


def _pair(one: str, other: str) -> str:
    """Two ids linked, either way round, as one string (a key that stays equal on disk)."""
    first, second = sorted((one, other))
    return f"{len(first)}:{first}{second}"


class _CountedTwiceV2:
    """2.0 figures identical in their key, unless a link relates the two (a version of the
    other, a part of it, ...): the dataset then says how they relate, and that they are two.
    Unlike 1.0, two figures of one id are two here too (D001 names the id as well). A figure's
    facts are the pairs of ids its links make and a digest of its key (``hash``). Kept, in
    stores that spill to disk: each digest with where its first figure was read, the pairs of
    ids linked, and the figures whose key an earlier one had (a link may come later)."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[tuple[str, ...], int | None] | None:
        figure = item.record
        if not isinstance(figure, Figure):
            return None
        pairs = tuple(_pair(figure.id, target) for link in figure.links for target in link.targets)
        key = _key(figure)
        if key is None:
            return (pairs, None) if pairs else None
        return (pairs, hash(key))

    def start(self, context: RuleContext) -> None:
        #: (id, path, pointer, line) of each figure with a key, under its digest.
        self.seen: Repeats[tuple[str, str, str, int | None]] = Repeats()
        self.linked: FactIndex[bool] = FactIndex()

    def take(self, spot: Spot, facts: tuple[tuple[str, ...], int | None]) -> None:
        pairs, digest = facts
        for pair in pairs:
            self.linked.add(pair, SEEN)
        if digest is not None:
            self.seen.add(digest, (spot.record_id, spot.path, spot.pointer, spot.line))

    def end(self) -> Iterator[Issue]:
        try:
            for first, (record_id, path, at, line) in self.seen.repeats():
                if _pair(first[0], record_id) not in self.linked:
                    spot = Spot(path=path, pointer=at, line=line, record_id=record_id)
                    yield _twice(spot, (first[0], first[1], first[2]))
        finally:
            self.seen.close()
            self.linked.close()


#: D008's facts of a 1.0 activity or outcome: (id, part_of, unit, value, exact), the unit
#: ``None`` when it has no quantity; of any other record, its id.
_PartFacts = tuple[str, str | None, str | None, Any, bool]
#: What D008 keeps of the first activity or outcome with an id: (part_of, unit, value, exact,
#: its Spot when it has a part_of -- only there can a loop close).
_Whole = tuple[str | None, str | None, Any, bool, Spot | None]


class _Breakdowns:
    """1.0 breakdowns (``part_of``) within their whole, alone and together, and no loops.

    Kept: of each activity or outcome, its id, part_of and quantity (unit, value, exact) and,
    with a part_of, its Spot, with its number (:class:`FirstRecords`: in input order, in
    chunks; at the end, only the first record of each whole named is looked up: a record of
    another kind hides a later whole of its id as ``RecordSet.get`` would, which the run's ids
    tell); the Spot, unit and value of each part, grouped by whole (:class:`Groups`); the (id,
    part_of) of each part, to walk the chains (a :class:`FactLog`). Other records have no
    facts.
    """

    @staticmethod
    def facts(item: Located, context: RuleContext) -> _PartFacts | None:
        record = item.record
        if not isinstance(record, (Activity, Outcome)):
            return None
        quantity = record.quantity
        if quantity is None:
            return (record.id, record.part_of, None, None, False)
        return (record.id, record.part_of, quantity.unit, quantity.value, quantity.is_exact)

    def start(self, context: RuleContext) -> None:
        self.first: FirstRecords[_Whole] = FirstRecords(context)
        self.parts: Groups[tuple[Spot, str | None, Any]] = Groups()
        self.starts: FactLog[tuple[str, str]] = FactLog()

    def take(self, spot: Spot, facts: _PartFacts) -> None:
        record_id, part_of, unit, value, exact = facts
        self.first.add(spot, (part_of, unit, value, exact, spot if part_of else None))
        if part_of is not None:
            self.parts.add(part_of, (spot, unit, value))
            if part_of:
                self.starts.append((record_id, part_of))

    def _reach(self, target: str) -> tuple[str, str | None] | None:
        found = self.first.get(target)
        return None if found is None else (target, found[0])

    def end(self) -> Iterator[Issue]:
        self.first.settle(str(whole) for whole in self.parts.group_keys())  # every target
        try:
            for whole_id, rows in self.parts:
                whole = self.first.get(str(whole_id))
                if whole is not None and whole[1] is not None:
                    yield from _within(str(whole_id), whole, rows)
            for loop, again in chain_loops(self.starts, self._reach):
                closing = self.first.get(again)  # reached, so kept; in a loop, so linked
                if closing is not None and closing[4] is not None:
                    yield loop_issue("part_of", loop, again, closing[4])
        finally:
            self.first.close()
            self.parts.close()
            self.starts.close()


def _within(
    whole_id: str, whole: _Whole, rows: Iterator[tuple[Spot, str | None, Any]]
) -> Iterator[Issue]:
    """D008 on the parts of one 1.0 whole (in input order): each, and all together."""
    _, unit, value, exact, _ = whole
    same_unit = []
    last: Spot | None = None
    for spot, part_unit, part_value in rows:
        last = spot
        if part_unit is None or part_unit != unit:
            continue
        same_unit.append(part_value)
        if part_value > value and exact:
            yield Issue(
                at=spot,
                pointer="/quantity/value",
                params={
                    "detail": f"{part_value} is more than its whole {whole_id!r} ({value})",
                    "detail_vi": f"{part_value} lớn hơn số tổng {whole_id!r} ({value})",
                },
            )
    total = sum(same_unit)
    if len(same_unit) > 1 and exact and total > value:
        yield Issue(
            at=last,
            pointer="/part_of",
            params={
                "detail": f"the parts of {whole_id!r} add up to {total}, more than {value}",
                "detail_vi": f"các phần của {whole_id!r} cộng lại là {total}, lớn hơn {value}",
            },
        )


breakdowns = dataset_rule(
    code="D008",
    name="breakdown-exceeds-whole",
    severity="error",
    title=("Breakdown larger than its whole", "Số liệu 'trong đó' lớn hơn tổng"),
    explanation=(
        (
            "A breakdown ('120 tin, trong đó 60 tin có giá trị') is part of its whole: in the same "
            "unit, one part, or all parts together, cannot exceed it; and a part must not be part "
            "of itself through a chain."
        ),
        (
            "Số liệu 'trong đó' là một phần của số tổng: cùng đơn vị thì một phần, hay tất cả các "
            "phần cộng lại, không thể lớn hơn tổng; và không được là phần của chính nó qua chuỗi."
        ),
    ),
    message=("{detail}", "{detail_vi}"),
)(_Breakdowns)


#: What D008 keeps of a 2.0 figure's quantity: (its period's digest, unit, the values it may
#: stand for, its size as written), for a quantity with a value. The digest is the period's
#: ``hash()``, equal for equal periods in every process of a run (pickling a period costs ten
#: times as much).
_Size = tuple[int, str | None, tuple[float, float, bool, bool], Any]
#: D008's facts of a 2.0 figure with a size: (id, size, the (link index, target) of its
#: part_of links to other ids); of any other record, its id.
_FigureFacts = tuple[str, _Size, tuple[tuple[int, str], ...]]


def _size(figure: Figure) -> _Size | None:
    quantity = figure.quantity
    bounds = value_bounds(quantity) if quantity is not None else None
    if quantity is None or bounds is None:
        return None
    return (hash(figure.period), quantity.unit, bounds, quantity.as_written or quantity.value)


def _above(mine: tuple[float, float, bool, bool], theirs: tuple[float, float, bool, bool]) -> bool:
    """Whether a part's values (``mine``) are all above its whole's (``theirs``)."""
    return mine[0] > theirs[1] or (mine[0] == theirs[1] and not (mine[2] and theirs[3]))


class _BreakdownsV2:
    """A 2.0 figure ``part_of`` another above it: same unit and period, bounds that cannot
    meet.

    Kept: the id and size (period digest, unit, bounds, as written) of each figure with a
    size and its number (:class:`FirstRecords`: at the end, only the first record of each
    whole named is looked up, by the run's ids); the Spot, size and part_of links of each
    figure that has both (a :class:`FactLog`). Other records have no facts.
    """

    @staticmethod
    def facts(item: Located, context: RuleContext) -> _FigureFacts | None:
        figure = item.record
        if not isinstance(figure, Figure):
            return None
        size = _size(figure)
        if size is None:
            return None  # as good as another kind of record: never a whole
        if not figure.links:
            return (figure.id, size, ())
        parts = tuple(
            (index, target)
            for index, link in enumerate(figure.links)
            if link.rel is LinkRelation.PART_OF
            for target in link.targets
            if target != figure.id
        )
        return (figure.id, size, parts)

    def start(self, context: RuleContext) -> None:
        self.first: FirstRecords[_Size] = FirstRecords(context)
        self.parts: FactLog[tuple[Spot, _Size, tuple[tuple[int, str], ...]]] = FactLog()

    def take(self, spot: Spot, facts: _FigureFacts) -> None:
        _, size, parts = facts
        self.first.add(spot, size)
        if parts:
            self.parts.append((spot, size, parts))

    def end(self) -> Iterator[Issue]:
        self.first.settle(target for _, _, parts in self.parts for _, target in parts)
        try:
            for spot, size, parts in self.parts:
                period, unit, mine, written = size
                for index, target in parts:
                    whole = self.first.get(target)
                    if not whole or whole[0] != period or whole[1] != unit:
                        continue
                    theirs, whole_size = whole[2], whole[3]
                    if _above(mine, theirs):
                        yield Issue(
                            at=spot,
                            pointer=f"/links/{index}",
                            params={
                                "detail": f"{written} is more than its whole {target!r} "
                                f"({whole_size})",
                                "detail_vi": f"{written} lớn hơn tổng {target!r} ({whole_size})",
                            },
                        )
        finally:
            self.first.close()
            self.parts.close()


#: D005 and D008 on 2.0 figures: the same codes and catalogue entries as for 1.0 records.
#: ``types`` tells them apart from the 1.0 rules (rules compare equal by everything but the check).
COUNTED_TWICE_V2 = Rule(
    info=counted_twice.info,
    scope="dataset",
    check=LifecycleCheck(_CountedTwiceV2),
    types=(Figure,),
)
BREAKDOWN_V2 = Rule(
    info=breakdowns.info, scope="dataset", check=LifecycleCheck(_BreakdownsV2), types=(Figure,)
)
