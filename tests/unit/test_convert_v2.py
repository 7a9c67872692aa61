"""The 2.0 converter: every corpus dataset round-trips to the identical JSON value, generated
2.0 values survive model -> JSON -> model, and bad input is a ConversionError with a pointer."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antt_domain.convert import ConversionError
from antt_domain.convert.v2 import structure_dataset, structure_record, unstructure
from antt_domain.model import v2

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "examples" / "corpus").glob("R*/dataset.json"))


def test_the_corpus_is_there() -> None:
    """The round trip below runs over all 27 encoded reports, not over none."""
    assert len(CORPUS) == 27


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.parent.name)
def test_corpus_dataset_round_trips_to_the_identical_json(path: Path) -> None:
    """structure then unstructure gives back exactly the file's JSON value (lossless)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    dataset = structure_dataset(document)
    assert isinstance(dataset, v2.Dataset)
    assert len(dataset) == len(document["records"])
    assert unstructure(dataset) == document
    # And once more through the objects: the canonical form is a fixed point.
    assert structure_dataset(unstructure(dataset)) == dataset


def test_numbers_and_tags_keep_their_json_form() -> None:
    """1838 stays an int, a composite period writes its parts with their kinds, a link list
    stays a list, a vocabulary code's class keeps its JSON name."""
    figure = v2.Figure(
        id="f",
        kind="tips_provided",
        quantity=v2.Quantity(value=1838, unit="tip"),
        period=v2.Composite(parts=(v2.Interval.year(2018), v2.Open(start=date(2019, 1, 1)))),
        links=(v2.Link(rel=v2.LinkRelation.ACHIEVED_BY, to=("a", "b")),),
    )
    body = unstructure(figure)
    assert body["type"] == "figure"
    assert isinstance(body["quantity"]["value"], int)
    assert [p["kind"] for p in body["period"]["parts"]] == ["interval", "open"]
    assert body["links"] == [{"rel": "achieved_by", "to": ["a", "b"]}]
    assert structure_record(body) == figure
    code = v2.VocabularyCode(
        codelist="figure_kinds",
        code="x:watch",
        vi="Tổ canh gác",
        figure_class=v2.FigureClass.CAPACITY,
    )
    assert unstructure(code)["class"] == "capacity"


@pytest.mark.parametrize(
    ("value", "pointer", "words"),
    [
        ({"quantity": {"unit": "case", "precision": "vague"}}, "/quantity/magnitude", "magnitude"),
        ({"quantity": {"unit": "case", "value": True}}, "/quantity/value", "not a number"),
        ({"period": {"kind": "someday"}}, "/period", "someday"),
        ({"colour": "red"}, "/colour", "unknown property"),
        ({"lifecycle": ["born"]}, "/lifecycle", "born"),
        ({"links": [{"rel": "part_of", "to": ["a", "b"]}]}, "/links/0/to", "one figure"),
        ({"actors": [{"role": "organiser"}]}, "/actors/0/as_written", "words"),
        (
            {"period": {"kind": "duration", "length": {"value": 1, "unit": "week"}}},
            "/period/length/unit",
            "week",
        ),
        (
            {"period": {"kind": "unstated", "inferred": "yes"}},
            "/period/inferred",
            "true or false",
        ),
    ],
)
def test_structuring_errors_say_where(value: dict[str, Any], pointer: str, words: str) -> None:
    """Every failure is a ConversionError with a JSON pointer, never a half-built object."""
    document = {"id": "f", "type": "figure", "kind": "other", "period": {"kind": "unstated"}}
    with pytest.raises(ConversionError) as caught:
        structure_record({**document, **value})
    assert pointer in [p.pointer for p in caught.value.problems], caught.value.problems
    assert words in str(caught.value)


def test_unknown_types_and_bad_documents_are_refused() -> None:
    """The type chooses the class; 1.0 types and non-objects are refused."""
    with pytest.raises(ConversionError, match="unknown tag"):
        structure_record({"id": "a", "type": "activity"})
    with pytest.raises(ConversionError):
        structure_record(["not", "a", "record"])
    with pytest.raises(ConversionError):
        structure_dataset({"type": "record"})
    with pytest.raises(ConversionError):
        structure_dataset([])
    with pytest.raises(ConversionError, match="major version"):
        structure_dataset(
            {"id": "d", "title": "t", "publisher": {"name": "p"}, "schema_version": "1.0"}
        )
    with pytest.raises(ConversionError, match="YYYY-MM"):
        structure_record({"id": "s", "type": "source", "kind": "x", "title": "t", "published": 5})


# ---------------------------------------------------------------------------------------------
# Generated 2.0 values: model -> JSON -> model gives back an equal object.
# ---------------------------------------------------------------------------------------------

