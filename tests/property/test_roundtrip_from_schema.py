"""Schema-valid documents, generated from the schemas, round-trip through the model.

structure → unstructure gives back the document in canonical form (defaults left out); a
document the schema accepts but the model refuses (an end before its start) is refused with a
ConversionError, never another exception and never a half-built object.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema

from antt_domain.convert import ConversionError, structure_record, unstructure
from antt_domain.schemas import RECORD_SCHEMAS, validator_for

from .schema_tools import bundled, strip_defaults

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@pytest.mark.parametrize("record_type", sorted(RECORD_SCHEMAS))
def test_generated_records_round_trip(record_type: str) -> None:
    """For each record type: generated JSON → model → JSON is the canonical document."""
    schema_name = RECORD_SCHEMAS[record_type]
    validator = validator_for(schema_name)
    outcomes: dict[str, int] = {"round-tripped": 0, "refused": 0}

    @SETTINGS
    @given(from_schema(bundled(schema_name)))
    def check(document: dict[str, Any]) -> None:
        assert validator.is_valid(document)
        try:
            record = structure_record(document)
        except ConversionError:
            outcomes["refused"] += 1
            return
        again = unstructure(record)
        assert again == strip_defaults(document)
        assert validator.is_valid(again)
        assert structure_record(again) == record
        outcomes["round-tripped"] += 1

    check()
    assert outcomes["round-tripped"] > 0, outcomes
