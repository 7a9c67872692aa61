"""The accelerators (orjson, jsonschema-rs) change speed, never results.

Differential tests: over generated valid and mutated inputs, the fast path and the pure path
give the same parsed values (to the type), the same errors, and the same schema verdicts.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from antt_domain._accel import accelerator
from antt_domain.io import JSONReadError, decode_text, parse_json, parse_json_bytes
from antt_domain.schemas import RECORD_SCHEMAS, explainer_for, fast_check, validator_for
from antt_domain.validation._schema_findings import schema_problems

from .schema_tools import bundled

pytestmark = pytest.mark.skipif(
    accelerator("orjson") is None or accelerator("jsonschema_rs") is None,
    reason="the accelerators are not installed here (the pure path is the only path)",
)

ROOT = Path(__file__).resolve().parents[2]


def _typed(value: Any) -> Any:
    """A value with every number tagged by its type (1 and 1.0 must not compare equal)."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if isinstance(value, float):
        return ("float", value if not math.isnan(value) else "nan", math.copysign(1, value))
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return ("int", value)
    return value


def _outcome(parse: Any, data: bytes) -> Any:
    try:
        return ("ok", _typed(parse(data)))
    except JSONReadError as exc:
        return ("error", exc.code, exc.line, exc.column, exc.reason)


def _pure(data: bytes) -> Any:
    return parse_json(decode_text(data, source="<bytes>"), source="<bytes>")


def _fast(data: bytes) -> Any:
    return parse_json_bytes(data, source="<bytes>")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


#: Text inside a JSON string: lone surrogate escapes (refused), pairs and look-alikes (read).
_SURROGATE_TEXTS = [
    b"\\ud800",
    b"\\uDFFF",
    b"a\\udc00b",
    b"\\ud800\\ud800\\udc00",
    b"\\ud83d\\ude00",
    b"\\uD83D\\uDE00x",
    b"\\\\ud800",
    b"\\\\\\ud800",
    b"\\u00e9\\ud7ff\\ue000",
    b'", "k\\udbff": "',
]


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """JSON texts written in varied ways, then sometimes broken on purpose."""
    value = draw(json_values)
    text = json.dumps(
        value,
        ensure_ascii=draw(st.booleans()),
        indent=draw(st.sampled_from([None, 0, 2])),
        separators=draw(st.sampled_from([None, (",", ":"), (", ", " : ")])),
    )
    data = text.encode()
    mutation = draw(
        st.sampled_from(
            ["none", "duplicate", "nan", "truncate", "bom", "bigint", "quote", "surrogate"]
        )
    )
    if mutation == "duplicate" and data.startswith(b"{") and len(data) > 2:
        data = b'{"dup": 1, "dup": 2, ' + data[1:] if data != b"{}" else b'{"a": 1, "a": 1}'
    elif mutation == "nan":
        data = data.replace(b"0", b"NaN", 1)
    elif mutation == "truncate" and len(data) > 1:
        data = data[: draw(st.integers(min_value=0, max_value=len(data) - 1))]
    elif mutation == "bom":
        data = b"\xef\xbb\xbf" + data
    elif mutation == "bigint":
        data = b'{"big": 123456789012345678901234567890, "v": ' + data + b"}"
    elif mutation == "quote":
        data = b'{"a\\u0022": "\\u0022:", "a\\"": 1, "v": ' + data + b"}"
    elif mutation == "surrogate":  # lone, paired, escaped-backslash and key surrogates
        escape = draw(st.sampled_from(_SURROGATE_TEXTS))
        data = b'{"s": "' + escape + b'", "v": ' + data + b"}"
    return data


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_fast_and_pure_parsing_agree(data: bytes) -> None:
    """Same value (numbers keep their type) or the same error, with or without orjson."""
    assert _outcome(_fast, data) == _outcome(_pure, data)


@pytest.mark.parametrize(
    "data",
    [
        b'{"a": 1, "a": 2}',
        b'{"a" : 1, "a" : 2}',
        b'{"a" : 1,\n "a"\t: 2}',
        b'{"k": "x", "k": "\\u003a"}',
        b'{"k": "x", "k": "\\u003A"}',
        b'{"a:b": 1, "a:b": 2}',
        b'{"a\\u0022": "\\u0022:", "a\\"": 1}',
        b'{"x": {"k": 1, "k": 1}}',
        b'[{"id": "a"}, {"id": "b", "id": "c"}]',
        b'{"n": 18446744073709551616}',
        b'{"n": -9223372036854775809}',
        b'{"n": 1e400}',
        b'{"s": "\\ud800"}',
        b'{"s": "\\udc00"}',
        b'{"s": "\\ud83d\\ude00", "t": "\\ud83d"}',
        b'{"k\\ud800": 1}',
        b'["\\\\ud800", "\\ud800"]',
        b"[" * 65 + b"]" * 65,
        b"[" * 2000 + b"]" * 2000,
        b'{"a": NaN}',
        b"",
        b'\xef\xbb\xbf{"a": 1}',
    ],
)
def test_known_differences_of_orjson_are_covered(data: bytes) -> None:
    """Duplicate keys, big integers, lone surrogates, depth: the fast path defers or agrees."""
    assert _outcome(_fast, data) == _outcome(_pure, data)


