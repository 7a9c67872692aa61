"""The conformance kit catches what a plugin author most often gets wrong."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

import pytest

from antt_domain.model import Dataset
from antt_domain.plugins import ReportFormatSpec, ReportRequest
from antt_domain.testing import ConformanceError, check_exporter, check_report_format
from helpers.plugins import exporter

_counter = itertools.count()


def stamped(dataset: Dataset, out: BinaryIO, options: Mapping[str, str], /) -> None:
    out.write(f"run {next(_counter)}\n".encode())


def latin1(dataset: Dataset, out: BinaryIO, options: Mapping[str, str], /) -> None:
    out.write(dataset.title.encode("utf-8", "replace").decode("latin-1").encode("utf-8"))


def littering(where: Path) -> Callable[[Dataset, BinaryIO, Mapping[str, str]], None]:
    def litters(dataset: Dataset, out: BinaryIO, options: Mapping[str, str], /) -> None:
        (where / f"debug-{next(_counter)}.log").write_text("debug", encoding="utf-8")
        out.write(b"ok")

    return litters


def test_a_conforming_exporter_passes(tmp_path: Path) -> None:
    """The spec checked is returned."""
    spec = exporter("fine")
    assert spec is check_exporter(spec, workdir=tmp_path, records=50)


@pytest.mark.parametrize(
    ("export", "expected"),
    [
        (stamped, "not deterministic"),
        (latin1, "double-encoded"),
        ("workdir", "besides its output"),
        ("cwd", "changed the current folder"),
    ],
)
def test_the_kit_reports_each_breach(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export: object, expected: str
) -> None:
    """Non-deterministic output, mojibake and stray files are named in the failures."""
    monkeypatch.chdir(tmp_path)
    if export == "workdir":
        export = littering(tmp_path / "antt-conformance")
    elif export == "cwd":
        export = littering(tmp_path)
    with pytest.raises(ConformanceError) as caught:
        check_exporter(exporter("bad", export=export), workdir=tmp_path, records=50)
    assert any(expected in failure for failure in caught.value.failures), caught.value.failures


def test_the_kit_reports_an_exporter_that_raises(tmp_path: Path) -> None:
    """Failures are collected per dataset rather than stopping at the first."""

    def boom(dataset: Dataset, out: BinaryIO, options: Mapping[str, str], /) -> None:
        if not dataset.records:
            raise ValueError("empty datasets are not handled")
        out.write(b"ok")

    with pytest.raises(ConformanceError) as caught:
        check_exporter(exporter("boom", export=boom), workdir=tmp_path, records=50)
    assert len(caught.value.failures) == 1
    assert caught.value.failures[0].startswith("empty: export failed")


def test_check_report_format() -> None:
    """A renderer returning the declared type deterministically passes; a wrong type fails."""

    def spec(render: object, *, binary: bool = False) -> ReportFormatSpec:
        return ReportFormatSpec(
            name="count",
            title="Count",
            media_type="text/plain",
            extension="txt",
            binary=binary,
            render=render,  # type: ignore[arg-type]
        )

    def count(request: ReportRequest) -> str:
        return f"{len(request.dataset)} bản ghi ({request.lang})\n"

    assert check_report_format(spec(count), records=50).name == "count"
    with pytest.raises(ConformanceError, match="not bytes"):
        check_report_format(spec(count, binary=True), records=50)


def test_check_report_format_runs_2_0_datasets_when_the_spec_reads_them() -> None:
    """A format whose spec lists "2" is run on the 2.0 conformance datasets too, with the
    plugins' 2.0 codelists in the request; a 1.0-only format never sees one."""
    seen: list[tuple[str, bool]] = []

    def render(request: ReportRequest, /) -> str:
        if request.dataset.schema_version.startswith("2") and request.lang == "vi":
            raise ValueError("cannot read 2.0")
        seen.append((request.dataset.schema_version[0], request.codelists_v2 is not None))
        return "ok\n"

    def spec(versions: tuple[str, ...]) -> ReportFormatSpec:
        return ReportFormatSpec(
            name="two", title="Two", media_type="text/plain", extension="txt", binary=False,
            render=render, schema_versions=versions,
        )  # fmt: skip

    assert check_report_format(spec(("1",)), records=5).name == "two"
    assert {version for version, _ in seen} == {"1"}
    with pytest.raises(ConformanceError, match=r"example-2\.0 \(vi\): render raised ValueError"):
        check_report_format(spec(("1", "2")), records=5)
    assert ("2", True) in seen
    assert check_report_format("summary", records=5).name == "summary"  # 1.0 and 2.0


@pytest.mark.slow
@pytest.mark.smoke
def test_the_pytest_plugin_gives_fixtures_to_plugin_authors(tmp_path: Path) -> None:
    """Installed antt-domain gives a plugin author's pytest antt_check_exporter (pytest11)."""
    (tmp_path / "test_mine.py").write_text(
        textwrap.dedent(
            """
            def test_built_in_json_conforms(antt_check_exporter, antt_plugin_manager):
                assert "json" in antt_plugin_manager.exporters()
                assert "json" == antt_check_exporter("json", records=20).name
            """
        ),
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env["ANTT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "test_mine.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_the_kit_compares_the_whole_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exporter appending to a file that exists, deep in the current folder, is caught."""
    notes = tmp_path / "deep" / "er" / "notes.txt"
    notes.parent.mkdir(parents=True)
    notes.write_text("mine\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def appends(dataset: Dataset, out: BinaryIO, options: Mapping[str, str], /) -> None:
        with notes.open("a", encoding="utf-8") as log:
            log.write("exported\n")
        out.write(b"ok")

    with pytest.raises(ConformanceError) as caught:
        check_exporter(exporter("appender", export=appends), workdir=tmp_path, records=5)
    expected = f"changed the current folder {tmp_path}: modified {Path('deep/er/notes.txt')}"
    assert (expected,) == caught.value.failures


def test_an_exporter_closing_its_stream_is_a_conformance_error(tmp_path: Path) -> None:
    """The ValueError of a closed stream never escapes the kit raw."""

    def closes(dataset: Dataset, out: BinaryIO, options: Mapping[str, str], /) -> None:
        out.write(b"ok")
        out.close()

    with pytest.raises(ConformanceError) as caught:
        check_exporter(exporter("closer", export=closes), workdir=tmp_path, records=5)
    assert len(caught.value.failures) == 4  # each dataset, at its first export
    assert all("closed the output stream" in f for f in caught.value.failures)


def test_a_renderer_writing_in_the_current_folder_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Report formats are held to the same rule: the current folder is untouched."""
    monkeypatch.chdir(tmp_path)

    def render(request: ReportRequest, /) -> str:
        Path("cache.json").write_text("{}", encoding="utf-8")
        return "ok"

    spec = ReportFormatSpec(
        name="littering",
        title="Litters",
        media_type="text/plain",
        extension="txt",
        binary=False,
        render=render,
    )
    with pytest.raises(ConformanceError) as caught:
        check_report_format(spec, records=5)
    assert caught.value.failures == (f"changed the current folder {tmp_path}: created cache.json",)
