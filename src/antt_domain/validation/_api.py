"""The public entry points: validate paths, bytes or parsed values into one report."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from antt_domain.errors import AnttError
from antt_domain.io import JSONReadError
from antt_domain.validation._findings import Finding, Report
from antt_domain.validation._pipeline import (
    Checked,
    check_document,
    check_value,
    read_error_finding,
    read_path,
)

__all__ = ["InputError", "iter_input_files", "validate", "validate_bytes", "validate_value"]

#: File endings read from directories.
SUFFIXES = (".json",)


class InputError(AnttError, OSError):
    """An input path that cannot be used at all (it does not exist, or holds no records)."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named by ``paths``: files as given, directories searched recursively.

    A directory yields its ``.json`` files in sorted order; links that loop are not followed
    twice. A path that does not exist raises :class:`InputError`.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in sorted(_walk(path)):
                found = True
                yield file
            if not found:
                raise InputError(str(path), "the directory holds no .json files")
        elif path.exists() or path.is_symlink():
            yield path
        else:
            raise InputError(str(path), "no such file or directory")


def _walk(root: Path) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir():
                stack.append(entry)
            elif entry.suffix.lower() in SUFFIXES:
                yield entry


def _check_path(path: Path, force_type: str | None) -> Checked:
    try:
        data = read_path(path)
    except JSONReadError as exc:
        checked = Checked(path=str(path))
        checked.findings.append(read_error_finding(exc, str(path)))
        return checked
    except OSError as exc:
        checked = Checked(path=str(path))
        reason = exc.strerror or str(exc)
        error = JSONReadError("unreadable", reason, source=str(path))
        checked.findings.append(read_error_finding(error, str(path)))
        return checked
    return check_document(data, path=str(path), force_type=force_type)


def _report(checked: list[Checked]) -> Report:
    findings: list[Finding] = [f for c in checked for f in c.findings]
    return Report(findings=findings, inputs=tuple(c.summary() for c in checked))


def validate(*paths: str | Path, force_type: str | None = None) -> Report:
    """Validate the JSON files (and directories of them) at ``paths``.

    Returns the same report ``antt validate`` prints. Problems with the data are findings in
    the report; only a path that cannot be used at all raises :class:`InputError`.
    """
    return _report([_check_path(p, force_type) for p in iter_input_files(paths)])


def validate_bytes(data: bytes, *, path: str = "<bytes>", force_type: str | None = None) -> Report:
    """Validate one JSON document given as bytes."""
    return _report([check_document(data, path=path, force_type=force_type)])


def validate_value(value: Any, *, path: str = "<value>", force_type: str | None = None) -> Report:
    """Validate an already parsed JSON value (no line or column numbers: there is no text)."""
    checked = Checked(path=path)
    check_value(value, checked, force_type=force_type)
    return _report([checked])
