"""Applying rules: the rules' context, record rules on each record and rules across records,
each issue made a finding; a rule that crashes becomes a fault (see ``_faults``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from antt_domain.model import Codelist
from antt_domain.schemas import codelists as bundled_codelists
from antt_domain.validation._catalogue import finding_from
from antt_domain.validation._faults import Faults, NotAnIssueError, issues_of
from antt_domain.validation._locate import Pending
from antt_domain.validation._options import DEFAULT, Codelists, GazetteerOption
from antt_domain.validation._records import Issue, Located, RecordSet, RuleContext, Spot
from antt_domain.validation._rules import Rule
from antt_domain.vi import bundled_gazetteer

__all__ = [
    "ById",
    "Raised",
    "apply_record_rules",
    "apply_rules",
    "rule_context",
    "rule_findings",
]

#: An issue a rule raised, with the record it was checking (``None``: a dataset rule's own).
Raised = tuple[Rule, Issue, Located | Spot | None]


class ById(Protocol):
    """Where the records of a run with an id are (a :class:`RecordSet` is one)."""

    def with_id(self, record_id: str) -> Sequence[Located | Spot]:
        """The records with ``record_id``, the first first."""
        ...  # pragma: no cover - a protocol


def rule_context(
    codelists: Codelists, codelists_v2: Codelists, gazetteer: GazetteerOption
) -> RuleContext:
    """What the rules see besides the records (:data:`DEFAULT`: the bundled one); every
    process of a run builds it here from the same options."""
    lists: Mapping[str, Codelist] = bundled_codelists() if codelists is DEFAULT else codelists
    lists_v2: Mapping[str, Codelist] = (
        bundled_codelists("2") if codelists_v2 is DEFAULT else codelists_v2
    )
    places = bundled_gazetteer() if gazetteer is DEFAULT else gazetteer
    return RuleContext(codelists=lists, gazetteer=places, codelists_v2=lists_v2)


def apply_record_rules(
    records: Iterable[Located], rules: Sequence[Rule], context: RuleContext, faults: Faults
) -> list[Raised]:
    """Every record rule on every record, in one pass: each record meets only the rules that
    look at its class. A rule that crashes (raises, or yields something that is not an
    :class:`Issue`) goes to ``faults`` and is not called again; what it yielded before on
    that record is kept."""
    raised: list[Raised] = []
    by_class: dict[type, list[Rule]] = {}
    for item in records:
        record = item.record
        cls = type(record)
        applicable = by_class.get(cls)
        if applicable is None:
            applicable = [r for r in rules if r.applies_to(cls) and r.code not in faults.off]
            by_class[cls] = applicable
        for rule in applicable:
            try:
                for issue in rule.check(record, context):  # type: ignore[arg-type]
                    yielded: object = issue  # a plugin's rule may yield anything at all
                    if type(yielded) is not Issue and not isinstance(yielded, Issue):
                        raise NotAnIssueError(issue)
                    raised.append((rule, issue, item))
            except Exception as exc:  # noqa: BLE001 - any rule may fail; it becomes a fault
                faults.add(rule, exc, item)
                by_class.clear()  # the rule is off: the lists of rules are made anew
    return raised


def apply_rules(
    records: RecordSet, rules: Iterable[Rule], context: RuleContext, faults: Faults
) -> list[Raised]:
    """The record rules of ``rules`` on every record, then each rule across records (called
    as ``rule.check(records, context)``)."""
    rules = list(rules)
    raised = apply_record_rules(records, [r for r in rules if r.scope == "record"], context, faults)
    for rule in rules:
        if rule.scope == "record" or rule.code in faults.off:
            continue
        try:
            for issue in issues_of(rule.check(records, context)):  # type: ignore[arg-type]
                raised.append((rule, issue, issue.at))
        except Exception as exc:  # noqa: BLE001 - any rule may fail; it becomes a fault
            faults.add(rule, exc, None)
    return raised


def rule_findings(raised: Iterable[Raised], records: ById) -> list[Pending]:
    """Findings of rule issues, each with the JSONL line of its record (``None`` when the
    record is not a JSONL line): the records themselves are not kept. An issue naming its
    record only by ``record_id`` is placed at the first record of ``records`` with it."""
    found: list[Pending] = []
    for rule, issue, at in raised:
        item = at
        if item is None and issue.record_id is not None and issue.path is None:
            matches = records.with_id(issue.record_id)
            item = matches[0] if matches else None
        path: str | None = issue.path
        pointer = issue.pointer
        record_id = issue.record_id
        if item is not None:
            path, pointer = item.path, item.pointer + issue.pointer
            record_id = item.record_id if isinstance(item, Spot) else item.record.id
        finding = finding_from(
            rule.info,
            dict(issue.params),
            severity=issue.severity,
            path=path,
            pointer=pointer,
            record_id=record_id,
        )
        found.append((finding, item.line if item is not None else None))
    return found
