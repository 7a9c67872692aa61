"""The docx report of Schema 2.0 datasets: every corpus figure in the source's words, with its
unit in one Vietnamese word, in the document's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from antt_domain_docx import render_docx
from antt_domain_docx._document import heading_level
from docx_plugin_support import ROOT, all_text, open_docx

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
def test_docx_of_a_2_0_dataset_prints_every_figure_as_written(path: Path) -> None:
    dataset = load_any_dataset(path)
    assert isinstance(dataset, Dataset)
    text = all_text(open_docx(render_docx(ReportRequest(dataset=dataset))))
    vocab = Codelists(lists=codelists("2"), vocabulary=dataset.vocabulary)
    missing = []
    for figure in dataset.of_type(Figure):
        if figure.quantity is None:
            continue
        wanted = [_unit_word(figure.quantity, vocab), figure.quantity.as_written]
        missing += [w for w in wanted if w and w not in text]
    assert missing == []


def test_headings_use_words_heading_styles() -> None:
    """The report's parts are Word's "Heading 1" ("I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ", the
    detailed figures) and its sections "Heading 2" and "Heading 3", read back by style name,
    so the navigation pane and a table of contents find them; sentences never are."""
    path = ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json"
    dataset = load_any_dataset(path)
    document = open_docx(render_docx(ReportRequest(dataset=dataset)))
    styled: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        styled.setdefault(paragraph.style.name if paragraph.style else "", []).append(
            paragraph.text
        )
    assert styled["Heading 1"] == [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. ĐÁNH GIÁ",
        "III. NHIỆM VỤ THỜI GIAN TỚI",
        "SỐ LIỆU CHI TIẾT",
    ]
    assert styled["Heading 2"][0].startswith("1. ")
    assert "I. Kết quả thực hiện" in styled["Heading 2"]
    assert any(text.startswith("1. ") for text in styled["Heading 3"])
    headings = [t for name in ("Heading 1", "Heading 2", "Heading 3") for t in styled[name]]
    assert [t for t in headings if t.endswith(".")] == []
    style = document.styles["Heading 1"]
    assert style.font.name == "Times New Roman"
    assert style.font.color.rgb is not None
    assert str(style.font.color.rgb) == "000000"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I. KẾT QUẢ THỰC HIỆN", 1),
        ("III. NHIỆM VỤ THỜI GIAN TỚI", 1),
        ("2. Kết quả đạt được", 2),
        ("Địa bàn: huyện Cẩm Thuỷ. Số liệu năm 2021.", 0),
        ("1. Hội nghị (năm 2021).", 0),
        ("165 buổi tuyên truyền", 0),
    ],
)
def test_heading_level_tells_headings_from_sentences(text: str, level: int) -> None:
    assert heading_level(text) == level
