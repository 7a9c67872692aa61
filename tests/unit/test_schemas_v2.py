"""The Schema 2.0 files (``schemas/v2/``): valid Draft 2020-12, closed, bilingual, portable,
their codelists complete, the design's conditional rules enforced, and the design's six
worked examples valid. 1.0 stays the default of every registry function."""

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
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError
from referencing.jsonschema import DRAFT202012

from antt_domain.schemas import (
    BASE_URI,
    RECORD_SCHEMAS,
    SCHEMA_VERSIONS,
    V2_BASE_URI,
    V2_RECORD_SCHEMAS,
    SchemaNotFoundError,
    codelist,
    codelists,
    load_schema,
    registry,
    schema_names,
    validator_for,
)

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schemas" / "v2"
#: The corpus reports encoded in 2.0 (examples/corpus/RNN-slug/dataset.json).
EXAMPLES = sorted((ROOT / "examples" / "corpus").glob("R*/dataset.json"))
MAX_SAFE = 2**53 - 1
NAMES = schema_names("2")


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}/{index}")


# ------------------------------------------------------------------ the registry


def test_one_point_zero_stays_the_default() -> None:
    """Existing callers get exactly what they got before: 1.0 names, records, codelists."""
    assert SCHEMA_VERSIONS == ("1", "2")
    assert schema_names() == schema_names("1")
    assert "activity" in schema_names()
    assert "figure" not in schema_names()
    assert "activity" in RECORD_SCHEMAS
    assert "figure" not in RECORD_SCHEMAS
    assert load_schema("dataset")["$id"] == f"{BASE_URI}dataset.schema.json"
    assert "activity_kinds" in codelists()
    assert "figure_kinds" not in codelists()
    assert validator_for("dataset") is validator_for("dataset", "1")


def test_two_point_zero_is_served_on_request() -> None:
    """version="2" serves the 2.0 schemas, record table and codelists."""
    assert load_schema("figure", "2")["$id"] == f"{V2_BASE_URI}figure.schema.json"
    assert codelist("figure_kinds", "2").get("tips_provided") is not None
    assert validator_for("figure", "2") is validator_for("figure", "2")
    for schema in V2_RECORD_SCHEMAS.values():
        assert schema in NAMES
    record_types = {c.code for c in codelist("record_types", "2")}
    assert set(V2_RECORD_SCHEMAS) == record_types


def test_unknown_names_and_versions_fail_closed() -> None:
    """A name of the other version, an unknown version, a remote $ref: all refused, offline."""
    with pytest.raises(SchemaNotFoundError, match="version 2"):
        load_schema("activity", "2")
    with pytest.raises(SchemaNotFoundError):
        load_schema("figure")
    with pytest.raises(ValueError, match="no schema version"):
        schema_names("3")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no schema version"):
        codelists("3")  # type: ignore[arg-type]
    probe = {"$id": f"{V2_BASE_URI}probe.json", "$ref": "https://example.com/x.schema.json"}
    with pytest.raises(referencing.exceptions.Unresolvable):
        Draft202012Validator(probe, registry=registry()).validate({})


