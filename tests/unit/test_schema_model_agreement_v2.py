"""The 2.0 attrs classes mirror ``schemas/v2/``: every property an attribute, every closed enum
its codelist, every record type and period kind its discriminator."""

from __future__ import annotations

import enum
from typing import Any

import attrs
import pytest

from antt_domain.model import v2
from antt_domain.schemas import V2_RECORD_SCHEMAS, codelist, codelists, load_schema

COMMON = load_schema("common", version="2")["$defs"]
#: JSON names that are not Python attribute names (``class`` is a keyword).
RENAMED = {"figure_class": "class"}


def _schema(name: str) -> dict[str, Any]:
    return load_schema(name, version="2")


def _fields(cls: type) -> tuple[set[str], set[str]]:
    """(all attribute names as JSON spells them, the required ones)."""
    fields = attrs.fields(cls)
    names = {RENAMED.get(f.name, f.name) for f in fields}
    required = {RENAMED.get(f.name, f.name) for f in fields if f.default is attrs.NOTHING}
    return names, required


def _schema_fields(schema: dict[str, Any], tag: str | None = None) -> tuple[set[str], set[str]]:
    names = set(schema["properties"]) - {tag}
    required = set(schema.get("required", ())) - {tag}
    return names, required


@pytest.mark.parametrize("cls", v2.RECORD_CLASSES, ids=lambda c: c.__name__)
def test_record_class_mirrors_its_schema(cls: type) -> None:
    """Every property is an attribute and vice versa; required ones are required in both."""
    schema = _schema(V2_RECORD_SCHEMAS[cls.TYPE])  # type: ignore[attr-defined]
    assert schema["properties"]["type"]["const"] == cls.TYPE  # type: ignore[attr-defined]
    assert schema["additionalProperties"] is False
    assert _fields(cls) == _schema_fields(schema, "type")


@pytest.mark.parametrize("cls", v2.PERIOD_CLASSES, ids=lambda c: c.__name__)
def test_period_class_mirrors_its_definition(cls: type) -> None:
    """The seven period kinds mirror their $defs, told apart by kind."""
    schema = COMMON[cls.KIND]  # type: ignore[attr-defined]
    assert schema["properties"]["kind"]["const"] == cls.KIND  # type: ignore[attr-defined]
    assert _fields(cls) == _schema_fields(schema, "kind")


def _def(schema: str, name: str) -> dict[str, Any]:
    found: dict[str, Any] = _schema(schema)["$defs"][name]
    return found


VALUES: list[tuple[type, dict[str, Any]]] = [
    (v2.Quantity, COMMON["quantity"]),
    (v2.Length, COMMON["length"]),
    (v2.Citation, COMMON["citation"]),
    (v2.Actor, COMMON["actor"]),
    (v2.Link, COMMON["link"]),
    (v2.VocabularyCode, COMMON["vocabulary_code"]),
    (v2.Vocabulary, COMMON["vocabulary"]),
    (v2.Publisher, _schema("dataset")["properties"]["publisher"]),
    (v2.OrganisationRole, _def("organisation", "role")),
    (v2.Position, _def("person", "position")),
    (v2.SymbolVariant, _def("document", "symbol_variant")),
    (v2.Provision, _def("document", "provision")),
    (v2.Recognition, _def("model-type", "recognition")),
    (v2.Venue, _def("event", "venue")),
    (v2.Anniversary, _def("event", "anniversary")),
    (v2.Recipient, _def("award", "recipient")),
    (v2.AssessmentTotal, _def("assessment", "total")),
    (v2.AssessmentResult, _def("assessment", "result")),
    (v2.PlanTarget, _def("plan", "target")),
    (v2.PlanPhase, _def("plan", "phase")),
]


@pytest.mark.parametrize(("cls", "schema"), VALUES, ids=[c.__name__ for c, _ in VALUES])
def test_value_class_mirrors_its_definition(cls: type, schema: dict[str, Any]) -> None:
    """Values and record parts mirror their definitions, property for property."""
    assert schema.get("additionalProperties") is False
    assert _fields(cls) == _schema_fields(schema)


