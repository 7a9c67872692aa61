"""The 2.0 schemas generate instances at all: hypothesis-jsonschema draws 2.0 records and
each is valid against the real bundled schema (a cheap smoke test: no model exists for 2.0
yet, so nothing round-trips)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema
from referencing._core import Resolver

from antt_domain.schemas import V2_RECORD_SCHEMAS, load_schema, registry, validator_for

_ANNOTATIONS = {"title", "description", "x-title-vi", "x-codelist", "$comment", "default"}
# Periods (seven kinds behind if/then, one of them recursive) are too much for
# hypothesis-jsonschema's canonicaliser: every period is drawn as an unstated one here, and
# the unit tests try each period kind. The real schema checks every drawn document.
_LEAF_PERIOD = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind"],
    "properties": {"kind": {"const": "unstated"}},
}


def _inline(node: Any, resolver: Resolver[Any], seen: tuple[str, ...]) -> Any:
    if isinstance(node, list):
        return [_inline(item, resolver, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        key = node["$ref"].rsplit("/", 1)[-1]
        if key == "period":
            target: Any = _LEAF_PERIOD
        else:
            target = _inline(resolved.contents, resolved.resolver, (*seen, key))
        rest = {k: v for k, v in node.items() if k != "$ref" and k not in _ANNOTATIONS}
        return {"allOf": [target, _inline(rest, resolver, seen)]} if rest else target
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _ANNOTATIONS or key in ("$id", "$schema", "$defs"):
            continue
        if key == "properties":
            out[key] = {k: _inline(v, resolver, seen) for k, v in value.items()}
        elif key == "dependentRequired":
            out.setdefault("dependencies", {}).update(value)
        elif key == "dependentSchemas":
            deps = {k: _inline(v, resolver, seen) for k, v in value.items()}
            out.setdefault("dependencies", {}).update(deps)
        else:
            out[key] = _inline(value, resolver, seen)
    return out


def _bundled(name: str) -> dict[str, Any]:
    schema = load_schema(name, "2")
    inlined: dict[str, Any] = _inline(schema, registry().resolver(base_uri=schema["$id"]), ())
    return inlined


SETTINGS = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


# hypothesis-jsonschema needs 15-140 s per 2.0 record type (award and assessment are the
# slowest); the suite keeps the central figure and three small types. The others are covered
# by the valid and invalid instances of tests/unit/test_schemas_v2.py.
SMOKE = ("area", "figure", "person", "source")


@pytest.mark.parametrize("record_type", SMOKE)
def test_generated_v2_records_are_valid(record_type: str) -> None:
    """These 2.0 record types can be generated, and what is generated is valid."""
    assert record_type in V2_RECORD_SCHEMAS
    name = V2_RECORD_SCHEMAS[record_type]
    validator = validator_for(name, "2")
    drawn: list[str] = []

    @SETTINGS
    @given(from_schema(_bundled(name)))
    def check(document: dict[str, Any]) -> None:
        errors = [e.message for e in validator.iter_errors(document)]
        assert errors == [], (document, errors)
        drawn.append(document["id"])

    check()
    assert drawn
