"""The ``docx`` report: a Báo cáo laid out per Decree 30/2020/NĐ-CP, read back with python-docx."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from antt_domain_docx import DetailsError, antt_register_report_formats, render_docx
from docx.document import Document
from docx.shared import Mm, Pt
from docx_plugin_support import PARTICULARS, all_text, open_docx, province_dataset, request

from antt_domain import Dataset, load_example
from antt_domain.plugins import ReportFormatSpec, plugin_manager, render_report
from antt_domain.testing import check_report_format

BLANK = "…………"


@pytest.fixture(scope="module")
def example() -> Dataset:
    return load_example()


@pytest.fixture(scope="module")
def report(example: Dataset) -> Document:
    """The example's report with every particular given."""
    return open_docx(render_docx(request(example, **PARTICULARS)))


def _spec() -> ReportFormatSpec:
    (spec,) = antt_register_report_formats()
    return spec


def _paragraph(document: Document, text: str):  # type: ignore[no-untyped-def]
    """The first paragraph (body or table cell) whose text is ``text``."""
    for paragraph in document.paragraphs:
        if paragraph.text == text:
            return paragraph
    for table in document.tables:
        for cell in table._cells:
            for paragraph in cell.paragraphs:
                if paragraph.text == text:
                    return paragraph
    raise AssertionError(f"no paragraph {text!r}")


def _style(paragraph) -> tuple[bool, bool, float]:  # type: ignore[no-untyped-def]
    """(bold, italic, size in pt) of a paragraph whose runs all agree."""
    runs = [r for r in paragraph.runs if r.text]
    styles = {(bool(r.font.bold), bool(r.font.italic), r.font.size.pt) for r in runs}
    assert len(styles) == 1, styles
    return styles.pop()


def test_the_page_is_a4_with_the_decree_margins(report: Document) -> None:
    """A4 portrait; top and bottom 20 mm, left 30 mm, right 15 mm (within 20-25/30-35/15-20)."""
    section = report.sections[0]
    sizes = (section.page_width, section.page_height)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    # Word stores twips (1/1440 in), so millimetres come back to the hundredth.
    assert (210.0, 297.0) == tuple(round(s.mm, 1) for s in sizes)  # type: ignore[union-attr]
    assert (20.0, 20.0, 30.0, 15.0) == tuple(round(m.mm, 1) for m in margins)  # type: ignore[union-attr]


def test_every_run_is_times_new_roman(report: Document) -> None:
    """Every piece of text, in the body and in the tables, is set in Times New Roman."""
    runs = [r for p in report.paragraphs for r in p.runs]
    for table in report.tables:
        for cell in table._cells:
            runs += [r for p in cell.paragraphs for r in p.runs]
    assert runs
    assert {"Times New Roman"} == {r.font.name for r in runs}
    assert report.styles["Normal"].font.name == "Times New Roman"


def test_the_national_title_and_motto(report: Document) -> None:
    """Title 12 pt bold caps; motto 13 pt bold; under the motto a rule as long as the motto."""
    assert (True, False, 12.0) == _style(_paragraph(report, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    motto = _paragraph(report, "Độc lập - Tự do - Hạnh phúc")
    assert (True, False, 13.0) == _style(motto)
    rule = motto._p.getnext()
    assert rule.xpath("string(.)") == ""
    assert rule.xpath("./w:pPr/w:pBdr/w:top/@w:val") == ["single"]
    cell_width = Mm(100)
    indent = int(rule.xpath("./w:pPr/w:ind/@w:left")[0]) * 635  # twips to EMU
    rule_mm = (cell_width - 2 * indent) / Mm(1)
    # The motto in Times New Roman Bold 13 pt is 55.9 mm wide (Liberation Serif Bold metrics).
    assert 55.9 == pytest.approx(rule_mm, abs=0.2)


def test_the_issuing_body_and_number(report: Document) -> None:
    """Superior body caps 12 pt; issuing body bold caps 12 pt; ``Số: 15/BC-CAH``."""
    assert (False, False, 12.0) == _style(_paragraph(report, "CÔNG AN TỈNH THANH HOÁ"))
    assert (True, False, 12.0) == _style(_paragraph(report, "CÔNG AN HUYỆN CẨM THUỶ"))
    assert (False, False, 13.0) == _style(_paragraph(report, "Số: 15/BC-CAH"))


def test_the_place_and_date_line_is_italic_and_padded(report: Document) -> None:
    """``Cẩm Thuỷ, ngày 05 tháng 3 năm 2022``: day padded, March not; italic 13 pt."""
    line = _paragraph(report, "Cẩm Thuỷ, ngày 05 tháng 3 năm 2022")
    assert (False, True, 13.0) == _style(line)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2022-01-15", "Cẩm Thuỷ, ngày 15 tháng 01 năm 2022"),
        ("09/02/2021", "Cẩm Thuỷ, ngày 09 tháng 02 năm 2021"),
        ("2021-12-31", "Cẩm Thuỷ, ngày 31 tháng 12 năm 2021"),
    ],
)
def test_months_one_and_two_are_padded(example: Dataset, given: str, expected: str) -> None:
    """Decree 30: days below 10 and months 1 and 2 take a leading zero (ISO or DD/MM/YYYY in)."""
    document = open_docx(render_docx(request(example, place="Cẩm Thuỷ", date=given)))
    assert expected in all_text(document).splitlines()


