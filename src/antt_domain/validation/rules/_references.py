"""The references records make, for the rules that follow them (D002, D003, D004): for each
record, every id it names, where, and the record types the field takes.

:func:`record_references` lists the references of ONE record (1.0 or 2.0): what a rule
written as facts calls from its ``facts()``; :func:`reference_facts` gives them as compact
plain values (the types a field takes as a number, :func:`allowed_types` turns it back), and
:func:`type_code` a record's type as a number (:data:`RECORD_TYPES`)."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

import attrs

from antt_domain.model import (
    Activity,
    Agreement,
    Area,
    ModelInstance,
    ModelType,
    Organisation,
    Outcome,
    Source,
    v2,
)
from antt_domain.validation.rules._references_v2 import (
    REFERENCES_V2,
    V2_RECORD_CLASSES,
    references_v2,
)

__all__ = [
    "RECORD_TYPES",
    "REFERENCES",
    "OneReference",
    "ReferenceFact",
    "allowed_code",
    "allowed_types",
    "pointer",
    "record_references",
    "reference_facts",
    "type_code",
    "type_names",
]

_FIGURE_REFS: tuple[tuple[str, tuple[type, ...]], ...] = (
    ("organiser", (Organisation,)),
    ("partners", (Organisation,)),
    ("area", (Area,)),
    ("agreements", (Agreement,)),
    ("models", (ModelType, ModelInstance)),
)

#: For each record type, its reference fields and the record types they may point at.
#: ``part_of`` (breakdowns) must point at a record of the same type, checked by D008.
REFERENCES: dict[type, tuple[tuple[str, tuple[type, ...]], ...]] = {
    Area: (("parent", (Area,)),),
    Organisation: (("area", (Area,)), ("parent", (Organisation,))),
    Agreement: (("parties", (Organisation,)), ("parent", (Agreement,))),
    ModelType: (("defined_by", (Organisation,)), ("area", (Area,))),
    ModelInstance: (
        ("model_type", (ModelType,)),
        ("area", (Area,)),
        ("organiser", (Organisation,)),
        ("partners", (Organisation,)),
        ("agreements", (Agreement,)),
    ),
    Activity: (*_FIGURE_REFS, ("part_of", (Activity,))),
    Outcome: (*_FIGURE_REFS, ("part_of", (Outcome,))),
    Source: (),
}


_SOURCE = (Source,)


def _fields(cls: type) -> tuple[tuple[str, tuple[type, ...], bool], ...]:
    """``REFERENCES[cls]``, each field with whether it holds a tuple of ids."""
    attrs.resolve_types(cls)
    fields = attrs.fields_dict(cls)
    return tuple(
        (field, allowed, typing.get_origin(fields[field].type) is tuple)
        for field, allowed in REFERENCES[cls]
    )


#: For each 1.0 record type: its reference fields (name, types taken, holds many), and
#: whether it cites sources.
_FIELDS = {cls: (_fields(cls), "sources" in attrs.fields_dict(cls)) for cls in REFERENCES}


#: A reference ONE record makes: (field, index in a list or None, id, allowed types); for a
#: 2.0 record the index is the reference's pointer inside the record.
OneReference = tuple[str, int | str | None, str, tuple[type, ...]]
#: The same as plain values: the allowed types as their number (:func:`allowed_types`).
ReferenceFact = tuple[str, int | str | None, str, int]


def record_references(record: Any) -> Iterator[OneReference]:
    """Every reference ``record`` (1.0 or 2.0) makes, in field order: a loop over the table
    above for a 1.0 record, :func:`references_v2` for a 2.0 one."""
    cls = type(record)
    if cls in REFERENCES_V2:
        for field, where, target, allowed in references_v2(record):
            yield field, where, target, allowed
        return
    fields, cites = _FIELDS[cls]
    for field, allowed, many in fields:
        value = getattr(record, field)
        if many:
            for index, target in enumerate(value):
                yield field, index, target, allowed
        elif value is not None:
            yield field, None, value, allowed
    if cites:
        for index, citation in enumerate(record.sources):
            yield "sources", index, citation.source, _SOURCE


#: Every record class, 1.0 then 2.0: a record's type travels in facts as its place here.
RECORD_TYPES: tuple[type, ...] = (*REFERENCES, *V2_RECORD_CLASSES)
_TYPE_CODES = {cls: number for number, cls in enumerate(RECORD_TYPES)}


def type_code(record: Any) -> int:
    """The number of ``record``'s type in :data:`RECORD_TYPES`."""
    return _TYPE_CODES[type(record)]


