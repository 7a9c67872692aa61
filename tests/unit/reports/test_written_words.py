"""A figure's words join the amount as written and what it counted without saying a word
twice: "271.151 nguồn tin" + "nguồn tin liên quan đến …" is "271.151 nguồn tin liên quan
đến …" (issue #19, the source's words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from antt_domain.convert.v2 import structure_record
from antt_domain.io import load_any_dataset
from antt_domain.model.v2 import Figure
from antt_domain.reports import amount_words
from antt_domain.reports._v2_sections import written

ROOT = Path(__file__).resolve().parents[3]
CORPUS = sorted((ROOT / "examples" / "corpus").glob("*/dataset.json"))


def _doubled(text: str) -> set[str]:
    """Every run of one to four words said twice in a row in ``text``."""
    words = text.casefold().split()
    found = set()
    for size in range(1, 5):
        for start in range(len(words) - 2 * size + 1):
            if words[start : start + size] == words[start + size : start + 2 * size]:
                found.add(" ".join(words[start : start + size]))
    return found


def _figure(as_written: str, counted: str) -> Figure:
    record = structure_record(
        {
            "id": "f1",
            "type": "figure",
            "kind": "tips_provided",
            "quantity": {"value": 1, "unit": "tip", "as_written": as_written},
            "counted_as_written": counted,
            "period": {"kind": "unstated"},
        }
    )
    assert isinstance(record, Figure)
    return record


def test_the_words_the_amount_and_the_counted_thing_share_are_said_once() -> None:
    figure = _figure("271.151 nguồn tin", "nguồn tin liên quan đến hành vi vi phạm pháp luật")
    assert written(figure) == "271.151 nguồn tin liên quan đến hành vi vi phạm pháp luật"
    assert written(_figure("hơn 250", "cán bộ, người dân")) == "hơn 250 cán bộ, người dân"
    assert written(_figure("15 thành viên", "15 thành viên")) == "15 thành viên"
    assert _doubled("271.151 nguồn tin nguồn tin liên quan") == {"nguồn tin"}  # can fail
    assert amount_words("Nguồn tin", "nguồn tin có giá trị") == "Nguồn tin có giá trị"
    assert amount_words(None, "tổ tự quản") == "tổ tự quản"
    assert amount_words("5 tổ", None) == "5 tổ"


@pytest.mark.parametrize("path", CORPUS, ids=[p.parent.name[:3] for p in CORPUS])
def test_no_corpus_figure_says_a_word_twice_that_its_source_did_not(path: Path) -> None:
    dataset = load_any_dataset(path)
    for figure in dataset.records:
        if not isinstance(figure, Figure):
            continue
        quantity = figure.quantity
        said = quantity.as_written if quantity is not None and quantity.as_written else ""
        allowed = _doubled(said) | _doubled(figure.counted_as_written or "")
        assert _doubled(written(figure)) <= allowed, (figure.id, written(figure))
