"""The national gazetteer: both eras, the mapping, names, registration, speed (measured)."""

from __future__ import annotations

import time
from datetime import date, datetime
from typing import Any

import pytest
from antt_domain.plugins import plugin_manager
from antt_domain.vi import (
    REFORM_2025,
    Gazetteer,
    SuccessionGazetteer,
    bundled_gazetteer,
    name_key,
)

from antt_domain_gazetteer_vn import (
    AFTER_VERSION,
    BEFORE_VERSION,
    NationalGazetteer,
    national_gazetteer,
)

BEFORE = date(2025, 6, 30)
AFTER = REFORM_2025
OLD = date(2021, 6, 1)


def _count(level: str, on: date) -> int:
    return sum(1 for u in national_gazetteer().units if u.level == level and u.valid_on(on))


def test_counts_before_and_after_the_reform() -> None:
    """63 provinces, 696 districts, 10,035 communes; then 34 provinces and 3,321 communes."""
    expected = ((63, 696, 10_035), (34, 0, 3_321))
    assert expected == tuple(
        (_count("province", on), _count("district", on), _count("commune", on))
        for on in (BEFORE, AFTER)
    )


def _thanh_hoa_communes() -> list[Any]:
    g = national_gazetteer()
    districts = {
        u.code
        for u in g.units
        if u.level == "district" and u.parent_code == "38" and u.valid_on(BEFORE)
    }
    return [
        u
        for u in g.units
        if u.level == "commune" and u.parent_code in districts and u.valid_on(BEFORE)
    ]


def test_every_thanh_hoa_commune_maps_to_a_successor_in_thanh_hoa() -> None:
    """Each commune of Thanh Hoá on 2025-06-30 passed into a new commune of Tỉnh Thanh Hóa."""
    communes = _thanh_hoa_communes()
    g = national_gazetteer()
    orphans = [
        u.code
        for u in communes
        if not (links := g.successors(u.code))
        or any(s.successor.parent_code != "38" or s.former != u for s in links)
        or not any(s.successor.valid_on(AFTER) and s.successor.level == "commune" for s in links)
    ]
    expected: tuple[bool, list[str]] = (True, [])
    assert expected == (len(communes) > 400, orphans)


def test_tho_xuan_and_cam_thuy_across_the_reform() -> None:
    """District 395 exists before the reform only; 15127 changes unit on 2025-07-01."""
    g = national_gazetteer()
    expected = (
        ("Huyện Thọ Xuân", "38", BEFORE_VERSION),
        None,
        "Thị trấn Phong Sơn",
        "Xã Cẩm Thủy",
        None,
        ("Tỉnh Thanh Hóa", "Tỉnh Thanh Hóa"),
    )
    tho_xuan = g.lookup("395", OLD)
    assert expected == (
        tho_xuan and (tho_xuan.full_name, tho_xuan.parent_code, tho_xuan.version),
        g.lookup("395", AFTER),
        getattr(g.lookup("15127", datetime(2025, 6, 30, 23, 0)), "full_name", None),
        getattr(g.lookup("15127", AFTER), "full_name", None),
        g.lookup("15145", date(2025, 8, 1)),
        tuple(getattr(g.lookup("38", on), "full_name", None) for on in (OLD, AFTER)),
    )


def test_successors_and_predecessors_of_cam_thuy_communes() -> None:
    """Cẩm Liên went wholly into Cẩm Thạch; Cẩm Thạch (15142) came from four communes."""
    g = national_gazetteer()
    (link,) = g.successors("15145")
    predecessors = {
        s.former.full_name for s in g.predecessors("15142") if s.former.level == "commune"
    }
    expected = (
        ("Xã Cẩm Liên", "Xã Cẩm Thạch", True, AFTER, None, AFTER_VERSION),
        {"Xã Cẩm Thành", "Xã Cẩm Thạch", "Xã Cẩm Liên", "Xã Cẩm Bình"},
    )
    assert expected == (
        (
            link.former.full_name,
            link.successor.full_name,
            link.whole,
            link.effective,
            link.legal_basis,
            link.successor.version,
        ),
        predecessors,
    )


def test_a_divided_commune_is_partial_and_a_district_lists_its_communes_successors() -> None:
    """A former unit split among several successors is "part" in each; so is a district."""
    g = national_gazetteer()
    divided = [
        code
        for code in {u.code for u in g.units if u.level == "commune" and u.valid_on(BEFORE)}
        if len(g.successors(code)) > 1
    ]
    cam_thuy = {s.successor.full_name: s.whole for s in g.successors("390")}
    assert divided
    assert all(not s.whole for s in g.successors(divided[0]))
    expected = {
        "Xã Cẩm Thủy": False,
        "Xã Cẩm Thạch": False,
        "Xã Cẩm Tú": False,
        "Xã Cẩm Vân": False,
        "Xã Cẩm Tân": False,
    }
    assert expected == cam_thuy


