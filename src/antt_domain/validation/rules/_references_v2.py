"""The references a 2.0 record makes (for D002, D003, D004): every field that holds the id of
another record, read from ``schemas/v2/*.schema.json`` (each ``$ref`` to
``common.schema.json#/$defs/ref`` or ``refs``) and the types each may point at.

A reference is listed as (field, pointer inside the record, id): ``field`` names the place
(``area``, ``actors/organisation``, ``links/to``), the pointer is where the id is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from antt_domain.model import v2

__all__ = ["REFERENCES_V2", "V2_RECORD_CLASSES", "references_v2"]

V2_RECORD_CLASSES: tuple[type, ...] = tuple(v2.RECORD_CLASSES)

_ORG = (v2.Organisation,)
_AREA = (v2.Area,)
_DOC = (v2.Document,)
_EVENT = (v2.Event,)
_MODELS = (v2.ModelType, v2.ModelInstance)
#: What an actor names: an organisation, a person, an area acting as a whole.
_ACTOR = (("organisation", _ORG), ("person", (v2.Person,)), ("area", _AREA))

#: One reference field: (attribute, attribute inside each item or ``None``, allowed types).
_Spec = tuple[str, str | None, tuple[type, ...]]


def _actors(attribute: str = "actors") -> tuple[_Spec, ...]:
    return tuple((attribute, sub, allowed) for sub, allowed in _ACTOR)


#: For each 2.0 record class, its reference fields (sources and actors' sources are added
#: for every class that has them).
REFERENCES_V2: dict[type, tuple[_Spec, ...]] = {
    v2.Area: (("parent", None, _AREA), ("also_within", None, _AREA), ("merged_from", None, _AREA)),
    v2.Organisation: (
        ("area", None, _AREA),
        ("parent", None, _ORG),
        ("created_by", None, _DOC),
        ("roles", "area", _AREA),
        ("roles", "partners", _ORG),
    ),
    v2.Person: (("positions", "organisation", _ORG),),
    v2.Document: (
        ("issuers", None, _ORG),
        ("parties", None, _ORG),
        ("parent", None, _DOC),
        ("attached_to", None, _DOC),
        ("replaces", None, _DOC),
        ("amends", None, _DOC),
    ),
    v2.ModelType: (
        ("defined_by", None, (v2.Organisation, v2.Document)),
        ("area", None, _AREA),
        ("recognised", "by", _ORG),
    ),
    v2.ModelInstance: (
        ("model_type", None, (v2.ModelType,)),
        ("area", None, _AREA),
        ("attached_to", None, (v2.Organisation, v2.Area)),
        ("under", None, _DOC),
        *_actors(),
    ),
    v2.Event: (
        ("area", None, _AREA),
        ("venue", "area", _AREA),
        ("reviews", None, (v2.Document, v2.ModelType, v2.ModelInstance, v2.Plan)),
        ("models", None, _MODELS),
        ("under", None, _DOC),
        *_actors(),
    ),
    v2.Figure: (
        ("area", None, _AREA),
        ("event", None, _EVENT),
        ("models", None, _MODELS),
        ("under", None, _DOC),
        ("links", "to", V2_RECORD_CLASSES),
        *_actors(),
    ),
    v2.Award: (
        ("decision", None, _DOC),
        ("event", None, _EVENT),
        ("under", None, _DOC),
        ("recipients", "organisation", _ORG),
        ("recipients", "person", (v2.Person,)),
        ("recipients", "area", _AREA),
        *_actors("issuers"),
        *_actors("presenters"),
    ),
    v2.Assessment: (
        ("criteria", None, _DOC),
        ("decision", None, _DOC),
        ("area", None, _AREA),
        ("event", None, _EVENT),
        ("results", "members", V2_RECORD_CLASSES),
        *_actors(),
    ),
    v2.Plan: (
        ("area", None, _AREA),
        ("criteria", None, _DOC),
        ("under", None, _DOC),
        ("event", None, _EVENT),
        *_actors(),
    ),
    v2.Source: (("via", None, (v2.Source,)),),
}

_SOURCE = (v2.Source,)

#: A reference: (field, pointer inside the record, id, allowed types).
Reference = tuple[str, str, str, tuple[type, ...]]


def _ids(value: Any, pointer: str) -> Iterator[tuple[str, str]]:
    """``(pointer, id)`` of a field holding an id, a list of ids, or nothing."""
    if isinstance(value, str):
        yield pointer, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield f"{pointer}/{index}", item


def _citations(owner: Any, pointer: str) -> Iterator[Reference]:
    for index, citation in enumerate(getattr(owner, "sources", ())):
        yield "sources", f"{pointer}/sources/{index}/source", citation.source, _SOURCE


def references_v2(record: Any) -> Iterator[Reference]:
    """Every reference the 2.0 ``record`` makes, in field order."""
    for attribute, sub, allowed in REFERENCES_V2.get(type(record), ()):
        value = getattr(record, attribute)
        if value is None:
            continue
        if sub is None:
            for pointer, target in _ids(value, f"/{attribute}"):
                yield attribute, pointer, target, allowed
            continue
        field = f"{attribute}/{sub}"
        items = value if isinstance(value, tuple) else (value,)
        for index, item in enumerate(items):
            base = f"/{attribute}/{index}" if isinstance(value, tuple) else f"/{attribute}"
            for pointer, target in _ids(getattr(item, sub), f"{base}/{sub}"):
                yield field, pointer, target, allowed
    yield from _citations(record, "")
    for attribute in ("actors", "issuers", "presenters"):
        for index, actor in enumerate(getattr(record, attribute, ())):
            if isinstance(actor, v2.Actor):
                yield from _citations(actor, f"/{attribute}/{index}")
