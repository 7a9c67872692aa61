"""Gazetteer: codes on dates across the 2025 reform, names, coverage and chaining."""

from __future__ import annotations

from datetime import date

import pytest

from antt_domain.vi import (
    AdminUnit,
    ChainGazetteer,
    Gazetteer,
    StaticGazetteer,
    bundled_gazetteer,
)

BEFORE = date(2021, 6, 1)
AFTER = date(2025, 8, 1)
REFORM = date(2025, 7, 1)


@pytest.mark.parametrize(
    ("code", "on", "full_name", "level", "parent", "version"),
    [
        ("38", BEFORE, "Tỉnh Thanh Hóa", "province", None, "gso-2021-02-03"),
        ("38", AFTER, "Tỉnh Thanh Hóa", "province", None, "gso-2021-02-03"),
        ("390", BEFORE, "Huyện Cẩm Thủy", "district", "38", "gso-2021-02-03"),
        ("15145", BEFORE, "Xã Cẩm Liên", "commune", "390", "gso-2021-02-03"),
        ("15175", BEFORE, "Xã Cẩm Yên", "commune", "390", "gso-2021-02-03"),
        ("15178", BEFORE, "Xã Cẩm Tân", "commune", "390", "gso-2021-02-03"),
        ("15127", BEFORE, "Thị trấn Phong Sơn", "commune", "390", "gso-2021-02-03"),
        ("15163", BEFORE, "Xã Cẩm Tâm", "commune", "390", "gso-2021-02-03"),
        ("15184", BEFORE, "Xã Cẩm Vân", "commune", "390", "gso-2021-02-03"),
        ("15127", AFTER, "Xã Cẩm Thủy", "commune", "38", "vn-2025-07-01"),
        ("15178", AFTER, "Xã Cẩm Tân", "commune", "38", "vn-2025-07-01"),
        ("15163", AFTER, "Xã Cẩm Vân", "commune", "38", "vn-2025-07-01"),
        ("15142", AFTER, "Xã Cẩm Thạch", "commune", "38", "vn-2025-07-01"),
    ],
)
def test_lookup_by_code_on_a_date(
    *, code: str, on: date, full_name: str, level: str, parent: str | None, version: str
) -> None:
    """A code resolves to the unit that carried it on the given date."""
    unit = bundled_gazetteer().lookup(code, on)
    expected = (full_name, level, parent, version)
    assert expected == (
        unit and unit.full_name,
        unit and unit.level,
        unit and unit.parent_code,
        unit and unit.version,
    )


def test_a_code_alone_is_not_an_identity() -> None:
    """15178 names the old Xã Cẩm Tân in 2021 and the merged new one in 2025: different units."""
    old = bundled_gazetteer().lookup("15178", BEFORE)
    new = bundled_gazetteer().lookup("15178", AFTER)
    assert old is not None
    assert new is not None
    expected: object = (old.code, old.name)
    assert expected == (new.code, new.name)
    assert old != new
    expected = ((None, REFORM), (REFORM, None))
    assert expected == (
        (old.valid_from, old.valid_to),
        (new.valid_from, new.valid_to),
    )


def test_validity_end_is_exclusive() -> None:
    """On 2025-07-01 the old units no longer exist and the new ones do."""
    gazetteer = bundled_gazetteer()
    day_before = date(2025, 6, 30)
    expected = ("Phong Sơn", "Cẩm Thủy", None, None)
    assert expected == (
        getattr(gazetteer.lookup("15127", day_before), "name", None),
        getattr(gazetteer.lookup("15127", REFORM), "name", None),
        gazetteer.lookup("390", REFORM),
        gazetteer.lookup("15175", REFORM),
    )


def test_unknown_codes_are_none() -> None:
    """A code the gazetteer does not hold gives None (also with surrounding spaces trimmed)."""
    expected = (None, "Cẩm Yên")
    assert expected == (
        bundled_gazetteer().lookup("00001", BEFORE),
        getattr(bundled_gazetteer().lookup(" 15175 ", BEFORE), "name", None),
    )


def test_find_matches_names_across_tone_styles() -> None:
    """'Cẩm Thuỷ' finds both the old district and the new commune spelled 'Cẩm Thủy'."""
    found = bundled_gazetteer().find("Cẩm Thuỷ")
    expected = [("390", "district"), ("15127", "commune")]
    assert expected == [(u.code, u.level) for u in found]


