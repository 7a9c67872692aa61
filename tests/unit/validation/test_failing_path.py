"""The failing path is cheaper, never different (issue #18, item 3).

Each shortcut taken for invalid records is checked against the plain way it replaces: the
``$ref`` of the explaining validator resolved once, the problems of a record deduplicated by
their parameters written as JSON, ``difflib`` asked afresh for every unknown property, a JSONL
record's findings located and then moved to its line, and every finding of the JSON report
written by ``json.dumps(..., indent=2)``. The records are real 1.0 and 2.0 records (the rule
fixture and the worked examples), spoiled in many ways, checked against the reference
``jsonschema`` validator of their schema.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antt_domain import validate
from antt_domain.schemas import (
    RECORD_SCHEMAS,
    V2_RECORD_SCHEMAS,
    SchemaVersion,
    explainer_for,
    validator_for,
)
from antt_domain.text_safety import json_safe
from antt_domain.validation._catalogue import CATALOGUE, make_finding
from antt_domain.validation._findings import Finding
from antt_domain.validation._formats import RenderOptions, _flat_json, render_json, report_json
from antt_domain.validation._locate import locate_findings, locate_in_line
from antt_domain.validation._schema_findings import (
    SchemaProblem,
    _close_match,
    _word,
    schema_problems,
)

ROOT = Path(__file__).resolve().parents[3]


def _records(version: SchemaVersion) -> list[dict[str, Any]]:
    if version == "1":
        fixture = ROOT / "tests" / "fixtures" / "validation" / "rules.json"
        records: list[dict[str, Any]] = json.loads(fixture.read_text(encoding="utf-8"))["records"]
        return records
    corpus = sorted((ROOT / "examples" / "corpus").glob("*/dataset.json"))[:2]
    return [r for path in corpus for r in json.loads(path.read_text(encoding="utf-8"))["records"]]


def _spoiled(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The record, then spoiled: a member dropped or replaced, unknown members, a bad id."""
    yield record
    yield {**record, "colour": "blue", "id": "bad id"}
    yield {**record, "colours": "blue", "idd": 1, "id": "bad id", "period": []}
    for key in record:
        yield {k: v for k, v in record.items() if k != key}
        replacements: tuple[Any, ...] = (None, -1, 1.5, "x", "", [], {}, True, [{}], {"x": 1})
        for replacement in replacements:
            yield {**record, key: replacement}


def _cases(version: SchemaVersion) -> Iterator[tuple[str, dict[str, Any]]]:
    schemas = RECORD_SCHEMAS if version == "1" else V2_RECORD_SCHEMAS
    for record in _records(version):
        kind = record.get("type")
        if kind in schemas:
            for spoiled in _spoiled(record):
                yield schemas[kind], spoiled


def _reference_problems(errors: list[Any]) -> list[SchemaProblem]:
    """Deduplicated as before: every problem's parameters written as sorted JSON."""
    seen: set[tuple[str, str, str]] = set()
    found = []
    for error in errors:
        for problem in _word(error):
            key = (problem.code, problem.pointer, json.dumps(problem.params, sort_keys=True))
            if key not in seen:
                seen.add(key)
                found.append(problem)
    return found


def _reference_locate(raw: bytes, findings: list[Finding], number: int) -> list[Finding]:
    """Located in the line's text, then each moved to line ``number``."""
    located = locate_findings(raw.decode("utf-8"), findings)
    return [attrs.evolve(f, line=number + (f.line or 1) - 1) for f in located]


@pytest.mark.parametrize("version", ["1", "2"])
def test_problems_and_positions_are_those_of_the_plain_way(version: SchemaVersion) -> None:
    invalid = 0
    for schema, record in _cases(version):
        errors = list(validator_for(schema, version).iter_errors(record))
        problems = list(schema_problems(errors))
        assert problems == _reference_problems(errors), record
        # the explainer (pruned, its ``$ref`` resolved once with jsonschema-rs): the same
        explained = explainer_for(schema, version).iter_errors(record)
        assert list(schema_problems(list(explained))) == problems, record
        invalid += bool(errors)
        findings = [
            make_finding(p.code, p.params, path="x.jsonl", pointer=p.pointer) for p in problems
        ]
        # a finding that already knows its line within the record, one that cannot be located
        findings.append(make_finding("S001", {"property": "a"}, pointer="/nowhere/at/all"))
        findings.append(make_finding("S001", {"property": "b"}, pointer="/id", line=1, column=3))
        raw = json.dumps(record, ensure_ascii=False).encode()
        for number in (1, 7):
            expected = _reference_locate(raw, findings, number)
            assert locate_in_line(raw, findings, number, "x.jsonl") == expected
    assert invalid > 100


def test_a_pretty_printed_record_keeps_its_inner_lines() -> None:
    raw = b'{\n  "id": "a b",\n  "x": 1\n}'
    findings = [make_finding("S002", {"property": "x", "hint": "", "hint_vi": ""}, pointer="/x")]
    (found,) = locate_in_line(raw, findings, 10, "x.jsonl")
    assert (found.line, found.column) == (12, 3)
    assert [found] == _reference_locate(raw, findings, 10)


@settings(max_examples=200, deadline=None)
@given(
    name=st.text(max_size=12),
    known=st.sets(st.sampled_from(["id", "type", "kind", "period", "area", "colour", "ids"])),
)
def test_the_remembered_close_match_is_difflibs(name: str, known: set[str]) -> None:
    matches = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
    expected = matches[0] if matches else None
    assert _close_match(name, known) == expected
    assert _close_match(name, set(known)) == expected  # asked again: the same answer


_SCALARS = st.none() | st.integers() | st.text()


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), _SCALARS | st.floats() | st.booleans() | st.lists(_SCALARS)))
def test_a_finding_is_written_as_json_dumps_writes_it(value: dict[str, Any]) -> None:
    assert _flat_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("version", ["1", "2"])
def test_the_json_report_of_a_broken_file_is_the_documented_shape(
    tmp_path: Path, version: SchemaVersion
) -> None:
    lines = []
    for index, (_schema, record) in enumerate(_cases(version)):
        record = {**record, "id": f"bad id {index}\u2028\x85", "note\u202e": "\x7f"}  # noqa: PLW2901
        lines.append(json.dumps(record, ensure_ascii=False))
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate(path, schema_version=version, gazetteer=None)
    assert len(report.findings) > len(lines)
    options = RenderOptions(lang="vi", catalogue=CATALOGUE)
    expected = json_safe(json.dumps(report_json(report, options), ensure_ascii=False, indent=2))
    assert render_json(report, options) == expected + "\n"
