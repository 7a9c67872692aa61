"""Vietnamese numbers, percentages, money and qualified quantities.

In Vietnamese the dot groups thousands and the comma is the decimal mark: ``1.838`` is one
thousand eight hundred and thirty-eight, ``72,6%`` is seventy-two point six per cent. The parser
never guesses: a dot not followed by exactly three digits (``"1.83"``) and a comma that could be
either mark (``"1,838"``) raise :class:`VietnameseParseError` with the reason.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any, Literal, final

import attrs

from antt_domain.vi._errors import VietnameseParseError
from antt_domain.vi._names import fix_lookalikes


def _babel() -> Any:
    """babel.numbers, imported on first use (parsing needs no CLDR data; formatting does)."""
    from babel import numbers  # noqa: PLC0415 - keeps `import antt_domain` light

    return numbers


__all__ = [
    "PARSED_PRECISIONS",
    "Lang",
    "ParsedNumber",
    "ParsedPrecision",
    "ParsedQuantity",
    "format_money",
    "format_number",
    "format_percent",
    "format_quantity",
    "parse_number",
    "parse_quantity",
]

Lang = Literal["vi", "en"]
"""Language of a text: Vietnamese or English."""

ParsedNumber = int | Decimal
"""A number read from text: ``int`` when it has no fractional part as written, else ``Decimal``.

Not the model's ``Number`` (``int | float``, a figure in a record): text keeps its decimals
exact until a caller decides what to do with them.
"""

ParsedPrecision = Literal[
    "exact", "at_least", "more_than", "about", "nearly", "at_most", "less_than", "range"
]
"""How precisely a number read from text was stated: a code of the model's precision codelist.

