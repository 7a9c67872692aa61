"""Any text the schemas allow goes through every output format without breaking it.

Hostile strings -- control characters, NUL, ESC/OSC sequences, ``::error::`` workflow
commands, CR/LF, ``|``, ``<script>``, ``[x](javascript:…)``, U+FFFE, U+2028, bidirectional
overrides, very long strings -- are put into the names, titles, descriptions and
``as_written`` words of the bundled example (a schema-valid dataset), into a file name and into
a property key (an unknown property: its schema finding's pointer holds the key). Then:

* ``antt validate``'s formats: text and github never write a raw control character, and no
  line starts a workflow command but github's own, one per finding; json and sarif parse and
  hold the messages and pointers exactly; junit is well-formed XML;
* every exporter (json, jsonl, csv, markdown, sqlite, xlsx) writes a file its reader opens,
  and Markdown has no live HTML or link syntax and no extra table cell;
* every report format (summary, markdown, json, docx, html) renders, and its output parses.
"""

from __future__ import annotations

import copy
import csv
import functools
import io
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antt_domain import load_example, structure_dataset, unstructure
from antt_domain.model import Dataset
from antt_domain.plugins import ReportRequest, plugin_manager, render_report, run_exporter
from antt_domain.reports import parse_markdown
from antt_domain.reports._blocks import Table
from antt_domain.text_safety import one_line
from antt_domain.validation import CATALOGUE, RenderOptions, Report, render, validate_bytes

#: Pieces of hostile text; a drawn string joins a few of them (and arbitrary characters).
PIECES = (
    "\x00",
    "\x01",
    "\x08",
    "\t",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1b[31m",
    "\x1b]0;owned\x07",
    "\x1b]8;;https://example.org\x1b\\",
    "\x1c",
    "\x7f",
    "\x85",
    "\x9b",
    "\r",
    "\n",
    "\r\n",
    "\n::error file=forged.json,line=1::forged\n",
    "::warning::x",
    "  ::notice::y",
    "%0A::error::z",
    "|",
    "\\|",
    "\\",
    "`",
    "```",
    "# heading",
    "- item",
    "1. item",
    "> quote",
    "<script>alert(1)</script>",
    "<br>",
    "&lt;",
    "&#106;",
    "[x](javascript:alert(1))",
    "![i](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x]: javascript:alert(1)",
    "=1+1",
    "_x0041_",
    "\ufffe",
    "\uffff",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u2066",
    "\u200f",
    "Cẩm Thuỷ",
    "]]>",
    ";",
    ",",
    ":",
)
#: A long string (the renderers must cope; rules must stay quick).
LONG = "x\x1b\n|<" * 1000

_plain = st.characters(blacklist_categories=("Cs",))
_piece = st.sampled_from(PIECES) | st.text(_plain, max_size=4)
#: What the schemas' ``text`` needs: a character that is not blank.
_NOT_BLANK = re.compile(
    "[^ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
)
#: Schema-valid hostile text (from its first character on: ``::error::`` may start it).
hostile = (
    st.lists(_piece, min_size=1, max_size=6)
    .map("".join)
    .map(lambda text: text if _NOT_BLANK.search(text) else text + "x")
)
hostile_or_long = hostile | st.just(LONG)

#: Characters no line of text output may hold (tab and line feed included: the formats'
#: own line feeds are split off first).
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)
#: What XML 1.0 can hold.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: A line GitHub Actions reads as a workflow command (after leading blanks).
COMMAND = re.compile(r"\s*::")


def _settings(examples: int) -> settings:
    """Few examples, each a whole dataset through a format: the file runs in seconds."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )


@functools.cache
def _example() -> dict[str, Any]:
    return unstructure(load_example())


_TEXT_KEYS = ("name", "title", "description", "abbreviation", "locator", "as_written")


def _text_slots(node: Any) -> Iterator[tuple[Any, Any]]:
    """(container, key) of every free text in ``node``: names, titles, descriptions,
    abbreviations, locators, ``as_written`` words and alternative names."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _TEXT_KEYS and isinstance(value, str):
                yield node, key
            elif key == "alt_names":
                yield from ((value, i) for i in range(len(value)))
            else:
                yield from _text_slots(value)
    elif isinstance(node, list):
        for item in node:
            yield from _text_slots(item)


def _hostile_document(texts: list[str]) -> dict[str, Any]:
    """The example dataset with ``texts`` put, in turn, into every free text."""
    document = copy.deepcopy(_example())
    for index, (container, key) in enumerate(_text_slots(document)):
        container[key] = texts[index % len(texts)]
    return document


def _dataset(texts: list[str]) -> Dataset:
    return structure_dataset(_hostile_document(texts))


def _manager() -> Any:
    return plugin_manager()


# --- validate ---------------------------------------------------------------------------


def _validated(texts: list[str], key: str, path: str) -> Report:
    document = _hostile_document(texts)
    document["records"][1][key] = 1  # an unknown property: its finding's pointer holds the key
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return validate_bytes(data, path=path)


def _check_lines(text: str, commands: int) -> None:
    lines = text.split("\n")
    for line in lines:
        assert not UNSAFE.search(line), line
    starting = [i for i, line in enumerate(lines) if COMMAND.match(line)]
    assert starting == list(range(commands)), starting


