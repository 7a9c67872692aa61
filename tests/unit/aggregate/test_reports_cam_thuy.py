"""The Cẩm Thuỷ 2021 reports show every fact F1-F13, each where it belongs.

Figures for 2021 are in the 2021 paragraphs; figures for "những năm qua" or with no stated
period are in their own paragraph; the "đến nay" 14 model types are a stock, never summed; the
5.592 participant-times are never persons.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

import attrs
import pytest

from antt_domain import load_example
from antt_domain.aggregate import AggregationError, aggregate
from antt_domain.model import AsOf, Dataset, Interval
from antt_domain.reports import render_json, render_markdown, render_summary

if TYPE_CHECKING:
    from conftest import World


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The bundled example."""
    return load_example()


def _paragraph(text: str, starts: str) -> str:
    (found,) = [p for p in text.split("\n\n") if p.startswith(starts)]
    return found


def test_vietnamese_summary_shows_every_fact_apart_from_2021(dataset: Dataset) -> None:
    """F1-F4, F10, F13 are in the undated paragraph; F7-F9 in 2021; F5 a stock; F6, F11, F12."""
    text = render_summary(dataset, lang="vi", period=2021)
    undated = _paragraph(text, "Số liệu không rõ thời gian, không tính vào năm 2021:")
    outcomes_2021 = _paragraph(text, "Kết quả trong năm 2021:")
    stocks = _paragraph(text, "Số liệu tính đến một thời điểm")
    models = _paragraph(text, "Mô hình tự phòng, tự quản:")
    uncounted = _paragraph(text, "Được báo cáo nhưng không có số liệu:")
    for fact in (
        "“những năm qua”",
        "Tuyên truyền lưu động: 1.838 buổi",  # F1
        "Phát trên hệ thống loa truyền thanh: 2.543 lượt phát",  # F2
        "Tập huấn kiến thức pháp luật: 35 buổi",  # F3
        "(người tham dự): 5.592 lượt người",  # F4
        "Ký cam kết: 12.397 hộ gia đình",  # F10
        "Giúp đỡ, cảm hoá thanh niên vi phạm pháp luật: 23 người",  # F13
    ):
        assert fact in undated
        assert fact not in outcomes_2021
    for fact in (
        "Cảm hoá, giáo dục người vi phạm pháp luật có tiến bộ: 9 người",  # F7
        "Hoà giải vụ việc ở cơ sở: 17 vụ việc",  # F8
        "Cung cấp nguồn tin: 23 nguồn tin",  # F9
    ):
        assert fact in outcomes_2021
        assert fact not in undated
    assert "Xây dựng mô hình tự phòng, tự quản: 14 loại mô hình (“đến nay”)" in stocks  # F5
    for name in ("Dòng họ tự quản về ANTT", "Ánh sáng đường quê gắn với ANTT",
                 "Xứ đạo bình yên - Gia đình văn hoá"):  # fmt: skip
        assert name in models  # F6
    assert (
        "Ra mắt 3 mô hình “Làng quê an toàn cho phụ nữ và trẻ em” tại Xã Cẩm Yên, Xã Cẩm Tân "
        "và Xã Cẩm Liên, không rõ thời gian ra mắt" in models
    )  # F11
    assert "Nhân rộng mô hình (“Thanh thiếu niên xung kích" in uncounted  # F12
    assert "Củng cố, kiện toàn mô hình (“Thanh niên tự quản về ANTT”" in uncounted  # F12


def test_english_summary_shows_every_fact_in_english_number_format(dataset: Dataset) -> None:
    """The same facts with English labels and grouping (1,838; 5,592 participant-times)."""
    text = render_summary(dataset, lang="en", period=2021)
    undated = _paragraph(text, "Figures whose period is not stated, not counted in the year 2021:")
    outcomes_2021 = _paragraph(text, "Outcomes in the year 2021:")
    for fact in (
        "Mobile outreach session: 1,838 sessions",
        "Broadcast on the public loudspeaker system: 2,543 broadcasts",
        "Legal-knowledge training: 35 sessions",
        "Legal-knowledge training (participants): 5,592 participant-times",
        "Signing of commitments: 12,397 households",
        "Young law violators helped to reform: 23 persons",
    ):
        assert fact in undated
    for fact in ("9 persons", "17 cases", "23 tips"):
        assert fact in outcomes_2021
    assert "Self-management models built: 14 model types (as of “đến nay”)" in text
    assert "3 launches of “Làng quê an toàn cho phụ nữ và trẻ em”" in text
    assert "Reported without a count: Mobilisation, persuasion" in text


