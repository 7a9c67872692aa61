"""The first record of each id, as rules across records written as facts look a record up
(:meth:`~antt_domain.validation.RecordSet.get` gives the first record with an id), without
keeping the records: D007 (an agreement's period of effect), D113 (a source's publication).

A rule that looks up records of one kind (agreements, sources) keeps what it needs of each of
them (a value) and, for every other record, only its id: when ids are duplicated, the record
read first decides, and it may be of another kind (then the lookup finds nothing of use).
"""

from __future__ import annotations

from typing import Generic, TypeVar, final

from antt_domain.validation._facts import SEEN, FactIndex, FactLog

__all__ = ["FirstById"]

_V = TypeVar("_V")


@final
class FirstById(Generic[_V]):
    """What the first record of each id gives a rule, told record by record in input order.

    :meth:`add` is told each record's id with the value the rule needs of it (``None``: a
    record of another kind, or one that gives nothing); after :meth:`close`, :meth:`get` is
    the value of the first record with an id. Kept: the first value of each id given one (with
    how many other records came before it), and the ids of the other records, in order -- both
    in stores that spill to disk.
    """

    def __init__(self) -> None:
        self._first: FactIndex[tuple[int, _V]] = FactIndex()
        self._others: FactLog[str] = FactLog()
        self._shadowed: FactIndex[bool] = FactIndex()

    def add(self, record_id: str, value: _V | None) -> None:
        """One record, in input order: its id and the value it gives (``None``: nothing)."""
        if value is None:
            self._others.append(record_id)
        else:
            self._first.add(record_id, (len(self._others), value))

    def close(self) -> None:
        """Every record was added: find the ids whose first record gave nothing."""
        if not len(self._first):
            return
        for before, record_id in enumerate(self._others):
            found = self._first.get(record_id)
            if found is not None and before < found[0]:
                self._shadowed.add(record_id, SEEN)
        self._others.close()

    def get(self, record_id: str) -> _V | None:
        """The value of the first record with ``record_id`` (``None``: none, or nothing)."""
        found = self._first.get(record_id)
        if found is None or record_id in self._shadowed:
            return None
        return found[1]
