"""Loading documents (read, check against the schema, structure) and dumping them."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO, final

import attrs

from antt_domain.convert import structure_dataset, structure_record, unstructure
from antt_domain.convert import v2 as convert_v2
from antt_domain.errors import AnttError
from antt_domain.io._strict_json import decode_text, parse_json, read_json
from antt_domain.model import Dataset, Record
from antt_domain.model import v2 as model_v2
from antt_domain.schemas import RECORD_SCHEMAS, SchemaVersion, fast_check, validator_for

__all__ = [
    "SchemaViolation",
    "SchemaViolationError",
    "dump",
    "dumps",
    "load_any_dataset",
    "load_dataset",
    "load_dataset_v2",
    "load_record",
    "loads_any_dataset",
    "loads_dataset",
    "loads_dataset_v2",
    "loads_record",
    "major_version",
    "schema_violations",
    "write_atomic",
]


@final
@attrs.frozen(kw_only=True)
class SchemaViolation:
    """One place where a document breaks its schema."""

    pointer: str
    message: str
    keyword: str
    schema_pointer: str


@final
class SchemaViolationError(AnttError, ValueError):
    """A document does not match its schema; ``violations`` lists every place."""

    def __init__(self, schema: str, violations: list[SchemaViolation]) -> None:
        self.schema = schema
        self.violations = violations
        shown = "; ".join(f"{v.pointer or '/'}: {v.message}" for v in violations[:5])
        more = f" (and {len(violations) - 5} more)" if len(violations) > 5 else ""
        super().__init__(f"does not match the {schema} schema: {shown}{more}")


def _pointer(parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _document_order(error: Any) -> list[tuple[int, int | str]]:
    return [(0, p) if isinstance(p, int) else (1, p) for p in error.absolute_path]


def schema_violations(
    value: Any, schema: str, version: SchemaVersion = "1"
) -> list[SchemaViolation]:
    """Every place where ``value`` breaks the bundled schema ``schema`` of ``version``, in
    document order.

    A value the compiled check (:func:`~antt_domain.schemas.fast_check`, when the
    accelerator is installed) finds valid has none, without the pure-Python walk; any other
    value is explained by ``jsonschema``, the reference."""
    check = fast_check(schema, version)
    if check is not None and check(value):
        return []
    errors = sorted(validator_for(schema, version).iter_errors(value), key=_document_order)
    return [
        SchemaViolation(
            pointer=_pointer(e.absolute_path),
            message=e.message,
            keyword=str(e.validator),
            schema_pointer=_pointer(e.absolute_schema_path),
        )
        for e in errors
    ]


#: What a 2.0 document is told where only 1.0 is read yet (instead of every 1.0 mismatch).
_V2_NOT_READ = (
    "this is a Schema 2.0 document, and this command reads 1.0 documents only for now "
    "(reading 2.0 is in progress; `antt schema --version 2` prints the 2.0 schemas)"
)


def _check(value: Any, schema: str) -> None:
    violations = schema_violations(value, schema)
    if not violations:
        return
    version = value.get("schema_version") if isinstance(value, dict) else None
    if schema == "dataset" and isinstance(version, str) and version.startswith("2."):
        violations = [
            SchemaViolation(
                pointer="/schema_version",
                message=_V2_NOT_READ,
                keyword="schema_version",
                schema_pointer="/properties/schema_version",
            )
        ]
    raise SchemaViolationError(schema, violations)


def _check_v2(value: Any, schema: str) -> None:
    violations = schema_violations(value, schema, "2")
    if violations:
        raise SchemaViolationError(f"2.0 {schema}", violations)


def major_version(value: Any) -> SchemaVersion:
    """The major schema version a parsed document declares: ``"2"`` for a dataset whose
    ``schema_version`` is ``2.x``, ``"1"`` otherwise (1.x, or no dataset at all: loose
    records are read as 1.0 unless the caller says otherwise)."""
    version = value.get("schema_version") if isinstance(value, dict) else None
    return "2" if isinstance(version, str) and version.startswith("2.") else "1"


def _record_schema(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else None
    return RECORD_SCHEMAS.get(kind, "record") if isinstance(kind, str) else "record"


def loads_dataset(data: str | bytes, *, source: str = "<string>") -> Dataset:
    """A dataset from JSON text or bytes, checked against the dataset schema first."""
    text = decode_text(data, source=source) if isinstance(data, bytes) else data
    value = parse_json(text, source=source)
    _check(value, "dataset")
    return structure_dataset(value)


def load_dataset(path: str | Path) -> Dataset:
    """A dataset from the JSON file at ``path``, checked against the dataset schema first."""
    value = read_json(path)
    _check(value, "dataset")
    return structure_dataset(value)


def loads_dataset_v2(data: str | bytes, *, source: str = "<string>") -> model_v2.Dataset:
    """A 2.0 dataset from JSON text or bytes, checked against the 2.0 dataset schema first."""
    text = decode_text(data, source=source) if isinstance(data, bytes) else data
    value = parse_json(text, source=source)
    _check_v2(value, "dataset")
    return convert_v2.structure_dataset(value)


def load_dataset_v2(path: str | Path) -> model_v2.Dataset:
    """A 2.0 dataset from the JSON file at ``path``, checked against the 2.0 dataset schema
    first."""
    value = read_json(path)
    _check_v2(value, "dataset")
    return convert_v2.structure_dataset(value)


def _any_dataset(value: Any) -> Dataset | model_v2.Dataset:
    if major_version(value) == "2":
        _check_v2(value, "dataset")
        return convert_v2.structure_dataset(value)
    _check(value, "dataset")
    return structure_dataset(value)


def loads_any_dataset(data: str | bytes, *, source: str = "<string>") -> Dataset | model_v2.Dataset:
    """A dataset of either major version from JSON text or bytes: its ``schema_version``
    chooses the schema and the model (:func:`major_version`)."""
    text = decode_text(data, source=source) if isinstance(data, bytes) else data
    return _any_dataset(parse_json(text, source=source))


def load_any_dataset(path: str | Path) -> Dataset | model_v2.Dataset:
    """A dataset of either major version from the JSON file at ``path`` (a 1.x document as
    a :class:`~antt_domain.model.Dataset`, a 2.x one as a
    ``antt_domain.model.v2.Dataset``)."""
    return _any_dataset(read_json(path))


def loads_record(data: str | bytes, *, source: str = "<string>") -> Record:
    """One record from JSON text or bytes, checked against its type's schema first."""
    text = decode_text(data, source=source) if isinstance(data, bytes) else data
    value = parse_json(text, source=source)
    _check(value, _record_schema(value))
    return structure_record(value)


