"""The rules on links between 2.0 figures (D101-D106), written as facts and a join, find the
same whether their fact stores stay in memory or spill to SQLite (issue #18), and keep no
record: only what ``take`` stores."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import antt_domain.validation._facts
from antt_domain.convert.v2 import structure_dataset, structure_record
from antt_domain.model.v2 import Figure
from antt_domain.schemas import codelists
from antt_domain.validation import (
    FactIndex,
    FactLog,
    Issue,
    LifecycleCheck,
    Located,
    RecordSet,
    Rule,
    RuleContext,
    Spot,
)
from antt_domain.validation.rules import RULES_V2
from antt_domain.validation.rules._chains import FirstRecords
from antt_domain.validation.rules._cycles import FactGraph, cycles

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = [
    *sorted((ROOT / "examples" / "corpus").glob("R*/dataset.json")),
    ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json",
]
CODES = ("D101", "D102", "D103", "D104", "D105", "D106")
RULES = {rule.code: rule for rule in RULES_V2 if rule.code in CODES}
PATH = "data/links.json"


def _figure(record_id: str, value: float | None = 10, unit: str = "tip", **more: Any) -> Any:
    found: dict[str, Any] = {
        "type": "figure",
        "id": record_id,
        "kind": "tips_provided",
        "period": {"kind": "interval", "start": "2023-01-01", "end": "2023-12-31"},
    }
    if value is not None:
        found["quantity"] = {"value": value, "unit": unit}
    found.update(more)
    return found


def _to(rel: str, to: str | list[str]) -> dict[str, Any]:
    return {"rel": rel, "to": to}


#: Figures on which every rule of the group fires, some ids twice, a source first of its id.
LINKED: list[dict[str, Any]] = [
    {"type": "source", "id": "src", "kind": "article", "title": "T"},
    _figure("whole", 100, "vnd"),
    _figure("part", 10, links=[_to("part_of", "whole"), _to("part_of", "src")]),
    _figure("a", 1, links=[_to("part_of", "b")]),
    _figure("b", 2, links=[_to("follows_from", "c")]),
    _figure("c", 3, links=[_to("achieved_by", ["a", "d"])]),
    _figure("d", 4, links=[_to("version_of", "d")]),
    _figure("main", 700, quantity={"value": 700, "unit": "tip", "precision": "more_than"}),
    _figure("v1", 700, links=[_to("version_of", "main")]),
    _figure("v2", 700, "case", links=[_to("version_of", "v1")]),
    _figure("teams", 1200, "team"),
    _figure("members", 900, "person", links=[_to("members_of", "teams")]),
    _figure("a", 5, links=[_to("part_of", "members")]),
    {"type": "source", "id": "main", "kind": "article", "title": "T"},
    _figure("src", 1, links=[_to("version_of", "main")]),
]


def _records_set() -> RecordSet:
    items = [
        Located(record=structure_record(dict(record)), path=PATH, pointer=f"/records/{i}", line=i)
        for i, record in enumerate(LINKED)
    ]
    head = structure_dataset(
        {
            "type": "dataset",
            "id": "ds",
            "schema_version": "2.0",
            "title": "Test",
            "publisher": {"name": "Test"},
            "records": [],
        }
    )
    return RecordSet(items, documents=[(PATH, head)])


def _examples() -> RecordSet:
    items, documents = [], []
    for path in EXAMPLES:
        dataset = structure_dataset(json.loads(path.read_text(encoding="utf-8")))
        items += [
            Located(record=record, path=str(path), pointer=f"/records/{i}", line=i)
            for i, record in enumerate(dataset.records)
        ]
        documents.append((str(path), attrs.evolve(dataset, records=())))
    return RecordSet(items, documents=documents)


_CONTEXT = RuleContext(codelists_v2=codelists("2"))


def _where(issue: Issue) -> tuple[Any, ...]:
    at = issue.at
    assert isinstance(at, Spot)
    return (at.record_id, at.path, at.pointer, at.line, issue.pointer, issue.path)


def _found(rule: Rule, records: RecordSet) -> list[tuple[Any, ...]]:
    return [
        (*_where(issue), sorted((k, repr(v)) for k, v in issue.params.items()))
        for issue in rule.check(records, _CONTEXT)  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize("code", CODES)
def test_each_rule_is_split_into_facts_and_a_join(code: str) -> None:
    check = RULES[code].check
    assert isinstance(check, LifecycleCheck)
    assert check.splits


@pytest.mark.parametrize("code", CODES)
def test_spilled_facts_find_what_facts_in_memory_find(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = RULES[code]
    linked, examples = _records_set(), _examples()
    in_memory = _found(rule, linked), _found(rule, examples)
    assert in_memory[0]  # every rule of the group fires on LINKED
    monkeypatch.setattr(antt_domain.validation._facts, "SPILL_AFTER", 1)
    assert (_found(rule, linked), _found(rule, examples)) == in_memory


def test_the_findings_on_linked_figures() -> None:
    records = _records_set()
    found = {code: [(f[0], f[4]) for f in _found(RULES[code], records)] for code in CODES}
    assert found == {
        "D101": [("part", "/links/0")],
        "D102": [("a", "/links")],
        "D103": [("part", "/links/1/to"), ("d", "/links/0/to")],
        "D104": [("v1", "/links/0"), ("v2", "/links/0"), ("src", "/links/0")],
        "D105": [("v2", "/links/0/to")],
        "D106": [("members", "/quantity/value")],
    }


def _held(value: Any) -> Iterator[Any]:
    """Every value held in ``value``, through stores, graphs and containers."""
    yield value
    inside: Any = ()
    if isinstance(value, FactIndex):
        inside = list(value.items())
    elif isinstance(value, FactLog):
        inside = list(value)
    elif isinstance(value, (FactGraph, FirstRecords)):
        inside = list(vars(value).values())
    elif isinstance(value, dict):
        inside = list(value.items())
    elif isinstance(value, (tuple, list)):
        inside = value
    for part in inside:
        yield from _held(part)


@pytest.mark.parametrize("spill", [1, 50_000])
@pytest.mark.parametrize("code", CODES)
def test_a_rule_keeps_plain_facts_and_spots_never_records(
    code: str, spill: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(antt_domain.validation._facts, "SPILL_AFTER", spill)
    check = RULES[code].check
    assert isinstance(check, LifecycleCheck)
    run = check.run_context(_CONTEXT)
    rule: Any = check.open(run)
    records = _records_set()
    for path, dataset in records.documents:
        if hasattr(rule, "document"):
            rule.document(path, dataset)
    for item in records:
        facts = rule.facts(item, _CONTEXT)
        assert pickle.loads(pickle.dumps(facts)) == facts  # noqa: S301 - our own bytes
        assert not any(isinstance(v, (Located, Figure)) for v in _held(facts))
    list(check.feed(rule, records, run))
    held = list(_held(list(vars(rule).values())))
    assert any(isinstance(value, Spot) for value in held)
    assert not any(isinstance(value, (Located, Figure)) for value in held)
    assert any(getattr(value, "on_disk", False) for value in held) == (spill == 1)
    assert list(rule.end())


def test_a_fact_graph_walks_its_loops_as_cycles_walks_a_dict(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    edges = {"a": ["b", "x"], "b": ["c"], "c": ["a", "b"], "x": ["x"], "y": ["a"]}
    expected = list(cycles(edges, lambda node: edges.get(node, ()), str))
    assert expected == [(["a", "b", "c"], "a"), (["b", "c"], "b"), (["x"], "x")]
    monkeypatch.setattr(antt_domain.validation._facts, "SPILL_AFTER", 1)
    graph = FactGraph()
    for source, targets in edges.items():
        graph.add(source, targets[:1])
    for source, targets in edges.items():
        graph.add(source, targets[1:])  # a second batch from one source comes after the first
    assert len(graph) == 7
    assert list(graph.successors("c")) == ["a", "b"]
    assert list(graph.loops()) == expected
    graph.close()
    assert len(graph) == 0
