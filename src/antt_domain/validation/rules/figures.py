"""Rules on figures: D005 (the same figure counted twice) and D008 (a breakdown larger than
its whole), each for 1.0 activities and outcomes and for 2.0 figures (their key: counted
things, qualifiers, lifecycle, event; their ``part_of`` links), under one catalogue entry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from antt_domain.model import Activity, Outcome
from antt_domain.model.v2 import Figure, LinkRelation
from antt_domain.validation._rules import (
    Issue,
    LifecycleCheck,
    Located,
    RecordSet,
    Rule,
    RuleContext,
    dataset_rule,
)
from antt_domain.validation.rules._cycles import chain_loops
from antt_domain.validation.rules._walk_v2 import figure_links, value_bounds

__all__ = ["BREAKDOWN_V2", "COUNTED_TWICE_V2", "breakdowns", "counted_twice"]

#: Where a record was read, as D005 names it: (id, path, pointer).
_Where = tuple[str, str, str]


def _where(item: Located) -> _Where:
    return (item.record.id, item.path, item.pointer)


def _twice(item: Located, first: _Where) -> Issue:
    """D005's issue on ``item``, naming the first record with its figure."""
    return Issue(at=item, params={"first": first[0], "where": f"{first[1]} {first[2] or '/'}"})


def _figure_key(record: Activity | Outcome) -> tuple[Any, ...] | None:
    if record.quantity is None:
        return None
    # Quantities and periods are frozen attrs values: hashable, compared by value.
    return (
        type(record),
        record.kind,
        record.quantity,
        record.period,
        record.area,
        record.organiser,
        tuple(sorted(record.partners)),
        record.part_of,
    )


class _CountedTwice:
    """1.0 figures identical in everything but their id. Kept: each figure's key, with where
    the first record that had it was read."""

    def start(self, context: RuleContext) -> None:
        self.seen: dict[tuple[Any, ...], _Where] = {}

    def record(self, item: Located) -> list[Issue] | None:
        record = item.record
        if not isinstance(record, (Activity, Outcome)) or record.quantity is None:
            return None
        first = self.seen.setdefault(_figure_key(record), _where(item))  # type: ignore[arg-type]
        if first[0] == record.id:
            return None  # the first with this figure, or a copy of it under its id
        return [_twice(item, first)]

    def end(self) -> tuple[Issue, ...]:
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


class _CountedTwiceV2:
    """2.0 figures identical in their key, unless a link relates the two (a version of the
    other, a part of it, ...): the dataset then says how they relate, and that they are two.
    Unlike 1.0, two figures of one id are two here too (D001 names the id as well). Kept:
    each key with where its first figure was read, the pairs of ids linked, and the figures
    whose key an earlier one had (a link may come later)."""

    def start(self, context: RuleContext) -> None:
        self.seen: dict[tuple[Any, ...], _Where] = {}
        self.linked: set[frozenset[str]] = set()
        self.again: list[tuple[Located, _Where]] = []

    def record(self, item: Located) -> None:
        figure = item.record
        if not isinstance(figure, Figure):
            return
        for link in figure.links:
            for target in link.targets:
                self.linked.add(frozenset((figure.id, target)))
        key = _key(figure)
        if key is None:
            return
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = _where(item)
        else:
            self.again.append((item, first))

    def end(self) -> Iterator[Issue]:
        for item, first in self.again:
            if frozenset((first[0], item.record.id)) not in self.linked:
                yield _twice(item, first)


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