def load_record(path: str | Path) -> Record:
    """One record from the JSON file at ``path``, checked against its type's schema first."""
    value = read_json(path)
    _check(value, _record_schema(value))
    return structure_record(value)


def _is_v2(obj: Any) -> bool:
    return type(obj).__module__.startswith("antt_domain.model.v2")


def dumps(obj: Dataset | Record | Any, *, indent: int | None = 2) -> str:
    """Canonical JSON text of a model object of either major version (UTF-8 characters
    kept, a final newline)."""
    value = convert_v2.unstructure(obj) if _is_v2(obj) else unstructure(obj)
    return json.dumps(value, ensure_ascii=False, indent=indent) + "\n"


def _new_file_mode() -> int:
    """The mode a new file gets from ``open()``: ``0o666`` less the process's umask."""
    try:  # Linux tells the umask without changing it (no race with other threads)
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
        mask = int(next(x for x in status.splitlines() if x.startswith("Umask:")).split()[1], 8)
    except (OSError, StopIteration, ValueError, IndexError):
        mask = os.umask(0o022)  # elsewhere: read it by setting it, then put it back
        os.umask(mask)
    return 0o666 & ~mask


def _publish(tmp: Path, path: Path, *, replace: bool) -> None:
    if replace:
        tmp.replace(path)
        return
    try:
        os.link(tmp, path)  # fails if path exists: no check-then-write race
    except FileExistsError:
        raise
    except OSError:  # hard links unsupported here: check, then rename
        if path.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        tmp.replace(path)


def write_atomic(
    path: str | Path,
    data: bytes | Iterable[bytes] | Callable[[BinaryIO], None],
    *,
    replace: bool = True,
) -> None:
    """Write ``path`` atomically: through a temporary file beside it, then a rename.

    ``data`` is bytes, pieces of bytes in order, or a function ``write(handle)`` that writes
    to the binary handle it is given. A failure part-way (whatever ``write`` raises is
    re-raised) leaves the old file (or no file) in place, never a half-written one, and no
    temporary file.

    The file gets the mode ``open()`` would give it (``0o666`` less the umask); a file that
    is replaced keeps its own mode. With ``replace=False`` an existing ``path`` is never
    touched: :class:`FileExistsError`. This is the one writer of files in antt-domain
    (``dump``, ``export``, ``report``, ``antt validate -o``, ``antt example``).
    """
    path = Path(path)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = _new_file_mode()
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            elif callable(data):
                data(handle)
            else:
                handle.writelines(data)
            if not handle.closed:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)  # noqa: PTH101 - the same call on every platform, by name
        _publish(tmp, path, replace=replace)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def dump(obj: Dataset | Record | Any, path: str | Path) -> None:
    """Write the canonical JSON of ``obj`` to ``path`` atomically."""
    write_atomic(path, dumps(obj).encode("utf-8"))
