"""What the rules across records written as facts (D008, D009, D107) share: the first record
with each id as :meth:`RecordSet.get` gives it, when a rule keeps facts of some kinds of
records only; loops in chains of one link a record (``parent``, ``part_of``); rows grouped by
a key. Everything that grows with the records is in a :class:`FactIndex` or a
:class:`FactLog`, so it moves to disk past ``SPILL_AFTER`` entries. No rule lives here."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Generic, TypeVar, final

from antt_domain.validation import _facts
from antt_domain.validation._facts import SEEN, FactIndex, FactLog
from antt_domain.validation._ids import RecordIds
from antt_domain.validation._records import Issue, RuleContext, Spot

__all__ = ["FirstRecords", "Groups", "chain_loops", "loop_issue", "run_ids"]

#: How many records :class:`FirstRecords` files as one row.
_CHUNK = 1024

_V = TypeVar("_V")
_R = TypeVar("_R")


def run_ids(context: RuleContext) -> RecordIds:
    """The run's :class:`RecordIds` in ``context``, kept from now on (a rule asks in
    ``start``); a context without them (a rule started by hand, not by the engine or
    :meth:`LifecycleCheck.run_context`) is a :class:`ValueError` saying so."""
    if context.ids is None:
        msg = "this rule needs the run's RecordIds: start it with LifecycleCheck.run_context()"
        raise ValueError(msg)
    context.ids.keep()
    return context.ids


@final
class FirstRecords(Generic[_V]):
    """The facts of the first record with each id asked for, as :meth:`RecordSet.get` would
    give them, when a rule keeps facts of some kinds of records only: each kept record is told
    with its facts (:meth:`add`); a record of another kind that comes first with an id hides
    the later ones, which the run's :class:`RecordIds` tells (the rule is not told of it: its
    ``facts`` are ``None``). Make it in ``start`` with the context given there;
    :meth:`settle` with the ids the rule will ask for (the targets of its links) after the
    last record, then :meth:`get`.

    Kept: each kept record's (number, id, facts) in input order, in a :class:`FactLog` of
    chunks of :data:`_CHUNK` (one row a chunk costs a tenth of one a row once on disk, and no
    record is looked up as it comes); then, from :meth:`settle`, the first record of each id
    asked for, when it is a kept one (a :class:`FactIndex`).
    """

    def __init__(self, context: RuleContext) -> None:
        self._ids = run_ids(context)
        # A row is a chunk: spill after as many records as any other store keeps (a chunk
        # no longer than that, so that a low limit puts a few records on disk too).
        self._size = max(1, min(_CHUNK, _facts.SPILL_AFTER))
        rows = max(1, _facts.SPILL_AFTER // self._size)
        self._log: FactLog[tuple[tuple[int, str, _V], ...]] = FactLog(limit=rows)
        self._chunk: list[tuple[int, str, _V]] = []
        self._first: FactIndex[_V] = FactIndex()

    def add(self, spot: Spot, value: _V) -> None:
        """A record of a kept kind (``spot``: as the engine gave it, numbered), with its
        facts ``value`` (never ``None``)."""
        if spot.number is None:
            msg = "FirstRecords.add needs the Spot the engine gives take() (it is numbered)"
            raise ValueError(msg)
        chunk = self._chunk
        chunk.append((spot.number, spot.record_id, value))
        if len(chunk) >= self._size:
            self._log.append(tuple(chunk))
            chunk.clear()

    def settle(self, wanted: Iterable[str]) -> None:
        """After the last record: find the first record of each id in ``wanted``."""
        self._log.append(tuple(self._chunk))
        self._chunk.clear()
        firsts = self._ids.first(wanted)
        try:
            if not firsts.on_disk and not len(firsts):
                return  # nothing asked, or no record with an id asked
            for chunk in self._log:
                for number, record_id, value in chunk:
                    if firsts.get(record_id) == number:
                        self._first.add(record_id, value)
        finally:
            firsts.close()
            self._log.close()

    def get(self, record_id: str) -> _V | None:
        """The facts of the first record with ``record_id`` (an id given to :meth:`settle`);
        ``None`` when there is none, or when it is of a kind not kept."""
        return self._first.get(record_id)

    def close(self) -> None:
        """Drop everything (and the files on disk)."""
        self._log.close()
        self._chunk.clear()
        self._first.close()


@final
class Groups(Generic[_R]):
    """Rows grouped by a key: each group's rows in the order they were added, the groups in
    the order of their first row.

    Kept: each row under (key, its number in the group) (a :class:`FactIndex`: a group's size
    is found by galloping over its numbers, the last key's remembered) and the keys in the
    order of their first row (a :class:`FactLog`).
    """

    def __init__(self) -> None:
        self._rows: FactIndex[_R] = FactIndex()
        self._keys: FactLog[Hashable] = FactLog()
        self._last: tuple[Hashable, int] | None = None

    def _has(self, key: Hashable, number: int) -> bool:
        return (key, number) in self._rows

    def _size(self, key: Hashable) -> int:
        if self._last is not None and self._last[0] == key:
            return self._last[1]
        if not self._has(key, 0):
            return 0
        low, high = 1, 2  # row low - 1 is there; is row high - 1?
        while self._has(key, high - 1):
            low, high = high, high * 2
        while high - low > 1:  # row low - 1 is there, row high - 1 is not
            middle = (low + high) // 2
            if self._has(key, middle - 1):
                low = middle
            else:
                high = middle
        return low

    def add(self, key: Hashable, row: _R) -> None:
        """Add ``row`` (never ``None``) at the end of the group of ``key`` (a canonical key)."""
        size = self._size(key)
        if size == 0:
            self._keys.append(key)
        self._rows.add((key, size), row)
        self._last = (key, size + 1)

    def group_keys(self) -> Iterator[Hashable]:
        """The keys, in the order of their first row."""
        return iter(self._keys)

    def __iter__(self) -> Iterator[tuple[Hashable, Iterator[_R]]]:
        """Each key with its rows, in order."""
        for key in self._keys:
            yield key, self._group(key)

    def _group(self, key: Hashable) -> Iterator[_R]:
        number = 0
        while (row := self._rows.get((key, number))) is not None:
            yield row
            number += 1

    def close(self) -> None:
        """Drop the rows (and the files on disk)."""
        self._rows.close()
        self._keys.close()


def chain_loops(
    starts: Iterable[tuple[str, str]],
    reach: Callable[[str], tuple[str, str | None] | None],
) -> Iterator[tuple[list[str], str]]:
    """Loops in chains of one link a record, each found once, as
    :func:`~antt_domain.validation.rules._cycles.cycles` finds them in a :class:`RecordSet`.

    ``starts`` are the records of the chain's kind that have a link, in input order, as (id,
    the id it links to); ``reach(target)`` is the record a link to ``target`` reaches, as (its
    id, the id it links to), or ``None`` (no record, or one of another kind). Yields
    ``(loop, again)``: the ids from the one reached a second time to the last before it, and
    that id. Kept while walking: the ids walked (a :class:`FactIndex`), the current chain.
    """
    walked: FactIndex[bool] = FactIndex()
    try:
        for node, target in starts:
            if node in walked:
                continue
            walked.add(node, SEEN)
            path, where = [node], {node: 0}
            found = reach(target)
            while found is not None:
                step, link = found
                if step in where:
                    yield path[where[step] :], step
                    break
                if step in walked:
                    break
                walked.add(step, SEEN)
                where[step] = len(path)
                path.append(step)
                found = reach(link) if link else None
    finally:
        walked.close()


def loop_issue(field: str, loop: list[str], again: str, spot: Spot) -> Issue:
    """The issue on a loop of ``field`` (D008, D009), at the record where it closes."""
    chain = " → ".join([*loop, again])
    return Issue(
        at=spot,
        pointer=f"/{field}",
        params={
            "detail": f"{field} loops: {chain}",
            "detail_vi": f"{field} tạo vòng lặp: {chain}",
        },
    )
