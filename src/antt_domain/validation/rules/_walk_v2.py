"""What the 2.0 rules read from a record: its codes (with their codelist), its quantities and
its periods, each with a JSON pointer; the values a quantity may stand for; the links between
figures (the dates a period spans are in ``_spans``). Pure functions on
:mod:`antt_domain.model.v2` values; no rule lives here.

:func:`figure_edges` reads the links of ONE figure as plain values, for rules across records
that keep facts (:class:`~antt_domain.validation.FactLifecycle`)."""

from __future__ import annotations

import math
import typing
from collections.abc import Collection, Iterator, Mapping
from typing import Any

import attrs

from antt_domain.model import Codelist
from antt_domain.model.v2 import (
    PERIOD_CLASSES,
    Actor,
    Anniversary,
    Assessment,
    AssessmentResult,
    AssessmentTotal,
    Award,
    Citation,
    Dataset,
    Document,
    Event,
    Figure,
    Link,
    LinkRelation,
    ModelType,
    Organisation,
    OrganisationRole,
    PartialDate,
    Plan,
    PlanTarget,
    Precision,
    Provision,
    Quantity,
    Source,
)

__all__ = [
    "CODE_FIELDS",
    "FigureEdge",
    "codes_of",
    "dimension_of",
    "figure_edges",
    "periods_of",
    "quantities_of",
    "value_bounds",
    "vocabulary_of",
]

#: For each class, its fields holding codes of an open codelist, and that codelist's name
#: (from the ``x-codelist`` annotations of ``schemas/v2/``).
CODE_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {
    Quantity: (
        ("unit", "units"),
        ("base_unit", "units"),
        ("classifier", "classifiers"),
        ("counted", "counted_things"),
    ),
    Actor: (("role", "roles"), ("group", "target_groups")),
    Assessment: (("scheme", "assessment_schemes"),),
    AssessmentTotal: (("subjects", "units"),),
    AssessmentResult: (("outcome", "assessment_outcomes"), ("subjects", "units")),
    Award: (("forms", "award_forms"), ("movements", "movements")),
    Document: (("kind", "document_kinds"), ("topics", "topics"), ("movements", "movements")),
    Provision: (("topic", "provision_topics"), ("uses", "result_uses")),
    Event: (
        ("kinds", "event_kinds"),
        ("topics", "topics"),
        ("groups", "target_groups"),
        ("movements", "movements"),
    ),
    Anniversary: (("of", "anniversary_subjects"),),
    Figure: (
        ("kind", "figure_kinds"),
        ("qualifiers", "qualifiers"),
        ("groups", "target_groups"),
        ("topics", "topics"),
        ("movements", "movements"),
    ),
    ModelType: (("category", "model_types"), ("family", "model_families")),
    Organisation: (("kind", "organisation_kinds"),),
    OrganisationRole: (("role", "roles"), ("movement", "movements")),
    Plan: (("goal", "plan_goals"), ("qualifiers", "qualifiers"), ("movements", "movements")),
    PlanTarget: (
        ("scheme", "assessment_schemes"),
        ("outcome", "assessment_outcomes"),
        ("kind", "figure_kinds"),
    ),
    Source: (("kind", "source_kinds"),),
}


#: Values that hold no code, quantity or period: never descended into.
_LEAVES: tuple[type, ...] = (Citation, PartialDate, Link)


def _holds_values(hint: Any) -> bool:
    if isinstance(hint, type):
        return attrs.has(hint) and not issubclass(hint, _LEAVES)
    return any(_holds_values(arg) for arg in typing.get_args(hint))


_NESTED: dict[type, tuple[str, ...]] = {}


