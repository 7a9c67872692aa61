"""The bundled schemas: valid Draft 2020-12, offline, portable patterns, bilingual labels."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing
import referencing.exceptions
from jsonschema import Draft202012Validator, FormatChecker
from referencing.jsonschema import DRAFT202012

from antt_domain.schemas import (
    BASE_URI,
    RECORD_SCHEMAS,
    SchemaNotFoundError,
    codelist,
    codelists,
    load_schema,
    registry,
    schema_names,
    validator_for,
)

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schemas" / "v1"


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}/{index}")


def test_every_bundled_schema_is_listed_and_matches_the_source_tree() -> None:
    """The installed package ships exactly the schemas of the repository's schemas/."""
    files = sorted(p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json"))
    assert list(schema_names()) == files
    for name in files:
        on_disk = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert load_schema(name) == on_disk


@pytest.mark.parametrize("name", schema_names())
def test_schema_passes_the_draft_2020_12_metaschema(name: str) -> None:
    """Every schema is a valid Draft 2020-12 schema with a stable, versioned $id."""
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"{BASE_URI}{name}.schema.json"
    assert "/v1/" in schema["$id"]


@pytest.mark.parametrize("name", schema_names())
def test_patterns_mean_the_same_in_every_validator(name: str) -> None:
    r"""No \d, \w or $ (their Python meaning differs from ECMA-262); only checked formats."""
    for path, node in _walk(load_schema(name)):
        pattern = node.get("pattern") if isinstance(node.get("pattern"), str) else None
        if pattern is not None:
            assert "\\d" not in pattern, path
            assert "\\w" not in pattern, path
            assert re.search(r"(?<!\\)\$", pattern) is None, path
        if "format" in node and isinstance(node["format"], str):
            assert node["format"] == "date", f"{path}: format {node['format']} is not checked"


@pytest.mark.parametrize("name", [n for n in schema_names() if n != "record"])
def test_every_property_has_english_and_vietnamese_titles(name: str) -> None:
    """Labels for people in both languages (docs, spreadsheets and reports use them)."""
    for path, node in _walk(load_schema(name)):
        for prop_name, prop in (node.get("properties") or {}).items():
            if not isinstance(prop, dict) or set(prop) <= {"const", "enum", "x-codelist"}:
                continue  # a bare discriminator
            assert prop.get("title"), f"{path}/properties/{prop_name}"
            assert prop.get("x-title-vi"), f"{path}/properties/{prop_name}"


@pytest.mark.parametrize(
    ("value", "schema_def"),
    [
        ("act-1\n", "id"),  # Python's $ matches before a trailing newline; ECMA's does not
        ("\u0661\u0662\u0663", "id"),  # Python's \d matches Arabic-Indic digits; ECMA's does not
        ("code\n", "code"),
        ("2021-01-01\n", "date"),
        ("\u0662\u0660\u0662\u0661-\u0660\u0661-\u0660\u0661", "date"),
        ("   ", "text"),
        ("\u00a0\u3000", "text"),
    ],
)
def test_ecma_traps_are_refused_by_plain_jsonschema(value: str, schema_def: str) -> None:
    """The patterns hold even in the plain jsonschema package, with Python's regex engine."""
    schema = {"$ref": f"common.schema.json#/$defs/{schema_def}"}
    validator = Draft202012Validator(
        schema | {"$id": f"{BASE_URI}probe.json"},
        registry=registry(),
        format_checker=FormatChecker(),
    )
    assert not validator.is_valid(value)


def test_area_code_refuses_non_ascii_digits_and_trailing_newlines() -> None:
    """Area codes are ASCII digits only."""
    validator = validator_for("area")
    base = {"id": "a", "type": "area", "name": "Xã", "level": "commune", "code_list": "gso"}
    assert validator.is_valid(base | {"code": "15178"})
    assert not validator.is_valid(base | {"code": "\u0661\u0665\u0661\u0667\u0668"})
    assert not validator.is_valid(base | {"code": "15178\n"})


def test_url_is_checked_by_pattern_not_by_an_unchecked_format() -> None:
    """'congan.gov.vn/tin tuc' fails even though jsonschema cannot check format: uri here."""
    validator = validator_for("source")
    base = {"id": "s", "type": "source", "kind": "web_page", "title": "t"}
    assert validator.is_valid(base | {"url": "https://congan.gov.vn/tin-tuc"})
    assert not validator.is_valid(base | {"url": "congan.gov.vn/tin tuc"})
    assert not validator.is_valid(base | {"url": "https://congan.gov.vn/tin tuc"})


def test_one_point_zero_is_a_number_and_values_keep_their_json_type() -> None:
    """1.0 is a valid number for JSON Schema (and an integer); strings are not numbers."""
    validator = validator_for("activity")
    base = {
        "id": "a",
        "type": "activity",
        "kind": "mobile_outreach",
        "period": {"kind": "unstated"},
    }
    assert validator.is_valid(base | {"quantity": {"value": 1.0, "unit": "session"}})
    assert not validator.is_valid(base | {"quantity": {"value": "1.838", "unit": "session"}})


def test_registry_never_fetches_an_unknown_reference() -> None:
    """A $ref to a URI antt-domain does not ship fails closed, without touching the network."""
    schema = {"$id": f"{BASE_URI}probe2.json", "$ref": "https://example.com/remote.schema.json"}
    validator = Draft202012Validator(schema, registry=registry())
    with pytest.raises(referencing.exceptions.Unresolvable):
        validator.validate({})
    with pytest.raises(SchemaNotFoundError):
        load_schema("remote")


def test_example_dataset_validates_with_plain_jsonschema(example_json: dict[str, Any]) -> None:
    """No antt code involved: the repository's schemas and the jsonschema package alone."""
    resources = []
    for path in SCHEMA_DIR.glob("*.schema.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (contents["$id"], referencing.Resource.from_contents(contents, DRAFT202012))
        )
    plain_registry: referencing.Registry[Any] = referencing.Registry().with_resources(resources)
    dataset_schema = json.loads((SCHEMA_DIR / "dataset.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(
        example_json,
        dataset_schema,
        cls=Draft202012Validator,
        registry=plain_registry,
        format_checker=FormatChecker(),
    )


def test_validators_are_compiled_once_and_reused() -> None:
    """validator_for caches: the same object each time."""
    assert validator_for("activity") is validator_for("activity")


def test_every_record_type_has_a_schema() -> None:
    """The record-type table names existing schemas."""
    for schema in RECORD_SCHEMAS.values():
        assert schema in schema_names()


def test_codelists_have_vietnamese_and_english_labels_and_unique_codes() -> None:
    """Every code has both labels; the list says whether it is closed."""
    assert {"units", "activity_kinds", "outcome_kinds", "organisation_kinds"} <= set(codelists())
    for name, found in codelists().items():
        assert found.name == name
        assert found.title_vi
        assert found.title_en
        assert len(found) > 0
        for code in found:
            assert code.vi.strip()
            assert code.en.strip()


def test_units_say_what_may_be_summed() -> None:
    """Participant-times are an attendance, persons a count: never summed together."""
    units = codelist("units")
    person = units.get("person")
    times = units.get("participant_time")
    assert person is not None
    assert times is not None
    assert person.extra["dimension"] == "count"
    assert times.extra["dimension"] == "attendance"
    assert all("dimension" in u.extra for u in units)
    with pytest.raises(KeyError, match="known"):
        codelist("no_such_list")
