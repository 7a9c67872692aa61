"""Test helpers: one self-contained schema per record type, in the dialect that
hypothesis-jsonschema reads (it predates Draft 2020-12's dependentRequired/dependentSchemas).

The generated documents are always checked against the real bundled schema afterwards, so a
loss of precision here can only make the tests generate fewer cases, never accept wrong ones.
"""

from __future__ import annotations

from typing import Any

from referencing._core import Resolver

from antt_domain.schemas import load_schema, registry

_ANNOTATIONS = {"title", "description", "x-title-vi", "x-codelist", "$comment", "default"}


def _inline(node: Any, resolver: Resolver[Any]) -> Any:
    if isinstance(node, list):
        return [_inline(item, resolver) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        target = _inline(resolved.contents, resolved.resolver)
        rest = {k: v for k, v in node.items() if k != "$ref" and k not in _ANNOTATIONS}
        return {"allOf": [target, _inline(rest, resolver)]} if rest else target
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _ANNOTATIONS or key in ("$id", "$schema", "$defs"):
            continue
        if key in ("properties", "patternProperties"):
            out[key] = {k: _inline(v, resolver) for k, v in value.items()}
        elif key == "dependentRequired":
            out.setdefault("dependencies", {}).update(value)
        elif key == "dependentSchemas":
            deps = {k: _inline(v, resolver) for k, v in value.items()}
            out.setdefault("dependencies", {}).update(deps)
        else:
            out[key] = _inline(value, resolver)
    return out


def bundled(name: str) -> dict[str, Any]:
    """The schema ``name`` with every $ref inlined (no $defs, no annotations)."""
    schema = load_schema(name)
    resolver = registry().resolver(base_uri=schema["$id"])
    inlined: dict[str, Any] = _inline(schema, resolver)
    return inlined


def strip_defaults(value: Any, schema_default_keys: tuple[str, ...] = ("precision",)) -> Any:
    """``value`` without keys whose value is the schema default (the canonical JSON form)."""
    if isinstance(value, list):
        return [strip_defaults(v) for v in value]
    if isinstance(value, dict):
        return {
            k: strip_defaults(v)
            for k, v in value.items()
            if not (k in schema_default_keys and v == "exact")
        }
    return value
