"""What a rule is given and what it gives back: a sound record and where it was read
(:class:`Located`), that place without the record (:class:`Spot`), the problem a check
yields (:class:`Issue`), every sound record of a run (:class:`RecordSet`) and what rules may
consult besides the records (:class:`RuleContext`). How a rule is made of a check is
``_rules``'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar, cast, final

import attrs

from antt_domain.model import Codelist, Dataset, Record
from antt_domain.model import v2 as model_v2
from antt_domain.validation._findings import Severity
from antt_domain.validation._ids import RecordIds
from antt_domain.vi import Gazetteer

__all__ = ["Issue", "Located", "RecordSet", "RuleContext", "Spot"]

_T = TypeVar("_T")


@final
@attrs.frozen(kw_only=True)
class Located:
    """A sound record (schema- and structure-valid) and where it was read from.

    ``record`` is a 1.0 record (:data:`antt_domain.model.Record`) or a 2.0 one
    (:data:`antt_domain.model.v2.Record`), as the document it was read from. ``pointer`` is
    the record's place in its document (``/records/3``; ``""`` for a record that is the whole
    document or a JSONL line); ``line`` is the JSONL line it was read from.
    """

    record: Record | model_v2.Record
    path: str
    pointer: str
    line: int | None = None

    @property
    def spot(self) -> Spot:
        """Where the record was read, without the record."""
        return self.numbered(None)

    def numbered(self, number: int | None) -> Spot:
        """:attr:`spot`, with the record's ``number`` in its run (see :class:`Spot`)."""
        return Spot(
            path=self.path,
            pointer=self.pointer,
            line=self.line,
            record_id=self.record.id,
            number=number,
        )


@final
@attrs.frozen(kw_only=True)
class Spot:
    """Where a sound record was read, without the record: what a rule across records keeps
    to place a finding on it (``Issue(at=spot)``) once the record itself is gone.

    ``number`` is the record's place among the sound records of the run, in input order,
    from 0, in a Spot the engine gives a rule's ``take`` (``None`` in one made otherwise): it
    tells apart two records with one id, and says, with :meth:`RecordIds.first`, whether a
    record is the first with its id. It is not part of the Spot's equality.
    """

    path: str
    pointer: str
    line: int | None
    record_id: str
    number: int | None = attrs.field(default=None, eq=False)


@final
@attrs.frozen(kw_only=True)
class Issue:
    """What a check yields for one problem.

    ``pointer`` is a JSON pointer *inside the record* (``"/period/end"``; ``""`` is the whole
    record). ``record_id`` names the record a dataset rule is talking about (a record rule
    leaves it ``None``: it is the record checked). ``params`` fill the message templates.
    ``severity`` overrides the rule's default for this one problem. A dataset rule says which
    record it means with ``at`` (a :class:`Located` from the :class:`RecordSet`, or the
    :class:`Spot` of one; safest when ids are duplicated) or ``record_id``; for a document's
    own metadata it gives ``path`` and an absolute ``pointer`` instead.
    """

    params: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    pointer: str = ""
    record_id: str | None = None
    severity: Severity | None = None
    at: Located | Spot | None = None
    path: str | None = None


@final
class RecordSet(Sequence[Located]):
    """Every sound record of one validation run, in input order, with an index by id.

    Dataset rules see the records of all inputs together: a district may send its
    organisations in one file and its activities in another.
    """

    def __init__(
        self,
        items: Iterable[Located],
        documents: Iterable[tuple[str, Dataset | model_v2.Dataset]] = (),
    ) -> None:
        self._items = list(items)
        #: The dataset documents read, as (path, dataset without its records): their metadata
        #: references records too. A 2.0 document is a :class:`antt_domain.model.v2.Dataset`.
        self.documents: list[tuple[str, Dataset | model_v2.Dataset]] = list(documents)
        self._by_id: dict[str, list[Located]] = {}
        for item in self._items:
            self._by_id.setdefault(item.record.id, []).append(item)
        # What rules of one run derive from the records, by the function deriving it.
        self._derived: dict[Callable[[RecordSet], Any], Any] = {}

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: Any) -> Any:
        return self._items[index]

    def __iter__(self) -> Iterator[Located]:
        return iter(self._items)

    def with_id(self, record_id: str) -> list[Located]:
        """Every record carrying ``record_id`` (more than one is a duplicate id)."""
        return self._by_id.get(record_id, [])

    def get(self, record_id: str) -> Record | model_v2.Record | None:
        """The (first) record with ``record_id``, or ``None``."""
        found = self._by_id.get(record_id)
        return found[0].record if found else None

    def ids(self) -> Iterable[str]:
        """The distinct ids, in order of first appearance."""
        return self._by_id.keys()

    def derived(self, build: Callable[[RecordSet], _T]) -> _T:
        """``build(self)``, worked out once for this run and shared by every rule asking with
        the same ``build`` (a module-level function: it is the key).

        Several rules often need one index derived from the records (every reference each
        record makes; the links between figures): the first to ask builds it, the others get
        the same object. Treat it as read-only; it lives as long as the run's records.
        """
        try:
            return cast("_T", self._derived[build])
        except KeyError:
            found = self._derived[build] = build(self)
            return found


@final
@attrs.frozen(kw_only=True)
class RuleContext:
    """What rules may consult besides the records: codelists (as extended by plugins) and a
    gazetteer of administrative units (``None`` when none is configured).

    ``codelists`` are the 1.0 ones, which rules on 1.0 records read; ``codelists_v2`` the
    2.0 ones (bundled, then plugins' namespaced codes), which rules on
    :mod:`antt_domain.model.v2` records read. A dataset's own ``vocabulary`` is in
    :attr:`RecordSet.documents`. ``ids`` is the run's :class:`RecordIds` for the rules across
    records (the engine evolves the context it starts them with).
    """

    codelists: Mapping[str, Codelist] = attrs.field(factory=dict, hash=False)
    gazetteer: Gazetteer | None = None
    codelists_v2: Mapping[str, Codelist] = attrs.field(factory=dict, hash=False)
    #: The ids of the run's sound records in input order (:class:`RecordIds`), in the context
    #: a rule across records is started with; ``None`` elsewhere (where ``facts`` are made).
    ids: RecordIds | None = attrs.field(default=None, eq=False)
