"""Rules: semantic checks on one record (scope ``record``) or across records (``dataset``).

A rule is a :class:`Rule` -- its catalogue entry (code, severity, titles, explanation and
message templates in Vietnamese and English) and a check function. Built-in rules and rules
from plugins are the same kind of object; plugins return them from the
``antt_register_rules`` hook. :func:`record_rule` and :func:`dataset_rule` make one from a
function::

    @record_rule(
        code="XHN001",
        name="hanoi-needs-ward",
        severity="warning",
        title=("Ward missing", "Thiếu phường"),
        explanation=("...", "..."),
        message=("{kind} has no ward", "{kind} chưa có phường"),
    )
    def needs_ward(record, context):
        if ...:
            yield Issue(pointer="/area", params={"kind": record.kind})

A rule across records is best written as a :class:`Lifecycle`: a class whose ``start`` is
told the run's context, whose ``record`` sees each sound record once, in input order, and
whose ``end`` gives the issues left; it keeps compact indexes (ids, keys, dates), not the
records. :func:`dataset_rule` makes a :class:`Rule` of such a class as of a function, and
:meth:`RecordSet.derived` shares an index that several rules of a run need.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, Protocol, TypeVar, cast, final

import attrs

from antt_domain.model import Codelist, Dataset, Record
from antt_domain.model import v2 as model_v2
from antt_domain.validation._codeinfo import CodeInfo
from antt_domain.validation._findings import Severity
from antt_domain.validation._ids import RecordIds
from antt_domain.vi import Gazetteer

__all__ = [
    "DatasetCheck",
    "FactLifecycle",
    "Issue",
    "Lifecycle",
    "LifecycleCheck",
    "Located",
    "RecordCheck",
    "RecordSet",
    "Rule",
    "RuleContext",
    "Spot",
    "dataset_rule",
    "record_rule",
]

#: Built-in codes use these stage letters; a plugin's codes must start with another letter.
BUILT_IN_PREFIXES = ("R", "S", "T", "V", "D")
_CODE_RE = re.compile(r"[A-Z]{1,8}[0-9]{3}")

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


RecordCheck = Callable[[Record, RuleContext], Iterable[Issue]]
DatasetCheck = Callable[[RecordSet, RuleContext], Iterable[Issue]]


class Lifecycle(Protocol):
    """A rule across records written as start, record, end (the shape of frictionless'
    checks): one instance per run, fed every sound record once, in input order.

    It keeps what it needs to judge the records together -- ids, keys, dates -- rather than
    the records, so it does not depend on all of them being in memory at once. ``record`` may
    give the issues it can already tell (or ``None``); ``end`` gives the rest. An exception
    from any of the three is the rule crashing (``D900``), like one from a check function.
    """

    def start(self, context: RuleContext) -> None:
        """Called once, before the first record, with the run's codelists and gazetteer."""

    def record(self, item: Located) -> Iterable[Issue] | None:
        """Called for each sound record, in input order; issues found now, or ``None``."""

    def end(self) -> Iterable[Issue]:
        """Called once, after the last record: the issues that needed every record."""


class FactLifecycle(Protocol):
    """A :class:`Lifecycle` cut in two, so that it can run on every core and in flat memory:
    ``facts`` is told one sound record where it is read (in a worker process with
    ``--jobs``) and gives the compact facts the rule needs of it -- ids, keys, dates, as plain
    picklable values (``None``: nothing) -- and ``take`` is given them in this process, in input
    order, with the record's :class:`Spot`; ``end`` joins what was taken.

    ``facts`` is a static method and must give the same facts for the same record in any
    process of the run: the engine runs all of a run's ``facts`` in processes that share one
    hash seed (this process, or workers forked from it or started with one fixed seed), so a
    ``hash()`` of the record may serve as its digest, but nothing may depend on object
    identity. ``document``
    (optional) sees the metadata of each dataset document read, as ``(path, dataset without its
    records)``, before its records.
    """

    @staticmethod
    def facts(item: Located, context: RuleContext) -> Any:
        """The compact facts of one record (picklable plain values), or ``None``."""

    def start(self, context: RuleContext) -> None:
        """Called once, before the first record, with the run's codelists and gazetteer."""

    def take(self, spot: Spot, facts: Any) -> Iterable[Issue] | None:
        """The facts of one record (never ``None``), in input order; issues found now."""

    def end(self) -> Iterable[Issue]:
        """Called once, after the last record: the issues that needed every record."""


