"""A vague amount in a report says the source's words, never a classifier the source did not
use (issue #19: R14's awards printed "Nhiều cái" for “nhiều bằng khen, giấy khen”)."""

from __future__ import annotations

from pathlib import Path

import pytest

from antt_domain.io import load_any_dataset
from antt_domain.model import v2 as m
from antt_domain.reports import render_markdown, render_summary

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "examples" / "corpus").glob("*/dataset.json"))
#: The corpus examples holding a vague amount (an award's or a figure's).
VAGUE = [p for p in CORPUS if '"magnitude"' in p.read_text(encoding="utf-8")]


def _vague(dataset: m.Dataset) -> list[m.Quantity]:
    found = [f.quantity for f in dataset.of_type(m.Figure) if f.quantity is not None]
    found += [q for a in dataset.of_type(m.Award) for q in (a.total, a.quantity) if q]
    return [q for q in found if q.is_vague]


def test_the_corpus_has_a_vague_award() -> None:
    assert any("awd-r14-nhieu-khen" in p.read_text(encoding="utf-8") for p in VAGUE)


@pytest.mark.parametrize("path", VAGUE, ids=lambda p: p.parent.name[:3])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_vague_amount_is_reported_in_the_source_words(path: Path, lang: str) -> None:
    dataset = load_any_dataset(path)
    assert isinstance(dataset, m.Dataset)
    amounts = _vague(dataset)
    assert amounts
    for text in (render_markdown(dataset, lang=lang), render_summary(dataset, lang=lang)):
        lowered = text.lower()
        assert "nhiều cái" not in lowered
        assert "many items" not in lowered
        assert "many item" not in lowered
        for quantity in amounts:
            assert quantity.as_written is not None
            assert f"“{quantity.as_written}”" in text
            assert f"“{quantity.as_written}” (“{quantity.as_written}”)" not in text