def _nested_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` whose type may hold values worth descending into (worked out once
    per class: a walk visits only those, which matters at hundreds of thousands of records)."""
    found = _NESTED.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = _NESTED[cls] = tuple(
            field.name
            for field in attrs.fields(cls)
            if field.name != "extensions" and _holds_values(hints[field.name])
        )
    return found


def _children(value: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    """The attrs values directly inside ``value`` (through tuples), with their pointers."""
    for name in _nested_fields(type(value)):
        child = getattr(value, name)
        if isinstance(child, tuple):
            for index, item in enumerate(child):
                if attrs.has(type(item)):
                    yield f"{pointer}/{name}/{index}", item
        elif child is not None:
            yield f"{pointer}/{name}", child


def _values(value: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """``value`` and every attrs value nested in it, depth first, with pointers."""
    yield pointer, value
    for child_pointer, child in _children(value, pointer):
        yield from _values(child, child_pointer)


def codes_of(record: Any) -> Iterator[tuple[str, str, str]]:
    """Every open-codelist code in ``record``: (pointer, codelist, code)."""
    for pointer, value in _values(record):
        for field, codelist in CODE_FIELDS.get(type(value), ()):
            found = getattr(value, field)
            if isinstance(found, str):
                yield f"{pointer}/{field}", codelist, found
            elif isinstance(found, tuple):
                for index, code in enumerate(found):
                    yield f"{pointer}/{field}/{index}", codelist, code


def quantities_of(record: Any) -> Iterator[tuple[str, Quantity]]:
    """Every quantity in ``record`` (a figure's, an award's, an assessment result's ...)."""
    for pointer, value in _values(record):
        if isinstance(value, Quantity):
            yield pointer, value


def periods_of(record: Any) -> Iterator[tuple[str, Any]]:
    """Every period in ``record``, the parts of a composite period included."""
    for pointer, value in _values(record):
        if isinstance(value, PERIOD_CLASSES):
            yield pointer, value


#: How far "about" and "nearly" may be from the printed value, as a share of it.
_ABOUT = 0.2


def value_bounds(quantity: Quantity) -> tuple[float, float, bool, bool] | None:  # noqa: PLR0911 - one return a precision: a table would be built at each call
    """The values ``quantity`` may stand for: (low, high, low included, high included).

    ``None`` for a vague amount (it has no value to compare).
    """
    value = quantity.value
    if value is None:
        return None
    precision = quantity.precision
    if precision is Precision.EXACT:
        return (value, value, True, True)
    if precision is Precision.AT_LEAST:
        return (value, math.inf, True, False)
    if precision is Precision.MORE_THAN:
        return (value, math.inf, False, False)
    if precision is Precision.AT_MOST:
        return (0, value, True, True)
    if precision is Precision.LESS_THAN:
        return (0, value, True, False)
    if precision is Precision.RANGE:
        upper = quantity.upper if quantity.upper is not None else value
        return (value, upper, True, True)
    if precision is Precision.NEARLY:
        return (value * (1 - _ABOUT), value, True, True)
    return (value * (1 - _ABOUT), value * (1 + _ABOUT), True, True)


def vocabulary_of(dataset: Dataset) -> dict[tuple[str, str], Any]:
    """A dataset's declared codes by (codelist, code)."""
    if dataset.vocabulary is None:
        return {}
    return {(code.codelist, code.code): code for code in dataset.vocabulary.codes}


def dimension_of(
    unit: str, codelists: Mapping[str, Codelist], declared: Mapping[tuple[str, str], Any]
) -> str | None:
    """The dimension of ``unit`` (built-in or plugin codelist, then the dataset's vocabulary)."""
    units = codelists.get("units")
    entry = units.get(unit) if units is not None else None
    if entry is not None:
        found = entry.extra.get("dimension")
        return str(found) if found is not None else None
    code = declared.get(("units", unit))
    if code is not None and code.dimension is not None:
        return str(code.dimension.value)
    return None


#: One link of one figure to one target, as plain values: (the link's index, relation code,
#: target id).
FigureEdge = tuple[int, str, str]


def figure_edges(
    figure: Figure, relations: Collection[LinkRelation] | None = None
) -> tuple[FigureEdge, ...]:
    """The links of ``figure`` (only those of ``relations``, if given), one edge per target,
    as plain picklable values: what a rule across records keeps of a figure's links."""
    if not figure.links:
        return ()
    edges: list[FigureEdge] = []
    for index, link in enumerate(figure.links):
        if relations is None or link.rel in relations:
            rel, to = link.rel.value, link.to
            if isinstance(to, str):
                edges.append((index, rel, to))
            else:
                edges.extend((index, rel, target) for target in to)
    return tuple(edges)
