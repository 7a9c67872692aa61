"""Cell text both ways: lists joined with ``;``, citations, characters XML cannot hold.

* Lists are joined with ``;``; a ``;`` or ``\\`` inside an item is escaped with ``\\``.
  Reading splits on unescaped ``;`` and strips blanks around ids and codes (not around texts).
* A citation is ``source`` or ``source (locator)``: a source id holds no space, so the first
  space ends it. In 2.0 it may name the part of the page: ``source [part] (locator)``.
* Control characters that XML 1.0 cannot hold (U+0000-U+0008, U+000B, U+000C,
  U+000E-U+001F) are written ``_xHHHH_`` as Excel itself does, and read back.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["join_list", "split_list", "text_in", "text_out"]

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ESCAPED = re.compile(r"_x([0-9A-F]{4})_")


def text_out(text: str) -> str:
    """``text`` as a cell can hold it."""
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def text_in(text: str) -> str:
    """A cell's text with escaped control characters restored."""

    def restore(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if _ILLEGAL.fullmatch(char) else match.group()

    return _ESCAPED.sub(restore, text)


def _escape(item: str) -> str:
    return item.replace("\\", "\\\\").replace(";", "\\;")


def join_list(kind: str, items: list[Any]) -> str:
    """A list value as one cell's text."""
    parts = []
    for item in items:
        if kind == "citations":
            locator, part = item.get("locator"), item.get("part")
            parts.append(
                str(item["source"])
                + (f" [{part}]" if part is not None else "")
                + (f" ({locator})" if locator is not None else "")
            )
        else:
            parts.append(str(item))
    return ";".join(_escape(p) for p in parts)


def split_list(text: str) -> list[str]:
    """The items of a cell's text (unescaped), in order; an empty item is kept as ``""``."""
    items: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
        elif char == ";":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return items


_CITATION = re.compile(r"(?P<source>\S+)(?: \((?P<locator>.*)\))?", re.DOTALL)
_CITATION_V2 = re.compile(
    r"(?P<source>\S+)(?: \[(?P<part>[a-z][a-z0-9_]*)\])?(?: \((?P<locator>.*)\))?", re.DOTALL
)


def citation(item: str, *, parts: bool = False) -> dict[str, str] | None:
    """``{"source": ..., "locator": ...}`` of ``source (locator)``, or ``None``; with
    ``parts`` (2.0) also ``source [part] (locator)`` and ``source [part]``."""
    found = (_CITATION_V2 if parts else _CITATION).fullmatch(item.strip(" "))
    if found is None:
        return None
    value = {"source": found["source"]}
    if parts and found["part"] is not None:
        value["part"] = found["part"]
    if found["locator"] is not None:
        value["locator"] = found["locator"]
    return value
