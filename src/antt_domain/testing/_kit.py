"""The conformance kit: what every exporter and report format must do, checked in one call."""

from __future__ import annotations

import functools
import io
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from antt_domain._resources import example_root
from antt_domain.errors import AnttError
from antt_domain.io import load_example, loads_any_dataset
from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.plugins import (
    AnttPluginManager,
    ExporterSpec,
    ReportFormatSpec,
    ReportRequest,
    export,
    plugin_manager,
    run_exporter,
)
from antt_domain.testing._datasets import (
    empty_dataset,
    empty_dataset_v2,
    large_dataset,
    vietnamese_dataset,
    vietnamese_dataset_v2,
)

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


def _example_v2() -> model_v2.Dataset:
    data = (example_root() / "cam-thuy-2021" / "dataset-2.0.json").read_bytes()
    found = loads_any_dataset(data, source="example:cam-thuy-2021 (2.0)")
    assert isinstance(found, model_v2.Dataset)  # noqa: S101 - the file is a 2.0 document
    return found


def conformance_datasets(
    records: int = 5000, versions: tuple[str, ...] = ("1",)
) -> dict[str, Dataset | model_v2.Dataset]:
    """The datasets the kit uses: ``example``, ``empty``, ``vietnamese`` and ``large`` (1.0
    model); with ``"2"`` among ``versions`` also ``example-2.0`` (the example upgraded),
    ``empty-2.0`` and ``vietnamese-2.0`` (2.0 model). Without ``"1"`` the 1.0 ones are left
    out."""
    found: dict[str, Dataset | model_v2.Dataset] = {}
    if "1" in versions:
        found.update(
            example=load_example(),
            empty=empty_dataset(),
            vietnamese=vietnamese_dataset(),
            large=large_dataset(records),
        )
    if "2" in versions:
        found["example-2.0"] = _example_v2()
        found["empty-2.0"] = empty_dataset_v2()
        found["vietnamese-2.0"] = vietnamese_dataset_v2()
    return found


def _listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


#: What is compared of each entry of the current folder: its kind, size and modification time
#: (writing to a file, even keeping its size, changes its modification time).
_Entry = tuple[str, int, int]


def _snapshot(folder: Path, skip: Path) -> dict[str, _Entry]:
    """Every entry under ``folder``, recursively (not following links), but ``skip``."""
    found: dict[str, _Entry] = {}
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = [d for d in dirs if (here / d) != skip]
        for name in [*dirs, *files]:
            path = here / name
            try:
                info = path.lstat()
            except OSError:  # vanished while listed: it will show as removed
                continue
            kind = "dir" if name in dirs else "file"
            size = 0 if kind == "dir" else info.st_size
            mtime = 0 if kind == "dir" else info.st_mtime_ns
            found[str(path.relative_to(folder))] = (kind, size, mtime)
    return found


def _folder_changes(before: dict[str, _Entry], after: dict[str, _Entry]) -> list[str]:
    added = sorted(after.keys() - before.keys())
    removed = sorted(before.keys() - after.keys())
    changed = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
    return [
        f"{label} {', '.join(names[:5])}{' ...' if len(names) > 5 else ''}"
        for label, names in (("created", added), ("removed", removed), ("modified", changed))
        if names
    ]


@contextmanager
def _workdir(workdir: str | os.PathLike[str] | None) -> Iterator[Path]:
    if workdir is not None:
        folder = Path(workdir) / "antt-conformance"
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="antt-conformance-") as name:
        yield Path(name)


