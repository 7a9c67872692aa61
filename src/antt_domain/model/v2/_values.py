"""The 2.0 shared values: quantities, lengths, periods, partial dates, citations, actors, links
and the dataset's vocabulary of extension codes.

They mirror ``schemas/v2/common.schema.json``. The schema's ``if``/``then`` rules (a vague
amount has a magnitude and no value, a range has an upper bound, ...) are checked on
construction and raise :class:`~antt_domain.model.ModelError`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any, ClassVar, final

import attrs

from antt_domain.model._checks import (
    check_date,
    check_id,
    check_non_negative,
    check_order,
    check_text,
    enum_field,
    fail,
    optional_date,
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
    is_a,
    optional_code,
    typed_list,
)
from antt_domain.model.v2._enums import (
    CitationPart,
    FigureClass,
    Frequency,
    LengthUnit,
    LinkCertainty,
    LinkRelation,
    Precision,
    UnitDimension,
    VagueMagnitude,
)

__all__ = [
    "EXTENSIBLE_CODELISTS",
    "PERIOD_CLASSES",
    "Actor",
    "AsOf",
    "Citation",
    "Composite",
    "Duration",
    "Interval",
    "Length",
    "Link",
    "Number",
    "Open",
    "PartialDate",
    "Period",
    "Quantity",
    "Recurring",
    "Unstated",
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
class Length:
    """How long: "10 năm", "sau 9 tháng", "hơn một tháng" (never a range, never vague)."""

    value: Number = attrs.field(validator=check_non_negative)
    unit: LengthUnit = enum_field(LengthUnit)
    precision: Precision = enum_field(Precision, default=Precision.EXACT)
    as_written: str | None = optional_text()

    def __attrs_post_init__(self) -> None:
        if self.precision in (Precision.RANGE, Precision.VAGUE):
            raise fail(self, "precision", f"a length cannot be {self.precision.value}")


def _check_required_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        raise fail(instance, attribute.name, "a date is required")
    check_date(instance, attribute, value)


def _inferred() -> Any:
    return attrs.field(default=False, validator=check_bool)


@final
@attrs.frozen(kw_only=True)
class Interval:
    """A known span, both days included: a day (start = end), a month, a year.

    ``inferred`` marks a period deduced rather than printed; ``basis`` says from what.
    """

    KIND: ClassVar[str] = "interval"

    start: date = attrs.field(validator=_check_required_date)
    end: date = attrs.field(validator=_check_required_date)
    as_written: str | None = optional_text()
    inferred: bool = _inferred()
    basis: str | None = optional_text()

    def __attrs_post_init__(self) -> None:
        check_order(self, "start", "end")

    @classmethod
    def year(cls, year: int, *, as_written: str | None = None) -> Interval:
        """The calendar year ``year``."""
        return cls(start=date(year, 1, 1), end=date(year, 12, 31), as_written=as_written)

    @classmethod
    def month(cls, year: int, month: int, *, as_written: str | None = None) -> Interval:
        """The calendar month ``month`` of ``year``."""
        last = calendar.monthrange(year, month)[1]
        return cls(start=date(year, month, 1), end=date(year, month, last), as_written=as_written)

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside this interval."""
        return self.start <= day <= self.end


@final
@attrs.frozen(kw_only=True)
class AsOf:
    """A stock counted at a cut-off ("tính đến ngày 31/5/2023"); without a date, the words."""

    KIND: ClassVar[str] = "as_of"

    date: date | None = optional_date()
    as_written: str | None = optional_text()
    inferred: bool = _inferred()
    basis: str | None = optional_text()

    def __attrs_post_init__(self) -> None:
        if self.date is None and self.as_written is None:
            raise fail(self, "as_written", "an as-of period without a date must keep the words")


@final
@attrs.frozen(kw_only=True)
class Open:
    """From ``start`` until the source's date ("từ đầu năm 2023 đến nay"): no end."""

    KIND: ClassVar[str] = "open"

    start: date = attrs.field(validator=_check_required_date)
    as_written: str | None = optional_text()
    inferred: bool = _inferred()
    basis: str | None = optional_text()


