"""Dates: the Decree 30/2020 date line both ways, dd/mm/yyyy, month and quarter names."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_domain.vi import (
    DateLine,
    VietnameseParseError,
    format_date_line,
    format_dmy,
    format_long_date,
    month_name,
    parse_date_line,
    parse_dmy,
    parse_month,
    parse_quarter,
    quarter_name,
    quarter_of,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2021, 3, 5), "Cẩm Thuỷ, ngày 05 tháng 3 năm 2021"),
        (date(2021, 1, 15), "Cẩm Thuỷ, ngày 15 tháng 01 năm 2021"),
        (date(2020, 2, 9), "Cẩm Thuỷ, ngày 09 tháng 02 năm 2020"),
        (date(2021, 12, 28), "Cẩm Thuỷ, ngày 28 tháng 12 năm 2021"),
        (date(2021, 10, 1), "Cẩm Thuỷ, ngày 01 tháng 10 năm 2021"),
    ],
)
def test_format_date_line_pads_days_and_months_one_and_two(day: date, expected: str) -> None:
    """Days below 10 and months 1-2 get a leading zero; months 3-12 do not (Decree 30/2020)."""
    assert expected == format_date_line(day, place="Cẩm Thuỷ")


def test_format_long_date() -> None:
    """The long date is the date line without the place."""
    expected = "ngày 05 tháng 3 năm 2021"
    assert expected == format_long_date(date(2021, 3, 5))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cẩm Thuỷ, ngày 05 tháng 3 năm 2021", DateLine("Cẩm Thuỷ", date(2021, 3, 5))),
        ("Cẩm Thuỷ, ngày 5 tháng 3 năm 2021", DateLine("Cẩm Thuỷ", date(2021, 3, 5))),
        ("Hà Nội, ngày 15 tháng 1 năm 2021", DateLine("Hà Nội", date(2021, 1, 15))),
        ("Hà Nội, ngày 15 tháng 01 năm 2021.", DateLine("Hà Nội", date(2021, 1, 15))),
        (
            "TP. Hồ Chí Minh, Ngày 1 Tháng 02 Năm 2020",
            DateLine("TP. Hồ Chí Minh", date(2020, 2, 1)),
        ),
        ("  Thanh Hoá ,  ngày 28  tháng 12 năm 2021 ", DateLine("Thanh Hoá", date(2021, 12, 28))),
        ("ngày 20 tháng 01 năm 2022", DateLine(None, date(2022, 1, 20))),
    ],
)
def test_parse_date_line_accepts_padded_and_unpadded(text: str, expected: DateLine) -> None:
    """The place is kept as written; the date may be padded or not."""
    assert expected == parse_date_line(text)


@given(st.dates(min_value=date(1945, 9, 2), max_value=date(2100, 12, 31)))
def test_date_line_round_trips(day: date) -> None:
    """parse_date_line(format_date_line(d, place=p)) == (p, d)."""
    expected = ("Cẩm Thuỷ", day)
    assert expected == parse_date_line(format_date_line(day, place="Cẩm Thuỷ"))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Hà Nội, ngày 30 tháng 02 năm 2021", "no such date"),
        ("Hà Nội, ngày 29 tháng 02 năm 2021", "no such date"),
        ("Hà Nội, ngày 5 tháng 13 năm 2021", "no such date"),
        ("Hà Nội, ngày   tháng   năm 2021", "expected"),
        ("Hà Nội ngày 5 tháng 3 năm 2021", "comma"),
        ("Hà Nội, ngày 5 tháng 3 năm 2021 (dự thảo)", "expected"),
        ("05/03/2021", "expected"),
    ],
)
def test_parse_date_line_errors(text: str, reason: str) -> None:
    """Impossible dates, blank drafts and other shapes raise with a reason."""
    with pytest.raises(VietnameseParseError) as caught:
        parse_date_line(text)
    expected = ("date-line", True)
    assert expected == (caught.value.kind, reason in caught.value.reason)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/03/2021", date(2021, 3, 5)),
        ("5/3/2021", date(2021, 3, 5)),
        ("29/02/2024", date(2024, 2, 29)),
        ("01-12-2013", date(2013, 12, 1)),
        ("1.8.2013", date(2013, 8, 1)),
        (" 28/12/2021 ", date(2021, 12, 28)),
    ],
)
def test_parse_dmy(text: str, expected: date) -> None:
    """Day-first dates with '/', '-' or '.' and optional zero padding."""
    assert expected == parse_dmy(text)


@pytest.mark.parametrize(
    "text",
    ["31/02/2021", "29/02/2021", "00/01/2021", "12/13/2021", "2021-03-05", "5/3/21", "5/3-2021"],
)
def test_parse_dmy_errors(text: str) -> None:
    """Impossible dates, two-digit years, ISO order and mixed separators raise."""
    with pytest.raises(VietnameseParseError):
        parse_dmy(text)


def test_format_dmy() -> None:
    """dd/mm/yyyy with both fields zero-padded."""
    expected = "05/03/2021"
    assert expected == format_dmy(date(2021, 3, 5))


def test_month_names() -> None:
    """Month names in digits, in words (report style) and in English."""
    expected = ("tháng 3", "tháng Ba", "March", "tháng Mười Hai")
    assert expected == (
        month_name(3),
        month_name(3, words=True),
        month_name(3, lang="en"),
        month_name(12, words=True),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("tháng 3", 3), ("Tháng 03", 3), ("tháng Ba", 3), ("THÁNG TƯ", 4), ("tháng Mười Một", 11)],
)
def test_parse_month(text: str, expected: int) -> None:
    """Vietnamese month names in digits or words, any case."""
    assert expected == parse_month(text)


def test_parse_month_rejects_unknown_names() -> None:
    """Lunar-calendar names and other text are not months of the solar calendar."""
    with pytest.raises(VietnameseParseError):
        parse_month("tháng Giêng")


def test_quarters() -> None:
    """Quarter names use Roman numerals in Vietnamese."""
    expected: object = (["quý I", "quý II", "quý III", "quý IV"], "Q4")
    assert expected == (
        [quarter_name(q) for q in range(1, 5)],
        quarter_name(4, lang="en"),
    )
    expected = [1, 2, 3, 4, 4, 2]
    assert expected == [
        parse_quarter(t) for t in ("quý I", "Quý II", "QUÝ  III", "quý IV", "Q4", "quý 2")
    ]
    expected = [1, 1, 2, 4]
    assert expected == [quarter_of(date(2021, m, 1)) for m in (1, 3, 4, 12)]


@pytest.mark.parametrize("bad", [0, 13])
def test_month_name_out_of_range(bad: int) -> None:
    """month_name rejects numbers outside 1-12 with ValueError."""
    with pytest.raises(ValueError, match="month"):
        month_name(bad)


def test_quarter_errors() -> None:
    """quarter_name rejects 5; parse_quarter rejects 'quý V'."""
    with pytest.raises(ValueError, match="quarter"):
        quarter_name(5)
    with pytest.raises(VietnameseParseError):
        parse_quarter("quý V")
