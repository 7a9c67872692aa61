"""Every corpus report prints each figure once, as the source wrote it (issue #19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from antt_domain.aggregate import aggregate_v2
from antt_domain.io import load_any_dataset
from antt_domain.model.v2 import Dataset, Figure
from antt_domain.reports import render_markdown, render_summary
from antt_domain.text_safety import markdown_inline

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
