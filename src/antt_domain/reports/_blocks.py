"""The ``markdown`` report read back as blocks: headings, tables and text lines.

Report formats built on the built-in reports (the DOCX and HTML plugins) take their tables
from here, so that every label, number and date is written exactly as the built-in reports
write them (``1.838``, ``cấp huyện``, ``“những năm qua”``). Only the syntax of
:func:`render_markdown`'s own output is read: ``#`` headings, ``|`` tables with ``\\|`` and
``\\\\`` escapes, and other lines as text.
"""

from __future__ import annotations

import attrs

__all__ = ["Block", "Heading", "Table", "Text", "parse_markdown", "split_cells"]


@attrs.frozen(kw_only=True)
class Heading:
    """A ``#`` heading: ``level`` 1 to 6 and its text."""

    level: int
    text: str


@attrs.frozen(kw_only=True)
class Table:
    """A table: the header's cells and the rows' cells (unescaped)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@attrs.frozen(kw_only=True)
class Text:
    """A line that is neither a heading nor part of a table."""

    text: str


Block = Heading | Table | Text


def split_cells(line: str) -> tuple[str, ...]:
    """The cells of a table line ``| a | b\\|c |`` → ``("a", "b|c")``."""
    body = line.strip()
    body = body.removeprefix("|")
    cells: list[str] = []
    current: list[str] = []
    chars = iter(body)
    for char in chars:
        if char == "\\":
            current.append(next(chars, ""))
        elif char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    rest = "".join(current).strip()
    if rest:
        cells.append(rest)
    return tuple(cells)


def _is_rule(line: str) -> bool:
    return set(line.strip()) <= {"|", "-", ":", " "} and "-" in line


def parse_markdown(text: str) -> list[Block]:
    """The blocks of a Markdown report, in order (blank lines dropped)."""
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip():
            continue
        if line.startswith("#"):
            marks = len(line) - len(line.lstrip("#"))
            blocks.append(Heading(level=marks, text=line[marks:].strip()))
            continue
        if line.startswith("|"):
            header = split_cells(line)
            if index < len(lines) and _is_rule(lines[index]):
                index += 1
            rows = []
            while index < len(lines) and lines[index].startswith("|"):
                cells = split_cells(lines[index])
                rows.append(cells + ("",) * (len(header) - len(cells)))
                index += 1
            blocks.append(Table(header=header, rows=tuple(rows)))
            continue
        blocks.append(Text(text=line.strip()))
    return blocks
