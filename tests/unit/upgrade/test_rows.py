"""Section 7 of the Schema 2.0 design, row by row: what each 1.0 value becomes in 2.0.

Every test upgrades a small 1.0 value, checks the row's mapping, and that the result has no
2.0 schema error (``result.ok``).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from antt_domain.schemas import codelist, validator_for
from antt_domain.upgrade import (
    InvalidVersionOneError,
    NotVersionOneError,
    UpgradeError,
    upgrade,
)

UNSTATED = {"kind": "unstated"}


def activity(**extra: Any) -> dict[str, Any]:
    return {"id": "a1", "type": "activity", "kind": "patrol", "period": UNSTATED, **extra}


def outcome(**extra: Any) -> dict[str, Any]:
    quantity = {"value": 3, "unit": "tip"}
    return {
        "id": "o1",
        "type": "outcome",
        "kind": "tips_provided",
        "period": UNSTATED,
        "quantity": quantity,
        **extra,
    }


def dataset(*records: dict[str, Any], version: str = "1.0") -> dict[str, Any]:
    return {
        "type": "dataset",
        "id": "ds",
        "schema_version": version,
        "title": "T",
        "publisher": {"name": "P"},
        "records": list(records),
    }


def up(value: Any) -> Any:
    result = upgrade(value)
    assert result.ok, result.errors
    return result.document


@pytest.mark.parametrize("version", ["1.0", "1.3"])
def test_schema_version_1x_becomes_2_0(version: str) -> None:
    document = up(dataset(activity(), version=version))
    assert document["schema_version"] == "2.0"
    assert validator_for("dataset", version="2").is_valid(document)


def test_activity_becomes_a_figure_with_the_same_kind_and_participants() -> None:
    participants = {"value": 120, "unit": "participant_time", "as_written": "120 lượt người"}
    record = up(activity(kind="legal_training", participants=participants))
    assert record["type"] == "figure"
    assert record["kind"] == "legal_training"
    assert record["participants"] == participants
    assert "lifecycle" not in record


def test_activity_other_becomes_other_activity() -> None:
    assert up(activity(kind="other"))["kind"] == "other_activity"


def test_outcome_becomes_a_figure_and_other_becomes_other_outcome() -> None:
    record = up(outcome())
    assert (record["type"], record["kind"]) == ("figure", "tips_provided")
    assert up(outcome(kind="other"))["kind"] == "other_outcome"


@pytest.mark.parametrize(
    ("kind", "stage"),
    [
        ("model_launch", "launched"),
        ("models_built", "new"),
        ("model_replication", "replicated"),
        ("model_consolidation", "consolidated"),
    ],
)
@pytest.mark.parametrize("make", [activity, outcome])
def test_model_kinds_become_models_with_a_lifecycle(kind: str, stage: str, make: Any) -> None:
    record = up(make(kind=kind))
    assert record["kind"] == "models"
    assert record["lifecycle"] == [stage]
    assert stage in codelist("lifecycle_stages", version="2")


def test_organiser_becomes_the_first_actor() -> None:
    record = up(activity(organiser="org-a"))
    assert record["actors"] == [{"role": "organiser", "organisation": "org-a"}]
    assert "organiser" not in record


def test_partners_follow_the_organiser_in_order() -> None:
    record = up(outcome(organiser="org-a", partners=["org-c", "org-b"]))
    assert record["actors"] == [
        {"role": "organiser", "organisation": "org-a"},
        {"role": "partner", "organisation": "org-c"},
        {"role": "partner", "organisation": "org-b"},
    ]
    assert "partners" not in record
    alone = up(activity(partners=["org-b"]))
    assert alone["actors"] == [{"role": "partner", "organisation": "org-b"}]


def test_agreements_become_under_on_figures_and_model_instances() -> None:
    assert up(activity(agreements=["agr-1", "agr-2"]))["under"] == ["agr-1", "agr-2"]
    instance = {
        "id": "mi",
        "type": "model_instance",
        "model_type": "mt",
        "area": "area-1",
        "agreements": ["agr-1"],
    }
    upgraded = up(instance)
    assert upgraded["under"] == ["agr-1"]
    assert "agreements" not in upgraded


def test_target_groups_become_groups() -> None:
    record = up(activity(target_groups=["youth", "general_public"]))
    assert record["groups"] == ["youth", "general_public"]
    assert "target_groups" not in record


def test_part_of_becomes_a_part_of_link() -> None:
    record = up(outcome(part_of="o0"))
    assert record["links"] == [{"rel": "part_of", "to": "o0"}]
    assert "part_of" not in record


def test_agreement_becomes_a_document_with_the_same_id_and_fields() -> None:
    agreement = {
        "id": "agr-1",
        "type": "agreement",
        "kind": "coordination_programme",
        "symbol": "09/CTr-BCA-MTTW",
        "title": "Chương trình phối hợp",
        "signed_on": "2024-03-05",
        "level": "province",
        "parties": ["org-a", "org-b"],
        "effective": {"kind": "interval", "start": "2023-01-01", "end": "2033-12-31"},
        "parent": "agr-0",
    }
    document = up(agreement)
    assert document["type"] == "document"
    assert document["title_as_written"] == "Chương trình phối hợp"
    assert "title" not in document
    for key in ("id", "kind", "symbol", "signed_on", "level", "parties", "effective", "parent"):
        assert document[key] == agreement[key], key


def test_model_instance_organiser_and_partners_become_actors() -> None:
    instance = {
        "id": "mi",
        "type": "model_instance",
        "model_type": "mt",
        "area": "area-1",
        "organiser": "org-a",
        "partners": ["org-b"],
    }
    assert up(instance)["actors"] == [
        {"role": "organiser", "organisation": "org-a"},
        {"role": "partner", "organisation": "org-b"},
    ]


def test_model_instance_area_is_unchanged() -> None:
    instance = {"id": "mi", "type": "model_instance", "model_type": "mt", "area": "area-1"}
    assert up(instance) == instance


def test_source_publisher_becomes_outlet() -> None:
    source = {"id": "s", "type": "source", "kind": "article", "title": "T", "publisher": "Báo"}
    upgraded = up(source)
    assert upgraded["outlet"] == "Báo"
    assert "publisher" not in upgraded


def test_source_published_date_is_kept_as_a_partial_date() -> None:
    source = {"id": "s", "type": "source", "kind": "article", "title": "T"}
    assert up({**source, "published": "2021-12-31"})["published"] == "2021-12-31"


@pytest.mark.parametrize(
    "quantity",
    [
        {"value": 1838, "unit": "session", "as_written": "1.838 buổi"},
        {"value": 2, "upper": 3, "precision": "range", "unit": "case"},
        {"value": 90.5, "unit": "percent", "base_unit": "household"},
        {"value": 3, "denominator": 52, "unit": "commune"},
        {"value": 220000000000, "precision": "more_than", "unit": "vnd"},
    ],
)
def test_quantities_are_unchanged(quantity: dict[str, Any]) -> None:
    assert up(outcome(quantity=quantity))["quantity"] == quantity


@pytest.mark.parametrize(
    "period",
    [
        {"kind": "interval", "start": "2021-01-01", "end": "2021-12-31", "as_written": "năm 2021"},
        {"kind": "as_of", "date": "2021-12-31"},
        {"kind": "recurring", "frequency": "yearly"},
        {"kind": "unstated", "as_written": "những năm qua"},
    ],
)
def test_periods_are_unchanged(period: dict[str, Any]) -> None:
    assert up(activity(period=period))["period"] == period


def test_extensions_are_unchanged() -> None:
    extensions = {"org.example": {"score": 3, "tags": ["a"]}}
    assert up(activity(extensions=extensions))["extensions"] == extensions
    assert up({**dataset(), "extensions": extensions})["extensions"] == extensions


def test_an_open_code_2_0_does_not_know_is_kept_and_noted() -> None:
    value = dataset(outcome(kind="coffee_watch", quantity={"value": 3, "unit": "bao"}))
    result = upgrade(value)
    assert result.ok
    record = result.document["records"][0]
    assert (record["kind"], record["quantity"]["unit"]) == ("coffee_watch", "bao")
    found = {(n.pointer, n.codelist, n.code, n.was) for n in result.notes}
    assert found == {
        ("/records/0/kind", "figure_kinds", "coffee_watch", "outcome"),
        ("/records/0/quantity/unit", "units", "bao", "outcome"),
    }
    note = result.notes[0]
    assert "namespace" in note.message("en")
    assert "không gian tên" in note.message("vi")
    assert note.record_id == "o1"


def test_a_citation_given_twice_is_kept_once_and_noted() -> None:
    citation = {"source": "src-a", "locator": "p. 2"}
    other = {"source": "src-a", "locator": "p. 3"}
    result = upgrade(dataset(activity(sources=[citation, other, citation])))
    assert result.ok, result.errors
    assert result.document["records"][0]["sources"] == [citation, other]
    [note] = result.notes
    assert (note.kind, note.pointer, note.code) == (
        "duplicate_citation",
        "/records/0/sources",
        "src-a",
    )
    assert "src-a" in note.message("vi")


def test_known_codes_make_no_note() -> None:
    assert upgrade(dataset(activity(kind="other"), outcome())).notes == ()


def test_upgrade_is_pure_and_keeps_the_key_order() -> None:
    value = dataset(activity(organiser="org-a", kind="model_launch", target_groups=["youth"]))
    before = copy.deepcopy(value)
    document = up(value)
    assert value == before
    assert list(document["records"][0]) == [
        "id",
        "type",
        "kind",
        "lifecycle",
        "period",
        "actors",
        "groups",
    ]
    assert json.dumps(up(value)) == json.dumps(document)


def test_a_list_of_records_is_upgraded_in_order() -> None:
    document = up([activity(), outcome()])
    assert [r["type"] for r in document] == ["figure", "figure"]
    assert [r["id"] for r in document] == ["a1", "o1"]


@pytest.mark.parametrize(
    "value",
    [
        dataset(version="2.0"),
        {**dataset(), "schema_version": None},
        {"id": "f", "type": "figure", "kind": "patrol", "period": UNSTATED},
        [activity(), {"id": "p", "type": "person", "name": "X"}],
        "a string",
        42,
    ],
)
def test_a_document_that_is_not_1x_is_refused(value: Any) -> None:
    with pytest.raises(NotVersionOneError, match=r"not a 1\.x document"):
        upgrade(value)


def test_an_invalid_1_0_document_is_refused_with_its_violations() -> None:
    bad = dataset(activity(perod=UNSTATED), outcome(quantity={"value": -3, "unit": "tip"}))
    with pytest.raises(InvalidVersionOneError) as caught:
        upgrade(bad)
    assert isinstance(caught.value, UpgradeError)
    pointers = {v.pointer for v in caught.value.violations}
    assert "/records/1/quantity/value" in pointers
    assert "does not match the 1.0 schema" in str(caught.value)
    with pytest.raises(InvalidVersionOneError) as one:
        upgrade(outcome(quantity={"value": -3, "unit": "tip"}))
    assert [v.pointer for v in one.value.violations] == ["/quantity/value"]
