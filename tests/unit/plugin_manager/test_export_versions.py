"""Exporters say which schema versions they read; export refuses the others before calling."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from antt_domain import load_example
from antt_domain.cli import main
from antt_domain.io import load_any_dataset
from antt_domain.model import v2 as model_v2
from antt_domain.plugins import AnttPluginManager, UnsupportedVersionError, export
from antt_domain.testing import check_exporter, conformance_datasets
from antt_domain.testing._datasets import vietnamese_dataset_v2
from helpers.plugins import exporter

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE_V2 = ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json"

OLD_PLUGIN = """
from antt_domain.plugins import ExporterSpec, hookimpl

def write(dataset, out, options, /):
    out.write(b"old\\n")

@hookimpl
def antt_register_exporters():
    return [ExporterSpec(name="old", title="A 1.x-only format", media_type="text/plain",
                         extension="old", binary=False, export=write)]
"""


def _counting() -> tuple[list[object], Callable[..., None]]:
    calls: list[object] = []

    def write(dataset: Any, out: BinaryIO, options: Mapping[str, str], /) -> None:
        calls.append(dataset)
        out.write(b"x\n")

    return calls, write


def test_built_in_exporters_read_both_versions(manager: AnttPluginManager) -> None:
    """json, jsonl, csv, markdown and sqlite declare 1 and 2."""
    for name in ("json", "jsonl", "csv", "markdown", "sqlite"):
        assert manager.exporter(name).schema_versions == ("1", "2")


def test_a_1x_only_exporter_is_not_called_with_a_2_0_dataset(tmp_path: Path) -> None:
    """UnsupportedVersionError names the format, its plugin and the versions; no file."""
    calls, write = _counting()
    spec = exporter("old", export=write, plugin="oldplugin")
    target = tmp_path / "out.txt"
    with pytest.raises(UnsupportedVersionError) as caught:
        export(vietnamese_dataset_v2(), spec, target)
    message = str(caught.value)
    assert "'old'" in message
    assert "'oldplugin'" in message
    assert "Schema 1.x" in message
    assert "Schema 2.0" in message
    assert caught.value.versions == ("1",)
    assert caught.value.version == "2.0"
    assert calls == []
    assert list(tmp_path.iterdir()) == []
    stream = io.BytesIO()
    with pytest.raises(UnsupportedVersionError):
        export(vietnamese_dataset_v2(), spec, stream)
    assert (calls, stream.getvalue()) == ([], b"")
    export(load_example(), spec, stream)  # a 1.0 dataset is still fine
    assert len(calls) == 1


def test_a_2_0_only_exporter_refuses_a_1x_dataset() -> None:
    """The reverse: schema_versions=("2",) refuses the 1.0 model."""
    calls, write = _counting()
    spec = exporter("new", export=write, schema_versions=("2",))
    with pytest.raises(UnsupportedVersionError, match=r"reads Schema 2\.x datasets only"):
        export(load_example(), spec, io.BytesIO())
    export(vietnamese_dataset_v2(), spec, io.BytesIO())
    assert len(calls) == 1


def test_cli_refuses_a_2_0_document_for_a_1x_only_plugin_format(
    installed: Callable[..., None], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`antt export` exits 2 with one line naming the format and plugin; nothing written."""
    installed("antt-domain-old", "oldformat", OLD_PLUGIN)
    target = tmp_path / "out.old"
    code = main(["export", str(EXAMPLE_V2), "-f", "old", "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert "exporter 'old' of plugin 'oldformat' reads Schema 1.x datasets only" in err
    assert "Traceback" not in err
    assert not target.exists()


def test_cli_exports_a_2_0_document_and_refuses_mixed_versions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A 2.0 file exports as 2.0 JSON; a 1.x file and a 2.0 file cannot be merged."""
    target = tmp_path / "out.json"
    assert main(["export", str(EXAMPLE_V2), "-o", str(target)]) == 0
    assert load_any_dataset(target) == load_any_dataset(EXAMPLE_V2)
    v1 = ROOT / "examples" / "cam-thuy-2021" / "dataset.json"
    capsys.readouterr()
    assert main(["export", str(v1), str(EXAMPLE_V2), "-o", str(tmp_path / "x.json")]) == 2
    assert "cannot merge" in capsys.readouterr().err


def test_conformance_datasets_by_version() -> None:
    """2.0 datasets are given only when asked for."""
    assert set(conformance_datasets(10)) == {"example", "empty", "vietnamese", "large"}
    both = conformance_datasets(10, ("1", "2"))
    assert {"example-2.0", "empty-2.0", "vietnamese-2.0"} <= set(both)
    only = conformance_datasets(10, ("2",))
    assert all(isinstance(d, model_v2.Dataset) for d in only.values())


@pytest.mark.parametrize("name", ["json", "jsonl", "csv", "markdown", "sqlite"])
def test_built_in_exporters_pass_the_kit_on_2_0(name: str) -> None:
    """check_exporter runs the 2.0 datasets for a spec declaring "2"."""
    check_exporter(name, records=20)


def test_the_kit_catches_a_2_0_exporter_that_breaks_on_2_0(tmp_path: Path) -> None:
    """A spec declaring "2" whose exporter cannot write a 2.0 dataset fails the kit."""
    from antt_domain.testing import ConformanceError  # noqa: PLC0415

    def v1_only(dataset: Any, out: BinaryIO, options: Mapping[str, str], /) -> None:
        out.write(dataset.publisher.name.encode("utf-8") + b"\n")
        if isinstance(dataset, model_v2.Dataset):
            raise TypeError("no idea what a 2.0 dataset is")

    spec = exporter("liar", export=v1_only, schema_versions=("1", "2"))
    with pytest.raises(ConformanceError, match=r"example-2\.0: export failed"):
        check_exporter(spec, records=10, workdir=tmp_path)
