"""The ``markdown`` report read back as blocks: headings, tables and text lines.

Report formats built on the built-in reports (the DOCX and HTML plugins) take their tables
from here, so that every label, number and date is written exactly as the built-in reports
write them (``1.838``, ``cấp huyện``, ``“những năm qua”``). Only the syntax of
:func:`render_markdown`'s own output is read: ``#`` headings, ``|`` tables and other lines as
text, each unescaped as :func:`antt_domain.text_safety.markdown_unescape` reads what
:func:`~antt_domain.text_safety.markdown_inline` wrote (``\\|``, ``\\\\``, ``&lt;``,
``<br>`` …). Lines end at line feeds only, as the writer ends them.
"""

from __future__ import annotations

from typing import final

import attrs

from antt_domain.text_safety import markdown_unescape

__all__ = ["Block", "Heading", "Table", "Text", "parse_markdown", "split_cells"]


@final
@attrs.frozen(kw_only=True)
class Heading:
    """A ``#`` heading: ``level`` 1 to 6 and its text."""

    level: int
    text: str


@final
@attrs.frozen(kw_only=True)
class Table:
    """A table: the header's cells and the rows' cells (unescaped)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@final
@attrs.frozen(kw_only=True)
class Text:
    """A line that is neither a heading nor part of a table."""

    text: str


Block = Heading | Table | Text


def split_cells(line: str) -> tuple[str, ...]:
    """The cells of a table line, unescaped: ``| a | b\\|c<br>d |`` → ``("a", "b|c\\nd")``."""
    body = line.strip()
    body = body.removeprefix("|")
    cells: list[str] = []
    current: list[str] = []
    chars = iter(body)
    for char in chars:
        if char == "\\":
            current += (char, next(chars, ""))
        elif char == "|":
            cells.append(markdown_unescape("".join(current).strip()))
            current = []
        else:
            current.append(char)
    rest = "".join(current).strip()
    if rest:
        cells.append(markdown_unescape(rest))
    return tuple(cells)


def _is_rule(line: str) -> bool:
    return set(line.strip()) <= {"|", "-", ":", " "} and "-" in line


def parse_markdown(text: str) -> list[Block]:
    """The blocks of a Markdown report, in order (blank lines dropped)."""
    blocks: list[Block] = []
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip():
            continue
        if line.startswith("#"):
            marks = len(line) - len(line.lstrip("#"))
            blocks.append(Heading(level=marks, text=markdown_unescape(line[marks:].strip())))
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
        blocks.append(Text(text=markdown_unescape(line.strip())))
    return blocks
