"""The attrs classes mirror the schemas: every property an attribute, every enum a codelist."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from antt_domain.model import (
    PERIOD_CLASSES,
    RECORD_CLASSES,
    AgreementKind,
    AreaLevel,
    Citation,
    Dataset,
    Frequency,
    OrganisationLevel,
    Precision,
    Publisher,
    Quantity,
)
from antt_domain.schemas import RECORD_SCHEMAS, codelist, codelists, load_schema

COMMON = load_schema("common")["$defs"]


def _fields(cls: type) -> tuple[set[str], set[str]]:
    """(all attribute names, the required ones)."""
    fields = attrs.fields(cls)
    names = {f.name for f in fields}
    required = {f.name for f in fields if f.default is attrs.NOTHING}
    return names, required


def _schema_fields(schema: dict[str, Any], tag: str) -> tuple[set[str], set[str]]:
    names = set(schema["properties"]) - {tag}
    required = set(schema.get("required", ())) - {tag}
    return names, required


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda c: c.__name__)
def test_record_class_mirrors_its_schema(cls: type) -> None:
    """Every property is an attribute and vice versa; required ones are required in both."""
    schema = load_schema(RECORD_SCHEMAS[cls.TYPE])  # type: ignore[attr-defined]
    assert schema["properties"]["type"]["const"] == cls.TYPE  # type: ignore[attr-defined]
    assert schema["additionalProperties"] is False
    assert _fields(cls) == _schema_fields(schema, "type")


@pytest.mark.parametrize("cls", PERIOD_CLASSES, ids=lambda c: c.__name__)
def test_period_class_mirrors_its_definition(cls: type) -> None:
    """Interval, AsOf, Recurring and Unstated mirror their $defs, told apart by kind."""
    schema = COMMON[cls.KIND]  # type: ignore[attr-defined]
    assert schema["properties"]["kind"]["const"] == cls.KIND  # type: ignore[attr-defined]
    assert _fields(cls) == _schema_fields(schema, "kind")


@pytest.mark.parametrize(
    ("cls", "schema"),
    [
        (Quantity, COMMON["quantity"]),
        (Citation, COMMON["citation"]),
        (Publisher, load_schema("dataset")["properties"]["publisher"]),
        (Dataset, load_schema("dataset")),
    ],
    ids=["Quantity", "Citation", "Publisher", "Dataset"],
)
def test_value_class_mirrors_its_definition(cls: type, schema: dict[str, Any]) -> None:
    """Quantities, citations, publishers and the dataset document mirror their schemas."""
    names, required = _fields(cls)
    schema_names, schema_required = _schema_fields(schema, "type")
    assert names == schema_names
    # A dataset's schema_version and records have defaults in Python but are always written.
    assert (
        required | ({"schema_version", "records"} if cls is Dataset else set()) == schema_required
    )


@pytest.mark.parametrize(
    ("enum", "name"),
    [
        (AreaLevel, "area_levels"),
        (OrganisationLevel, "organisation_levels"),
        (AgreementKind, "agreement_kinds"),
        (Precision, "precisions"),
        (Frequency, "frequencies"),
    ],
)
def test_closed_enum_matches_its_codelist(enum: type, name: str) -> None:
    """A closed codelist and its enum list the same codes in the same order."""
    found = codelist(name)
    assert found.closed
    assert [m.value for m in enum] == [c.code for c in found]  # type: ignore[attr-defined]


def test_record_types_and_period_kinds_match_their_codelists() -> None:
    """The discriminators of records and periods are closed codelists too."""
    assert [c.TYPE for c in RECORD_CLASSES] == [c.code for c in codelist("record_types")]  # type: ignore[attr-defined]
    assert [c.KIND for c in PERIOD_CLASSES] == [c.code for c in codelist("period_kinds")]  # type: ignore[attr-defined]


def _codelist_properties() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for schema_name in ("common", *RECORD_SCHEMAS.values(), "dataset", "record"):
        stack: list[Any] = [load_schema(schema_name)]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                if "x-codelist" in node:
                    found.append((schema_name, node))
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    return found


@pytest.mark.parametrize(
    ("schema_name", "node"), _codelist_properties(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_schema_codelist_references_agree_with_the_codelists(
    schema_name: str, node: dict[str, Any]
) -> None:
    """A closed codelist is an enum with exactly its codes; an open one is a code pattern."""
    name = node["x-codelist"]
    assert name in codelists(), f"{schema_name} names unknown codelist {name}"
    found = codelist(name)
    if found.closed:
        assert node["enum"] == [c.code for c in found]
    else:
        assert "enum" not in node
        assert node["$ref"].endswith(("#/$defs/code", "#/$defs/codes"))


def test_vietnamese_number_parser_speaks_the_model_precisions() -> None:
    """antt_domain.vi maps 'hơn', 'gần', 'khoảng', ... onto exactly the model's codes."""
    from antt_domain.vi import PARSED_PRECISIONS  # noqa: PLC0415 - kept beside the one test using it

    assert set(PARSED_PRECISIONS) == {p.value for p in Precision}
