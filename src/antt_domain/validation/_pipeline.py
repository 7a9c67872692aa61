"""The first three stages for one document: read, schema, structure.

A JSON document is a dataset object, one record object, or an array of record objects; a JSONL
document has one record per line. Records are checked against their own type's schema one by
one, so one broken record does not hide the findings of the others, and only records that pass
are structured. Rules come later (see ``_workers`` and ``_run``).

A process that sends its sound records to another gives a ``payload`` list: each sound record
is added to it as compact JSON bytes too (see ``_workers``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any, final

import attrs

from antt_domain.convert import ConversionError
from antt_domain.io import (
    JSONReadError,
    check_unicode,
    decode_text,
    major_version,
    parse_json_bytes,
)
from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.schemas import SchemaVersion
from antt_domain.validation._catalogue import NOTICE_CODES, finding_from, make_finding
from antt_domain.validation._findings import Finding, InputSummary
from antt_domain.validation._locate import locate_findings, locate_in_line
from antt_domain.validation._records import Located
from antt_domain.validation._schema_findings import schema_problems
from antt_domain.validation._stage_findings import (
    read_error_finding,
    unknown_type,
    version_conflict,
)
from antt_domain.validation._versions import Profile, profile

__all__ = ["Checked", "Payload", "check_document", "check_jsonl", "check_value"]

#: (JSONL line, pointer, compact JSON bytes) of each sound record, for another process.
Payload = list[tuple[int | None, str, bytes]]


@final
@attrs.define(kw_only=True)
class Checked:
    """What checking one document gave: its findings, kind, and the records that are sound."""

    path: str
    kind: str = "unknown"
    findings: list[Finding] = attrs.field(factory=list)
    records: list[Located] = attrs.field(factory=list)
    documents: list[tuple[str, Dataset | model_v2.Dataset]] = attrs.field(factory=list)
    count: int = 0
    #: The major schema version its records were read as (a document holds one version).
    version: SchemaVersion = "1"

    def summary(self) -> InputSummary:
        """What the document held, for the report."""
        return InputSummary(path=self.path, kind=self.kind, records=self.count)


def check_document(
    data: bytes,
    *,
    path: str,
    force_type: str | None = None,
    payload: Payload | None = None,
    schema_version: SchemaVersion | None = None,
) -> Checked:
    """Check the bytes of one JSON document (read, schema, structure), located.

    ``schema_version``: the major version asked for (``None``: a dataset's own, 1 for loose
    records)."""
    checked = Checked(path=path)
    try:
        value = parse_json_bytes(data, source=path)
    except JSONReadError as exc:
        checked.findings.append(read_error_finding(exc, path))
        return checked
    check_value(
        value,
        checked,
        force_type=force_type,
        read=True,
        schema_version=schema_version,
        payload=payload,
    )
    if checked.findings:  # positions cost a scan of the text: only for files with findings
        checked.findings = locate_findings(decode_text(data, source=path), checked.findings)
    return checked


def check_jsonl(
    lines: Iterable[tuple[int, bytes]],
    *,
    path: str,
    force_type: str | None = None,
    payload: Payload | None = None,
    schema_version: SchemaVersion | None = None,
) -> Checked:
    """Check JSONL lines ``(line number, bytes)`` one record each; memory stays per line.

    The records are read as ``schema_version`` (``None``: 1.0): a line has no version."""
    chosen = profile(schema_version or "1")
    checked = Checked(path=path, kind="jsonl", version=chosen.version)
    sound = checked.records
    structure = chosen.structure_record
    # The common case first: a record of a known type that the compiled check passes is
    # structured at once; anything else takes the full path below, which explains it.
    quick = {} if force_type is not None else _fast_checks(chosen)
    for number, raw in lines:
        if not raw.strip():
            continue
        checked.count += 1
        try:
            value = parse_json_bytes(raw, source=path)
        except JSONReadError as exc:
            checked.findings.append(read_error_finding(exc, path, line_offset=number - 1))
            continue
        kind = value.get("type") if isinstance(value, dict) else None
        fast = quick.get(kind) if isinstance(kind, str) else None  # "type": [] is not a key
        if fast is not None and fast(value):
            try:
                record = structure(value)
            except ConversionError:
                pass  # the full path reports it
            else:
                sound.append(Located(record=record, path=path, pointer="", line=number))
                if payload is not None:
                    payload.append((number, "", raw))
                continue
        line_checked = Checked(path=path, version=chosen.version)
        _check_record(value, "", line_checked, force_type, line=number, payload=payload)
        if line_checked.findings:
            checked.findings += locate_in_line(raw, line_checked.findings, number, path)
        checked.records.extend(line_checked.records)
    return checked


def _fast_checks(chosen: Profile) -> dict[Any, Any]:
    """Record ``type`` → compiled schema check (empty on the pure path)."""
    found = {kind: chosen.fast(schema) for kind, schema in chosen.record_schemas.items()}
    return {kind: check for kind, check in found.items() if check is not None}


def check_value(
    value: Any,
    checked: Checked,
    *,
    force_type: str | None = None,
    read: bool = False,
    schema_version: SchemaVersion | None = None,
    payload: Payload | None = None,
) -> None:
    """Check an already parsed document, adding findings and sound records to ``checked``.

    ``read``: the value comes from :func:`~antt_domain.io.parse_json_bytes`, which has
    refused text that is not Unicode already; otherwise (a value built in Python) that is
    checked here first, as R010 at the string's pointer. A dataset is checked by its own
    ``schema_version`` (one S004 when it is not the ``schema_version`` asked for); other
    documents as ``schema_version`` (``None``: 1.0).
    """
    if not read:
        try:
            check_unicode(value, source=checked.path)
        except JSONReadError as exc:
            checked.findings.append(read_error_finding(exc, checked.path))
            return
    if isinstance(value, dict) and value.get("type") == "dataset" and force_type is None:
        checked.kind = "dataset"
        declared = major_version(value)
        checked.version = declared
        if schema_version is not None and schema_version != declared:
            checked.findings.append(version_conflict(value, schema_version, checked.path))
            return
        _check_dataset(value, checked, payload)
        return
    checked.version = schema_version or "1"
    if isinstance(value, dict):
        checked.kind = "record"
        checked.count = 1
        _check_record(value, "", checked, force_type, payload=payload)
    elif isinstance(value, list):
        checked.kind = "records"
        checked.count = len(value)
        for index, item in enumerate(value):
            _check_record(item, f"/{index}", checked, force_type, payload=payload)
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
    chosen = profile(checked.version)
    fast = chosen.fast(schema)
    if fast is not None and fast(value):
        return True
    errors = list(chosen.explainer(schema).iter_errors(value))
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


def _check_record(  # noqa: PLR0917 - a private helper called in four places
    value: Any,
    prefix: str,
    checked: Checked,
    force_type: str | None,
    line: int | None = None,
    payload: Payload | None = None,
) -> None:
    record_id = _record_id(value)

    def problem(code: str, params: dict[str, Any], pointer: str) -> None:
        found = make_finding(code, params, path=checked.path, pointer=pointer, record_id=record_id)
        checked.findings.append(found)

    if not isinstance(value, dict):
        problem(
            "R009",
            {"detail": "a record is a JSON object", "detail_vi": "bản ghi phải là đối tượng JSON"},
            prefix,
        )
        return
    chosen = profile(checked.version)
    kind = force_type or value.get("type")
    if force_type is not None and value.get("type") not in (None, force_type):
        params = {"value": repr(value.get("type")), "allowed": repr(force_type)}
        problem("S004", params, f"{prefix}/type")
        return
    if not isinstance(kind, str) or kind not in chosen.record_schemas:
        if "type" not in value:
            problem("S001", {"property": "type"}, prefix)
        else:
            problem("S010", unknown_type(kind, chosen), f"{prefix}/type")
        return
    if force_type is not None and "type" not in value:
        value = {**value, "type": force_type}
    if not _schema_findings(value, chosen.record_schemas[kind], prefix, checked, record_id):
        return
    try:
        record = chosen.structure_record(value)
    except ConversionError as exc:
        _conversion_findings(exc, prefix, checked, record_id)
        return
    checked.records.append(Located(record=record, path=checked.path, pointer=prefix, line=line))
    if payload is not None:
        payload.append((line, prefix, json.dumps(value, ensure_ascii=False).encode()))


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


def _check_dataset(value: dict[str, Any], checked: Checked, payload: Payload | None) -> None:
    records = value.get("records")
    metadata = {**value, "records": []} if isinstance(records, list) else value
    chosen = profile(checked.version)
    meta_ok = _schema_findings(metadata, "dataset", "", checked, None)
    if not isinstance(records, list):
        return
    checked.count = len(records)
    for index, item in enumerate(records):
        _check_record(item, f"/records/{index}", checked, None, payload=payload)
    if not meta_ok:
        return
    try:
        dataset = chosen.structure_dataset(metadata)
    except ConversionError as exc:
        _conversion_findings(exc, "", checked, None)
        return
    checked.documents.append((checked.path, dataset))
    # A 1.x dataset: say once that 2.0 is a command away.
    if checked.version == "1" and _upgradable(checked.path):
        version = {"version": value.get("schema_version")}
        notice = finding_from(
            NOTICE_CODES["V220"], version, path=checked.path, pointer="/schema_version"
        )
        checked.findings.append(notice)


def _upgradable(path: str) -> bool:
    """Whether ``antt upgrade`` could read the document at ``path``: a JSON file, or JSON in
    hand (``<bytes>``, ``<stdin>``). A dataset that an importer made from another format (an
    xlsx workbook, validated under the workbook's name) gets no V220: there is no JSON file
    to upgrade."""
    if path.startswith("<") and path.endswith(">"):
        return True
    return PurePath(path).suffix.lower() in {"", ".json"}