def test_every_v2_schema_is_listed_and_matches_the_source_tree() -> None:
    """The package ships exactly the files of schemas/v2/."""
    files = sorted(p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json"))
    assert list(NAMES) == files
    expected = {"common", "dataset", "record", *V2_RECORD_SCHEMAS.values()}
    assert set(files) == expected
    for name in files:
        on_disk = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert load_schema(name, "2") == on_disk


# ------------------------------------------------------------------ the schemas' conventions


@pytest.mark.parametrize("name", NAMES)
def test_schema_passes_the_draft_2020_12_metaschema(name: str) -> None:
    """Every 2.0 schema is valid Draft 2020-12 with its /v2/ $id."""
    schema = load_schema(name, "2")
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"{V2_BASE_URI}{name}.schema.json"


@pytest.mark.parametrize("name", NAMES)
def test_patterns_are_portable_and_only_date_is_claimed(name: str) -> None:
    r"""No \d, \w or $ in patterns; no format but date; numbers capped at 2^53 - 1."""
    for path, node in _walk(load_schema(name, "2")):
        pattern = node.get("pattern")
        if isinstance(pattern, str):
            assert "\\d" not in pattern, path
            assert "\\w" not in pattern, path
            assert re.search(r"(?<!\\)\$", pattern) is None, path
            re.compile(pattern)
        if isinstance(node.get("format"), str):
            assert node["format"] == "date", path
        if node.get("type") in ("integer", "number"):
            assert node.get("maximum", MAX_SAFE + 1) <= MAX_SAFE, path


@pytest.mark.parametrize("name", NAMES)
def test_every_property_has_english_and_vietnamese_titles(name: str) -> None:
    """Labels in both languages on every property (bare discriminators aside)."""
    for path, node in _walk(load_schema(name, "2")):
        properties = node.get("properties")
        if not isinstance(properties, dict) or node.get("type") != "object":
            continue  # a constraint on another definition's properties (if/then/else ...)
        for prop_name, prop in properties.items():
            if not isinstance(prop, dict) or set(prop) <= {"const", "enum", "x-codelist"}:
                continue
            assert prop.get("title"), f"{name}:{path}/properties/{prop_name}"
            assert prop.get("x-title-vi"), f"{name}:{path}/properties/{prop_name}"


# Objects whose "properties" only dispatch on a discriminator (closed by their branches).
_DISPATCHERS = {("record", ""), ("common", "/$defs/period")}


@pytest.mark.parametrize("name", NAMES)
def test_objects_are_closed_and_lists_non_empty(name: str) -> None:
    """additionalProperties: false on every object with properties; lists have minItems."""
    for path, node in _walk(load_schema(name, "2")):
        if path.endswith(("/properties", "/$defs")):
            continue
        if "properties" in node and node.get("type") == "object":
            if (name, path) in _DISPATCHERS:
                continue
            assert node.get("additionalProperties") is False, f"{name}:{path}"
        if node.get("type") == "array" and (name, path) != ("dataset", "/properties/records"):
            assert node.get("minItems", 0) >= 1, f"{name}:{path}"


def test_every_record_has_id_type_description_sources_and_extensions() -> None:
    """The design's common record properties, on every record type."""
    for record_type, name in V2_RECORD_SCHEMAS.items():
        schema = load_schema(name, "2")
        assert schema["properties"]["type"]["const"] == record_type
        assert {"id", "type"} <= set(schema["required"])
        assert {"description", "sources", "extensions"} <= set(schema["properties"])


# ------------------------------------------------------------------ codelists


CODELISTS = codelists("2")
_BARE = re.compile(load_schema("common", "2")["$defs"]["bare_code"]["pattern"])


def test_codelists_have_labels_and_built_in_codes() -> None:
    """Every code has a Vietnamese and an English label and is a bare (built-in) code."""
    assert len(CODELISTS) >= 40
    for name, found in CODELISTS.items():
        assert found.title_vi.strip()
        assert found.title_en.strip()
        assert found.description
        assert len(found) > 0, name
        for code in found:
            assert _BARE.match(code.code), (name, code.code)
            assert code.vi.strip(), (name, code.code)
            assert code.en.strip(), (name, code.code)
            assert "`" not in code.vi + code.en, (name, code.code)


def test_codelist_files_are_named_after_their_lists() -> None:
    """schemas/v2/codelists/figure-kinds.json holds figure_kinds."""
    for path in (SCHEMA_DIR / "codelists").glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert path.stem == doc["name"].replace("_", "-")


def _codelist_uses() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for name in NAMES:
        for path, node in _walk(load_schema(name, "2")):
            if isinstance(node.get("x-codelist"), str):
                yield f"{name}:{path}", node["x-codelist"], node


def test_schemas_name_only_existing_codelists_and_closed_lists_are_enums() -> None:
    """x-codelist names a 2.0 codelist; a closed list is an enum (the list itself, or a
    documented subset), an open list is the open code pattern."""
    exact: set[str] = set()
    for where, name, node in _codelist_uses():
        assert name in CODELISTS, where
        found = CODELISTS[name]
        values = node.get("enum") or node.get("items", {}).get("enum")
        if values is not None:
            assert set(values) <= {c.code for c in found}, where
            if list(values) == [c.code for c in found]:
                exact.add(name)
        else:
            assert not found.closed, f"{where}: closed list {name} without enum"
            assert node["$ref"].endswith(("/code", "/codes")), where
    closed = {n for n, c in CODELISTS.items() if c.closed}
    # record_types is the record schema's discriminator enum (checked above).
    assert closed - exact == set(), closed - exact


def test_vocabulary_extends_exactly_the_open_codelists() -> None:
    """A dataset may declare codes for every open list and for no closed one."""
    defs = load_schema("common", "2")["$defs"]
    allowed = set(defs["vocabulary_code"]["properties"]["codelist"]["enum"])
    assert allowed == {n for n, c in CODELISTS.items() if not c.closed}


def test_catalogue_columns_are_consistent() -> None:
    """Figure kinds carry a class and known usual units; units carry a known dimension;
    assessment outcomes name the schemes that use them and the schemes name them back."""
    units = {c.code for c in CODELISTS["units"]}
    classes = {c.code for c in CODELISTS["figure_classes"]}
    dimensions = {c.code for c in CODELISTS["unit_dimensions"]}
    for kind in CODELISTS["figure_kinds"]:
        assert kind.extra["class"] in classes, kind.code
        assert set(kind.extra.get("units", [])) <= units, kind.code
    for unit in CODELISTS["units"]:
        assert unit.extra["dimension"] in dimensions, unit.code
    assert CODELISTS["units"].get("unstated").extra["dimension"] == "unknown"  # type: ignore[union-attr]
    schemes = {c.code: c for c in CODELISTS["assessment_schemes"]}
    for outcome in CODELISTS["assessment_outcomes"]:
        for scheme in outcome.extra["schemes"]:
            assert outcome.code in schemes[scheme].extra["outcomes"]


def test_one_point_zero_codes_survive_in_two_point_zero() -> None:
    """Every 1.0 code of a list kept in 2.0 is still there (the upgrade keeps codes)."""
    kept = {
        "units": "units",
        "target_groups": "target_groups",
        "organisation_kinds": "organisation_kinds",
        "model_types": "model_types",
        "source_kinds": "source_kinds",
        "precisions": "precisions",
        "frequencies": "frequencies",
        "area_levels": "area_levels",
        "organisation_levels": "organisation_levels",
        "period_kinds": "period_kinds",
        "agreement_kinds": "document_kinds",
    }
    for old, new in kept.items():
        assert {c.code for c in codelist(old)} <= {c.code for c in CODELISTS[new]}, old
    kinds = {c.code for c in CODELISTS["figure_kinds"]}
    merged = {c.code for c in codelist("activity_kinds")} | {
        c.code for c in codelist("outcome_kinds")
    }
    renamed = {"other", "model_launch", "models_built", "model_replication", "model_consolidation"}
    assert merged - renamed <= kinds


# ------------------------------------------------------------------ the design's rules


FIGURE = {
    "id": "f",
    "type": "figure",
    "kind": "tips_provided",
    "period": {"kind": "unstated"},
    "quantity": {"value": 13, "unit": "tip"},
}


def _figure(**changes: Any) -> dict[str, Any]:
    return FIGURE | changes


def _q(**quantity: Any) -> dict[str, Any]:
    return _figure(quantity=quantity)


VALID_FIGURES = [
    pytest.param(_figure(), id="plain"),
    pytest.param(_q(unit="case", precision="vague", magnitude="many"), id="vague"),
    pytest.param(_q(value=3, upper=5, precision="range", unit="case"), id="range"),
    pytest.param(_q(value=90, unit="percent", base_unit="household"), id="percent-base"),
    pytest.param(_q(value=3, denominator=52, unit="unit"), id="ratio"),
    pytest.param(_q(value=4, unit="item", classifier="khau", counted=["gun"]), id="classifier"),
    pytest.param(_q(value=468281, unit="unstated"), id="unit-unstated"),
    pytest.param(_figure(kind="daknong:coffee_watch"), id="namespaced"),
    pytest.param(_figure(kind="org.example:coffee_watch"), id="dotted-namespace"),
    pytest.param(
        _figure(actors=[{"role": "provider", "group": "general_public"}]), id="actor-group"
    ),
    pytest.param(
        _figure(actors=[{"role": "receiver", "as_written": "cơ quan chức năng"}]),
        id="actor-words-only",
    ),
    pytest.param(_figure(links=[{"rel": "part_of", "to": "g"}]), id="link"),
    pytest.param(_figure(links=[{"rel": "achieved_by", "to": ["g", "h"]}]), id="link-list"),
    pytest.param(_figure(period={"kind": "open", "start": "2023-01-01"}), id="open"),
    pytest.param(
        _figure(
            period={"kind": "duration", "length": {"value": 10, "unit": "year"}, "inferred": True}
        ),
        id="duration",
    ),
    pytest.param(
        _figure(
            period={
                "kind": "composite",
                "parts": [
                    {"kind": "interval", "start": "2018-01-01", "end": "2018-12-31"},
                    {"kind": "interval", "start": "2019-01-01", "end": "2019-08-31"},
                ],
            }
        ),
        id="composite",
    ),
    pytest.param(
        _figure(period={"kind": "recurring", "frequency": "on_occasions"}), id="on-occasions"
    ),
    pytest.param(_figure(lifecycle=["new", "consolidated"]), id="lifecycle"),
]

INVALID_FIGURES = [
    pytest.param(_figure(bogus=1), id="unknown-property"),
    pytest.param(_figure(part_of="g"), id="1.0-part_of"),
    pytest.param(_q(unit="case", precision="vague"), id="vague-without-magnitude"),
    pytest.param(_q(value=3, unit="case", precision="vague", magnitude="many"), id="vague-value"),
    pytest.param(_q(unit="case", upper=9, precision="vague", magnitude="many"), id="vague-upper"),
    pytest.param(_q(unit="case"), id="no-value-not-vague"),
    pytest.param(_q(value=3, unit="case", magnitude="many"), id="magnitude-not-vague"),
    pytest.param(_q(value=3, unit="case", precision="range"), id="range-without-upper"),
    pytest.param(_q(value=3, upper=5, unit="case"), id="upper-without-range"),
    pytest.param(_q(value=3, unit="household", base_unit="household"), id="base-not-percent"),
    pytest.param(_q(value=2**53, unit="case"), id="beyond-2^53-1"),
    pytest.param(_q(value=3, unit="case", counted=[]), id="empty-counted"),
    pytest.param(_q(value=3, unit="case", counted=["gun", "gun"]), id="repeated-counted"),
    pytest.param(_figure(kind="Daknong:x"), id="upper-case-code"),
    pytest.param(_figure(kind="a:b:c"), id="two-colons"),
    pytest.param(_figure(kind="x-" + "a"), id="x-prefix"),
    pytest.param(_figure(kind="a" * 65), id="code-too-long"),
    pytest.param(
        _figure(actors=[{"role": "provider", "organisation": "o", "person": "p"}]),
        id="actor-two-parties",
    ),
    pytest.param(
        _figure(actors=[{"role": "provider", "group": "general_public", "area": "a"}]),
        id="actor-group-and-area",
    ),
    pytest.param(_figure(actors=[{"role": "provider"}]), id="actor-nobody"),
    pytest.param(_figure(actors=[{"organisation": "o"}]), id="actor-without-role"),
    pytest.param(_figure(links=[{"rel": "part_of"}]), id="link-without-to"),
    pytest.param(_figure(links=[{"rel": "part_of", "to": ["g", "h"]}]), id="link-list-part_of"),
    pytest.param(_figure(links=[{"rel": "sums", "to": "g"}]), id="link-unknown-rel"),
    pytest.param(
        _figure(period={"kind": "open", "start": "2023-01-01", "end": "2023-02-01"}),
        id="open-with-end",
    ),
    pytest.param(_figure(period={"kind": "open"}), id="open-without-start"),
    pytest.param(
        _figure(period={"kind": "composite", "parts": [{"kind": "unstated"}]}),
        id="composite-one-part",
    ),
    pytest.param(
        _figure(period={"kind": "duration", "length": {"value": 10, "unit": "week"}}),
        id="duration-in-weeks",
    ),
    pytest.param(_figure(period={"kind": "as_of"}), id="as-of-nothing"),
    pytest.param(_figure(period={"kind": "unstated", "inferred": "yes"}), id="inferred-text"),
    pytest.param(_figure(lifecycle=["grown"]), id="lifecycle-closed"),
    pytest.param(_figure(sources=[{"source": "s", "part": "footer"}]), id="citation-part-closed"),
]


@pytest.mark.parametrize("record", VALID_FIGURES)
def test_figures_the_design_allows(record: dict[str, Any]) -> None:
    """Each shape of the design validates."""
    errors = list(validator_for("record", "2").iter_errors(record))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize("record", INVALID_FIGURES)
def test_figures_the_design_refuses(record: dict[str, Any]) -> None:
    """Each conditional rule of the design refuses its counter-example."""
    assert not validator_for("record", "2").is_valid(record)


def _rec(record_type: str, **fields: Any) -> dict[str, Any]:
    return {"id": "r", "type": record_type, **fields}


PERIOD = {"kind": "unstated"}
OTHER_VALID = [
    pytest.param(_rec("area", name="Vùng Tây Bắc", kind="region"), id="area-region-no-level"),
    pytest.param(_rec("area", name="giáo họ", kind="religious_unit", also_within=["p", "v"])),
    pytest.param(_rec("person", name="Nguyễn Văn A", positions=[{"title_as_written": "Đại tá"}])),
    pytest.param(_rec("document", kind="circular", symbol_variants=[{"as_written": "TT 124"}])),
    pytest.param(_rec("model_instance", model_type="mt"), id="instance-without-area"),
    pytest.param(
        _rec(
            "model_instance",
            model_type="mt",
            meetings={"kind": "recurring", "frequency": "monthly"},
        )
    ),
    pytest.param(_rec("event", kinds=["festival", "review_conference"], period=PERIOD)),
    pytest.param(
        _rec(
            "award",
            forms=["certificate_of_merit"],
            issuers=[{"role": "issuer", "organisation": "o"}],
            presenters=[{"role": "presenter", "person": "p", "delegated": True}],
            recipients=[{"kind": "collective", "quantity": {"value": 17, "unit": "group"}}],
        ),
        id="award",
    ),
    pytest.param(
        _rec("assessment", scheme="safe_antt", period=PERIOD, results=[{"outcome": "passed"}])
    ),
    pytest.param(
        _rec(
            "plan",
            goal="reach_assessment",
            period=PERIOD,
            target={"scheme": "typical_commune", "outcome": "typical"},
        ),
        id="plan-target-assessment",
    ),
    pytest.param(
        _rec("source", kind="article", title="t", published="2023-08", retrieved="2017"),
        id="source-partial-dates",
    ),
]
OTHER_INVALID = [
    pytest.param(_rec("activity", kind="patrol", period=PERIOD), id="1.0-record-type"),
    pytest.param(_rec("area", name="xã A"), id="administrative-without-level"),
    pytest.param(_rec("area", name="xã A", level="commune", code="15178"), id="code-no-list"),
    pytest.param(_rec("area", name="x", kind="site", features=["volcanic"]), id="feature-closed"),
    pytest.param(_rec("person", name="A", positions=[{"rank_as_written": "Đại tá"}])),
    pytest.param(_rec("document", kind="circular", title="1.0 title"), id="document-title"),
    pytest.param(_rec("event", kinds=[], period=PERIOD), id="event-no-kinds"),
    pytest.param(_rec("event", kinds=["festival"], period=PERIOD, venue={"area": "a"})),
    pytest.param(
        _rec("award", forms=["title"], issuers=[{"role": "presenter", "organisation": "o"}]),
        id="issuer-with-other-role",
    ),
    pytest.param(
        _rec("award", forms=["title"], recipients=[{"kind": "team"}]), id="recipient-kind-closed"
    ),
    pytest.param(
        _rec(
            "award",
            forms=["title"],
            recipients=[{"kind": "individual", "person": "p", "area": "a"}],
        ),
        id="recipient-two-parties",
    ),
    pytest.param(_rec("assessment", scheme="safe_antt", period=PERIOD), id="no-results"),
    pytest.param(
        _rec(
            "plan",
            goal="figure_target",
            period=PERIOD,
            target={"scheme": "typical_commune", "kind": "tips_provided"},
        ),
        id="plan-target-mixed",
    ),
    pytest.param(_rec("plan", goal="other", period=PERIOD, status="someday"), id="plan-status"),
    pytest.param(_rec("source", kind="article", title="t", published="2023-13"), id="month-13"),
    pytest.param(_rec("source", kind="article", title="t", coverage="half")),
]


@pytest.mark.parametrize("record", OTHER_VALID)
def test_other_records_the_design_allows(record: dict[str, Any]) -> None:
    """A valid instance of each record type and of its new shapes."""
    errors = list(validator_for("record", "2").iter_errors(record))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize("record", OTHER_INVALID)
def test_other_records_the_design_refuses(record: dict[str, Any]) -> None:
    """Closed enums, required parts and exclusive choices of the other record types."""
    assert not validator_for("record", "2").is_valid(record)


DATASET = {
    "type": "dataset",
    "id": "d",
    "schema_version": "2.0",
    "title": "t",
    "publisher": {"name": "p"},
    "records": [],
}


@pytest.mark.parametrize(
    ("changes", "valid"),
    [
        ({}, True),
        ({"schema_version": "1.0"}, False),
        ({"schema_version": "2.0\n"}, False),
        (
            {
                "vocabulary": {
                    "namespace": "daknong",
                    "codes": [
                        {
                            "codelist": "units",
                            "code": "daknong:bao",
                            "vi": "bao",
                            "dimension": "count",
                        },
                        {
                            "codelist": "figure_kinds",
                            "code": "daknong:coffee_thefts_prevented",
                            "vi": "Vụ trộm cà phê được ngăn chặn",
                            "class": "outcome",
                            "units": ["case"],
                        },
                    ],
                }
            },
            True,
        ),
        (
            {
                "vocabulary": {
                    "namespace": "daknong",
                    "codes": [{"codelist": "units", "code": "daknong:bao", "vi": "bao"}],
                }
            },
            False,
        ),
        (
            {
                "vocabulary": {
                    "namespace": "daknong",
                    "codes": [{"codelist": "roles", "code": "watcher", "vi": "x"}],
                }
            },
            False,
        ),
        (
            {
                "vocabulary": {
                    "namespace": "daknong",
                    "codes": [{"codelist": "precisions", "code": "daknong:x", "vi": "x"}],
                }
            },
            False,
        ),
        (
            {
                "vocabulary": {
                    "namespace": "daknong",
                    "codes": [
                        {"codelist": "roles", "code": "daknong:x", "vi": "x", "class": "outcome"}
                    ],
                }
            },
            False,
        ),
        (
            {
                "vocabulary": {
                    "namespace": "daknong",
                    "codes": [{"codelist": "roles", "code": "daknong:x"}],
                }
            },
            False,
        ),
    ],
)
def test_dataset_version_and_vocabulary(changes: dict[str, Any], valid: bool) -> None:
    """schema_version 2.x; vocabulary codes are namespaced, labelled, in an open list, and
    a unit declares its dimension."""
    assert validator_for("dataset", "2").is_valid(DATASET | changes) is valid


# ------------------------------------------------------------------ the design's examples


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_every_corpus_report_has_its_example() -> None:
    """examples/corpus holds the 27 corpus reports, R01 to R27, as 2.0 datasets."""
    assert [p.parent.name[:3] for p in EXAMPLES] == [f"R{n:02d}" for n in range(1, 28)]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name[:3])
