"""The HTML report of Schema 2.0 datasets: every corpus figure in the source's words, with its
unit in one Vietnamese word, in the page's text; no chart mixes unlike figures (none is drawn)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from antt_domain_html import render_html
from html_plugin_support import ROOT

from antt_domain.io import load_any_dataset
from antt_domain.model.v2 import Codelists, Dataset, Figure, Quantity
from antt_domain.plugins import ReportRequest
from antt_domain.schemas import codelists


def _unit_word(quantity: Quantity, vocab: Codelists) -> str:
    """The one word after a number: the classifier, else the unit label's head term ("người"
    of "người, cá nhân, đối tượng, thành viên"); none for "%" and "đồng"."""
    if quantity.classifier is not None:
        return vocab.label(quantity.classifier, "vi", codelist="classifiers")
    if quantity.unit in ("percent", "vnd"):
        return ""
    label = vocab.label(quantity.unit, "vi", codelist="units")
    bare = label if label.startswith("(") else label.split(" (", maxsplit=1)[0]
    return bare.split(",", maxsplit=1)[0].rstrip("… ")


DATASETS = [
    *sorted((ROOT / "examples" / "corpus").glob("*/dataset.json")),
    ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json",
]


@pytest.mark.parametrize("path", DATASETS, ids=lambda p: p.parent.name)
def test_html_of_a_2_0_dataset_prints_every_figure_as_written(path: Path) -> None:
    dataset = load_any_dataset(path)
    assert isinstance(dataset, Dataset)
    page = render_html(ReportRequest(dataset=dataset))
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    vocab = Codelists(lists=codelists("2"), vocabulary=dataset.vocabulary)
    missing = []
    for figure in dataset.of_type(Figure):
        if figure.quantity is None:
            continue
        wanted = [_unit_word(figure.quantity, vocab), figure.quantity.as_written]
        missing += [w for w in wanted if w and w not in text]
    assert missing == []
    assert "<svg" not in page
