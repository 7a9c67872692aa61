"""Hostile input at the read stage: text that is not Unicode, and size limits on every kind of
input (files, devices, pipes, standard input), through the API and the CLI in process."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from antt_domain.cli._main import main
from antt_domain.io import (
    JSONReadError,
    load_dataset,
    loads_dataset,
    loads_record,
    parse_json,
    parse_json_bytes,
    read_json,
    read_limited,
)
from antt_domain.io import _strict_json as json_module
from antt_domain.validation import _workers as engine
from antt_domain.validation import validate, validate_bytes

LONE = "\\ud800"  # the six characters of the escape, as they stand in JSON text
HAS_DEV_ZERO = Path("/dev/zero").exists()


def _outcome(parse: Any, text: str) -> tuple[Any, ...]:
    try:
        return ("ok", parse(text))
    except JSONReadError as exc:
        return (exc.code, exc.line, exc.column, exc.pointer)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"id": "act-\\ud800", "type": "activity"}', ("unicode", 1, 13, "/id")),
        ('{"a": "\\udc00"}', ("unicode", 1, 8, "/a")),
        ('{"a": "\\ud800\\ud800\\udc00"}', ("unicode", 1, 8, "/a")),
        ('{"a": "\\ud83d\\ude00\\ude00"}', ("unicode", 1, 20, "/a")),
        ('{"x": 1,\n "k\\uDBFF": 2}', ("unicode", 2, 4, "")),
        ('{"o": {"k\\uDBFF": 2}}', ("unicode", 1, 10, "/o")),
        ('[1, {"a/b~": ["ok", "\\udfff"]}]', ("unicode", 1, 22, "/1/a~1b~0/1")),
        ('{"a": "\\ud83d\\ude00"}', ("ok", {"a": "\U0001f600"})),
        ('{"a": "\\uD83D\\uDE00"}', ("ok", {"a": "\U0001f600"})),
        ('{"a": "\\\\ud800"}', ("ok", {"a": "\\ud800"})),
        ('{"a": "\\\\\\\\ud800"}', ("ok", {"a": "\\\\ud800"})),
        ('{"a": "\\u00e9\\ud7ff\\ue000"}', ("ok", {"a": "\u00e9\ud7ff\ue000"})),
    ],
)
def test_lone_surrogates_are_located_read_errors(text: str, expected: tuple[Any, ...]) -> None:
    """A lone surrogate escape is an 'unicode' error at its line, column and pointer (a key:
    the pointer of its object); pairs and escaped backslashes read as before."""
    assert _outcome(parse_json, text) == expected
    assert _outcome(lambda t: parse_json_bytes(t.encode()), text) == expected


def test_a_surrogate_character_in_text_given_as_str_is_refused() -> None:
    """Text handed over as ``str`` may hold the character itself, not only its escape."""
    with pytest.raises(JSONReadError) as caught:
        parse_json('{"a": ["x", "y\ud800"]}')
    assert (caught.value.code, caught.value.pointer) == ("unicode", "/a/1")
    assert (caught.value.line, caught.value.column) == (1, 15)
    assert "U+D800" in caught.value.reason
    with pytest.raises(JSONReadError):
        loads_record('{"id": "act-\udfff", "type": "activity"}')


def test_the_message_of_a_refused_surrogate_can_be_written_as_utf8() -> None:
    """The error names the escape as written, never the surrogate itself."""
    with pytest.raises(JSONReadError) as caught:
        parse_json('{"k\\ud800": {"\\udc00": 1}}')
    str(caught.value).encode("utf-8")
    assert caught.value.pointer == ""


def _dataset_text(example_json: dict[str, Any], name: str) -> str:
    """The example dataset with ``name`` (JSON string content) put into a record's title."""
    text = json.dumps(example_json, ensure_ascii=False, indent=2)
    title = '"title": "'
    at = text.index(title) + len(title)
    return text[:at] + name + text[at:]


def test_loaders_refuse_a_dataset_with_a_lone_surrogate(
    example_json: dict[str, Any], tmp_path: Path
) -> None:
    """loads_dataset and load_dataset raise JSONReadError, not UnicodeEncodeError."""
    text = _dataset_text(example_json, LONE)
    with pytest.raises(JSONReadError) as caught:
        loads_dataset(text)
    assert caught.value.code == "unicode"
    assert caught.value.pointer is not None
    assert caught.value.pointer.endswith("/title")
    path = tmp_path / "d.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(JSONReadError) as caught:
        load_dataset(path)
    assert caught.value.code == "unicode"
    assert f"(at {caught.value.pointer})" in str(caught.value)


