"""Document numbers and symbols: real symbols, their variant spellings and the codelist."""

from __future__ import annotations

import unicodedata

import pytest

from antt_domain.vi import (
    DocumentSymbol,
    SymbolDeviation,
    VietnameseParseError,
    document_type,
    document_types,
    normalise_symbol,
    parse_symbol,
    same_document,
)

# (symbol, family, number, year, type, issuers, units) -- real symbols from this field
REAL = [
    # legal documents
    ("124/2021/TT-BCA", "legal", 124, 2021, "TT", ("BCA",), ()),
    ("23/2012/TT-BCA", "legal", 23, 2012, "TT", ("BCA",), ()),
    ("06/2014/NĐ-CP", "legal", 6, 2014, "NĐ", ("CP",), ()),
    ("30/2020/NĐ-CP", "legal", 30, 2020, "NĐ", ("CP",), ()),
    ("34/2016/NĐ-CP", "legal", 34, 2016, "NĐ", ("CP",), ()),
    ("110/2004/NĐ-CP", "legal", 110, 2004, "NĐ", ("CP",), ()),
    ("521/2005/QĐ-TTg", "legal", 521, 2005, "QĐ", ("TTg",), ()),
    ("01/2011/TT-BNV", "legal", 1, 2011, "TT", ("BNV",), ()),
    ("55/2005/TTLT-BNV-VPCP", "legal", 55, 2005, "TTLT", ("BNV", "VPCP"), ()),
    ("01/2008/NQLT-BCA-UBTWMTTQVN", "legal", 1, 2008, "NQLT", ("BCA", "UBTWMTTQVN"), ()),
    ("80/2015/QH13", "legal", 80, 2015, None, ("QH13",), ()),
    ("63/2020/QH14", "legal", 63, 2020, None, ("QH14",), ()),
    ("75/2015/QH13", "legal", 75, 2015, None, ("QH13",), ()),
    ("37/2018/QH14", "legal", 37, 2018, None, ("QH14",), ()),
    ("06/2018/QH14", "legal", 6, 2018, None, ("QH14",), ()),
    ("30/2023/QH15", "legal", 30, 2023, None, ("QH15",), ()),
    # administrative documents, coordination programmes, joint resolutions
    ("510/QĐ-BCA-V05", "administrative", 510, None, "QĐ", ("BCA",), ("V05",)),
    ("15/BC-CAH", "administrative", 15, None, "BC", ("CAH",), ()),
    ("09/CTr-BCA-MTTW", "administrative", 9, None, "CTr", ("BCA", "MTTW"), ()),
    ("01/NQLT-CA-MTTQ", "administrative", 1, None, "NQLT", ("CA", "MTTQ"), ()),
    ("123/BCA-V05", "administrative", 123, None, None, ("BCA",), ("V05",)),
    ("02/CTrPH-CAH-HLHPN", "administrative", 2, None, "CTrPH", ("CAH", "HLHPN"), ()),
    ("03/CTPH-CAH-ĐTN", "administrative", 3, None, "CTPH", ("CAH", "ĐTN"), ()),
    # Party documents
    ("09-CT/TW", "party", 9, None, "CT", ("TW",), ()),
    ("46-CT/TW", "party", 46, None, "CT", ("TW",), ()),
    ("48-CT/TW", "party", 48, None, "CT", ("TW",), ()),
    ("05-CT/TW", "party", 5, None, "CT", ("TW",), ()),
    ("12-NQ/TW", "party", 12, None, "NQ", ("TW",), ()),
    ("18-NQ/TW", "party", 18, None, "NQ", ("TW",), ()),
    ("15-NQ/TU", "party", 15, None, "NQ", ("TU",), ()),
    ("66-QĐ/TW", "party", 66, None, "QĐ", ("TW",), ()),
    ("08-QĐi/TW", "party", 8, None, "QĐi", ("TW",), ()),
    ("36-HD/VPTW", "party", 36, None, "HD", ("VPTW",), ()),
]


@pytest.mark.parametrize(
    ("text", "family", "number", "year", "type_code", "issuers", "units"),
    REAL,
    ids=[row[0] for row in REAL],
)
def test_real_symbols_parse_without_deviations(
    *,
    text: str,
    family: str,
    number: int,
    year: int | None,
    type_code: str | None,
    issuers: tuple[str, ...],
    units: tuple[str, ...],
) -> None:
    """Each real symbol parses into its parts, is its own normal form and has no deviations."""
    expected = DocumentSymbol(
        family=family,  # type: ignore[arg-type]  # the table holds valid families as str
        number=number,
        year=year,
        type_code=type_code,
        issuers=issuers,
        units=units,
        normal=text,
        as_written=text,
        deviations=(),
    )
    assert expected == parse_symbol(text)


