"""The Cẩm Thuỷ 2021 example reproduces every fact F1-F13 of the source article.

Each test names the fact it checks; together they pin value, unit, precision of the figure,
who (organiser and partners), where (area) and how precisely "when" was stated.
"""

from __future__ import annotations

from datetime import date

import pytest

from antt_domain import load_example
from antt_domain.model import (
    Activity,
    Agreement,
    Area,
    AsOf,
    Dataset,
    Interval,
    ModelInstance,
    ModelType,
    Organisation,
    Outcome,
    Precision,
    Source,
    Unstated,
)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The example as the installed package ships it."""
    return load_example()


def _one(dataset: Dataset, cls: type, kind: str) -> Activity | Outcome:
    found = [r for r in dataset.of_type(cls) if r.kind == kind]  # type: ignore[attr-defined,var-annotated]
    assert len(found) == 1, f"expected exactly one {cls.__name__} of kind {kind}"
    record = found[0]
    assert isinstance(record, (Activity, Outcome))
    return record


def _org(dataset: Dataset, record_id: str | None) -> Organisation:
    record = dataset.get(record_id or "")
    assert isinstance(record, Organisation)
    return record


def _area(dataset: Dataset, record_id: str | None) -> Area:
    record = dataset.get(record_id or "")
    assert isinstance(record, Area)
    return record


def _assert_district(dataset: Dataset, record: Activity | Outcome | ModelInstance) -> None:
    area = _area(dataset, record.area)
    assert (area.code, area.level.value, area.name) == ("390", "district", "Huyện Cẩm Thuỷ")


def _kinds(dataset: Dataset, ids: tuple[str, ...]) -> set[str]:
    return {_org(dataset, i).kind for i in ids}


def _figure(record: Activity | Outcome) -> tuple[int | float, str, Precision]:
    assert record.quantity is not None
    return record.quantity.value, record.quantity.unit, record.quantity.precision


def _recent_years(record: Activity | Outcome) -> None:
    assert isinstance(record.period, Unstated)
    assert record.period.as_written == "những năm qua"


F1_F4_PARTNERS = {"front_committee", "mass_organisation", "department"}


def test_f1_mobile_outreach_sessions(dataset: Dataset) -> None:
    """F1: 1.838 mobile outreach sessions over 'những năm qua', police with the Front and others."""
    record = _one(dataset, Activity, "mobile_outreach")
    assert _figure(record) == (1838, "session", Precision.EXACT)
    _recent_years(record)
    assert _org(dataset, record.organiser).kind == "police"
    assert _kinds(dataset, record.partners) == F1_F4_PARTNERS
    _assert_district(dataset, record)


def test_f2_loudspeaker_broadcasts(dataset: Dataset) -> None:
    """F2: 2.543 broadcasts on the loudspeaker system, same people, same unstated period."""
    record = _one(dataset, Activity, "loudspeaker_broadcast")
    assert _figure(record) == (2543, "broadcast", Precision.EXACT)
    _recent_years(record)
    assert _org(dataset, record.organiser).kind == "police"
    assert _kinds(dataset, record.partners) == F1_F4_PARTNERS
    _assert_district(dataset, record)


def test_f3_f4_trainings_and_their_participant_times(dataset: Dataset) -> None:
    """F3-F4: 35 training sessions for 5.592 participant-times (lượt người), not persons."""
    record = _one(dataset, Activity, "legal_training")
    assert isinstance(record, Activity)
    assert _figure(record) == (35, "session", Precision.EXACT)
    assert record.participants is not None
    assert (record.participants.value, record.participants.unit) == (5592, "participant_time")
    assert record.participants.unit != "person"
    _recent_years(record)
    assert _org(dataset, record.organiser).kind == "police"
    assert _kinds(dataset, record.partners) == F1_F4_PARTNERS
    _assert_district(dataset, record)


def test_f5_fourteen_model_types_as_of_the_article(dataset: Dataset) -> None:
    """F5: 14 model types built 'đến nay' -- a stock as of the source's date, not a flow."""
    record = _one(dataset, Outcome, "models_built")
    assert _figure(record) == (14, "model_type", Precision.EXACT)
    assert isinstance(record.period, AsOf)
    assert record.period.date is None
    assert record.period.as_written == "đến nay"
    assert _org(dataset, record.organiser).kind == "police"
    assert _kinds(dataset, record.partners) == {"front_committee", "mass_organisation"}
    _assert_district(dataset, record)