ids = st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)
codes = st.from_regex(r"([a-z]{1,4}:)?[a-z][a-z0-9_]{0,8}", fullmatch=True)
texts = st.text(min_size=1, max_size=12).filter(lambda t: t.strip() != "")
numbers = st.integers(min_value=0, max_value=2**53 - 1) | st.floats(
    min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
optional_texts = st.none() | texts


@st.composite
def quantities(draw: st.DrawFn) -> v2.Quantity:
    precision = draw(st.sampled_from(v2.Precision))
    unit = draw(st.sampled_from(["case", "percent", "person", "x:team"]))
    common: dict[str, Any] = {
        "unit": unit,
        "precision": precision,
        "classifier": draw(st.none() | codes),
        "counted": tuple(draw(st.lists(codes, max_size=2, unique=True))),
        "as_written": draw(optional_texts),
        "base_as_written": draw(optional_texts),
        "denominator": draw(st.none() | st.integers(min_value=1, max_value=10**6)),
        "base_unit": draw(st.none() | codes) if unit == "percent" else None,
    }
    if precision is v2.Precision.VAGUE:
        return v2.Quantity(magnitude=draw(st.sampled_from(v2.VagueMagnitude)), **common)
    value = draw(numbers)
    if precision == "range":  # the upper bound stays a safe integer (2**53 - 1) too
        value = min(value, 2**53 - 1 - 100)
    upper = value + draw(st.integers(min_value=1, max_value=100)) if precision == "range" else None
    return v2.Quantity(value=value, upper=upper, **common)


def _ordered(pair: tuple[date, date]) -> tuple[date, date]:
    return (min(pair), max(pair))


_flags: dict[str, Any] = {"as_written": optional_texts, "inferred": st.booleans()}
_flags["basis"] = optional_texts

intervals = (
    st.tuples(days, days)
    .map(_ordered)
    .flatmap(lambda p: st.builds(v2.Interval, start=st.just(p[0]), end=st.just(p[1]), **_flags))
)
simple_periods = st.one_of(
    intervals,
    st.builds(v2.AsOf, date=days, **_flags),
    st.builds(v2.Open, start=days, **_flags),
    st.builds(v2.Recurring, frequency=st.sampled_from(v2.Frequency), **_flags),
    st.builds(
        v2.Duration,
        length=st.builds(
            v2.Length,
            value=st.integers(min_value=0, max_value=50),
            unit=st.sampled_from(v2.LengthUnit),
            precision=st.sampled_from([v2.Precision.EXACT, v2.Precision.MORE_THAN]),
        ),
        consecutive=st.booleans(),
        **_flags,
    ),
    st.builds(v2.Unstated, **_flags),
)
periods = simple_periods | st.builds(
    v2.Composite, parts=st.lists(simple_periods, min_size=2, max_size=3).map(tuple), **_flags
)
citations = st.builds(
    v2.Citation,
    source=ids,
    locator=optional_texts,
    part=st.none() | st.sampled_from(v2.CitationPart),
)
actors = st.builds(
    v2.Actor,
    role=codes,
    organisation=st.none() | ids,
    as_written=texts,
    delegated=st.booleans(),
    sources=st.lists(citations, max_size=2, unique=True).map(tuple),
)
links = st.one_of(
    st.builds(v2.Link, rel=st.sampled_from(v2.LinkRelation), to=ids),
    st.builds(
        v2.Link,
        rel=st.sampled_from([v2.LinkRelation.ACHIEVED_BY, v2.LinkRelation.PLACES_OF]),
        to=st.lists(ids, min_size=1, max_size=3, unique=True).map(tuple),
        certainty=st.sampled_from(v2.LinkCertainty),
    ),
)
figures = st.builds(
    v2.Figure,
    id=ids,
    kind=codes,
    quantity=st.none() | quantities(),
    period=periods,
    lifecycle=st.lists(st.sampled_from(v2.LifecycleStage), max_size=2).map(tuple),
    actors=st.lists(actors, max_size=2, unique=True).map(tuple),
    links=st.lists(links, max_size=2, unique=True).map(tuple),
    participants=st.none() | quantities(),
    sources=st.lists(citations, max_size=2, unique=True).map(tuple),
)
partial_dates = st.one_of(
    st.builds(v2.PartialDate, year=st.integers(1900, 2100)),
    st.builds(v2.PartialDate, year=st.integers(1900, 2100), month=st.integers(1, 12)),
    days.map(lambda d: v2.PartialDate(year=d.year, month=d.month, day=d.day)),
)
sources = st.builds(
    v2.Source,
    id=ids,
    kind=codes,
    title=texts,
    published=st.none() | partial_dates,
    retrieved=st.none() | partial_dates,
    coverage=st.none() | st.sampled_from(v2.SourceCoverage),
)
awards = st.builds(
    v2.Award,
    id=ids,
    forms=st.lists(codes, min_size=1, max_size=2, unique=True).map(tuple),
    issuers=st.lists(
        st.builds(v2.Actor, role=st.just("issuer"), as_written=texts), max_size=2, unique=True
    ).map(tuple),
    recipients=st.lists(
        st.builds(
            v2.Recipient,
            kind=st.sampled_from(v2.RecipientKind),
            quantity=st.none() | quantities(),
            person=st.none() | ids,
        ),
        max_size=2,
    ).map(tuple),
    period=st.none() | periods,
)


@settings(max_examples=60, deadline=None)
@given(value=st.one_of(quantities(), periods, actors, links, citations))
def test_generated_values_round_trip(value: Any) -> None:
    """Quantities, the seven period kinds, actors, links and citations survive JSON."""
    body = unstructure(value)
    json.dumps(body)  # plain JSON
    from antt_domain.convert._converter_v2 import converter  # noqa: PLC0415 - the raw converter

    cls = v2.Period if type(value) in v2.PERIOD_CLASSES else type(value)
    assert converter.structure(body, cls) == value


@settings(max_examples=40, deadline=None)
@given(record=st.one_of(figures, sources, awards))
def test_generated_records_round_trip(record: Any) -> None:
    """Figures, sources and awards survive model -> JSON -> model, and JSON is canonical."""
    body = unstructure(record)
    assert json.loads(json.dumps(body)) == body
    again = structure_record(body)
    assert again == record
    assert unstructure(again) == body
