"""One 1.0 record as a 2.0 record: the rows of section 7 of the Schema 2.0 design, on JSON values.

Every function returns new objects (the input is never changed) and keeps the input's key
order, a renamed key taking the place of the old one, so that the output is stable and reads
like the input.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

__all__ = [
    "FIGURE_TYPES",
    "KIND_CHANGES",
    "MODEL_KINDS",
    "unique_citations",
    "upgrade_record",
]

#: 1.0 record types that become a 2.0 ``figure``.
FIGURE_TYPES = ("activity", "outcome")

#: The four 1.0 model kinds: 2.0 ``models`` with this ``lifecycle``.
MODEL_KINDS: Mapping[str, str] = {
    "model_launch": "launched",
    "models_built": "new",
    "model_replication": "replicated",
    "model_consolidation": "consolidated",
}

#: ``other`` of each 1.0 figure record type: its 2.0 code.
KIND_CHANGES: Mapping[str, str] = {"activity": "other_activity", "outcome": "other_outcome"}

#: Simple renames, by 1.0 record type.
_RENAMES: Mapping[str, Mapping[str, str]] = {
    "activity": {"agreements": "under", "target_groups": "groups"},
    "outcome": {"agreements": "under", "target_groups": "groups"},
    "model_instance": {"agreements": "under"},
    "agreement": {"title": "title_as_written"},
    "source": {"publisher": "outlet"},
}

#: The 2.0 record type of each 1.0 type that changes name.
_TYPES: Mapping[str, str] = {"activity": "figure", "outcome": "figure", "agreement": "document"}

#: Record types whose ``organiser`` and ``partners`` become ``actors``.
_WITH_ACTORS = ("activity", "outcome", "model_instance")


def _actors(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """``organiser`` first, then each partner in order, as 2.0 actors."""
    actors: list[dict[str, Any]] = []
    if "organiser" in record:
        actors.append({"role": "organiser", "organisation": record["organiser"]})
    actors.extend({"role": "partner", "organisation": p} for p in record.get("partners", ()))
    return actors


def _figure_kind(old_type: str, kind: Any) -> tuple[Any, list[str] | None]:
    """The 2.0 ``kind`` of a 1.0 activity or outcome, and the ``lifecycle`` it implies."""
    if kind in MODEL_KINDS:
        return "models", [MODEL_KINDS[kind]]
    if kind == "other":
        return KIND_CHANGES[old_type], None
    return kind, None


def unique_citations(citations: Any) -> tuple[Any, list[Any]]:
    """``citations`` without exact repeats (first kept), and the repeats dropped."""
    if not isinstance(citations, list):
        return copy.deepcopy(citations), []
    kept: list[Any] = []
    dropped: list[Any] = []
    for citation in citations:
        (dropped if citation in kept else kept).append(copy.deepcopy(citation))
    return kept, dropped


def upgrade_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """The 2.0 form of one 1.0 ``record`` (already checked against its 1.0 schema); a
    citation repeated in ``sources`` is kept once (see :func:`unique_citations`)."""
    old_type = str(record["type"])
    renames = _RENAMES.get(old_type, {})
    actors = _actors(record) if old_type in _WITH_ACTORS else []
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key == "type":
            out["type"] = _TYPES.get(old_type, old_type)
        elif key == "kind" and old_type in FIGURE_TYPES:
            kind, lifecycle = _figure_kind(old_type, value)
            out["kind"] = kind
            if lifecycle is not None:
                out["lifecycle"] = lifecycle
        elif key in ("organiser", "partners") and old_type in _WITH_ACTORS:
            if "actors" not in out:
                out["actors"] = actors
        elif key == "sources":
            out["sources"] = unique_citations(value)[0]
        elif key == "part_of" and old_type in FIGURE_TYPES:
            out["links"] = [{"rel": "part_of", "to": value}]
        else:
            out[renames.get(key, key)] = copy.deepcopy(value)
    return out
