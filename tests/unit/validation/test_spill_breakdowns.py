"""The rules across records D008 (1.0 and 2.0), D009, D107 and D110-D112, written as facts and
a join (issue #18), find the same whether their facts stay in memory or move to disk: each
runs on data that breaks it with the stores' ``SPILL_AFTER`` at its default and at 1 (every
store on disk past its first entry). They keep where records were read (Spot), never the
records."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs
import pytest

import antt_domain.validation._facts
from antt_domain import load_example
from antt_domain.convert.v2 import structure_dataset, structure_record
from antt_domain.model import Record
from antt_domain.model import v2 as model_v2
from antt_domain.schemas import codelists
from antt_domain.validation import (
    FactIndex,
    FactLog,
    LifecycleCheck,
    Located,
    RecordSet,
    Rule,
    RuleContext,
    Spot,
    validate,
    validate_bytes,
)
from antt_domain.validation.rules.figures import BREAKDOWN_V2, breakdowns
from antt_domain.validation.rules.places import hierarchy, member_level
from antt_domain.validation.rules.vocabulary import (
    outside_namespace,
    undeclared_code,
    vocabulary_conflict,
)

#: The 2.0 rule helpers of conftest.py: run(code, records, ...) and the plugin codes.
Check = Callable[..., list[tuple[str, str, str]]]
Plugin = Callable[..., dict[str, Any]]

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / "tests" / "fixtures" / "validation" / "rules.json"
CODES = ("D008", "D009", "D107", "D110", "D111", "D112")
RULES: tuple[Rule, ...] = (
    breakdowns,
    BREAKDOWN_V2,
    hierarchy,
    member_level,
    outside_namespace,
    vocabulary_conflict,
    undeclared_code,
)

VOCABULARY = {
    "namespace": "daknong",
    "codes": [
        {"codelist": "qualifiers", "code": "daknong:coffee", "vi": "Cà phê", "en": "Coffee"},
        {"codelist": "units", "code": "other:bao", "vi": "bao", "dimension": "count"},
    ],
}


def _spill_after_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(antt_domain.validation._facts, "SPILL_AFTER", 1)


def _both(monkeypatch: pytest.MonkeyPatch, find: Callable[[], list[Any]]) -> list[Any]:
    """What ``find`` gives with the default stores, checked equal to what it gives when every
    store moves to disk past one entry."""
    in_memory = find()
    _spill_after_one(monkeypatch)
    assert find() == in_memory
    return in_memory


def _findings(*paths: Path, **options: Any) -> list[tuple[Any, ...]]:
    report = validate(*paths, select=CODES, gazetteer=None, **options)
    return [
        (f.code, f.path, f.line, f.pointer, f.record_id, f.message("en"), f.message("vi"))
        for f in report
    ]


def _dataset_1_0(*records: dict[str, Any]) -> bytes:
    document = {
        "type": "dataset",
        "id": "d",
        "schema_version": "1.0",
        "title": "t",
        "publisher": {"name": "p"},
        "records": list(records),
    }
    return json.dumps(document, ensure_ascii=False).encode()


def _outcome(record_id: str, value: float, **extra: Any) -> dict[str, Any]:
    return {
        "id": record_id,
        "type": "outcome",
        "kind": "tips_provided",
        "period": {"kind": "unstated"},
        "quantity": {"value": value, "unit": "tip"},
        **extra,
    }


def _organisation(record_id: str, parent: str) -> dict[str, Any]:
    return {
        "id": record_id,
        "type": "organisation",
        "name": record_id,
        "kind": "police",
        "level": "district",
        "parent": parent,
    }


def test_the_fixture_and_the_examples_find_the_same_on_disk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = _both(monkeypatch, lambda: _findings(FIXTURE, ROOT / "examples"))
    assert {code for code, *_ in found} >= {"D008", "D009"}


def test_1_0_breakdowns_and_loops_find_the_same_on_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _dataset_1_0(
        _outcome("whole", 100),
        _outcome("a", 60, part_of="whole", description="a"),
        _outcome("b", 50, part_of="whole", description="b"),
        _outcome("c", 120, part_of="whole", description="c"),
        _outcome("x", 1, part_of="y"),
        _outcome("y", 2, part_of="x"),
        _organisation("o1", "o2"),
        _organisation("o2", "o3"),
        _organisation("o3", "o1"),
    )

    def find() -> list[tuple[str, str | None, str]]:
        report = validate_bytes(data, path="d.json", select=CODES, gazetteer=None)
        return [(f.code, f.pointer, f.message("en")) for f in report]

    assert _both(monkeypatch, find) == [
        ("D008", "/records/3/quantity/value", "120 is more than its whole 'whole' (100)"),
        ("D008", "/records/3/part_of", "the parts of 'whole' add up to 230, more than 100"),
        ("D008", "/records/4/part_of", "part_of loops: x → y → x"),
        ("D008", "/records/5/quantity/value", "2 is more than its whole 'x' (1)"),
        ("D009", "/records/6/parent", "parent loops: o1 → o2 → o3 → o1"),
    ]


def _area(area_id: str, level: str, **more: Any) -> dict[str, Any]:
    return {"type": "area", "id": area_id, "name": area_id, "level": level, **more}


def _assessment(subjects: list[str], members: list[str]) -> dict[str, Any]:
    return {
        "type": "assessment",
        "id": "asm",
        "scheme": "movement_grading",
        "period": {"kind": "interval", "start": "2024-01-01", "end": "2024-12-31"},
        "results": [
            {
                "outcome": "excellent",
                "subjects": subjects,
                "quantity": {"value": len(members), "unit": "unit"},
                "members": members,
            }
        ],
    }


def figure(record_id: str, value: float, **more: Any) -> dict[str, Any]:
    """A 2.0 figure: ``value`` tips in 2023."""
    return {
        "type": "figure",
        "id": record_id,
        "kind": "tips_provided",
        "period": {"kind": "interval", "start": "2023-01-01", "end": "2023-12-31"},
        "quantity": {"value": value, "unit": "tip"},
        **more,
    }


_PART_OF = {"links": [{"rel": "part_of", "to": "whole"}]}

#: 2.0 records that break D008, D107 and D112, by the rule's code.
_V2_CASES: dict[str, list[dict[str, Any]]] = {
    "D008": [figure("whole", 12), figure("part", 13, **_PART_OF), figure("ok", 3, **_PART_OF)],
    "D107": [
        _area("d1", "district"),
        _area("c1", "commune"),
        _assessment(["district"], ["d1", "c1", "nobody"]),
    ],
    "D112": [
        figure("f1", 3, qualifiers=["daknong:coffee", "daknong:tea"]),
        figure("f2", 3, qualifiers=["other:bao"]),
    ],
}


@pytest.mark.parametrize("code", sorted(_V2_CASES))
@pytest.mark.parametrize("document", [True, False])
def test_2_0_rules_find_the_same_on_disk(
    monkeypatch: pytest.MonkeyPatch, check: Check, code: str, document: bool
) -> None:
    records = _V2_CASES[code]
    found = _both(
        monkeypatch, lambda: check(code, records, vocabulary=VOCABULARY, document=document)
    )
    assert found


def test_2_0_hierarchy_finds_the_same_on_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    records = [
        _area("p", "province"),
        _area("c", "commune", parent="v"),
        _area("v", "village", parent="c"),
        _area("d", "district", parent="c"),
        _area("w", "commune", parent="p"),
    ]
    items = _located((structure_record(record) for record in records), "a.jsonl")

    def find() -> list[tuple[str, str, str]]:
        found = hierarchy.check(RecordSet(items), RuleContext())  # type: ignore[arg-type]
        return [(i.at.record_id, i.pointer, i.params["detail"]) for i in found]  # type: ignore[union-attr]

    assert _both(monkeypatch, find) == [
        ("c", "/parent", "parent loops: c → v → c"),
        ("c", "/parent", "a commune cannot be under a village"),
        ("d", "/parent", "a district cannot be under a commune"),
    ]


def test_vocabulary_rules_find_the_same_on_disk(
    monkeypatch: pytest.MonkeyPatch, check: Check, plugin_codes: Plugin
) -> None:
    plugin = plugin_codes({"qualifiers": [("daknong:coffee", "Cà phê sữa", "Coffee")]})

    def find() -> list[Any]:
        return [check(code, [], vocabulary=VOCABULARY, codelists_v2=plugin) for code in CODES[3:5]]

    assert all(_both(monkeypatch, find))


def _located(records: Iterable[Record | model_v2.Record], path: str) -> list[Located]:
    return [
        Located(record=record, path=path, pointer="", line=number)
        for number, record in enumerate(records, start=1)
    ]


def _holds(value: Any, kinds: tuple[type, ...], seen: set[int] | None = None) -> bool:
    """Whether ``value`` holds an instance of ``kinds``, looking into containers, attrs
    values, objects' attributes and the fact stores' contents."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, (str, int, float, type(None))):
        return False
    seen.add(id(value))
    if isinstance(value, kinds):
        return True
    if isinstance(value, dict):
        inside: Iterable[Any] = [*value.keys(), *value.values()]
    elif isinstance(value, (list, tuple, set, frozenset)):
        inside = value
    elif isinstance(value, FactIndex):
        inside = list(value.items())
    elif isinstance(value, FactLog):
        inside = list(value)
    elif attrs.has(type(value)):
        inside = [getattr(value, field.name) for field in attrs.fields(type(value))]
    elif hasattr(value, "__dict__"):
        inside = list(vars(value).values())
    else:
        return False
    return any(_holds(item, kinds, seen) for item in inside)


