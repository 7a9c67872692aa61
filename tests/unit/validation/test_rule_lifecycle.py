"""Rules across records written as a lifecycle (start, record, end), the adapter that makes
them a dataset check, and the derived data rules of one run share (issue #17)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import attrs
import pytest

from antt_domain import load_example
from antt_domain.io import dumps
from antt_domain.model import Activity, Organisation, Outcome
from antt_domain.validation import (
    Issue,
    LifecycleCheck,
    Located,
    RecordSet,
    Rule,
    RuleContext,
    RuleCrashError,
    dataset_rule,
    record_rule,
    validate_bytes,
)
from antt_domain.validation.rules.names import duplicate_names
from antt_domain.validation.rules.references import duplicate_ids

_TITLE = ("Organisation without figures", "Cơ quan không có số liệu")
_EXPLANATION = (
    "An organisation that organises no activity or outcome of the run.",
    "Cơ quan không chủ trì hoạt động hay kết quả nào.",
)
_MESSAGE = ("{name} organises no figure", "{name} không chủ trì số liệu nào")


class IdleOrganisations:
    """A plugin's rule across records: it keeps ids and names, never a record."""

    def start(self, context: RuleContext) -> None:
        self.names: dict[str, str] = {}
        self.organisers: set[str] = set()

    def record(self, item: Located) -> None:
        record = item.record
        if isinstance(record, Organisation):
            self.names.setdefault(record.id, record.name)
        elif isinstance(record, (Activity, Outcome)) and record.organiser is not None:
            self.organisers.add(record.organiser)

    def end(self) -> Iterator[Issue]:
        for record_id, name in self.names.items():
            if record_id not in self.organisers:
                yield Issue(record_id=record_id, pointer="/name", params={"name": name})


IDLE = dataset_rule(
    code="XLC001",
    name="organiser-without-figures",
    severity="info",
    title=_TITLE,
    explanation=_EXPLANATION,
    message=_MESSAGE,
)(IdleOrganisations)


def _example() -> bytes:
    return dumps(load_example()).encode()


def test_a_plugin_rule_written_as_a_lifecycle_reports_through_the_engine() -> None:
    """The class becomes a Rule; its findings, located by record id, are those a plain
    reading of the example gives."""
    assert isinstance(IDLE, Rule)
    assert IDLE.check == LifecycleCheck(IdleOrganisations)
    records = load_example().records
    figures = {r.organiser for r in records if isinstance(r, (Activity, Outcome))}
    idle = {r.id for r in records if isinstance(r, Organisation) and r.id not in figures}
    assert idle  # the example has organisations that organise nothing themselves
    report = validate_bytes(_example(), path="example.json", rules=[IDLE])
    found = [f for f in report if f.code == "XLC001"]
    assert {f.record_id for f in found} == idle
    assert all(f.pointer and f.pointer.endswith("/name") for f in found)
    assert all(f.line is not None for f in found)  # located in the document, like any rule
    assert not report.faults


class _Recorder:
    """Logs every call; gives one issue from ``record`` for the second record, one from
    ``end``."""

    made: ClassVar[list[_Recorder]] = []

    def __init__(self) -> None:
        self.log: list[Any] = []
        _Recorder.made.append(self)

    def start(self, context: RuleContext) -> None:
        self.log.append(("start", context))

    def record(self, item: Located) -> list[Issue] | None:
        self.log.append(("record", item))
        if len(self.log) == 3:
            return [Issue(at=item, params={"when": "record"})]
        return None

    def end(self) -> Iterator[Issue]:
        self.log.append(("end",))
        yield Issue(params={"when": "end"})


def _organisations() -> list[Organisation]:
    return [r for r in load_example().records if isinstance(r, Organisation)]


def _items(count: int) -> list[Located]:
    organisations = _organisations()
    return [
        Located(record=organisations[n], path="a.json", pointer=f"/records/{n}")
        for n in range(count)
    ]


def test_the_adapter_feeds_each_record_once_in_order_between_start_and_end() -> None:
    _Recorder.made.clear()
    check = LifecycleCheck(_Recorder)
    items = _items(3)
    context = RuleContext()
    issues = list(check(RecordSet(items), context))
    assert [i.params["when"] for i in issues] == ["record", "end"]
    assert issues[0].at is items[1]
    (rule,) = _Recorder.made
    assert rule.log == [
        ("start", context),
        *(("record", item) for item in items),
        ("end",),
    ]
    list(check(RecordSet(items), context))
    assert len(_Recorder.made) == 2  # a new instance for each run
    assert _Recorder.made[1] is not rule


def test_the_adapter_is_lazy_and_an_empty_run_still_starts_and_ends() -> None:
    _Recorder.made.clear()
    found = LifecycleCheck(_Recorder)(RecordSet(()), RuleContext())
    assert _Recorder.made == []  # nothing runs before the engine iterates
    assert [i.params for i in found] == [{"when": "end"}]
    assert [entry[0] for entry in _Recorder.made[0].log] == ["start", "end"]


