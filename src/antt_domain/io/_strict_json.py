"""Strict reading of JSON bytes and text."""

from __future__ import annotations

import codecs
import contextlib
import json
import math
import os
import re
from pathlib import Path
from typing import Any, BinaryIO, final

from antt_domain._accel import accelerator
from antt_domain.errors import AnttError

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "JSONReadError",
    "check_unicode",
    "decode_text",
    "parse_json",
    "parse_json_bytes",
    "read_json",
    "read_limited",
]

#: Largest JSON document read whole, and longest JSONL line. Counted as the bytes are read,
#: whatever the input (a file, a device, a pipe, standard input): a stream held in memory
#: whole (standard input, a pipe or a device) is bounded by it too, JSONL or not.
MAX_BYTES = 256 * 1024 * 1024
#: Deepest nesting of arrays and objects accepted (our records need fewer than 10 levels).
MAX_DEPTH = 64


@final
class JSONReadError(AnttError, ValueError):
    """Bytes or text that are not acceptable JSON.

    Attributes:
        code: a stable reason code (``"syntax"``, ``"encoding"``, ``"unicode"``,
            ``"duplicate-key"``, ``"depth"``, ``"size"``, ``"empty"``, ``"number"``,
            ``"unreadable"``).
        reason: what is wrong, in English.
        line, column: 1-based position of the problem when known, else ``None``.
        source: the file name or ``"<string>"``.
        pointer: the JSON pointer of the value at fault when known (``"unicode"``: the string,
            or the object whose key it is), else ``None``.
    """

    def __init__(
        self,
        code: str,
        reason: str,
        *,
        line: int | None = None,
        column: int | None = None,
        source: str = "<string>",
        pointer: str | None = None,
    ) -> None:
        self.code = code
        self.reason = reason
        self.line = line
        self.column = column
        self.source = source
        self.pointer = pointer
        where = f"{source}:{line}:{column}" if line is not None else source
        at = f" (at {pointer})" if pointer else ""
        super().__init__(f"{where}: {reason}{at}")


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


