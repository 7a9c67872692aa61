"""Generated 1.0 documents upgrade to valid 2.0 documents with the same records, ids and
quantities (design section 7): datasets built from the model's strategies, and records
generated from the 1.0 schemas themselves (arbitrary open codes, every optional property)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema

from antt_domain.convert import unstructure
from antt_domain.model import Dataset
from antt_domain.schemas import RECORD_SCHEMAS, validator_for
from antt_domain.upgrade import upgrade

from .schema_tools import bundled
from .strategies import datasets

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
#: The 1.0 record types whose shape the upgrade changes. Model instances are left to the
#: dataset strategy: generating them from their schema is too slow for the suite.
CHANGED = ("activity", "agreement", "outcome", "source")


def _same_figures(old: dict[str, Any], new: dict[str, Any]) -> None:
    assert new["id"] == old["id"]
    for key in ("quantity", "participants", "period", "area", "models", "sources"):
        assert new.get(key) == old.get(key), key
    if old["type"] in ("activity", "outcome"):
        assert new["type"] == "figure"
        organisations = [a["organisation"] for a in new.get("actors", ())]
        expected = [old["organiser"]] if "organiser" in old else []
        assert organisations == expected + list(old.get("partners", ()))


@SETTINGS
@given(datasets)
def test_generated_datasets_upgrade_to_valid_2_0_with_the_same_ids_and_quantities(
    dataset: Dataset,
) -> None:
    value = json.loads(json.dumps(unstructure(dataset), ensure_ascii=False))
    assert validator_for("dataset").is_valid(value)
    result = upgrade(value)
    assert result.ok, result.errors
    document = result.document
    assert document["schema_version"] == "2.0"
    assert list(validator_for("dataset", version="2").iter_errors(document)) == []
    assert len(document["records"]) == len(value["records"])
    assert [r["id"] for r in document["records"]] == [r["id"] for r in value["records"]]
    for old, new in zip(value["records"], document["records"], strict=True):
        _same_figures(old, new)  # by position: a generated dataset may repeat an id


@pytest.mark.parametrize("record_type", CHANGED)
def test_records_generated_from_the_1_0_schemas_upgrade_to_valid_2_0(record_type: str) -> None:
    schema = RECORD_SCHEMAS[record_type]
    old_valid = validator_for(schema)

    @settings(SETTINGS, max_examples=10)
    @given(from_schema(bundled(schema)))
    def check(record: dict[str, Any]) -> None:
        assert old_valid.is_valid(record)
        result = upgrade(record)
        assert result.ok, result.errors
        assert result.document["id"] == record["id"]
        _same_figures(record, result.document)
        for note in result.notes:  # each note names a code that is really in the result
            assert note.pointer.startswith("/")
            assert note.code in json.dumps(result.document, ensure_ascii=False)

    check()
