"""The 2.0 model refuses, on construction, what its schema's cross-field rules refuse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from antt_domain.model import ModelError, v2

UNSTATED = v2.Unstated()


def _quantity(**kw: Any) -> v2.Quantity:
    return v2.Quantity(**{"unit": "case", **kw})


CASES: list[tuple[str, Callable[[], object], str, str]] = [
    # Quantity: vague => magnitude and no value/upper; otherwise a value and no magnitude.
    ("vague without magnitude", lambda: _quantity(precision="vague"), "magnitude", "magnitude"),
    (
        "vague with a value",
        lambda: _quantity(precision="vague", magnitude="many", value=3),
        "value",
        "no value",
    ),
    ("no value", _quantity, "value", "required"),
    ("magnitude not vague", lambda: _quantity(value=3, magnitude="many"), "magnitude", "vague"),
    ("range without upper", lambda: _quantity(value=3, precision="range"), "upper", "upper"),
    (
        "vague with upper",
        lambda: _quantity(precision="vague", magnitude="many", upper=5),
        "upper",
        "range",
    ),
    ("upper not a range", lambda: _quantity(value=3, upper=5), "upper", "range"),
    ("zero denominator", lambda: _quantity(value=3, denominator=0), "denominator", "zero"),
    (
        "base unit not percent",
        lambda: _quantity(value=3, base_unit="person"),
        "base_unit",
        "percentage",
    ),
    ("bad code", lambda: _quantity(value=3, classifier="Khẩu"), "classifier", "code"),
    # Length: never a range, never vague.
    (
        "length range",
        lambda: v2.Length(value=1, unit="year", precision="range"),
        "precision",
        "range",
    ),
    # Periods.
    (
        "interval backwards",
        lambda: v2.Interval(start=date(2021, 2, 1), end=date(2021, 1, 1)),
        "end",
        "before",
    ),
    ("as-of without date or words", v2.AsOf, "as_written", "words"),
    (
        "composite of one",
        lambda: v2.Composite(parts=(UNSTATED,)),
        "parts",
        "two or more",
    ),
    (
        "duration backwards",
        lambda: v2.Duration(
            length=v2.Length(value=1, unit="year"), start=date(2021, 1, 2), end=date(2021, 1, 1)
        ),
        "end",
        "before",
    ),
    ("inferred not a bool", lambda: v2.Unstated(inferred="yes"), "inferred", "bool"),
    ("partial date day", lambda: v2.PartialDate(year=2023, month=2, day=30), "day", "no day"),
    ("partial day without month", lambda: v2.PartialDate(year=2023, day=3), "day", "month"),
    ("partial month", lambda: v2.PartialDate(year=2023, month=13), "month", "month"),
    # Actor: one party at most; with none, the words.
    (
        "actor two parties",
        lambda: v2.Actor(role="organiser", organisation="o", person="p"),
        "person",
        "one party",
    ),
    ("actor nobody", lambda: v2.Actor(role="organiser"), "as_written", "words"),
    # Link: only achieved_by and places_of point to a list.
    (
        "link list",
        lambda: v2.Link(rel="part_of", to=("a", "b")),
        "to",
        "one figure",
    ),
    ("link empty list", lambda: v2.Link(rel="achieved_by", to=()), "to", "empty"),
    # Vocabulary: units need a dimension; only figure kinds have a class and usual units.
    (
        "unit without dimension",
        lambda: v2.VocabularyCode(codelist="units", code="x:bag", vi="bao"),
        "dimension",
        "dimension",
    ),
    (
        "dimension not a unit",
        lambda: v2.VocabularyCode(codelist="roles", code="x:r", vi="r", dimension="count"),
        "dimension",
        "unit",
    ),
    (
        "class not a figure kind",
        lambda: v2.VocabularyCode(codelist="roles", code="x:r", vi="r", figure_class="outcome"),
        "figure_class",
        "figure kind",
    ),
    (
        "bare vocabulary code",
        lambda: v2.VocabularyCode(codelist="roles", code="r", vi="r"),
        "code",
        "namespace",
    ),
    (
        "closed codelist",
        lambda: v2.VocabularyCode(codelist="precisions", code="x:r", vi="r"),
        "codelist",
        "extend",
    ),
    ("empty vocabulary", lambda: v2.Vocabulary(namespace="x", codes=()), "codes", "at least"),
    # Records.
    (
        "administrative area without level",
        lambda: v2.Area(id="a", name="A"),
        "level",
        "level",
    ),
    (
        "area code without list",
        lambda: v2.Area(id="a", name="A", kind="site", code="26"),
        "code_list",
        "list",
    ),
    (
        "award issuer role",
        lambda: v2.Award(
            id="w", forms=("certificate",), issuers=(v2.Actor(role="presenter", as_written="x"),)
        ),
        "issuers",
        "issuer",
    ),
    (
        "award presenter role",
        lambda: v2.Award(
            id="w", forms=("certificate",), presenters=(v2.Actor(role="issuer", as_written="x"),)
        ),
        "presenters",
        "presenter",
    ),
    ("award without form", lambda: v2.Award(id="w", forms=()), "forms", "at least"),
    (
        "recipient two records",
        lambda: v2.Recipient(kind="individual", person="p", organisation="o"),
        "person",
        "only one",
    ),
    ("recognition nobody", v2.Recognition, "as_written", "words"),
    (
        "target both shapes",
        lambda: v2.PlanTarget(scheme="s", kind="k"),
        "kind",
        "never both",
    ),
    ("phase zero", lambda: v2.PlanPhase(number=0, period=UNSTATED), "number", "phase"),
    (
        "meetings not recurring",
        lambda: v2.ModelInstance(id="m", model_type="t", meetings=UNSTATED),
        "meetings",
        "recurring",
    ),
    ("event without kind", lambda: v2.Event(id="e", kinds=(), period=UNSTATED), "kinds", "least"),
    (
        "assessment without result",
        lambda: v2.Assessment(id="a", scheme="s", period=UNSTATED, results=()),
        "results",
        "least",
    ),
    ("figure without period", lambda: v2.Figure(id="f", kind="k", period=None), "period", "period"),
    (
        "figure with a 1.0 quantity",
        lambda: v2.Figure(id="f", kind="k", period=UNSTATED, quantity=object()),
        "quantity",
        "Quantity",
    ),
    (
        "source via itself",
        lambda: v2.Source(id="s", kind="web", title="t", via="s"),
        "via",
        "itself",
    ),
    (
        "anniversary year",
        lambda: v2.Anniversary(length=v2.Length(value=10, unit="year"), since=0),
        "since",
        "year",
    ),
    (
        "dataset of version 1",
        lambda: v2.Dataset(
            id="d", title="t", publisher=v2.Publisher(name="p"), schema_version="1.0"
        ),
        "schema_version",
        "major",
    ),
    (
        "extension namespace",
        lambda: v2.Person(id="p", name="P", extensions={"Bad Key": 1}),
        "extensions",
        "namespace",
    ),
]


@pytest.mark.parametrize(
    ("build", "field", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_cross_field_rules_raise_model_error(
    build: Callable[[], object], field: str, words: str
) -> None:
    """Each rule the schema states with if/then (or the model adds, as 1.0) is a ModelError
    naming the attribute at fault."""
    with pytest.raises(ModelError) as caught:
        build()
    assert caught.value.field == field
    assert words.lower() in caught.value.reason.lower()


def test_valid_values_are_built() -> None:
    """What the rules allow is built, with readable reprs and the helpers the 1.0 model has."""
    vague = _quantity(precision="vague", magnitude="thousands", as_written="hàng nghìn")
    assert vague.is_vague
    assert not vague.is_exact
    assert "VagueMagnitude.THOUSANDS" in repr(vague)
    assert v2.Quantity(value=3, unit="gun", classifier="khau", counted=("gun", "x:rifle")).counted
    assert v2.Interval.month(2023, 2).end == date(2023, 2, 28)
    assert v2.Interval.year(2023).contains(date(2023, 6, 1))
    assert v2.Link(rel="achieved_by", to=["a", "b"]).targets == ("a", "b")
    assert v2.Link(rel="part_of", to="a").targets == ("a",)
    assert v2.PartialDate.parse("2023-06").isoformat() == "2023-06"
    assert v2.PartialDate.parse("2023-06-14").as_date() == date(2023, 6, 14)
    assert v2.PartialDate.parse("2023").as_date() is None
    with pytest.raises(ModelError):
        v2.PartialDate.parse("23-06")
    area = v2.Area(id="a", name="Vùng Tây Bắc", kind="region")
    assert area.level is None
    assert v2.Area(id="a", name="A", level="region").level is v2.AreaLevel.REGION
    dataset = v2.Dataset(
        id="d", title="t", publisher=v2.Publisher(name="p"), records=[area], schema_version="2.3"
    )
    assert dataset.get("a") is area
    assert dataset.of_type(v2.Area) == (area,)
    assert list(dataset) == [area]
    assert dataset.index() == {"a": area}