def _failure(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, AnttError) else f"{type(exc).__name__}: {exc}"


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
    dataset: Dataset | model_v2.Dataset,
    folder: Path,
    options: Mapping[str, str] | None,
) -> list[str]:
    problems: list[str] = []
    before = _listing(folder)
    outputs = []
    for attempt in (1, 2):
        target = folder / f"{case}-{attempt}.{spec.extension}"
        try:
            export(dataset, spec, target, options=options)
            outputs.append(target.read_bytes())
        except Exception as exc:  # noqa: BLE001 - any failure of the exporter is a breach
            return [f"{case}: export failed: {_failure(exc)}"]
    created = _listing(folder) - before
    expected = {f"{case}-1.{spec.extension}", f"{case}-2.{spec.extension}"}
    if created != expected:
        problems.append(f"{case}: wrote {sorted(created - expected)} besides its output")
    if outputs[0] != outputs[1]:
        problems.append(f"{case}: output differs between two runs (not deterministic)")
    stream = io.BytesIO()
    try:
        run_exporter(spec, dataset, stream, options)
        streamed = stream.getvalue()
    except Exception as exc:  # noqa: BLE001 - any failure of the exporter is a breach
        problems.append(f"{case}: export to a stream failed: {_failure(exc)}")
    else:
        if streamed != outputs[0]:
            problems.append(f"{case}: output to a stream differs from output to a file")
    if case.startswith("example") and not outputs[0]:
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
    file; nothing but the output appears in ``workdir``; the whole current folder is
    untouched (every entry's name, size and modification time, recursively, compared before
    and after: a file appended to or rewritten is caught); textual output is UTF-8 and not
    double-encoded; the example's output is not empty. An exporter whose spec declares
    ``schema_versions`` with ``"2"`` is also given the 2.0 datasets (``example-2.0``,
    ``empty-2.0``, ``vietnamese-2.0``); one that declares only ``"2"`` gets those alone.
    Anything the exporter raises
    (a closed stream's ``ValueError`` included) is a breach listed in the error.

    ``spec_or_name`` is a spec or a registered name (looked up in ``manager``, default a new
    :func:`~antt_domain.plugins.plugin_manager`). ``workdir`` defaults to a temporary folder.
    Returns the spec checked.
    """
    if isinstance(spec_or_name, ExporterSpec):
        spec = spec_or_name
    else:
        spec = (manager or plugin_manager()).exporter(spec_or_name)
    problems: list[str] = []
    cwd = Path.cwd()
    with _workdir(workdir) as folder:
        cwd_before = _snapshot(cwd, folder)
        for case, dataset in conformance_datasets(records, spec.schema_versions).items():
            problems += _export_checks(spec, case, dataset, folder, options)
        changes = _folder_changes(cwd_before, _snapshot(cwd, folder))
    if changes:
        problems.append(f"changed the current folder {cwd}: {'; '.join(changes)}")
    if problems:
        raise ConformanceError(spec.name, problems)
    return spec


def _render_checks(
    spec: ReportFormatSpec, case: str, request: ReportRequest, render: Callable[[], object]
) -> list[str]:
    try:
        first, second = render(), render()
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - any failure of plugin code is a breach
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
    """Check that a report format renders every conformance dataset of the major schema
    versions its spec lists in ``schema_versions`` (the 2.0 ones when it says ``"2"``, with
    ``manager``'s 2.0 codelists in the request), in Vietnamese and English,
    deterministically, as ``str`` (valid UTF-8 text) or ``bytes`` as its spec says, leaving
    the current folder untouched (compared as for :func:`check_exporter`); raise
    :class:`ConformanceError` if not (anything the renderer raises is a breach listed in it).
    Returns the spec checked."""
    if isinstance(spec_or_name, ReportFormatSpec):
        spec = spec_or_name
    else:
        spec = (manager or plugin_manager()).report_format(spec_or_name)
    problems: list[str] = []
    cwd = Path.cwd()
    cwd_before = _snapshot(cwd, cwd / ".antt-no-such-folder")
    lists = (manager or plugin_manager()).codelists_v2()
    for case, dataset in conformance_datasets(records, spec.schema_versions).items():
        for lang in ("vi", "en"):
            request = ReportRequest(
                dataset=dataset, lang=lang, options=options or {}, codelists_v2=lists
            )
            problems += _render_checks(spec, case, request, functools.partial(spec.render, request))
    changes = _folder_changes(cwd_before, _snapshot(cwd, cwd / ".antt-no-such-folder"))
    if changes:
        problems.append(f"changed the current folder {cwd}: {'; '.join(changes)}")
    if problems:
        raise ConformanceError(spec.name, problems)
    return spec
