"""The Schema 2.0 workbook's layout, derived from ``schemas/v2`` and the 2.0 codelists.

The same rules as 1.0 (:mod:`._layout`), applied to the 2.0 schemas:

* an object of fixed shape is spread over dotted columns: ``quantity.value``,
  ``quantity.precision``, ``quantity.unit``, ``venue.as_written``, ``publisher.name``;
* a period is one group whatever its kind: ``period.kind`` and the members of every kind
  (``start``, ``end``, ``date``, ``frequency``, ``length.value`` …, ``as_written``,
  ``inferred``, ``basis``); a composite period's ``parts`` is a JSON cell;
* a list of ids, codes or texts is one cell joined with ``;``; citations are
  ``source``, ``source (locator)``, ``source [part]`` or ``source [part] (locator)``;
* a list of other objects (actors, links, recipients, positions …) and ``extensions`` are
  JSON cells; a true/false member is a boolean cell;
* the dataset's ``vocabulary``: its namespace is a row of the metadata sheet, its codes the
  rows of the sheet ``Danh mục mã bổ sung`` / ``Vocabulary`` (their labels then appear in the
  dropdowns of their codelist).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from antt_domain.model.v2 import SCHEMA_VERSION
from antt_domain.schemas import codelists, load_schema

from antt_domain_xlsx._layout import Column, Kind, Layout, Sheet

__all__ = ["RECORD_ORDER", "layout_v2"]

#: The record sheets, in the workbook's order: the facts first, then what they refer to.
RECORD_ORDER = (
    ("figure", "figure"),
    ("event", "event"),
    ("award", "award"),
    ("assessment", "assessment"),
    ("plan", "plan"),
    ("document", "document"),
    ("person", "person"),
    ("organisation", "organisation"),
    ("area", "area"),
    ("model_type", "model-type"),
    ("model_instance", "model-instance"),
    ("source", "source"),
)

_LIST_ITEMS: dict[str, Kind] = {"ref": "refs", "id": "refs", "code": "codes", "text": "texts"}
_PERIOD_KINDS = ("interval", "as_of", "open", "recurring", "duration", "composite", "unstated")


@functools.cache
def _common() -> dict[str, Any]:
    defs: dict[str, Any] = load_schema("common", version="2")["$defs"]
    return defs


def _resolve(prop: dict[str, Any], local: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """``prop`` with its ``$ref`` (or first ``allOf`` ``$ref``) merged in, and the name of
    the definition it refers to (``""`` when none)."""
    ref = prop.get("$ref")
    if ref is None:
        first = next((p for p in prop.get("allOf", ()) if "$ref" in p), None)
        ref = first["$ref"] if first is not None else None
    if ref is None:
        return prop, ""
    tail = str(ref).rsplit("/", 1)[-1]
    defs = local if str(ref).startswith("#") and tail in local else _common()
    target, _ = _resolve(defs.get(tail, {}), local)
    merged = {**target, **{k: v for k, v in prop.items() if k not in ("$ref", "allOf")}}
    return merged, tail


def _period() -> dict[str, Any]:
    """The members of every period kind, ``kind`` first and ``as_written`` … last."""
    merged: dict[str, Any] = {"kind": _common()["period"]["properties"]["kind"]}
    for kind in _PERIOD_KINDS:
        for name, prop in _common()[kind]["properties"].items():
            if name != "kind":
                merged.setdefault(name, prop)
    for name in ("as_written", "inferred", "basis"):
        merged[name] = merged.pop(name)
    return merged


def _list_kind(prop: dict[str, Any], tail: str, local: dict[str, Any]) -> tuple[Kind, str | None]:
    """The kind (and codelist) of an array: a joined list, citations, or a JSON cell."""
    if tail == "citations":
        return "citations", None
    items, item_tail = _resolve(prop.get("items", {}), local)
    codelist = prop.get("x-codelist") or items.get("x-codelist")
    if codelist is not None:
        return "codes", codelist
    if item_tail in _LIST_ITEMS:
        return _LIST_ITEMS[item_tail], None
    return "json", None


def _scalar_kind(prop: dict[str, Any], tail: str) -> Kind:
    kind: Kind = "text"
    if "x-codelist" in prop:
        kind = "code"
    elif tail == "date":
        kind = "date"
    elif prop.get("type") in ("number", "integer"):
        kind = "number"
    elif prop.get("type") == "boolean":
        kind = "boolean"
    elif tail in ("ref", "id"):
        kind = "ref"
    return kind


def _expand(  # noqa: PLR0917 - a private recursive helper
    properties: dict[str, Any],
    required: set[str],
    prefix: tuple[str, ...],
    parent: tuple[str, str] | None,
    group_required: bool,  # noqa: FBT001 - a private recursive helper
    local: dict[str, Any],
) -> Iterator[Column]:
    for name, raw in properties.items():
        prop, tail = _resolve(raw, local)
        path = (*prefix, name)
        title_en = prop.get("title") or name.replace("_", " ").capitalize()
        title_vi = prop.get("x-title-vi")
        if title_vi is None and "x-codelist" in prop:
            listed = codelists("2").get(prop["x-codelist"])
            title_vi = listed.title_vi if listed is not None else None
        title_vi = title_vi or title_en
        if parent is not None:
            title_en, title_vi = f"{parent[0]}: {title_en}", f"{parent[1]}: {title_vi}"
        titles = (title_en, title_vi)
        if tail == "period":
            yield from _expand(_period(), {"kind"}, path, titles, name in required, local)
            continue
        if prop.get("type") == "object" and "properties" in prop:
            inner = set(prop.get("required", ()))
            yield from _expand(prop["properties"], inner, path, titles, name in required, local)
            continue
        codelist = prop.get("x-codelist")
        if tail == "extensions" or prop.get("type") == "object":
            kind: Kind = "json"
        elif prop.get("type") == "array" or tail in ("refs", "codes", "texts", "citations"):
            kind, codelist = _list_kind(prop, tail, local)
        else:
            kind = _scalar_kind(prop, tail)
        yield Column(
            key=".".join(path),
            title_en=title_en,
            title_vi=title_vi,
            kind=kind,
            codelist=codelist,
            required=name in required,
            group_required=group_required if prefix else True,
            description=prop.get("description"),
        )


def _record_sheet(record_type: str, name: str) -> Sheet:
    schema = load_schema(name, version="2")
    properties = dict(schema["properties"])
    properties.pop("type", None)
    required = set(schema.get("required", ())) - {"type"}
    local = schema.get("$defs", {})
    return Sheet(
        type=record_type,
        title_en=schema["title"],
        title_vi=schema["x-title-vi"],
        columns=tuple(_expand(properties, required, (), None, group_required=True, local=local)),
    )


def _metadata() -> tuple[Column, ...]:
    """The metadata rows: the dataset's properties but ``records`` and the vocabulary's
    codes (its namespace stays)."""
    schema = load_schema("dataset", version="2")
    properties = dict(schema["properties"])
    for name in ("type", "records", "vocabulary"):
        properties.pop(name, None)
    namespace = dict(_common()["vocabulary"]["properties"]["namespace"])
    namespace["title"] = "Vocabulary: namespace"
    namespace["x-title-vi"] = "Danh mục mã bổ sung: không gian tên"
    properties["vocabulary_namespace"] = namespace
    required = set(schema["required"]) - {"type", "records"}
    columns = _expand(properties, required, (), None, group_required=True, local={})
    return tuple(
        Column(
            key="vocabulary.namespace",
            title_en=c.title_en,
            title_vi=c.title_vi,
            kind="ref",
            description=c.description,
        )
        if c.key == "vocabulary_namespace"
        else c
        for c in columns
    )


def _vocabulary() -> Sheet:
    """The vocabulary sheet: one declared code a row."""
    code = _common()["vocabulary_code"]
    columns = tuple(
        _expand(code["properties"], set(code["required"]), (), None, group_required=True, local={})
    )
    return Sheet(
        type="vocabulary",
        title_en="Vocabulary",
        title_vi="Danh mục mã bổ sung",
        columns=tuple(
            Column(
                key=c.key,
                title_en=c.title_en,
                title_vi=c.title_vi,
                kind="ref" if c.key in ("code", "codelist", "broader") else c.kind,
                codelist=None if c.key == "codelist" else c.codelist,
                required=c.required,
                group_required=c.group_required,
                description=c.description,
            )
            for c in columns
        ),
    )


@functools.cache
def layout_v2() -> Layout:
    """The 2.0 workbook's layout."""
    return Layout(
        version="2",
        schema_version=SCHEMA_VERSION,
        sheets=tuple(_record_sheet(t, n) for t, n in RECORD_ORDER),
        metadata=_metadata(),
        lists=codelists("2"),
        vocabulary=_vocabulary(),
    )
