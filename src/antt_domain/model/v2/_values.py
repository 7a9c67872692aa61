"""The 2.0 shared values: quantities, citations, actors, links and the dataset's vocabulary of
extension codes (periods, lengths of time and partial dates are in :mod:`._periods`).

They mirror ``schemas/v2/common.schema.json``. The schema's ``if``/``then`` rules (a vague
amount has a magnitude and no value, a range has an upper bound, ...) are checked on
construction and raise :class:`~antt_domain.model.ModelError`.
"""

from __future__ import annotations

from typing import Any, final

import attrs

from antt_domain.model._checks import (
    as_tuple,
    check_id,
    check_non_negative,
    check_text,
    enum_field,
    fail,
    optional_enum_field,
    optional_id,
    optional_text,
)
from antt_domain.model.v2._checks import (
    CODE_RE,
    NAMESPACE_RE,
    NAMESPACED_CODE_RE,
    check_bool,
    check_code,
    code_list,
    optional_code,
    typed_list,
)
from antt_domain.model.v2._enums import (
    CitationPart,
    FigureClass,
    LinkCertainty,
    LinkRelation,
    Precision,
    UnitDimension,
    VagueMagnitude,
)

__all__ = [
    "EXTENSIBLE_CODELISTS",
    "Actor",
    "Citation",
    "Link",
    "Number",
    "Quantity",
    "Vocabulary",
    "VocabularyCode",
]

#: A figure's value: an ``int`` for counts as reported, a ``float`` for decimals.
Number = int | float

#: The unit code of percentages; only a percentage names a ``base_unit``.
PERCENT = "percent"

#: The open codelists a dataset's vocabulary may extend (``vocabulary_code.codelist``).
EXTENSIBLE_CODELISTS: tuple[str, ...] = (
    "figure_kinds",
    "units",
    "classifiers",
    "counted_things",
    "qualifiers",
    "roles",
    "topics",
    "movements",
    "target_groups",
    "organisation_kinds",
    "model_types",
    "model_families",
    "award_forms",
    "assessment_schemes",
    "assessment_outcomes",
    "event_kinds",
    "document_kinds",
    "source_kinds",
    "plan_goals",
    "provision_topics",
    "result_uses",
    "anniversary_subjects",
)


def _optional_number() -> Any:
    return attrs.field(default=None, validator=check_non_negative)


def _citations() -> Any:
    return typed_list(Citation, distinct=True)


@final
@attrs.frozen(kw_only=True)
class Quantity:
    """A figure as reported: value, unit, how exactly it was stated, and the source's words.

    2.0 adds vague amounts ("hàng nghìn": ``precision=VAGUE``, ``magnitude=THOUSANDS``, no
    ``value``), the Vietnamese counting word (``classifier``: khẩu, viên, mắt), what exactly
    was counted (``counted``: several codes are one combined count) and the words for the
    whole of a ratio (``base_as_written``).
    """

    unit: str = attrs.field(validator=check_code)
    value: Number | None = _optional_number()
    precision: Precision = enum_field(Precision, default=Precision.EXACT)
    magnitude: VagueMagnitude | None = optional_enum_field(VagueMagnitude)
    upper: Number | None = _optional_number()
    denominator: Number | None = _optional_number()
    base_unit: str | None = optional_code()
    base_as_written: str | None = optional_text()
    classifier: str | None = optional_code()
    counted: tuple[str, ...] = code_list()
    as_written: str | None = optional_text()

    def __attrs_post_init__(self) -> None:
        if self.precision is Precision.VAGUE:
            if self.magnitude is None:
                raise fail(self, "magnitude", "a vague amount needs a magnitude")
            if self.value is not None:
                raise fail(self, "value", "a vague amount has no value (keep its magnitude)")
        else:
            if self.value is None:
                raise fail(self, "value", "a value is required unless the amount is vague")
            if self.magnitude is not None:
                raise fail(self, "magnitude", "only a vague amount has a magnitude")
        if self.precision is Precision.RANGE:
            if self.upper is None:
                raise fail(self, "upper", "a range needs an upper bound")
            if self.value is not None and self.upper <= self.value:
                raise fail(self, "upper", f"{self.upper} is not above the lower bound {self.value}")
        elif self.upper is not None:
            raise fail(self, "upper", "only a range (precision 'range') has an upper bound")
        if self.denominator is not None and self.denominator == 0:
            raise fail(self, "denominator", "a ratio's denominator cannot be zero")
        if self.base_unit is not None and self.unit != PERCENT:
            raise fail(self, "base_unit", "only a percentage (unit 'percent') has a base unit")

    @property
    def is_exact(self) -> bool:
        """Whether the figure was stated exactly (no qualifier, no range, not vague)."""
        return self.precision is Precision.EXACT

    @property
    def is_vague(self) -> bool:
        """Whether the amount has no number ("nhiều vụ", "hàng chục")."""
        return self.precision is Precision.VAGUE


@final
@attrs.frozen(kw_only=True)
class Citation:
    """Where a fact comes from: a source record, a place in it and the part of the page."""

    source: str = attrs.field(validator=check_id)
    locator: str | None = optional_text()
    part: CitationPart | None = optional_enum_field(CitationPart)


_PARTIES = ("organisation", "person", "group", "area")


