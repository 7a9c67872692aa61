"""What checking a document of one major schema version takes: its record schemas, its
schema checks and its converter.

A dataset document is checked by its own ``schema_version``; loose records (a record, an
array, JSONL) have none and are read as 1.0 unless the run says ``schema_version="2"``.
Both versions take the compiled fast check (:func:`~antt_domain.schemas.fast_check`) when
jsonschema-rs is installed, and the pure ``jsonschema`` path explains what it refuses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from antt_domain.convert import structure_dataset, structure_valid_record
from antt_domain.convert import v2 as convert_v2
from antt_domain.schemas import (
    RECORD_SCHEMAS,
    V2_RECORD_SCHEMAS,
    SchemaVersion,
    explainer_for,
    fast_check,
)

__all__ = ["Profile", "profile"]


@attrs.frozen(kw_only=True)
class Profile:
    """The schemas and converter of one major schema version."""

    version: SchemaVersion
    #: Record ``type`` → schema name.
    record_schemas: Mapping[str, str]
    #: Schema name → compiled "is it valid?" check, or ``None`` (no fast path).
    fast: Callable[[str], Callable[[Any], bool] | None]
    #: Schema name → a ``jsonschema`` validator that explains the errors.
    explainer: Callable[[str], Any]
    #: A schema-valid record value → its model object (may raise ``ConversionError``).
    structure_record: Callable[[Any], Any]
    #: A schema-valid dataset value (its records left out) → its model object.
    structure_dataset: Callable[[Any], Any]
    #: The record types of the other version that this one does not have.
    foreign_types: frozenset[str]

    @property
    def types_text(self) -> str:
        """The record types, for messages."""
        return ", ".join(sorted(self.record_schemas))


def _fast_v2(name: str) -> Callable[[Any], bool] | None:
    return fast_check(name, "2")


def _explain_v2(name: str) -> Any:
    return explainer_for(name, "2")


_V1 = Profile(
    version="1",
    record_schemas=RECORD_SCHEMAS,
    fast=fast_check,
    explainer=explainer_for,
    structure_record=structure_valid_record,
    structure_dataset=structure_dataset,
    foreign_types=frozenset(V2_RECORD_SCHEMAS) - frozenset(RECORD_SCHEMAS),
)

_V2 = Profile(
    version="2",
    record_schemas=V2_RECORD_SCHEMAS,
    fast=_fast_v2,
    explainer=_explain_v2,
    structure_record=convert_v2.structure_record,
    structure_dataset=convert_v2.structure_dataset,
    foreign_types=frozenset(RECORD_SCHEMAS) - frozenset(V2_RECORD_SCHEMAS),
)


def profile(version: SchemaVersion) -> Profile:
    """The profile of major ``version`` (``"1"`` or ``"2"``)."""
    return _V2 if version == "2" else _V1
