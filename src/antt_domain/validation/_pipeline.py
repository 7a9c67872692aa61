"""The validation pipeline for one document: read, schema, structure (rules come after).

A document is a dataset object, one record object, or an array of record objects. Records are
checked against their own type's schema one by one, so one broken record does not hide the
findings of the others, and a dataset's records are structured only when they are valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from antt_domain.convert import ConversionError, structure_dataset, structure_record
from antt_domain.io import MAX_BYTES, JSONReadError, decode_text, parse_json
from antt_domain.model import Dataset, Record
from antt_domain.schemas import RECORD_SCHEMAS, validator_for
from antt_domain.validation._catalogue import make_finding
from antt_domain.validation._findings import Finding, InputSummary
from antt_domain.validation._locate import locate
from antt_domain.validation._schema_findings import schema_problems

__all__ = ["Checked", "check_document", "check_value"]

_READ_CODES = {
    "syntax": "R001",
    "encoding": "R002",
    "duplicate-key": "R003",
    "number": "R004",
    "depth": "R005",
    "size": "R006",
    "empty": "R007",
    "unreadable": "R008",
}
_RECORD_TYPES = ", ".join(sorted(RECORD_SCHEMAS))


@attrs.frozen(kw_only=True)
class Located:
    """A record that passed schema and structure, with where it sits in its document."""

    record: Record
    pointer: str


@attrs.define(kw_only=True)
class Checked:
    """What checking one document gave: findings, its kind, and the records that are sound."""

    path: str
    kind: str = "unknown"
    findings: list[Finding] = attrs.field(factory=list)
    records: list[Located] = attrs.field(factory=list)
    dataset: Dataset | None = None
    count: int = 0
    text: str | None = None

    def summary(self) -> InputSummary:
        """What the document held, for the report."""
        return InputSummary(path=self.path, kind=self.kind, records=self.count)


def read_error_finding(exc: JSONReadError, path: str) -> Finding:
    """The finding for a document that could not be read as JSON."""
    code = _READ_CODES.get(exc.code, "R001")
    params: dict[str, Any] = {"detail": exc.reason, "detail_vi": exc.reason}
    if exc.code == "duplicate-key":
        params["key"] = exc.reason.split("'")[1] if "'" in exc.reason else exc.reason
    if exc.code == "depth":
        params["limit"] = exc.reason.split()[-2]
    if exc.code == "syntax":
        params["detail"] = exc.reason.removeprefix("invalid JSON: ")
    return make_finding(code, params, path=path, line=exc.line, column=exc.column, pointer="")


def check_document(data: bytes, *, path: str, force_type: str | None = None) -> Checked:
    """Check the bytes of one JSON document (read, schema, structure)."""
    checked = Checked(path=path)
    try:
        text = decode_text(data, source=path)
        value = parse_json(text, source=path)
    except JSONReadError as exc:
        checked.findings.append(read_error_finding(exc, path))
        return checked
    checked.text = text
    check_value(value, checked, force_type=force_type)
    _locate_findings(checked)
    return checked


def check_value(value: Any, checked: Checked, *, force_type: str | None = None) -> None:
    """Check an already parsed document, adding findings and sound records to ``checked``."""
    if isinstance(value, dict) and value.get("type") == "dataset" and force_type is None:
        checked.kind = "dataset"
        _check_dataset(value, checked)
    elif isinstance(value, dict):
        checked.kind = "record"
        checked.count = 1
        _check_record(value, "", checked, force_type)
    elif isinstance(value, list):
        checked.kind = "records"
        checked.count = len(value)
        for index, item in enumerate(value):
            _check_record(item, f"/{index}", checked, force_type)
    else:
        checked.findings.append(
            make_finding(
                "R009",
                {
                    "detail": "expected a dataset, a record or an array of records",
                    "detail_vi": "cần một bộ dữ liệu, một bản ghi hoặc một mảng bản ghi",
                },
                path=checked.path,
                pointer="",
            )
        )


def _schema_findings(
    value: Any, schema: str, prefix: str, checked: Checked, record_id: str | None
) -> bool:
    errors = list(validator_for(schema).iter_errors(value))
    for problem in schema_problems(errors):
        checked.findings.append(
            make_finding(
                problem.code,
                problem.params,
                path=checked.path,
                pointer=prefix + problem.pointer,
                record_id=record_id,
            )
        )
    return not errors


def _record_id(value: Any) -> str | None:
    rid = value.get("id") if isinstance(value, dict) else None
    return rid if isinstance(rid, str) else None


def _check_record(value: Any, prefix: str, checked: Checked, force_type: str | None) -> None:
    record_id = _record_id(value)
    if not isinstance(value, dict):
        checked.findings.append(
            make_finding(
                "R009",
                {
                    "detail": "a record is a JSON object",
                    "detail_vi": "bản ghi phải là đối tượng JSON",
                },
                path=checked.path,
                pointer=prefix,
            )
        )
        return
    kind = force_type or value.get("type")
    if force_type is not None and value.get("type") not in (None, force_type):
        checked.findings.append(
            make_finding(
                "S004",
                {"value": repr(value.get("type")), "allowed": repr(force_type)},
                path=checked.path,
                pointer=f"{prefix}/type",
                record_id=record_id,
            )
        )
        return
    if not isinstance(kind, str) or kind not in RECORD_SCHEMAS:
        if "type" not in value:
            finding = make_finding(
                "S001", {"property": "type"}, path=checked.path, pointer=prefix, record_id=record_id
            )
        else:
            finding = make_finding(
                "S010",
                {"value": repr(kind), "allowed": _RECORD_TYPES},
                path=checked.path,
                pointer=f"{prefix}/type",
                record_id=record_id,
            )
        checked.findings.append(finding)
        return
    if force_type is not None and "type" not in value:
        value = {**value, "type": force_type}
    if not _schema_findings(value, RECORD_SCHEMAS[kind], prefix, checked, record_id):
        return
    try:
        record = structure_record(value)
    except ConversionError as exc:
        _conversion_findings(exc, prefix, checked, record_id)
        return
    checked.records.append(Located(record=record, pointer=prefix))


def _conversion_findings(
    exc: ConversionError, prefix: str, checked: Checked, record_id: str | None
) -> None:
    for problem in exc.problems:
        checked.findings.append(
            make_finding(
                "T001",
                {"detail": problem.message},
                path=checked.path,
                pointer=prefix + problem.pointer,
                record_id=record_id,
            )
        )


def _check_dataset(value: dict[str, Any], checked: Checked) -> None:
    records = value.get("records")
    metadata = {**value, "records": []} if isinstance(records, list) else value
    meta_ok = _schema_findings(metadata, "dataset", "", checked, None)
    if not isinstance(records, list):
        return
    checked.count = len(records)
    for index, item in enumerate(records):
        _check_record(item, f"/records/{index}", checked, None)
    if not meta_ok or len(checked.records) != len(records):
        return
    try:
        dataset = structure_dataset(metadata)
    except ConversionError as exc:
        _conversion_findings(exc, "", checked, None)
        return
    checked.dataset = attrs.evolve(dataset, records=tuple(r.record for r in checked.records))


def _locate_findings(checked: Checked) -> None:
    """Fill in line and column, only for documents that have findings."""
    if not checked.findings or checked.text is None:
        return
    wanted = set(_candidates(f.pointer for f in checked.findings))
    positions = locate(checked.text, wanted)
    located: list[Finding] = []
    for finding in checked.findings:
        if finding.line is not None or finding.pointer is None:
            located.append(finding)
            continue
        for pointer in _ancestry(finding.pointer):
            if pointer in positions:
                line, column = positions[pointer]
                located.append(attrs.evolve(finding, line=line, column=column))
                break
        else:  # pragma: no cover - the root is always found
            located.append(finding)
    checked.findings = located


def _ancestry(pointer: str) -> list[str]:
    """``/a/b/c`` → ``[/a/b/c, /a/b, /a, ""]``: a missing member is located at its parent."""
    found = [pointer]
    while pointer:
        pointer = pointer.rsplit("/", 1)[0]
        found.append(pointer)
    return found


def _candidates(pointers: Iterable[str | None]) -> Iterable[str]:
    for pointer in pointers:
        if pointer is not None:
            yield from _ancestry(pointer)


def read_path(path: Path) -> bytes:
    """The bytes of ``path``, refusing files over :data:`MAX_BYTES`."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise JSONReadError(
            "size", f"the file is {size} bytes, over the limit of {MAX_BYTES}", source=str(path)
        )
    return path.read_bytes()
