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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

import attrs

from antt_domain.model import Codelist, Dataset, Record
from antt_domain.model import v2 as model_v2
from antt_domain.validation._catalogue import CodeInfo
from antt_domain.validation._findings import Severity
from antt_domain.vi import Gazetteer

__all__ = [
    "DatasetCheck",
    "Issue",
    "Located",
    "RecordCheck",
    "RecordSet",
    "Rule",
    "RuleContext",
    "dataset_rule",
    "record_rule",
]

#: Built-in codes use these stage letters; a plugin's codes must start with another letter.
BUILT_IN_PREFIXES = ("R", "S", "T", "V", "D")
_CODE_RE = re.compile(r"[A-Z]{1,8}[0-9]{3}")


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


@attrs.frozen(kw_only=True)
class Issue:
    """What a check yields for one problem.

    ``pointer`` is a JSON pointer *inside the record* (``"/period/end"``; ``""`` is the whole
    record). ``record_id`` names the record a dataset rule is talking about (a record rule
    leaves it ``None``: it is the record checked). ``params`` fill the message templates.
    ``severity`` overrides the rule's default for this one problem. A dataset rule says which
    record it means with ``at`` (a :class:`Located` from the :class:`RecordSet`; safest when
    ids are duplicated) or ``record_id``; for a document's own metadata it gives ``path`` and
    an absolute ``pointer`` instead.
    """

    params: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    pointer: str = ""
    record_id: str | None = None
    severity: Severity | None = None
    at: Located | None = None
    path: str | None = None


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
        # Indexes that several built-in rules of one run derive from the records, built once.
        self._memo: dict[str, Any] = {}

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


@attrs.frozen(kw_only=True)
class RuleContext:
    """What rules may consult besides the records: codelists (as extended by plugins) and a
    gazetteer of administrative units (``None`` when none is configured).

    ``codelists`` are the 1.0 ones, which rules on 1.0 records read; ``codelists_v2`` the
    2.0 ones (bundled, then plugins' namespaced codes), which rules on
    :mod:`antt_domain.model.v2` records read. A dataset's own ``vocabulary`` is in
    :attr:`RecordSet.documents`.
    """

    codelists: Mapping[str, Codelist] = attrs.field(factory=dict, hash=False)
    gazetteer: Gazetteer | None = None
    codelists_v2: Mapping[str, Codelist] = attrs.field(factory=dict, hash=False)


RecordCheck = Callable[[Record, RuleContext], Iterable[Issue]]
DatasetCheck = Callable[[RecordSet, RuleContext], Iterable[Issue]]


def _check_code(instance: Any, attribute: Any, value: CodeInfo) -> None:
    if not _CODE_RE.fullmatch(value.code):
        msg = f"rule code {value.code!r} is not letters then three digits (e.g. 'XHN001')"
        raise ValueError(msg)


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
) -> Callable[[DatasetCheck], Rule]:
    """Decorator: a :class:`Rule` checking all the records of a run together."""
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
