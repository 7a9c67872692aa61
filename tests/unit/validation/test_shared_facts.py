"""Rules whose ``facts`` are one function (D002 and D003) have them made once a record, and
a crash in that function is each rule's crash."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from antt_domain import load_example
from antt_domain.validation import Issue, Located, Rule, RuleContext, Spot, dataset_rule
from antt_domain.validation._faults import Faults
from antt_domain.validation._workers import fact_columns, fact_rows
from antt_domain.validation.rules import BUILT_IN_RULES

CALLS: list[str] = []
#: The id of the record the shared function crashes on (none: it does not).
CRASH_AT: list[str] = []


class _Shared:
    @staticmethod
    def facts(item: Located, context: RuleContext) -> str:
        CALLS.append(item.record.id)
        if item.record.id in CRASH_AT:
            raise RuntimeError("boom")
        return item.record.id

    def start(self, context: RuleContext) -> None:
        pass

    def take(self, spot: Spot, facts: str) -> None:
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
    rows = fact_rows(items, fact_columns(items, rules, RuleContext(), Faults()))
    assert len(CALLS) == len(items)
    assert all(row[3][0] is row[3][1] for row in rows)
    assert [row[3][0] for row in rows] == [item.record.id for item in items]


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
