"""Decree 30/2020/NĐ-CP page layout, and the low-level Word pieces the document is made of.

The numbers a reader can check against the decree (Appendix I) are here, in one place.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from antt_domain.text_safety import xml_safe

__all__ = [
    "BLANK",
    "BODY_PT",
    "FONT",
    "MARGINS_MM",
    "PAGE_MM",
    "add_rule",
    "add_run",
    "cell_paragraph",
    "layout_table",
    "set_cell_width",
]

#: Times New Roman, the decree's font (Unicode, TCVN 6909:2001).
FONT = "Times New Roman"
#: A4 portrait, width x height.
PAGE_MM = (210, 297)
#: top, bottom (20-25 mm), left (30-35 mm), right (15-20 mm).
MARGINS_MM = (20, 20, 30, 15)
#: The body text size (13-14 pt).
BODY_PT = 14
#: What stands where a particular was not given: a marked blank, never invented text.
BLANK = "…………"

# Word refuses properties out of the schema's order: what may follow w:pBdr and w:tblLayout.
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_AFTER_TBLLAYOUT = (
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)


def add_run(
    paragraph: Paragraph,
    text: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
) -> None:
    """Add ``text`` in Times New Roman at ``size`` pt to ``paragraph``, for every script; a
    character XML cannot hold (U+0001, U+FFFE …) is written as its code point (``\\u0001``)."""
    run = paragraph.add_run(xml_safe(text))
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _spacing(paragraph: Paragraph, *, before: float = 0, after: float = 0) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0


def cell_paragraph(cell: _Cell, *, first: bool = False, after: float = 0) -> Paragraph:
    """A centred paragraph in ``cell`` (its first, empty one when ``first``)."""
    paragraph: Paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(paragraph, after=after)
    return paragraph


def add_rule(cell: _Cell, *, line_mm: float, cell_mm: float, share: float = 1.0) -> Paragraph:
    """A solid horizontal rule, ``share`` of a line ``line_mm`` long (at most the cell's
    width ``cell_mm``), centred under it.

    It is the top border of an empty paragraph indented on both sides, so its length is
    exactly what is asked whatever program draws it.
    """
    width = share * min(line_mm, cell_mm)
    paragraph: Paragraph = cell.add_paragraph()
    _spacing(paragraph, before=2)
    indent = Mm((cell_mm - width) / 2)
    paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.right_indent = indent
    paragraph_properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph_properties.insert_element_before(borders, *_AFTER_PBDR)
    mark = OxmlElement("w:rPr")  # the paragraph mark: 2 pt, so the rule sits close
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    mark.append(size)
    paragraph_properties.insert_element_before(mark, "w:sectPr", "w:pPrChange")
    return paragraph


def set_cell_width(cell: _Cell, width_mm: float) -> None:
    """Fix a cell's width (Word and LibreOffice both honour ``w:tcW``)."""
    cell.width = Mm(width_mm)


def layout_table(table: Table, widths_mm: tuple[float, ...]) -> None:
    """A borderless table of fixed column widths and no cell padding, for the title blocks."""
    table.autofit = False
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.insert_element_before(layout, *_AFTER_TBLLAYOUT)
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.insert_element_before(margins, *_AFTER_TBLLAYOUT[1:])
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            set_cell_width(cell, width)
