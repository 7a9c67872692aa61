"""The findings a report keeps: trimmed to ``--max-findings`` as they come, or, with no cap
that bounds them, moved to disk past what the fact stores keep in memory."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import final

from antt_domain.validation import _facts
from antt_domain.validation._findings import Finding, Severity
from antt_domain.validation._locate import Pending, pending_order
from antt_domain.validation._spilled import SortedSpill, SpilledFindings

__all__ = ["Kept", "in_memory"]


def in_memory() -> int:
    """How many findings a run keeps in memory (each of those found and those waiting to be
    located) before the rest wait on disk: as many as a store keeps facts,
    :data:`~antt_domain.validation._facts.SPILL_AFTER` (5,000 by default)."""
    return _facts.SPILL_AFTER


@final
class Kept:
    """The findings a report keeps, and the rule findings not yet located: all of them, or
    the first ``cap`` in report order with a count of the others by severity.

    With a cap of at most :func:`in_memory` findings, both are lists trimmed as they come.
    Otherwise (no cap, or a larger one) both are :class:`SortedSpill`\\ s: memory holds that
    many, the rest wait on disk in sorted runs, and a large report's findings are a
    :class:`SpilledFindings` read from disk."""

    def __init__(self, cap: int | None) -> None:
        self.cap = cap
        self.omitted: Counter[Severity] = Counter()
        self.items: list[Finding] = []
        self.waiting: list[Pending] = []
        limit = in_memory()
        spills = cap is None or cap > limit
        self._items = SortedSpill(Finding.sort_key, limit) if spills else None
        self._waiting = SortedSpill(pending_order, limit) if spills else None

    def add(self, findings: Iterable[Finding]) -> None:
        """Keep ``findings`` (located)."""
        if self._items is not None:
            self._items.extend(findings)
            return
        self.items.extend(findings)
        if self.cap is not None and len(self.items) > 2 * self.cap + 1000:
            self.trim()

    def trim(self) -> None:
        """Keep the first ``cap`` findings in report order (the first ``cap`` of the union of
        what was kept and what came since are the first ``cap`` of all)."""
        if self.cap is None or len(self.items) <= self.cap:
            return
        self.items.sort(key=Finding.sort_key)
        self.omitted.update(f.severity for f in self.items[self.cap :])
        del self.items[self.cap :]

    def wait(self, pending: Iterable[Pending]) -> None:
        """Keep rule findings not yet located (each with the JSONL line of its record)."""
        if self._waiting is not None:
            self._waiting.extend(pending)
            return
        self.waiting.extend(pending)
        self._trim_waiting()

    def _trim_waiting(self) -> None:
        """Drop rule findings not yet located that cannot be among the first ``cap``: their
        file and line already come after those of ``cap`` others (ties are kept)."""
        waiting = self.waiting
        if self.cap is None or len(waiting) <= 2 * self.cap + 1000:
            return
        waiting.sort(key=lambda p: (p[0].path or "", p[1] or 0))
        last = waiting[self.cap - 1] if self.cap > 0 else None
        bound = (last[0].path or "", last[1] or 0) if last is not None else ("", -1)
        keep = [p for p in waiting if (p[0].path or "", p[1] or 0) <= bound]
        self.omitted.update(p[0].severity for p in waiting[len(keep) :])
        waiting[:] = keep

    def pending(self) -> Iterator[Pending]:
        """The rule findings not yet located, in ``pending_order`` (by file, then line)."""
        if self._waiting is not None:
            return iter(self._waiting)
        return iter(sorted(self.waiting, key=pending_order))

    def findings(self) -> Sequence[Finding]:
        """After the last: the findings kept, in report order (the first ``cap``; the others
        counted in :attr:`omitted`)."""
        if self._waiting is not None:
            self._waiting.close()
        spill = self._items
        if spill is None:
            self.trim()
            return tuple(self.items)
        if not spill.on_disk:
            self.items = list(spill)
            spill.close()
            self.trim()
            return tuple(self.items)
        found = SpilledFindings.of(spill)
        if self.cap is not None and len(found) > self.cap:
            self.omitted.update(found.part(self.cap, len(found)).severities())
            return found.part(0, self.cap)
        return found
