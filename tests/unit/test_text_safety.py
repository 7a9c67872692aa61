"""antt_domain.text_safety: each medium's escaping, character by character."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from antt_domain.reports import parse_markdown, split_cells
from antt_domain.reports._blocks import Heading, Table
from antt_domain.text_safety import (
    code_point,
    html_escape,
    json_safe,
    markdown_block,
    markdown_inline,
    markdown_unescape,
    no_workflow_commands,
    one_line,
    xml_safe,
)


def test_a_character_is_written_as_its_code_point_as_json_spells_it() -> None:
    """ESC → the six characters ``\\u001b``."""
    assert code_point("\x1b") == "\\u001b"
    assert code_point("\u202e") == "\\u202e"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\nb", "a\\u000ab"),
        ("a\r\n::error::x", "a\\u000d\\u000a::error::x"),
        ("\x1b]0;title\x07", "\\u001b]0;title\\u0007"),
        ("tab\there", "tab\\u0009here"),
        ("del\x7f c1\x85\x9b", "del\\u007f c1\\u0085\\u009b"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ("abc\u202ecba", "abc\\u202ecba"),
        ("\ufffe\uffff", "\\ufffe\\uffff"),
        ("Cẩm Thuỷ | <b>", "Cẩm Thuỷ | <b>"),
    ],
)
def test_one_line_writes_every_control_as_its_code_point(text: str, expected: str) -> None:
    """Controls (C0 with tab and LF, DEL, C1), separators, bidi controls; the rest is kept."""
    assert one_line(text) == expected


def test_xml_safe_keeps_what_xml_holds_and_replaces_the_rest() -> None:
    """Tab, LF, CR and DEL stay; NUL, U+0001, U+000B, U+FFFE, lone surrogates are replaced."""
    text = "a\tb\nc\rd\x7f\x00\x01\x0b\ufffe\ud800"
    safe = xml_safe(text)
    assert safe == "a\tb\nc\rd\x7f\\u0000\\u0001\\u000b\\ufffe\\ud800"
    element = ET.Element("x", name=safe)
    element.text = safe
    ET.fromstring(ET.tostring(element))  # noqa: S314 - our own output


def test_xml_safe_takes_another_spelling() -> None:
    """The XLSX exporter writes Excel's own ``_xHHHH_``."""
    assert xml_safe("a\ufffe", replace=lambda c: f"_x{ord(c):04X}_") == "a_xFFFE_"


def test_html_escape_escapes_markup_and_controls() -> None:
    """Markup and quotes as entities; controls but tab/LF/CR as code points."""
    assert html_escape("<script>\"&'\x1b\n") == "&lt;script&gt;&quot;&amp;&#x27;\\u001b\n"


def test_json_safe_changes_the_text_not_the_value() -> None:
    """DEL, C1, U+2028 and bidi controls become escapes; json.loads reads the same value."""
    value = {"name": "a\x7f\x85\u2028\u202e\ud800 Thuỷ"}
    text = json_safe(json.dumps(value, ensure_ascii=False))
    assert text == '{"name": "a\\u007f\\u0085\\u2028\\u202e\\ud800 Thuỷ"}'
    assert json.loads(text) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a|b", "a\\|b"),
        ("a\\b", "a\\\\b"),
        ("<script>&", "&lt;script&gt;&amp;"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("`code`", "\\`code\\`"),
        ("a\r\nb\rc\nd", "a<br>b<br>c<br>d"),
        ("\x1b[31m", "\\\\u001b\\[31m"),
        ("\u2028", "\\\\u2028"),
    ],
)
def test_markdown_inline_escapes_html_links_pipes_and_breaks(text: str, expected: str) -> None:
    """No HTML, link, code span or table cell can come from the text."""
    assert markdown_inline(text) == expected


@pytest.mark.parametrize(
    "text",
    ["a|b", "a\\|b", "x\\", "<br>", "&lt;", "&amp;lt;", "[x](y)", "a\nb", "`", "\\u001b", "# x"],
)
def test_markdown_unescape_reads_back_what_markdown_inline_wrote(text: str) -> None:
    """Round trip (line breaks come back as LF)."""
    assert markdown_unescape(markdown_inline(text)) == text
    assert markdown_unescape(markdown_block(text)) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("> quote", "&gt; quote"),
        ("12. item", "12\\. item"),
        ("    code", "&#32;   code"),
        ("::error::x", "\\::error::x"),
        ("plain", "plain"),
    ],
)
def test_markdown_block_cannot_start_a_block(text: str, expected: str) -> None:
    """A paragraph of data never becomes a heading, list, quote or code block."""
    assert markdown_block(text) == expected


def test_a_table_of_hostile_cells_reads_back_cell_for_cell() -> None:
    """The Markdown reader and writer agree: one row, its cells as written."""
    cells = ["a\nb|c", "<script>", "x\\", "[l](javascript:1)", "\r\n::error::y"]
    line = "| " + " | ".join(markdown_inline(c) for c in cells) + " |"
    title = markdown_inline("t|i\ntle")
    text = f"# {title}\n\n| h1 | h2 | h3 | h4 | h5 |\n|---|---|---|---|---|\n{line}\n"
    assert split_cells(line) == tuple(c.replace("\r\n", "\n") for c in cells)
    blocks = parse_markdown(text)
    assert blocks[0] == Heading(level=1, text="t|i\ntle")
    assert isinstance(blocks[1], Table)
    assert len(blocks) == 2
    assert len(blocks[1].rows) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("::error::x", "\\u003a:error::x"),
        ("ok\n  ::warning file=a::b\nz::", "ok\n  \\u003a:warning file=a::b\nz::"),
        ("\u3000::notice::n", "\u3000\\u003a:notice::n"),
        ("a :: b", "a :: b"),
    ],
)
def test_no_line_starts_a_workflow_command(text: str, expected: str) -> None:
    """GitHub reads ``::`` after leading blanks as a command; its first ``:`` is escaped."""
    assert no_workflow_commands(text) == expected