def test_design_examples_validate_with_no_error(path: Path) -> None:
    """Each worked encoding is a valid 2.0 dataset (and not a valid 1.0 one)."""
    document = _load(path)
    errors = list(validator_for("dataset", "2").iter_errors(document))
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    assert not validator_for("dataset").is_valid(document)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name[:3])
def test_design_examples_validate_with_plain_jsonschema(path: Path) -> None:
    """No antt code involved: the repository's v2 files and the jsonschema package alone."""
    resources = []
    for schema_path in SCHEMA_DIR.glob("*.schema.json"):
        contents = json.loads(schema_path.read_text(encoding="utf-8"))
        resources.append(
            (contents["$id"], referencing.Resource.from_contents(contents, DRAFT202012))
        )
    plain: referencing.Registry[Any] = referencing.Registry().with_resources(resources)
    dataset_schema = json.loads((SCHEMA_DIR / "dataset.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(
        _load(path),
        dataset_schema,
        cls=Draft202012Validator,
        registry=plain,
        format_checker=FormatChecker(),
    )


def _codelist_checker(declared: dict[str, set[str]]) -> type[Draft202012Validator]:
    """A validator that also checks every x-codelist value against the 2.0 catalogue and the
    dataset's own vocabulary."""

    def check(_validator: Any, name: str, instance: Any, _schema: Any) -> Iterator[ValidationError]:
        values = instance if isinstance(instance, list) else [instance]
        known = {c.code for c in CODELISTS[name]} | declared.get(name, set())
        for value in values:
            if isinstance(value, str) and value not in known:
                yield ValidationError(f"{value!r} is not a code of {name}")

    checker: type[Draft202012Validator] = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"x-codelist": check}
    )
    return checker


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name[:3])
def test_design_examples_use_catalogue_or_declared_codes(path: Path) -> None:
    """Every code in an example is in the 2.0 codelists or declared in its vocabulary."""
    document = _load(path)
    declared: dict[str, set[str]] = {}
    for entry in document.get("vocabulary", {}).get("codes", []):
        declared.setdefault(entry["codelist"], set()).add(entry["code"])
    cls = _codelist_checker(declared)
    validator = cls(
        load_schema("dataset", "2"), registry=registry(), format_checker=FormatChecker()
    )
    errors = list(validator.iter_errors(document))
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_the_codelist_check_can_fail() -> None:
    """The catalogue check above refuses a code that no list or vocabulary has."""
    cls = _codelist_checker({})
    validator = cls(load_schema("figure", "2"), registry=registry())
    bad = _figure(kind="daknong:coffee_watch")
    assert [e.message for e in validator.iter_errors(bad)] == [
        "'daknong:coffee_watch' is not a code of figure_kinds"
    ]
    good = cls(load_schema("figure", "2"), registry=registry())
    assert good.is_valid(_figure())
    declared = _codelist_checker({"figure_kinds": {"daknong:coffee_watch"}})
    assert declared(load_schema("figure", "2"), registry=registry()).is_valid(bad)
