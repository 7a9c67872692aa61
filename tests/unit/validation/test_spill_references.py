"""D001, D002, D003, D004 and D108, written as facts and a join (issue #18): the same findings
whether their stores stay in memory or move to disk (``SPILL_AFTER`` set to 1), on the
examples made faulty on purpose, in input order and reversed (references to records read
later wait for the end), and on the whole corpus; and what a rule keeps past ``take`` is
facts and Spots, never a record."""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import antt_domain.validation._facts
from antt_domain.convert.v2 import structure_dataset
from antt_domain.io import loads_dataset
from antt_domain.model import RECORD_CLASSES
from antt_domain.model import v2 as model_v2
from antt_domain.schemas import codelists
from antt_domain.validation import (
    FactIndex,
    FactLog,
    Finding,
    LifecycleCheck,
    Located,
    RecordSet,
    Rule,
    RuleContext,
    validate_bytes,
)
from antt_domain.validation.rules import BUILT_IN_RULES, RULES_V2
from antt_domain.validation.rules._references import (
    allowed_code,
    allowed_types,
    record_references,
    reference_facts,
)

ROOT = Path(__file__).resolve().parents[3]
CAM_THUY = ROOT / "examples" / "cam-thuy-2021"
CORPUS = sorted((ROOT / "examples" / "corpus").glob("R*/dataset.json"))
CODES = ("D001", "D002", "D003", "D004", "D108")
_RULES = {rule.code: rule for rule in (*BUILT_IN_RULES, *RULES_V2) if rule.code in CODES}


def _by_id(records: list[dict[str, Any]], record_id: str) -> dict[str, Any]:
    return next(record for record in records if record["id"] == record_id)


def _faulty_v2() -> dict[str, Any]:
    """The 2.0 example with a finding of each rule: a duplicate id (another content, and
    another extension), an identical copy (none), a missing id with a hint and one in the
    metadata, a reference to a record of the wrong type, units named after they ended."""
    data = json.loads((CAM_THUY / "dataset-2.0.json").read_text(encoding="utf-8"))
    records: list[dict[str, Any]] = data["records"]
    org = _by_id(records, "org-ca-huyen")
    records.append({**org, "name": "Another police"})
    records.append(copy.deepcopy(org))
    records.append({**_by_id(records, "org-mttq-huyen"), "extensions": {"x-test": {"n": 1}}})
    _by_id(records, "out-nguon-tin")["area"] = "area-39"
    _by_id(records, "out-cam-hoa-giao-duc")["area"] = "org-ca-huyen"
    late = {"kind": "interval", "start": "2026-01-01", "end": "2026-12-31"}
    _by_id(records, "out-hoa-giai")["period"] = late
    data["area"] = "area-missing"
    return data


def _faulty_v1() -> dict[str, Any]:
    """The 1.0 example with a finding of each of D001 to D004."""
    data = json.loads((CAM_THUY / "dataset.json").read_text(encoding="utf-8"))
    records: list[dict[str, Any]] = data["records"]
    figures = [r for r in records if r["type"] in {"activity", "outcome"}]
    org = _by_id(records, "org-ca-huyen")
    records.append({**org, "name": "Another police"})
    records.append(copy.deepcopy(org))
    figures[0]["organiser"] = "org-ca-huyn"
    figures[1]["area"] = "org-ca-huyen"
    figures[2]["organiser"] = "org-ca-huyen"
    figures[2]["period"] = {"kind": "interval", "start": "2026-01-01", "end": "2026-06-30"}
    data["area"] = "area-missing"
    return data


def _reversed(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "records": data["records"][::-1]}


def _jsonl(data: dict[str, Any]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in data["records"])


def _inputs() -> Iterator[tuple[str, bytes, str, str]]:
    """(name, bytes, format, schema version) of each faulty input."""
    for name, data, version in (("v1", _faulty_v1(), "1"), ("v2", _faulty_v2(), "2")):
        for order, ordered in (("", data), ("-reversed", _reversed(data))):
            yield f"{name}{order}.json", json.dumps(ordered).encode(), "json", version
            yield f"{name}{order}.jsonl", _jsonl(ordered), "jsonl", version


INPUTS = list(_inputs())


def _findings(data: bytes, path: str, fmt: str, version: str, code: str) -> tuple[Finding, ...]:
    report = validate_bytes(
        data,
        path=path,
        format=fmt,
        schema_version=version,
        select=(code,),  # type: ignore[arg-type]
    )
    assert not report.faults
    return tuple(report.findings)


