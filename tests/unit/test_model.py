"""The model refuses impossible values with one exception type and a clear message."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from antt_domain.errors import AnttError
from antt_domain.model import (
    Activity,
    Agreement,
    AgreementKind,
    Area,
    AreaLevel,
    AsOf,
    Citation,
    Code,
    Codelist,
    Dataset,
    Interval,
    ModelError,
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

UNSTATED = Unstated(as_written="những năm qua")


def test_model_error_is_the_library_root_and_a_value_error() -> None:
    """Callers can catch AnttError or ValueError."""
    assert issubclass(ModelError, AnttError)
    assert issubclass(ModelError, ValueError)


def test_quantity_keeps_value_unit_and_precision() -> None:
    """A figure is kept as reported; the default precision is exact."""
    quantity = Quantity(value=1838, unit="session", as_written="1.838 buổi")
    assert quantity.value == 1838
    assert isinstance(quantity.value, int)
    assert quantity.precision is Precision.EXACT
    assert quantity.is_exact


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"value": -1, "unit": "person"}, "value", "negative"),
        ({"value": float("nan"), "unit": "person"}, "value", "finite"),
        ({"value": True, "unit": "person"}, "value", "not a number"),
        ({"value": "12", "unit": "person"}, "value", "not a number"),
        ({"value": 1, "unit": "Person"}, "unit", "not a code"),
        ({"value": 1, "unit": "person", "precision": "roughly"}, "precision", "not one of"),
        ({"value": 1, "unit": "person", "precision": "range"}, "upper", "needs an upper"),
        ({"value": 5, "unit": "person", "precision": "range", "upper": 5}, "upper", "not above"),
        ({"value": 1, "unit": "person", "upper": 3}, "upper", "only a range"),
        ({"value": 1, "unit": "person", "denominator": 0}, "denominator", "zero"),
        ({"value": 1, "unit": "person", "base_unit": "household"}, "base_unit", "percentage"),
        ({"value": 1, "unit": "person", "as_written": "   "}, "as_written", "non-blank"),
        ({"value": 2**53, "unit": "vnd"}, "value", "2**53 - 1"),
    ],
)
def test_impossible_quantities_raise_model_error(
    kwargs: dict[str, object], field: str, words: str
) -> None:
    """Each impossible quantity names the field at fault."""
    with pytest.raises(ModelError) as caught:
        Quantity(**kwargs)  # type: ignore[arg-type]
    assert caught.value.cls == "Quantity"
    assert caught.value.field == field
    assert words in caught.value.reason


def test_qualified_figures_are_representable() -> None:
    """'hơn 300', '9/9 khu dân cư', '90% hộ', 'gần 2 tỷ đồng', '10 - 20' all fit a Quantity."""
    assert (
        Quantity(value=300, unit="person", precision="more_than").precision is Precision.MORE_THAN
    )
    assert Quantity(value=9, unit="residential_area", denominator=9).denominator == 9
    assert Quantity(value=90, unit="percent", base_unit="household").base_unit == "household"
    assert Quantity(value=72.6, unit="percent").value == 72.6
    assert Quantity(value=2_000_000_000, unit="vnd", precision=Precision.NEARLY).unit == "vnd"
    assert Quantity(value=10, unit="person", precision="range", upper=20).upper == 20


def test_interval_shortcuts_cover_year_month_and_quarter() -> None:
    """Year, month and quarter intervals include both ends."""
    assert Interval.year(2021) == Interval(start=date(2021, 1, 1), end=date(2021, 12, 31))
    assert Interval.month(2024, 2).end == date(2024, 2, 29)
    assert Interval.quarter(2021, 4) == Interval(start=date(2021, 10, 1), end=date(2021, 12, 31))
    assert Interval.year(2021).contains(date(2021, 6, 30))
    with pytest.raises(ModelError):
        Interval.quarter(2021, 5)


def test_periods_refuse_impossible_values() -> None:
    """An end before its start, an as-of with neither date nor words, an unknown frequency."""
    with pytest.raises(ModelError, match="before start"):
        Interval(start=date(2021, 2, 1), end=date(2021, 1, 1))
    with pytest.raises(ModelError, match="keep the words"):
        AsOf()
    with pytest.raises(ModelError, match="not one of"):
        Recurring(frequency="sometimes")  # type: ignore[arg-type]
    assert AsOf(as_written="đến nay").date is None
    assert Recurring(frequency="yearly").frequency.value == "yearly"


def test_unstated_period_keeps_the_source_words() -> None:
    """'những năm qua' is kept, and an unstated period may have no words at all."""
    assert UNSTATED.as_written == "những năm qua"
    assert Unstated().as_written is None


def _activity(**changes: object) -> Activity:
    base: dict[str, object] = {
        "id": "act-1",
        "kind": "mobile_outreach",
        "period": UNSTATED,
        "quantity": Quantity(value=1838, unit="session"),
        "organiser": "org-ca",
        "partners": ["org-mttq"],
    }
    base.update(changes)
    return Activity(**base)  # type: ignore[arg-type]


def test_records_are_frozen_slotted_and_hashable() -> None:
    """Records cannot be changed in place; lists become tuples; equal records hash equal."""
    activity = _activity()
    assert activity.partners == ("org-mttq",)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        activity.kind = "other"  # type: ignore[misc]
    assert not hasattr(activity, "__dict__")
    assert hash(activity) == hash(_activity())
    assert "Activity(id='act-1'" in repr(activity)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": "bad id"}, "id"),
        ({"id": "-starts-with-dash"}, "id"),
        ({"kind": "Mobile Outreach"}, "kind"),
        ({"period": None}, "period"),
        ({"period": "2021"}, "period"),
        ({"partners": ["org-ca"]}, "partners"),
        ({"partners": ["a", "a"]}, "partners"),
        ({"partners": "org-mttq"}, "partners"),
        ({"quantity": 1838}, "quantity"),
        ({"part_of": "act-1"}, "part_of"),
        ({"target_groups": ["Elders"]}, "target_groups"),
        ({"sources": [{"source": "src"}]}, "sources"),
        ({"extensions": []}, "extensions"),
        ({"extensions": {"x": {"n": float("nan")}}}, "extensions"),
        ({"extensions": {"x": [2**60]}}, "extensions"),
        ({"extensions": {"x": {1: "a"}}}, "extensions"),
        ({"extensions": {"x": object()}}, "extensions"),
    ],
)
def test_impossible_activities_raise_model_error(changes: dict[str, object], field: str) -> None:
    """Each impossible activity names the field at fault."""
    with pytest.raises(ModelError) as caught:
        _activity(**changes)
    assert caught.value.field == field


def test_activity_without_a_count_is_allowed_but_an_outcome_needs_one() -> None:
    """'rà soát, nhân rộng các mô hình' has no count; an outcome always has one."""
    assert _activity(quantity=None).quantity is None
    with pytest.raises(ModelError, match="quantity is required"):
        Outcome(id="out-1", kind="cases_mediated", period=Interval.year(2021), quantity=None)  # type: ignore[arg-type]


def test_participants_are_a_second_figure_in_their_own_unit() -> None:
    """35 sessions for 5.592 participant-times: two figures, two units."""
    training = _activity(
        kind="legal_training",
        quantity=Quantity(value=35, unit="session"),
        participants=Quantity(value=5592, unit="participant_time"),
    )
    assert training.participants is not None
    assert training.participants.unit == "participant_time"


def test_area_needs_its_code_list_and_knows_when_it_existed() -> None:
    """A code alone is not an identity; validity is half-open [valid_from, valid_to)."""
    with pytest.raises(ModelError, match="code needs the list"):
        Area(id="a", name="Xã Cẩm Tân", level="commune", code="15178")
    with pytest.raises(ModelError, match="not an administrative code"):
        Area(id="a", name="Xã Cẩm Tân", level="commune", code="15l78", code_list="gso")
    area = Area(
        id="a",
        name="Xã Cẩm Tân",
        level=AreaLevel.COMMUNE,
        code="15178",
        code_list="gso:2021-02-03",
        valid_to=date(2025, 7, 1),
    )
    assert area.existed_on(date(2021, 6, 1))
    assert not area.existed_on(date(2025, 7, 1))
    with pytest.raises(ModelError, match="own parent"):
        Area(id="a", name="X", level="commune", parent="a")


def test_organisation_can_be_named_after_it_ceased() -> None:
    """District police ceased on 2025-03-01 and records about 2021 still name them."""
    police = Organisation(
        id="org-ca",
        name="Công an huyện Cẩm Thuỷ",
        kind="police",
        level=OrganisationLevel.DISTRICT,
        valid_to=date(2025, 3, 1),
    )
    assert police.existed_on(date(2021, 12, 31))
    assert not police.existed_on(date(2025, 3, 1))
    with pytest.raises(ModelError, match="before valid_from"):
        Organisation(
            id="o",
            name="X",
            kind="police",
            level="district",
            valid_from=date(2020, 1, 1),
            valid_to=date(2020, 1, 1),
        )


def test_agreement_number_may_be_unknown() -> None:
    """An agreement known to exist without its number and symbol."""
    agreement = Agreement(id="agr", kind="joint_resolution", parties=["org-ca", "org-mttq"])
    assert agreement.symbol is None
    assert agreement.kind is AgreementKind.JOINT_RESOLUTION
    with pytest.raises(ModelError, match="not one of"):
        Agreement(id="agr", kind="treaty")  # type: ignore[arg-type]


def test_source_url_must_be_an_absolute_http_url() -> None:
    """'congan.gov.vn/tin tuc' is not a URL; a real one is."""
    with pytest.raises(ModelError, match="URL"):
        Source(id="s", kind="web_page", title="t", url="congan.gov.vn/tin tuc")
    assert Source(id="s", kind="article", title="t", url="https://congan.gov.vn/a?b=1").url


def test_dataset_holds_records_and_indexes_them() -> None:
    """A dataset keeps its records in order and finds them by id and type."""
    activity = _activity()
    source = Source(id="src", kind="article", title="Bài báo")
    dataset = Dataset(id="ds", title="T", publisher=Publisher(name="P"), records=[activity, source])
    assert len(dataset) == 2
    assert dataset.get("src") is source
    assert dataset.index()["act-1"] is activity
    assert dataset.of_type(Activity) == (activity,)
    assert list(dataset) == [activity, source]
    assert Citation(source="src").locator is None
    with pytest.raises(ModelError, match="not a record"):
        Dataset(id="ds", title="T", publisher=Publisher(name="P"), records=[1])  # type: ignore[list-item]
    with pytest.raises(ModelError, match="major version"):
        Dataset(id="ds", title="T", publisher=Publisher(name="P"), schema_version="2.0")


def test_codelists_can_be_extended_only_when_open() -> None:
    """Open lists take plugin codes and remember who added them; closed lists refuse."""
    units = Codelist(
        name="units",
        title_vi="Đơn vị",
        title_en="Units",
        closed=False,
        codes=[Code(code="person", vi="người", en="person")],
    )
    bigger = units.extended((Code(code="boat", vi="thuyền", en="boat"),), by="plugin-a")
    assert "boat" in bigger
    assert bigger.origin == {"boat": "plugin-a"}
    assert bigger.label("boat", "vi") == "thuyền"
    assert bigger.label("unknown", "en") == "unknown"
    with pytest.raises(ModelError, match="already given by plugin-a"):
        bigger.extended((Code(code="boat", vi="tàu", en="ship"),), by="plugin-b")
    closed = attrs.evolve(units, closed=True)
    with pytest.raises(ModelError, match="closed"):
        closed.extended((Code(code="boat", vi="thuyền", en="boat"),), by="plugin-a")
