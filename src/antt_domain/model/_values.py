"""Values that records are made of: quantities, periods, citations, publishers."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any, ClassVar, final

import attrs

from antt_domain.model._checks import (
    check_code,
    check_date,
    check_id,
    check_non_negative,
    check_order,
    check_text,
    enum_field,
    fail,
    optional_code,
    optional_date,
    optional_id,
    optional_text,
)
from antt_domain.model._enums import Frequency, Precision

__all__ = [
    "AsOf",
    "Citation",
    "Interval",
    "Number",
    "Period",
    "Publisher",
    "Quantity",
    "Recurring",
    "Unstated",
]

#: A figure's value: an ``int`` for counts as reported, a ``float`` for decimals (``72.6`` %).
Number = int | float

#: The unit code of percentages; only a percentage names a ``base_unit``.
PERCENT = "percent"


def _required_number() -> Any:
    return attrs.field(validator=check_non_negative)


def _optional_number() -> Any:
    return attrs.field(default=None, validator=check_non_negative)


@final
@attrs.frozen(kw_only=True)
class Quantity:
    """A figure as reported: a value, its unit and how exactly it was stated.

    ``Quantity(value=1838, unit="session")`` is "1.838 buổi". ``precision`` keeps qualifiers
    ("hơn 300" is ``MORE_THAN``); a range keeps its ``upper`` bound; a ratio such as "9/9 khu dân
    cư" keeps its ``denominator``; a percentage (unit ``"percent"``) may say what it is a
    percentage of in ``base_unit``. ``as_written`` keeps the source's own words ("hơn 300").
    """

    value: Number = _required_number()
    unit: str = attrs.field(validator=check_code)
    precision: Precision = enum_field(Precision, default=Precision.EXACT)
    upper: Number | None = _optional_number()
    denominator: Number | None = _optional_number()
    base_unit: str | None = optional_code()
    as_written: str | None = optional_text()

    def __attrs_post_init__(self) -> None:
        if self.precision is Precision.RANGE:
            if self.upper is None:
                raise fail(self, "upper", "a range needs an upper bound")
            if self.upper <= self.value:
                raise fail(self, "upper", f"{self.upper} is not above the lower bound {self.value}")
        elif self.upper is not None:
            raise fail(self, "upper", "only a range (precision 'range') has an upper bound")
        if self.denominator is not None and self.denominator == 0:
            raise fail(self, "denominator", "a ratio's denominator cannot be zero")
        if self.base_unit is not None and self.unit != PERCENT:
            raise fail(self, "base_unit", "only a percentage (unit 'percent') has a base unit")

    @property
    def is_exact(self) -> bool:
        """Whether the figure was stated exactly (no qualifier, no range)."""
        return self.precision is Precision.EXACT


def _check_required_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        raise fail(instance, attribute.name, "a date is required")
    check_date(instance, attribute, value)


@final
@attrs.frozen(kw_only=True)
class Interval:
    """A precise period from ``start`` to ``end``, both days included (``"năm 2021"``)."""

    KIND: ClassVar[str] = "interval"

    start: date = attrs.field(validator=_check_required_date)
    end: date = attrs.field(validator=_check_required_date)
    as_written: str | None = optional_text()

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

    @classmethod
    def quarter(cls, year: int, quarter: int, *, as_written: str | None = None) -> Interval:
        """Quarter ``quarter`` (1-4) of ``year``."""
        if quarter not in (1, 2, 3, 4):
            raise fail(cls, "quarter", f"{quarter!r} is not a quarter (1-4)")
        first = 3 * quarter - 2
        last_day = calendar.monthrange(year, first + 2)[1]
        return cls(
            start=date(year, first, 1), end=date(year, first + 2, last_day), as_written=as_written
        )

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside this interval."""
        return self.start <= day <= self.end


@final
@attrs.frozen(kw_only=True)
class AsOf:
    """A stock figure counted as of a date ("đến nay", "tính đến 31/12/2021").

    When the source gives no date ("đến nay" in an undated article), ``date`` is ``None`` and
    ``as_written`` must keep the source's words: the figure is as of the source's own date.
    """

    KIND: ClassVar[str] = "as_of"

    date: date | None = optional_date()
    as_written: str | None = optional_text()

    def __attrs_post_init__(self) -> None:
        if self.date is None and self.as_written is None:
            raise fail(self, "as_written", "an as-of period without a date must keep the words")


@final
@attrs.frozen(kw_only=True)
class Recurring:
    """A figure that recurs with a ``frequency`` ("hằng năm"), optionally within dates."""

    KIND: ClassVar[str] = "recurring"

    frequency: Frequency = enum_field(Frequency)
    start: date | None = optional_date()
    end: date | None = optional_date()
    as_written: str | None = optional_text()

    def __attrs_post_init__(self) -> None:
        check_order(self, "start", "end")


@final
@attrs.frozen(kw_only=True)
class Unstated:
    """A figure whose time the source does not state ("những năm qua", or nothing at all).

    Such a figure is kept as reported and is never attributed to a year.
    """

    KIND: ClassVar[str] = "unstated"

    as_written: str | None = optional_text()


#: When a figure holds: one of four kinds, told apart in JSON by ``"kind"``.
Period = Interval | AsOf | Recurring | Unstated

PERIOD_CLASSES: tuple[type[Interval], type[AsOf], type[Recurring], type[Unstated]] = (
    Interval,
    AsOf,
    Recurring,
    Unstated,
)


@final
@attrs.frozen(kw_only=True)
class Citation:
    """Where a record's facts come from: a ``source`` record and a place in it."""

    source: str = attrs.field(validator=check_id)
    locator: str | None = optional_text()


@final
@attrs.frozen(kw_only=True)
class Publisher:
    """Who publishes a dataset: a name as written, optionally an organisation record."""

    name: str = attrs.field(validator=check_text)
    organisation: str | None = optional_id()
    contact: str | None = optional_text()
