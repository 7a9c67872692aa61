"""Findings in report order in bounded memory, however many a run finds: an external sort.

A :class:`SortedSpill` keeps items in memory up to its limit; past that it sorts them and
writes them as a *run* (rows of :data:`_CHUNK` pickled items) to a table of the thread's
scratch database, as the fact stores do (:mod:`antt_domain.validation._facts`); runs of one
size are merged :data:`_FAN_IN` at a time. Iterating merges the runs and what memory holds, one
chunk of each at a time, in the order ``sorted(items, key=key)`` gives: stable, equal keys
in the order added. :meth:`SortedSpill.settle` writes that order once as one run, which
:class:`SpilledFindings` then reads as a sequence -- the findings of a large report, never
held in memory at once.
"""

from __future__ import annotations

import heapq
import pickle
import sqlite3
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar, final, overload

from antt_domain.validation import _facts
from antt_domain.validation._findings import Finding, Presorted, Severity

__all__ = ["SortedSpill", "SpilledFindings"]

#: How many items a row of a run holds (one row is read at a time from each run).
_CHUNK = 128
#: How many runs of one size are merged into one of the next: the runs stay few (about
#: ``_FAN_IN`` times the number of sizes, which grows with the log of the items), so that
#: merging them holds few rows in memory, and each item is written again only that log times.
_FAN_IN = 16

_T = TypeVar("_T")


@final
class SortedSpill(Generic[_T]):
    """Items read back in the order of ``key`` (equal keys in the order added): a list while
    there are at most ``limit`` of them, then sorted runs on disk merged as they are read."""

    def __init__(self, key: Callable[[_T], Any], limit: int | None = None) -> None:
        self._key = key
        self._limit = max(1, _facts.SPILL_AFTER if limit is None else limit)
        self._memory: list[_T] = []
        self._db: sqlite3.Connection | None = None
        self._name = ""
        #: Each run's rows (first and one past the last ``n``), in the order written.
        self._runs: list[tuple[int, int]] = []
        #: Each run's size: how many merges made it (0: written from memory).
        self._levels: list[int] = []
        self._rows = 0
        self._spilled = 0

    def __len__(self) -> int:
        return self._spilled + len(self._memory)

    @property
    def on_disk(self) -> bool:
        """Whether some items have moved to disk."""
        return self._db is not None

    def add(self, item: _T) -> None:
        """Add ``item``."""
        self._memory.append(item)
        if len(self._memory) > self._limit:
            self._spill()

    def extend(self, items: Iterable[_T]) -> None:
        """Add each of ``items``."""
        for item in items:
            self.add(item)

    def _write(self, items: Iterable[_T]) -> None:
        """Write ``items`` (in order) as one more run."""
        if self._db is None:
            self._db, self._name = _facts._table()
            self._db.execute(f"CREATE TABLE {self._name} (n INTEGER PRIMARY KEY, row BLOB)")
            weakref.finalize(self, _facts._drop, self._db, self._name)
        first = self._rows
        chunk: list[_T] = []
        with _facts._transaction(self._db):
            for item in items:
                chunk.append(item)
                if len(chunk) == _CHUNK:
                    self._insert(chunk)
                    chunk.clear()
            if chunk:
                self._insert(chunk)
        self._runs.append((first, self._rows))

    def _insert(self, chunk: list[_T]) -> None:
        db = self._db
        assert db is not None  # noqa: S101 - _write made it
        db.execute(
            f"INSERT INTO {self._name} (n, row) VALUES (?, ?)",  # noqa: S608 - our own name
            (self._rows, pickle.dumps(chunk, _facts._PROTOCOL)),
        )
        self._rows += 1
        self._spilled += len(chunk)

    def _spill(self) -> None:
        self._memory.sort(key=self._key)
        self._write(self._memory)
        self._levels.append(0)
        self._memory.clear()
        levels = self._levels
        while len(levels) >= _FAN_IN and len(set(levels[-_FAN_IN:])) == 1:
            self._merge_last(_FAN_IN, levels[-1] + 1)

    def _merge_last(self, count: int, level: int) -> None:
        """Merge the last ``count`` runs (written one after the other: the merge keeps their
        order for equal keys) into one run of ``level``; drop their rows."""
        runs = self._runs[-count:]
        first, end = runs[0][0], runs[-1][1]
        merged = heapq.merge(*(self._run(a, b) for a, b in runs), key=self._key)
        spilled = self._spilled
        self._write(merged)
        self._spilled = spilled  # the same items, written again
        del self._runs[-count - 1 : -1], self._levels[-count:]
        self._levels.append(level)
        db = self._db
        assert db is not None  # noqa: S101 - runs were written
        with _facts._transaction(db):
            db.execute(f"DELETE FROM {self._name} WHERE n >= ? AND n < ?", (first, end))  # noqa: S608

    def chunk(self, n: int) -> list[_T]:
        """Row ``n`` of the table: a chunk of one run, in order."""
        db = self._db
        assert db is not None  # noqa: S101 - only asked of rows written
        (row,) = db.execute(f"SELECT row FROM {self._name} WHERE n = ?", (n,)).fetchone()  # noqa: S608
        return pickle.loads(row)  # type: ignore[no-any-return]  # noqa: S301 - our own scratch

    def _run(self, first: int, end: int) -> Iterator[_T]:
        # Row by row, no cursor left open: items may be added (and written) meanwhile.
        for n in range(first, end):
            yield from self.chunk(n)

    def __iter__(self) -> Iterator[_T]:
        """Every item, in order of the key (stable)."""
        memory = sorted(self._memory, key=self._key)
        if not self._runs:
            return iter(memory)
        runs = [self._run(first, end) for first, end in self._runs]
        return heapq.merge(*runs, memory, key=self._key)

    def settle(self) -> tuple[int, int]:
        """Make the items one run on disk, in order (writing the merge of the runs and of
        what memory holds, then dropping the old rows); its first row and one past its last.
        Nothing may be added after."""
        if len(self._runs) == 1 and not self._memory:
            return self._runs[0]
        old = self._rows
        merged = list(self) if self._db is None else iter(self)
        self._spilled = 0
        self._write(merged)
        self._memory.clear()
        if self._db is not None and old:
            with _facts._transaction(self._db):
                self._db.execute(f"DELETE FROM {self._name} WHERE n < ?", (old,))  # noqa: S608
        self._runs = self._runs[-1:]
        self._levels = [max(self._levels, default=0) + 1]
        return self._runs[0]

    def close(self) -> None:
        """Drop the items (and their table)."""
        self._memory.clear()
        self._runs.clear()
        self._levels.clear()
        if self._db is not None:
            _facts._drop(self._db, self._name)
            self._db = None
            self._spilled = 0


