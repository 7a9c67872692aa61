"""Loops in the links between records, each found once: ``part_of`` and ``parent`` chains
(D008, D009) and the links between 2.0 figures (D102). No rule lives here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from antt_domain.validation._rules import Issue, Located, RecordSet

__all__ = ["chain_loops", "cycles"]

Node = TypeVar("Node")


def cycles(
    starts: Iterable[Node],
    successors: Callable[[Node], Iterable[Node]],
    key: Callable[[Node], str],
) -> Iterator[tuple[list[Node], Node]]:
    """Every loop reachable from ``starts``: ``(loop, again)``, where ``loop`` runs from the
    node reached a second time to the last one before it, and ``again`` is that node as
    reached. Depth first from each start not yet walked, in the order given; nodes are told
    apart by ``key`` (a record id), and a node whose walk is done is not walked again."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in starts:
        if key(root) in state:
            continue
        path, keys = [root], [key(root)]
        stack = [iter(successors(root))]
        state[keys[0]] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                path.pop()
                state[keys.pop()] = 2
                continue
            step_key = key(step)
            if state.get(step_key) == 1:
                yield path[keys.index(step_key) :], step
            elif step_key not in state:
                state[step_key] = 1
                path.append(step)
                keys.append(step_key)
                stack.append(iter(successors(step)))


def chain_loops(records: RecordSet, field: str, types: tuple[type, ...]) -> Iterator[Issue]:
    """Records whose ``field`` chain loops back (each loop reported once, at the record where
    it closes, starting from the records in input order)."""

    def following(item: Located) -> list[Located]:
        target = getattr(item.record, field)
        found = records.with_id(target)[:1] if target else []
        return [up for up in found if isinstance(up.record, types)]

    starts = (item for item in records if isinstance(item.record, types))
    for loop, again in cycles(starts, following, lambda item: item.record.id):
        chain = " → ".join([*(item.record.id for item in loop), again.record.id])
        yield Issue(
            at=again,
            pointer=f"/{field}",
            params={
                "detail": f"{field} loops: {chain}",
                "detail_vi": f"{field} tạo vòng lặp: {chain}",
            },
        )