@pytest.mark.parametrize(
    ("query", "on", "level", "codes"),
    [
        ("Huyện Cẩm Thuỷ", None, None, ["390"]),
        ("xã cẩm thủy", None, None, ["15127"]),
        ("Cẩm Thuỷ", BEFORE, None, ["390"]),
        ("Cẩm Thuỷ", AFTER, None, ["15127"]),
        ("Cẩm Tân", None, "commune", ["15178", "15178"]),
        ("Thanh Hoá", AFTER, "province", ["38"]),
        ("Thị trấn Phong Sơn", AFTER, None, []),
        ("Cẩm Tú", None, None, []),
    ],
)
def test_find_filters(query: str, on: date | None, level: str | None, codes: list[str]) -> None:
    """A kind word in the query must match; on and level narrow the matches."""
    found = bundled_gazetteer().find(query, on=on, level=level)  # type: ignore[arg-type]
    assert codes == [unit.code for unit in found]


def test_bundled_gazetteer_covers_nothing() -> None:
    """The bundled extract is incomplete, so a miss is 'not covered', never 'unknown code'."""
    expected = (False, False)
    assert expected == (bundled_gazetteer().covers(BEFORE), bundled_gazetteer().covers(AFTER))


def _national() -> StaticGazetteer:
    """A stand-in for a plugin's complete national list (one unit, complete from 2025-07-01)."""
    unit = AdminUnit(
        code="00004",
        name="Ba Đình",
        kind="Phường",
        level="commune",
        parent_code="01",
        valid_from=REFORM,
        version="vn-2025-07-01",
    )
    return StaticGazetteer([unit], version="national-test", coverage=[(REFORM, None)])


def test_static_gazetteer_coverage_periods() -> None:
    """covers(on) is true inside a complete period (end exclusive) and false outside."""
    gazetteer = StaticGazetteer([], version="x", coverage=[(date(2021, 2, 3), REFORM)])
    expected = (False, True, True, False)
    assert expected == (
        gazetteer.covers(date(2021, 2, 2)),
        gazetteer.covers(date(2021, 2, 3)),
        gazetteer.covers(date(2025, 6, 30)),
        gazetteer.covers(REFORM),
    )


def test_chain_asks_sources_in_order() -> None:
    """The first source that knows a code wins; covers is any source's; find merges."""
    chain = ChainGazetteer([_national(), bundled_gazetteer()])
    expected: object = ("Ba Đình", "Cẩm Tân", None)
    assert expected == (
        getattr(chain.lookup("00004", AFTER), "name", None),
        getattr(chain.lookup("15178", AFTER), "name", None),
        chain.lookup("99999", AFTER),
    )
    expected = (True, False)
    assert expected == (chain.covers(AFTER), chain.covers(BEFORE))
    expected = "national-test + antt-domain-extract-2025.1"
    assert expected == chain.version
    expected = ["00004"]
    assert expected == [u.code for u in chain.find("Phường Ba Đình")]


def test_chain_first_match_wins_and_find_deduplicates() -> None:
    """A unit known to two sources is found once; the front source shadows lookups."""
    override = AdminUnit(
        code="15178", name="Cẩm Tân (plugin)", kind="Xã", level="commune", version="plugin"
    )
    chain = ChainGazetteer(
        [StaticGazetteer([override], version="p"), bundled_gazetteer(), bundled_gazetteer()]
    )
    expected: object = "Cẩm Tân (plugin)"
    assert expected == getattr(chain.lookup("15178", AFTER), "name", None)
    expected = 2
    assert expected == len(chain.find("Xã Cẩm Tân"))


def test_chain_needs_a_source() -> None:
    """An empty chain is a programming error."""
    with pytest.raises(ValueError, match="at least one"):
        ChainGazetteer([])


def test_gazetteers_satisfy_the_protocol() -> None:
    """StaticGazetteer, ChainGazetteer and the bundled one are Gazetteers."""
    candidates = [bundled_gazetteer(), ChainGazetteer([bundled_gazetteer()]), _national()]
    expected = [True, True, True]
    assert expected == [isinstance(c, Gazetteer) for c in candidates]