def test_the_14_model_types_are_a_stock_added_to_nothing(dataset: Dataset) -> None:
    """'đến nay' is an undated stock: in no cell of any grouping, listed apart once."""
    for by in ((), ("year",), ("district",), ("agreement",)):
        result = aggregate(dataset, by=by)
        assert all("out-mo-hinh-tu-quan" not in c.record_ids for c in result.cells())
        assert [a.reason.value for a in result.apart if a.record_id == "out-mo-hinh-tu-quan"] == [
            "undated_stock"
        ]


def test_participant_times_are_never_persons(dataset: Dataset) -> None:
    """Dated or not, the 5.592 lượt người never enter a 'person' figure."""
    dated = Dataset(
        id=dataset.id,
        title=dataset.title,
        publisher=dataset.publisher,
        records=tuple(
            r.__class__(**{**_fields(r), "period": Interval.year(2021)})
            if getattr(r, "kind", None) in ("legal_training", "young_offenders_helped")
            else r
            for r in dataset.records
        ),
    )
    cells = aggregate(dated, period=2021).cells()
    persons = [c for c in cells if c.unit == "person"]
    attendance = [c for c in cells if c.unit == "participant_time"]
    assert sorted((c.value, c.record_ids) for c in persons) == [
        (9, ("out-cam-hoa-giao-duc",)),
        (23, ("out-giup-do-thanh-nien",)),
    ]
    assert [(c.value, c.record_ids) for c in attendance] == [(5592, ("act-tap-huan-phap-luat",))]


def _fields(record: object) -> dict[str, object]:
    return attrs.asdict(record, recurse=False)  # type: ignore[arg-type]


def test_markdown_tables_hold_the_figures_with_their_records(dataset: Dataset) -> None:
    """A 2021 table row names its record; apart rows give the reason."""
    text = render_markdown(dataset, lang="vi", period=2021)
    assert "| Kết quả | Hoà giải vụ việc ở cơ sở | cấp huyện | 17 vụ việc | out-hoa-giai |" in text
    assert (
        "| không rõ thời gian | Tuyên truyền lưu động | 1.838 buổi | “những năm qua” "
        "| act-tuyen-truyen-luu-dong |" in text
    )
    assert "| không rõ thời gian | Ký cam kết | 12.397 hộ gia đình |" in text


def test_json_report_carries_provenance_that_resolves(dataset: Dataset) -> None:
    """Every record the JSON names is a record of the dataset."""
    body = json.loads(render_json(dataset, lang="en", period=2021))
    named = {r for g in body["groups"] for c in g["flows"] + g["stocks"] for r in c["records"]}
    named |= {a["record"] for a in body["apart"]}
    assert body["version"] == 1
    assert named <= set(dataset.index())
    assert {"out-hoa-giai", "act-tuyen-truyen-luu-dong", "out-mo-hinh-tu-quan"} <= named


@pytest.mark.parametrize("render", [render_summary, render_markdown, render_json])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_reports_are_deterministic(dataset: Dataset, render: object, lang: str) -> None:
    """The same request gives the same text, byte for byte."""
    first = render(dataset, lang=lang, period=2021)  # type: ignore[operator]
    assert first == render(dataset, lang=lang, period=2021)  # type: ignore[operator]


def test_a_report_in_another_language_is_refused(dataset: Dataset) -> None:
    """Only vi and en are written."""
    with pytest.raises(AggregationError) as caught:
        render_summary(dataset, lang="fr")
    assert (caught.value.parameter, caught.value.candidates) == ("lang", ("vi", "en"))


def test_vietnamese_dates_money_and_percentages(world: World) -> None:
    """A stock as of 5 March 2021 reads 'ngày 05 tháng 3 năm 2021'; 72,6%; 995.000.000 đồng."""
    world.outcome("s", 14, "model_type", kind="models_built", period=AsOf(date=date(2021, 3, 5)))
    world.outcome("money", 995_000_000, "vnd", kind="funds_mobilised")
    world.outcome("share", 72.6, "percent", kind="households_participating")
    text = render_summary(world.dataset(), lang="vi", period=2021)
    assert "14 loại mô hình (tính đến ngày 05 tháng 3 năm 2021, Xã C11)" in text
    assert "Kinh phí huy động được: 995.000.000 đồng" in text
    assert "Hộ gia đình tham gia: 72,6%" in text


def test_grouped_summary_names_its_groups(world: World) -> None:
    """By district, each sentence starts with the district's name."""
    world.activity("a", 10, area="c11").activity("b", 4, area="c21")
    text = render_summary(world.dataset(), lang="vi", by=("district",))
    assert (
        "Hoạt động có thời gian xác định: Huyện D1 — Tuyên truyền lưu động: 10 buổi. "
        "Huyện D2 — Tuyên truyền lưu động: 4 buổi." in text
    )