def _mutations(document: dict[str, Any]) -> list[Any]:
    mutated: list[Any] = [document]
    for key in list(document):
        mutated.append({k: v for k, v in document.items() if k != key})
        replacement: object
        for replacement in (None, 1, 1.0, "x", "", "act-1\n", "\u0661\u0662\u0663", [], {}, True):
            mutated.append({**document, key: replacement})
    mutated.append({**document, "unexpected": 1})
    return mutated


@pytest.mark.parametrize("record_type", sorted(RECORD_SCHEMAS))
def test_compiled_and_reference_validators_agree(record_type: str) -> None:
    """jsonschema-rs and jsonschema give the same verdict on valid and mutated records, and
    the pruned explainer the same findings as the reference validator."""
    schema = RECORD_SCHEMAS[record_type]
    fast = fast_check(schema)
    assert fast is not None
    reference = validator_for(schema)
    explainer = explainer_for(schema)
    assert explainer is not reference
    seen = {"valid": 0, "invalid": 0}

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(from_schema(bundled(schema)))
    def check(document: dict[str, Any]) -> None:
        assume(isinstance(document, dict))
        for candidate in _mutations(document):
            verdict = reference.is_valid(candidate)
            assert fast(candidate) == verdict, candidate
            seen["valid" if verdict else "invalid"] += 1
            # The explaining validator skips members jsonschema-rs finds valid: same findings.
            expected = list(schema_problems(list(reference.iter_errors(candidate))))
            assert list(schema_problems(list(explainer.iter_errors(candidate)))) == expected

    check()
    assert seen["valid"] > 0
    assert seen["invalid"] > 0


def test_pure_path_gives_the_same_findings(tmp_path: Path) -> None:
    """ANTT_NO_ACCELERATORS=1 forces the pure path: the JSON report is identical."""
    fixture = ROOT / "tests" / "fixtures" / "validation" / "rules.json"
    jsonl = tmp_path / "records.jsonl"
    records = json.loads(fixture.read_text(encoding="utf-8"))["records"]
    jsonl.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + '\n{"id": 1}\n{bad\n',
        encoding="utf-8",
    )
    antt = str(Path(sys.executable).parent / "antt")
    reports = []
    for flag in ("0", "1"):
        env = {**os.environ, "ANTT_NO_ACCELERATORS": flag}
        result = subprocess.run(
            [antt, "validate", "--format", "json", str(fixture), str(jsonl)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        reports.append(json.loads(result.stdout))
    assert reports[0] == reports[1]
    assert len(reports[0]["findings"]) > 30


def test_the_fast_path_is_taken_for_ordinary_documents() -> None:
    """Ordinary records are parsed by orjson; duplicates and big numbers are deferred."""
    from antt_domain.io._strict_json import _SLOW, _fast_parse  # noqa: PLC0415 - private, for this test

    record = json.dumps({"id": "a", "type": "activity", "kind": "Tuyên truyền", "n": 1838}).encode()
    assert _fast_parse(record, 64) == json.loads(record)
    assert _fast_parse(b'{"a": 1, "a": 2}', 64) is _SLOW
    assert _fast_parse(b'{"a": 18446744073709551616}', 64) is _SLOW
    assert _fast_parse(b"[" * 65 + b"]" * 65, 64) is _SLOW


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"s": "\\ud83d\\ude00"}', ("ok", {"s": "\U0001f600"})),
        (b'{"s": "\\\\ud800"}', ("ok", {"s": "\\ud800"})),
        (b'{"s": "\\ud800"}', ("error", "unicode", 1, 8)),
        (b'{"s": "\\ud83d\\ude00\\ude00"}', ("error", "unicode", 1, 20)),
    ],
)
def test_surrogates_read_the_same_with_and_without_orjson(
    data: bytes, expected: tuple[Any, ...]
) -> None:
    """A pair is one character on both paths; a lone surrogate is the same located error."""
    fast, pure = _outcome(_fast, data), _outcome(_pure, data)
    assert fast == pure
    assert fast[: len(expected)] == expected
