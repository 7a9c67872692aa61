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
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal, Protocol, cast, final

import attrs

from antt_domain.model import Record
from antt_domain.validation._codeinfo import CodeInfo
from antt_domain.validation._findings import Severity
from antt_domain.validation._ids import RecordIds
from antt_domain.validation._records import Issue, Located, RecordSet, RuleContext, Spot

__all__ = [
    "DatasetCheck",
    "FactLifecycle",
    "Lifecycle",
    "LifecycleCheck",
    "RecordCheck",
    "Rule",
    "dataset_rule",
    "record_rule",
]

#: Built-in codes use these stage letters; a plugin's codes must start with another letter.
BUILT_IN_PREFIXES = ("R", "S", "T", "V", "D")
_CODE_RE = re.compile(r"[A-Z]{1,8}[0-9]{3}")

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