def test_validate_reports_a_lone_surrogate_as_r010(example_json: dict[str, Any]) -> None:
    """A JSON document with a lone surrogate is one located R010 finding."""
    data = _dataset_text(example_json, "x" + LONE).encode()
    report = validate_bytes(data, path="d.json")
    [finding] = list(report)
    assert finding.code == "R010"
    assert finding.pointer is not None
    assert finding.pointer.endswith("/title")
    assert finding.line is not None
    line = data.decode().splitlines()[finding.line - 1]
    assert finding.column is not None
    assert line[finding.column - 1 :].startswith(LONE)
    assert str(finding.message).encode("utf-8")


def test_only_the_jsonl_line_with_a_lone_surrogate_fails() -> None:
    """In JSONL, the other lines are read and checked as usual."""
    good = '{"id": "act-1", "type": "activity"}'
    bad = '{"id": "act-\\ud800", "type": "activity"}'
    pair = '{"id": "act-\\ud83d\\ude00", "type": "activity"}'
    data = "\n".join([good, bad, pair, bad]).encode()
    report = validate_bytes(data, path="r.jsonl", format="jsonl")
    r010 = [(f.line, f.column, f.pointer) for f in report if f.code == "R010"]
    assert r010 == [(2, 13, "/id"), (4, 13, "/id")]
    assert all(f.line not in {1, 3} for f in report if f.code.startswith("R"))
    assert report.inputs[0].records == 4


# -- size limits ----------------------------------------------------------------------------


def test_read_limited_counts_what_it_reads(tmp_path: Path) -> None:
    """Paths and streams alike: up to the limit is read, one byte more is refused."""
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    assert read_limited(path, 10) == b"x" * 10
    assert read_limited(io.BytesIO(b"y" * 10), 10) == b"y" * 10
    with pytest.raises(JSONReadError) as caught:
        read_limited(path, 9)
    assert (caught.value.code, caught.value.source) == ("size", str(path))
    with pytest.raises(JSONReadError) as caught:
        read_limited(io.BytesIO(b"y" * 11), 10, name="<stdin>")
    assert (caught.value.code, caught.value.source) == ("size", "<stdin>")
    assert read_limited(path, 4, start=3, length=4) == b"xxxx"
    with pytest.raises(JSONReadError) as caught:
        read_limited(tmp_path, 10)
    assert caught.value.code == "unreadable"


def test_read_limited_per_line_refuses_the_long_line_at_its_number() -> None:
    """Per line, the whole has no limit but a line over it stops reading there."""
    ok = b"abc\n" * 1000
    assert read_limited(io.BytesIO(ok), 3, per_line=True) == ok
    stream = io.BytesIO(b"a\nbb\n" + b"c" * 5 + b"\nd\n")
    with pytest.raises(JSONReadError) as caught:
        read_limited(stream, 4, per_line=True)
    assert (caught.value.code, caught.value.line) == ("size", 3)


class _Endless(io.RawIOBase):
    """A stream that never ends (as /dev/zero), counting what was taken from it."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = len(buffer)
        buffer[:n] = b" " * n
        self.taken += n
        return n


def test_an_endless_stream_is_read_only_up_to_the_limit() -> None:
    """The limit is counted: an endless stream costs the limit, not the memory of the machine."""
    endless = _Endless()
    with pytest.raises(JSONReadError) as caught:
        read_limited(endless, 1000)  # type: ignore[arg-type]
    assert caught.value.code == "size"
    assert endless.taken <= 1001
    endless = _Endless()
    with pytest.raises(JSONReadError):
        read_limited(endless, 1000, per_line=True)  # type: ignore[arg-type]
    assert endless.taken <= 1000 + 1024 * 1024


def test_read_json_uses_the_current_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """read_json and every reader take MAX_BYTES as it is when they run."""
    path = tmp_path / "d.json"
    path.write_text('{"a": "' + "x" * 100 + '"}', encoding="utf-8")
    assert read_json(path)["a"] == "x" * 100
    monkeypatch.setattr(json_module, "MAX_BYTES", 50)
    with pytest.raises(JSONReadError) as caught:
        read_json(path)
    assert caught.value.code == "size"
    assert read_json(path, max_bytes=200)["a"] == "x" * 100


def test_a_jsonl_line_over_the_limit_is_r006_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large JSONL file is read in pieces without a whole limit; one line over the limit is
    refused at its line (whatever piece holds it) without reading it all."""
    monkeypatch.setattr(json_module, "MAX_BYTES", 2000)
    monkeypatch.setattr(engine, "CHUNK_BYTES", 1000)
    line = '{"id": "act-%d", "type": "activity"}'
    lines = [line % i for i in range(200)]
    lines[150] = '{"id": "act-x", "type": "activity", "name": "' + "y" * 3000 + '"}'
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate(path, select=("R",))
    assert [(f.code, f.line) for f in report] == [("R006", 151)]


