"""Finding the inputs of a run: files, directories (with include/exclude globs), stdin."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

import attrs

from antt_domain.errors import AnttError

__all__ = ["InputError", "InputSource", "discover", "input_format"]

#: File endings read from directories, and how each is read.
FORMATS: dict[str, Literal["json", "jsonl"]] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


class InputError(AnttError, OSError):
    """An input path that cannot be used at all (it does not exist, or holds no records)."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


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
    return FORMATS.get(path.suffix.lower(), "json")


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
                    _matches(file, path, include) if include else file.suffix.lower() in FORMATS
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
