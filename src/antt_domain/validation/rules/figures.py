"""Rules on figures: D005 (the same figure counted twice) and D008 (a breakdown larger than
its whole), each for 1.0 activities and outcomes and for 2.0 figures (their key: counted
things, qualifiers, lifecycle, event; their ``part_of`` links), under one catalogue entry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from antt_domain.model import Activity, Outcome
from antt_domain.model.v2 import Figure, LinkRelation
from antt_domain.validation._facts import FactIndex, FactLog
from antt_domain.validation._rules import (
    Issue,
    LifecycleCheck,
    Located,
    RecordSet,
    Rule,
    RuleContext,
    Spot,
    dataset_rule,
)
from antt_domain.validation.rules._cycles import chain_loops
from antt_domain.validation.rules._walk_v2 import figure_links, value_bounds

__all__ = ["BREAKDOWN_V2", "COUNTED_TWICE_V2", "breakdowns", "counted_twice"]

#: Where a record was read, as D005 names it: (id, path, pointer).
_Where = tuple[str, str, str]


def _where(spot: Spot) -> _Where:
    return (spot.record_id, spot.path, spot.pointer)


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
    key (``hash``: the same in every process of a run). Kept: each digest, with where the
    first record that had it was read, in a store that spills to disk."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> int | None:
        record = item.record
        if not isinstance(record, (Activity, Outcome)) or record.quantity is None:
            return None
        return hash(_figure_key(record))

    def start(self, context: RuleContext) -> None:
        self.seen: FactIndex[_Where] = FactIndex()

    def take(self, spot: Spot, facts: int) -> list[Issue] | None:
        first = self.seen.setdefault(facts, _where(spot))
        if first[0] == spot.record_id:
            return None  # the first with this figure, or a copy of it under its id
        return [_twice(spot, first)]

    def end(self) -> tuple[Issue, ...]:
        self.seen.close()
        return ()


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
        self.seen: FactIndex[_Where] = FactIndex()
        self.linked: FactIndex[bool] = FactIndex()
        self.again: FactLog[tuple[Spot, _Where]] = FactLog()

    def take(self, spot: Spot, facts: tuple[tuple[str, ...], int | None]) -> None:
        pairs, digest = facts
        for pair in pairs:
            self.linked.setdefault(pair, True)
        if digest is None:
            return
        first = self.seen.get(digest)
        if first is None:
            self.seen.setdefault(digest, _where(spot))
        else:
            self.again.append((spot, first))

    def end(self) -> Iterator[Issue]:
        for spot, first in self.again:
            if _pair(first[0], spot.record_id) not in self.linked:
                yield _twice(spot, first)


@dataset_rule(
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
)
def breakdowns(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Parts within their whole (alone and together), no cycles."""
    parts: dict[str, list[Located]] = {}
    for item in records:
        record = item.record
        if isinstance(record, (Activity, Outcome)) and record.part_of is not None:
            parts.setdefault(record.part_of, []).append(item)
    for whole_id, items in parts.items():
        whole = records.get(whole_id)
        if not isinstance(whole, (Activity, Outcome)) or whole.quantity is None:
            continue
        same_unit = []
        for item in items:
            part = item.record
            assert isinstance(part, (Activity, Outcome))  # noqa: S101 - collected as figures above
            if part.quantity is None or part.quantity.unit != whole.quantity.unit:
                continue
            same_unit.append(part.quantity.value)
            if part.quantity.value > whole.quantity.value and whole.quantity.is_exact:
                yield Issue(
                    at=item,
                    pointer="/quantity/value",
                    params={
                        "detail": f"{part.quantity.value} is more than its whole {whole_id!r} "
                        f"({whole.quantity.value})",
                        "detail_vi": f"{part.quantity.value} lớn hơn số tổng {whole_id!r} "
                        f"({whole.quantity.value})",
                    },
                )
        total = sum(same_unit)
        if len(same_unit) > 1 and whole.quantity.is_exact and total > whole.quantity.value:
            yield Issue(
                at=items[-1],
                pointer="/part_of",
                params={
                    "detail": f"the parts of {whole_id!r} add up to {total}, more than "
                    f"{whole.quantity.value}",
                    "detail_vi": f"các phần của {whole_id!r} cộng lại là {total}, lớn hơn "
                    f"{whole.quantity.value}",
                },
            )
    yield from chain_loops(records, "part_of", (Activity, Outcome))


def _parts_exceed(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """A part_of figure above its whole: same unit and period, bounds that cannot meet."""
    for link in figure_links(records):
        part, whole, target = link.figure, link.other, link.target
        if link.rel is not LinkRelation.PART_OF or target == part.id:
            continue
        if part.quantity is None or whole.quantity is None or part.period != whole.period:
            continue
        if part.quantity.unit != whole.quantity.unit:
            continue
        mine, theirs = value_bounds(part.quantity), value_bounds(whole.quantity)
        if mine is None or theirs is None:
            continue
        if mine[0] > theirs[1] or (mine[0] == theirs[1] and not (mine[2] and theirs[3])):
            size = part.quantity.as_written or part.quantity.value
            whole_size = whole.quantity.as_written or whole.quantity.value
            yield Issue(
                at=link.at,
                pointer=f"/links/{link.index}",
                params={
                    "detail": f"{size} is more than its whole {target!r} ({whole_size})",
                    "detail_vi": f"{size} lớn hơn tổng {target!r} ({whole_size})",
                },
            )


#: D005 and D008 on 2.0 figures: the same codes and catalogue entries as for 1.0 records.
#: ``types`` tells them apart from the 1.0 rules (rules compare equal by everything but the check).
COUNTED_TWICE_V2 = Rule(
    info=counted_twice.info,
    scope="dataset",
    check=LifecycleCheck(_CountedTwiceV2),
    types=(Figure,),
)
BREAKDOWN_V2 = Rule(info=breakdowns.info, scope="dataset", check=_parts_exceed, types=(Figure,))
