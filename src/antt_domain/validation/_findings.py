"""Findings, their severities, and the report that collects them."""

from __future__ import annotations

import abc
import enum
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import final

import attrs

__all__ = ["Finding", "InputSummary", "Report", "RuleFault", "Severity"]


class Severity(str, enum.Enum):
    """How serious a finding is. Ordered: ``INFO < WARNING < ERROR``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANKS[self]

    def __str__(self) -> str:
        return str(self.value)


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@final
@attrs.frozen(kw_only=True)
class Finding:
    """One problem found in an input, located as precisely as the input allows.

    ``code`` is stable and documented (``antt codes``); ``message_vi`` and ``message_en`` say
    the same thing in Vietnamese and English. ``line`` and ``column`` are 1-based (columns count
    characters); ``pointer`` is a JSON pointer into the document (``""`` is the whole document);
    ``record_id`` is the id of the record it concerns, when there is one.
    """

    code: str
    severity: Severity
    message_en: str
    message_vi: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    pointer: str | None = None
    record_id: str | None = None

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"vi"`` or ``"en"``)."""
        return self.message_vi if lang == "vi" else self.message_en

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order: by file, then line and column, then code."""
        return (self.path or "", self.line or 0, self.column or 0, self.code, self.pointer or "")


@final
@attrs.frozen(kw_only=True)
class InputSummary:
    """What one input held: its path, what kind of document it was, how many records."""

    path: str
    kind: str
    records: int


@final
@attrs.frozen(kw_only=True)
class RuleFault:
    """A rule that crashed during a run and was switched off for the rest of it.

    ``rule``, ``name`` and ``origin`` say which rule and whose (a plugin's distribution name,
    or ``antt-domain``); ``error`` is the exception on one line; ``finding`` is the V900 or
    D900 finding that reports it, located at the record the rule was checking when it
    crashed; ``traceback`` is the full traceback (shown by ``antt --debug``).
    """

    rule: str
    name: str
    origin: str
    error: str
    finding: Finding
    traceback: str = attrs.field(default="", eq=False, repr=False)


class Presorted(Sequence[Finding], abc.ABC):
    """Findings already in report order, kept elsewhere than in memory (a large run's: see
    ``_spilled.SpilledFindings``), with their count by severity."""

    __slots__ = ()

    @abc.abstractmethod
    def severities(self) -> Counter[Severity]:
        """How many findings of each severity there are."""


def _sorted(findings: Iterable[Finding]) -> Sequence[Finding]:
    if isinstance(findings, Presorted):
        return findings
    return tuple(sorted(findings, key=Finding.sort_key))


@final
@attrs.frozen(kw_only=True)
class Report:
    """The findings of one validation run, sorted, with what was read.

    ``findings`` is a tuple; for a run that finds more than a fact store keeps in memory
    (``Options.spill_after``: 5,000 findings by default) it is a
    :class:`SpilledFindings`, a read-only sequence of them kept in a temporary file, read as
    it is iterated (equal to the tuple of the same findings, and pickled as one)."""

    findings: Sequence[Finding] = attrs.field(converter=_sorted)
    inputs: tuple[InputSummary, ...] = ()
    #: How many findings of each severity were found but not kept (a run with
    #: ``max_findings``); ``counts()`` and ``ok()`` include them.
    omitted: Mapping[Severity, int] = attrs.field(factory=dict, hash=False)
    #: The rules that crashed (each also reported as a V900 or D900 finding): the data was not
    #: fully checked. ``antt validate`` exits with 2 when there is any.
    faults: tuple[RuleFault, ...] = ()

    @property
    def truncated(self) -> bool:
        """Whether findings were left out of ``findings``."""
        return any(self.omitted.values())

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity were found, kept or not (every severity is a
        key)."""
        findings = self.findings
        if isinstance(findings, Presorted):
            counted = findings.severities()
        else:
            counted = Counter(f.severity for f in findings)
        return {s: counted.get(s, 0) + self.omitted.get(s, 0) for s in Severity}

    def at_or_above(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings kept that are at least as serious as ``severity``."""
        return tuple(f for f in self.findings if f.severity.rank >= severity.rank)

    def ok(self, fail_on: Severity = Severity.ERROR) -> bool:
        """Whether no finding, kept or not, is at or above ``fail_on``."""
        counts = self.counts()
        return not any(n for s, n in counts.items() if s.rank >= fail_on.rank)

    @property
    def records(self) -> int:
        """How many records were read in all."""
        return sum(i.records for i in self.inputs)

    @classmethod
    def merge(cls, reports: Iterable[Report]) -> Report:
        """One report from several (findings and inputs concatenated)."""
        reports = list(reports)
        omitted: Counter[Severity] = Counter()
        for report in reports:
            omitted.update(report.omitted)
        return cls(
            findings=[f for r in reports for f in r.findings],
            inputs=tuple(i for r in reports for i in r.inputs),
            omitted=dict(omitted),
            faults=tuple(f for r in reports for f in r.faults),
        )
