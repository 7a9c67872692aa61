"""``render_docx``: a Báo cáo (report) laid out per Decree 30/2020/NĐ-CP, as .docx bytes."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from typing import Any

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell

from antt_domain.plugins import ReportRequest
from antt_domain.reports import (
    Heading,
    Table,
    Text,
    parse_markdown,
    render_markdown,
    render_summary,
    report_dataset,
)
from antt_domain.text_safety import xml_safe
from antt_domain.vi import format_date_line, format_long_date, month_name
from antt_domain_docx._details import DocumentDetails, details_from
from antt_domain_docx._layout import (
    BLANK,
    BODY_PT,
    FONT,
    MARGINS_MM,
    PAGE_MM,
    add_rule,
    add_run,
    cell_paragraph,
    layout_table,
)
from antt_domain_docx._metrics import bold_width_mm

__all__ = ["heading_level", "render_docx"]

#: The title blocks' columns: issuing body (left) and national title (right), in mm.
HEAD_COLUMNS_MM = (65.0, 100.0)
#: The closing blocks' columns: recipients (left) and signature (right), in mm.
FOOT_COLUMNS_MM = (75.0, 90.0)
TITLE_PT = 12  # national title and issuing bodies: 12-13 pt
MOTTO_PT = 13  # motto: 13-14 pt
DATE_PT = 13  # place and date line: 13-14 pt, italic
NUMBER_PT = 13  # "Số: ...": 13 pt
HEADING_PT = 14  # BÁO CÁO and the subject: 14 pt
TABLE_PT = 12
RECIPIENTS_PT = 11
#: ZIP entries get this timestamp, so that the same input gives the same bytes.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

_WORDS = {
    "vi": {
        "nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "number": "Số: ",
        "kind": "BÁO CÁO",
        "recipients": "Nơi nhận:",
        "tables": "SỐ LIỆU CHI TIẾT",
    },
    "en": {
        "nation": "SOCIALIST REPUBLIC OF VIET NAM",
        "motto": "Independence - Freedom - Happiness",
        "number": "No.: ",
        "kind": "REPORT",
        "recipients": "Recipients:",
        "tables": "DETAILED FIGURES",
    },
}


def render_docx(request: ReportRequest, /) -> bytes:
    """The report of ``request`` as a Word document (bytes), deterministic.

    Title blocks, number, place and date, ``BÁO CÁO`` and the subject, then the body -- the
    paragraphs of the ``summary`` report and the tables of the ``markdown`` report -- then the
    recipients and the signature block. See the package README for the options.
    """
    details = details_from(request.options)
    selection: dict[str, Any] = {
        "lang": request.lang,
        "period": request.period,
        "area": request.area,
        "by": request.by,
        "codelists": request.codelists_v2,
    }
    # The 2.0 dataset the document is made from (a 1.0 one upgraded, with its 1.0
    # selections), made once for the summary and the tables.
    two = report_dataset(
        request.dataset,
        organisation=request.options.get("organisation"),
        agreement=request.options.get("agreement"),
    )
    summary = render_summary(two, **selection)
    tables = render_markdown(two, **selection)
    words = _WORDS[request.lang]
    document = docx.Document()
    _page(document)
    _head(document, details, words, request.lang)
    _title(document, details.subject or request.dataset.title, words)
    paragraphs = summary.strip().split("\n\n")
    _heading_styles(document)
    for text in paragraphs[1:]:  # the first names the dataset, which the subject already does
        level = heading_level(text)
        if level:
            _heading(document, text, level)
        else:
            _body_paragraph(document, text)
    _tables(document, tables, words)
    _foot(document, details, words)
    _properties(document, details, request)
    return _deterministic(document)


def _page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    top, bottom, left, right = MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    # Page numbers: centred in the top margin, from the second page on (Decree 30/2020).
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    header._p.append(field)
    add_run(header, "", size=BODY_PT)


def _blank(value: str | None) -> str:
    return value if value else BLANK


def _date_line(details: DocumentDetails, lang: str) -> str:
    place = _blank(details.place)
    day = details.date
    if lang == "vi":
        if day is None:
            return f"{place}, ngày {BLANK} tháng {BLANK} năm {BLANK}"
        if details.place:
            return format_date_line(day, place=details.place)
        return f"{place}, {format_long_date(day)}"
    if day is None:
        return f"{place}, {BLANK}"
    return f"{place}, {month_name(day.month, lang='en')} {day.day}, {day.year}"


def _number(details: DocumentDetails) -> str:
    return details.number or f"{BLANK}/BC-{BLANK}"


def _head(document: Document, details: DocumentDetails, words: dict[str, str], lang: str) -> None:
    left_mm, right_mm = HEAD_COLUMNS_MM
    table = document.add_table(rows=1, cols=2)
    layout_table(table, HEAD_COLUMNS_MM)
    left, right = table.rows[0].cells
    superior = cell_paragraph(left, first=True)
    add_run(superior, _blank(details.superior).upper(), size=TITLE_PT)
    issuer_text = _blank(details.issuer).upper()
    issuer = cell_paragraph(left, after=3)
    add_run(issuer, issuer_text, size=TITLE_PT, bold=True)
    # The rule under the issuing body: 1/3 to 1/2 of its line (here 2/5), centred.
    add_rule(left, line_mm=bold_width_mm(issuer_text, TITLE_PT), cell_mm=left_mm, share=0.4)
    number = cell_paragraph(left)
    number.paragraph_format.space_before = Pt(6)
    add_run(number, words["number"] + _number(details), size=NUMBER_PT)

    nation = cell_paragraph(right, first=True)
    add_run(nation, words["nation"], size=TITLE_PT, bold=True)
    motto = cell_paragraph(right, after=3)
    add_run(motto, words["motto"], size=MOTTO_PT, bold=True)
    # The rule under the motto: as long as the motto, centred.
    add_rule(right, line_mm=bold_width_mm(words["motto"], MOTTO_PT), cell_mm=right_mm)
    when = cell_paragraph(right)
    when.paragraph_format.space_before = Pt(6)
    add_run(when, _date_line(details, lang), size=DATE_PT, italic=True)


def _title(document: Document, subject: str, words: dict[str, str]) -> None:
    kind = document.add_paragraph()
    kind.alignment = WD_ALIGN_PARAGRAPH.CENTER
    kind.paragraph_format.space_before = Pt(18)
    kind.paragraph_format.space_after = Pt(0)
    add_run(kind, words["kind"], size=HEADING_PT, bold=True)
    table = document.add_table(rows=1, cols=1)
    text_mm = PAGE_MM[0] - MARGINS_MM[2] - MARGINS_MM[3]
    layout_table(table, (text_mm,))
    cell = table.rows[0].cells[0]
    line = cell_paragraph(cell, first=True, after=3)
    add_run(line, subject, size=HEADING_PT, bold=True)
    # The rule under the subject: 1/3 to 1/2 of the line (here 2/5), centred.
    add_rule(cell, line_mm=bold_width_mm(subject, HEADING_PT), cell_mm=text_mm, share=0.4)
    space = document.add_paragraph()
    space.paragraph_format.space_after = Pt(0)


#: "I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ": a part of the report (Heading 1).
_PART = re.compile(r"(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\. \S")
#: "1. Công tác tuyên truyền": a numbered section of a part (Heading 2); never a sentence.
_SECTION = re.compile(r"\d{1,2}\. \S")
#: The sizes of the headings, by level (Decree 30/2020: 13-14 pt, bold).
HEADING_SIZES_PT = {1: 14, 2: 13, 3: 13}


def heading_level(text: str) -> int:
    """The Word heading level of a summary paragraph: 1 for a part ("I. ..."), 2 for a
    numbered section ("1. ..."), 0 for a sentence (a paragraph ending with a full stop)."""
    if text.endswith(".") or len(text) > 200:
        return 0
    if _PART.match(text):
        return 1
    return 2 if _SECTION.match(text) else 0


def _heading_styles(document: Document) -> None:
    """Word's own styles "Heading 1" to "Heading 3", in the body's font, black and bold: the
    navigation pane and a table of contents find the report's parts."""
    for level, size in HEADING_SIZES_PT.items():
        style = document.styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = level == 3
        style.font.color.rgb = RGBColor(0, 0, 0)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)


