"""Any model object unstructures to JSON that the schemas accept, and structures back equal."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from antt_domain.convert import structure_dataset, structure_record, unstructure
from antt_domain.io import dumps, loads_dataset
from antt_domain.model import Dataset, Record
from antt_domain.schemas import RECORD_SCHEMAS, validator_for

from .strategies import datasets, records

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(records)
def test_every_record_unstructures_to_schema_valid_json(record: Record) -> None:
    """model → JSON is valid against the record's own schema, and comes back equal."""
    document = unstructure(record)
    errors = [
        e.message for e in validator_for(RECORD_SCHEMAS[document["type"]]).iter_errors(document)
    ]
    assert errors == []
    assert structure_record(document) == record


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets)
def test_every_dataset_survives_json_text(dataset: Dataset) -> None:
    """model → JSON text → model is lossless for whole datasets (Vietnamese text included)."""
    text = dumps(dataset)
    assert validator_for("dataset").is_valid(json.loads(text))
    assert loads_dataset(text) == dataset
    assert structure_dataset(unstructure(dataset)) == dataset
