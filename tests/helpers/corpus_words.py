"""The check that a number is followed by one word, never a codelist label listing synonyms
(issue #19), shared by the corpus tests of the reports and of ``antt show``.

Imported by its module name: ``tests/`` holds the root ``conftest.py``, so pytest puts it on
``sys.path``.
"""

from __future__ import annotations

import re

from antt_domain.schemas import codelists

__all__ = ["AFTER_NUMBER", "QUOTED", "lists_after_numbers"]

#: The first two terms of each bundled unit label that lists synonyms ("người, cá nhân" of
#: "người, cá nhân, đối tượng, thành viên"; "area, agency" of "unit (area, agency, ...)").
LISTS = sorted(
    {
        ", ".join(part.strip() for part in label.split(",")[:2])
        for code in codelists("2")["units"]
        for label in (code.vi, code.en)
        if "," in label
    },
    key=len,
    reverse=True,
)
#: A number, then a unit label that lists synonyms (or a unit with its glossed list).
AFTER_NUMBER = re.compile(r"\d%?\s+\S*\s?\(?(" + "|".join(map(re.escape, LISTS)) + r")")
#: The source's own words, which may list what they like.
QUOTED = re.compile(r"“[^”]*”")


def lists_after_numbers(text: str) -> list[str]:
    """Each synonym list printed after a number in ``text``, outside the source's quoted
    words (“…”): empty when every number is followed by one word."""
    return AFTER_NUMBER.findall(QUOTED.sub("“…”", text))
