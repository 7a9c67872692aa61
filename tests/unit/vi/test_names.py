"""Names: matching keys across tone styles, Unicode forms, the look-alike Ð and unit prefixes."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_domain.vi import ascii_key, fix_lookalikes, name_key, place_tones, same_name, slug

# (cluster, "classic" spelling, "nucleus" spelling). Only open oa, oe, uy differ between styles.
CLUSTERS = [
    ("a", "má", "má"),
    ("ă", "mắt", "mắt"),
    ("â", "mất", "mất"),
    ("e", "mé", "mé"),
    ("ê", "mế", "mế"),
    ("i", "mí", "mí"),
    ("o", "mó", "mó"),
    ("ô", "mố", "mố"),
    ("ơ", "mớ", "mớ"),
    ("u", "mú", "mú"),
    ("ư", "mứt", "mứt"),
    ("y", "ý", "ý"),
    ("ai", "tài", "tài"),
    ("ao", "báo", "báo"),
    ("au", "sáu", "sáu"),
    ("âu", "đậu", "đậu"),
    ("ay", "máy", "máy"),
    ("ây", "mấy", "mấy"),
    ("eo", "kéo", "kéo"),
    ("êu", "nếu", "nếu"),
    ("ia", "mía", "mía"),
    ("iê + final", "tiến", "tiến"),
    ("iu", "dịu", "dịu"),
    ("oa open", "hòa", "hoà"),
    ("oa open, Thanh Hoá", "Thanh Hóa", "Thanh Hoá"),
    ("oa + final", "hoàn", "hoàn"),
    ("oa + ch", "hoạch", "hoạch"),
    ("oă + final", "hoặc", "hoặc"),
    ("oe open", "khỏe", "khoẻ"),
    ("oe + final", "xoẹt", "xoẹt"),
    ("oi", "đói", "đói"),
    ("ôi", "tối", "tối"),
    ("ơi", "mới", "mới"),
    ("oo + final", "xoòng", "xoòng"),
    ("ua", "múa", "múa"),
    ("ua (của)", "của", "của"),
    ("uâ + final", "tuần", "tuần"),
    ("uê", "thuế", "thuế"),
    ("ui", "túi", "túi"),
    ("uô + final", "muốn", "muốn"),
    ("uơ", "thuở", "thuở"),
    ("uy open", "thủy", "thuỷ"),
    ("uy open, Cẩm Thuỷ", "Cẩm Thủy", "Cẩm Thuỷ"),
    ("uy open, Uỷ ban", "Ủy ban", "Uỷ ban"),
    ("uy open, thuý", "thúy", "thuý"),
    ("uy + final", "huỳnh", "huỳnh"),
    ("uy + ch", "huých", "huých"),
    ("ưa", "cửa", "cửa"),
    ("ưi", "gửi", "gửi"),
    ("ươ + final", "mượn", "mượn"),
    ("ưu", "cứu", "cứu"),
    ("yê + final", "yến", "yến"),
    ("iêu", "hiếu", "hiếu"),
    ("yêu", "yếu", "yếu"),
    ("oai", "ngoài", "ngoài"),
    ("oay", "xoáy", "xoáy"),
    ("oeo", "ngoẻo", "ngoẻo"),
    ("uây", "khuấy", "khuấy"),
    ("uôi", "muối", "muối"),
    ("ươi", "người", "người"),
    ("ươu", "rượu", "rượu"),
    ("uyê + final", "chuyển", "chuyển"),
    ("uyu", "khuỷu", "khuỷu"),
    ("qu + a", "quá", "quá"),
    ("qu + y open", "quý", "quý"),
    ("qu + y + final", "quỳnh", "quỳnh"),
    ("qu + yê + final", "quyết", "quyết"),
    ("qu + ô + final", "quốc", "quốc"),
    ("qu + e", "quẻ", "quẻ"),
    ("qu + ây", "quấy", "quấy"),
    ("gi + a", "già", "già"),
    ("gi + ư", "giữ", "giữ"),
    ("gi + ưa", "giữa", "giữa"),
    ("gi + ê + final", "giếng", "giếng"),
    ("gi + ươ + final", "giường", "giường"),
    ("gi + oi", "giỏi", "giỏi"),
    ("gi + u + final", "giùm", "giùm"),
    ("gi with i as the vowel", "gìn", "gìn"),
    ("gi with i as the vowel, open", "gì", "gì"),
]
IDS = [cluster for cluster, _, _ in CLUSTERS]


@pytest.mark.parametrize(("cluster", "classic", "nucleus"), CLUSTERS, ids=IDS)
def test_both_tone_styles_have_one_key(cluster: str, classic: str, nucleus: str) -> None:
    """Both spellings of every vowel cluster map to the nucleus-style, case-folded key."""
    key = unicodedata.normalize("NFC", nucleus.casefold())
    assert (key, key) == (name_key(classic), name_key(nucleus))


@pytest.mark.parametrize(("cluster", "classic", "nucleus"), CLUSTERS, ids=IDS)
def test_nfd_input_has_the_same_key(cluster: str, classic: str, nucleus: str) -> None:
    """Decomposed (NFD) input of either style gets the same key as the composed spelling."""
    key = name_key(nucleus)
    nfd = [unicodedata.normalize("NFD", word) for word in (classic, nucleus)]
    assert [key, key] == [name_key(word) for word in nfd]


@pytest.mark.parametrize(("cluster", "classic", "nucleus"), CLUSTERS, ids=IDS)
def test_place_tones_converts_between_styles(cluster: str, classic: str, nucleus: str) -> None:
    """place_tones writes either style from either style, also in capitals."""
    actual = (
        place_tones(classic, style="nucleus"),
        place_tones(nucleus, style="classic"),
        place_tones(classic.upper(), style="nucleus"),
    )
    expected = (nucleus, classic, nucleus.upper())
    assert expected == actual


@pytest.mark.parametrize(
    ("misplaced", "expected"),
    [
        ("nghìên", "nghiền"),
        ("gìa", "già"),
        ("qúy", "quý"),
        ("hóan", "hoán"),
        ("giừơng", "giường"),
        ("muà", "mùa"),
        ("ngòai", "ngoài"),
        ("tòan", "toàn"),
    ],
)
def test_misplaced_tones_are_put_right(misplaced: str, expected: str) -> None:
    """A tone typed on the wrong vowel of a cluster moves to the right one."""
    assert expected == place_tones(misplaced)


@pytest.mark.parametrize("word", ["V05", "BCA", "Ê-đê", "Hà Nội 2021", "tiếng Việt có dấu", ""])
def test_place_tones_keeps_text_without_misplaced_marks(word: str) -> None:
    """Text that is already placed, or not Vietnamese syllables, comes back unchanged."""
    assert word == place_tones(word)


def test_fake_eth_is_d_with_stroke() -> None:
    """The Icelandic Ð/ð (U+00D0/U+00F0) typed for Đ/đ gives the same key as the real letter."""
    expected = (name_key("Đảng uỷ"), "Đảng uỷ")
    assert expected == (name_key("\u00d0ảng ủy"), fix_lookalikes("Ðảng uỷ"))
    assert name_key("đồng") == name_key("\u00f0ồng")


def test_case_and_white_space_are_folded() -> None:
    """Keys are case-folded with runs of white space (including NBSP) collapsed to one space."""
    expected = "huyện cẩm thuỷ"
    assert expected == name_key("  HUYỆN\u00a0 Cẩm   Thủy ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xã Cẩm Yên", "cẩm yên"),
        ("Thị trấn Phong Sơn", "phong sơn"),
        ("Huyện Cẩm Thủy", "cẩm thuỷ"),
        ("Tỉnh Thanh Hóa", "thanh hoá"),
        ("Thành phố Thanh Hoá", "thanh hoá"),
        ("Thị xã Bỉm Sơn", "bỉm sơn"),
        ("Phường Cẩm Thủy", "cẩm thuỷ"),
        ("Quận 1", "1"),
        ("Công an huyện Cẩm Thuỷ", "cẩm thuỷ"),
        ("Công an xã Cẩm Tân", "cẩm tân"),
        ("Uỷ ban MTTQ xã Cẩm Liên", "cẩm liên"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Cẩm Thủy", "cẩm thuỷ"),
        ("UBND xã Cẩm Vân", "cẩm vân"),
        ("Huyện uỷ Cẩm Thuỷ", "cẩm thuỷ"),
        ("Xã", "xã"),
        ("Xã Xã", "xã"),
    ],
)
def test_strip_prefixes(text: str, expected: str) -> None:
    """strip_prefixes removes leading unit and organisation words, but never all words."""
    assert expected == name_key(text, strip_prefixes=True)


def test_prefixes_are_kept_by_default() -> None:
    """Without strip_prefixes the unit word is part of the key."""
    assert not same_name("Xã Cẩm Thủy", "Huyện Cẩm Thuỷ")
    assert same_name("Xã Cẩm Thủy", "Huyện Cẩm Thuỷ", strip_prefixes=True)


def test_prefix_must_be_a_whole_word() -> None:
    """A name that merely starts with the letters of a prefix is not cut."""
    expected = "xãhội"
    assert expected == name_key("Xãhội", strip_prefixes=True)


@pytest.mark.parametrize(
    ("text", "key", "slugged"),
    [
        ("Huyện Cẩm Thuỷ", "huyen cam thuy", "huyen-cam-thuy"),
        ("Đoàn Thanh niên", "doan thanh nien", "doan-thanh-nien"),
        ("Ánh sáng đường quê gắn với ANTT", "anh sang duong que gan voi antt", None),
        ("Xứ đạo bình yên - Gia đình văn hoá", None, "xu-dao-binh-yen-gia-dinh-van-hoa"),
        ("\u00d0ội 3, thôn Tử Niêm", None, "doi-3-thon-tu-niem"),
    ],
)
def test_ascii_key_and_slug(text: str, key: str | None, slugged: str | None) -> None:
    """The accent-free key drops every mark (đ → d); the slug is ASCII words joined by '-'."""
    if key is not None:
        assert key == ascii_key(text)
    if slugged is not None:
        assert slugged == slug(text)


def test_slug_can_strip_prefixes() -> None:
    """slug and ascii_key accept strip_prefixes too."""
    expected = ("cam-yen", "cam yen")
    assert expected == (
        slug("Xã Cẩm Yên", strip_prefixes=True),
        ascii_key("Xã Cẩm Yên", strip_prefixes=True),
    )


def test_source_text_is_not_modified() -> None:
    """Keys are computed; the written name stays as it was (strings are returned, not edited)."""
    written = "Uỷ ban MTTQ huyện Cẩm Thuỷ"
    name_key(written, strip_prefixes=True)
    expected = "Uỷ ban MTTQ huyện Cẩm Thuỷ"
    assert expected == written


_SYLLABLES = st.sampled_from([c for _, c, _ in CLUSTERS] + [n for _, _, n in CLUSTERS])


@given(st.lists(_SYLLABLES, min_size=1, max_size=5), st.booleans())
def test_key_is_idempotent_and_style_free(words: list[str], decompose: bool) -> None:
    """name_key(name_key(x)) == name_key(x), and restyling x never changes its key."""
    text = " ".join(words)
    text = unicodedata.normalize("NFD", text) if decompose else text
    key = name_key(text)
    expected = (key, key, key)
    assert expected == (
        name_key(key),
        name_key(place_tones(text, style="classic")),
        name_key(place_tones(text, style="nucleus")),
    )


@given(st.text())
def test_keys_never_fail(text: str) -> None:
    """Any text has a key, an accent-free key and a slug (slugs are ASCII)."""
    name_key(text, strip_prefixes=True)
    assert slug(text).isascii()
    assert ascii_key(text) == ascii_key(ascii_key(text))
