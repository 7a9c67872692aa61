"""A source map for JSON text: from JSON pointers to line and column.

It is computed only for documents that have findings, so valid input pays nothing for it. The
text has already parsed (and its depth is bounded), so the scanner can trust its shape.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import re
from collections.abc import Iterable

__all__ = ["Position", "escape_pointer", "locate"]

#: 1-based line and column (columns count characters, not bytes).
Position = tuple[int, int]

_WS = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SCALAR = re.compile(r"[^\s,\]\}]+")
#: What a skipped container holds between strings and brackets (the scanner jumps over it).
_BORING = re.compile(r'[^"\[\]{}]*')


def escape_pointer(token: str) -> str:
    """One JSON pointer reference token, escaped (``~`` → ``~0``, ``/`` → ``~1``)."""
    return token.replace("~", "~0").replace("/", "~1")


class _AllFound(Exception):  # noqa: N818 - a signal, not an error
    """Every wanted pointer has been found."""


class _Scanner:
    def __init__(self, text: str, wanted: set[str]) -> None:
        self.text = text
        self.wanted = wanted
        self.prefixes = {
            p[:i] for p in wanted for i in range(len(p) + 1) if i == len(p) or p[i] == "/"
        }
        self.found: dict[str, int] = {}

    def ws(self, i: int) -> int:
        match = _WS.match(self.text, i)
        return match.end() if match else i

    def mark(self, pointer: str, offset: int) -> None:
        if pointer in self.wanted and pointer not in self.found:
            self.found[pointer] = offset
            if len(self.found) == len(self.wanted):
                raise _AllFound  # nothing more to look for: stop scanning

    def string(self, i: int) -> tuple[str, int]:
        match = _STRING.match(self.text, i)
        if match is None:  # pragma: no cover - the text has parsed already
            raise ValueError(i)
        raw = match.group()
        return (json.loads(raw) if "\\" in raw else raw[1:-1]), match.end()

    def skip(self, i: int) -> int:
        """Skip one value without recording anything inside it."""
        text = self.text
        char = text[i]
        if char == '"':
            return self.string(i)[1]
        if char not in "[{":
            match = _SCALAR.match(text, i)
            return match.end() if match else i + 1
        depth = 0
        boring = _BORING.match
        while True:
            char = text[i]
            if char == '"':
                i = _STRING.match(text, i).end()  # type: ignore[union-attr]
                continue
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
                if depth == 0:
                    return i + 1
            i = boring(text, i + 1).end()  # type: ignore[union-attr]

    def value(self, i: int, pointer: str) -> int:
        i = self.ws(i)
        self.mark(pointer, i)
        if pointer not in self.prefixes:
            return self.skip(i)
        char = self.text[i]
        if char == "{":
            i = self.ws(i + 1)
            if self.text[i] == "}":
                return i + 1
            while True:
                i = self.ws(i)
                key, after = self.string(i)
                child = f"{pointer}/{escape_pointer(key)}"
                self.mark(child, i)  # a member is located at its key
                i = self.ws(after) + 1  # the colon
                i = self.ws(self.value(i, child))
                if self.text[i] == ",":
                    i += 1
                    continue
                return i + 1
        if char == "[":
            i = self.ws(i + 1)
            if self.text[i] == "]":
                return i + 1
            index = 0
            while True:
                i = self.ws(self.value(i, f"{pointer}/{index}"))
                index += 1
                if self.text[i] == ",":
                    i += 1
                    continue
                return i + 1
        return self.skip(i)


def locate(text: str, pointers: Iterable[str]) -> dict[str, Position]:
    """The position of each of ``pointers`` in the JSON ``text`` (those it can find).

    An object member is located at its key; an array item or the root at its value. A pointer
    that does not exist in the text (a missing property) is left out: locate its parent.
    """
    wanted = set(pointers)
    if not wanted:
        return {}
    scanner = _Scanner(text, wanted)
    start = 1 if text.startswith("\ufeff") else 0
    with contextlib.suppress(_AllFound):
        scanner.value(start, "")
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    positions: dict[str, Position] = {}
    for pointer, offset in scanner.found.items():
        line = bisect.bisect_right(line_starts, offset)
        positions[pointer] = (line, offset - line_starts[line - 1] + 1)
    return positions
