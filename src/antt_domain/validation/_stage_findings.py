"""The findings of the first stages that say more than a schema error: a document that
cannot be read (R001-R010), a record type of the other major version (S010's hint), a
dataset of another version than the one asked for (S004)."""

from __future__ import annotations

from typing import Any

from antt_domain.io import JSONReadError
from antt_domain.schemas import SchemaVersion
from antt_domain.validation._catalogue import make_finding
from antt_domain.validation._findings import Finding
from antt_domain.validation._versions import Profile

__all__ = ["read_error_finding", "unknown_type", "version_conflict"]

_READ_CODES = {
    "syntax": "R001",
    "encoding": "R002",
    "duplicate-key": "R003",
    "number": "R004",
    "depth": "R005",
    "size": "R006",
    "empty": "R007",
    "unreadable": "R008",
    "unicode": "R010",
}
#: What an S010 on a record type of the other major version adds: (English, Vietnamese).
_TYPE_HINTS: dict[str, tuple[str, str]] = {
    "1": (
        "; {type} is a Schema 2.0 record type: read these records with --schema-version 2",
        (
            "; {type} là loại bản ghi của Lược đồ 2.0: hãy đọc các bản ghi này với "
            "--schema-version 2"
        ),
    ),
    "2": (
        (
            "; {type} is a Schema 1.x record type: read these records with --schema-version 1, "
            "or write them as 2.0 with antt upgrade"
        ),
        (
            "; {type} là loại bản ghi của Lược đồ 1.x: hãy đọc với --schema-version 1, hoặc "
            "chuyển sang 2.0 bằng antt upgrade"
        ),
    ),
}


def read_error_finding(exc: JSONReadError, path: str, *, line_offset: int = 0) -> Finding:
    """The finding for a document (or JSONL line) that could not be read as JSON."""
    code = _READ_CODES.get(exc.code, "R001")
    params: dict[str, Any] = {"detail": exc.reason, "detail_vi": exc.reason}
    if exc.code == "duplicate-key":
        params["key"] = exc.reason.split("'")[1] if "'" in exc.reason else exc.reason
    if exc.code == "depth":
        params["limit"] = exc.reason.split()[-2]
    if exc.code == "syntax":
        params["detail"] = exc.reason.removeprefix("invalid JSON: ")
    if exc.code == "encoding":
        params["detail_vi"] = "tệp không ở mã UTF-8; hãy lưu lại ở UTF-8"
    if exc.code == "unicode":
        params["detail_vi"] = (
            "chuỗi chứa một nửa cặp thay thế (surrogate) đứng riêng, không phải ký tự Unicode "
            "và không ghi được ở UTF-8; hãy xoá đi hoặc viết đúng ký tự cần viết"
        )
    if exc.code == "unreadable":
        params["detail"] = exc.reason.removeprefix("cannot read: ")
    line = exc.line + line_offset if exc.line is not None else (line_offset or None)
    column = exc.column if exc.line is not None else (1 if line_offset else None)
    pointer = exc.pointer or ""
    return make_finding(code, params, path=path, line=line, column=column, pointer=pointer)


def version_conflict(value: dict[str, Any], asked: SchemaVersion, path: str) -> Finding:
    """The one finding for a dataset whose ``schema_version`` is not the version asked for:
    it is not checked further (against either version, it would be a page of mismatches)."""
    params = {
        "value": repr(value.get("schema_version")),
        "allowed": f"{asked}.x (--schema-version {asked})",
    }
    return make_finding("S004", params, path=path, pointer="/schema_version")


def unknown_type(kind: Any, chosen: Profile) -> dict[str, Any]:
    """S010's parameters; a type of the other major version says how to read it."""
    params = {"value": repr(kind), "allowed": chosen.types_text, "hint": "", "hint_vi": ""}
    if isinstance(kind, str) and kind in chosen.foreign_types:
        hint, hint_vi = _TYPE_HINTS[chosen.version]
        params["hint"] = hint.format(type=kind)
        params["hint_vi"] = hint_vi.format(type=kind)
    return params
