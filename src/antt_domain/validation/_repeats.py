"""Rows filed under keys, asked at the end which came again: the "first, then the repeats"
of a rule across records (a duplicate id, a figure counted twice) with no lookup as the rows
come.

A :class:`Repeats` keeps up to :data:`~antt_domain.validation._facts.SPILL_AFTER` rows in
memory, then appends them to a table of the process's scratch database, as the other fact
stores do (:mod:`antt_domain.validation._facts`). Nothing is looked up while rows are filed:
at the end, one query finds the keys filed more than once by walking an index of the keys in
order -- a sort and a scan, where asking as each row comes would be a search on disk a row.
"""

from __future__ import annotations

import pickle
import sqlite3
import weakref
from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar, final

from antt_domain.validation import _facts

__all__ = ["Repeats"]

_R = TypeVar("_R")


@final
class Repeats(Generic[_R]):
    """Rows, each filed under a key, in order; :meth:`repeats` then gives every row whose key
    was filed before it, with the first row of that key. Keys are compared as a
    :class:`~antt_domain.validation.FactIndex` compares them; rows are any picklable values
    (copies once on disk)."""

    def __init__(self, limit: int | None = None) -> None:
        self._limit = _facts.SPILL_AFTER if limit is None else limit
        self._memory: list[tuple[Hashable, _R]] = []
        self._db: sqlite3.Connection | None = None
        self._name = ""

    @property
    def on_disk(self) -> bool:
        """Whether some rows have moved to disk."""
        return self._db is not None

    def add(self, key: Hashable, row: _R) -> None:
        """File ``row`` under ``key``: no answer, no lookup."""
        self._memory.append((key, row))
        if len(self._memory) > self._limit:
            self._spill()

    def _spill(self) -> None:
        if self._db is None:
            self._db, self._name = _facts._table()
            self._db.execute(
                f"CREATE TABLE {self._name} (n INTEGER PRIMARY KEY, key BLOB, row BLOB)"
            )
            weakref.finalize(self, _facts._drop, self._db, self._name)
        encode, protocol = _facts._key, _facts._PROTOCOL
        with _facts._transaction(self._db):
            self._db.executemany(
                f"INSERT INTO {self._name} (key, row) VALUES (?, ?)",  # noqa: S608 - our name
                ((encode(k), pickle.dumps(r, protocol)) for k, r in self._memory),
            )
        self._memory.clear()

    def __iter__(self) -> Iterator[_R]:
        """Every row, in the order filed (those on disk read in batches)."""
        if self._db is not None:
            cursor = self._db.execute(f"SELECT row FROM {self._name} ORDER BY n")  # noqa: S608
            while batch := cursor.fetchmany(4096):
                for (row,) in batch:
                    yield pickle.loads(row)  # noqa: S301 - our own scratch file
        for _, row in self._memory:
            yield row

    def repeats(self) -> Iterator[tuple[_R, _R]]:
        """(first row of its key, row) for every row whose key was filed before it: by the
        first rows in the order filed, then the repeats of each in the order filed."""
        if self._db is None:
            yield from _in_memory(self._memory)
            return
        if self._memory:
            self._spill()
        db, name = self._db, self._name
        db.execute(f"CREATE INDEX IF NOT EXISTS {name}_key ON {name} (key, n)")
        query = (
            f"WITH f AS (SELECT key, MIN(n) AS n FROM {name} GROUP BY key HAVING COUNT(*) > 1) "  # noqa: S608
            f"SELECT a.row, b.row FROM f JOIN {name} AS a ON a.n = f.n "
            f"JOIN {name} AS b ON b.key = f.key AND b.n > f.n ORDER BY f.n, b.n"
        )
        cursor = db.execute(query)
        while batch := cursor.fetchmany(4096):
            for first, row in batch:
                yield pickle.loads(first), pickle.loads(row)  # noqa: S301 - our own scratch

    def close(self) -> None:
        """Drop the rows (and their table)."""
        self._memory.clear()
        if self._db is not None:
            _facts._drop(self._db, self._name)
            self._db = None


def _in_memory(rows: list[tuple[Hashable, _R]]) -> Iterator[tuple[_R, _R]]:
    first: dict[Hashable, tuple[int, _R]] = {}
    found: list[tuple[int, int, _R, _R]] = []
    for n, (key, row) in enumerate(rows):
        seen = first.setdefault(key, (n, row))
        if seen[0] != n:
            found.append((seen[0], n, seen[1], row))
    found.sort(key=lambda entry: (entry[0], entry[1]))
    for _, _, before, row in found:
        yield before, row