@pytest.mark.skipif(not HAS_DEV_ZERO, reason="no /dev/zero here")
def test_dev_zero_is_r006_as_json_and_as_jsonl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A device is read with the counted limit: R006, not MemoryError."""
    monkeypatch.setattr(json_module, "MAX_BYTES", 4096)
    zero_jsonl = tmp_path / "zero.jsonl"
    zero_jsonl.symlink_to("/dev/zero")
    report = validate("/dev/zero", zero_jsonl)
    assert [(f.code, f.path) for f in report] == [
        ("R006", "/dev/zero"),
        ("R006", str(zero_jsonl)),
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_read_with_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FIFO is taken as given and read counted (a writer that sends too much: R006)."""
    import threading  # noqa: PLC0415 - only this test writes to a pipe

    monkeypatch.setattr(json_module, "MAX_BYTES", 4096)
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("wb") as handle, contextlib.suppress(BrokenPipeError):
            handle.write(b"[" + b" " * 10000 + b"]")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    report = validate(fifo)
    writer.join(timeout=10)
    assert [f.code for f in report] == ["R006"]


# -- the CLI in process ---------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_cli_validate_reports_a_lone_surrogate_in_every_format(
    example_json: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
) -> None:
    """R010, exit 1, in every report format: nothing to encode fails."""
    path = tmp_path / "d.json"
    path.write_text(_dataset_text(example_json, LONE), encoding="utf-8")
    assert main(["validate", "--format", fmt, str(path)]) == 1
    captured = capsys.readouterr()
    assert "R010" in captured.out
    assert captured.err == ""
    captured.out.encode("utf-8")


