"""The five misses of issue #16: attached currency, garbage symbols, TT., datetime, bad types."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from antt_domain.vi import (
    ChainGazetteer,
    VietnameseParseError,
    bundled_gazetteer,
    parse_quantity,
    parse_symbol,
)


@pytest.mark.parametrize(
    ("text", "value", "unit", "currency"),
    [
        ("50.000đ", 50_000, "đ", "VND"),
        ("50.000đồng", 50_000, "đồng", "VND"),
        ("1.200.000VNĐ", 1_200_000, "VNĐ", "VND"),
        ("20USD", 20, "USD", "USD"),
    ],
)
def test_currency_written_right_after_the_number(
    *, text: str, value: int, unit: str, currency: str
) -> None:
    """Money glued to its figure is read as money, as "50.000 đ" is."""
    parsed = parse_quantity(text)
    expected = (value, unit, currency)
    assert expected == (parsed.value, parsed.unit_text, parsed.currency)


@pytest.mark.parametrize("text", ["50.000đx", "5tr", "12người"])
def test_other_words_right_after_the_number_still_raise(text: str) -> None:
    """Only a currency may be glued to the figure; other words still need a space."""
    with pytest.raises(VietnameseParseError, match="right after the number"):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12/2021", "has no letters"),
        ("09/BCA-2021", "has no letters"),
        ("1-a/b", "unknown Party document type"),
        ("09/QĐ", "no issuer follows"),
        ("09/qd", "no issuer follows"),
    ],
)
def test_symbols_that_fit_no_family_raise(text: str, reason: str) -> None:
    """A month and year, an unknown Party type, a type with no issuer: not symbols."""
    with pytest.raises(VietnameseParseError, match=reason):
        parse_symbol(text)


@pytest.mark.parametrize("text", ["123/BCA-V05", "09/QĐ-BCA", "80/2015/QH13", "09-CT/TW"])
def test_real_symbols_still_parse(text: str) -> None:
    """The stricter checks leave real symbols alone."""
    assert text == parse_symbol(text).normal


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("TT. Phong Sơn", "15127"),
        ("TT.Phong Sơn", "15127"),
        ("tt. phong sơn", "15127"),
        ("H. Cẩm Thuỷ", "390"),
        ("X. Cẩm Liên", "15145"),
    ],
)
def test_find_with_abbreviated_kinds(query: str, code: str) -> None:
    """The usual abbreviations of kind words find the unit, and the kind must match."""
    found = bundled_gazetteer().find(query, on=date(2021, 6, 1))
    expected = [code]
    assert expected == [unit.code for unit in found]


def test_abbreviated_kind_must_match() -> None:
    """ "P. Phong Sơn" names a ward: the thị trấn is not it."""
    expected = ()
    assert expected == bundled_gazetteer().find("P. Phong Sơn")


@pytest.mark.parametrize("gazetteer", [bundled_gazetteer(), ChainGazetteer([bundled_gazetteer()])])
def test_lookup_with_a_datetime_uses_its_date(gazetteer: object) -> None:
    """A datetime is read as its date, on both sides of the reform."""
    assert isinstance(gazetteer, (ChainGazetteer, type(bundled_gazetteer())))
    before = gazetteer.lookup("15127", datetime(2025, 6, 30, 23, 59))
    after = gazetteer.lookup("15127", datetime(2025, 7, 1, 0, 0))
    covers = gazetteer.covers(datetime(2025, 7, 1, 8, 0))
    expected = ("Thị trấn Phong Sơn", "Xã Cẩm Thủy", False)
    assert expected == (
        before and before.full_name,
        after and after.full_name,
        covers,
    )


@pytest.mark.parametrize(
    ("call", "expected_type"),
    [
        (lambda g: g.lookup(15127, date(2021, 1, 1)), "must be a str"),
        (lambda g: g.lookup(None, date(2021, 1, 1)), "must be a str"),
        (lambda g: g.lookup("15127", "2021-01-01"), "must be a datetime.date"),
        (lambda g: g.find("Cẩm Tân", on="2021-01-01"), "must be a datetime.date"),
        (lambda g: g.find(390), "must be a str"),
        (lambda g: g.covers(2021), "must be a datetime.date"),
    ],
)
@pytest.mark.parametrize("gazetteer", [bundled_gazetteer(), ChainGazetteer([bundled_gazetteer()])])
def test_bad_argument_types_raise_type_error(
    call: object, expected_type: str, gazetteer: object
) -> None:
    """A wrong argument type is a TypeError naming the expected type, not an AttributeError."""
    assert callable(call)
    with pytest.raises(TypeError, match=expected_type):
        call(gazetteer)