A plain string, as the parser returns it; the model's enum of the same codes is
``antt_domain.model.Precision`` (this layer imports nothing of the model).
"""

PARSED_PRECISIONS: tuple[ParsedPrecision, ...] = (
    "exact",
    "at_least",
    "more_than",
    "about",
    "nearly",
    "at_most",
    "less_than",
    "range",
)

_PREFIXES: tuple[tuple[str, ParsedPrecision], ...] = (
    ("không ít hơn", "at_least"),
    ("không dưới", "at_least"),
    ("ít nhất", "at_least"),
    ("tối thiểu", "at_least"),
    ("nhiều hơn", "more_than"),
    ("hơn", "more_than"),
    ("trên", "more_than"),
    ("khoảng chừng", "about"),
    ("khoảng", "about"),
    ("chừng", "about"),
    ("xấp xỉ", "about"),
    ("ước tính", "about"),
    ("ước", "about"),
    ("gần", "nearly"),
    ("không vượt quá", "at_most"),
    ("không quá", "at_most"),
    ("tối đa", "at_most"),
    ("nhiều nhất", "at_most"),
    ("chưa đến", "less_than"),
    ("chưa tới", "less_than"),
    ("chưa đầy", "less_than"),
    ("ít hơn", "less_than"),
    ("dưới", "less_than"),
    ("từ", "range"),
)
_SUFFIXES: tuple[tuple[str, ParsedPrecision], ...] = (
    ("trở lên", "at_least"),
    ("trở xuống", "at_most"),
)
_MULTIPLIERS = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 10**9, "tỉ": 10**9}
_CURRENCIES = {"đồng": "VND", "vnđ": "VND", "vnd": "VND", "đ": "VND", "usd": "USD", "đô la": "USD"}

_I = re.IGNORECASE
_PREFIX_RE = re.compile(
    r"(?P<word>" + "|".join(re.escape(w) for w, _ in _PREFIXES) + r")\s+(?=\d)", _I
)
_SUFFIX_RE = re.compile(r"\s+(?P<word>trở\s+lên|trở\s+xuống)\s*[.,;:]*$", _I)
_TOKEN_RE = re.compile(r"\d(?:[\d.,\u00a0\u202f]*\d)?")
_MULT_RE = re.compile(r"\s*(?P<word>" + "|".join(_MULTIPLIERS) + r")(?!\w)", _I)
_PERCENT_RE = re.compile(r"\s*(?:%|phần\s+trăm(?!\w))", _I)
_RANGE_RE = re.compile(r"\s*(?:[-\u2010-\u2015\u2212÷]|(?:đến|tới)(?!\w))\s*", _I)
_RATIO_RE = re.compile(r"\s*/\s*(?=\d)")
_CURRENCY_RE = re.compile(r"(?P<word>" + "|".join(_CURRENCIES) + r")(?!\w)", _I)
_SPACE_RE = re.compile(r"\s+")
_NBSP = "\u00a0\u202f"


@final
@attrs.frozen(kw_only=True)
class ParsedQuantity:
    """A number as stated in Vietnamese text, with its qualifier and unit.

    Attributes:
        value: the number; the lower bound of a range; the numerator of a ratio. Word
            multipliers are applied (``995 triệu`` → ``995_000_000``). For a percentage the
            number before ``%`` (``72,6%`` → ``Decimal("72.6")``).
        precision: how the figure was qualified (``"gần"`` → ``"nearly"``, ...).
        upper: the upper bound of a range, else ``None``.
        denominator: the denominator of a ratio such as ``9/9``, else ``None``.
        unit_text: the words after the number as written (``"người"``, ``"lượt người"``,
            ``"đồng"``), in NFC with ``Ð`` read as ``Đ``, without trailing punctuation;
            ``None`` when there are none.
        is_percent: whether the number was written as a percentage.
        currency: ISO 4217 code when the unit is money (``"VND"`` for đồng), else ``None``.
        as_written: the input text, unchanged.
    """

    value: ParsedNumber
    precision: ParsedPrecision = "exact"
    upper: ParsedNumber | None = None
    denominator: ParsedNumber | None = None
    unit_text: str | None = None
    is_percent: bool = False
    currency: str | None = None
    as_written: str


def _error(text: str, reason: str, position: int | None = None) -> VietnameseParseError:
    return VietnameseParseError(text, reason, kind="number", position=position)


def _number_from_token(token: str, text: str, offset: int, lang: Lang) -> ParsedNumber:
    """Read one digit token (``"1.838"``, ``"72,6"``) strictly."""
    group, decimal_mark = (".", ",") if lang == "vi" else (",", ".")
    if token.count(decimal_mark) > 1:
        raise _error(
            text,
            f"{decimal_mark!r} is the decimal mark in {lang!r} numbers and appears more than "
            f"once in {token!r} (digit grouping of the other language?)",
            offset + token.rindex(decimal_mark),
        )
    whole, _, fraction = token.partition(decimal_mark)
    if any(c in fraction for c in group + _NBSP):
        raise _error(text, f"digit grouping after the decimal mark in {token!r}", offset)
    separators = {c for c in whole if not c.isdigit()}
    if separators:
        if len(separators) > 1:
            raise _error(text, f"mixed digit-group separators in {token!r}", offset)
        sep = separators.pop()
        if not re.fullmatch(rf"[1-9]\d{{0,2}}(?:{re.escape(sep)}\d{{3}})+", whole):
            bad = _bad_group_position(whole, sep)
            raise _error(
                text,
                f"{sep!r} separates thousands in {lang!r} numbers and must be followed by "
                f"exactly three digits, and the first group must have one to three digits; "
                f"{token!r} does not follow that (write the decimal mark as "
                f"{decimal_mark!r})",
                offset + bad,
            )
        whole = whole.replace(sep, "")
    elif fraction and len(fraction) == 3 and re.fullmatch(r"[1-9]\d{0,2}", whole):
        raise _error(
            text,
            f"ambiguous: in {token!r} the {decimal_mark!r} followed by exactly three digits "
            f"could be a decimal mark ({lang!r}) or a thousands separator (the other "
            f"language); write the number with a thousands separator or more decimals",
            offset + len(whole),
        )
    if fraction:
        return Decimal(f"{whole}.{fraction}")
    return int(whole)


def _bad_group_position(whole: str, sep: str) -> int:
    position = 0
    for index, part in enumerate(whole.split(sep)):
        if (index == 0 and not re.fullmatch(r"[1-9]\d{0,2}", part)) or (
            index > 0 and len(part) != 3
        ):
            return max(position - 1, 0)
        position += len(part) + 1
    return 0


def _normalise(value: ParsedNumber) -> ParsedNumber:
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


@attrs.frozen(kw_only=True)
class _Amount:
    value: ParsedNumber
    multiplier: int | None
    terms: int
    is_percent: bool
    end: int


def _read_amount(text: str, start: int, lang: Lang) -> _Amount:
    """Read ``number [multiplier [number multiplier]...] [%]`` at ``start``."""
    token = _TOKEN_RE.match(text, start)
    if token is None:
        raise _error(text, "expected a number", start)
    value = _number_from_token(token.group(), text, start, lang)
    end = token.end()
    multiplier: int | None = None
    total: ParsedNumber = 0
    terms = 0
    while (mult := _MULT_RE.match(text, end)) is not None:
        factor = _MULTIPLIERS[mult.group("word").lower()]
        if multiplier is not None and factor >= multiplier:
            raise _error(text, "word multipliers must decrease (as in '2 tỷ 500 triệu')", end)
        multiplier = factor
        total += value * factor
        terms += 1
        end = mult.end()
        nxt = _SPACE_RE.match(text, end)
        following = _TOKEN_RE.match(text, nxt.end()) if nxt else None
        if following is None or _MULT_RE.match(text, following.end()) is None:
            break
        value = _number_from_token(following.group(), text, following.start(), lang)
        end = following.end()
    if terms == 0:
        total = value
    percent = _PERCENT_RE.match(text, end)
    if percent is not None:
        if multiplier is not None or _MULT_RE.match(text, percent.end()) is not None:
            raise _error(text, "a percentage cannot have a word multiplier", end)
        end = percent.end()
    return _Amount(
        value=_normalise(total),
        multiplier=multiplier,
        terms=terms,
        is_percent=percent is not None,
        end=end,
    )


def parse_number(text: str, *, lang: Lang = "vi") -> ParsedNumber:
    """Parse a bare number such as ``"1.838"`` → ``1838`` or ``"1.234,5"`` → ``Decimal("1234.5")``.

    Raises:
        VietnameseParseError: the text is not exactly one well-formed number, or it is ambiguous.
    """
    normalised = unicodedata.normalize("NFC", text)
    stripped = normalised.strip()
    offset = len(normalised) - len(normalised.lstrip())
    token = _TOKEN_RE.fullmatch(stripped)
    if token is None:
        raise _error(text, "not a number (digits with '.' thousands and ',' decimals)", None)
    return _number_from_token(stripped, text, offset, lang)


def _qualifiers(text: str, body: str) -> tuple[ParsedPrecision, ParsedPrecision | None, str, int]:
    """Strip the qualifier words: ``(prefix precision, suffix precision, body, start)``."""
    precision: ParsedPrecision = "exact"
    suffix_precision: ParsedPrecision | None = None
    suffix = _SUFFIX_RE.search(body)
    if suffix is not None:
        suffix_precision = dict(_SUFFIXES)[" ".join(suffix.group("word").lower().split())]
        body = body[: suffix.start()]
    pos = len(body) - len(body.lstrip())
    prefix = _PREFIX_RE.match(body, pos)
    if prefix is not None:
        precision = dict(_PREFIXES)[" ".join(prefix.group("word").lower().split())]
        pos = prefix.end()
    if suffix_precision is not None:
        if precision not in ("exact", "range"):
            raise _error(text, f"conflicting qualifiers: {precision!r} and 'trở lên/xuống'", 0)
        precision = suffix_precision
    return precision, suffix_precision, body, pos


def _range_bounds(text: str, lower: _Amount, upper: _Amount) -> tuple[ParsedNumber, ParsedNumber]:
    value = lower.value
    if lower.multiplier is None and upper.terms == 1 and upper.multiplier is not None:
        value = _normalise(value * upper.multiplier)  # "1 - 2 triệu": both in millions
    if value > upper.value:
        raise _error(text, f"the range goes down ({value} > {upper.value})", 0)
    return value, upper.value


def parse_quantity(text: str, *, lang: Lang = "vi") -> ParsedQuantity:
    """Parse a stated figure: ``"gần 2 tỷ đồng"``, ``"72,6%"``, ``"9/9"``, ``"từ 10 đến 20"``.

    Grammar: ``[qualifier] amount [(- | ÷ | đến | tới) amount | / number] [unit words]
    [trở lên | trở xuống]``, where an amount is a number with optional word multipliers
    (nghìn/ngàn, triệu, tỷ/tỉ) or a percent sign. Unit words follow a space, except a currency
    written right after the number (``"50.000đ"``, ``"20USD"``). A range written with
    ``khoảng`` is still a range. ``lang="en"`` reads English digit grouping (``1,838``);
    qualifiers and units are always Vietnamese.

    Raises:
        VietnameseParseError: no number, an ill-formed or ambiguous number, a reversed range,
            a zero denominator, conflicting qualifiers, or digits left over in the unit text.
    """
    source = unicodedata.normalize("NFC", fix_lookalikes(text)).rstrip()
    precision, suffix_precision, body, pos = _qualifiers(text, source)
    lower = _read_amount(body, pos, lang)
    pos = lower.end
    value, upper_value, denominator = lower.value, None, None
    is_percent = lower.is_percent
    if (sep := _RANGE_RE.match(body, pos)) is not None and _TOKEN_RE.match(body, sep.end()):
        upper = _read_amount(body, sep.end(), lang)
        if precision not in ("exact", "range", "about") or suffix_precision is not None:
            raise _error(text, f"a range cannot also be qualified as {precision!r}", 0)
        precision = "range"
        value, upper_value = _range_bounds(text, lower, upper)
        is_percent = is_percent or upper.is_percent
        pos = upper.end
    elif (slash := _RATIO_RE.match(body, pos)) is not None:
        token = _TOKEN_RE.match(body, slash.end())
        if token is None:  # pragma: no cover - guarded by the look-ahead in _RATIO_RE
            raise _error(text, "expected a denominator", slash.end())
        denominator = _number_from_token(token.group(), text, token.start(), lang)
        if denominator == 0 or lower.is_percent or lower.multiplier is not None:
            raise _error(text, "a ratio needs two plain numbers and a non-zero denominator", pos)
        pos = token.end()
    elif precision == "range":
        raise _error(text, "'từ' needs 'đến'/'tới'/'-' or 'trở lên'/'trở xuống'", 0)
    unit_text = body[pos:].strip().rstrip(".,;:…").strip() or None
    money = _CURRENCY_RE.match(unit_text) if unit_text is not None else None
    attached = unit_text is not None and not body[pos].isspace()
    if unit_text is not None and (unit_text[0].isdigit() or (attached and money is None)):
        raise _error(text, f"unexpected text right after the number: {unit_text!r}", pos)
    return ParsedQuantity(
        value=value,
        precision=precision,
        upper=upper_value,
        denominator=denominator,
        unit_text=unit_text,
        is_percent=is_percent,
        currency=None if money is None else _CURRENCIES[" ".join(money["word"].lower().split())],
        as_written=text,
    )


def format_number(value: ParsedNumber, *, lang: Lang = "vi") -> str:
    """Format a number with the locale's grouping: ``1838`` → ``"1.838"`` (vi), ``"1,838"`` (en).

    Every written decimal is kept (no rounding): ``Decimal("1234.56789")`` → ``"1.234,56789"``.
    """
    text: str = _babel().format_decimal(value, locale=lang, decimal_quantization=False)
    return text


def format_percent(value: ParsedNumber, *, lang: Lang = "vi") -> str:
    """Format a percentage given in per cent: ``Decimal("72.6")`` → ``"72,6%"`` (en ``"72.6%"``)."""
    fraction = Decimal(value) / 100
    text: str = _babel().format_percent(fraction, locale=lang, decimal_quantization=False)
    return text


def format_money(value: ParsedNumber, *, lang: Lang = "vi") -> str:
    """Format an amount of đồng: ``995_000_000`` → ``"995.000.000 đồng"`` (en: ``"… VND"``)."""
    return f"{format_number(value, lang=lang)} {'đồng' if lang == 'vi' else 'VND'}"


_QUALIFIER_WORDS: dict[ParsedPrecision, str] = {
    "at_least": "ít nhất ",
    "more_than": "hơn ",
    "about": "khoảng ",
    "nearly": "gần ",
    "at_most": "tối đa ",
    "less_than": "dưới ",
}


def format_quantity(quantity: ParsedQuantity) -> str:
    """Write a quantity back in Vietnamese, e.g. ``"gần 2.000.000.000 đồng"``, ``"9/9 xã"``.

    Multipliers are written out as digits; :func:`parse_quantity` reads the result back to an
    equal value, precision, bounds, unit and currency.
    """

    def number(value: ParsedNumber) -> str:
        text = format_number(value)
        return f"{text}%" if quantity.is_percent else text

    if quantity.precision == "range" and quantity.upper is not None:
        core = f"từ {number(quantity.value)} đến {number(quantity.upper)}"
    else:
        core = _QUALIFIER_WORDS.get(quantity.precision, "") + number(quantity.value)
        if quantity.denominator is not None:
            core += f"/{format_number(quantity.denominator)}"
    return f"{core} {quantity.unit_text}" if quantity.unit_text else core
