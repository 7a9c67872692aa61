"""What antt prints about data -- names in `antt show`, file names and plugins' messages on
standard error, records in the JSON Lines export -- cannot act on a terminal or a CI log."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import pytest

from antt_domain import load_example
from antt_domain.cli._main import main
from antt_domain.io import dump
from antt_domain.plugins._builtin._jsonl_exporter import export_jsonl

HOSTILE = "Tên\x1b]0;owned\x07\r\n::error file=x.py::forged\u2028\u202eend"


def _clean(text: str) -> None:
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\r" not in text
    assert "\u2028" not in text
    assert "\u202e" not in text
    assert not any(line.lstrip().startswith("::") for line in text.splitlines())


def test_show_prints_hostile_names_as_code_points(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Titles and names go out with their controls written as code points."""
    dataset = load_example()
    records = [
        attrs.evolve(r, name=HOSTILE) if r.id == "org-ca-huyen" else r for r in dataset.records
    ]
    assert records != list(dataset.records)  # the organisation exists
    path = tmp_path / "d.json"
    dump(attrs.evolve(dataset, title=HOSTILE, records=tuple(records)), path)
    assert main(["show", str(path)]) == 0
    shown = capsys.readouterr().out
    _clean(shown)
    assert "\\u001b]0;owned\\u0007" in shown


def test_error_messages_quote_file_names_safely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path holding ESC, CR/LF and a forged workflow command, named in an error."""
    missing = tmp_path / "no\x1b[31mfile\n::error::forged.json"
    assert main(["validate", str(missing)]) == 2
    err = capsys.readouterr().err
    _clean(err)
    assert "\\u001b[31m" in err


def test_jsonl_lines_hold_no_unicode_line_break() -> None:
    """U+2028, U+2029 and U+0085 are escaped: every reader sees one record a line, and the
    values read back unchanged."""
    dataset = load_example()
    strange = "a\u2028b\u2029c\x85d"
    dataset = attrs.evolve(dataset, title=strange)
    out = io.BytesIO()
    export_jsonl(dataset, out, {})
    text = out.getvalue().decode("utf-8")
    assert len(text.splitlines()) == len(dataset.records) + 1
    assert json.loads(text.split("\n")[0])["title"] == strange