def _every_record() -> list[Located]:
    items = _located(load_example().records, "a.jsonl")
    for path in sorted((ROOT / "examples" / "corpus").glob("R*/dataset.json")):
        dataset = structure_dataset(json.loads(path.read_text(encoding="utf-8")))
        items += _located(dataset.records, str(path))
    return items


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.code}-{rule.types}")
def test_what_a_rule_takes_is_spots_and_facts_not_records(
    monkeypatch: pytest.MonkeyPatch, rule: Rule
) -> None:
    """Fed every example record (facts, then take), a rule keeps no record nor Located --
    in memory or once its stores are on disk -- and does not change what it finds."""
    items = _every_record()
    context = RuleContext(codelists=codelists("1"), codelists_v2=codelists("2"))
    check = rule.check
    assert isinstance(check, LifecycleCheck)
    assert check.splits
    expected = list(check(RecordSet(items), context))
    for spill in (False, True):
        if spill:
            _spill_after_one(monkeypatch)
        run = check.run_context(context)
        instance: Any = check.open(run)
        found: list[Any] = list(check.feed(instance, items, run))
        assert not _holds(vars(instance), (Located, *_record_classes()))
        found += instance.end()
        assert found == expected


def _record_classes() -> tuple[type, ...]:
    return (*model_v2.RECORD_CLASSES, *(type(r) for r in load_example().records))


