"""Text made safe for the medium it is written to: a terminal or CI log line, XML 1.0, JSON,
Markdown.

Any text the schemas allow -- a name, a title, a description, ``as_written`` words, a property
key inside a JSON pointer, a file name -- may hold control characters, line breaks, escape
sequences, ``::error::`` or ``<script>``. Every output of the library (``antt validate``'s
formats, the reports, the exporters, the first-party plugins) writes such text through one of
these functions, so that it never breaks the output or injects into it.

A character that a medium cannot hold is never dropped silently: it is written as its code
point, ``\\u`` and four lowercase hex digits, as JSON spells it (ESC becomes the six characters
``\\u001b``). The XLSX exporter writes Excel's own spelling instead (``_x001B_``), which Excel
and the importer read back.

Which characters each function replaces:

* :func:`one_line` -- every control character (C0 including tab, line feed and carriage
  return; DEL; C1), the line and paragraph separators U+2028 and U+2029, the bidirectional
  controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), U+FFFE, U+FFFF and lone
  surrogates. What is left is one line that a terminal prints as it reads.
* :func:`xml_safe` -- what XML 1.0 cannot hold: C0 controls except tab, line feed and
  carriage return; U+FFFE, U+FFFF; lone surrogates.
* :func:`html_escape` -- ``&``, ``<``, ``>``, ``"`` and ``'`` as entities, and the characters
  HTML does not allow in a document (controls other than tab, line feed and carriage return;
  U+FFFE, U+FFFF; lone surrogates) written as their code point.
* :func:`json_safe` -- in JSON *text*, writes DEL, C1, U+2028, U+2029, the bidirectional
  controls and lone surrogates as ``\\uXXXX`` escapes. Lossless: the JSON value is unchanged.
* :func:`markdown_inline` -- text inside a Markdown line (a table cell, a heading, a list
  item): line breaks become ``<br>``; other characters as :func:`one_line`; then ``\\``,
  ``|``, a backtick, ``[`` and ``]`` are escaped with a backslash and ``&``, ``<`` and ``>``
  written as entities, so that no HTML, code span, table cell or link comes from the text.
  :func:`markdown_unescape` reads it back.
* :func:`no_workflow_commands` -- a line that would start (after blanks) with ``::`` -- a
  GitHub Actions workflow command -- has its first ``:`` written ``\\u003a``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

__all__ = [
    "code_point",
    "html_escape",
    "json_safe",
    "markdown_block",
    "markdown_inline",
    "markdown_unescape",
    "no_workflow_commands",
    "one_line",
    "xml_safe",
]

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_NOT_CHARACTERS = "\ufffe\uffff\ud800-\udfff"
_UNSAFE_IN_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}{_NOT_CHARACTERS}]")
_NOT_XML = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_NOT_CHARACTERS}]")
_NOT_HTML = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_NOT_CHARACTERS}]")
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f\u2028\u2029{_BIDI}{_NOT_CHARACTERS}]")
_LINE_BREAK = re.compile("\r\n|\r|\n")
_MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKDOWN_SPECIAL = re.compile(r"[\\|`\[\]&<>]")
_MARKDOWN_ESCAPED = re.compile(r"\\(.)|<br>|&(amp|lt|gt|#32);", re.DOTALL)
_ENTITY_TEXT = {"amp": "&", "lt": "<", "gt": ">", "#32": " "}
_BLOCK_START = re.compile(r"[#+*=_~:-]|\d+(?=[.)])")
_COMMAND_LINE = re.compile(r"^(\s*):(?=:)", re.MULTILINE)


def code_point(char: str) -> str:
    """``char`` written as its code point, as JSON escapes it: ESC → ``\\u001b``."""
    return f"\\u{ord(char):04x}"


def _replace(match: re.Match[str]) -> str:
    return code_point(match.group())


def one_line(text: str) -> str:
    """``text`` as one line a terminal prints as it reads: every control character, line or
    paragraph separator, bidirectional control, U+FFFE, U+FFFF and lone surrogate written as
    its code point (``\\u000a``, ``\\u001b``, ``\\u202e``)."""
    return _UNSAFE_IN_LINE.sub(_replace, text)


def xml_safe(text: str, *, replace: Callable[[str], str] = code_point) -> str:
    """``text`` with every character XML 1.0 cannot hold (C0 controls except tab, line feed
    and carriage return; U+FFFE; U+FFFF; lone surrogates) written as ``replace(char)``, by
    default its code point (``\\u0001``)."""
    return _NOT_XML.sub(lambda match: replace(match.group()), text)


def html_escape(text: str) -> str:
    """``text`` as HTML text or attribute value: ``html.escape`` (quotes too), and every
    control character but tab, line feed and carriage return, U+FFFE, U+FFFF and lone
    surrogates written as its code point."""
    return html.escape(_NOT_HTML.sub(_replace, text))


def json_safe(text: str) -> str:
    """JSON text with DEL, C1 controls, U+2028, U+2029, bidirectional controls, U+FFFE,
    U+FFFF and lone surrogates written as ``\\uXXXX`` escapes: the same JSON value, safe to
    print and always encodable as UTF-8. (``json.dumps`` already escapes C0 controls.)"""
    return _UNSAFE_IN_JSON.sub(_replace, text)


def _markdown_char(match: re.Match[str]) -> str:
    char = match.group()
    return _MARKDOWN_ENTITIES.get(char) or "\\" + char


def markdown_inline(text: str) -> str:
    """``text`` as Markdown inside one line (a table cell, a heading, a list item), shown as
    written: line breaks become ``<br>``; other unsafe characters are written as their code
    point (as :func:`one_line`); ``\\ | ` [ ]`` are escaped with ``\\``; ``& < >`` become
    entities. No HTML, link, code span or extra table cell can come from ``text``."""
    lines = _LINE_BREAK.split(text)
    return "<br>".join(_MARKDOWN_SPECIAL.sub(_markdown_char, one_line(line)) for line in lines)


def markdown_block(text: str) -> str:
    """``text`` as a Markdown paragraph of its own: :func:`markdown_inline`, and a start that
    Markdown would read as a heading, quote, list, rule or code block is escaped too (so is a
    ``:``: printed to a CI log, the line is no workflow command)."""
    escaped = markdown_inline(text)
    if escaped.startswith(" "):
        return "&#32;" + escaped[1:]
    found = _BLOCK_START.match(escaped)
    if found is None:
        return escaped
    end = found.end()
    if found.group().isdigit():
        return escaped[:end] + "\\" + escaped[end:]
    return "\\" + escaped


def _unescaped(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return match.group(1)
    if match.group(2) is not None:
        return _ENTITY_TEXT[match.group(2)]
    return "\n"


def markdown_unescape(text: str) -> str:
    """The text :func:`markdown_inline` or :func:`markdown_block` escaped (characters written
    as code points stay so)."""
    return _MARKDOWN_ESCAPED.sub(_unescaped, text)


def no_workflow_commands(text: str) -> str:
    """``text`` with no line that GitHub Actions reads as a workflow command: a line starting
    (after blanks) with ``::`` has its first ``:`` written ``\\u003a``."""
    return _COMMAND_LINE.sub(lambda match: match.group(1) + code_point(":"), text)
