"""The ``html`` report: one self-contained, accessible page with SVG charts and provenance."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from antt_domain_html import antt_register_report_formats, render_html
from antt_domain_html._charts import MAX_BARS
from html_plugin_support import Elements, province_dataset

from antt_domain import Dataset, load_example
from antt_domain.plugins import ReportRequest
from antt_domain.testing import check_report_format


@pytest.fixture(scope="module")
def example() -> Dataset:
    return load_example()


@pytest.fixture(scope="module")
def page(example: Dataset) -> str:
    return render_html(ReportRequest(dataset=example))


@pytest.fixture(scope="module")
def charted() -> str:
    """A province's figures by area: totals of one key side by side, so there are charts."""
    return render_html(ReportRequest(dataset=province_dataset(), period=2020, by=("area",)))


def test_the_page_is_self_contained(page: str) -> None:
    """No script, no external stylesheet, font or image; a CSP forbids loading anything."""
    elements = Elements(page)
    assert [] == elements.named("script") + elements.named("link") + elements.named("img")
    assert "@font-face" not in page
    assert [] == re.findall(r"(?:src|href)=\"(?!#)[^\"]*\"", page)
    (csp,) = [m for m in elements.named("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in str(csp["content"])


@pytest.mark.slow
def test_the_page_is_accessible_and_printable(charted: str) -> None:
    """lang, one h1, captions on every table, SVGs with role=img and a title and description;
    a print stylesheet."""
    page = charted
    elements = Elements(page)
    assert [{"lang": "vi"}] == elements.named("html")
    assert 1 == len(elements.named("h1"))
    assert len(elements.named("table")) == page.count("<caption>")
    charts = elements.named("svg")
    assert charts
    for chart in charts:
        assert "img" == chart["role"]
        title, desc = str(chart["aria-labelledby"]).split()
        assert {title, desc} <= {a.get("id") for _, a in elements.tags}
    assert "@media print" in page


def test_every_article_figure_is_on_the_page(page: str) -> None:
    """F1-F13, formatted in Vietnamese (1.838, 12.397)."""
    expected = [
        "1.838 buổi", "2.543 lượt", "35 buổi", "5.592 lượt người", "14 loại mô hình",
        "Dòng họ tự quản về ANTT", "Ánh sáng đường quê gắn với ANTT",
        "Xứ đạo bình yên - Gia đình văn hoá", "9 người", "17 vụ việc", "23 nguồn tin",
        "12.397 hộ gia đình", "Xã Cẩm Yên, Xã Cẩm Tân, Xã Cẩm Liên",
        "Thanh niên tự quản về ANTT", "23 người",
    ]  # fmt: skip
    assert [] == [figure for figure in expected if figure not in page]


@pytest.mark.slow
def test_each_bar_names_its_records(charted: str) -> None:
    """A bar's tooltip (its <title>) gives the figure and the ids it was computed from."""
    bars = [t for t in Elements(charted).titles if "\nBản ghi: " in t]
    assert bars
    assert all(t.split("\nBản ghi: ")[1] for t in bars)


@pytest.mark.slow
def test_a_chart_compares_one_key_only(page: str, charted: str) -> None:
    """A chart sets side by side the totals of one kind, unit and counted thing only; a page
    with nothing to compare has no chart section at all, never a chart saying there is
    nothing (issue #19)."""
    assert '<section id="charts"' not in page
    assert "Không có số liệu" not in page
    charts = charted.split('<section id="charts"')[1].split('<section id="tables"', maxsplit=1)[0]
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", charts)
    assert captions
    assert len(captions) == len(set(captions))  # one chart per key


def test_table_cells_name_their_records(page: str) -> None:
    """In the tables, a figure's tooltip lists its records, and a column shows them."""
    assert '<td class=num title="Bản ghi: act-ky-cam-ket">12.397</td>' in page


def test_english(example: Dataset) -> None:
    """``lang="en"``: English words and numbers; ``<html lang="en">``."""
    page = render_html(ReportRequest(dataset=example, lang="en", period=2021))
    assert '<html lang="en">' in page
    assert "1,838" in page
    assert "Cases settled by mediation" in page
    assert "II. ASSESSMENT" in page


def test_the_same_input_gives_the_same_text(example: Dataset) -> None:
    """Deterministic."""
    request = ReportRequest(dataset=example, by=("area",))
    assert render_html(request) == render_html(request)


@pytest.mark.slow
def test_the_conformance_kit_passes() -> None:
    """``check_report_format``: every conformance dataset, vi and en, text, deterministic."""
    (spec,) = antt_register_report_formats()
    assert "html" == check_report_format(spec, records=2000).name


@pytest.mark.slow
def test_a_province_sized_dataset(tmp_path: Path) -> None:
    """A province: charts draw at most MAX_BARS bars and say so; the data tables list all."""
    dataset = province_dataset()
    page = render_html(ReportRequest(dataset=dataset, period=2020, by=("area",)))
    elements = Elements(page)
    bars_per_chart = [page_part.count('<g class="bar">') for page_part in page.split("<svg")[1:]]
    assert bars_per_chart
    assert MAX_BARS == max(bars_per_chart)
    assert "cột lớn nhất trong" in page
    assert len(elements.named("svg")) >= 10
    (tmp_path / "province.html").write_text(page, encoding="utf-8")


@pytest.mark.slow  # renders a province report (the `charted` fixture)
def test_bar_labels_say_the_period_in_words_and_areas_by_name(charted: str) -> None:
    """Issue #19: a bar says "năm 2020", as the tables do, never the raw key "2020"; a
    grouped bar names its area, never its id."""
    labels = re.findall(r'class="label">([^<]*)<', charted)
    assert labels
    said = ("năm 2020 ", "số hiện có (mới nhất) ")
    assert [label for label in labels if not label.startswith(said)] == []
    assert [label for label in labels if "“;" in label or "“”" in label] == []
    ids = {record.id for record in province_dataset().records}
    heads = {label.split(":", 1)[0] for label in labels}
    heads = {head.removeprefix(said[0]).removeprefix(said[1]) for head in heads}
    assert heads
    assert heads & ids == set()
