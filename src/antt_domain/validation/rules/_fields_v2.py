"""Where the record rules find things in a 2.0 record: its open codes and its quantities."""

from __future__ import annotations

from typing import Any

from antt_domain.model import v2

__all__ = ["OPEN_CODES_V2", "quantities_v2"]

_SHARED = (("topics", "topics"), ("movements", "movements"))

#: Open codelist fields of each 2.0 record class: (attribute, codelist name). Closed lists
#: are enums, checked by the schema.
OPEN_CODES_V2: dict[type, tuple[tuple[str, str], ...]] = {
    v2.Organisation: (("kind", "organisation_kinds"),),
    v2.Document: (("kind", "document_kinds"), *_SHARED),
    v2.ModelType: (("category", "model_types"), ("family", "model_families")),
    v2.Event: (("kinds", "event_kinds"), ("groups", "target_groups"), *_SHARED),
    v2.Figure: (
        ("kind", "figure_kinds"),
        ("qualifiers", "qualifiers"),
        ("groups", "target_groups"),
        *_SHARED,
    ),
    v2.Award: (("forms", "award_forms"), ("movements", "movements")),
    v2.Assessment: (("scheme", "assessment_schemes"),),
    v2.Plan: (("goal", "plan_goals"), ("qualifiers", "qualifiers"), ("movements", "movements")),
    v2.Source: (("kind", "source_kinds"),),
    v2.ModelInstance: (),
}


def _each(pointer: str, items: tuple[Any, ...]) -> list[tuple[str, v2.Quantity]]:
    return [
        (f"{pointer}/{index}/quantity", item.quantity)
        for index, item in enumerate(items)
        if item.quantity is not None
    ]


def quantities_v2(record: Any) -> list[tuple[str, v2.Quantity]]:
    """``(pointer, quantity)`` of every quantity of a 2.0 record."""
    found: list[tuple[str, v2.Quantity]] = []

    def add(pointer: str, quantity: v2.Quantity | None) -> None:
        if quantity is not None:
            found.append((pointer, quantity))

    if isinstance(record, v2.Figure):
        add("/quantity", record.quantity)
        add("/participants", record.participants)
    elif isinstance(record, v2.Award):
        add("/total", record.total)
        add("/quantity", record.quantity)
        found += _each("/recipients", record.recipients)
    elif isinstance(record, v2.Assessment):
        found += _each("/totals", record.totals)
        found += _each("/results", record.results)
    elif isinstance(record, v2.Plan):
        if record.target is not None:
            add("/target/quantity", record.target.quantity)
        add("/phase_count", record.phase_count)
    elif isinstance(record, v2.Document):
        found += _each("/provisions", record.provisions)
    return found
