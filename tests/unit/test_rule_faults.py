"""A rule that crashes costs neither the other findings nor a traceback: it becomes a V900 or
D900 finding at the record it was checking, it is switched off, and the run goes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from antt_domain import load_example
from antt_domain.io import dumps
from antt_domain.validation import (
    Issue,
    Rule,
    RuleContext,
    RuleCrashError,
    Severity,
    record_rule,
    validate,
    validate_bytes,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "plugins" / "antt-domain-crashing-rules" / "src"


@pytest.fixture
def plugin(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The crashing-rules test plugin, imported from its source."""
    monkeypatch.syspath_prepend(str(FIXTURE))
    import antt_domain_crashing_rules  # noqa: PLC0415 - from the fixture's folder

    return antt_domain_crashing_rules


def _rules(plugin: ModuleType) -> list[Rule]:
    rules: list[Rule] = plugin.antt_register_rules()
    return rules


def test_each_crash_is_a_located_fault_and_every_other_finding_stays(
    plugin: ModuleType, crash_records: Path
) -> None:
    """Raising, yielding a dict, raising a library error (ModelError) and crashing across
    records: four faults, each naming rule and plugin; the working rule and the built-in
    checks still report."""
    path = crash_records
    report = validate(path, rules=_rules(plugin))
    faults = {f.rule: f for f in report.faults}
    assert sorted(faults) == ["XCR002", "XCR003", "XCR004", "XCR005"]
    boom = faults["XCR002"].finding
    assert (boom.code, boom.path, boom.line, boom.column, boom.record_id) == (
        "V900",
        str(path),
        21,
        1,
        "act-boom",
    )
    assert faults["XCR002"].error == "ZeroDivisionError: integer division or modulo by zero"
    assert "antt-domain-crashing-rules" not in boom.message_en  # origin: the rule's own
    assert "XCR002 (divides-by-zero)" in boom.message_en
    assert "NotAnIssueError" in faults["XCR003"].error
    assert faults["XCR004"].error == "ModelError: Quantity.value: the plugin misused the model"
    across = faults["XCR005"].finding
    assert (across.code, across.path, across.record_id) == ("D900", None, None)
    assert all(f.finding in report.findings for f in report.faults)
    assert all(f.finding.severity is Severity.ERROR for f in report.faults)
    assert "ZeroDivisionError" in faults["XCR002"].traceback
    codes = [f.code for f in report]
    activities = sum(1 for r in load_example().records if type(r).__name__ == "Activity")
    assert codes.count("XCR001") == activities + 1  # the working rule saw every activity
    assert "S002" in codes or "S003" in codes or any(c.startswith("S") for c in codes)
    assert not report.ok()


def test_a_crashed_rule_is_not_called_again(crash_records: Path) -> None:
    """After its first crash the rule is switched off for the rest of the run."""
    calls: list[str] = []

    @record_rule(
        code="XCR010",
        name="counts",
        severity="error",
        title=("x", "x"),
        explanation=("x", "x"),
        message=("x", "x"),
    )
    def counts(record: Any, context: RuleContext) -> Iterator[Issue]:
        calls.append(record.id)
        raise RuntimeError("once")

    report = validate(crash_records, rules=[counts])
    assert len(calls) == 1
    assert [f.rule for f in report.faults] == ["XCR010"]


def test_faults_are_reported_whatever_select_and_ignore_say(
    plugin: ModuleType, crash_records: Path
) -> None:
    """--select/--ignore cannot hide that the data was not fully checked."""
    path = crash_records
    report = validate(path, rules=_rules(plugin), select=["XCR002", "S"], ignore=["V"])
    assert sorted(f.code for f in report if not f.code.startswith("S")) == ["V900"]
    assert [f.rule for f in report.faults] == ["XCR002"]  # the others were not selected


def test_raise_on_crash_raises_the_first_fault(plugin: ModuleType, crash_records: Path) -> None:
    """The caller who wants an exception gets RuleCrashError, with the cause and the place."""
    with pytest.raises(RuleCrashError) as caught:
        validate(crash_records, rules=_rules(plugin), raise_on_crash=True)
    error = caught.value
    assert error.rule in {"XCR002", "XCR003", "XCR004"}
    assert error.origin == "antt-domain"
    assert error.fault.finding.record_id is not None
    assert error.cause is not None


def test_the_fault_of_a_document_is_located_in_it(plugin: ModuleType) -> None:
    """In a dataset document the fault points at the record's place and line."""
    data = dumps(load_example()).encode()
    report = validate_bytes(data, path="ex.json", rules=_rules(plugin)[2:3])
    (fault,) = report.faults
    assert fault.finding.pointer is not None
    assert fault.finding.pointer.startswith("/records/")
    assert fault.finding.line is not None
    assert fault.finding.line > 1


@pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork",
    reason="the crashing rule is patched into this process; workers must be forked from it",
)
def test_a_built_in_rule_crashing_in_a_worker_is_the_same_fault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crash_records: Path
) -> None:
    """With --jobs the worker's fault comes back located exactly as in one process."""
    from antt_domain.validation import _workers as _engine  # noqa: PLC0415 - patched here

    def crash(record: object, context: object) -> Iterator[Issue]:
        raise ZeroDivisionError

    (v104,) = [r for r in _engine.BUILT_IN_RULES if r.code == "V104"]
    broken = Rule(info=v104.info, scope="record", check=crash, types=v104.types)
    patched = tuple(broken if r is v104 else r for r in _engine.BUILT_IN_RULES)
    monkeypatch.setattr(_engine, "BUILT_IN_RULES", patched)
    path = tmp_path / "big.jsonl"
    path.write_bytes(crash_records.read_bytes() * 40)
    monkeypatch.setattr(_engine, "CHUNK_BYTES", 8000)
    monkeypatch.setattr(_engine, "PARALLEL_BYTES", 8000)
    monkeypatch.setattr(_engine, "SMALL_BYTES", 0)  # small pieces go to the workers
    one = validate(path, ignore=["D"])
    two = validate(path, ignore=["D"], jobs=2)
    assert [f.finding for f in one.faults] == [f.finding for f in two.faults]
    assert [f.rule for f in two.faults] == ["V104"]
    assert "RuntimeError" not in two.faults[0].error
    assert two.faults[0].error == "ZeroDivisionError"