@final
@attrs.frozen
class LifecycleCheck:
    """The dataset check of a rule written as a :class:`Lifecycle` or a
    :class:`FactLifecycle`: a new instance of ``lifecycle`` per run, fed the records in order.
    The engine calls it like any ``check(records, context)`` over a :class:`RecordSet`, or --
    when every rule across records of a run is one -- feeds it as the records are read
    (:meth:`open`), keeping no record."""

    lifecycle: Callable[[], Lifecycle | FactLifecycle]

    @property
    def splits(self) -> bool:
        """Whether the rule is a :class:`FactLifecycle` (its facts can be made elsewhere)."""
        return callable(getattr(self.lifecycle, "facts", None))

    def open(self, context: RuleContext) -> Lifecycle | FactLifecycle:
        """A started instance of the rule for one run (``context``: the run's, with its
        :class:`RecordIds` -- see :meth:`run_context`)."""
        rule = self.lifecycle()
        rule.start(context)
        return rule

    @staticmethod
    def run_context(context: RuleContext) -> RuleContext:
        """``context`` for the rules across records of one run: with a new
        :class:`RecordIds`, which :meth:`feed` (or the engine) fills."""
        return attrs.evolve(context, ids=RecordIds())

    def feed(
        self, rule: Lifecycle | FactLifecycle, records: Sequence[Located], context: RuleContext
    ) -> Iterator[Issue]:
        """Feed an opened instance ``rule`` the ``records`` of its run, in input order, as the
        engine does (numbered, their ids filed in ``context.ids``, the :class:`RecordIds` it
        was opened with; fed again, the records go on from those before): the issues it gives
        as it goes; its ``end`` is left to the caller."""
        first = 0
        if context.ids is not None:
            first = context.ids.count
            context.ids.extend([item.record.id for item in records])
        if self.splits:
            facts = cast("FactLifecycle", rule).facts
            take = cast("FactLifecycle", rule).take
            for number, item in enumerate(records, first):
                fact = facts(item, context)
                if fact is not None:
                    found = take(item.numbered(number), fact)
                    if found is not None:
                        yield from found
        else:
            feed = cast("Lifecycle", rule).record
            for item in records:
                found = feed(item)
                if found is not None:
                    yield from found

    def __call__(self, records: RecordSet, context: RuleContext) -> Iterator[Issue]:
        context = self.run_context(context)
        try:
            rule = self.open(context)
            document = getattr(rule, "document", None)
            if document is not None:
                for path, dataset in records.documents:
                    found = document(path, dataset)
                    if found is not None:
                        yield from found
            yield from self.feed(rule, records, context)
            yield from rule.end()
        finally:
            cast("RecordIds", context.ids).close()


def _check_code(instance: Any, attribute: Any, value: CodeInfo) -> None:
    if not _CODE_RE.fullmatch(value.code):
        msg = f"rule code {value.code!r} is not letters then three digits (e.g. 'XHN001')"
        raise ValueError(msg)


@final
@attrs.frozen(kw_only=True)
class Rule:
    """One rule: its catalogue entry, its scope and its check; ``origin`` names who gave it."""

    info: CodeInfo = attrs.field(validator=_check_code)
    scope: Literal["record", "dataset"]
    check: RecordCheck | DatasetCheck = attrs.field(eq=False)
    origin: str = "antt-domain"
    #: For a record rule, the record classes it looks at (empty: every record). The engine does
    #: not call it for the others, which matters at hundreds of thousands of records.
    types: tuple[type, ...] = ()

    def applies_to(self, cls: type) -> bool:
        """Whether this rule looks at records of class ``cls``."""
        return not self.types or issubclass(cls, self.types)

    @property
    def code(self) -> str:
        """The rule's finding code."""
        return self.info.code


def _make(
    scope: Literal["record", "dataset"],
    *,
    code: str,
    name: str,
    severity: Severity | str,
    title: tuple[str, str],
    explanation: tuple[str, str],
    message: tuple[str, str],
    origin: str,
    types: tuple[type, ...] = (),
) -> Callable[[Any], Rule]:
    info = CodeInfo.bilingual(
        code=code,
        name=name,
        stage="rules" if scope == "record" else "dataset",
        severity=severity,
        title=title,
        explanation=explanation,
        message=message,
    )

    def wrap(check: Any) -> Rule:
        if isinstance(check, type):
            if scope != "dataset":
                msg = f"rule {code}: only a rule across records can be a lifecycle class"
                raise TypeError(msg)
            check = LifecycleCheck(check)
        return Rule(info=info, scope=scope, check=check, origin=origin, types=types)

    return wrap


def record_rule(
    *,
    code: str,
    name: str,
    severity: Severity | str,
    title: tuple[str, str],
    explanation: tuple[str, str],
    message: tuple[str, str],
    origin: str = "antt-domain",
    types: tuple[type, ...] = (),
) -> Callable[[RecordCheck], Rule]:
    """Decorator: a :class:`Rule` checking one record at a time.

    ``title``, ``explanation`` and ``message`` are ``(english, vietnamese)`` pairs; ``message``
    templates are :meth:`str.format` strings over each issue's ``params``. ``types`` names the
    record classes the rule looks at (``(Activity, Outcome)``); by default it sees every record.
    """
    return _make(
        "record",
        code=code,
        name=name,
        severity=severity,
        title=title,
        explanation=explanation,
        message=message,
        origin=origin,
        types=types,
    )


def dataset_rule(
    *,
    code: str,
    name: str,
    severity: Severity | str,
    title: tuple[str, str],
    explanation: tuple[str, str],
    message: tuple[str, str],
    origin: str = "antt-domain",
) -> Callable[[DatasetCheck | type[Lifecycle] | type[FactLifecycle]], Rule]:
    """Decorator: a :class:`Rule` checking all the records of a run together.

    It decorates a check function ``(records, context) -> issues``, or is applied to a
    :class:`Lifecycle` class (``start``, ``record``, ``end``) or a :class:`FactLifecycle` class
    (``facts``, ``start``, ``take``, ``end``), which becomes a :class:`LifecycleCheck` (as a
    class decorator it works too, but type checkers do not see that the name is then a
    :class:`Rule`)::

        class OneReportAQuarter:
            def start(self, context):
                self.first = {}  # (organiser, quarter) -> id of the first report

            def record(self, item):
                key = ...
                if key in self.first:
                    return [Issue(at=item, params={"first": self.first[key]})]
                self.first[key] = item.record.id
                return None

            def end(self):
                return ()

        one_report = dataset_rule(code="XHN002", name="one-report-a-quarter", ...)(
            OneReportAQuarter
        )
    """
    return _make(
        "dataset",
        code=code,
        name=name,
        severity=severity,
        title=title,
        explanation=explanation,
        message=message,
        origin=origin,
    )