def test_f6_three_of_the_fourteen_model_types_are_named(dataset: Dataset) -> None:
    """F6: the named types are model-type records, linked from the F5 figure."""
    named = {
        "Dòng họ tự quản về ANTT",
        "Ánh sáng đường quê gắn với ANTT",
        "Xứ đạo bình yên - Gia đình văn hoá",
    }
    by_name = {m.name: m for m in dataset.of_type(ModelType)}
    assert named <= set(by_name)
    f5 = _one(dataset, Outcome, "models_built")
    assert {by_name[n].id for n in named} == set(f5.models)


@pytest.mark.parametrize(
    ("fact", "kind", "value", "unit"),
    [
        ("F7", "offenders_reformed", 9, "person"),
        ("F8", "cases_mediated", 17, "case"),
        ("F9", "tips_provided", 23, "tip"),
    ],
)
def test_f7_f9_front_outcomes_in_2021(
    dataset: Dataset, fact: str, kind: str, value: int, unit: str
) -> None:
    """F7-F9: the Front committees at all levels, coordinating, in the year 2021."""
    record = _one(dataset, Outcome, kind)
    assert _figure(record) == (value, unit, Precision.EXACT), fact
    assert record.period == Interval(
        start=date(2021, 1, 1), end=date(2021, 12, 31), as_written="năm 2021"
    )
    organiser = _org(dataset, record.organiser)
    assert organiser.kind == "front_committee"
    assert "các cấp" in organiser.name
    assert _kinds(dataset, record.partners) == {"police"}
    _assert_district(dataset, record)


def test_f10_households_signed_commitments(dataset: Dataset) -> None:
    """F10: 12.397 households, police with the district Women's Union, period unstated."""
    record = _one(dataset, Activity, "commitment_signing")
    assert _figure(record) == (12397, "household", Precision.EXACT)
    assert record.period == Unstated()
    assert _org(dataset, record.organiser).kind == "police"
    assert _kinds(dataset, record.partners) == {"womens_union"}
    assert _org(dataset, record.partners[0]).level.value == "district"
    _assert_district(dataset, record)


def test_f11_safe_village_model_launched_in_three_communes(dataset: Dataset) -> None:
    """F11: one model instance per commune (Cẩm Yên, Cẩm Tân, Cẩm Liên), launch date unstated."""
    types = {m.id: m for m in dataset.of_type(ModelType)}
    launched = [
        m
        for m in dataset.of_type(ModelInstance)
        if types[m.model_type].name == "Làng quê an toàn cho phụ nữ và trẻ em"
    ]
    assert len(launched) == 3
    communes = {(_area(dataset, m.area).name, _area(dataset, m.area).code) for m in launched}
    assert communes == {("Xã Cẩm Yên", "15175"), ("Xã Cẩm Tân", "15178"), ("Xã Cẩm Liên", "15145")}
    for instance in launched:
        assert _area(dataset, instance.area).level.value == "commune"
        assert _area(dataset, instance.area).parent == "area-390"
        assert _org(dataset, instance.organiser).kind == "police"
        assert _kinds(dataset, instance.partners) == {"womens_union"}
        assert instance.launched == Unstated()


