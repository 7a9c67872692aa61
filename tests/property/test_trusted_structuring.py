"""Structuring schema-valid records without re-checking them gives what full structuring gives.

``structure_valid_record`` skips the per-attribute checks the schema has already made; over
generated schema-valid records it must build the same object as ``structure_record``, or
refuse the same record with the same problems (never build one the model would refuse).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema

from antt_domain.convert import (
    ConversionError,
    structure_record,
    structure_valid_record,
    unstructure,
)
from antt_domain.io import load_example
from antt_domain.schemas import RECORD_SCHEMAS, validator_for

from .schema_tools import bundled


def _outcome(structure: Any, document: dict[str, Any]) -> Any:
    try:
        record = structure(document)
    except ConversionError as exc:
        return ("refused", [(p.pointer, p.message) for p in exc.problems])
    return ("built", type(record), record, unstructure(record))


@pytest.mark.parametrize("record_type", sorted(RECORD_SCHEMAS))
def test_trusted_and_full_structuring_agree(record_type: str) -> None:
    """Same object (same class, equal, same JSON) or the same refusal, for every record type."""
    schema_name = RECORD_SCHEMAS[record_type]
    validator = validator_for(schema_name)
    seen = {"built": 0, "refused": 0}

    @settings(
        max_examples=80,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(from_schema(bundled(schema_name)))
    def check(document: dict[str, Any]) -> None:
        assert validator.is_valid(document)
        full = _outcome(structure_record, document)
        assert _outcome(structure_valid_record, document) == full
        seen[full[0]] += 1

    check()
    assert seen["built"] > 0, seen


def test_every_example_record_is_built_the_same_way() -> None:
    """The bundled example: each record, both ways, equal and with the same attribute types."""
    dataset = load_example()
    for record in dataset.records:
        document = unstructure(record)
        trusted = structure_valid_record(document)
        assert trusted == record
        for name in type(record).__slots__:  # type: ignore[union-attr]
            if not name.startswith("__"):
                assert type(getattr(trusted, name)) is type(getattr(record, name)), name


def test_cross_attribute_checks_still_run() -> None:
    """A schema-valid record the model refuses (an end before its start) is refused the same."""
    document = {
        "id": "act-1",
        "type": "activity",
        "kind": "mobile_outreach",
        "period": {"kind": "interval", "start": "2021-12-31", "end": "2021-01-01"},
    }
    assert validator_for("activity").is_valid(document)
    with pytest.raises(ConversionError) as trusted:
        structure_valid_record(document)
    with pytest.raises(ConversionError) as full:
        structure_record(document)
    assert trusted.value.problems == full.value.problems
