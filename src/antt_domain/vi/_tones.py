"""Tone-mark placement in Vietnamese syllables.

Vietnamese writes a syllable's tone (huyền ``̀``, sắc ``́``, hỏi ``̉``, ngã ``̃``, nặng ``̣``)
on one vowel of its vowel cluster. Two spellings are in everyday use and Unicode normalisation
(NFC/NFD) does *not* unify them, because they put the mark on different letters:

=========== =================== =====================
cluster     ``"nucleus"`` style ``"classic"`` style
=========== =================== =====================
oa (open)   hoà, toà            hòa, tòa
oe (open)   khoẻ, hoè           khỏe, hòe
uy (open)   thuỷ, Uỷ ban        thủy, Ủy ban
=========== =================== =====================

Sources disagree on which of these is the "old" and which the "new" style, so this module names
them by where the mark goes: ``"nucleus"`` puts it on the main vowel (the second letter of
open *oa*, *oe*, *uy*), ``"classic"`` on the first letter. Every other cluster is written the same
way in both styles; the rules, applied to the vowel cluster after removing the onset letters
*u* of *qu-* and *i* of *gi-* (when another vowel follows), are:

1. one vowel: the mark goes on it (*má*, *quý*, *gì*, *giữ*);
2. a vowel with a quality mark (ă â ê ô ơ ư) takes the tone; in *ươ* the *ơ* does
   (*tuần*, *thuế*, *chuyển*, *người*, *rượu*, *thuở*, *giường*);
3. three plain vowels: the middle one (*ngoài*, *xoáy*, *khuỷu*, *ngoẻo*);
4. two plain vowels followed by a final consonant: the second (*hoàn*, *hoạch*, *huỳnh*);
5. open *oa*, *oe*, *uy*: depends on the style (table above);
6. any other two plain vowels without a final consonant: the first (*mía*, *múa*, *của*,
   *túi*, *báo*, *máy*, *kéo*).

A word whose tone cannot be placed by these rules (several tone marks, vowels split by a
consonant as in loanwords, four or more vowels) is returned unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

__all__ = ["TONE_MARKS", "ToneStyle", "place_tones"]

ToneStyle = Literal["nucleus", "classic"]
"""Where open *oa*, *oe*, *uy* carry the tone: ``"nucleus"`` (hoà, thuỷ) or ``"classic"`` (hòa,
thủy)."""

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
"""The five combining tone marks: grave, acute, tilde, hook above, dot below."""

_VOWELS = frozenset("aeiouy")
_STYLE_PAIRS = frozenset({"oa", "oe", "uy"})
_WORD = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")


def place_tones(text: str, *, style: ToneStyle = "nucleus") -> str:
    """Return ``text`` (NFC) with every syllable's tone mark placed in the given style.

    Letters, case and everything that is not a tone mark are kept as they are; only the
    position of tone marks changes. The input may be NFC or NFD.
    """
    decomposed = unicodedata.normalize("NFD", text)
    placed = _WORD.sub(lambda match: _place_in_word(match.group(), style), decomposed)
    return unicodedata.normalize("NFC", placed)


def _place_in_word(word: str, style: ToneStyle) -> str:
    letters: list[list[str]] = []  # [base, other marks, tone]
    tones: list[str] = []
    for char in word:
        if unicodedata.combining(char):
            if char in TONE_MARKS:
                tones.append(char)
            else:
                letters[-1][1] += char
        else:
            letters.append([char, "", ""])
    if len(tones) != 1:
        return word
    target = _tone_index([(base.lower(), marks) for base, marks, _ in letters], style)
    if target is None:
        return word
    letters[target][2] = tones[0]
    return "".join(base + marks + tone for base, marks, tone in letters)


def _tone_index(letters: list[tuple[str, str]], style: ToneStyle) -> int | None:
    """Index of the letter that carries the tone, or None when the word is not a syllable."""
    vowel_positions = [i for i, (base, _) in enumerate(letters) if base in _VOWELS]
    if not vowel_positions:
        return None
    start, end = vowel_positions[0], vowel_positions[-1] + 1
    if end - start != len(vowel_positions):
        return None  # vowels separated by a consonant: not one Vietnamese syllable
    onset = "".join(base for base, _ in letters[:start])
    first_base, first_marks = letters[start]
    if end - start > 1 and not first_marks and (onset, first_base) in {("q", "u"), ("g", "i")}:
        start += 1  # the u of qu- and the i of gi- belong to the onset
    cluster = letters[start:end]
    has_final = end < len(letters)
    marked = [i for i, (_, marks) in enumerate(cluster) if marks]
    if len(cluster) == 1:
        offset = 0
    elif marked:
        offset = marked[-1]
    elif len(cluster) == 3 or (len(cluster) == 2 and has_final):
        offset = 1
    elif len(cluster) == 2:
        pair = cluster[0][0] + cluster[1][0]
        offset = (1 if style == "nucleus" else 0) if pair in _STYLE_PAIRS else 0
    else:
        return None
    return start + offset
