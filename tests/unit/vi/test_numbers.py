"""Numbers: strict Vietnamese parsing, qualifiers, ranges, ratios, money; Babel formatting."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_domain.errors import AnttError
from antt_domain.vi import (
    ParsedQuantity,
    VietnameseParseError,
    format_money,
    format_number,
    format_percent,
    format_quantity,
    parse_number,
    parse_quantity,
)

D = Decimal

# (as written, value, precision, upper, denominator, unit_text, is_percent, currency)
REAL_WORLD = [
    # the Cẩm Thuỷ article's figures
    ("1.838 buổi", 1838, "exact", None, None, "buổi", False, None),
    ("2.543 lượt", 2543, "exact", None, None, "lượt", False, None),
    ("35 buổi", 35, "exact", None, None, "buổi", False, None),
    ("5.592 lượt người", 5592, "exact", None, None, "lượt người", False, None),
    ("14 loại mô hình", 14, "exact", None, None, "loại mô hình", False, None),
    ("9 người", 9, "exact", None, None, "người", False, None),
    ("17 vụ việc", 17, "exact", None, None, "vụ việc", False, None),
    ("23 nguồn tin", 23, "exact", None, None, "nguồn tin", False, None),
    ("12.397 hộ gia đình", 12397, "exact", None, None, "hộ gia đình", False, None),
    ("23 thanh niên", 23, "exact", None, None, "thanh niên", False, None),
    # bare numbers
    ("1.838", 1838, "exact", None, None, None, False, None),
    ("12.397", 12397, "exact", None, None, None, False, None),
    ("1.838.000", 1838000, "exact", None, None, None, False, None),
    ("1.234,5", D("1234.5"), "exact", None, None, None, False, None),
    ("0,838", D("0.838"), "exact", None, None, None, False, None),
    ("1838,25", D("1838.25"), "exact", None, None, None, False, None),
    ("1.838.", 1838, "exact", None, None, None, False, None),
    ("1\u00a0838\u00a0000", 1838000, "exact", None, None, None, False, None),
    # percentages
    ("72,6%", D("72.6"), "exact", None, None, None, True, None),
    ("72,6 %", D("72.6"), "exact", None, None, None, True, None),
    ("100%", 100, "exact", None, None, None, True, None),
    ("0,5%", D("0.5"), "exact", None, None, None, True, None),
    ("100 phần trăm", 100, "exact", None, None, None, True, None),
    ("trên 80%", 80, "more_than", None, None, None, True, None),
    ("không dưới 70%", 70, "at_least", None, None, None, True, None),
    ("chưa đến 1%", 1, "less_than", None, None, None, True, None),
    ("10\u201320%", 10, "range", 20, None, None, True, None),
    # money
    ("995 triệu đồng", 995_000_000, "exact", None, None, "đồng", False, "VND"),
    ("gần 2 tỷ đồng", 2_000_000_000, "nearly", None, None, "đồng", False, "VND"),
    ("1,5 tỷ đồng", 1_500_000_000, "exact", None, None, "đồng", False, "VND"),
    ("3 tỷ 200 triệu đồng", 3_200_000_000, "exact", None, None, "đồng", False, "VND"),
    ("500 nghìn đồng", 500_000, "exact", None, None, "đồng", False, "VND"),
    ("500 ngàn đồng", 500_000, "exact", None, None, "đồng", False, "VND"),
    ("2 tỉ đồng", 2_000_000_000, "exact", None, None, "đồng", False, "VND"),
    ("125.000.000 VNĐ", 125_000_000, "exact", None, None, "VNĐ", False, "VND"),
    ("ước 2,5 tỷ đồng", 2_500_000_000, "about", None, None, "đồng", False, "VND"),
    ("1 - 2 triệu đồng", 1_000_000, "range", 2_000_000, None, "đồng", False, "VND"),
    ("5 triệu \u00d0ồng", 5_000_000, "exact", None, None, "Đồng", False, "VND"),
    # qualifiers
    ("hơn 300 người", 300, "more_than", None, None, "người", False, None),
    ("hơn 1.000 lượt", 1000, "more_than", None, None, "lượt", False, None),
    ("hơn 12 nghìn hộ", 12000, "more_than", None, None, "hộ", False, None),
    ("khoảng 1.500 lượt người", 1500, "about", None, None, "lượt người", False, None),
    ("khoảng 1,2 triệu lượt", 1_200_000, "about", None, None, "lượt", False, None),
    ("xấp xỉ 3.000 hộ", 3000, "about", None, None, "hộ", False, None),
    ("chừng 200 người", 200, "about", None, None, "người", False, None),
    ("ít nhất 2 buổi", 2, "at_least", None, None, "buổi", False, None),
    ("50 hộ trở lên", 50, "at_least", None, None, "hộ", False, None),
    ("từ 18 tuổi trở lên", 18, "at_least", None, None, "tuổi", False, None),
    ("tối đa 30 ngày", 30, "at_most", None, None, "ngày", False, None),
    ("không quá 5 người", 5, "at_most", None, None, "người", False, None),
    ("dưới 18 tuổi", 18, "less_than", None, None, "tuổi", False, None),
    ("Gần 300 hộ.", 300, "nearly", None, None, "hộ", False, None),
    # ranges and ratios
    ("10 - 20", 10, "range", 20, None, None, False, None),
    ("từ 10 đến 20 người", 10, "range", 20, None, "người", False, None),
    ("từ 10 tới 20 buổi", 10, "range", 20, None, "buổi", False, None),
    ("khoảng 10-15 người", 10, "range", 15, None, "người", False, None),
    ("9/9", 9, "exact", None, 9, None, False, None),
    ("17/17 xã, thị trấn", 17, "exact", None, 17, "xã, thị trấn", False, None),
    ("16 / 17 xã", 16, "exact", None, 17, "xã", False, None),
]


@pytest.mark.parametrize(
    ("text", "value", "precision", "upper", "denominator", "unit", "percent", "currency"),
    REAL_WORLD,
    ids=[row[0] for row in REAL_WORLD],
)
def test_real_world_quantities(
    *,
    text: str,
    value: int | Decimal,
    precision: str,
    upper: int | None,
    denominator: int | None,
    unit: str | None,
    percent: bool,
    currency: str | None,
) -> None:
    """Each real-world figure parses to its value, precision, bounds, unit and currency."""
    expected = ParsedQuantity(
        value=value,
        precision=precision,  # type: ignore[arg-type]  # the table holds valid codes as str
        upper=upper,
        denominator=denominator,
        unit_text=unit,
        is_percent=percent,
        currency=currency,
        as_written=text,
    )
    assert expected == parse_quantity(text)


def test_integer_values_are_int() -> None:
    """Whole numbers come back as int, fractional ones as Decimal (never float)."""
    values = [parse_quantity(t).value for t in ("1.838", "1,5 tỷ", "72,6%")]
    expected = [int, int, Decimal]
    assert expected == [type(v) for v in values]


AMBIGUOUS_OR_INVALID = [
    ("1.83", "three digits"),
    ("12.39", "three digits"),
    ("1.8380", "three digits"),
    ("0.5", "three digits"),
    ("1234.567", "three digits"),
    ("01.838", "three digits"),
    ("1,838", "ambiguous"),
    ("12,397", "ambiguous"),
    ("5,592 lượt người", "ambiguous"),
    ("hơn 1,838 người", "ambiguous"),
    ("1,838,000", "more than once"),
    ("1.234,567,8", "more than once"),
    ("1,234.5", "digit grouping after the decimal mark"),
    ("1.234\u00a0567", "mixed"),
    ("", "expected a number"),
    ("khoảng", "expected a number"),
    ("người", "expected a number"),
    ("từ 10", "'từ' needs"),
    ("20 - 10", "goes down"),
    ("9/0", "non-zero denominator"),
    ("hơn 10 trở lên", "conflicting"),
    ("10 20 người", "unexpected text"),
    ("10người", "unexpected text"),
    ("hơn 10 - 20", "cannot also be qualified"),
    ("5% tỷ", "word multiplier"),
    ("2 triệu 3 tỷ", "must decrease"),
]


@pytest.mark.parametrize(("text", "reason"), AMBIGUOUS_OR_INVALID)
def test_ambiguous_and_invalid_input_raises(text: str, reason: str) -> None:
    """Ambiguous or ill-formed figures raise VietnameseParseError with the reason, never guess."""
    with pytest.raises(VietnameseParseError) as caught:
        parse_quantity(text)
    expected = (text, "number", True)
    assert expected == (
        caught.value.text,
        caught.value.kind,
        reason in caught.value.reason,
    )


def test_error_is_an_antt_error_and_a_value_error_with_a_position() -> None:
    """The error can be caught as AnttError or ValueError and points at the bad separator."""
    with pytest.raises(AnttError) as caught:
        parse_number("1.83")
    expected = (True, 1)
    assert expected == (isinstance(caught.value, ValueError), caught.value.position)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.838", 1838), (" 12.397 ", 12397), ("1.234,5", D("1234.5")), ("7", 7)],
)
def test_parse_number(text: str, expected: int | Decimal) -> None:
    """parse_number reads one bare number."""
    assert expected == parse_number(text)


@pytest.mark.parametrize("text", ["1.83", "1,838", "12 người", "hơn 3", "-5", "1.838 "[:0]])
def test_parse_number_rejects_anything_else(text: str) -> None:
    """parse_number rejects ambiguous numbers and anything that is not just a number."""
    with pytest.raises(VietnameseParseError):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1,838", 1838), ("1,838,000", 1838000), ("72.6", D("72.6")), ("1,234.5", D("1234.5"))],
)
def test_english_digit_grouping(text: str, expected: int | Decimal) -> None:
    """lang="en" reads the comma as thousands separator and the dot as decimal mark."""
    assert expected == parse_number(text, lang="en")


def test_english_is_ambiguous_the_other_way() -> None:
    """In English, a dot followed by exactly three digits is ambiguous too."""
    with pytest.raises(VietnameseParseError):
        parse_number("1.838", lang="en")


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (1838, "1.838", "1,838"),
        (12397, "12.397", "12,397"),
        (995_000_000, "995.000.000", "995,000,000"),
        (D("1234.5"), "1.234,5", "1,234.5"),
        (D("1234.56789"), "1.234,56789", "1,234.56789"),
        (7, "7", "7"),
    ],
)
def test_format_number(value: int | Decimal, vi: str, en: str) -> None:
    """format_number uses Babel's vi/en grouping and keeps every written decimal."""
    expected = (vi, en)
    assert expected == (format_number(value, lang="vi"), format_number(value, lang="en"))