def test_a_record_read_before_the_document_declaring_its_code_passes_d112() -> None:
    """Read in a run's order -- a JSONL file first, then a dataset document whose vocabulary
    declares the code -- a record outside the documents is judged once every one is known."""
    record = structure_record(figure("f1", 3, qualifiers=["daknong:coffee"]))
    head = structure_dataset(
        {
            "type": "dataset",
            "id": "ds",
            "schema_version": "2.0",
            "title": "T",
            "publisher": {"name": "T"},
            "vocabulary": VOCABULARY,
            "records": [],
        }
    )
    check = undeclared_code.check
    assert isinstance(check, LifecycleCheck)
    context = RuleContext(codelists_v2=codelists("2"))
    instance: Any = check.open(context)
    item = Located(record=record, path="a.jsonl", pointer="", line=1)
    facts = instance.facts(item, context)
    assert facts == (("/qualifiers/0", "qualifiers", "daknong:coffee"),)
    assert not instance.take(item.spot, facts)
    assert not list(instance.document("data/dataset.json", head) or ())
    assert list(instance.end()) == []
    alone: Any = check.open(context)
    alone.take(item.spot, facts)
    assert [issue.at for issue in alone.end()] == [
        Spot(path="a.jsonl", pointer="", line=1, record_id="f1")
    ]
