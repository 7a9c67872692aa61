"""A chart's title says its unit in the plural, since its axis counts several, and an area
level once (issue #19)."""

from __future__ import annotations

import re
from functools import cache

import pytest
from antt_domain_html import render_html
from html_plugin_support import province_dataset

from antt_domain.plugins import ReportRequest
from antt_domain.schemas import codelists

# A province report of some 15,000 records is rendered: a minute of CPU per language.
pytestmark = pytest.mark.slow

UNITS = {code.code: code for code in codelists("2")["units"]}


@cache
def _captions(lang: str) -> list[str]:
    """The captions of the charts of a province by area (rendered once per language)."""
    request = ReportRequest(dataset=province_dataset(), period=2020, by=("area",), lang=lang)
    return re.findall(r"<figcaption>(.*?)</figcaption>", render_html(request))


def test_an_english_chart_title_says_its_unit_in_the_plural() -> None:
    captions = _captions("en")
    assert captions
    parts = {part for caption in captions for part in caption.split(" — ")}
    singular = {UNITS[c].en for c in ("session", "person", "household", "case")}
    plural = {UNITS[c].extra["en_plural"] for c in ("session", "person", "household", "case")}
    assert parts & singular == set()
    assert plural <= parts
    assert [c for c in captions if "level level" in c] == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_chart_title_names_an_area_level_once(lang: str) -> None:
    captions = _captions(lang)
    assert [c for c in captions if re.search(r"(?i)cấp cấp|level level", c)] == []
    assert any(re.search(r"cấp xã|Commune level", c) for c in captions)