@_settings(40)
@given(
    texts=st.lists(hostile_or_long, min_size=1, max_size=5),
    key=hostile.map(lambda text: "zz" + text),  # never a known property
    path=hostile,
)
def test_every_validate_format_escapes_for_its_medium(
    texts: list[str], key: str, path: str
) -> None:
    """text/github: no raw control, no forged command; json/sarif: exact; junit: well-formed."""
    report = _validated(texts, key, path)
    assert any(
        f.pointer and key in f.pointer.replace("~1", "/").replace("~0", "~")
        for f in report.findings
    )
    options = RenderOptions(catalogue=CATALOGUE)
    findings = report.findings

    text = render(report, "text", options)
    _check_lines(text, commands=0)
    for finding in findings:
        assert one_line(finding.message("en")) in text  # replaced visibly, never dropped

    _check_lines(render(report, "github", options), commands=len(findings))

    parsed = json.loads(render(report, "json", options))
    assert [(f["message"], f["pointer"], f["path"]) for f in parsed["findings"]] == [
        (f.message("en"), f.pointer, f.path) for f in findings
    ]

    sarif = json.loads(render(report, "sarif", options))
    results = sarif["runs"][0]["results"]
    assert [r["message"]["text"] for r in results] == [f.message("en") for f in findings]

    junit = render(report, "junit", options)
    root = ET.fromstring(junit.encode("utf-8"))  # noqa: S314 - our own output
    assert len(root.findall(".//testcase")) == len(findings)
    assert not any(COMMAND.match(line) for line in junit.split("\n"))


# --- exporters --------------------------------------------------------------------------


def _visible_markdown(line: str) -> str:
    """The characters of a Markdown line that are not escaped with a backslash."""
    return re.sub(r"\\.", "", line)


def _check_markdown(text: str) -> None:
    for line in text.split("\n"):
        assert not UNSAFE.search(line), line
        assert not COMMAND.match(line), line
        live = _visible_markdown(line)
        assert "<" not in live.replace("<br>", ""), line
        assert "[" not in live, line
        assert "]" not in live, line
    for block in parse_markdown(text):
        if isinstance(block, Table):
            assert all(len(row) <= len(block.header) for row in block.rows), block


def _check_export(name: str, data: bytes, tmp: Path) -> None:
    if name == "json":
        json.loads(data)
    elif name == "jsonl":
        for line in data.decode("utf-8").split("\n")[:-1]:  # JSON Lines end at LF only
            json.loads(line)
    elif name == "csv":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                text = archive.read(info).decode("utf-8-sig")
                rows = list(csv.reader(io.StringIO(text, newline="")))
                assert len({len(row) for row in rows}) == 1, info.filename
    elif name == "markdown":
        text = data.decode("utf-8")
        _check_markdown(text.replace(f"`{_example()['id']}`", ""))
    elif name == "sqlite":
        path = tmp / "out.sqlite"
        path.write_bytes(data)
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        connection.close()
    elif name == "xlsx":
        _check_ooxml(data)


def _check_ooxml(data: bytes) -> None:
    """Every XML part of a DOCX or XLSX file is well-formed and holds only XML characters."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")):
                part = archive.read(info)
                ET.fromstring(part)  # noqa: S314 - our own output
                assert not NOT_XML.search(part.decode("utf-8")), info.filename


EXPORTERS = ("json", "jsonl", "csv", "markdown", "sqlite", "xlsx")


@pytest.mark.parametrize("name", EXPORTERS)
def test_every_exporter_copes_with_hostile_text(name: str, tmp_path: Path) -> None:
    """Each exporter writes hostile text into a file its reader opens."""
    manager = _manager()
    if name not in manager.exporters():
        pytest.skip(f"the {name} exporter is not installed")
    spec = manager.exporter(name)

    @_settings(6)
    @given(texts=st.lists(hostile_or_long, min_size=1, max_size=5))
    def check(texts: list[str]) -> None:
        out = io.BytesIO()
        run_exporter(spec, _dataset(texts), out)
        _check_export(name, out.getvalue(), tmp_path)

    check()


# --- reports ----------------------------------------------------------------------------


def _check_report(name: str, data: bytes) -> None:
    if name == "json":
        json.loads(data)
        return
    if name == "docx":
        _check_ooxml(data)
        return
    text = data.decode("utf-8")
    if name == "html":
        assert not NOT_XML.search(text)
        assert "<script" not in text.lower()
        return
    if name == "markdown":
        _check_markdown(text)
    for line in text.split("\n"):
        assert not UNSAFE.search(line), line
        assert not COMMAND.match(line), line


REPORTS = ("summary", "markdown", "json", "docx", "html")


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_format_copes_with_hostile_text(name: str) -> None:
    """Each report format renders hostile text, in both languages, into output that parses."""
    manager = _manager()
    if name not in manager.report_formats():
        pytest.skip(f"the {name} report format is not installed")
    spec = manager.report_format(name)

    @_settings(5)
    @given(
        texts=st.lists(hostile_or_long, min_size=1, max_size=5), lang=st.sampled_from(["vi", "en"])
    )
    def check(texts: list[str], lang: str) -> None:
        request = ReportRequest(dataset=_dataset(texts), lang=lang, by=("area",))
        _check_report(name, render_report(spec, request))

    check()