def test_the_title_subject_recipients_and_signature(report: Document) -> None:
    """BÁO CÁO and the subject 14 pt bold; Nơi nhận with each recipient; position and signer."""
    assert (True, False, 14.0) == _style(_paragraph(report, "BÁO CÁO"))
    assert (True, False, 14.0) == _style(_paragraph(report, PARTICULARS["subject"]))
    assert (True, True, 12.0) == _style(_paragraph(report, "Nơi nhận:"))
    lines = all_text(report).splitlines()
    expected = ["- Công an tỉnh Thanh Hoá;", "- Huyện uỷ, UBND huyện Cẩm Thuỷ;", "- Lưu: VT."]
    start = lines.index("Nơi nhận:")
    assert expected == lines[start + 1 : start + 4]
    assert (True, False, 13.0) == _style(_paragraph(report, "TRƯỞNG CÔNG AN HUYỆN"))
    assert (True, False, 13.0) == _style(_paragraph(report, "Nguyễn Văn An"))


def test_every_article_figure_is_in_the_report(report: Document) -> None:
    """F1-F13 of the Cẩm Thuỷ article, in Vietnamese formatting, in the text or the tables."""
    text = all_text(report)
    expected = [
        "Tuyên truyền lưu động (Nhân dân): “1.838 buổi”",  # F1, as the source wrote it
        "Phát trên hệ thống loa truyền thanh (Nhân dân): “2.543 lượt”",  # F2
        "“35 buổi”",  # F3
        "5.592 lượt người",  # F4
        "14 loại mô hình",  # F5
        "Dòng họ tự quản về ANTT",  # F6
        "Ánh sáng đường quê gắn với ANTT",
        "Xứ đạo bình yên - Gia đình văn hoá",
        "9 người",  # F7
        "17 vụ việc",  # F8
        "23 nguồn tin",  # F9
        "12.397 hộ gia đình",  # F10
        "Làng quê an toàn cho phụ nữ và trẻ em: ra mắt tại Xã Cẩm Yên, Xã Cẩm Tân, Xã Cẩm Liên",
        # F11: 3 launches
        "Thanh niên tự quản về ANTT",  # F12
        "Giúp đỡ, cảm hoá thanh niên vi phạm pháp luật (",  # F13
        "23 người",
    ]
    assert [] == [figure for figure in expected if figure not in text]


def test_the_body_has_the_summary_and_the_tables(example: Dataset, report: Document) -> None:
    """The summary report's paragraphs are the body; the markdown report's tables follow."""
    from antt_domain.reports import render_summary

    paragraphs = render_summary(example).strip().split("\n\n")[1:]
    body = [p.text for p in report.paragraphs]
    assert [] == [p for p in paragraphs if p not in body]
    headers = [[c.text for c in t.rows[0].cells] for t in report.tables[2:-1]]
    figures = ["Số liệu", "Số lượng", "Đơn vị tính", "Đối tượng, đặc điểm", "Kỳ"]
    figures += ["Đơn vị thực hiện", "Nguyên văn"]
    assert [*figures, "Cộng", "Bản ghi"] in headers
    assert ["Mô hình", "Cấp", "Giai đoạn", "Số lượng"] in [h[:4] for h in headers]
    assert ["II. ĐÁNH GIÁ", "III. NHIỆM VỤ THỜI GIAN TỚI"] == [
        p for p in body if p in ("II. ĐÁNH GIÁ", "III. NHIỆM VỤ THỜI GIAN TỚI")
    ]  # headed once each, left for the officer


def test_missing_particulars_are_marked_blanks(example: Dataset) -> None:
    """Without options: dotted blanks where issuer, number, place, date, signer would be."""
    document = open_docx(render_docx(request(example)))
    text = all_text(document).splitlines()
    assert f"Số: {BLANK}/BC-{BLANK}" in text
    assert f"{BLANK}, ngày {BLANK} tháng {BLANK} năm {BLANK}" in text
    issuing = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
    assert [BLANK, BLANK, "", f"Số: {BLANK}/BC-{BLANK}"] == issuing  # nothing invented
    start = text.index("Nơi nhận:")
    assert f"- {BLANK}." == text[start + 1]
    signature = [p.text for p in document.tables[-1].rows[0].cells[1].paragraphs]
    assert [BLANK, "", "", "", "", BLANK] == signature


