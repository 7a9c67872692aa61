"""The references records make, listed once per run for the rules that follow them
(D002, D003, D004): for each record, every id it names, where, and the record types the
field takes."""

from __future__ import annotations

import typing
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
)
from antt_domain.validation._rules import Located, RecordSet
from antt_domain.validation.rules._references_v2 import REFERENCES_V2, references_v2

__all__ = ["REFERENCES", "Reference", "pointer", "references", "type_names"]

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


#: A reference a record makes: (the record, field, index in a list or None, id, allowed types);
#: for a 2.0 record the index is the reference's pointer inside the record (see
#: ``_references_v2``).
Reference = tuple[Located, str, int | str | None, str, tuple[type, ...]]

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


def _list(records: RecordSet) -> list[Reference]:
    """Every reference of every record: a loop over the table above for a 1.0 record,
    :func:`references_v2` for a 2.0 one."""
    found: list[Reference] = []
    append = found.append
    for item in records:
        record: Any = item.record
        cls = type(record)
        if cls in REFERENCES_V2:
            for field, where, target, allowed in references_v2(record):
                append((item, field, where, target, allowed))
            continue
        fields, cites = _FIELDS[cls]
        for field, allowed, many in fields:
            value = getattr(record, field)
            if many:
                for index, target in enumerate(value):
                    append((item, field, index, target, allowed))
            elif value is not None:
                append((item, field, None, value, allowed))
        if cites:
            for index, citation in enumerate(record.sources):
                append((item, "sources", index, citation.source, _SOURCE))
    return found


def references(records: RecordSet) -> list[Reference]:
    """Every reference every record makes, a record's together and in input order (derived
    once a run, shared by the rules that need it)."""
    return records.derived(_list)


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
