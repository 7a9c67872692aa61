"""``upgrade()``: a 1.x document (dataset, record or list of records) as a 2.0 JSON value."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

import attrs

from antt_domain.io import SchemaViolation, schema_violations
from antt_domain.schemas import RECORD_SCHEMAS, V2_RECORD_SCHEMAS, fast_check, validator_for
from antt_domain.upgrade._errors import InvalidVersionOneError, NotVersionOneError
from antt_domain.upgrade._notes import UpgradeNote, notes_for
from antt_domain.upgrade._records import unique_citations, upgrade_record

__all__ = ["TARGET_VERSION", "UpgradeResult", "upgrade"]

#: The ``schema_version`` an upgraded dataset gets.
TARGET_VERSION = "2.0"

_ONE_X = re.compile(r"1\.[0-9]+")


@attrs.frozen(kw_only=True)
class UpgradeResult:
    """What :func:`upgrade` made: the 2.0 ``document`` (a new JSON value), the ``notes`` it
    made on the way, and the ``errors`` of the result against the 2.0 schemas (pointers into
    ``document``; none is expected: a non-empty tuple is a bug worth reporting)."""

    document: Any
    notes: tuple[UpgradeNote, ...] = ()
    errors: tuple[SchemaViolation, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the result validates against the 2.0 schemas."""
        return not self.errors


def _v2_violations(value: Any, schema: str, prefix: str) -> list[SchemaViolation]:
    check = fast_check(schema, "2")  # the compiled check first: an upgrade is valid as a rule
    if check is not None and check(value):
        return []
    validator = validator_for(schema, version="2")
    found = []
    for error in validator.iter_errors(value):
        pointer = "".join(f"/{str(p).replace('~', '~0').replace('/', '~1')}" for p in error.path)
        schema_pointer = "".join(f"/{p}" for p in error.absolute_schema_path)
        found.append(
            SchemaViolation(
                pointer=prefix + pointer,
                message=error.message,
                keyword=str(error.validator),
                schema_pointer=schema_pointer,
            )
        )
    return sorted(found, key=lambda v: v.pointer)


def _record_type(value: Any, pointer: str) -> str:
    """The 1.0 type of a record value, refusing a 2.0-only type as not 1.x."""
    kind = value.get("type") if isinstance(value, Mapping) else None
    if isinstance(kind, str) and kind in V2_RECORD_SCHEMAS and kind not in RECORD_SCHEMAS:
        raise NotVersionOneError(kind, f"{pointer or '/'} is a 2.0 {kind!r} record")
    return kind if isinstance(kind, str) and kind in RECORD_SCHEMAS else "record"


def _check_record(value: Any, pointer: str) -> list[SchemaViolation]:
    kind = _record_type(value, pointer)
    schema = RECORD_SCHEMAS.get(kind, "record")
    return [attrs.evolve(v, pointer=pointer + v.pointer) for v in schema_violations(value, schema)]


def _one_record(value: Mapping[str, Any], pointer: str) -> tuple[Any, list[UpgradeNote]]:
    upgraded = upgrade_record(value)
    was = str(value["type"])
    rid = value.get("id") if isinstance(value.get("id"), str) else None
    notes = [
        UpgradeNote(
            kind="duplicate_citation",
            pointer=f"{pointer}/sources",
            record_id=rid,
            was=was,
            code=str(citation.get("source")) if isinstance(citation, Mapping) else "?",
        )
        for citation in unique_citations(value.get("sources"))[1]
    ]
    return upgraded, notes + notes_for(upgraded, pointer, was)


def _dataset(value: Mapping[str, Any]) -> UpgradeResult:
    version = value.get("schema_version")
    if not isinstance(version, str) or not _ONE_X.fullmatch(version):
        found = version if isinstance(version, str) else repr(version)
        raise NotVersionOneError(found, f"schema_version {version!r}")
    violations = schema_violations(value, "dataset")
    if violations:
        raise InvalidVersionOneError(violations)
    notes: list[UpgradeNote] = []
    document: dict[str, Any] = {}
    for key, item in value.items():
        if key == "schema_version":
            document[key] = TARGET_VERSION
        elif key == "records":
            document[key] = []
            for index, record in enumerate(item):
                upgraded, made = _one_record(record, f"/records/{index}")
                document[key].append(upgraded)
                notes.extend(made)
        else:
            document[key] = copy.deepcopy(item)
    errors = _v2_violations(document, "dataset", "")
    return UpgradeResult(document=document, notes=tuple(notes), errors=tuple(errors))


def _records(values: list[Any], *, single: bool = False) -> UpgradeResult:
    """A list of records, or (``single``) one record whose pointers start at the root."""

    def at(index: int) -> str:
        return "" if single else f"/{index}"

    violations = [v for index, item in enumerate(values) for v in _check_record(item, at(index))]
    if violations:
        raise InvalidVersionOneError(violations)
    document: list[Any] = []
    notes: list[UpgradeNote] = []
    errors: list[SchemaViolation] = []
    for index, item in enumerate(values):
        upgraded, found = _one_record(item, at(index))
        document.append(upgraded)
        notes.extend(found)
        errors.extend(_v2_violations(upgraded, V2_RECORD_SCHEMAS[upgraded["type"]], at(index)))
    return UpgradeResult(document=document, notes=tuple(notes), errors=tuple(errors))


def upgrade(document: Any) -> UpgradeResult:
    """The 2.0 form of a parsed 1.x JSON ``document``: a dataset, one record, or a list of
    records (design section 7). A pure function: ``document`` is not changed, the result is
    a new value, and no plugin is consulted.

    The input is checked against the 1.0 schemas first; the result against the 2.0 ones (its
    ``errors``). Raises :class:`NotVersionOneError` for a document that is not 1.x (a 2.0
    dataset or record, or not a document at all) and :class:`InvalidVersionOneError` for one
    that breaks the 1.0 schema: both are :class:`UpgradeError`.
    """
    if isinstance(document, Mapping) and document.get("type") == "dataset":
        return _dataset(document)
    if isinstance(document, Mapping):
        result = _records([document], single=True)
        return attrs.evolve(result, document=result.document[0])
    if isinstance(document, list):
        return _records(document)
    found = type(document).__name__
    raise NotVersionOneError(found, f"a JSON {found}; expected a dataset, a record or a list")