def dev(code: str, found: str, expected: str) -> SymbolDeviation:
    """Build an expected deviation."""
    return SymbolDeviation(code=code, found=found, expected=expected)  # type: ignore[arg-type]


# (as written, normal form, deviations)
VARIANTS = [
    ("09/Ctr-BCA-TTTW", "09/CTr-BCA-TTTW", [dev("case", "Ctr", "CTr")]),
    ("09/CTR-BCA-MTTW", "09/CTr-BCA-MTTW", [dev("case", "CTR", "CTr")]),
    (
        "09/ctr-bca-mttw",
        "09/CTr-BCA-MTTW",
        [dev("case", "ctr", "CTr"), dev("case", "bca", "BCA"), dev("case", "mttw", "MTTW")],
    ),
    ("9/CTr-BCA-MTTW", "09/CTr-BCA-MTTW", [dev("number-padding", "9", "09")]),
    ("510/QD-BCA-V05", "510/QĐ-BCA-V05", [dev("missing-diacritic", "QD", "QĐ")]),
    ("510/QÐ-BCA-V05", "510/QĐ-BCA-V05", [dev("lookalike", "\u00d0", "Đ")]),
    (
        "510/qđ-bca-v05",
        "510/QĐ-BCA-V05",
        [dev("case", "qđ", "QĐ"), dev("case", "bca", "BCA"), dev("case", "v05", "V05")],
    ),
    (
        "510/QĐ BCA-V05",
        "510/QĐ-BCA-V05",
        [dev("missing-hyphen", "510/QĐ BCA-V05", "510/QĐ-BCA-V05")],
    ),
    ("06/2014/ND-CP", "06/2014/NĐ-CP", [dev("missing-diacritic", "ND", "NĐ")]),
    (
        "06/2014/nd-cp",
        "06/2014/NĐ-CP",
        [dev("missing-diacritic", "nd", "NĐ"), dev("case", "nd", "NĐ"), dev("case", "cp", "CP")],
    ),
    ("06/2014/NĐ\u2013CP", "06/2014/NĐ-CP", [dev("dash", "\u2013", "-")]),
    ("06/2014/NĐ—CP", "06/2014/NĐ-CP", [dev("dash", "—", "-")]),
    ("06/2014/NĐCP", "06/2014/NĐ-CP", [dev("missing-hyphen", "NĐCP", "NĐ-CP")]),
    ("6/2014/NĐ-CP", "06/2014/NĐ-CP", [dev("number-padding", "6", "06")]),
    (
        "124 / 2021 / TT - BCA",
        "124/2021/TT-BCA",
        [dev("spacing", "124 / 2021 / TT - BCA", "124/2021/TT-BCA")],
    ),
    ("124/2021/TTBCA", "124/2021/TT-BCA", [dev("missing-hyphen", "TTBCA", "TT-BCA")]),
    ("124/2021/Tt-BCA", "124/2021/TT-BCA", [dev("case", "Tt", "TT")]),
    ("Số: 124/2021/TT-BCA", "124/2021/TT-BCA", [dev("label", "Số: ", "")]),
    ("số 09-CT/TW", "09-CT/TW", [dev("label", "số ", "")]),
    ("521/2005/QĐ-TTG", "521/2005/QĐ-TTg", [dev("case", "TTG", "TTg")]),
    ("521/2005/QD-TTg", "521/2005/QĐ-TTg", [dev("missing-diacritic", "QD", "QĐ")]),
    (
        "01/2008/NQLT\u2013BCA\u2013UBTWMTTQVN",
        "01/2008/NQLT-BCA-UBTWMTTQVN",
        [dev("dash", "\u2013", "-")],
    ),
    ("01/NQLT-CA-MTTQ ", "01/NQLT-CA-MTTQ", []),
    ("09 - CT / TW", "09-CT/TW", [dev("spacing", "09 - CT / TW", "09-CT/TW")]),
    ("09CT/TW", "09-CT/TW", [dev("missing-hyphen", "09CT", "09-CT")]),
    ("9-CT/TW", "09-CT/TW", [dev("number-padding", "9", "09")]),
    ("09-ct/tw", "09-CT/TW", [dev("case", "ct", "CT"), dev("case", "tw", "TW")]),
    ("66-QD/TW", "66-QĐ/TW", [dev("missing-diacritic", "QD", "QĐ")]),
    ("15\uff0dNQ\uff0fTU", "15-NQ/TU", [dev("dash", "\uff0d", "-"), dev("slash", "\uff0f", "/")]),
    ("80/2015/qh13", "80/2015/QH13", [dev("case", "qh13", "QH13")]),
    ("02/CTRPH-CAH-HLHPN", "02/CTrPH-CAH-HLHPN", [dev("case", "CTRPH", "CTrPH")]),
    ("12/BC-HĐND", "12/BC-HĐND", []),
    ("12/BC-HDND", "12/BC-HĐND", [dev("missing-diacritic", "HDND", "HĐND")]),
]