@pytest.mark.parametrize(
    "command",
    [
        ["show"],
        ["report"],
        ["report", "-f", "markdown"],
        ["export", "-f", "csv", "-o", "out.csv"],
        ["export", "-f", "json", "-o", "-"],
    ],
)
def test_cli_show_report_export_refuse_a_lone_surrogate_with_a_message(
    example_json: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    """Exit 2 and a located message naming the read problem -- not an exporter failure."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "d.json"
    path.write_text(_dataset_text(example_json, LONE), encoding="utf-8")
    assert main([*command, str(path)]) == 2
    captured = capsys.readouterr()
    assert "lone surrogate" in captured.err
    assert "exporter" not in captured.err
    assert f"{path}:" in captured.err
    assert "/title)" in captured.err
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["show"],
        ["report"],
        ["report", "-f", "markdown"],
        ["export", "-f", "csv", "-o", "out.csv"],
        ["export", "-f", "json", "-o", "out.json"],
        ["export", "-f", "jsonl", "-o", "out.jsonl"],
        ["export", "-f", "markdown", "-o", "out.md"],
        ["export", "-f", "sqlite", "-o", "out.sqlite"],
    ],
)
def test_cli_reads_pairs_and_control_characters_without_crashing(
    example_json: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    """A surrogate pair, NUL, ESC, BEL, CR/LF and '::' in a title are read and pass through
    validate, show, report and export without an encoding crash (escaping them for each
    medium is the outputs' business)."""
    monkeypatch.chdir(tmp_path)
    hostile = "\\ud83d\\ude00\\u0000\\u001b]0;x\\u0007\\r\\n::error::x|\\ufffe"
    path = tmp_path / "d.json"
    path.write_text(_dataset_text(example_json, hostile), encoding="utf-8")
    assert main([*command, str(path)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "error" not in captured.err


@pytest.mark.skipif(not HAS_DEV_ZERO, reason="no /dev/zero here")
@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_cli_validate_dev_zero_is_r006(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """The real /dev/zero through the CLI: R006, exit 1 (a lowered limit keeps it quick)."""
    monkeypatch.setattr(json_module, "MAX_BYTES", 1 << 16)
    assert main(["validate", "--format", fmt, "/dev/zero"]) == 1
    assert "R006" in capsys.readouterr().out


@pytest.mark.skipif(not HAS_DEV_ZERO, reason="no /dev/zero here")
@pytest.mark.parametrize("command", [["show"], ["report"], ["export", "-f", "json", "-o", "-"]])
def test_cli_loaders_stop_reading_dev_zero_at_the_limit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """show, report and export read a device with the same counted limit: exit 2."""
    monkeypatch.setattr(json_module, "MAX_BYTES", 1 << 16)
    assert main([*command, "/dev/zero"]) == 2
    assert "over the size limit" in capsys.readouterr().err


@pytest.mark.parametrize("input_format", ["auto", "json", "jsonl"])
def test_cli_validate_standard_input_over_the_limit_is_r006(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, input_format: str
) -> None:
    """Standard input is held whole: it is counted, and over the limit it is R006, exit 1."""
    monkeypatch.setattr(json_module, "MAX_BYTES", 1000)
    _stdin(monkeypatch, b'{"id": "act-1", "type": "activity"}\n' * 100)
    assert main(["validate", "--input-format", input_format, "-"]) == 1
    out = capsys.readouterr().out
    assert "<stdin>: R006" in out
    assert "1000 bytes" in out


def test_cli_validate_standard_input_under_the_limit_is_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under the limit, standard input is checked as before (JSONL told apart by itself)."""
    monkeypatch.setattr(json_module, "MAX_BYTES", 1000)
    good = b'{"id": "act-1", "type": "activity"}\n'
    bad = b'{"id": "act-\\ud800", "type": "activity"}\n'
    _stdin(monkeypatch, good + bad)
    main(["validate", "--format", "json", "-"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["code"], f["line"]) for f in found if f["code"].startswith("R")] == [("R010", 2)]


@pytest.mark.parametrize("piece", [1, 3, 7, 1 << 20])
def test_read_limited_per_line_finds_the_long_line_across_pieces(
    monkeypatch: pytest.MonkeyPatch, piece: int
) -> None:
    """However the reads fall, the first line over the limit is refused at its number."""
    monkeypatch.setattr(json_module, "_PIECE", piece)
    data = b"aaaa\nbbbb\n\ncccccc\ndd\neeeeeeeeee\n"
    with pytest.raises(JSONReadError) as caught:
        read_limited(io.BytesIO(data), 5, per_line=True)
    assert caught.value.line == 4
    assert read_limited(io.BytesIO(data), 10, per_line=True) == data


def test_values_built_in_python_are_checked_for_unicode_too() -> None:
    """validate_value and check_unicode: R010 at the pointer, no line (there is no text)."""
    from antt_domain.io import check_unicode  # noqa: PLC0415 - the function under test
    from antt_domain.validation import validate_value  # noqa: PLC0415 - the function under test

    report = validate_value({"id": "act-\ud800", "type": "activity"})
    assert [(f.code, f.pointer, f.line) for f in report] == [("R010", "/id", None)]
    dataset = {"type": "dataset", "records": [{"id": "a", "type": "activity", "k\udc00": 1}]}
    assert [(f.code, f.pointer) for f in validate_value(dataset)] == [("R010", "/records/0")]
    check_unicode({"a": ["\U0001f600", "\\ud800"]})
    with pytest.raises(JSONReadError) as caught:
        check_unicode(["ok", {"b": "x\udfff"}])
    assert (caught.value.code, caught.value.pointer) == ("unicode", "/1/b")


def test_lines_after_a_refused_piece_keep_their_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSONL piece refused for a line over the limit still counts its lines: a finding
    further down the file is reported at its own line."""
    from antt_domain.validation import _workers as _engine  # noqa: PLC0415 - patched here

    monkeypatch.setattr(json_module, "MAX_BYTES", 1000)
    monkeypatch.setattr(_engine, "CHUNK_BYTES", 1500)
    good = json.dumps({"id": "o1", "type": "organisation", "kind": "police", "name": "x"})
    lines = [good] * 30
    lines[10] = json.dumps({"id": "long", "type": "source", "title": "x" * 2000})
    lines[40:] = [good] * 20 + ['{"broken']
    path = tmp_path / "long.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate(path, ignore=["D"])
    found = [(f.code, f.line) for f in report]
    assert ("R006", 11) in found
    assert ("R001", len(lines)) in found