class _Explodes:
    def start(self, context: RuleContext) -> None:
        self.seen = 0

    def record(self, item: Located) -> None:
        self.seen += 1

    def end(self) -> Iterator[Issue]:
        yield Issue(params={"n": self.seen})
        raise ZeroDivisionError(self.seen)


_EXPLODES = dataset_rule(
    code="XLC002",
    name="explodes-at-end",
    severity="warning",
    title=_TITLE,
    explanation=_EXPLANATION,
    message=_MESSAGE,
)(_Explodes)


def test_an_exception_in_end_is_a_rule_crash_like_any_other() -> None:
    """D900 naming the rule, switched off, the other findings kept; with raise_on_crash the
    run stops with RuleCrashError."""
    report = validate_bytes(_example(), rules=[_EXPLODES, IDLE])
    (fault,) = report.faults
    assert (fault.rule, fault.finding.code) == ("XLC002", "D900")
    assert fault.error == f"ZeroDivisionError: {len(load_example().records)}"
    assert any(f.code == "XLC001" for f in report)
    with pytest.raises(RuleCrashError, match="XLC002"):
        validate_bytes(_example(), rules=[_EXPLODES], raise_on_crash=True)


def test_the_decorator_makes_a_rule_of_a_lifecycle_class_too() -> None:
    """``@dataset_rule(...)`` on the class itself (mypy does not see a class decorator's
    result, hence the assignment form above for typed code)."""

    @dataset_rule(
        code="XLC004",
        name="decorated",
        severity="info",
        title=_TITLE,
        explanation=_EXPLANATION,
        message=_MESSAGE,
    )
    class Decorated(_Explodes):
        pass

    rule: Any = Decorated
    assert isinstance(rule, Rule)
    assert isinstance(rule.check, LifecycleCheck)
    assert rule.check.lifecycle.__name__ == "Decorated"
    assert rule.scope == "dataset"


def test_only_a_rule_across_records_can_be_a_lifecycle() -> None:
    with pytest.raises(TypeError, match="XLC003"):
        record_rule(
            code="XLC003",
            name="not-per-record",
            severity="info",
            title=_TITLE,
            explanation=_EXPLANATION,
            message=_MESSAGE,
        )(_Explodes)  # type: ignore[arg-type]


def test_derived_data_is_built_once_per_run_and_shared() -> None:
    calls: list[RecordSet] = []

    def organisation_ids(records: RecordSet) -> frozenset[str]:
        calls.append(records)
        return frozenset(i.record.id for i in records if isinstance(i.record, Organisation))

    def count(records: RecordSet) -> int:
        return len(records)

    records = RecordSet(_items(4))
    first = records.derived(organisation_ids)
    assert records.derived(organisation_ids) is first
    assert calls == [records]
    assert records.derived(count) == 4  # another function, another entry
    other = RecordSet(_items(2))
    assert len(other.derived(organisation_ids)) == 2
    assert calls == [records, other]


def _reference_duplicate_ids(records: RecordSet) -> list[tuple[str, Located]]:
    """D001 as it was written before the lifecycle: id by id, then the later copies."""
    found = []
    for record_id in records.ids():
        same = records.with_id(record_id)
        found += [(record_id, later) for later in same[1:] if later.record != same[0].record]
    return found


def test_duplicate_ids_as_a_lifecycle_keep_the_order_of_first_appearance() -> None:
    """Ids a, b, b', a'', a (copy), b''': findings a'' then b' and b''', as before."""
    a, b = _organisations()[:2]
    recs = [
        a,
        b,
        attrs.evolve(b, name="B prime"),
        attrs.evolve(a, name="A second"),
        a,
        attrs.evolve(b, name="B third"),
    ]
    items = [Located(record=r, path="x.jsonl", pointer="", line=n) for n, r in enumerate(recs)]
    records = RecordSet(items)
    issues = list(duplicate_ids.check(records, RuleContext()))  # type: ignore[arg-type]
    expected = _reference_duplicate_ids(records)
    # D001 is written as facts: it places its findings by the records' Spots.
    assert [(i.params["id"], i.at) for i in issues] == [(i, at.spot) for i, at in expected]
    assert [i.at.line for i in issues if i.at] == [3, 2, 5]


def test_duplicate_names_name_the_first_record_with_the_key() -> None:
    a, b = _organisations()[:2]
    copy = attrs.evolve(a, id="org-copy", name=a.name.upper())
    again = attrs.evolve(a, id="org-again", name=a.name.lower())
    items = [
        Located(record=r, path="x.json", pointer=f"/records/{n}")
        for n, r in enumerate([a, b, copy, a, again])
    ]
    issues = list(duplicate_names.check(RecordSet(items), RuleContext()))  # type: ignore[arg-type]
    assert [(i.at, i.params["first"], i.params["first_name"]) for i in issues] == [
        (items[2].spot, a.id, a.name),  # D006 is facts and a join: it places issues by Spot
        (items[4].spot, a.id, a.name),
    ]
