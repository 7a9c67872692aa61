"""The inputs of a run: finding them (files, directories with include/exclude globs, stdin),
and reading their bytes and JSONL lines (the one place a byte order mark is dropped)."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, final

import attrs

from antt_domain.errors import AnttError
from antt_domain.io import JSONReadError, read_limited

__all__ = [
    "INPUT_FORMATS",
    "InputError",
    "InputSource",
    "discover",
    "input_format",
    "iter_lines",
    "looks_like_jsonl",
    "read_path",
    "read_source",
    "source_lines",
]

_BOM = b"\xef\xbb\xbf"

#: File endings read from directories, and how each is read.
INPUT_FORMATS: dict[str, Literal["json", "jsonl"]] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


@final
class InputError(AnttError, OSError):
    """An input path that cannot be used at all (it does not exist, or holds no records)."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@final
@attrs.frozen(kw_only=True)
class InputSource:
    """One input: a file (``path``) or bytes already in hand (``data``, e.g. from stdin).

    ``refused`` is ``(reason code, reason)`` of a :class:`~antt_domain.io.JSONReadError` met
    while taking the input in (standard input over the size limit): the input is then
    reported as that read finding instead of being checked.
    """

    name: str
    format: Literal["json", "jsonl", "auto"]
    path: Path | None = None
    data: bytes | None = attrs.field(default=None, repr=False)
    refused: tuple[str, str] | None = None


def input_format(path: Path) -> Literal["json", "jsonl"]:
    """``jsonl`` for .jsonl and .ndjson files, ``json`` for everything else."""
    return INPUT_FORMATS.get(path.suffix.lower(), "json")


def _matches(path: Path, root: Path, patterns: Iterable[str]) -> bool:
    relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(path.name, p) for p in patterns)


def _walk(root: Path) -> Iterator[Path]:
    """Files below ``root`` in sorted order; a directory reached twice (a link loop) is skipped."""
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
            entries = sorted(folder.iterdir(), reverse=True)
        except OSError:
            continue
        files = []
        for entry in entries:
            if entry.is_dir():
                stack.append(entry)
            else:
                files.append(entry)
        yield from reversed(files)


def discover(
    paths: Iterable[str | Path],
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
) -> list[InputSource]:
    """The inputs named by ``paths``.

    A file is taken as given (whatever its ending: ``.jsonl``/``.ndjson`` are read line by
    line, anything else as one JSON document). A directory is searched recursively for
    ``.json``, ``.jsonl`` and ``.ndjson`` files, or for the files matching ``include`` globs
    when given; ``exclude`` globs drop files (matched against the path relative to the
    directory, or the file name). A path that does not exist, or a directory with no file to
    read, raises :class:`InputError`. A path that is no regular file (a device, a named pipe)
    is taken as given too: it is read with the size limit counted as the bytes come (a socket
    cannot be opened, and is reported unreadable).
    """
    include = tuple(include)
    exclude = tuple(exclude)
    found: list[InputSource] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            count = 0
            for file in _walk(path):
                wanted = (
                    _matches(file, path, include)
                    if include
                    else file.suffix.lower() in INPUT_FORMATS
                )
                if not wanted or _matches(file, path, exclude):
                    continue
                count += 1
                found.append(InputSource(name=str(file), format=input_format(file), path=file))
            if count == 0:
                raise InputError(
                    str(path), "the directory holds no file to validate (.json, .jsonl)"
                )
        elif path.exists() or path.is_symlink():
            found.append(InputSource(name=str(path), format=input_format(path), path=path))
        else:
            raise InputError(str(path), "no such file or directory")
    return found


def read_path(path: Path, start: int = 0, end: int | None = None) -> bytes:
    """The bytes of ``path``, counted as they are read (see :func:`~antt_domain.io.read_limited`).

    Whole, it is one document (or a stream held whole): at most ``MAX_BYTES``. A range
    ``start``-``end`` is a piece of a large JSONL file: no whole limit, but no line over
    ``MAX_BYTES`` (refused as soon as it grows past it, at its line within the piece).
    """
    if start == 0 and end is None:
        return read_limited(path, name=str(path))
    length = None if end is None else end - start
    return read_limited(path, per_line=True, start=start, length=length, name=str(path))


def read_source(source: InputSource, start: int = 0, end: int | None = None) -> bytes:
    """The bytes of ``source`` (or of its range ``start``-``end``); an input refused while it
    was taken in raises its :class:`~antt_domain.io.JSONReadError` here."""
    if source.refused is not None:
        raise JSONReadError(*source.refused, source=source.name)
    if source.data is not None:
        return source.data[start:end]
    assert source.path is not None  # noqa: S101 - a source has data or a path
    return read_path(source.path, start, end)  # counted: no document, no line over the limit


def looks_like_jsonl(data: bytes) -> bool:
    """For stdin: several top-level values on separate lines."""
    lines = [ln for ln in data.strip().split(b"\n") if ln.strip()]
    return (
        len(lines) > 1
        and all(ln.lstrip().startswith(b"{") for ln in lines[:2])
        and not (data.lstrip().startswith(b"["))
    )


def iter_lines(data: bytes, first_line: int = 1) -> Iterator[tuple[int, bytes]]:
    """``(number, line)`` pairs of JSONL bytes (a BOM at the very start is dropped)."""
    if first_line == 1:
        data = data.removeprefix(_BOM)
    for offset, line in enumerate(data.split(b"\n")):
        yield first_line + offset, line


def source_lines(source: InputSource) -> Iterator[tuple[int, bytes]]:
    """``(number, line)`` of a JSONL source, read from its file one line at a time (a BOM at
    the very start is dropped, as :func:`iter_lines` drops it)."""
    if source.data is not None or source.path is None:
        yield from iter_lines(source.data or b"")
        return
    with source.path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            text = line.removeprefix(_BOM) if number == 1 else line
            yield number, text.rstrip(b"\n")
