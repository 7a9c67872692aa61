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

from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.validation._apply import Raised
from antt_domain.validation._facts import FactIndex
from antt_domain.validation._faults import Faults, issues_of
from antt_domain.validation._rules import (
    FactLifecycle,
    Lifecycle,
    LifecycleCheck,
    Located,
    Rule,
    RuleContext,
    Spot,
)
from antt_domain.validation._transport import FactRow

__all__ = ["Feeds"]

_Method = Callable[..., Any]


@final
class Feeds:
    """The opened rules across records of one run (``rules``, every one a
    :class:`LifecycleCheck`); ``fact_codes``: the split rules whose facts the pieces bring, in
    the order of each fact row. Crashes go to ``faults``; issues pile up in :attr:`raised`
    until taken (:meth:`take_raised`)."""

    def __init__(
        self,
        rules: Sequence[Rule],
        fact_codes: Sequence[str],
        context: RuleContext,
        faults: Faults,
        *,
        index_ids: bool = False,
    ) -> None:
        self.context = context
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
        by_code = {rule.code: (rule, instance) for rule, instance in self.opened}
        #: The rules whose facts come with the pieces, by their place in a fact row.
        self.split: list[tuple[Rule, _Method] | None] = [
            (by_code[code][0], cast("FactLifecycle", by_code[code][1]).take)
            if code in by_code
            else None
            for code in fact_codes
        ]
        self.documents: list[tuple[Rule, _Method]] = []
        #: The rules fed the records here: (rule, its ``record``) or (rule, ``facts``, ``take``).
        self.plain: list[tuple[Rule, _Method]] = []
        self.local: list[tuple[Rule, _Method, _Method]] = []
        for rule, instance in self.opened:
            document = getattr(instance, "document", None)
            if document is not None:
                self.documents.append((rule, document))
            if rule.code in fact_codes:
                continue
            if cast("LifecycleCheck", rule.check).splits:
                split = cast("FactLifecycle", instance)
                self.local.append((rule, split.facts, split.take))
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

    def _call(self, rule: Rule, method: _Method, *args: Any) -> None:
        """``method(*args)`` of ``rule``: its issues kept, a crash made a fault."""
        if rule.code in self.faults.off:
            return
        try:
            found = method(*args)
            if found is not None:
                self.raised.extend((rule, issue, issue.at) for issue in issues_of(found))
        except Exception as exc:  # noqa: BLE001 - any rule may fail; it becomes a fault
            self.faults.add(rule, exc, None)

    def feed(
        self,
        path: str,
        documents: Iterable[tuple[str, Dataset | model_v2.Dataset]],
        records: Iterable[Located],
        facts: Iterable[FactRow],
        before: int,
    ) -> None:
        """One piece, read from ``path``: its dataset documents, its records' facts (their
        lines moved down by the ``before`` lines of the pieces before), its records."""
        for name, dataset in documents:
            for rule, document in self.documents:
                self._call(rule, document, name, dataset)
        if any(self.split):
            self._take(path, facts, before)
        if not self.needs_records:
            return
        ids = self.ids
        for item in records:
            if ids is not None:
                ids.setdefault(item.record.id, (item.path, item.pointer, item.line))
            for rule, record in self.plain:
                self._call(rule, record, item)
            for rule, make, take in self.local:
                fact = self._value(rule, make, item, self.context)
                if fact is not None:
                    self._call(rule, take, item.spot, fact)

    def _take(self, path: str, facts: Iterable[FactRow], before: int) -> None:
        off = self.faults.off
        split = self.split
        for pointer, line, record_id, row in facts:
            spot: Spot | None = None
            for entry, fact in zip(split, row, strict=True):
                if fact is None or entry is None or entry[0].code in off:
                    continue
                if spot is None:
                    at = None if line is None else line + before
                    spot = Spot(path=path, pointer=pointer, line=at, record_id=record_id)
                self._call(entry[0], entry[1], spot, fact)

    def end(self) -> None:
        """After the last piece: each rule's ``end``."""
        for rule, instance in self.opened:
            self._call(rule, instance.end)

    def take_raised(self) -> list[Raised]:
        """The issues given since last asked."""
        raised, self.raised = self.raised, []
        return raised