@final
class SpilledFindings(Presorted):
    """A report's findings, in report order, read from disk when asked: a read-only sequence
    (equal to the tuple of the same findings; pickled as that tuple). Made by :meth:`of`."""

    __slots__ = ("_counts", "_end", "_first", "_spill", "_start", "_stop")

    def __init__(
        self,
        spill: SortedSpill[Finding],
        first: int,
        start: int,
        stop: int,
        counts: Counter[Severity] | None,
    ) -> None:
        self._spill = spill  # kept alive with the table
        self._first = first  # the run's first row
        self._start, self._stop = start, stop  # the items of the run seen by this sequence
        self._counts = counts
        self._end: tuple[int, list[Finding]] = (-1, [])  # the chunk read last: (row, items)

    @classmethod
    def of(cls, findings: SortedSpill[Finding]) -> SpilledFindings:
        """The findings of ``findings``, settled into one run (counted by severity as they
        go by once)."""
        first, end = findings.settle()
        counts: Counter[Severity] = Counter()
        total = 0
        for n in range(first, end):
            chunk = findings.chunk(n)
            counts.update(f.severity for f in chunk)
            total += len(chunk)
        return cls(findings, first, 0, total, counts)

    def __len__(self) -> int:
        return self._stop - self._start

    def _at(self, index: int) -> Finding:
        row, offset = divmod(self._start + index, _CHUNK)
        last_row, items = self._end
        if row != last_row:
            items = self._spill.chunk(self._first + row)
            self._end = (row, items)
        return items[offset]

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Finding]: ...
    def __getitem__(self, index: int | slice) -> Finding | Sequence[Finding]:
        size = len(self)
        if isinstance(index, slice):
            start, stop, step = index.indices(size)
            if step != 1:
                return tuple(self[i] for i in range(start, stop, step))
            return self.part(start, max(start, stop))
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("finding index out of range")
        return self._at(index)

    def part(self, start: int, stop: int) -> SpilledFindings:
        """The findings from ``start`` to ``stop`` (``0 <= start <= stop <= len(self)``),
        read from the same file."""
        return SpilledFindings(
            self._spill, self._first, self._start + start, self._start + stop, None
        )

    def __iter__(self) -> Iterator[Finding]:
        row, offset = divmod(self._start, _CHUNK)
        left = len(self)
        while left > 0:
            items = self._spill.chunk(self._first + row)[offset : offset + left]
            yield from items
            left -= len(items)
            row, offset = row + 1, 0

    def severities(self) -> Counter[Severity]:
        """How many findings of each severity this sequence holds."""
        if self._counts is None:
            self._counts = Counter(f.severity for f in self)
        return Counter(self._counts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))

    def __repr__(self) -> str:
        return f"<{len(self)} findings, kept on disk>"
