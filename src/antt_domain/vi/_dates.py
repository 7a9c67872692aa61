"""Vietnamese dates: the Decree 30/2020 place-and-date line, ``dd/mm/yyyy``, months, quarters.

Decree 30/2020/NĐ-CP (Appendix I) writes the date of an administrative document as
``"<place>, ngày 05 tháng 3 năm 2021"``: days below 10 and the months 1 and 2 take a leading
zero (``"ngày 05"``, ``"tháng 01"``, ``"tháng 02"``), months 3 to 12 do not.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import NamedTuple, final

from antt_domain.vi._errors import VietnameseParseError
from antt_domain.vi._names import name_key
from antt_domain.vi._numbers import Lang

__all__ = [
    "DateLine",
    "format_date_line",
    "format_dmy",
    "format_long_date",
    "month_name",
    "parse_date_line",
    "parse_dmy",
    "parse_month",
    "parse_quarter",
    "quarter_name",
    "quarter_of",
]


@final
class DateLine(NamedTuple):
    """A parsed place-and-date line: ``(place, date)``; ``place`` is ``None`` when absent."""

    place: str | None
    date: date


_MONTH_WORDS_VI = (
    "Một",
    "Hai",
    "Ba",
    "Tư",
    "Năm",
    "Sáu",
    "Bảy",
    "Tám",
    "Chín",
    "Mười",
    "Mười Một",
    "Mười Hai",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ROMAN = ("I", "II", "III", "IV")
_DATE_WORDS = re.compile(
    r"ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
_DMY = re.compile(r"(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})")


def _make_date(text: str, year: int, month: int, day: int, kind: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise VietnameseParseError(
            text, f"no such date: day {day}, month {month}, year {year} ({exc})", kind=kind
        ) from None


def format_long_date(day: date) -> str:
    """Return ``"ngày 05 tháng 3 năm 2021"`` with the Decree 30/2020 padding rule."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def format_date_line(day: date, *, place: str) -> str:
    """Return the document date line: ``"Cẩm Thuỷ, ngày 05 tháng 3 năm 2021"``.

    ``place`` is written exactly as given (Decree 30/2020 uses the name of the administrative
    unit where the issuing body has its seat, without the unit word).
    """
    return f"{place}, {format_long_date(day)}"


def parse_date_line(text: str) -> DateLine:
    """Parse a place-and-date line, also unpadded (``"ngày 5 tháng 3 năm 2021"``).

    The place is everything before the comma that precedes ``"ngày"``, as written (trimmed);
    a line without a place (just ``"ngày ... năm ..."``) gives ``place=None``.

    Raises:
        VietnameseParseError: there is no ``ngày … tháng … năm …`` with digits, text follows
            it, or the date does not exist.
    """
    normalised = unicodedata.normalize("NFC", text).strip().rstrip(".")
    found = _DATE_WORDS.search(normalised)
    if found is None or normalised[found.end() :].strip():
        raise VietnameseParseError(
            text,
            "expected '<place>, ngày DD tháng MM năm YYYY' with the day, month and year in digits",
            kind="date-line",
        )
    head = normalised[: found.start()].rstrip()
    if head and not head.endswith(","):
        raise VietnameseParseError(
            text, "the place must be followed by a comma", kind="date-line", position=len(head)
        )
    place = " ".join(head.rstrip(",").split()) or None
    parsed = _make_date(
        text, int(found["year"]), int(found["month"]), int(found["day"]), "date-line"
    )
    return DateLine(place=place, date=parsed)


def parse_dmy(text: str) -> date:
    """Parse ``dd/mm/yyyy`` or ``d/m/yyyy`` (also with ``-`` or ``.``), day first.

    Raises:
        VietnameseParseError: the text is not in that form or the date does not exist
            (``"31/02/2021"``).
    """
    found = _DMY.fullmatch(text.strip())
    if found is None:
        raise VietnameseParseError(
            text, "expected day/month/year such as 05/03/2021 (four-digit year)", kind="date"
        )
    return _make_date(text, int(found["year"]), int(found["month"]), int(found["day"]), "date")


def format_dmy(day: date) -> str:
    """Return ``"05/03/2021"`` (day and month zero-padded)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def month_name(month: int, *, lang: Lang = "vi", words: bool = False) -> str:
    """Return the name of a month: ``"tháng 3"``, with ``words=True`` ``"tháng Ba"``; ``"March"``.

    Raises:
        ValueError: ``month`` is not 1 to 12.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12, not {month}")
    if lang == "en":
        return _MONTHS_EN[month - 1]
    return f"tháng {_MONTH_WORDS_VI[month - 1] if words else month}"


_MONTH_KEYS = {name_key(f"tháng {word}"): i for i, word in enumerate(_MONTH_WORDS_VI, start=1)}
_MONTH_KEYS.update({name_key(f"tháng {i}"): i for i in range(1, 13)})
_MONTH_KEYS.update({name_key(f"tháng {i:02d}"): i for i in range(1, 10)})
_MONTH_KEYS.update({name_key(word): i for i, word in enumerate(_MONTHS_EN, start=1)})


def parse_month(text: str) -> int:
    """Parse ``"tháng 3"``, ``"tháng 03"``, ``"Tháng Ba"`` or ``"March"`` to ``3``.

    Raises:
        VietnameseParseError: not a month name.
    """
    month = _MONTH_KEYS.get(name_key(text))
    if month is None:
        raise VietnameseParseError(text, "not a month name", kind="month")
    return month


def quarter_name(quarter: int, *, lang: Lang = "vi") -> str:
    """Return ``"quý I"`` … ``"quý IV"`` (vi) or ``"Q1"`` … ``"Q4"`` (en).

    Raises:
        ValueError: ``quarter`` is not 1 to 4.
    """
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1 to 4, not {quarter}")
    return f"quý {_ROMAN[quarter - 1]}" if lang == "vi" else f"Q{quarter}"


_QUARTER = re.compile(r"(?:quý\s+(?P<vi>IV|I{1,3}|[1-4])|q(?P<en>[1-4]))", re.IGNORECASE)


def parse_quarter(text: str) -> int:
    """Parse ``"quý I"`` … ``"quý IV"``, ``"Quý 4"`` or ``"Q4"`` to a number 1 to 4.

    Raises:
        VietnameseParseError: not a quarter name.
    """
    found = _QUARTER.fullmatch(" ".join(unicodedata.normalize("NFC", text).split()))
    if found is None:
        raise VietnameseParseError(text, "not a quarter name such as 'quý III'", kind="quarter")
    token = (found["vi"] or found["en"]).upper()
    return int(token) if token.isdigit() else _ROMAN.index(token) + 1


def quarter_of(day: date) -> int:
    """Return the quarter (1 to 4) a date falls in."""
    return (day.month - 1) // 3 + 1
