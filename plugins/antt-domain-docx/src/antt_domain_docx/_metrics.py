"""How wide a line of bold Times New Roman is, to draw the Decree 30 rules under the headings.

Decree 30/2020 wants the rule under the motto exactly as long as the motto, and the rules under
the issuing body and the subject one third to one half as long as their lines. Word draws no
such rule by itself, so the document draws a bordered empty paragraph of a computed width.

The widths are the advance widths of Liberation Serif Bold (units of 1/2048 em), which is
metric-compatible with Times New Roman Bold by design: same advance for every character. A
Vietnamese letter is as wide as its base letter (tone and quality marks take no width), so a
text is measured on its decomposition (NFD). A character not listed counts as one en (1024).
"""

from __future__ import annotations

import unicodedata

__all__ = ["bold_width_mm"]

_UNITS_PER_EM = 2048
_MM_PER_PT = 25.4 / 72
_DEFAULT = 1024

_CHARS = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
    "abcdefghijklmnopqrstuvwxyz{|}~Đđ"
)
_ADVANCES = (
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167,
    1024, 1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933,
    1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569,
    682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569,
    1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451,
    807, 1065, 1479, 1139,
)  # fmt: skip
_BOLD = dict(zip(_CHARS, _ADVANCES, strict=True))


def _advance(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return _BOLD.get(char, _DEFAULT)


def bold_width_mm(text: str, size_pt: float) -> float:
    """The width of ``text`` set in Times New Roman Bold at ``size_pt`` points, in mm."""
    decomposed = unicodedata.normalize("NFD", text)
    units = sum(_advance(c) for c in decomposed)
    return units / _UNITS_PER_EM * size_pt * _MM_PER_PT