def test_format_percent_and_money() -> None:
    """Percentages are given in per cent; money is written in đồng (VND in English)."""
    expected: object = ("72,6%", "72.6%", "100%")
    assert expected == (
        format_percent(D("72.6")),
        format_percent(D("72.6"), lang="en"),
        format_percent(100),
    )
    expected = ("995.000.000 đồng", "995,000,000 VND")
    assert expected == (
        format_money(995_000_000),
        format_money(995_000_000, lang="en"),
    )


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("gần 2 tỷ đồng", "gần 2.000.000.000 đồng"),
        ("từ 10 tới 20 người", "từ 10 đến 20 người"),
        ("17/17 xã", "17/17 xã"),
        ("trên 80%", "hơn 80%"),
        ("50 hộ trở lên", "ít nhất 50 hộ"),
    ],
)
def test_format_quantity(text: str, written: str) -> None:
    """format_quantity writes a parsed figure back in canonical Vietnamese."""
    assert written == format_quantity(parse_quantity(text))


_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**15),
    st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
)


@given(_NUMBERS)
def test_format_then_parse_round_trips(value: int | Decimal) -> None:
    """parse_number(format_number(x)) == x unless the result would be ambiguous ('1,500')."""
    text = format_number(value)
    if re.fullmatch(r"[1-9]\d{0,2},\d{3}", text):
        with pytest.raises(VietnameseParseError, match="ambiguous"):
            parse_number(text)
    else:
        assert value == parse_number(text)


@given(
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["exact", "at_least", "more_than", "about", "nearly", "at_most", "range"]),
    st.sampled_from([None, "người", "lượt người", "đồng"]),
)
def test_format_quantity_round_trips(
    low: int, extra: int, precision: str, unit: str | None
) -> None:
    """format_quantity's text parses back to the same value, precision, bounds and unit."""
    quantity = ParsedQuantity(
        value=low,
        precision=precision,  # type: ignore[arg-type]  # sampled from the codelist
        upper=low + extra if precision == "range" else None,
        unit_text=unit,
        currency="VND" if unit == "đồng" else None,
        as_written="",
    )
    text = format_quantity(quantity)
    assert quantity == attrs.evolve(parse_quantity(text), as_written="")
