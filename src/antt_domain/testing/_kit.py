"""The conformance kit: what every exporter and report format must do, checked in one call."""

from __future__ import annotations

import functools
import io
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from antt_domain.errors import AnttError
from antt_domain.io import load_example
from antt_domain.model import Dataset
from antt_domain.plugins import (
    AnttPluginManager,
    ExporterSpec,
    ReportFormatSpec,
    ReportRequest,
    export,
    plugin_manager,
    run_exporter,
)
from antt_domain.testing._datasets import empty_dataset, large_dataset, vietnamese_dataset

__all__ = ["ConformanceError", "check_exporter", "check_report_format", "conformance_datasets"]

#: Signs of UTF-8 read as a legacy code page and written back ("á»‡" for "ệ").
_MOJIBAKE = ("\ufffd", "\u00e1\u00bb", "\u00c3\u00a1", "\u00c4\u2018")


class ConformanceError(AnttError, AssertionError):
    """An exporter or report format broke the contract; ``failures`` lists every breach."""

    def __init__(self, name: str, failures: list[str]) -> None:
        self.name = name
        self.failures = tuple(failures)
        listed = "\n".join(f"  - {f}" for f in self.failures)
        super().__init__(f"{name!r} fails {len(self.failures)} conformance check(s):\n{listed}")


def conformance_datasets(records: int = 5000) -> dict[str, Dataset]:
    """The datasets the kit uses: ``example``, ``empty``, ``vietnamese`` and ``large``."""
    return {
        "example": load_example(),
        "empty": empty_dataset(),
        "vietnamese": vietnamese_dataset(),
        "large": large_dataset(records),
    }


def _listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@contextmanager
def _workdir(workdir: str | os.PathLike[str] | None) -> Iterator[Path]:
    if workdir is not None:
        folder = Path(workdir) / "antt-conformance"
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="antt-conformance-") as name:
        yield Path(name)


def _text_problems(data: bytes) -> list[str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"textual output is not UTF-8 ({exc.reason} at byte {exc.start})"]
    found = [m for m in _MOJIBAKE if m in text]
    return [f"textual output looks double-encoded (contains {found[0]!r})"] if found else []


def _export_checks(
    spec: ExporterSpec,
    case: str,
    dataset: Dataset,
    folder: Path,
    options: Mapping[str, str] | None,
) -> list[str]:
    problems: list[str] = []
    cwd = Path.cwd()
    cwd_before = {p.name for p in cwd.iterdir()}
    before = _listing(folder)
    outputs = []
    for attempt in (1, 2):
        target = folder / f"{case}-{attempt}.{spec.extension}"
        try:
            export(dataset, spec, target, options=options)
        except AnttError as exc:
            return [f"{case}: export failed: {exc}"]
        outputs.append(target.read_bytes())
    created = _listing(folder) - before
    expected = {f"{case}-1.{spec.extension}", f"{case}-2.{spec.extension}"}
    if created != expected:
        problems.append(f"{case}: wrote {sorted(created - expected)} besides its output")
    if {p.name for p in cwd.iterdir()} != cwd_before:
        problems.append(f"{case}: changed the current folder {cwd}")
    if outputs[0] != outputs[1]:
        problems.append(f"{case}: output differs between two runs (not deterministic)")
    stream = io.BytesIO()
    try:
        run_exporter(spec, dataset, stream, options)
    except AnttError as exc:
        problems.append(f"{case}: export to a stream failed: {exc}")
    else:
        if stream.getvalue() != outputs[0]:
            problems.append(f"{case}: output to a stream differs from output to a file")
    if case == "example" and not outputs[0]:
        problems.append("example: output is empty")
    if not spec.binary:
        problems += [f"{case}: {p}" for p in _text_problems(outputs[0])]
    return problems


def check_exporter(
    spec_or_name: ExporterSpec | str,
    *,
    manager: AnttPluginManager | None = None,
    options: Mapping[str, str] | None = None,
    workdir: str | os.PathLike[str] | None = None,
    records: int = 5000,
) -> ExporterSpec:
    """Check that an exporter honours the contract; raise :class:`ConformanceError` if not.

    For each of the example dataset, an empty dataset, a dataset of tricky Vietnamese text
    and a large one (``records`` records), through :func:`~antt_domain.plugins.export`: it
    succeeds; two runs give the same bytes; writing to a stream gives the same bytes as to a
    file; nothing but the output appears in ``workdir`` and the current folder is untouched;
    textual output is UTF-8 and not double-encoded; the example's output is not empty.

    ``spec_or_name`` is a spec or a registered name (looked up in ``manager``, default a new
    :func:`~antt_domain.plugins.plugin_manager`). ``workdir`` defaults to a temporary folder.
    Returns the spec checked.
    """
    if isinstance(spec_or_name, ExporterSpec):
        spec = spec_or_name
    else:
        spec = (manager or plugin_manager()).exporter(spec_or_name)
    problems: list[str] = []
    with _workdir(workdir) as folder:
        for case, dataset in conformance_datasets(records).items():
            problems += _export_checks(spec, case, dataset, folder, options)
    if problems:
        raise ConformanceError(spec.name, problems)
    return spec


def _render_checks(
    spec: ReportFormatSpec, case: str, request: ReportRequest, render: Callable[[], object]
) -> list[str]:
    try:
        first, second = render(), render()
    except Exception as exc:  # noqa: BLE001 - any failure of plugin code is a finding here
        return [f"{case} ({request.lang}): render raised {type(exc).__name__}: {exc}"]
    expected = bytes if spec.binary else str
    if not isinstance(first, expected):
        return [f"{case}: render returned {type(first).__name__}, not {expected.__name__}"]
    problems = []
    if first != second:
        problems.append(f"{case} ({request.lang}): output differs between two runs")
    if isinstance(first, str):
        try:
            data = first.encode("utf-8")
        except UnicodeEncodeError as exc:
            problems.append(f"{case}: text cannot be written as UTF-8 ({exc.reason})")
        else:
            problems += [f"{case}: {p}" for p in _text_problems(data)]
    return problems


def check_report_format(
    spec_or_name: ReportFormatSpec | str,
    *,
    manager: AnttPluginManager | None = None,
    options: Mapping[str, str] | None = None,
    records: int = 5000,
) -> ReportFormatSpec:
    """Check that a report format renders every conformance dataset, in Vietnamese and
    English, deterministically, as ``str`` (valid UTF-8 text) or ``bytes`` as its spec says;
    raise :class:`ConformanceError` if not. Returns the spec checked."""
    if isinstance(spec_or_name, ReportFormatSpec):
        spec = spec_or_name
    else:
        spec = (manager or plugin_manager()).report_format(spec_or_name)
    problems: list[str] = []
    for case, dataset in conformance_datasets(records).items():
        for lang in ("vi", "en"):
            request = ReportRequest(dataset=dataset, lang=lang, options=options or {})
            problems += _render_checks(spec, case, request, functools.partial(spec.render, request))
    if problems:
        raise ConformanceError(spec.name, problems)
    return spec
