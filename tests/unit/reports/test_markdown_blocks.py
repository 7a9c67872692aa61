"""The Markdown report read back as blocks, for report formats built on it."""

from __future__ import annotations

from antt_domain import load_example
from antt_domain.reports import Heading, Table, Text, parse_markdown, render_markdown, split_cells


def test_the_markdown_report_reads_back_as_headings_tables_and_text() -> None:
    """Every table of the report comes back with its header and unescaped cells."""
    blocks = parse_markdown(render_markdown(load_example(), lang="vi"))
    headings = [b for b in blocks if isinstance(b, Heading)]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert headings[0].level == 1
    assert tables
    rows = [row for table in tables for row in table.rows]
    assert any("1.838" in row and "buổi" in row for row in rows)
    assert all(len(row) == len(table.header) for table in tables for row in table.rows)
    assert any(isinstance(b, Text) for b in blocks)


def test_cells_keep_escaped_pipes_and_backslashes() -> None:
    """`\\|` inside a cell is a pipe, not a border; `\\\\` is one backslash."""
    assert split_cells(r"| a \| b | c \\ d |") == ("a | b", "c \\ d")
