"""The reports of 2.0 datasets: labels from the catalogue or the dataset's vocabulary, rows that
stay apart say why, and a format that reads only 1.0 is refused before it is called."""

from __future__ import annotations

import io
from datetime import date

import pytest

from antt_domain.model import Publisher
from antt_domain.model.v2 import (
    Dataset,
    Figure,
    Interval,
    Quantity,
    Vocabulary,
    VocabularyCode,
)
from antt_domain.plugins import ReportFormatSpec, ReportRequest, UnsupportedVersionError, report
from antt_domain.reports import Table, parse_markdown, render_aggregate_json, render_markdown

YEAR = Interval(start=date(2023, 1, 1), end=date(2023, 12, 31), as_written="năm 2023")


def _figure(
    fid: str, value: int, *, classifier: str | None, written: str, **extra: object
) -> Figure:
    quantity = Quantity(value=value, unit="item", classifier=classifier, as_written=written)
    return Figure(
        id=fid, kind=str(extra.pop("kind", "weapons_handed_in")), quantity=quantity, period=YEAR
    )


def _dataset(*figures: Figure, vocabulary: Vocabulary | None = None) -> Dataset:
    return Dataset(
        id="ds", title="T", publisher=Publisher(name="P"), records=figures, vocabulary=vocabulary
    )


def _rows(markdown: str) -> list[tuple[str, ...]]:
    tables = [b for b in parse_markdown(markdown) if isinstance(b, Table)]
    return [tuple(row) for row in tables[0].rows]


def test_two_rows_kept_apart_both_say_they_differ_in_classifier() -> None:
    guns = _figure("guns", 4, classifier="khau", written="04 khẩu súng")
    rounds = _figure("rounds", 6, classifier="vien", written="06 viên đạn")
    rows = _rows(render_markdown(_dataset(guns, rounds), lang="vi"))
    assert len(rows) == 2
    for row in rows:
        assert "loại từ" in row[7]
    assert {row[1] for row in rows} == {"4", "6"}  # never "10"
    assert any("khẩu" in row[2] for row in rows)
    assert any("04 khẩu súng" in row[6] for row in rows)


def test_a_dataset_code_is_labelled_by_its_vocabulary_and_an_undeclared_one_by_itself() -> None:
    vocabulary = Vocabulary(
        namespace="daknong",
        codes=(
            VocabularyCode(codelist="figure_kinds", code="daknong:coffee_watch", vi="Canh cà phê"),
        ),
    )
    declared = _figure("a", 1, classifier=None, written="1 tổ", kind="daknong:coffee_watch")
    undeclared = _figure("b", 2, classifier=None, written="2 tổ", kind="daknong:tea_watch")
    markdown = render_markdown(_dataset(declared, undeclared, vocabulary=vocabulary), lang="vi")
    kinds = {row[0] for row in _rows(markdown)}
    assert kinds == {"Canh cà phê", "daknong:tea_watch"}


def test_json_of_a_2_0_dataset_lists_each_cell_with_its_words_and_records() -> None:
    import json  # noqa: PLC0415 - only this test reads JSON

    guns = _figure("guns", 4, classifier="khau", written="04 khẩu súng")
    body = json.loads(render_aggregate_json(_dataset(guns)))
    assert body["version"] == 2
    (cell,) = body["cells"]
    assert (cell["value"], cell["records"]) == (4, ["guns"])
    assert cell["as_written"][0]["value"] == "04 khẩu súng"
    assert cell["key"]["classifier"] == "khau"


def test_a_format_reading_only_1_0_is_refused_a_2_0_dataset_before_it_is_called() -> None:
    called: list[ReportRequest] = []

    def render(request: ReportRequest, /) -> str:
        called.append(request)
        return "x"

    spec = ReportFormatSpec(
        name="old", title="Old", media_type="text/plain", extension="txt", binary=False,
        render=render, plugin="old-plugin",
    )  # fmt: skip
    guns = _figure("guns", 4, classifier="khau", written="04 khẩu súng")
    with pytest.raises(UnsupportedVersionError, match="report format 'old'"):
        report(_dataset(guns), spec, io.BytesIO())
    assert called == []
