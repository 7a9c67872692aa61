"""``export``: atomic writes, no overwrite without force, clear errors."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

import pytest

from antt_domain import load_example, loads_dataset
from antt_domain.model import Dataset
from antt_domain.plugins import (
    AnttPluginManager,
    ExportError,
    ExporterSpec,
    OutputError,
    OutputExistsError,
    UnknownFormatError,
    UnknownOptionError,
    export,
    hookimpl,
)
from helpers.plugins import exporter


def fail_midway(dataset: Dataset, out: BinaryIO, options: Mapping[str, str], /) -> None:
    out.write(b"half of it")
    raise OSError("disk full")


class Midway:
    @hookimpl
    def antt_register_exporters(self) -> list[ExporterSpec]:
        return [exporter("midway", export=fail_midway)]


def test_export_writes_the_named_format_to_a_path(
    tmp_path: Path, manager: AnttPluginManager
) -> None:
    """The file holds what the exporter wrote; the spec used is returned."""
    target = tmp_path / "out.json"
    spec = export(load_example(), "json", target, manager=manager)
    assert spec.name == "json"
    assert load_example() == loads_dataset(target.read_bytes())
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_export_refuses_to_overwrite_unless_forced(
    tmp_path: Path, manager: AnttPluginManager
) -> None:
    """An existing file is kept as it was; force=True replaces it."""
    target = tmp_path / "out.md"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        export(load_example(), "markdown", target, manager=manager)
    assert target.read_text(encoding="utf-8") == "keep me"
    export(load_example(), "markdown", target, manager=manager, force=True)
    assert target.read_text(encoding="utf-8").startswith("# Phong trào")
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_an_exporter_failing_midway_leaves_nothing_behind(
    tmp_path: Path, manager: AnttPluginManager
) -> None:
    """No partial file and no temporary file; the error names the format and the plugin."""
    manager.register(Midway(), name="midway-plugin")
    with pytest.raises(ExportError) as caught:
        export(load_example(), "midway", tmp_path / "out.txt", manager=manager)
    assert (caught.value.format, caught.value.plugin) == ("midway", "midway-plugin")
    assert "disk full" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_forced_export_keeps_the_old_file(
    tmp_path: Path, manager: AnttPluginManager
) -> None:
    """Atomic replacement: the previous content survives a failure."""
    manager.register(Midway(), name="midway-plugin")
    target = tmp_path / "out.txt"
    target.write_bytes(b"previous")
    with pytest.raises(ExportError):
        export(load_example(), "midway", target, manager=manager, force=True)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_an_unknown_format_lists_the_available_ones(
    tmp_path: Path, manager: AnttPluginManager
) -> None:
    """The error names what was asked and every available exporter."""
    with pytest.raises(UnknownFormatError) as caught:
        export(load_example(), "xlsx", tmp_path / "out.xlsx", manager=manager)
    assert caught.value.available == ("csv", "json", "jsonl", "markdown", "sqlite")
    assert str(caught.value) == "no exporter 'xlsx'; available: csv, json, jsonl, markdown, sqlite"


def test_options_are_checked_against_the_spec(tmp_path: Path, manager: AnttPluginManager) -> None:
    """An option the exporter does not declare is refused before anything is written."""
    with pytest.raises(UnknownOptionError, match="bom, header"):
        export(load_example(), "csv", tmp_path / "o.zip", options={"sep": ";"}, manager=manager)
    assert list(tmp_path.iterdir()) == []


def test_export_to_a_stream_and_to_an_unregistered_spec(manager: AnttPluginManager) -> None:
    """A binary stream is written directly; a spec may be passed instead of a name."""
    stream = io.BytesIO()
    export(load_example(), exporter("tiny", b"tiny\n"), stream)
    assert stream.getvalue() == b"tiny\n"


def test_output_folder_problems_are_output_errors(
    tmp_path: Path, manager: AnttPluginManager
) -> None:
    """A missing folder or a directory as the output is an OutputError, not a traceback."""
    with pytest.raises(OutputError, match="does not exist"):
        export(load_example(), "json", tmp_path / "no" / "out.json", manager=manager)
    with pytest.raises(OutputError, match="is a directory"):
        export(load_example(), "json", tmp_path, manager=manager, force=True)