def test_english_keeps_the_layout(example: Dataset) -> None:
    """``lang="en"``: the same layout, translated; English numbers (1,838)."""
    document = open_docx(render_docx(request(example).__class__(dataset=example, lang="en")))
    text = all_text(document)
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text
    assert "Independence - Freedom - Happiness" in text
    assert "1,838" in text
    assert "III. TASKS AHEAD" in text


def test_the_same_input_gives_the_same_bytes(example: Dataset) -> None:
    """Deterministic: ZIP entries dated 1980-01-01, core properties from the report's date."""
    first = render_docx(request(example, **PARTICULARS))
    assert first == render_docx(request(example, **PARTICULARS))
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {(1980, 1, 1, 0, 0, 0)} == {i.date_time for i in archive.infolist()}
    core = open_docx(first).core_properties
    day = datetime(2022, 3, 5, tzinfo=timezone.utc)
    assert (day, day) == (core.created, core.modified)
    assert ("CÔNG AN HUYỆN CẨM THUỶ", PARTICULARS["subject"]) == (
        core.author.upper(),
        core.title,
    )


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_config_file_gives_the_particulars(example: Dataset, tmp_path: Path, suffix: str) -> None:
    """``-O config=PATH`` (TOML or JSON); an option given alongside wins over the file."""
    config = tmp_path / f"bao-cao{suffix}"
    if suffix == ".toml":
        config.write_text(
            'issuer = "Công an huyện Cẩm Thuỷ"\nnumber = "7/BC-CAH"\ndate = 2022-02-01\n'
            'place = "Cẩm Thuỷ"\nrecipients = ["Công an tỉnh", "Lưu: VT"]\n',
            encoding="utf-8",
        )
    else:
        config.write_text(
            json.dumps(
                {
                    "issuer": "Công an huyện Cẩm Thuỷ",
                    "number": "7/BC-CAH",
                    "date": "2022-02-01",
                    "place": "Cẩm Thuỷ",
                    "recipients": ["Công an tỉnh", "Lưu: VT"],
                }
            ),
            encoding="utf-8",
        )
    document = open_docx(render_docx(request(example, config=str(config), number="8/BC-CAH")))
    text = all_text(document).splitlines()
    assert "CÔNG AN HUYỆN CẨM THUỶ" in text
    assert "Số: 08/BC-CAH" in text  # the option won; Decree 30 pads numbers below 10
    assert "Cẩm Thuỷ, ngày 01 tháng 02 năm 2022" in text
    assert ["- Công an tỉnh;", "- Lưu: VT."] == text[text.index("Nơi nhận:") + 1 :][:2]


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"date": "32/13/2022"}, "date"),
        ({"number": "not a number"}, "number"),
        ({"config": "missing.toml"}, "config"),
        ({"config": "bao-cao.yaml"}, "config"),
    ],
)
def test_unusable_particulars_are_errors_naming_the_field(
    example: Dataset, options: dict[str, str], field: str
) -> None:
    """A bad date, number or config file raises ``DetailsError`` (an AnttError) naming it."""
    with pytest.raises(DetailsError) as caught:
        render_docx(request(example, **options))
    assert field == caught.value.field


def test_an_unknown_config_key_is_refused(example: Dataset, tmp_path: Path) -> None:
    """A key the format does not know (a typo) is an error listing the known ones."""
    config = tmp_path / "c.json"
    config.write_text('{"isuer": "X"}', encoding="utf-8")
    with pytest.raises(DetailsError, match="unknown key"):
        render_docx(request(example, config=str(config)))


@pytest.mark.slow
def test_the_conformance_kit_passes() -> None:
    """``check_report_format``: every conformance dataset, vi and en, bytes, deterministic."""
    assert "docx" == check_report_format(_spec(), records=2000).name


def test_it_is_registered_through_the_plugin_manager(example: Dataset) -> None:
    """Registered like any plugin, ``render_report`` renders it; options are checked."""
    manager = plugin_manager(autoload=False)
    import antt_domain_docx

    manager.register(antt_domain_docx, name="docx")
    spec = manager.report_format("docx")
    assert (True, "docx") == (spec.binary, spec.extension)
    data = render_report(spec, request(example, issuer="X"))
    assert data.startswith(b"PK")


@pytest.mark.slow
def test_a_province_sized_dataset(tmp_path: Path) -> None:
    """A generated province (27 districts, 540 communes, 3 years) renders, by area."""
    dataset = province_dataset()
    document = open_docx(
        render_docx(request(dataset).__class__(dataset=dataset, period=2020, by=("area",)))
    )
    titles = [p.text for p in document.paragraphs]
    assert "SỐ LIỆU CHI TIẾT" in titles
    rows = sum(len(t.rows) for t in document.tables)
    assert rows > 540  # every commune's figures, one row per area and key
    assert Pt(14) == document.styles["Normal"].font.size