def test_f12_youth_models_reviewed_replicated_and_consolidated_without_a_count(
    dataset: Dataset,
) -> None:
    """F12: programme work with the Youth Union on two model types, no figure given."""
    types = {m.id: m for m in dataset.of_type(ModelType)}
    for kind, type_name in [
        ("model_replication", "tự phòng, tự quản, tự bảo vệ, tự hoà giải"),
        ("model_consolidation", "Thanh niên tự quản về ANTT"),
    ]:
        record = _one(dataset, Activity, kind)
        assert record.quantity is None
        assert record.period == Unstated()
        assert _org(dataset, record.organiser).kind == "police"
        assert _kinds(dataset, record.partners) == {"youth_union"}
        assert any(type_name in types[m].name for m in record.models)
        _assert_district(dataset, record)


def test_f13_young_offenders_helped(dataset: Dataset) -> None:
    """F13: 23 young law violators helped to reform, police with the Youth Union, unstated."""
    record = _one(dataset, Outcome, "young_offenders_helped")
    assert _figure(record) == (23, "person", Precision.EXACT)
    assert record.period == Unstated()
    assert _org(dataset, record.organiser).kind == "police"
    assert _kinds(dataset, record.partners) == {"youth_union"}
    _assert_district(dataset, record)


def test_agreements_exist_without_numbers(dataset: Dataset) -> None:
    """The article names no agreement by number: each is there, symbol unknown."""
    agreements = dataset.of_type(Agreement)
    assert {a.kind.value for a in agreements} == {"joint_resolution", "coordination_programme"}
    assert all(a.symbol is None for a in agreements)
    for record in dataset.of_type(Activity) + dataset.of_type(Outcome):
        if record.quantity is not None:
            assert record.agreements, f"{record.id} is not reported under an agreement"


def test_areas_are_the_2021_units_with_their_code_list(dataset: Dataset) -> None:
    """Thanh Hoá 38, Cẩm Thuỷ 390 and the communes, keyed by code and list, as of 2021."""
    codes = {a.code: a for a in dataset.of_type(Area)}
    assert {"38", "390", "15145", "15175", "15178", "15127"} <= set(codes)
    assert codes["38"].name == "Tỉnh Thanh Hoá"
    assert codes["390"].parent == codes["38"].id
    for area in codes.values():
        assert area.code_list == "gso:2021-02-03"
        assert area.existed_on(date(2021, 6, 30))
    assert not codes["390"].existed_on(date(2025, 7, 1))


def test_district_police_ceased_but_are_named_for_2021(dataset: Dataset) -> None:
    """The district police existed in 2021 and ceased on 2025-03-01."""
    police = [o for o in dataset.of_type(Organisation) if o.kind == "police"]
    assert len(police) == 1
    assert police[0].valid_to == date(2025, 3, 1)
    assert police[0].existed_on(date(2021, 12, 31))


def test_every_figure_cites_the_article_by_title_and_author(dataset: Dataset) -> None:
    """A source record cites the article (title, author), and every figure points at it."""
    (source,) = dataset.of_type(Source)
    assert source.authors == ("Hà Phương",)
    assert source.title.startswith("Hiệu quả thực hiện các Nghị quyết liên tịch")
    assert dataset.sources == (source.id,)
    for record in dataset.of_type(Activity) + dataset.of_type(Outcome):
        assert [c.source for c in record.sources] == [source.id]


def test_respected_elders_are_a_target_group_not_an_organisation(dataset: Dataset) -> None:
    """Mobilising respected elderly people: a target group of outreach."""
    record = _one(dataset, Activity, "mobilisation")
    assert record.target_groups == ("respected_elders",)
    assert all("cao tuổi" not in o.name for o in dataset.of_type(Organisation))


def test_references_resolve(dataset: Dataset) -> None:
    """Every id a record names is a record of the dataset (ids are unique)."""
    index = dataset.index()
    assert len(index) == len(dataset)
    for record in dataset:
        for name in ("organiser", "area", "parent", "model_type", "part_of"):
            value = getattr(record, name, None)
            assert value is None or value in index, (record.id, name)
        for name in ("partners", "agreements", "models", "parties"):
            for value in getattr(record, name, ()):
                assert value in index, (record.id, name, value)
