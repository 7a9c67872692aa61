"""Hypothesis strategies for model objects, built from the model's own rules.

They produce every shape the model accepts (all period kinds, every precision, breakdowns,
extensions, Vietnamese text), so that the property tests can show each one unstructures to JSON
the schemas accept.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from antt_domain.model import (
    Activity,
    Agreement,
    AgreementKind,
    Area,
    AreaLevel,
    AsOf,
    Citation,
    Dataset,
    Frequency,
    Interval,
    ModelInstance,
    ModelType,
    Organisation,
    OrganisationLevel,
    Outcome,
    Precision,
    Publisher,
    Quantity,
    Recurring,
    Source,
    Unstated,
)

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,20}", fullmatch=True)
codes = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)
vietnamese = st.sampled_from(
    ["Cẩm Thuỷ", "Cẩm Thủy", "Uỷ ban MTTQ", "những năm qua", "đến nay", "hơn 300", "Ðoàn"]
)
texts = vietnamese | st.text(min_size=1, max_size=30).filter(lambda t: t.strip() != "")
dates = st.dates(min_value=date(1945, 9, 2), max_value=date(2100, 12, 31))
counts = st.integers(min_value=0, max_value=10**12)
decimals = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
numbers = counts | decimals


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _unique(strategy: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[Any]:
    return st.lists(strategy, max_size=max_size, unique=True).map(tuple)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    """Any interval (start ≤ end)."""
    start = draw(dates)
    end = start + timedelta(days=draw(st.integers(min_value=0, max_value=3000)))
    return Interval(start=start, end=end, as_written=draw(_optional(texts)))


@st.composite
def recurring(draw: st.DrawFn) -> Recurring:
    """Any recurring period."""
    start = draw(_optional(dates))
    end = None if start is None else draw(_optional(st.just(start + timedelta(days=365))))
    return Recurring(
        frequency=draw(st.sampled_from(Frequency)),
        start=start,
        end=end,
        as_written=draw(_optional(texts)),
    )


as_ofs = st.builds(AsOf, date=dates, as_written=_optional(texts)) | st.builds(
    AsOf, as_written=texts
)
periods = intervals() | as_ofs | recurring() | st.builds(Unstated, as_written=_optional(texts))


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    """Any quantity: every precision, ranges, ratios, percentages."""
    precision = draw(st.sampled_from(Precision))
    value = draw(numbers)
    upper = (
        value + draw(st.integers(min_value=1, max_value=1000))
        if precision is Precision.RANGE
        else None
    )
    percent = draw(st.booleans())
    return Quantity(
        value=value,
        unit="percent" if percent else draw(codes),
        precision=precision,
        upper=upper,
        denominator=draw(_optional(st.integers(min_value=1, max_value=10**6))),
        base_unit=draw(_optional(codes)) if percent else None,
        as_written=draw(_optional(texts)),
    )


citations = _unique(st.builds(Citation, source=ids, locator=_optional(texts)))
extensions = st.dictionaries(
    st.from_regex(r"[a-z][a-z0-9_.-]{0,10}", fullmatch=True),
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers(min_value=-(2**53 - 1), max_value=2**53 - 1)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=10),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=5,
    ),
    max_size=2,
)


def _common() -> dict[str, Any]:
    return {"id": ids, "description": _optional(texts), "extensions": extensions}


@st.composite
def validity(draw: st.DrawFn) -> dict[str, Any]:
    """valid_from strictly before valid_to, either may be absent."""
    start = draw(_optional(dates))
    end = draw(_optional(dates))
    if start is not None and end is not None and end <= start:
        end = start + timedelta(days=1)
    return {"valid_from": start, "valid_to": end}


@st.composite
def areas(draw: st.DrawFn) -> Area:
    """Any area."""
    record_id = draw(ids)
    code = draw(_optional(st.from_regex(r"[0-9]{2,5}", fullmatch=True)))
    parent = draw(_optional(ids.filter(lambda p: p != record_id)))
    return Area(
        id=record_id,
        name=draw(texts),
        level=draw(st.sampled_from(AreaLevel)),
        code=code,
        code_list=draw(texts) if code is not None else draw(_optional(texts)),
        parent=parent,
        alt_names=draw(st.lists(texts, max_size=2).map(tuple)),
        sources=draw(citations),
        description=draw(_optional(texts)),
        extensions=draw(extensions),
        **draw(validity()),
    )


@st.composite
def organisations(draw: st.DrawFn) -> Organisation:
    """Any organisation."""
    record_id = draw(ids)
    return Organisation(
        id=record_id,
        name=draw(texts),
        kind=draw(codes),
        level=draw(st.sampled_from(OrganisationLevel)),
        area=draw(_optional(ids)),
        parent=draw(_optional(ids.filter(lambda p: p != record_id))),
        abbreviation=draw(_optional(texts)),
        alt_names=draw(st.lists(texts, max_size=2).map(tuple)),
        sources=draw(citations),
        description=draw(_optional(texts)),
        extensions=draw(extensions),
        **draw(validity()),
    )


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    """Any agreement, with or without a known number."""
    record_id = draw(ids)
    return Agreement(
        id=record_id,
        kind=draw(st.sampled_from(AgreementKind)),
        symbol=draw(_optional(st.sampled_from(["09/CTr-BCA-MTTW", "01/NQLT-CA-MTTQ"]) | texts)),
        title=draw(_optional(texts)),
        signed_on=draw(_optional(dates)),
        level=draw(_optional(st.sampled_from(OrganisationLevel))),
        parties=draw(_unique(ids)),
        effective=draw(_optional(periods)),
        parent=draw(_optional(ids.filter(lambda p: p != record_id))),
        sources=draw(citations),
        description=draw(_optional(texts)),
        extensions=draw(extensions),
    )


model_types = st.builds(
    ModelType,
    name=texts,
    category=_optional(codes),
    defined_by=_optional(ids),
    area=_optional(ids),
    sources=citations,
    **_common(),
)


@st.composite
def _figure_fields(draw: st.DrawFn) -> dict[str, Any]:
    record_id = draw(ids)
    organiser = draw(_optional(ids))
    partners = draw(_unique(ids.filter(lambda p: p != organiser)))
    return {
        "id": record_id,
        "kind": draw(codes),
        "period": draw(periods),
        "organiser": organiser,
        "partners": partners,
        "area": draw(_optional(ids)),
        "agreements": draw(_unique(ids)),
        "models": draw(_unique(ids)),
        "target_groups": draw(_unique(codes)),
        "part_of": draw(_optional(ids.filter(lambda p: p != record_id))),
        "description": draw(_optional(texts)),
        "sources": draw(citations),
        "extensions": draw(extensions),
    }


@st.composite
def activities(draw: st.DrawFn) -> Activity:
    """Any activity, with or without a count and participants."""
    return Activity(
        quantity=draw(_optional(quantities())),
        participants=draw(_optional(quantities())),
        **draw(_figure_fields()),
    )


@st.composite
def outcomes(draw: st.DrawFn) -> Outcome:
    """Any outcome."""
    return Outcome(quantity=draw(quantities()), **draw(_figure_fields()))


@st.composite
def model_instances(draw: st.DrawFn) -> ModelInstance:
    """Any model instance."""
    organiser = draw(_optional(ids))
    return ModelInstance(
        id=draw(ids),
        model_type=draw(ids),
        area=draw(ids),
        name=draw(_optional(texts)),
        organiser=organiser,
        partners=draw(_unique(ids.filter(lambda p: p != organiser))),
        agreements=draw(_unique(ids)),
        launched=draw(_optional(periods)),
        sources=draw(citations),
        description=draw(_optional(texts)),
        extensions=draw(extensions),
    )


sources = st.builds(
    Source,
    kind=codes,
    title=texts,
    authors=st.lists(texts, max_size=2).map(tuple),
    publisher=_optional(texts),
    published=_optional(dates),
    symbol=_optional(texts),
    url=_optional(st.sampled_from(["https://congan.gov.vn/a", "http://example.vn/x?y=1#z"])),
    language=_optional(st.sampled_from(["vi", "en", "vi-VN"])),
    **_common(),
)

records = (
    areas()
    | organisations()
    | agreements()
    | model_types
    | model_instances()
    | activities()
    | outcomes()
    | sources
)

datasets = st.builds(
    Dataset,
    id=ids,
    title=texts,
    publisher=st.builds(
        Publisher, name=texts, organisation=_optional(ids), contact=_optional(texts)
    ),
    language=_optional(st.sampled_from(["vi", "en"])),
    description=_optional(texts),
    area=_optional(ids),
    period=_optional(periods),
    created=_optional(dates),
    sources=_unique(ids),
    records=st.lists(records, max_size=4).map(tuple),
    extensions=extensions,
)
