"""The ids of a run's sound records in input order, filed once by the engine for every rule
across records that asks, at its end, which record is the first with an id.

Several rules judge a reference by the *first* record with the id it names (as
:meth:`RecordSet.get` gives it): a duplicate id of another kind hides the record the rule
keeps facts of. Each such rule used to be told every record of the run, only to file its id;
now the engine files the ids once (:meth:`RecordIds.extend`, a piece at a time) and numbers
the records (:attr:`Spot.number`), and a rule keeps the facts of the records it judges only,
each with its number: the first record with an id is one of its own exactly when its number
is the one :meth:`RecordIds.first` gives for that id.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import final

from antt_domain.validation import _facts
from antt_domain.validation._facts import SEEN, FactIndex, FactLog

__all__ = ["RecordIds"]

#: How many ids are filed as one row of the log.
CHUNK = 1024


@final
class RecordIds:
    """The id of each sound record of a run, in input order (record ``n`` is the one whose
    ``Spot.number`` is ``n``), kept once a rule has asked to (:meth:`keep`; the ids
    filed before are counted, not kept): a rule does so in ``start``, from the
    :attr:`RuleContext.ids` it is given, and asks :meth:`first` at its end. The engine files
    each piece's ids (:meth:`extend`) before the rules take its facts.

    Kept: the ids in chunks of 1,024 a row of a :class:`FactLog` (on disk past
    ``SPILL_AFTER`` ids, as the rules' own stores); nothing is looked up as they come.
    """

    def __init__(self) -> None:
        #: How many records have been filed (the number the next one gets).
        self.count = 0
        self._from = 0  # the number of the first id kept
        self._size = max(1, min(CHUNK, _facts.SPILL_AFTER))
        self._log: FactLog[tuple[str, ...]] | None = None
        self._chunk: list[str] = []

    def keep(self) -> None:
        """Keep the ids from now on (a rule asks in ``start``, before the first record)."""
        if self._log is None:
            self._log = FactLog(limit=max(1, _facts.SPILL_AFTER // self._size))
            self._from = self.count

    def extend(self, ids: Sequence[str]) -> None:
        """The ids of the next records, in input order (the engine, a piece at a time)."""
        self.count += len(ids)
        log = self._log
        if log is None:
            return
        chunk, size = self._chunk, self._size
        chunk += ids
        if len(chunk) >= size:
            full = len(chunk) - len(chunk) % size
            for start in range(0, full, size):
                log.append(tuple(chunk[start : start + size]))
            del chunk[:full]

    def first(self, wanted: Iterable[str]) -> FactIndex[int]:
        """The number of the first record with each id of ``wanted`` (an id no record has is
        not there); close it when done. Reads the ids filed so far once."""
        firsts: FactIndex[int] = FactIndex()
        if self._log is None:
            return firsts
        asked: FactIndex[bool] = FactIndex()
        try:
            for record_id in wanted:
                asked.add(record_id, SEEN)
            if not asked.on_disk and not len(asked):
                return firsts  # nothing asked: the ids need not be read
            number = self._from
            for chunk in itertools.chain(self._log, (tuple(self._chunk),)):
                for record_id in chunk:
                    if record_id in asked:
                        firsts.add(record_id, number)
                    number += 1
        except BaseException:
            firsts.close()
            raise
        finally:
            asked.close()
        return firsts

    def close(self) -> None:
        """Drop the ids (and their file on disk)."""
        if self._log is not None:
            self._log.close()
        self._chunk.clear()
