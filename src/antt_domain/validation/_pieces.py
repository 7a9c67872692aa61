"""Pieces of work: a whole input, or a byte range of a large JSONL file cut at line starts;
how big a piece is, how many lines it holds, and reading and checking one (read, schema,
structure: see ``_pipeline``)."""

from __future__ import annotations

from pathlib import Path

from antt_domain.io import JSONReadError
from antt_domain.schemas import SchemaVersion
from antt_domain.validation._inputs import InputSource, iter_lines, looks_like_jsonl, read_source
from antt_domain.validation._pipeline import Checked, Payload, check_document, check_jsonl
from antt_domain.validation._stage_findings import read_error_finding

__all__ = ["Reading", "check_piece", "line_bounds", "lines_in", "size_of"]

#: How to read records: (``force_type``, ``schema_version``) of the run.
Reading = tuple[str | None, SchemaVersion | None]


def line_bounds(path: Path, size: int, pieces: int) -> list[int]:
    """Byte offsets that cut ``path`` into ``pieces`` ranges at line starts."""
    bounds = [0]
    with path.open("rb") as handle:
        for i in range(1, pieces):
            handle.seek(size * i // pieces)
            handle.readline()
            offset = handle.tell()
            if bounds[-1] < offset < size:
                bounds.append(offset)
    bounds.append(size)
    return bounds


def size_of(source: InputSource, start: int = 0, end: int | None = None) -> int:
    """About how many bytes a piece holds (0 when its file cannot be looked at)."""
    if end is not None:
        return end - start
    if source.data is not None:
        return len(source.data)
    try:
        return source.path.stat().st_size if source.path is not None else 0
    except OSError:
        return 0


def lines_in(source: InputSource, start: int, end: int | None) -> int:
    """How many lines a piece of a JSONL file holds, counted without holding it (for a piece
    that could not be read, so that the lines of the pieces after it stay right)."""
    if source.format != "jsonl" or source.path is None or end is None:
        return 0
    newlines = 0
    try:
        with source.path.open("rb") as handle:
            handle.seek(start)
            left = end - start
            while left > 0:
                chunk = handle.read(min(left, 1024 * 1024))
                if not chunk:
                    break
                newlines += chunk.count(b"\n")
                left -= len(chunk)
    except OSError:
        return 0
    return newlines + 1


def check_piece(
    source: InputSource, start: int, end: int | None, reading: Reading, payload: Payload | None
) -> tuple[Checked, int, bytes | None]:
    """Read and check one piece: (checked, lines in the piece, its bytes, or None unread).

    ``payload``: where to add each sound record as JSON bytes too (see ``_pipeline``)."""
    try:
        data = read_source(source, start, end)
    except JSONReadError as exc:
        checked = Checked(path=source.name)
        checked.findings.append(read_error_finding(exc, source.name))
        return checked, lines_in(source, start, end), None
    fmt = source.format
    if fmt == "auto":
        fmt = "jsonl" if looks_like_jsonl(data) else "json"
    force_type, version = reading
    if fmt == "jsonl":
        lines = list(iter_lines(data, 1))
        checked = check_jsonl(
            lines, path=source.name, force_type=force_type, payload=payload, schema_version=version
        )
        return checked, len(lines), data
    checked = check_document(
        data, path=source.name, force_type=force_type, payload=payload, schema_version=version
    )
    return checked, 0, data
