"""The docx report of Schema 2.0 datasets: every corpus figure in the source's words, with its
unit's Vietnamese label, in the document's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from antt_domain_docx import render_docx
from docx_plugin_support import ROOT, all_text, open_docx

from antt_domain.io import load_any_dataset
from antt_domain.model.v2 import Codelists, Dataset, Figure
from antt_domain.plugins import ReportRequest
from antt_domain.schemas import codelists

DATASETS = [
    *sorted((ROOT / "examples" / "corpus").glob("*/dataset.json")),
    ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json",
]


@pytest.mark.parametrize("path", DATASETS, ids=lambda p: p.parent.name)
def test_docx_of_a_2_0_dataset_prints_every_figure_as_written(path: Path) -> None:
    dataset = load_any_dataset(path)
    assert isinstance(dataset, Dataset)
    text = all_text(open_docx(render_docx(ReportRequest(dataset=dataset))))
    vocab = Codelists(lists=codelists("2"), vocabulary=dataset.vocabulary)
    missing = []
    for figure in dataset.of_type(Figure):
        if figure.quantity is None:
            continue
        unit = vocab.label(figure.quantity.unit, "vi", codelist="units")
        wanted = [unit, figure.quantity.as_written]
        missing += [w for w in wanted if w and w not in text]
    assert missing == []
