"""D005 (figure counted twice) and D008 (breakdown larger than its whole) on 2.0 figures: the
codes and catalogue entries of the 1.0 rules, with the 2.0 key (counted things, qualifiers,
lifecycle, event) and ``part_of`` links."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from antt_domain.model import Record, v2
from antt_domain.model.v2 import Figure, LinkRelation
from antt_domain.validation._dataset_rules import breakdowns, counted_twice, counted_twice_issues
from antt_domain.validation._rules import Issue, Located, RecordSet, Rule, RuleContext
from antt_domain.validation._walk_v2 import figure_links, links_of, value_bounds

__all__ = ["BREAKDOWN_V2", "COUNTED_TWICE_V2"]


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


def _counted_twice(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """2.0 figures identical in their key, unless a link relates the two (a version of the
    other, a part of it, ...): the dataset then says how they relate, and that they are two."""
    linked = {frozenset((item.record.id, target)) for item, _, _, target in links_of(records)}

    def key(record: Record | v2.Record) -> tuple[Any, ...] | None:
        return _key(record) if isinstance(record, Figure) else None

    def unlinked(first: Located, later: Located) -> bool:
        # Unlike 1.0, two figures of one id are two here too (D001 names the id as well).
        return frozenset((first.record.id, later.record.id)) not in linked

    yield from counted_twice_issues(records, key, unlinked)


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
    info=counted_twice.info, scope="dataset", check=_counted_twice, types=(Figure,)
)
BREAKDOWN_V2 = Rule(info=breakdowns.info, scope="dataset", check=_parts_exceed, types=(Figure,))
