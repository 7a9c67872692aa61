"""Checks made before a workbook is opened: is it a ZIP, would it unpack within limits, is its
XML free of entity declarations (anywhere in a part, not just its first bytes). Each returns
the problem (code, English, Vietnamese) or None.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from pathlib import Path
from typing import IO

import attrs

__all__ = ["LIMITS", "Limits", "Problem", "check_archive"]


@attrs.frozen(kw_only=True)
class Limits:
    """What the importer accepts.

    Attributes:
        file_bytes: the workbook file's size.
        total_bytes: the sum of the declared uncompressed sizes of its parts.
        part_bytes: one part's declared uncompressed size.
        ratio: uncompressed / compressed size of a part larger than ``ratio_floor`` bytes.
        parts: the number of parts.
        rows: data rows read per sheet.
        empty_rows: no longer used, kept so that code passing it still works: rows are read
            as the XML has them, so empty rows cost nothing and a value after any number of
            them is read.
        columns: columns read per row; a value beyond them is a finding (``XLS018``).
    """

    file_bytes: int = 64 * 1024 * 1024
    total_bytes: int = 512 * 1024 * 1024
    part_bytes: int = 256 * 1024 * 1024
    ratio: int = 2000
    ratio_floor: int = 1024 * 1024
    parts: int = 10_000
    rows: int = 100_000
    empty_rows: int = 1000
    columns: int = 256


#: The default limits.
LIMITS = Limits()


@attrs.frozen(kw_only=True)
class Problem:
    """Why a file is refused: a finding code and its ``detail`` in English and Vietnamese."""

    code: str
    detail: str
    detail_vi: str


_CHUNK = 64 * 1024
_MARKERS = ("<!doctype", "<!entity")
_OVERLAP = max(len(m) for m in _MARKERS) - 1
#: Encodings in which ``<!DOCTYPE`` is the ASCII bytes the scan looks for (or UTF-16, decoded).
_ENCODINGS = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1"})
_UTF16 = frozenset({"utf-16", "utf-16le", "utf-16be", "utf16"})
_DECLARED = re.compile(rb"""^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _encoding(head: bytes) -> str | None:
    """The codec to scan a part with, from its first bytes (XML 1.0, appendix F), or
    ``None`` for an encoding whose ``<!DOCTYPE`` would not be ASCII bytes (refused)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.startswith(b"<\0?\0"):
        return "utf-16-le"
    if head.startswith(b"\0<\0?"):
        return "utf-16-be"
    declared = _DECLARED.match(head.removeprefix(b"\xef\xbb\xbf"))
    if declared is None:
        return "utf-8"
    name = declared.group(1).decode("ascii").lower()
    if name in _ENCODINGS:
        return "utf-8"
    return "utf-16" if name in _UTF16 else None


def _declares_entities(part: IO[bytes]) -> bool:
    """Whether the XML ``part`` declares a DOCTYPE or an entity anywhere in it (any case):
    read in chunks, memory bounded by one chunk whatever the part's size, a marker split
    between two chunks found all the same. A part in an encoding the scan cannot read is
    taken as declaring one (Excel writes UTF-8)."""
    first = part.read(_CHUNK)
    encoding = _encoding(first)
    if encoding is None:
        return True
    decode = codecs.getincrementaldecoder(encoding)(errors="replace").decode
    tail = ""
    chunk = first
    while True:
        # An ASCII-compatible part is read byte for byte: the markers are ASCII.
        text = chunk.decode("latin-1") if encoding == "utf-8" else decode(chunk, final=not chunk)
        window = tail + text.lower()
        if any(marker in window for marker in _MARKERS):
            return True
        if not chunk:
            return False
        tail = window[-_OVERLAP:]
        chunk = part.read(_CHUNK)


def check_archive(path: Path, limits: Limits = LIMITS) -> Problem | None:  # noqa: PLR0911 - one return per reason
    """The first reason to refuse the file at ``path`` before opening it, or ``None``."""
    size = path.stat().st_size
    if size > limits.file_bytes:
        return Problem(
            code="XLS002",
            detail=f"the file has {size} bytes (limit {limits.file_bytes})",
            detail_vi=f"tệp có {size} byte (giới hạn {limits.file_bytes})",
        )
    if not zipfile.is_zipfile(path):
        return Problem(
            code="XLS001",
            detail="it is not a ZIP archive (an .xlsx file is one); "
            "an old .xls, CSV or a damaged file?",
            detail_vi="không phải tệp nén ZIP (tệp .xlsx là ZIP); tệp .xls cũ, CSV hay tệp hỏng?",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > limits.parts:
                return Problem(
                    code="XLS002",
                    detail=f"{len(infos)} parts (limit {limits.parts})",
                    detail_vi=f"{len(infos)} thành phần (giới hạn {limits.parts})",
                )
            total = sum(i.file_size for i in infos)
            if total > limits.total_bytes:
                return Problem(
                    code="XLS002",
                    detail=f"it unpacks to {total} bytes (limit {limits.total_bytes})",
                    detail_vi=f"giải nén ra {total} byte (giới hạn {limits.total_bytes})",
                )
            for info in infos:
                if info.file_size > limits.part_bytes or (
                    info.file_size > limits.ratio_floor
                    and info.file_size > limits.ratio * max(info.compress_size, 1)
                ):
                    return Problem(
                        code="XLS002",
                        detail=f"part {info.filename} unpacks to {info.file_size} bytes from "
                        f"{info.compress_size} (a zip bomb?)",
                        detail_vi=f"thành phần {info.filename} giải nén từ {info.compress_size} "
                        f"ra {info.file_size} byte (bom nén?)",
                    )
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                return Problem(
                    code="XLS001",
                    detail="the archive holds no xl/workbook.xml",
                    detail_vi="tệp nén không có xl/workbook.xml",
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with archive.open(info) as part:
                        unsafe = _declares_entities(part)
                    if unsafe:
                        return Problem(
                            code="XLS003",
                            detail=f"part {info.filename} declares a DOCTYPE or entities",
                            detail_vi=f"thành phần {info.filename} khai báo DOCTYPE hoặc thực thể",
                        )
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        NotImplementedError,
    ) as exc:
        return Problem(
            code="XLS001",
            detail=f"the archive is damaged ({type(exc).__name__}: {exc})",
            detail_vi=f"tệp nén bị hỏng ({type(exc).__name__}: {exc})",
        )
    return None