@pytest.mark.parametrize("code", CODES)
def test_the_findings_are_the_same_once_the_facts_are_on_disk(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_memory = {name: _findings(data, name, f, v, code) for name, data, f, v in INPUTS}
    monkeypatch.setattr(antt_domain.validation._facts, "SPILL_AFTER", 1)
    on_disk = {name: _findings(data, name, f, v, code) for name, data, f, v in INPUTS}
    assert on_disk == in_memory
    assert any(in_memory.values())  # the faulty inputs do raise the rule


def test_the_faulty_inputs_raise_what_they_were_made_to() -> None:
    found = {
        code: {
            f.record_id or f.pointer
            for name, d, fm, v in INPUTS
            for f in _findings(d, name, fm, v, code)
        }
        for code in CODES
    }
    assert found["D001"] == {"org-ca-huyen", "org-mttq-huyen"}
    assert {"out-nguon-tin", "/area"} <= found["D002"]
    assert "out-cam-hoa-giao-duc" in found["D003"]
    assert "out-hoa-giai" in found["D004"]
    assert found["D108"] == {"out-hoa-giai"}
    hints = [
        f.message_en
        for name, d, fm, v in INPUTS
        for f in _findings(d, name, fm, v, "D002")
        if f.record_id == "out-nguon-tin"
    ]
    assert hints
    assert all("did you mean" in message for message in hints)


def _corpus_items(path: Path) -> RecordSet:
    dataset = structure_dataset(json.loads(path.read_text(encoding="utf-8")))
    items = [
        Located(record=record, path=str(path), pointer=f"/records/{index}")
        for index, record in enumerate(dataset.records)
    ]
    head: Any = attrs.evolve(dataset, records=())
    return RecordSet(items, documents=[(str(path), head)])


def _issues(rule: Rule, records: RecordSet, context: RuleContext) -> list[tuple[Any, ...]]:
    return [
        (issue.at, issue.path, issue.pointer, dict(issue.params))
        for issue in rule.check(records, context)  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize("code", CODES)
def test_the_corpus_gives_the_same_issues_once_the_facts_are_on_disk(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = _RULES[code]
    context = RuleContext(codelists_v2=codelists("2"))
    sets = [_corpus_items(path) for path in [*CORPUS, CAM_THUY / "dataset-2.0.json"]]
    in_memory = [_issues(rule, records, context) for records in sets]
    monkeypatch.setattr(antt_domain.validation._facts, "SPILL_AFTER", 1)
    assert [_issues(rule, records, context) for records in sets] == in_memory


_RECORDS = (Located, *RECORD_CLASSES, *model_v2.RECORD_CLASSES)


def _parts(value: Any) -> list[Any]:
    """What ``value`` holds: a store's entries, a container's items, an object's fields."""
    if isinstance(value, FactIndex):
        return list(value.items())
    if isinstance(value, (FactLog, list, tuple, set, frozenset)):
        return list(value)
    if isinstance(value, dict):
        return [*value.keys(), *value.values()]
    if attrs.has(type(value)):
        return [getattr(value, a.name) for a in attrs.fields(type(value))]
    return [vars(value)] if hasattr(value, "__dict__") else []


def _located(value: Any, seen: set[int]) -> bool:
    """Whether ``value`` holds a Located or a record, looking into the stores, containers
    and objects it holds."""
    if id(value) in seen:
        return False
    seen.add(id(value))
    if isinstance(value, _RECORDS):
        return True
    return any(_located(part, seen) for part in _parts(value))


@pytest.mark.parametrize("code", CODES)
def test_what_a_rule_keeps_is_facts_and_spots(code: str) -> None:
    rule = _RULES[code]
    check = rule.check
    assert isinstance(check, LifecycleCheck)
    assert check.splits
    context = RuleContext(codelists_v2=codelists("2"))
    found: list[Any] = []
    for data in (_faulty_v1(), _faulty_v2()):
        dataset: Any = (
            structure_dataset(data)
            if data.get("schema_version") == "2.0"
            else loads_dataset(json.dumps(data).encode())
        )
        items = [
            Located(record=record, path="x.json", pointer=f"/records/{n}")
            for n, record in enumerate(dataset.records)
        ]
        run = check.run_context(context)
        instance: Any = check.open(run)
        document = getattr(instance, "document", None)
        if document is not None:
            document("x.json", attrs.evolve(dataset, records=()))
        for item in items:
            made: Any = check.lifecycle  # a FactLifecycle class (check.splits)
            facts = made.facts(item, context)
            assert pickle.loads(pickle.dumps(facts)) == facts  # noqa: S301 - our own bytes
        found += check.feed(instance, items, run)
        assert not _located(instance, set())
        found += list(instance.end())
    assert found  # the rule finds something in these


def test_reference_facts_are_the_references_a_record_makes() -> None:
    """The flat loop D002 and D003 run on every 2.0 record gives the references of
    ``record_references`` (and so of ``references_v2``), in order, on the whole corpus."""
    records: list[Any] = [
        item.record
        for path in [*CORPUS, CAM_THUY / "dataset-2.0.json"]
        for item in _corpus_items(path)
    ]
    records += loads_dataset((CAM_THUY / "dataset.json").read_bytes()).records
    records += structure_dataset(_faulty_v2()).records
    count = 0
    for record in records:
        expected = tuple(
            (field, index, target, allowed_code(allowed))
            for field, index, target, allowed in record_references(record)
        )
        assert reference_facts(record) == expected
        for field, index, target, allowed in record_references(record):
            assert allowed_types(allowed_code(allowed)) == allowed, (field, index, target)
        count += len(expected)
    assert count > 1000