#: A backslash pair, a surrogate pair written as escapes, or one surrogate escape alone. Read
#: left to right, every backslash of JSON text starts an escape or is the second of ``\\\\``,
#: so the third alternative matches exactly the surrogate escapes that have no partner.
_SURROGATE_ESCAPES = re.compile(
    r"\\\\"
    r"|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
    r"|(\\u[dD][89a-fA-F][0-9a-fA-F]{2})"
)
#: What may start a surrogate escape: only text holding this needs the scan above.
_MAYBE_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_pointer(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _surrogate_pointer(value: Any) -> tuple[str, bool] | None:
    """The pointer of the first string holding a surrogate, in document order, and whether it
    is a key (the pointer is then the object's: the key itself cannot be written)."""
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        item, pointer = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return pointer, False
        elif isinstance(item, dict):
            for key in item:
                if _SURROGATE.search(key):
                    return pointer, True
            stack.extend((v, f"{pointer}/{_escape_pointer(k)}") for k, v in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((v, f"{pointer}/{i}") for i, v in reversed(list(enumerate(item))))
    return None


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``text[index]``."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def _lone_surrogate(text: str, value: Any, source: str, *, decoded: bool) -> JSONReadError | None:
    """The error for the first lone surrogate of parsed ``text`` -- written as an escape, or
    (text handed over as ``str``, not ``decoded`` from UTF-8, which cannot hold one) as a
    character -- or ``None`` when there is none. The usual text costs one quick search."""
    index: int | None = None
    shown = ""
    if _MAYBE_SURROGATE.search(text):
        for match in _SURROGATE_ESCAPES.finditer(text):
            if match.group(1):
                index, shown = match.start(), match.group(1)
                break
    if index is None and not decoded and not text.isascii():
        found = _SURROGATE.search(text)
        if found is not None:
            index, shown = found.start(), f"U+{ord(found.group()):04X}"
    if index is None:
        return None
    line, column = _position(text, index)
    where = _surrogate_pointer(value)
    pointer, is_key = where if where is not None else ("", False)
    what = "a key" if is_key else "a string"
    reason = (
        f"{what} holds a lone surrogate ({shown}), which is not a Unicode character and "
        "cannot be written as UTF-8; remove it, or write the character it was meant to be"
    )
    return JSONReadError(
        "unicode", reason, line=line, column=column, source=source, pointer=pointer
    )


def check_unicode(value: Any, *, source: str = "<value>") -> None:
    """Refuse a value (parsed, or built in Python) whose strings or keys are not all Unicode.

    A string holding a surrogate (``"\\ud800"``) cannot be written as UTF-8, so any later
    output would fail on it. Raises :class:`JSONReadError` with code ``"unicode"`` and the
    pointer of the first such string (of its object, for a key); no line or column, as there
    is no text. :func:`parse_json` makes this check itself, with the position.
    """
    where = _surrogate_pointer(value)
    if where is None:
        return
    pointer, is_key = where
    what = "a key" if is_key else "a string"
    reason = (
        f"{what} holds a lone surrogate, which is not a Unicode character and cannot be "
        "written as UTF-8; remove it, or write the character it was meant to be"
    )
    raise JSONReadError("unicode", reason, source=source, pointer=pointer)


def parse_json(text: str, *, source: str = "<string>", max_depth: int = MAX_DEPTH) -> Any:
    """Parse ``text`` strictly: duplicate keys, NaN/Infinity, over-deep nesting and text that
    is not Unicode (a lone surrogate, as an escape or a character) are errors."""
    return _parse_text(text, source, max_depth, decoded=False)


def _parse_text(text: str, source: str, max_depth: int, *, decoded: bool) -> Any:
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
    lone = _lone_surrogate(text, value, source, decoded=decoded)
    if lone is not None:
        raise lone
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

    orjson refuses lone surrogates, which the strict reader then names. The fast path accepts
    exactly what the strict reader accepts; whatever it is unsure of,
    and every error, goes through the strict reader, so the result and the errors are the
    same with or without orjson.
    """
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    value = _fast_parse(body, max_depth) if body.strip() else _SLOW
    if value is not _SLOW:
        return value
    return _parse_text(decode_text(data, source=source), source, max_depth, decoded=True)


_PIECE = 1024 * 1024


def _refuse(limit: int, source: str, line: int | None = None) -> JSONReadError:
    size = f"{limit} bytes" + (f" ({limit / 2**20:g} MiB)" if limit >= 2**20 else "")
    if line is None:
        reason = f"the input is over the size limit of {size}; reading stopped there"
        return JSONReadError("size", reason, source=source)
    reason = f"the line is over the size limit of {size} for one line; reading stopped there"
    return JSONReadError("size", reason, line=line, column=1, source=source)


def _line_over(chunks: list[bytes], carried: int, limit: int, source: str) -> int:
    """The length of the line still open after the last chunk, which ``carried`` bytes of
    a line began; a line of the chunk over ``limit`` is refused at its number."""
    chunk = chunks[-1]
    if carried + len(chunk) <= limit:  # the usual case: no line can be over
        end = chunk.rfind(b"\n")
        return carried + len(chunk) if end < 0 else len(chunk) - end - 1
    pieces = chunk.split(b"\n")
    lengths = [carried + len(pieces[0]), *map(len, pieces[1:])]
    for index, length in enumerate(lengths):
        if length > limit:
            before = sum(c.count(b"\n") for c in chunks[:-1])
            raise _refuse(limit, source, before + index + 1)
    return lengths[-1]


def read_limited(
    source: str | os.PathLike[str] | BinaryIO,
    limit: int | None = None,
    *,
    per_line: bool = False,
    start: int = 0,
    length: int | None = None,
    name: str | None = None,
) -> bytes:
    """The bytes of a file (by path) or of an open binary stream, counted as they are read.

    Reading stops with a ``"size"`` :class:`JSONReadError` as soon as more than ``limit``
    bytes (default :data:`MAX_BYTES`) have come -- or, ``per_line``, as soon as one line grows
    longer than that (the error then gives its line; the whole has no limit). So a device that
    never ends (``/dev/zero``), a pipe or standard input costs at most the limit in memory,
    whatever ``stat`` says. ``start`` and ``length`` read one range of a file. A path that
    cannot be read (missing, a directory, a socket) is an ``"unreadable"`` error.
    """
    if limit is None:
        limit = MAX_BYTES
    label = name or (str(source) if isinstance(source, (str, os.PathLike)) else "<stream>")
    chunks: list[bytes] = []
    read = 0
    line = 0  # bytes of the line being read, per_line
    try:
        with contextlib.ExitStack() as stack:
            if isinstance(source, (str, os.PathLike)):
                stream: BinaryIO = stack.enter_context(Path(source).open("rb"))
            else:
                stream = source
            if start:
                stream.seek(start)
            while length is None or read < length:
                want = _PIECE if length is None else min(_PIECE, length - read)
                if not per_line:
                    want = min(want, limit + 1 - read)
                chunk = stream.read(want)
                if not chunk:
                    break
                chunks.append(chunk)
                read += len(chunk)
                if per_line:
                    line = _line_over(chunks, line, limit, label)
                elif read > limit:
                    raise _refuse(limit, label)
    except OSError as exc:
        reason = f"cannot read: {exc.strerror or exc}"
        raise JSONReadError("unreadable", reason, source=label) from None
    return b"".join(chunks)


def read_json(path: str | Path, *, max_bytes: int | None = None, max_depth: int = MAX_DEPTH) -> Any:
    """Read and parse the JSON file at ``path`` strictly (see :func:`parse_json`).

    At most ``max_bytes`` (default :data:`MAX_BYTES`) are read, counted as they come: a
    device or a pipe cannot feed it more.
    """
    source = str(path)
    data = read_limited(path, max_bytes, name=source)
    return parse_json_bytes(data, source=source, max_depth=max_depth)
