"""Loops in the links between records, each found once: ``part_of`` and ``parent`` chains
(D008, D009) and the links between 2.0 figures (D102). No rule lives here.

:func:`cycles` walks any graph; it remembers the nodes it has walked in ``seen`` (a dict, or a
:class:`~antt_domain.validation.FactIndex` for a graph as large as the run).
:class:`FactGraph` is a graph between record ids kept in fact stores, for a rule across
records written as facts and a join (:class:`~antt_domain.validation.FactLifecycle`): its
edges spill to disk with the rest of the run's facts, and so does the walk's memory of the
nodes done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar, final

from antt_domain.validation._facts import FactIndex, FactLog

__all__ = ["FactGraph", "cycles"]

Node = TypeVar("Node")


class Seen(Protocol):
    """Where :func:`cycles` remembers the keys of the nodes it has entered: a ``dict`` or a
    :class:`~antt_domain.validation.FactIndex` (whose values are never ``None``)."""

    def __contains__(self, key: str, /) -> bool: ...

    def setdefault(self, key: str, value: int, /) -> int: ...


def cycles(
    starts: Iterable[Node],
    successors: Callable[[Node], Iterable[Node]],
    key: Callable[[Node], str],
    seen: Seen | None = None,
) -> Iterator[tuple[list[Node], Node]]:
    """Every loop reachable from ``starts``: ``(loop, again)``, where ``loop`` runs from the
    node reached a second time to the last one before it, and ``again`` is that node as
    reached. Depth first from each start not yet walked, in the order given; nodes are told
    apart by ``key`` (a record id), and a node whose walk is done is not walked again.

    Only the current path is held in memory; the keys of the nodes entered go to ``seen``
    (a new dict by default)."""
    entered: Seen = {} if seen is None else seen
    on_path: dict[str, int] = {}  # key -> its place on the current path
    for root in starts:
        root_key = key(root)
        if root_key in entered:
            continue
        path, keys = [root], [root_key]
        stack = [iter(successors(root))]
        entered.setdefault(root_key, 1)
        on_path[root_key] = 0
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                path.pop()
                del on_path[keys.pop()]
                continue
            step_key = key(step)
            place = on_path.get(step_key)
            if place is not None:
                yield path[place:], step
            elif step_key not in entered:
                entered.setdefault(step_key, 1)
                on_path[step_key] = len(path)
                path.append(step)
                keys.append(step_key)
                stack.append(iter(successors(step)))


@final
class FactGraph:
    """Directed edges between ids, kept in fact stores: each edge under (source, its number
    among the source's edges) in a :class:`FactIndex`, the sources in order of their first
    edge in a :class:`FactLog`. Memory stays flat however many edges it holds (the stores
    spill to disk past ``_facts.SPILL_AFTER`` entries)."""

    def __init__(self) -> None:
        self._edges: FactIndex[str] = FactIndex()
        self._sources: FactLog[str] = FactLog()

    def __len__(self) -> int:
        """How many edges it holds."""
        return len(self._edges)

    def add(self, source: str, targets: Iterable[str]) -> None:
        """Edges from ``source`` to each of ``targets``, after the edges it already has."""
        number = self._count(source)
        for target in targets:
            if number == 0:
                self._sources.append(source)
            self._edges.add((source, number), target)
            number += 1

    def _count(self, source: str) -> int:
        """How many edges ``source`` has: numbered from 0 without a gap, so found in a few
        lookups (doubling, then halving) even for an id that many records share."""
        edges = self._edges
        if (source, 0) not in edges:
            return 0
        high = 1
        while (source, high) in edges:
            high *= 2
        low = high // 2  # (source, low) is an edge, (source, high) is not
        while high - low > 1:
            middle = (low + high) // 2
            if (source, middle) in edges:
                low = middle
            else:
                high = middle
        return high

    def successors(self, node: str) -> Iterator[str]:
        """The targets of ``node``'s edges, in the order they were added."""
        number = 0
        while (target := self._edges.get((node, number))) is not None:
            yield target
            number += 1

    def loops(self) -> Iterator[tuple[list[str], str]]:
        """:func:`cycles` from each source in order of its first edge, remembering the nodes
        walked in a :class:`FactIndex`."""
        seen: FactIndex[int] = FactIndex()
        try:
            yield from cycles(self._sources, self.successors, str, seen)
        finally:
            seen.close()

    def close(self) -> None:
        """Drop the edges (and their files)."""
        self._edges.close()
        self._sources.close()
