"""Rules whose ``facts`` are one function (D002 and D003) have them made once a record, and
a crash in that function is each rule's crash."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from antt_domain import load_example
from antt_domain.validation import Issue, Located, Rule, RuleContext, Spot, dataset_rule
from antt_domain.validation._faults import Faults
from antt_domain.validation._workers import fact_columns, facts_of
from antt_domain.validation.rules import BUILT_IN_RULES

CALLS: list[str] = []
#: The id of the record the shared function crashes on (none: it does not).
CRASH_AT: list[str] = []


class _Shared:
    @staticmethod
    def facts(item: Located, context: RuleContext) -> str | None:
        CALLS.append(item.record.id)
        if item.record.id in CRASH_AT:
            raise RuntimeError("boom")
        return item.record.id

    def start(self, context: RuleContext) -> None:
        pass

    def take(self, spot: Spot, facts: str | None) -> None:
        pass

    def end(self) -> Iterator[Issue]:
        return iter(())


class _One(_Shared):
    pass


class _Other(_Shared):
    pass


def _rule(code: str, cls: type[Any]) -> Rule:
    return dataset_rule(
        code=code,
        name=f"shared-{code.lower()}",
        severity="info",
        title=("Shared", "Chung"),
        explanation=("Facts shared.", "Dữ kiện chung."),
        message=("shared", "chung"),
    )(cls)


def _items() -> list[Located]:
    return [
        Located(record=record, path="x.json", pointer=f"/records/{n}")
        for n, record in enumerate(load_example().records)
    ]


def test_one_facts_function_is_called_once_a_record_for_two_rules() -> None:
    CALLS.clear()
    CRASH_AT.clear()
    items = _items()
    rules = [_rule("XSF001", _One), _rule("XSF002", _Other)]
    facts = facts_of(items, fact_columns(items, rules, RuleContext(), Faults()))
    assert len(CALLS) == len(items)
    assert facts is not None
    first, second = facts.columns
    assert first is second  # one column, pickled once
    assert first == facts.ids == [item.record.id for item in items]


def test_a_crash_in_a_shared_function_is_a_fault_of_each_rule() -> None:
    items = _items()
    CRASH_AT[:] = [items[2].record.id]
    faults = Faults()
    try:
        fact_columns(items, [_rule("XSF001", _One), _rule("XSF002", _Other)], RuleContext(), faults)
    finally:
        CRASH_AT.clear()
    assert faults.off == {"XSF001", "XSF002"}


def test_d002_and_d003_share_their_facts() -> None:
    by_code = {rule.code: rule for rule in BUILT_IN_RULES}
    checks: list[Any] = [by_code[code].check for code in ("D002", "D003")]
    facts = [check.lifecycle.facts for check in checks]
    assert facts[0] is facts[1]


class _Never(_Shared):
    @staticmethod
    def facts(item: Located, context: RuleContext) -> None:
        return None


def test_a_rule_without_a_fact_in_a_piece_sends_no_column() -> None:
    """A 2.0 rule over a piece of 1.0 records has no fact of any: its column is ``None``,
    so nothing of it is pickled or looped over, and the other rule's column is whole."""
    items = _items()
    rules = [_rule("XSF001", _One), _rule("XSF003", _Never)]
    facts = facts_of(items, fact_columns(items, rules, RuleContext(), Faults()))
    assert facts is not None
    assert facts.columns[1] is None
    assert facts.columns[0] == facts.ids
    assert len(facts) == len(items)
    assert facts.lines == [item.line for item in items]
    assert facts.pointers == [item.pointer for item in items]
    assert facts_of(items, []) is None  # no rule left to this process
