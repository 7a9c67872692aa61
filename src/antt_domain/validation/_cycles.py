"""Loops in the links between records, each found once: ``part_of`` and ``parent`` chains
(D008, D009) and the links between 2.0 figures (D102). Pure; no rule lives here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

__all__ = ["cycles"]

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
