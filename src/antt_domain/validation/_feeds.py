"""The rules across records of a run fed as its pieces come back, keeping no record.

When every selected rule across records is a :class:`~antt_domain.validation.LifecycleCheck`
(a :class:`~antt_domain.validation.Lifecycle` or a
:class:`~antt_domain.validation.FactLifecycle` class), one instance of each is opened for the
run and fed each piece, in input order: its dataset documents (``document``, when the rule has
it), then, record by record, the facts the piece brought (built-in split rules: ``take``), or
the record itself (a plain lifecycle: ``record``; a plugin's split rule: ``facts`` here, then
``take``); ``end`` after the last piece. A rule raising (or giving something that is not an
:class:`~antt_domain.validation.Issue`) in any of these is the rule crashing: a D900 fault,
the rule off afterwards, the issues it gave before kept.

An issue that names its record only by ``record_id`` is placed at the first sound record with
that id, as on the :class:`~antt_domain.validation.RecordSet` path: for the rules that are not
built in (the built-in ones place theirs with a :class:`~antt_domain.validation.Spot`), the
places of the records by id are kept in a :class:`~antt_domain.validation.FactIndex`, and such
issues are placed once every record has been read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast, final

import attrs

from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.validation._apply import Raised
from antt_domain.validation._facts import FactIndex
from antt_domain.validation._faults import Faults, issues_of
from antt_domain.validation._ids import RecordIds
from antt_domain.validation._records import Located, RuleContext, Spot
from antt_domain.validation._rules import FactLifecycle, Lifecycle, LifecycleCheck, Rule
from antt_domain.validation._transport import Facts

__all__ = ["Feeds"]

_Method = Callable[..., Any]

#: At the end, issues are handed on (``Feeds.end``'s ``flush``) this many at a time.
_BATCH = 10_000


@final
class Feeds:
    """The opened rules across records of one run (``rules``, every one a
    :class:`LifecycleCheck`); ``split``: those of them whose facts the pieces bring, in the
    order of the columns of their :class:`Facts`. Crashes go to ``faults``; issues pile up in
    :attr:`raised` until taken (:meth:`take_raised`)."""

    def __init__(
        self,
        rules: Sequence[Rule],
        split: Sequence[Rule],
        context: RuleContext,
        faults: Faults,
        *,
        index_ids: bool = False,
    ) -> None:
        #: The ids of the run's records, numbered as they come (rules ask it at their end).
        self.numbered = RecordIds()
        self.context = context = attrs.evolve(context, ids=self.numbered)
        #: Where each id's first record is: (path, pointer, line), with ``index_ids``.
        self.ids: FactIndex[tuple[str, str, int | None]] | None = FactIndex() if index_ids else None
        self.faults = faults
        self.raised: list[Raised] = []
        self.opened: list[tuple[Rule, Lifecycle | FactLifecycle]] = []
        for rule in rules:
            check = cast("LifecycleCheck", rule.check)
            instance = self._value(rule, check.open, context)
            if instance is not None:
                self.opened.append((rule, instance))
        by_rule = {id(rule): instance for rule, instance in self.opened}
        #: The rules whose facts come with the pieces, by their column in :class:`Facts` (``None``:
        #: a rule that crashed as it opened).
        self.split: list[tuple[Rule, _Method] | None] = [
            (rule, cast("FactLifecycle", by_rule[id(rule)]).take) if id(rule) in by_rule else None
            for rule in split
        ]
        self.documents: list[tuple[Rule, _Method]] = []
        #: The rules fed the records here: (rule, its ``record``) or (rule, ``facts``, ``take``).
        self.plain: list[tuple[Rule, _Method]] = []
        self.local: list[tuple[Rule, _Method, _Method]] = []
        for rule, instance in self.opened:
            document = getattr(instance, "document", None)
            if document is not None:
                self.documents.append((rule, document))
            if any(rule is other for other in split):
                continue
            if cast("LifecycleCheck", rule.check).splits:
                here = cast("FactLifecycle", instance)
                self.local.append((rule, here.facts, here.take))
            else:
                self.plain.append((rule, cast("Lifecycle", instance).record))

    @property
    def needs_records(self) -> bool:
        """Whether the records themselves are fed here (not only facts)."""
        return bool(self.plain or self.local or self.ids is not None)

    def with_id(self, record_id: str) -> list[Spot]:
        """The place of the first record with ``record_id`` read so far (with ``index_ids``)."""
        found = self.ids.get(record_id) if self.ids is not None else None
        if found is None:
            return []
        path, pointer, line = found
        return [Spot(path=path, pointer=pointer, line=line, record_id=record_id)]

    def _value(self, rule: Rule, method: _Method, *args: Any) -> Any:
        """What ``method(*args)`` of ``rule`` returns (``None`` when it crashes: a fault)."""
        if rule.code in self.faults.off:
            return None
        try:
            return method(*args)
        except Exception as exc:  # noqa: BLE001 - any rule may fail; it becomes a fault
            self.faults.add(rule, exc, None)
            return None

    def _call(
        self, rule: Rule, method: _Method, *args: Any, flush: Callable[[], None] | None = None
    ) -> None:
        """``method(*args)`` of ``rule``: its issues kept, a crash made a fault. ``flush`` is
        called whenever :data:`_BATCH` issues have piled up (they are then taken)."""
        if rule.code in self.faults.off:
            return
        raised = self.raised
        try:
            found = method(*args)
            for issue in issues_of(() if found is None else found):
                raised.append((rule, issue, issue.at))
                if flush is not None and len(raised) >= _BATCH:
                    flush()
                    raised = self.raised
        except Exception as exc:  # noqa: BLE001 - any rule may fail; it becomes a fault
            self.faults.add(rule, exc, None)

    def feed(
        self,
        path: str,
        documents: Iterable[tuple[str, Dataset | model_v2.Dataset]],
        records: Iterable[Located],
        facts: Facts | None,
        before: int,
    ) -> None:
        """One piece, read from ``path``: its dataset documents, its records' facts (their
        lines moved down by the ``before`` lines of the pieces before), its records."""
        for name, dataset in documents:
            for rule, document in self.documents:
                self._call(rule, document, name, dataset)
        number = self.numbered.count  # the number of the piece's first record
        items = list(records) if self.needs_records else []
        if self.split:  # the facts name every record
            self.numbered.extend(facts.ids if facts is not None else ())
        else:
            self.numbered.extend([item.record.id for item in items])
        if facts is not None and any(self.split):
            self._take(path, facts, before, number)
        if items:
            self._feed_records(items, number)

    def _feed_records(self, items: list[Located], number: int) -> None:
        """The records of a piece (the first numbered ``number``) to the rules fed them."""
        ids = self.ids
        if ids is not None:
            for item in items:
                ids.setdefault(item.record.id, (item.path, item.pointer, item.line))
        for rule, record in self.plain:
            if rule.code not in self.faults.off:
                self._guarded(rule, self._records, record, items)
        for rule, make, take in self.local:
            if rule.code not in self.faults.off:
                self._guarded(rule, self._facts_here, make, take, items, number)

    def _take(self, path: str, facts: Facts, before: int, number: int) -> None:
        """The split rules take the facts of one piece (its first record numbered
        ``number``): one loop a rule over its column (a rule's order is the input order;
        between rules order does not matter)."""
        spots: list[Spot] = []
        for entry, column in zip(self.split, facts.columns, strict=True):
            if entry is None or column is None or entry[0].code in self.faults.off:
                continue
            if not spots:
                spots = [
                    Spot(
                        path=path,
                        pointer=pointer,
                        line=None if line is None else line + before,
                        record_id=record_id,
                        number=at,
                    )
                    for at, (pointer, line, record_id) in enumerate(
                        zip(facts.pointers, facts.lines, facts.ids, strict=True), number
                    )
                ]
            rule, take = entry
            self._guarded(rule, self._taken, take, spots, column)

    def _guarded(self, rule: Rule, loop: Callable[..., None], *args: Any) -> None:
        """``loop(rule, *args)``: a crash in it is the rule's (a fault; the rule off)."""
        try:
            loop(rule, *args)
        except Exception as exc:  # noqa: BLE001 - any rule may fail; it becomes a fault
            self.faults.add(rule, exc, None)

    def _taken(self, rule: Rule, take: _Method, spots: list[Spot], column: list[Any]) -> None:
        raised = self.raised
        for spot, fact in zip(spots, column, strict=True):
            if fact is not None:
                found = take(spot, fact)
                if found is not None:
                    raised.extend((rule, issue, issue.at) for issue in issues_of(found))

    def _records(self, rule: Rule, record: _Method, items: list[Located]) -> None:
        raised = self.raised
        for item in items:
            found = record(item)
            if found is not None:
                raised.extend((rule, issue, issue.at) for issue in issues_of(found))

    def _facts_here(
        self, rule: Rule, make: _Method, take: _Method, items: list[Located], number: int
    ) -> None:
        raised, context = self.raised, self.context
        for at, item in enumerate(items, number):
            fact = make(item, context)
            found = None if fact is None else take(item.numbered(at), fact)
            if found is not None:
                raised.extend((rule, issue, issue.at) for issue in issues_of(found))

    def end(self, flush: Callable[[], None] | None = None) -> None:
        """After the last piece: each rule's ``end``, its issues handed on by ``flush`` in
        batches (a rule giving a great many at the end -- a file of dangling references --
        is then never held whole)."""
        for rule, instance in self.opened:
            self._call(rule, instance.end, flush=flush)

    def close(self) -> None:
        """Drop the places of the records by id and their ids (and their files on disk)."""
        self.numbered.close()
        if self.ids is not None:
            self.ids.close()

    def take_raised(self) -> list[Raised]:
        """The issues given since last asked."""
        raised, self.raised = self.raised, []
        return raised
