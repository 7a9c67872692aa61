"""Matching keys for Vietnamese names: organisations, places, people, model types.

Names are always *displayed* exactly as written; these functions only compute keys to compare
them. Two spellings of one name get the same key when they differ only in

* Unicode form (NFC or NFD),
* the look-alike capital eth ``Ð`` (U+00D0) or ``ð`` (U+00F0) typed for ``Đ``/``đ``,
* tone-mark placement (``"Thuỷ"``/``"Thủy"``, ``"hoà"``/``"hòa"``, ``"Uỷ ban"``/``"Ủy ban"``):
  keys use the ``"nucleus"`` style of :func:`place_tones` (``"thuỷ"``, ``"hoà"``, ``"uỷ ban"``),
  the style of the movement's source article,
* letter case and runs of white space,
* optionally, leading unit words such as ``"Xã"``, ``"Huyện"``, ``"Công an"``, ``"Uỷ ban MTTQ"``.
"""

from __future__ import annotations

import re
import unicodedata

from antt_domain.vi._tones import place_tones

__all__ = ["UNIT_PREFIXES", "ascii_key", "fix_lookalikes", "name_key", "same_name", "slug"]

_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})

UNIT_PREFIXES: tuple[str, ...] = (
    # administrative units
    "Tỉnh",
    "Thành phố",
    "TP.",
    "TP",
    "Huyện",
    "Quận",
    "Thị xã",
    "TX.",
    "Xã",
    "Phường",
    "Thị trấn",
    "TT.",
    "Đặc khu",
    # organisations
    "Công an",
    "Uỷ ban nhân dân",
    "UBND",
    "Hội đồng nhân dân",
    "HĐND",
    "Uỷ ban Mặt trận Tổ quốc Việt Nam",
    "Uỷ ban Mặt trận Tổ quốc",
    "Uỷ ban MTTQ Việt Nam",
    "Uỷ ban MTTQ",
    "UBMTTQ",
    "Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc",
    "MTTQ",
    "Tỉnh uỷ",
    "Thành uỷ",
    "Huyện uỷ",
    "Đảng uỷ",
)
"""Unit and organisation words that ``strip_prefixes=True`` removes from the start of a name
(repeatedly, longest first, whole words only, never down to an empty key)."""


def fix_lookalikes(text: str) -> str:
    """Return ``text`` with the look-alike eth ``Ð``/``ð`` replaced by ``Đ``/``đ``."""
    return text.translate(_LOOKALIKES)


def _base_key(text: str) -> str:
    text = unicodedata.normalize("NFC", fix_lookalikes(text))
    folded = place_tones(text, style="nucleus").casefold()
    return unicodedata.normalize("NFC", " ".join(folded.split()))


_PREFIX_KEYS: tuple[str, ...] = tuple(
    sorted({_base_key(prefix) for prefix in UNIT_PREFIXES}, key=len, reverse=True)
)


def _strip_prefixes(key: str) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIX_KEYS:
            rest = key[len(prefix) :]
            if key.startswith(prefix) and rest.startswith(" ") and rest.strip():
                key = rest.strip()
                changed = True
                break
    return key


def name_key(text: str, *, strip_prefixes: bool = False) -> str:
    """Return the canonical matching key of a Vietnamese name.

    NFC, ``Ð`` → ``Đ``, tone marks in the ``"nucleus"`` style, case-folded, white space
    collapsed; with ``strip_prefixes=True`` also without leading :data:`UNIT_PREFIXES`.

    >>> name_key("Huyện  Cẩm Thủy") == name_key("huyện cẩm thuỷ") == "huyện cẩm thuỷ"
    True
    """
    key = _base_key(text)
    return _strip_prefixes(key) if strip_prefixes else key


def ascii_key(text: str, *, strip_prefixes: bool = False) -> str:
    """Return :func:`name_key` without any diacritics (``đ`` → ``d``), e.g. ``"cam thuy"``.

    Accent-free keys let a search typed without diacritics find a name, but they merge
    different names (``"Cẩm Tân"`` and ``"Cẩm Tâm"`` stay apart; ``"Tân"`` and ``"Tấn"`` do not).
    """
    key = name_key(text, strip_prefixes=strip_prefixes)
    bare = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
    return bare.replace("đ", "d")


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, *, strip_prefixes: bool = False) -> str:
    """Return an ASCII slug (lower case, digits, hyphens), e.g. ``"xa-cam-yen"``."""
    return _NOT_SLUG.sub("-", ascii_key(text, strip_prefixes=strip_prefixes)).strip("-")


def same_name(a: str, b: str, *, strip_prefixes: bool = False) -> bool:
    """Return whether two spellings denote the same name (equal :func:`name_key`)."""
    return name_key(a, strip_prefixes=strip_prefixes) == name_key(b, strip_prefixes=strip_prefixes)