@final
@attrs.frozen(kw_only=True)
class Actor:
    """An organisation, person, group of people or area in a role ("thừa ủy quyền ... trao").

    At most one of ``organisation``, ``person``, ``group`` and ``area``; with none of them,
    ``as_written`` says who ("cơ quan chức năng"). An unknown actor is absent, never invented.
    """

    role: str = attrs.field(validator=check_code)
    organisation: str | None = optional_id()
    person: str | None = optional_id()
    group: str | None = optional_code()
    area: str | None = optional_id()
    delegated: bool = attrs.field(default=False, validator=check_bool)
    position_as_written: str | None = optional_text()
    as_written: str | None = optional_text()
    sources: tuple[Citation, ...] = _citations()

    def __attrs_post_init__(self) -> None:
        named = [name for name in _PARTIES if getattr(self, name) is not None]
        if len(named) > 1:
            raise fail(self, named[1], f"an actor is one party; {' and '.join(named)} are given")
        if not named and self.as_written is None:
            raise fail(self, "as_written", "an actor without a record must keep the words")


#: Link relations whose ``to`` may be a list of figures.
_MANY_TARGETS = (LinkRelation.ACHIEVED_BY, LinkRelation.PLACES_OF)


def _check_link_target(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, tuple):
        if not value:
            raise fail(instance, attribute.name, "a list of figures cannot be empty")
        seen: set[object] = set()
        for item in value:
            check_id(instance, attribute, item)
            if item in seen:
                raise fail(instance, attribute.name, f"{item!r} is listed twice")
            seen.add(item)
    else:
        check_id(instance, attribute, value)


@final
@attrs.frozen(kw_only=True)
class Link:
    """A typed link from a figure to another ("trong đó", "/", "với", "nhờ"); never summed.

    ``to`` is a figure id; for ``achieved_by`` and ``places_of`` it may be a tuple of ids.
    """

    rel: LinkRelation = enum_field(LinkRelation)
    to: str | tuple[str, ...] = attrs.field(converter=as_tuple, validator=_check_link_target)
    certainty: LinkCertainty = enum_field(LinkCertainty, default=LinkCertainty.STATED)
    as_written: str | None = optional_text()

    def __attrs_post_init__(self) -> None:
        if isinstance(self.to, tuple) and self.rel not in _MANY_TARGETS:
            raise fail(self, "to", f"a {self.rel.value} link points to one figure")

    @property
    def targets(self) -> tuple[str, ...]:
        """The figure ids the link points to, always as a tuple."""
        return self.to if isinstance(self.to, tuple) else (self.to,)


def _check_namespaced(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or NAMESPACED_CODE_RE.fullmatch(value) is None:
        raise fail(instance, attribute.name, f"{value!r} is not an extension code namespace:code")


def _check_codelist(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in EXTENSIBLE_CODELISTS:
        raise fail(instance, attribute.name, f"{value!r} is not a codelist a dataset may extend")


def _check_bare_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        not isinstance(value, str) or CODE_RE.fullmatch(value) is None or ":" in value
    ):
        raise fail(instance, attribute.name, f"{value!r} is not a built-in code")


@final
@attrs.frozen(kw_only=True)
class VocabularyCode:
    """One extension code a dataset declares, with its labels.

    A unit needs a ``dimension`` (and only units have one); only figure kinds give a ``class``
    (``figure_class`` here: ``class`` is a Python keyword) and usual ``units``.
    """

    codelist: str = attrs.field(validator=_check_codelist)
    code: str = attrs.field(validator=_check_namespaced)
    vi: str = attrs.field(validator=check_text)
    en: str | None = optional_text()
    description: str | None = optional_text()
    broader: str | None = attrs.field(default=None, validator=_check_bare_code)
    dimension: UnitDimension | None = optional_enum_field(UnitDimension)
    figure_class: FigureClass | None = optional_enum_field(FigureClass)
    units: tuple[str, ...] = code_list()
    sources: tuple[Citation, ...] = _citations()

    def __attrs_post_init__(self) -> None:
        if self.codelist == "units" and self.dimension is None:
            raise fail(self, "dimension", "a unit needs a dimension (what may be summed)")
        if self.codelist != "units" and self.dimension is not None:
            raise fail(self, "dimension", "only a unit has a dimension")
        if self.codelist != "figure_kinds":
            for name in ("figure_class", "units"):
                if getattr(self, name):
                    raise fail(self, name, "only a figure kind has a class and usual units")


def _check_namespace(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or NAMESPACE_RE.fullmatch(value) is None:
        raise fail(instance, attribute.name, f"{value!r} is not a namespace (lower-case a-z ...)")


def _check_vocabulary_codes(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, tuple) or not value:
        raise fail(instance, attribute.name, "a vocabulary declares at least one code")
    for item in value:
        if not isinstance(item, VocabularyCode):
            raise fail(instance, attribute.name, f"{item!r} is not a VocabularyCode")
    if len(set(value)) != len(value):
        raise fail(instance, attribute.name, "a code is declared twice")


@final
@attrs.frozen(kw_only=True)
class Vocabulary:
    """The extension codes a dataset declares, all in its one ``namespace``, with labels."""

    namespace: str = attrs.field(validator=_check_namespace)
    codes: tuple[VocabularyCode, ...] = attrs.field(
        converter=as_tuple, validator=_check_vocabulary_codes
    )