def test_merged_provinces_name_their_legal_basis() -> None:
    """Hà Giang (02) went wholly into Tuyên Quang (08), by Nghị quyết 202/2025/QH15."""
    (link,) = national_gazetteer().successors("02")
    expected = ("Tỉnh Hà Giang", "Tỉnh Tuyên Quang", True, "Nghị quyết 202/2025/QH15")
    assert expected == (
        link.former.full_name,
        link.successor.full_name,
        link.whole,
        link.legal_basis,
    )


def test_unknown_codes_have_no_succession() -> None:
    """A code of neither list, or of the wrong side, gives no links."""
    g = national_gazetteer()
    expected = ((), (), ())
    assert expected == (g.successors("99"), g.predecessors("99999"), g.predecessors("395"))


@pytest.mark.parametrize(
    ("query", "on", "level", "expected"),
    [
        ("TT. Phong Sơn", None, None, [("15127", "Thị trấn")]),
        ("tt.phong son", None, None, []),  # without diacritics it is another name
        ("TP. Thanh Hoá", BEFORE, None, [("380", "Thành phố")]),
        ("H. Thọ Xuân", None, None, [("395", "Huyện")]),
        ("X. Cẩm Liên", None, None, [("15145", "Xã")]),
        ("P. Hạc Thành", AFTER, None, [("14797", "Phường")]),
        ("Xã Cẩm Thuỷ", None, None, [("15127", "Xã")]),
        ("Cẩm Thủy", OLD, "district", [("390", "Huyện")]),
        ("Tỉnh Thanh Hoá", AFTER, None, [("38", "Tỉnh")]),
    ],
)
def test_find_with_abbreviations_and_tone_styles(
    *, query: str, on: date | None, level: Any, expected: list[tuple[str, str]]
) -> None:
    """Kind abbreviations, tone-mark placement and case do not matter; the kind does."""
    found = national_gazetteer().find(query, on=on, level=level)
    assert expected == [(u.code, u.kind) for u in found]


def test_bad_argument_types() -> None:
    """Wrong types are a TypeError naming the expected type."""
    g = national_gazetteer()
    with pytest.raises(TypeError, match="must be a str"):
        g.lookup(395, OLD)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"datetime\.date"):
        g.lookup("395", "2021-06-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        g.find(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        g.successors(15145)  # type: ignore[arg-type]


def test_covers_from_the_last_day_before_the_reform() -> None:
    """Complete from 2025-06-30 on; earlier mergers are not in the data, so not before."""
    g = national_gazetteer()
    expected = (False, True, True)
    assert expected == (g.covers(OLD), g.covers(BEFORE), g.covers(datetime(2026, 1, 1, 9)))


def test_agrees_with_the_bundled_extract() -> None:
    """Every unit of the hand-written Cẩm Thuỷ extract has the same name and kind here."""
    g = national_gazetteer()
    disagreements = []
    for unit in bundled_gazetteer().units:
        on = unit.valid_from or BEFORE
        mine = g.lookup(unit.code, on)
        if mine is None or name_key(mine.full_name) != name_key(unit.full_name):
            disagreements.append((unit.code, unit.full_name, mine and mine.full_name))
    expected: list[object] = []
    assert expected == disagreements


def test_registered_through_the_entry_point() -> None:
    """Installed, the plugin's gazetteer comes first in the manager's chain."""
    pm = plugin_manager()
    chain = pm.gazetteer()
    expected = (True, True, "Huyện Thọ Xuân")
    assert expected == (
        any(isinstance(g, NationalGazetteer) for g in pm.gazetteers()),
        isinstance(national_gazetteer(), SuccessionGazetteer) and isinstance(chain, Gazetteer),
        getattr(chain.lookup("395", OLD), "full_name", None),
    )


def test_load_time_and_size_are_measured(record_property: Any) -> None:
    """Loading is measured (target ≤ 0.2 s), not asserted: the machine decides the time."""
    fresh = NationalGazetteer()
    start = time.perf_counter()
    fresh.lookup("38", OLD)
    loaded = time.perf_counter() - start
    fresh.find("Cẩm Tân")
    found = time.perf_counter() - start - loaded
    record_property("load_seconds", round(loaded, 3))
    record_property("first_find_seconds", round(found, 3))
    assert fresh.lookup("38", AFTER) is not None


def test_the_mapping_reaches_callers_through_the_plugin_manager() -> None:
    """The gazetteer antt uses (the plugin's, behind the plugin guard and the chain with the
    bundled extract) answers successors and predecessors too."""
    from antt_domain.plugins import plugin_manager  # noqa: PLC0415

    gazetteer = plugin_manager(environ={}).gazetteer()
    (link,) = gazetteer.successors("15145")  # Cẩm Liên
    assert (link.successor.code, link.successor.name) == ("15142", "Cẩm Thạch")
    assert any(p.former.code == "15145" for p in gazetteer.predecessors("15142"))
