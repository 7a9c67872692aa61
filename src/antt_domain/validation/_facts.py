"""Where rules across records keep their facts: in memory while they are few, then in an
on-disk SQLite index, so that a run's memory stays flat however many records it reads.

A :class:`FactIndex` maps keys to values (the first value given for a key stays); a
:class:`FactLog` is a list of rows read back in the order they were added. Both hold at most
:data:`SPILL_AFTER` entries in memory; past that, the entries move to a table of a private
temporary SQLite database of the thread that made the store (the standard library's
``sqlite3``: SQLite makes the file and deletes it when it is closed; a store's table is
dropped when the store is closed or collected), and lookups ask the database for what memory
does not hold. The stores a thread makes share its database and page cache
(:data:`_CACHE_KIB`), so memory does not grow with the number of rules either. The rule using
them is written once: it never knows where its facts are.

Keys are compared on disk by a canonical encoding of strings (str subclasses such as enums as
their plain string), integers, ``None`` and tuples of those; any other value by its pickled
bytes (so: no sets, no floats that equal integers). Values and rows are any picklable values,
never ``None``; they come back as copies once spilled. The commonest entry -- an ASCII id to a
number or :data:`SEEN` -- is stored as SQLite text and integer, with nothing pickled.
"""

from __future__ import annotations

import contextlib
import itertools
import pickle
import sqlite3
import threading
import weakref
from collections.abc import Hashable, Iterator
from typing import Any, Final, Generic, TypeVar, cast, final

__all__ = ["SEEN", "SPILL_AFTER", "FactIndex", "FactLog", "forget_database", "spilling_after"]

#: How many entries a store keeps in memory before it moves them to disk. Read when a store
#: is made (a test sets it low to run the on-disk path on small inputs).
SPILL_AFTER = 5_000

#: The value of a :class:`FactIndex` used as a set (``index.add(key, SEEN)``).
SEEN: Final = True

_V = TypeVar("_V")
_R = TypeVar("_R")

_PROTOCOL = pickle.HIGHEST_PROTOCOL
#: SQLite's page cache for all the stores of a process, in KiB (a negative ``cache_size``).
_CACHE_KIB = 8192


@contextlib.contextmanager
def spilling_after(limit: int | None) -> Iterator[None]:
    """Meanwhile, stores made keep ``limit`` entries in memory (``None``: as they do). It sets
    the process's :data:`SPILL_AFTER`: runs in threads of one process share it."""
    global SPILL_AFTER  # noqa: PLW0603 - the one setting, for the length of a run
    if limit is None:
        yield
        return
    before, SPILL_AFTER = SPILL_AFTER, limit
    try:
        yield
    finally:
        SPILL_AFTER = before


#: Each thread's scratch database (``db``), made on first use. A run's stores are made and
#: used in the thread that joins it: runs in several threads of one process (a server
#: validating uploads) then never share a connection, so one's transactions never meet
#: another's.
_local = threading.local()
_tables = itertools.count()
_lock = threading.Lock()


def _database() -> sqlite3.Connection:
    """This thread's scratch database (made on first use: a private temporary on-disk file,
    no journal, no syncing, one small page cache; SQLite deletes the file when it is
    closed)."""
    db: sqlite3.Connection | None = getattr(_local, "db", None)
    if db is None:
        db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        db.execute("PRAGMA temp_store = FILE")
        _local.db = db
    return db


def _table() -> tuple[sqlite3.Connection, str]:
    """This thread's scratch database and a new table name in it (unique in the process)."""
    with _lock:
        number = next(_tables)
    return _database(), f"facts_{number}"


#: Scratch databases of a parent process this one was forked from: kept, never used or closed.
_inherited: list[sqlite3.Connection] = []


