"""Strict reading of JSON bytes and text."""

from __future__ import annotations

import codecs
import json
import math
from pathlib import Path
from typing import Any

from antt_domain._accel import accelerator
from antt_domain.errors import AnttError

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "JSONReadError",
    "decode_text",
    "parse_json",
    "parse_json_bytes",
    "read_json",
]

#: Largest JSON document read whole (JSONL is read line by line and has no such limit).
MAX_BYTES = 256 * 1024 * 1024
#: Deepest nesting of arrays and objects accepted (our records need fewer than 10 levels).
MAX_DEPTH = 64


class JSONReadError(AnttError, ValueError):
    """Bytes or text that are not acceptable JSON.

    Attributes:
        code: a stable reason code (``"syntax"``, ``"encoding"``, ``"duplicate-key"``,
            ``"constant"``, ``"depth"``, ``"size"``, ``"empty"``, ``"number"``).
        reason: what is wrong, in English.
        line, column: 1-based position of the problem when known, else ``None``.
        source: the file name or ``"<string>"``.
    """

    def __init__(
        self,
        code: str,
        reason: str,
        *,
        line: int | None = None,
        column: int | None = None,
        source: str = "<string>",
    ) -> None:
        self.code = code
        self.reason = reason
        self.line = line
        self.column = column
        self.source = source
        where = f"{source}:{line}:{column}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


def _constant(name: str) -> Any:
    msg = f"{name} is not a JSON number"
    raise ValueError(msg)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        msg = f"{text} is out of range for a number"
        raise ValueError(msg)
    return value


def decode_text(data: bytes, *, source: str = "<bytes>") -> str:
    """``data`` as text: UTF-8, with or without a BOM. UTF-16/32 and invalid UTF-8 are refused."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise JSONReadError("encoding", "the file is UTF-32; save it as UTF-8", source=source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(data) >= 2 and (data[0] == 0 or data[1] == 0)
    ):
        raise JSONReadError("encoding", "the file is UTF-16; save it as UTF-8", source=source)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise JSONReadError(
            "encoding",
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            line=line,
            column=column,
            source=source,
        ) from None


def _depth(value: Any) -> int:
    """The nesting depth of a parsed value (1 for a flat object or array, 0 for a scalar)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in item if isinstance(v, (dict, list)))
    return deepest


def parse_json(text: str, *, source: str = "<string>", max_depth: int = MAX_DEPTH) -> Any:
    """Parse ``text`` strictly: duplicate keys, NaN/Infinity and over-deep nesting are errors."""
    if not text.strip():
        raise JSONReadError("empty", "the document is empty", source=source)
    try:
        value = json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_float
        )
    except _DuplicateKeyError as exc:
        raise JSONReadError(
            "duplicate-key", f"duplicate key {exc.key!r} in an object", source=source
        ) from None
    except json.JSONDecodeError as exc:
        raise JSONReadError(
            "syntax", f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno, source=source
        ) from None
    except RecursionError:
        raise JSONReadError(
            "depth", f"nested deeper than {max_depth} levels", source=source
        ) from None
    except ValueError as exc:
        raise JSONReadError("number", str(exc), source=source) from None
    if _depth(value) > max_depth:
        raise JSONReadError("depth", f"nested deeper than {max_depth} levels", source=source)
    return value


def _fast_parse(data: bytes, max_depth: int) -> Any:
    """orjson, plus the checks the strict reader makes, or ``_SLOW`` when unsure.

    orjson keeps the last of duplicate keys silently, so the colons of the text are counted
    against those of the parsed value written back: every key brings one colon, and the
    colons inside strings are the same in both -- unless the text escapes one (``\\u003a``),
    which goes to the strict reader. Fewer colons written back means a key was dropped: a
    duplicate, which the strict reader names. Large numbers go to the strict reader too.
    """
    orjson = accelerator("orjson")
    if orjson is None:
        return _SLOW
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError:
        return _SLOW  # the strict reader says precisely what is wrong
    written = orjson.dumps(value)
    if data.count(b":") != written.count(b":") or b"\\u003" in data:
        return _SLOW
    if b"e+" in written:
        # orjson reads integers beyond 64 bits as floats, which it writes with an exponent
        # (so does any float of 1e16 or more): only the strict reader keeps them as written.
        return _SLOW
    if data.count(b"[") + data.count(b"{") > max_depth and _depth(value) > max_depth:
        return _SLOW
    return value


_SLOW: Any = object()


def parse_json_bytes(data: bytes, *, source: str = "<bytes>", max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON bytes strictly (see :func:`parse_json`), with orjson when it is installed.

    The fast path accepts exactly what the strict reader accepts; whatever it is unsure of,
    and every error, goes through the strict reader, so the result and the errors are the
    same with or without orjson.
    """
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    value = _fast_parse(body, max_depth) if body.strip() else _SLOW
    if value is not _SLOW:
        return value
    return parse_json(decode_text(data, source=source), source=source, max_depth=max_depth)


def read_json(path: str | Path, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """Read and parse the JSON file at ``path`` strictly (see :func:`parse_json`)."""
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise JSONReadError(
                "size", f"the file is {size} bytes, over the limit of {max_bytes}", source=source
            )
        data = path.read_bytes()
    except OSError as exc:
        raise JSONReadError("unreadable", f"cannot read: {exc.strerror}", source=source) from None
    return parse_json_bytes(data, source=source, max_depth=max_depth)