def _heading(document: Document, text: str, level: int) -> None:
    paragraph = document.add_paragraph(style=f"Heading {level}")
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(6)
    fmt.space_after = Pt(3)
    fmt.keep_with_next = True
    add_run(paragraph, text, size=HEADING_SIZES_PT[level], bold=True, italic=level == 3)


def _body_paragraph(document: Document, text: str, *, bold: bool = False) -> None:
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Mm(12.7)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.15
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    add_run(paragraph, text, size=BODY_PT, bold=bold)


def _tables(document: Document, markdown: str, words: dict[str, str]) -> None:
    blocks = parse_markdown(markdown)
    if not any(isinstance(b, Table) for b in blocks):
        return
    _heading(document, words["tables"], 1)
    caption = ""
    for block in blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                continue
            caption = block.text
            _heading(document, block.text, min(block.level, 3))
        elif isinstance(block, Text):
            if block.text.startswith("- **"):
                continue  # area and period: the summary's second paragraph says them
            _body_paragraph(document, block.text.replace("**", ""))
        else:
            _data_table(document, block, caption)


def _data_table(document: Document, block: Table, caption: str) -> None:
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    properties = table._tbl.tblPr
    alt = OxmlElement("w:tblCaption")
    alt.set(qn("w:val"), caption[:255])
    properties.append(alt)
    header = table.rows[0]
    marker = OxmlElement("w:tblHeader")  # repeat the header row on every page
    header._tr.get_or_add_trPr().append(marker)
    for cell, text in zip(header.cells, block.header, strict=True):
        _cell_text(cell, text, bold=True)
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=False):
            _cell_text(cell, text)
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def _cell_text(cell: _Cell, text: str, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    if text:
        add_run(paragraph, text, size=TABLE_PT, bold=bold)


def _foot(document: Document, details: DocumentDetails, words: dict[str, str]) -> None:
    table = document.add_table(rows=1, cols=2)
    layout_table(table, FOOT_COLUMNS_MM)
    left, right = table.rows[0].cells
    head = left.paragraphs[0]
    head.paragraph_format.space_before = Pt(12)
    add_run(head, words["recipients"], size=TITLE_PT, bold=True, italic=True)
    recipients = details.recipients or (BLANK,)
    for index, recipient in enumerate(recipients):
        line = left.add_paragraph()
        line.paragraph_format.space_after = Pt(0)
        end = "." if index == len(recipients) - 1 else ";"
        add_run(line, f"- {recipient}{end}", size=RECIPIENTS_PT)
    position = cell_paragraph(right, first=True)
    position.paragraph_format.space_before = Pt(12)
    add_run(position, _blank(details.position).upper(), size=MOTTO_PT, bold=True)
    for _ in range(4):  # room for the signature and the seal
        cell_paragraph(right)
    signer = cell_paragraph(right)
    add_run(signer, _blank(details.signer), size=MOTTO_PT, bold=True)


#: The longest text a core property (title, author) holds.
_PROPERTY_CHARS = 255


def _property(text: str) -> str:
    """``text`` as a core property holds it: XML-safe, one line, cut to 255 characters with
    ``…`` (the document's body holds it whole)."""
    safe = xml_safe(" ".join(text.split()))
    return safe if len(safe) <= _PROPERTY_CHARS else safe[: _PROPERTY_CHARS - 1] + "…"


def _properties(document: Document, details: DocumentDetails, request: ReportRequest) -> None:
    core = document.core_properties
    core.title = _property(details.subject or request.dataset.title)
    core.subject = _WORDS[request.lang]["kind"]
    core.author = _property(details.issuer or "")
    core.last_modified_by = ""
    core.comments = ""
    core.keywords = "antt-domain"
    core.language = request.lang
    core.revision = 1
    stamp = datetime.combine(details.date or date(*ZIP_EPOCH[:3]), datetime.min.time())
    core.created = stamp
    core.modified = stamp


def _deterministic(document: Document) -> bytes:
    """Save, then repack the ZIP with fixed timestamps (python-docx stamps the clock time)."""
    saved = io.BytesIO()
    document.save(saved)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(item.filename))
    return out.getvalue()