def forget_database() -> None:
    """In a process just forked: make a scratch database of its own when one is needed (a
    connection carried over a fork must not be used; it is kept, not closed, so that nothing
    of the parent's file is touched)."""
    global _local, _lock  # noqa: PLW0603 - one scratch database a thread
    _lock = threading.Lock()  # a forked copy may have been held by another thread
    db = getattr(_local, "db", None)
    if db is not None:
        _inherited.append(db)
    _local = threading.local()


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One transaction around many statements: in autocommit each insert would be its own."""
    db.execute("BEGIN")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _drop(db: sqlite3.Connection, table: str) -> None:
    with contextlib.suppress(sqlite3.Error):
        db.execute(f"DROP TABLE IF EXISTS {table}")


def _encode(key: object, out: list[bytes]) -> None:
    """``key`` as canonical bytes: equal keys give equal bytes whoever made them (a str
    subclass such as an enum as its plain string, a bool as its int; a tuple item by item)."""
    if isinstance(key, str):
        data = key.encode("utf-8", "surrogatepass")
        out.append(b"s%d:" % len(data))
        out.append(data)
    elif isinstance(key, int):
        out.append(b"i%d;" % int(key))
    elif key is None:
        out.append(b"n")
    elif isinstance(key, tuple):
        out.append(b"t%d(" % len(key))
        for item in key:
            _encode(item, out)
    else:  # other values (dates, ...): by their pickled bytes
        data = pickle.dumps(key, _PROTOCOL)
        out.append(b"p%d:" % len(data))
        out.append(data)


def _key(key: Hashable) -> str | bytes:
    """``key`` as it is stored: an ASCII string as its plain string (SQLite text, which never
    equals a blob), anything else as canonical bytes."""
    if isinstance(key, str):
        if key.isascii():
            return key if type(key) is str else str.__str__(key)  # an enum: its plain string
        return b"s" + key.encode("utf-8", "surrogatepass")
    out: list[bytes] = [b"k"]
    _encode(key, out)
    return b"".join(out)


#: The integers SQLite stores as such (64 bits); a larger one is pickled.
_SMALLEST, _LARGEST = -(2**63), 2**63 - 1


def _entry(key: Hashable, value: object) -> tuple[str | bytes, int | bytes | None]:
    """An entry of a :class:`FactIndex` as it is stored: (key, value). A plain ASCII string
    key with an integer value (a type's number, a mark) or :data:`SEEN` is stored as itself
    (``SEEN`` as NULL), with no pickling; any other entry's value is the pickled (key,
    value), which gives the key back as it was given."""
    if type(key) is str and key.isascii():
        if type(value) is int and _SMALLEST <= value <= _LARGEST:
            return key, value
        if value is SEEN:
            return key, None
    return _key(key), pickle.dumps((key, value), _PROTOCOL)


def _value(stored: int | bytes | None) -> Any:
    """The value of a stored entry (see :func:`_entry`)."""
    if stored is None:
        return SEEN
    if isinstance(stored, int):
        return stored
    return pickle.loads(stored)[1]  # noqa: S301 - our own scratch file


def _item(key: str | bytes, stored: int | bytes | None) -> tuple[Any, Any]:
    """The (key, value) of a stored entry (see :func:`_entry`)."""
    if isinstance(stored, bytes):
        return cast("tuple[Any, Any]", pickle.loads(stored))  # noqa: S301 - our own scratch
    return key, SEEN if stored is None else stored


@final
class FactIndex(Generic[_V]):
    """Keys to values, the first value given for a key kept: a dict while it is small, an
    SQLite table once it holds more than ``limit`` entries. A value is never ``None``
    (``get`` says "no value" with it).

    :meth:`setdefault` answers at once whether the key was there, which costs a lookup on
    disk for each new key once the index has spilled; :meth:`add` only files the value (the
    first still wins) and costs no lookup: prefer it when the answer is wanted only at the
    end. On disk, entries are appended in the order filed; the table is indexed by key only
    when a lookup first needs it (one sort of what is there, not one search a row)."""

    def __init__(self, limit: int | None = None) -> None:
        self._limit = SPILL_AFTER if limit is None else limit
        self._memory: dict[Hashable, _V] = {}
        self._db: sqlite3.Connection | None = None
        self._name = ""
        self._rows = 0
        self._indexed = False
        #: Whether memory may hold keys that are on disk too (filed by ``add`` after a spill:
        #: the older one, on disk, is then the first).
        self._mixed = False
        #: Whether the disk may hold a key twice (it then counts once).
        self._twice = False
        #: Values found once the index has spilled: a key's first value never changes, so
        #: the keys looked up again and again (the areas and organisations every record
        #: names) are answered from memory. At most ``limit`` of them, forgotten when full.
        self._found: dict[Hashable, _V] = {}

    def __len__(self) -> int:
        if self._db is None:
            return len(self._memory)
        if self._mixed:
            self._spill()
        if not self._twice:
            return self._rows + len(self._memory)
        self._spill()
        row = self._db.execute(f"SELECT COUNT(DISTINCT key) FROM {self._name}").fetchone()  # noqa: S608
        return int(row[0])

    @property
    def on_disk(self) -> bool:
        """Whether some entries have moved to disk."""
        return self._db is not None

    def _stored(self, key: Hashable) -> _V | None:
        db = self._db
        if db is None:
            return None
        if not self._indexed:
            db.execute(f"CREATE INDEX {self._name}_key ON {self._name} (key)")
            self._indexed = True
        row = db.execute(
            f"SELECT value FROM {self._name} WHERE key = ? ORDER BY n LIMIT 1",  # noqa: S608
            (_key(key),),
        ).fetchone()
        return None if row is None else cast("_V", _value(row[0]))

    def get(self, key: Hashable) -> _V | None:
        """The value of ``key``, or ``None``."""
        if self._db is None:
            return self._memory.get(key)
        found = self._found.get(key)
        if found is not None:
            return found
        if self._mixed:
            found = self._stored(key)
            if found is None:
                found = self._memory.get(key)
        else:
            found = self._memory.get(key)
            if found is None:
                found = self._stored(key)
        if found is not None:
            # The first value of its key (the disk's, older, or memory's when the disk has
            # none: a later value of the key is not filed): it stays.
            if len(self._found) >= self._limit:
                self._found.clear()
            self._found[key] = found
        return found

    def __contains__(self, key: Hashable) -> bool:
        return self.get(key) is not None

    def setdefault(self, key: Hashable, value: _V) -> _V:
        """The value of ``key``; ``value`` (then stored) when it has none yet."""
        found = self.get(key)
        if found is not None:
            return found
        self._memory[key] = value
        if len(self._memory) > self._limit:
            self._spill()
        return value

    def add(self, key: Hashable, value: _V) -> None:
        """File ``value`` under ``key`` unless the key has one (which stays): no answer, and
        no lookup on disk."""
        memory = self._memory
        if key in memory:
            return
        memory[key] = value
        if self._db is not None:
            self._mixed = True
        if len(memory) > self._limit:
            self._spill()

    def _spill(self) -> None:
        if self._db is None:
            self._db, self._name = _table()
            self._db.execute(
                f"CREATE TABLE {self._name} (n INTEGER PRIMARY KEY, key BLOB, value BLOB)"
            )
            weakref.finalize(self, _drop, self._db, self._name)
        if not self._memory:
            return
        with _transaction(self._db):
            self._db.executemany(
                f"INSERT INTO {self._name} (key, value) VALUES (?, ?)",  # noqa: S608 - our name
                itertools.starmap(_entry, self._memory.items()),
            )
        self._rows += len(self._memory)
        self._twice = self._twice or self._mixed
        self._memory.clear()
        self._mixed = False

    def items(self) -> Iterator[tuple[Any, _V]]:
        """Every key and its value (the ones on disk first, in no set order)."""
        if self._mixed:
            self._spill()
        if self._db is not None:
            query = f"SELECT key, value FROM {self._name}"  # noqa: S608 - our own name
            if self._twice:
                query += f" WHERE n IN (SELECT MIN(n) FROM {self._name} GROUP BY key)"  # noqa: S608
            for key, stored in self._db.execute(query):
                yield _item(key, stored)
        yield from self._memory.items()

    def close(self) -> None:
        """Drop the entries (and their table)."""
        self._memory.clear()
        self._found.clear()
        self._mixed = self._twice = self._indexed = False
        if self._db is not None:
            _drop(self._db, self._name)
            self._db = None
            self._rows = 0


@final
class FactLog(Generic[_R]):
    """Rows read back in the order they were added: a list while it is short, then an SQLite
    table (in order of a row number) with only the latest rows in memory."""

    def __init__(self, limit: int | None = None) -> None:
        self._limit = SPILL_AFTER if limit is None else limit
        self._memory: list[_R] = []
        self._db: sqlite3.Connection | None = None
        self._name = ""
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
            self._db, self._name = _table()
            self._db.execute(f"CREATE TABLE {self._name} (n INTEGER PRIMARY KEY, row BLOB)")
            weakref.finalize(self, _drop, self._db, self._name)
        with _transaction(self._db):
            self._db.executemany(
                f"INSERT INTO {self._name} (row) VALUES (?)",  # noqa: S608 - our own name
                ((pickle.dumps(r, _PROTOCOL),) for r in self._memory),
            )
        self._spilled += len(self._memory)
        self._memory.clear()

    def __iter__(self) -> Iterator[_R]:
        """The rows in the order they were added (those on disk read in batches of an eighth
        of what memory holds: a row may be a chunk of many)."""
        if self._db is not None:
            cursor = self._db.execute(f"SELECT row FROM {self._name} ORDER BY n")  # noqa: S608
            while batch := cursor.fetchmany(max(1, self._limit // 8)):
                for (row,) in batch:
                    yield pickle.loads(row)  # noqa: S301 - our own scratch file
        yield from self._memory

    def close(self) -> None:
        """Drop the rows (and their table)."""
        self._memory.clear()
        if self._db is not None:
            _drop(self._db, self._name)
            self._db = None
            self._spilled = 0
