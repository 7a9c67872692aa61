"""Where rules across records keep their facts: in memory while they are few, then in an
on-disk SQLite index, so that a run's memory stays flat however many records it reads.

A :class:`FactIndex` maps keys to values (the first value given for a key stays); a
:class:`FactLog` is a list of rows read back in the order they were added. Both hold at most
:data:`SPILL_AFTER` entries in memory; past that, the entries move to a private temporary
SQLite database (the standard library's ``sqlite3``; SQLite deletes it when it is closed), and
lookups ask the database for what memory does not hold. The rule using them is written once:
it never knows where its facts are.

Keys must be canonical: equal keys are equal strings, numbers, ``None`` or tuples of those
(never sets, never floats that equal integers), because the database compares their pickled
bytes. Values and rows are any picklable values; they come back as copies once spilled.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Hashable, Iterator
from typing import Any, Generic, TypeVar, final

__all__ = ["SPILL_AFTER", "FactIndex", "FactLog"]

#: How many entries a store keeps in memory before it moves them to disk. Read when a store
#: is made (a test sets it low to run the on-disk path on small inputs).
SPILL_AFTER = 50_000

_V = TypeVar("_V")
_R = TypeVar("_R")

_PROTOCOL = pickle.HIGHEST_PROTOCOL
#: SQLite's page cache for one store, in KiB (a negative ``cache_size`` is KiB).
_CACHE_KIB = 4096


def _database() -> sqlite3.Connection:
    """A private temporary on-disk database (an empty file name), tuned for a scratch index:
    no journal, no syncing, a small page cache."""
    db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
    db.execute("PRAGMA temp_store = FILE")
    return db


def _key(key: Hashable) -> bytes:
    return pickle.dumps(key, _PROTOCOL)


@final
class FactIndex(Generic[_V]):
    """Keys to values, the first value given for a key kept: a dict while it is small, an
    SQLite table with a primary key once it holds more than ``limit`` entries."""

    def __init__(self, limit: int | None = None) -> None:
        self._limit = SPILL_AFTER if limit is None else limit
        self._memory: dict[Hashable, _V] = {}
        self._db: sqlite3.Connection | None = None
        self._spilled = 0

    def __len__(self) -> int:
        return self._spilled + len(self._memory)

    @property
    def on_disk(self) -> bool:
        """Whether some entries have moved to disk."""
        return self._db is not None

    def _stored(self, key: Hashable) -> _V | None:
        if self._db is None:
            return None
        row = self._db.execute("SELECT value FROM facts WHERE key = ?", (_key(key),)).fetchone()
        return None if row is None else pickle.loads(row[0])  # noqa: S301 - our own scratch file

    def get(self, key: Hashable) -> _V | None:
        """The value of ``key``, or ``None``."""
        found = self._memory.get(key)
        if found is not None or self._db is None:
            return found
        return self._stored(key)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._memory or (self._db is not None and self._stored(key) is not None)

    def setdefault(self, key: Hashable, value: _V) -> _V:
        """The value of ``key``; ``value`` (then stored) when it has none yet."""
        found = self._memory.get(key)
        if found is not None:
            return found
        if self._db is not None:
            stored = self._stored(key)
            if stored is not None:
                return stored
        self._memory[key] = value
        if len(self._memory) > self._limit:
            self._spill()
        return value

    def _spill(self) -> None:
        if self._db is None:
            self._db = _database()
            self._db.execute("CREATE TABLE facts (key BLOB PRIMARY KEY, value BLOB) WITHOUT ROWID")
        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO facts VALUES (?, ?)",
                ((_key(k), pickle.dumps(v, _PROTOCOL)) for k, v in self._memory.items()),
            )
        self._spilled += len(self._memory)
        self._memory.clear()

    def items(self) -> Iterator[tuple[Any, _V]]:
        """Every key and its value (the ones on disk first, in no set order)."""
        if self._db is not None:
            for key, value in self._db.execute("SELECT key, value FROM facts"):
                yield pickle.loads(key), pickle.loads(value)  # noqa: S301 - our own scratch file
        yield from self._memory.items()

    def close(self) -> None:
        """Drop the entries (and the database file)."""
        self._memory.clear()
        if self._db is not None:
            self._db.close()
            self._db = None
            self._spilled = 0


@final
class FactLog(Generic[_R]):
    """Rows read back in the order they were added: a list while it is short, then an SQLite
    table (in order of a row number) with only the latest rows in memory."""

    def __init__(self, limit: int | None = None) -> None:
        self._limit = SPILL_AFTER if limit is None else limit
        self._memory: list[_R] = []
        self._db: sqlite3.Connection | None = None
        self._spilled = 0

    def __len__(self) -> int:
        return self._spilled + len(self._memory)

    def __bool__(self) -> bool:
        return len(self) > 0

    @property
    def on_disk(self) -> bool:
        """Whether some rows have moved to disk."""
        return self._db is not None

    def append(self, row: _R) -> None:
        """Add ``row`` at the end."""
        self._memory.append(row)
        if len(self._memory) > self._limit:
            self._spill()

    def _spill(self) -> None:
        if self._db is None:
            self._db = _database()
            self._db.execute("CREATE TABLE rows (n INTEGER PRIMARY KEY, row BLOB)")
        with self._db:
            self._db.executemany(
                "INSERT INTO rows (row) VALUES (?)",
                ((pickle.dumps(r, _PROTOCOL),) for r in self._memory),
            )
        self._spilled += len(self._memory)
        self._memory.clear()

    def __iter__(self) -> Iterator[_R]:
        """The rows in the order they were added (those on disk read in batches)."""
        if self._db is not None:
            cursor = self._db.execute("SELECT row FROM rows ORDER BY n")
            while batch := cursor.fetchmany(4096):
                for (row,) in batch:
                    yield pickle.loads(row)  # noqa: S301 - our own scratch file
        yield from self._memory

    def close(self) -> None:
        """Drop the rows (and the database file)."""
        self._memory.clear()
        if self._db is not None:
            self._db.close()
            self._db = None
            self._spilled = 0
