"""The jsonschema-rs fast path on 2.0 records changes speed, never results.

Differential tests, as for 1.0 in ``test_accelerators``: the compiled check gives the verdict of
the reference ``jsonschema`` validator, the pruned explainer its exact errors, and a run of
:func:`~antt_domain.validation.validate` the same findings as the pure path -- on every corpus
dataset and on corpus records broken by hypothesis (a member dropped, replaced or added, at
any depth).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antt_domain._accel import accelerator
from antt_domain.schemas import V2_RECORD_SCHEMAS, explainer_for, fast_check, validator_for
from antt_domain.validation import Finding, _versions, validate, validate_bytes
from antt_domain.validation._schema_findings import schema_problems

pytestmark = pytest.mark.skipif(
    accelerator("jsonschema_rs") is None,
    reason="jsonschema-rs is not installed here (the pure path is the only path)",
)

ROOT = Path(__file__).resolve().parents[2]
DATASETS = [
    *sorted((ROOT / "examples" / "corpus").glob("R*/dataset.json")),
    ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json",
]

#: What a member is replaced with: wrong types, empty values, bad dates and codes, junk ids.
_REPLACEMENTS: list[Any] = [
    None,
    1,
    -1,
    1.5,
    "x",
    "",
    " padded ",
    "act-1\n",
    "2021-02-30",
    "2021-13",
    "\u0661\u0662\u0663",
    [],
    {},
    True,
    {"kind": "unstated"},
]


@cache
def _corpus_records() -> tuple[str, ...]:
    """Every record of the 2.0 corpus, as JSON text (parsed afresh for each use)."""
    found = []
    for path in DATASETS:
        for record in json.loads(path.read_text(encoding="utf-8"))["records"]:
            found.append(json.dumps(record, ensure_ascii=False))
    return tuple(found)


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every member and item inside ``value``, depth first."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key)
            yield from _places(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield (*path, index)
            yield from _places(child, (*path, index))


@st.composite
def broken_records(draw: st.DrawFn) -> Any:
    """A corpus record with one to three members dropped, replaced or added, at any depth."""
    record = json.loads(draw(st.sampled_from(_corpus_records())))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        places = list(_places(record))
        if not places:
            break
        *parent_path, last = draw(st.sampled_from(places))
        parent = record
        for step in parent_path:
            parent = parent[step]
        action = draw(st.sampled_from(["drop", "replace", "add"]))
        if action == "drop":
            del parent[last]
        elif action == "replace":
            parent[last] = copy.deepcopy(draw(st.sampled_from(_REPLACEMENTS)))
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["unexpected", "x-note", "kind", "id"]))] = draw(
                st.sampled_from(_REPLACEMENTS[:6])
            )
    return record


def _schema_of(record: Any) -> str:
    kind = record.get("type") if isinstance(record, dict) else None
    return V2_RECORD_SCHEMAS.get(kind, "figure") if isinstance(kind, str) else "figure"


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(broken_records())
def test_compiled_and_reference_validators_agree_on_broken_records(record: Any) -> None:
    """Same verdict from jsonschema-rs and jsonschema, same errors from the pruned explainer."""
    schema = _schema_of(record)
    fast = fast_check(schema, "2")
    assert fast is not None
    reference = validator_for(schema, "2")
    verdict = reference.is_valid(record)
    assert fast(record) == verdict
    expected = list(schema_problems(list(reference.iter_errors(record))))
    assert list(schema_problems(list(explainer_for(schema, "2").iter_errors(record)))) == expected


def test_the_broken_records_are_mostly_invalid_and_the_corpus_valid() -> None:
    """The differential test above compares real verdicts of both kinds."""
    verdicts = {True: 0, False: 0}

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(broken_records())
    def count(record: Any) -> None:
        verdicts[validator_for(_schema_of(record), "2").is_valid(record)] += 1

    count()
    assert verdicts[False] > 100
    assert verdicts[True] > 0
    for text in _corpus_records():
        record = json.loads(text)
        check = fast_check(_schema_of(record), "2")
        assert check is not None
        assert check(record)


def _pure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation on the pure path for 2.0: no compiled check, the reference explainer."""
    pure = attrs.evolve(
        _versions.profile("2"),
        fast=lambda _name: None,
        explainer=lambda name: validator_for(name, "2"),
    )
    monkeypatch.setattr(_versions, "_V2", pure)


def _keys(findings: list[Finding]) -> list[tuple[Any, ...]]:
    return [
        (
            f.code,
            f.severity,
            f.path,
            f.line,
            f.column,
            f.pointer,
            f.record_id,
            f.message_en,
            f.message_vi,
        )
        for f in findings
    ]


@pytest.mark.parametrize("path", DATASETS, ids=lambda p: p.parent.name)
def test_each_corpus_dataset_gives_the_same_findings_on_both_paths(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _keys(validate(path).findings)
    _pure(monkeypatch)
    assert _keys(validate(path).findings) == fast


def test_broken_jsonl_gives_the_same_findings_on_both_paths(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One JSONL file of corpus records, every third one broken: same findings, line by line."""
    lines = []

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(broken_records())
    def collect(record: Any) -> None:
        lines.append(json.dumps(record, ensure_ascii=False))

    collect()
    records = list(_corpus_records())
    data = "\n".join(
        line for pair in zip(records[: len(lines) * 2 : 2], lines, strict=False) for line in pair
    )
    encoded = data.encode()
    fast = _keys(validate_bytes(encoded, format="jsonl", schema_version="2").findings)
    _pure(monkeypatch)
    pure = _keys(validate_bytes(encoded, format="jsonl", schema_version="2").findings)
    assert pure == fast
    assert sum(1 for key in fast if key[0].startswith("S")) > 50