@final
@attrs.frozen(kw_only=True)
class Recurring:
    """A figure that recurs ("hằng năm", "nhân các dịp lễ, tết"), optionally within dates."""

    KIND: ClassVar[str] = "recurring"

    frequency: Frequency = enum_field(Frequency)
    start: date | None = optional_date()
    end: date | None = optional_date()
    as_written: str | None = optional_text()
    inferred: bool = _inferred()
    basis: str | None = optional_text()

    def __attrs_post_init__(self) -> None:
        check_order(self, "start", "end")


@final
@attrs.frozen(kw_only=True)
class Duration:
    """A length of time without a printed position ("10 năm", "5 năm liên tục")."""

    KIND: ClassVar[str] = "duration"

    length: Length = attrs.field(validator=is_a(Length))
    start: date | None = optional_date()
    end: date | None = optional_date()
    consecutive: bool = attrs.field(default=False, validator=check_bool)
    as_written: str | None = optional_text()
    inferred: bool = _inferred()
    basis: str | None = optional_text()

    def __attrs_post_init__(self) -> None:
        check_order(self, "start", "end")


@final
@attrs.frozen(kw_only=True)
class Unstated:
    """A figure whose time the source does not state; never attributed to a year."""

    KIND: ClassVar[str] = "unstated"

    as_written: str | None = optional_text()
    inferred: bool = _inferred()
    basis: str | None = optional_text()


def _check_parts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or len(value) < 2:
        raise fail(instance, attribute.name, "a composite period joins two or more periods")
    for part in value:
        if not isinstance(part, PERIOD_CLASSES):
            raise fail(instance, attribute.name, f"{part!r} is not a period")


def _as_tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


@final
@attrs.frozen(kw_only=True)
class Composite:
    """Periods joined in one phrase: "năm 2018 và 8 tháng đầu năm 2019"."""

    KIND: ClassVar[str] = "composite"

    parts: tuple[Period, ...] = attrs.field(converter=_as_tuple, validator=_check_parts)
    as_written: str | None = optional_text()
    inferred: bool = _inferred()
    basis: str | None = optional_text()


#: When a figure holds: one of seven kinds, told apart in JSON by ``"kind"``.
Period = Interval | AsOf | Open | Recurring | Duration | Composite | Unstated

PERIOD_CLASSES: tuple[type[Any], ...] = (
    Interval,
    AsOf,
    Open,
    Recurring,
    Duration,
    Composite,
    Unstated,
)

_PARTIAL_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)


@final
@attrs.frozen(kw_only=True)
class PartialDate:
    """A date known to the year, the month or the day (a page that shows only "06/2023").

    In JSON it is a string: ``"2023"``, ``"2023-06"`` or ``"2023-06-14"``.
    """

    year: int = attrs.field()
    month: int | None = attrs.field(default=None)
    day: int | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        for name in ("year", "month", "day"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise fail(self, name, f"{value!r} is not an integer")
        if not 1 <= self.year <= 9999:
            raise fail(self, "year", f"{self.year} is not a year (1-9999)")
        if self.month is None:
            if self.day is not None:
                raise fail(self, "day", "a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise fail(self, "month", f"{self.month} is not a month (1-12)")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise fail(self, "day", f"{self.year}-{self.month:02d} has no day {self.day}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """The partial date written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        found = _PARTIAL_DATE_RE.fullmatch(text) if isinstance(text, str) else None
        if found is None:
            raise fail(cls, None, f"{text!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = found.groups()
        return cls(
            year=int(year),
            month=None if month is None else int(month),
            day=None if day is None else int(day),
        )

    def isoformat(self) -> str:
        """The JSON form: ``"2023"``, ``"2023-06"`` or ``"2023-06-14"``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()

    def as_date(self) -> date | None:
        """The full date, or ``None`` when only the year or month is known."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)


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


def _link_target(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


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
    to: str | tuple[str, ...] = attrs.field(converter=_link_target, validator=_check_link_target)
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
        converter=_as_tuple, validator=_check_vocabulary_codes
    )
