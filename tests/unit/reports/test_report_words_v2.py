"""A number in a 2.0 report is followed by one word (issue #19), labelled through the plugins'
codes when the request carries them; a cell's period is said in words."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from antt_domain.model import Code, Publisher
from antt_domain.model.v2 import Dataset, Figure, Interval, Quantity
from antt_domain.plugins import (
    AnttPluginManager,
    CodelistExtension,
    ReportRequest,
    hookimpl,
    plugin_manager,
    report,
)
from antt_domain.reports import (
    head_term,
    period_in_words,
    render_aggregate_json,
    render_markdown,
    render_summary,
)

YEAR = Interval(start=date(2023, 1, 1), end=date(2023, 12, 31), as_written="năm 2023")


def _dataset(value: int, unit: str, *, classifier: str | None = None) -> Dataset:
    figure = Figure(
        id="f",
        kind="outreach_sessions",
        quantity=Quantity(value=value, unit=unit, classifier=classifier),
        period=YEAR,
    )
    return Dataset(id="ds", title="T", publisher=Publisher(name="P"), records=(figure,))


@pytest.mark.parametrize(
    ("label", "head"),
    [
        ("người, cá nhân, đối tượng, thành viên", "người"),
        ("cái, chiếc, khẩu, viên, quả, mắt, căn, suất … (xem loại từ)", "cái"),
        ("vụ (phạm tội)", "vụ"),
        ("unit (area, agency, enterprise, school)", "unit"),
        ("(không ghi đơn vị)", "(không ghi đơn vị)"),
        ("buổi", "buổi"),
    ],
)
def test_head_term_is_the_first_term_without_its_gloss(label: str, head: str) -> None:
    assert head_term(label) == head


@pytest.mark.parametrize(
    ("value", "lang", "said"),
    [
        (165, "en", "165 sessions"),
        (1, "en", "1 session"),
        (165, "vi", "165 buổi"),
        (7, "en", "7 persons"),
        (7, "vi", "7 người"),
    ],
)
def test_a_number_is_followed_by_one_word_that_agrees_in_english(
    value: int, lang: str, said: str
) -> None:
    unit = "session" if "buổi" in said or "session" in said else "person"
    summary = render_summary(_dataset(value, unit), lang=lang)
    assert f": {said}, " in summary
    assert "cá nhân" not in summary


def test_the_classifier_is_the_word_after_a_number_in_vietnamese() -> None:
    dataset = _dataset(654, "item", classifier="khau")
    assert ": 654 khẩu, " in render_summary(dataset, lang="vi")
    assert ": 654 items, " in render_summary(dataset, lang="en")
    body = json.loads(render_aggregate_json(dataset, lang="vi"))
    assert body["cells"][0]["unit_label"] == "khẩu"
    assert "chiếc" not in render_markdown(dataset, lang="vi")


def test_percentages_and_money_print_no_second_unit() -> None:
    summary = render_summary(_dataset(1_000_000, "vnd"), lang="vi")
    assert "1.000.000 đồng," in summary
    assert "đồng đồng" not in summary


class _Bags:
    """A plugin adding the 2.0 unit ``org.bags:bao`` (the sack)."""

    @hookimpl
    def antt_register_codelists(self) -> list[CodelistExtension]:
        code = Code(code="org.bags:bao", vi="bao", en="sack", extra={"dimension": "count"})
        return [CodelistExtension(codelist="units", namespace="org.bags", codes=[code])]


@pytest.fixture
def bags() -> AnttPluginManager:
    manager = plugin_manager(autoload=False, environ={})
    manager.register(_Bags(), name="bags")
    assert manager.load_errors == ()
    return manager


def test_a_plugins_unit_prints_its_label_through_the_request(bags: AnttPluginManager) -> None:
    """``report()`` hands the manager's 2.0 codelists to the renderer: the plugin's unit
    prints "bao", never its code; without them the unit is unknown (kept apart)."""
    dataset = _dataset(30, "org.bags:bao")
    out = io.BytesIO()
    report(dataset, "summary", out, manager=bags)
    assert ": 30 bao, " in out.getvalue().decode()
    assert "org.bags:bao" not in out.getvalue().decode()
    for name in ("markdown", "json"):
        out = io.BytesIO()
        report(dataset, name, out, manager=bags)
        assert "org.bags:bao" not in out.getvalue().decode().replace('"unit": "org.bags:bao"', "")
    assert "30 bao" not in render_summary(dataset, lang="vi")  # unknown without the plugin
    request = ReportRequest(dataset=dataset, codelists_v2=bags.codelists_v2())
    spec = bags.report_format("summary")
    assert ": 30 bao, " in str(spec.render(request))


@pytest.mark.parametrize(
    ("period", "lang", "said"),
    [
        ("2021", "vi", "năm 2021"),
        ("2021", "en", "the year 2021"),
        ("2021-01-01..2021-03-31", "vi", "quý I năm 2021"),
        (
            "2013-01-01..2023-12-31",
            "vi",
            "từ ngày 01 tháng 01 năm 2013 đến ngày 31 tháng 12 năm 2023",
        ),
        ("stock", "vi", "số hiện có (mới nhất)"),
    ],
)
def test_a_cells_period_is_said_in_words(period: str, lang: str, said: str) -> None:
    assert period_in_words(period, lang=lang) == said
