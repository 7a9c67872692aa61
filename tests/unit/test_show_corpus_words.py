"""``antt show`` says one word after a number, as the reports do (issue #19): never a unit
label that lists synonyms, and a vague amount in the source's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from antt_domain.cli import main
from antt_domain.cli._show_v2 import describe_quantity_v2
from antt_domain.io import load_any_dataset
from antt_domain.model import v2 as m
from antt_domain.reports import unit_word, vague_words
from antt_domain.schemas import codelists
from helpers.corpus_words import lists_after_numbers

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "examples" / "corpus").glob("*/dataset.json"))
EXAMPLES = [*CORPUS, ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json"]
LABELS = m.Codelists(lists=codelists("2"))


def test_all_corpus_examples_are_tried() -> None:
    assert len(CORPUS) >= 27
    assert all(p.is_file() for p in EXAMPLES)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name[:3])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_show_prints_no_number_followed_by_a_list_of_synonyms(
    path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "--lang", lang, str(path)]) == 0
    shown = capsys.readouterr().out
    assert lists_after_numbers(shown) == []
    dataset = load_any_dataset(path)
    assert isinstance(dataset, m.Dataset)
    for figure in dataset.of_type(m.Figure):
        quantity = figure.quantity
        if quantity is None or quantity.is_vague:
            continue
        line = next(x for x in shown.splitlines() if x.startswith(f"  [{figure.id}] "))
        labels = m.Codelists(lists=codelists("2"), vocabulary=dataset.vocabulary)
        exact = quantity.is_exact and quantity.upper is None
        word = unit_word(
            labels,
            quantity.unit,
            quantity.classifier,
            lang=lang,
            value=quantity.value if exact else None,
        )
        assert f" {word}" in line


def test_the_check_fails_on_a_whole_label() -> None:
    """What ``antt show`` printed before: the unit's whole label after the number."""
    assert lists_after_numbers("Bắt giữ: 3 người, cá nhân, đối tượng, thành viên") != []
    assert lists_after_numbers("4.426 cái, chiếc, khẩu, viên, quả, mắt, căn, suất") != []
    assert lists_after_numbers("3 người “3 người, cá nhân”") == []


def _quantity(**given: object) -> m.Quantity:
    return m.Quantity(**given)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("given", "vi", "en"),
    [
        ({"value": 3, "unit": "person"}, "3 người", "3 persons"),
        ({"value": 1, "unit": "session"}, "1 buổi", "1 session"),
        ({"value": 654, "unit": "item", "classifier": "khau"}, "654 khẩu", "654 items"),
        ({"value": 20, "unit": "year"}, "20 năm", "20 years"),
    ],
)
def test_a_number_is_followed_by_one_word(given: dict[str, object], vi: str, en: str) -> None:
    quantity = _quantity(**given)
    assert describe_quantity_v2(quantity, LABELS, "vi") == vi
    assert describe_quantity_v2(quantity, LABELS, "en").startswith(en)


@pytest.mark.parametrize(
    ("given", "vi", "en"),
    [
        (
            {"magnitude": "many", "unit": "item", "as_written": "nhiều bằng khen, giấy khen"},
            "“nhiều bằng khen, giấy khen”",
            "“nhiều bằng khen, giấy khen”",
        ),
        ({"magnitude": "many", "unit": "item"}, "nhiều", "many"),
        ({"magnitude": "thousands", "unit": "household"}, "hàng nghìn hộ", "thousands households"),
        ({"magnitude": "many", "unit": "item", "counted": ("gift",)}, "nhiều quà", "many gift"),
        ({"magnitude": "many", "unit": "item", "classifier": "phan"}, "nhiều phần", "many items"),
    ],
)
def test_a_vague_amount_says_the_words_of_the_source(
    given: dict[str, object], vi: str, en: str
) -> None:
    """The source's words, else the magnitude and the word of the thing counted; never a
    generic classifier ("nhiều cái") the source did not use."""
    quantity = _quantity(precision=m.Precision.VAGUE, **given)
    assert vague_words(LABELS, quantity, lang="vi") == vi
    assert vague_words(LABELS, quantity, lang="en") == en
    assert describe_quantity_v2(quantity, LABELS, "vi") == vi
