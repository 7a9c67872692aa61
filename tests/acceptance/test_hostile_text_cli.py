"""Through the real ``antt`` command: hostile names, keys and file names forge no CI line and
reach no terminal raw, in every validate format and in the Markdown report."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from helpers.cli import Run

#: A name that, printed raw, sets the terminal's title, turns text red and forges an error.
HOSTILE = "Xã\x1b]0;owned\x07\x1b[31m\n::error file=forged.json,line=1::forged\r|<script>\x00\ufffe"
#: A file name holding a line break and a workflow command.
FILE_NAME = "bad\n::error::file\x1b[2J.json"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe]")


def _hostile_dataset(document: dict[str, Any]) -> dict[str, Any]:
    document["title"] = HOSTILE
    for record in document["records"]:
        if "name" in record:
            record["name"] = HOSTILE
    return document


@pytest.fixture
def hostile_file(tmp_path: Path, example_json: dict[str, Any]) -> Path:
    """The example with hostile names, an unknown hostile key, under a hostile file name."""
    document = _hostile_dataset(example_json)
    document["records"][1]["key\n::error::\x1b"] = 1
    path = tmp_path / FILE_NAME
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_text_and_github_forge_no_command_and_pass_no_control(
    antt: Run, hostile_file: Path, fmt: str
) -> None:
    """Only github's own annotation lines start with ``::``; no control character is printed."""
    result = antt("validate", "--format", fmt, str(hostile_file))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.split("\n")
    commands = [line for line in lines if line.lstrip().startswith("::")]
    if fmt == "text":
        assert commands == []
    else:
        assert commands
        assert all(re.match(r"::(error|warning|notice) ", line) for line in commands)
        assert len(commands) == len(lines) - 2  # the annotations, the summary, a final newline
    assert not UNSAFE.search(result.stdout)
    assert "\\u001b" in result.stdout  # replaced visibly, not dropped


def test_junit_stays_well_formed(antt: Run, hostile_file: Path) -> None:
    """NUL, ESC and U+FFFE in a file name, pointer or message: still XML."""
    result = antt("validate", "--format", "junit", str(hostile_file))
    root = ET.fromstring(result.stdout)  # noqa: S314 - our own output, not untrusted data
    assert root.findall("testsuite")[0].get("name") == "".join(
        c if c.isprintable() or c == "\n" else f"\\u{ord(c):04x}" for c in str(hostile_file)
    )


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_formats_keep_the_text_exactly(antt: Run, hostile_file: Path, fmt: str) -> None:
    """JSON escapes what it must, and the value read back is the file name as given."""
    result = antt("validate", "--format", fmt, str(hostile_file))
    parsed = json.loads(result.stdout)
    if fmt == "json":
        assert {f["path"] for f in parsed["findings"]} == {str(hostile_file)}
        assert any("key\n::error::\x1b" in (f["pointer"] or "") for f in parsed["findings"])
    else:
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in parsed["runs"][0]["results"]
        }
        assert all("%0A" in uri for uri in uris)


def test_markdown_report_writes_no_html_no_raw_break(
    antt: Run, tmp_path: Path, example_json: dict[str, Any]
) -> None:
    """``antt report -f markdown``: names as text, each table row one line."""
    path = tmp_path / "dataset.json"
    path.write_text(
        json.dumps(_hostile_dataset(example_json), ensure_ascii=False), encoding="utf-8"
    )
    result = antt("report", "--format", "markdown", str(path))
    assert result.returncode == 0, result.stderr
    assert "<script>" not in result.stdout
    assert "&lt;script&gt;" in result.stdout
    assert not UNSAFE.search(result.stdout)
    assert not any(line.startswith("::") for line in result.stdout.split("\n"))