@pytest.mark.parametrize(("text", "normal", "deviations"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variant_spellings_are_normalised_with_deviations(
    text: str, normal: str, deviations: list[SymbolDeviation]
) -> None:
    """Variant spellings parse; the normal form is fixed and each difference is reported."""
    parsed = parse_symbol(text)
    expected = (normal, tuple(deviations), text)
    assert expected == (
        parsed.normal,
        parsed.deviations,
        parsed.as_written,
    )


def test_nfd_input_is_not_a_deviation() -> None:
    """Decomposed Unicode is the same text: no deviation."""
    expected = ()
    assert expected == parse_symbol(unicodedata.normalize("NFD", "06/2014/NĐ-CP")).deviations


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("CTPH 09", "not a document symbol"),
        ("09", "not a document symbol"),
        ("", "not a document symbol"),
        ("abc/def", "not a document symbol"),
        ("0/QĐ-BCA", "must not be 0"),
        ("09/QĐ--BCA", "empty or invalid part"),
        ("09/QĐ-BCA-", "empty or invalid part"),
        ("09/QĐ-BC@", "empty or invalid part"),
        ("124/1900/TT-BCA", "implausible year"),
        ("124/2021/TT-BCA/V05", "invalid part"),
    ],
)
def test_unparseable_symbols_raise(text: str, reason: str) -> None:
    """Text that fits no family raises VietnameseParseError with a reason."""
    with pytest.raises(VietnameseParseError) as caught:
        parse_symbol(text)
    expected = ("symbol", True)
    assert expected == (caught.value.kind, reason in caught.value.reason)


def test_joint_and_normal_properties() -> None:
    """is_joint means several issuers; is_normal means no deviations."""
    joint = parse_symbol("09/Ctr-BCA-MTTW")
    single = parse_symbol("510/QĐ-BCA-V05")
    expected = (True, False, False, True)
    assert expected == (
        joint.is_joint,
        joint.is_normal,
        single.is_joint,
        single.is_normal,
    )


def test_document_type_of_a_symbol() -> None:
    """A symbol's type resolves to its codelist entry in the symbol's family."""
    circular = parse_symbol("124/2021/TT-BCA").document_type
    party = parse_symbol("05-TT/TW").document_type
    expected = ("Thông tư", "Circular", "Thông tri")
    assert expected == (
        circular and circular.vi,
        circular and circular.en,
        party and party.vi,
    )
    assert parse_symbol("123/BCA-V05").document_type is None


def test_normalise_and_same_document() -> None:
    """Spellings of one symbol are the same document; other issuers or numbers are not."""
    expected = "09/CTr-BCA-MTTW"
    assert expected == normalise_symbol("9/CTR - BCA - MTTW")
    assert same_document("09/Ctr-BCA-MTTW", "09/CTR-BCA-MTTW")
    assert same_document(parse_symbol("6/2014/ND-CP"), "06/2014/NĐ-CP")
    assert not same_document("09/CTr-BCA-MTTW", "09/CTr-BCA-TTTW")
    assert not same_document("01/2008/NQLT-BCA-UBTWMTTQVN", "01/NQLT-CA-MTTQ")


DECREE_30_APPENDIX_III = [
    "NQ",
    "QĐ",
    "CT",
    "QC",
    "QyĐ",
    "TC",
    "TB",
    "HD",
    "CTr",
    "KH",
    "PA",
    "ĐA",
    "DA",
    "BC",
    "BB",
    "TTr",
    "HĐ",
    "CĐ",
    "BGN",
    "BTT",
    "GUQ",
    "GM",
    "GGT",
    "GNP",
    "PG",
    "PC",
    "PB",
    "SY",
    "SL",
    "TS",
]


def test_codelist_holds_decree_30_appendix_iii() -> None:
    """Every Decree 30/2020 Appendix III abbreviation is in the codelist as administrative."""
    missing = [c for c in DECREE_30_APPENDIX_III if document_type(c, "administrative") is None]
    expected: object = []
    assert expected == missing


def test_codelist_entries_are_complete_and_unique() -> None:
    """Each entry has Vietnamese and English names; (code, family) pairs are unique."""
    pairs = [(t.code, f) for t in document_types() for f in t.families]
    assert len(pairs) == len(set(pairs))
    assert all(t.vi and t.en and t.families and t.source for t in document_types())
    assert {"NĐ", "TT", "TTLT", "NQLT", "L"} <= {
        t.code for t in document_types() if "legal" in t.families
    }
