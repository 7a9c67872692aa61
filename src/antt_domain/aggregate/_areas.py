"""Areas as a tree (commune → district → province through ``Area.parent``).

Areas are versioned records: a unit before and after the 2025 reform are two records with two
ids, and a figure names the one it was reported for. Walking ``parent`` ids from a record's area
therefore follows the units *as they were at the record's date*, never today's.
"""

from __future__ import annotations

from collections.abc import Iterable

from antt_domain.aggregate._errors import AggregationError
from antt_domain.model import Area, Interval

__all__ = ["AreaTree"]


class AreaTree:
    """Look-ups over a dataset's areas; chains are computed once per area id."""

    __slots__ = ("_by_id", "_chains")

    def __init__(self, areas: Iterable[Area]) -> None:
        self._by_id: dict[str, Area] = {}
        for area in areas:
            self._by_id.setdefault(area.id, area)
        self._chains: dict[str, tuple[Area, ...]] = {}

    def get(self, area_id: str | None) -> Area | None:
        """The area ``area_id``, or ``None``."""
        return None if area_id is None else self._by_id.get(area_id)

    def chain(self, area_id: str | None) -> tuple[Area, ...]:
        """The area and its ancestors, nearest first (stops at a missing parent or a cycle)."""
        if area_id is None:
            return ()
        cached = self._chains.get(area_id)
        if cached is not None:
            return cached
        found: list[Area] = []
        seen: set[str] = set()
        current = self._by_id.get(area_id)
        while current is not None and current.id not in seen:
            found.append(current)
            seen.add(current.id)
            current = self._by_id.get(current.parent) if current.parent else None
        chain = tuple(found)
        self._chains[area_id] = chain
        return chain

    def level_of(self, area_id: str | None) -> str | None:
        """The level of ``area_id`` (``"district"``, ...), or ``None`` when unknown."""
        area = self.get(area_id)
        return None if area is None else area.level.value

    def at_level(self, area_id: str | None, level: str) -> str | None:
        """The id of the area or ancestor at ``level``, or ``None`` (e.g. above that level)."""
        return next((a.id for a in self.chain(area_id) if a.level.value == level), None)

    def within(self, area_id: str | None, roots: frozenset[str]) -> bool:
        """Whether ``area_id`` is one of ``roots`` or lies below one."""
        return any(a.id in roots for a in self.chain(area_id))

    def resolve(self, reference: str, period: Interval | None) -> tuple[str, ...]:
        """The area ids ``reference`` names: an id, else an administrative code.

        A code may name several records (codes were reused in 2025); then only the areas that
        existed during ``period`` are kept, and if that still leaves more than one (or no period
        was given) the reference is refused with the candidates.
        """
        if reference in self._by_id:
            return (reference,)
        matches = [a for a in self._by_id.values() if a.code == reference]
        if len(matches) > 1 and period is not None:
            matches = [a for a in matches if _overlaps(a, period)]
        if not matches:
            raise AggregationError("area", reference, "no area has this id or code")
        if len(matches) > 1:
            raise AggregationError(
                "area",
                reference,
                "this code names several areas (codes were reused); give an area id",
                candidates=tuple(sorted(a.id for a in matches)),
            )
        return (matches[0].id,)


def _overlaps(area: Area, period: Interval) -> bool:
    started = area.valid_from is None or area.valid_from <= period.end
    not_ended = area.valid_to is None or area.valid_to > period.start
    return started and not_ended
