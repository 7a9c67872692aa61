"""Every corpus report prints each figure once, as the source wrote it (issue #19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from antt_domain.aggregate import aggregate_v2
from antt_domain.io import load_any_dataset
from antt_domain.model.v2 import Dataset, Figure
from antt_domain.reports import Table, parse_markdown, render_markdown, render_summary
from antt_domain.text_safety import markdown_inline
from helpers.corpus_words import AFTER_NUMBER, QUOTED

UNIT = {"vi": "Đơn vị tính", "en": "Unit"}

CORPUS = sorted((Path(__file__).parents[3] / "examples" / "corpus").glob("*/dataset.json"))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.parent.name[:3])
def test_every_figure_is_written_as_the_source_wrote_it(path: Path) -> None:
    dataset = load_any_dataset(path)
    assert isinstance(dataset, Dataset)
    markdown = render_markdown(dataset, lang="vi")
    result = aggregate_v2(dataset)
    shown = {c.record_id for cell in result.cells for c in cell.contributions}
    shown |= {a.figure.id for a in result.apart}
    for figure in dataset.of_type(Figure):
        written = figure.quantity.as_written if figure.quantity else None
        if figure.id in shown and written:
            assert markdown_inline(f"“{written}") in markdown, (figure.id, written)
    for cell in result.cells:  # no total adds two keys
        assert len({c.figure.kind for c in cell.contributions}) == 1
        units = {
            (c.figure.quantity.unit, c.figure.quantity.classifier)
            for c in cell.contributions
            if c.figure.quantity
        }
        assert len(units) == 1
    summary = render_summary(dataset, lang="vi")
    assert summary.rstrip().endswith("II. ĐÁNH GIÁ\n\nIII. NHIỆM VỤ THỜI GIAN TỚI")
    assert "Không có số liệu" not in summary + markdown


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.parent.name[:3])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_number_is_followed_by_a_list_of_synonyms(path: Path, lang: str) -> None:
    """A number is followed by one word (the classifier, or the unit's head term), never by
    a whole codelist label such as "cái, chiếc, khẩu"; the source's quoted words may."""
    dataset = load_any_dataset(path)
    assert isinstance(dataset, Dataset)
    for text in (render_markdown(dataset, lang=lang), render_summary(dataset, lang=lang)):
        ours = QUOTED.sub("“…”", text)
        assert AFTER_NUMBER.findall(ours) == [], (lang, AFTER_NUMBER.search(ours))
    for block in parse_markdown(render_markdown(dataset, lang=lang)):
        if isinstance(block, Table) and (UNIT[lang] in block.header):
            column = block.header.index(UNIT[lang])
            assert [r[column] for r in block.rows if "," in r[column]] == []


def test_the_synonym_check_can_fail() -> None:
    assert AFTER_NUMBER.findall("274 tổ, đội, nhóm hòa giải") == ["tổ, đội"]
    assert AFTER_NUMBER.findall("4.426 cái, chiếc, khẩu, viên, quả, mắt, căn, suất") != []
    assert AFTER_NUMBER.findall("3 unit (area, agency, enterprise, school)") != []
    assert AFTER_NUMBER.findall("3 persons") == AFTER_NUMBER.findall("12 buổi, 3 tổ") == []
    assert AFTER_NUMBER.findall(QUOTED.sub("“…”", "“4.426 cái, chiếc, khẩu”, 5 tổ")) == []
