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
from antt_domain.reports import render_aggregate_json, render_markdown, render_summary

if TYPE_CHECKING:
    from helpers.world import World


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The bundled example."""
    return load_example()


def _paragraph(text: str, starts: str) -> str:
    (found,) = [p for p in text.split("\n\n") if p.startswith(starts)]
    return found


def _section(text: str, title: str) -> str:
    """The paragraph after the numbered heading ``title`` ("3. Phối hợp theo ...")."""
    paragraphs = text.split("\n\n")
    (index,) = [i for i, p in enumerate(paragraphs) if p.split(". ", 1)[-1] == title]
    return paragraphs[index + 1]


def test_vietnamese_summary_shows_every_fact_apart_from_2021(dataset: Dataset) -> None:
    """F7-F9 are 2021 totals; F1-F4, F10, F13 are written as the source wrote them and never
    added (no period); F5 a stock; F6 and F11 the models; F12 done without a count. Each
    figure is written once, under its area of work."""
    text = render_summary(dataset, lang="vi", period=2021)
    joint = _section(text, "Phối hợp theo Nghị quyết liên tịch")
    models = _section(text, "Xây dựng, nhân rộng, củng cố mô hình")
    for fact in (
        "Tuyên truyền lưu động (Nhân dân): “1.838 buổi”, “những năm qua” (do Công an huyện",  # F1
        "Phát trên hệ thống loa truyền thanh (Nhân dân): “2.543 lượt”, “những năm qua”",  # F2
        "“35 buổi”, “những năm qua” (do Công an huyện Cẩm Thuỷ; không cộng",  # F3, F4
        "tham gia: 5.592 lượt người (“5.592 lượt người”)",  # F4: never persons
    ):  # fmt: skip
        assert fact in joint
    for fact in (
        "Cảm hoá, giáo dục người vi phạm pháp luật có tiến bộ (Người vi phạm pháp luật): 9 ",
        "Hoà giải vụ việc ở cơ sở: 17 vụ việc, năm 2021",  # F8
        "Cung cấp nguồn tin: 23 nguồn tin",  # F9
    ):
        assert fact in joint
    assert "Ký cam kết (Hộ gia đình): “12.397 hộ gia đình” (do Công an huyện Cẩm Thuỷ; " in (
        _section(text, "Phối hợp theo Chương trình phối hợp")
    )  # F10
    assert "“14 loại mô hình”, “đến nay” (do Công an huyện Cẩm Thuỷ; không cộng: tính" in models
    for name in ("Dòng họ tự quản về ANTT", "Ánh sáng đường quê gắn với ANTT",
                 "Xứ đạo bình yên - Gia đình văn hoá"):  # fmt: skip
        assert name in models  # F6
    assert (
        "Làng quê an toàn cho phụ nữ và trẻ em: ra mắt tại Xã Cẩm Yên, Xã Cẩm Tân, Xã Cẩm Liên "
        "(không rõ thời gian)" in models
    )  # F11
    assert "(Nhân rộng; Thanh thiếu niên; Thanh thiếu niên xung kích" in models  # F12
    assert "không cộng: có thực hiện, không nêu số lượng" in models  # F12
    assert "23 người" in models  # F13, apart: no period
    for fact in ("1.838", "12.397", "17 vụ việc", "14 loại mô hình"):
        assert text.count(fact) == 1  # every figure once
    assert text.rstrip().endswith("II. ĐÁNH GIÁ\n\nIII. NHIỆM VỤ THỜI GIAN TỚI")


def test_english_summary_shows_every_fact_in_english_number_format(dataset: Dataset) -> None:
    """The same facts with English labels and grouping; the source's words stay as written."""
    text = render_summary(dataset, lang="en", period=2021)
    joint = _section(text, "Coordination under Joint resolution")
    assert "Mobile outreach session (The general public): “1.838 buổi”, “những năm qua”" in joint
    assert "participants: 5,592 participant-time" in joint
    for fact in ("9 person", "17 case", "23 tip"):
        assert fact in joint
    assert "Signing of commitments (Households): “12.397 hộ gia đình”" in text
    assert "Làng quê an toàn cho phụ nữ và trẻ em: set up in Xã Cẩm Yên" in text
    assert "Mobilisation, persuasion (Respected elderly people) (period not stated; " in text
    assert "II. ASSESSMENT\n\nIII. TASKS AHEAD" in text


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
    """A 2021 row names its record; a row kept apart says why, in the source's words."""
    text = render_markdown(dataset, lang="vi", period=2021)
    assert "| Hoà giải vụ việc ở cơ sở | 17 | vụ việc |  | năm 2021 |" in text
    assert "| cộng 1 số liệu | out-hoa-giai |" in text
    assert (
        "| Tuyên truyền lưu động | 1.838 | buổi | Nhân dân | “những năm qua” (không rõ thời gian) "
        "| Công an huyện Cẩm Thuỷ "
        "| “1.838 buổi” — “những năm qua” (không rõ thời gian) | không cộng: không rõ thời gian "
        "| act-tuyen-truyen-luu-dong |" in text
    )
    assert "| Ký cam kết | 12.397 |" in text
    assert "## II. Đánh giá\n\n## III. Nhiệm vụ thời gian tới\n" in text


def test_json_report_carries_provenance_that_resolves(dataset: Dataset) -> None:
    """Every record the JSON names is a record of the dataset (the 1.0 data, upgraded)."""
    body = json.loads(render_aggregate_json(dataset, lang="en", period=2021))
    named = {r for c in body["cells"] for r in c["records"]}
    named |= {a["record"] for a in body["apart"]}
    assert body["version"] == 2
    assert named <= set(dataset.index())
    assert {"out-hoa-giai", "act-tuyen-truyen-luu-dong", "out-mo-hinh-tu-quan"} <= named


@pytest.mark.parametrize("render", [render_summary, render_markdown, render_aggregate_json])
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
    assert "14 loại mô hình, tính đến ngày 05 tháng 3 năm 2021" in text
    assert "995.000.000 đồng" in text
    assert "72,6 %" in text or "72,6%" in text


def test_two_districts_stay_two_rows(world: World) -> None:
    """Two districts' sessions, grouped by area, are two totals, never one."""
    world.activity("a", 10, area="c11").activity("b", 4, area="c21")
    text = render_summary(world.dataset(), lang="vi", by=("area",))
    assert "10 buổi" in text
    assert "4 buổi" in text
    assert "14 buổi" not in text