def _allowed_table() -> tuple[tuple[type, ...], ...]:
    """Every tuple of types a reference field takes (1.0, 2.0, sources), in a fixed order."""
    found: dict[tuple[type, ...], None] = {}
    for specs in REFERENCES.values():
        found.update((allowed, None) for _, allowed in specs)
    for specs_v2 in REFERENCES_V2.values():
        found.update((allowed, None) for _, _, allowed in specs_v2)
    for cls in (Area, Organisation, Source, v2.Area, v2.Organisation, v2.Source):
        found[(cls,)] = None  # sources, and what a dataset document's metadata names
    return tuple(found)


_ALLOWED = _allowed_table()
_ALLOWED_CODES = {allowed: code for code, allowed in enumerate(_ALLOWED)}


def allowed_code(allowed: tuple[type, ...]) -> int:
    """The number of a tuple of types a reference field takes (the same in every process)."""
    return _ALLOWED_CODES[allowed]


def allowed_types(code: int) -> tuple[type, ...]:
    """The tuple of types numbered ``code`` by :func:`allowed_code`."""
    return _ALLOWED[code]


def reference_facts(record: Any) -> tuple[ReferenceFact, ...]:
    """:func:`record_references` of ``record`` as plain values (the allowed types numbered):
    the same references in the same order, read for a 2.0 record by one flat loop (this runs
    for every record of a run)."""
    specs = _V2_SPECS.get(type(record))
    if specs is not None:
        return _facts_v2(record, specs)
    codes = _ALLOWED_CODES
    return tuple(
        (field, index, target, codes[allowed])
        for field, index, target, allowed in record_references(record)
    )


#: One 2.0 reference field, ready for :func:`_facts_v2`: (attribute, attribute inside each
#: item or None, field name, pointer of the attribute, number of the types it takes).
_SpecV2 = tuple[str, str | None, str, str, int]


def _compile_v2(cls: type) -> tuple[_SpecV2, ...]:
    return tuple(
        (
            attribute,
            sub,
            attribute if sub is None else f"{attribute}/{sub}",
            f"/{attribute}",
            _ALLOWED_CODES[allowed],
        )
        for attribute, sub, allowed in REFERENCES_V2[cls]
    )


_V2_SPECS = {cls: _compile_v2(cls) for cls in REFERENCES_V2}
_SOURCE_V2 = _ALLOWED_CODES[(v2.Source,)]


def _ids_at(found: list[ReferenceFact], field: str, where: str, value: Any, code: int) -> None:
    """Add the id (or each id of a tuple) ``value`` holds at ``where``; as ``_ids`` of
    :mod:`._references_v2`."""
    if isinstance(value, str):
        found.append((field, where, value, code))
    elif isinstance(value, tuple):
        for index, target in enumerate(value):
            if isinstance(target, str):
                found.append((field, f"{where}/{index}", target, code))


def _facts_v2(record: Any, specs: tuple[_SpecV2, ...]) -> tuple[ReferenceFact, ...]:
    """:func:`references_v2` of ``record`` as facts, in one loop (no nested generators)."""
    found: list[ReferenceFact] = []
    for attribute, sub, field, base, code in specs:
        value = getattr(record, attribute)
        if value is None:
            continue
        if sub is None:
            _ids_at(found, attribute, base, value, code)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                _ids_at(found, field, f"{base}/{index}/{sub}", getattr(item, sub), code)
        else:
            _ids_at(found, field, f"{base}/{sub}", getattr(value, sub), code)
    for index, citation in enumerate(getattr(record, "sources", ())):
        found.append(("sources", f"/sources/{index}/source", citation.source, _SOURCE_V2))
    for attribute in ("actors", "issuers", "presenters"):
        for index, actor in enumerate(getattr(record, attribute, ())):
            if isinstance(actor, v2.Actor):
                for number, citation in enumerate(actor.sources):
                    where = f"/{attribute}/{index}/sources/{number}/source"
                    found.append(("sources", where, citation.source, _SOURCE_V2))
    return tuple(found)


def pointer(field: str, index: int | str | None) -> str:
    """Where a reference is, inside its record."""
    if isinstance(index, str):
        return index  # a 2.0 reference: its pointer
    if field == "sources":
        return f"/sources/{index}/source"
    return f"/{field}" if index is None else f"/{field}/{index}"


def type_names(types: tuple[type, ...]) -> str:
    """``"organisation or area"``: the types a reference may point at, by name."""
    return " or ".join(t.TYPE for t in types)  # type: ignore[attr-defined]