def test_dataset_mirrors_its_schema() -> None:
    """A dataset's schema_version and records have defaults in Python but are always written."""
    names, required = _fields(v2.Dataset)
    schema_names, schema_required = _schema_fields(_schema("dataset"), "type")
    assert names == schema_names
    assert required | {"schema_version", "records"} == schema_required
    assert v2.SCHEMA_VERSION == "2.0"


def test_every_object_definition_has_a_class() -> None:
    """No object shape of the 2.0 schemas is left without a class (periods, values, parts)."""
    mirrored = [schema for _, schema in VALUES]
    mirrored += [COMMON[c.KIND] for c in v2.PERIOD_CLASSES]  # type: ignore[attr-defined]
    for name in sorted(set(V2_RECORD_SCHEMAS.values()) | {"common"}):
        for key, node in _schema(name).get("$defs", {}).items():
            if key == "period" or "properties" not in node:
                continue  # the period is a union of the seven kinds, each mirrored
            assert node in mirrored, f"{name}#/$defs/{key} has no class"


#: Every closed 2.0 codelist and the enum that mirrors it.
ENUMS: dict[str, type[enum.Enum]] = {
    "area_kinds": v2.AreaKind,
    "area_levels": v2.AreaLevel,
    "area_features": v2.AreaFeature,
    "organisation_levels": v2.OrganisationLevel,
    "precisions": v2.Precision,
    "vague_magnitudes": v2.VagueMagnitude,
    "frequencies": v2.Frequency,
    "citation_parts": v2.CitationPart,
    "link_relations": v2.LinkRelation,
    "link_certainties": v2.LinkCertainty,
    "lifecycle_stages": v2.LifecycleStage,
    "event_statuses": v2.EventStatus,
    "plan_statuses": v2.PlanStatus,
    "assessment_methods": v2.AssessmentMethod,
    "recipient_kinds": v2.RecipientKind,
    "source_coverage": v2.SourceCoverage,
    "unit_dimensions": v2.UnitDimension,
    "figure_classes": v2.FigureClass,
}


@pytest.mark.parametrize(("name", "enum_cls"), ENUMS.items(), ids=list(ENUMS))
def test_closed_enum_matches_its_codelist(name: str, enum_cls: type[enum.Enum]) -> None:
    """A closed codelist and its enum list the same codes in the same order."""
    found = codelist(name, version="2")
    assert found.closed
    assert [m.value for m in enum_cls] == [c.code for c in found]


def test_every_closed_codelist_has_an_enum_or_is_a_discriminator() -> None:
    """No closed 2.0 codelist is left as a plain string in the model."""
    closed = {name for name, found in codelists(version="2").items() if found.closed}
    assert closed == set(ENUMS) | {"record_types", "period_kinds"}


def test_record_types_and_period_kinds_match_their_codelists() -> None:
    """The discriminators of records and periods are closed codelists too."""
    types = [c.TYPE for c in v2.RECORD_CLASSES]  # type: ignore[attr-defined]
    kinds = [c.KIND for c in v2.PERIOD_CLASSES]  # type: ignore[attr-defined]
    assert types == [c.code for c in codelist("record_types", version="2")]
    assert kinds == [c.code for c in codelist("period_kinds", version="2")]


def test_length_units_and_extensible_codelists_match_the_schema() -> None:
    """The two enums the schema spells inline: a length's units, a vocabulary's codelists."""
    assert [u.value for u in v2.LengthUnit] == COMMON["length"]["properties"]["unit"]["enum"]
    declared = COMMON["vocabulary_code"]["properties"]["codelist"]["enum"]
    assert list(v2.EXTENSIBLE_CODELISTS) == declared
    open_lists = {name for name, found in codelists(version="2").items() if not found.closed}
    assert set(declared) <= open_lists
