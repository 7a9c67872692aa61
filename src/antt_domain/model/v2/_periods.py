"""When a 2.0 figure holds: the seven kinds of period, the lengths of time they use, and
partial dates (a page that shows only the month or the year).

They mirror the periods, ``length`` and ``partial_date`` of ``schemas/v2/common.schema.json``;
the schema's ``if``/``then`` rules are checked on construction and raise
:class:`~antt_domain.model.ModelError`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any, ClassVar, final

import attrs

from antt_domain.model._checks import (
    as_tuple,
    check_date,
    check_non_negative,
    check_order,
    enum_field,
    fail,
    optional_date,
    optional_text,
)
from antt_domain.model.v2._checks import check_bool, is_a
from antt_domain.model.v2._enums import Frequency, LengthUnit, Precision
from antt_domain.model.v2._values import Number

__all__ = [
    "PERIOD_CLASSES",
    "AsOf",
    "Composite",
    "Duration",
    "Interval",
    "Length",
    "Open",
    "PartialDate",
    "Period",
    "Recurring",
    "Unstated",
]


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


@final
@attrs.frozen(kw_only=True)
class Composite:
    """Periods joined in one phrase: "năm 2018 và 8 tháng đầu năm 2019"."""

    KIND: ClassVar[str] = "composite"

    parts: tuple[Period, ...] = attrs.field(converter=as_tuple, validator=_check_parts)
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
