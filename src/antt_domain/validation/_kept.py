"""The findings a report keeps, trimmed to ``--max-findings`` as they come."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import final

from antt_domain.validation._findings import Finding, Severity

__all__ = ["Kept"]


@final
class Kept:
    """The findings a report keeps: all of them, or the first ``cap`` in report order with a
    count of the others by severity. Trimmed as they come, so memory stays bounded."""

    def __init__(self, cap: int | None) -> None:
        self.cap = cap
        self.items: list[Finding] = []
        self.omitted: Counter[Severity] = Counter()

    def add(self, findings: Iterable[Finding]) -> None:
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

    def trim_pending(self, pending: list[tuple[Finding, int | None]]) -> None:
        """Drop rule findings not yet located that cannot be among the first ``cap``: their
        file and line already come after those of ``cap`` others (ties are kept)."""
        if self.cap is None or len(pending) <= 2 * self.cap + 1000:
            return
        pending.sort(key=lambda p: (p[0].path or "", p[1] or 0))
        last = pending[self.cap - 1] if self.cap > 0 else None
        bound = (last[0].path or "", last[1] or 0) if last is not None else ("", -1)
        keep = [p for p in pending if (p[0].path or "", p[1] or 0) <= bound]
        self.omitted.update(p[0].severity for p in pending[len(keep) :])
        pending[:] = keep
