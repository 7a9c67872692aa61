"""Writing a workbook: the ``xlsx`` exporter and the fill-in template.

Cells get proper types: numbers are number cells, dates date cells (``dd/mm/yyyy``), every
text is a text cell -- never a formula, even when it starts with ``=``, ``+``, ``-`` or ``@``
(those also get Excel's quote prefix, so that editing them keeps them text). A character XML
cannot hold is written as Excel writes it, ``_xHHHH_``: the controls U+0001 … (which the
importer reads back) and U+FFFE, U+FFFF (which stay written so). Code columns have
a dropdown of their codelist's labels. The output is deterministic: fixed timestamps in the
document properties and the ZIP.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO

from antt_domain.convert import unstructure
from antt_domain.convert import v2 as convert_v2
from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.text_safety import xml_safe
from openpyxl import Workbook  # type: ignore[import-untyped]  # no type hints
from openpyxl.cell.cell import Cell  # type: ignore[import-untyped]  # no type hints
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]  # no type hints
from openpyxl.utils import get_column_letter, quote_sheetname  # type: ignore[import-untyped]  # no type hints
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]  # no type hints
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]  # no type hints

from antt_domain_xlsx._cells import join_list, text_out
from antt_domain_xlsx._labels import Labels
from antt_domain_xlsx._layout import (
    CODELIST_SHEET,
    DATA_ROW,
    KEY_ROW,
    LIST_KINDS,
    METADATA,
    POSITION_COLUMN,
    Column,
    Layout,
    Sheet,
    layout,
)

__all__ = ["dataset_bytes", "template_bytes"]

_FORMULA_STARTS = ("=", "+", "-", "@")
_EPOCH = (1980, 1, 1, 0, 0, 0)
_FIXED = dt.datetime(2000, 1, 1)
_DATE_FORMAT = "dd/mm/yyyy"
_HEADING = Font(bold=True)
_REQUIRED = Font(bold=True, color="C00000")
_HEADING_FILL = PatternFill("solid", fgColor="DDEBF7")
_TEXT_KINDS = ("text", "ref", "code", "json", *LIST_KINDS)
_METADATA_HEADINGS = {"vi": ("Trường", "Giá trị", "Khoá"), "en": ("Field", "Value", "Key")}


def _value(column: Column, value: Any, lang: str, labels: Labels) -> Any:  # noqa: PLR0911 - one return per kind
    """The cell value of ``value`` (canonical JSON) in ``column``."""
    if value is None:
        return None
    if column.kind in LIST_KINDS:
        items = value
        if column.kind == "codes":
            items = [labels.label(column.codelist, code, lang) for code in value]
        return text_out(join_list(column.kind, items))
    if column.kind == "json":
        return text_out(
            json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        )
    if column.kind == "date":
        return dt.date.fromisoformat(value)
    if column.kind in ("number", "boolean"):
        return value
    if column.kind == "code":
        return text_out(labels.label(column.codelist, value, lang))
    return text_out(str(value))


def _excel_code(char: str) -> str:
    """``char`` as Excel escapes a character in a cell's XML: ``_xFFFE_``."""
    return f"_x{ord(char):04X}_"


def _put(cell: Cell, value: Any, column: Column) -> None:
    if value is None:
        return
    if isinstance(value, str):
        value = xml_safe(value, replace=_excel_code)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text, never a formula
        if value.startswith(_FORMULA_STARTS):
            cell.quotePrefix = True
    elif column.kind == "date":
        cell.number_format = _DATE_FORMAT
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = "#,##0"


def _dig(doc: Mapping[str, Any], key: str) -> Any:
    node: Any = doc
    for part in key.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def _codelist_ranges(book: Workbook, lang: str, labels: Labels) -> dict[str, str]:
    """Write the hidden sheet of dropdown lists (the bundled codes, then the declared ones);
    codelist name → its range."""
    sheet = book.create_sheet(CODELIST_SHEET)
    sheet.sheet_state = "hidden"
    ranges: dict[str, str] = {}
    for index, name in enumerate(labels.names(), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=name)
        entries = labels.entries(name)
        for row, (code, _, _) in enumerate(entries, start=2):
            cell = sheet.cell(row=row, column=index)
            _put(cell, text_out(labels.label(name, code, lang)), _TEXT_COLUMN)
        last = len(entries) + 1
        ranges[name] = f"{quote_sheetname(CODELIST_SHEET)}!${letter}$2:${letter}${last}"
    return ranges


_TEXT_COLUMN = Column(key="text", title_en="Text", title_vi="Văn bản", kind="text")


def _dropdown(sheet: Worksheet, column: Column, ref: str, source: str, lists: Layout) -> None:
    found = lists.codelist_of(column)
    closed = found is not None and found.closed
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if closed else "warning",
        errorTitle="Không có trong danh mục / Not in the list",
        error=(
            "Chọn một mục trong danh sách. / Choose an entry of the list."
            if closed
            else "Mục này không có trong danh mục; vẫn giữ? / Not in the list; keep it?"
        ),
    )
    validation.add(ref)
    sheet.add_data_validation(validation)


def _record_sheet(  # noqa: PLR0917 - a private step of one workbook
    book: Workbook,
    spec: Sheet,
    docs: Iterable[tuple[int, Mapping[str, Any]]],
    lang: str,
    ranges: Mapping[str, str],
    book_layout: Layout,
    labels: Labels,
) -> None:
    sheet = book.create_sheet(spec.label(lang))
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        heading = sheet.cell(row=1, column=index)
        _put(heading, column.label(lang), _TEXT_COLUMN)
        heading.font = _REQUIRED if column.required and column.group_required else _HEADING
        heading.fill = _HEADING_FILL
        heading.alignment = Alignment(wrap_text=True, vertical="top")
        _put(sheet.cell(row=KEY_ROW, column=index), column.key, _TEXT_COLUMN)
        width = min(max(len(column.label(lang)) + 2, 12), 40)
        dimension = sheet.column_dimensions[letter]
        dimension.width = width
        if column.kind in _TEXT_KINDS:
            dimension.number_format = "@"  # typed text stays text: area code 0038 keeps its zeros
        elif column.kind == "date":
            dimension.number_format = _DATE_FORMAT
        if column.kind == "code" and column.codelist is not None and column.codelist in ranges:
            where = f"{letter}{DATA_ROW}:{letter}1048576"
            _dropdown(sheet, column, where, ranges[column.codelist], book_layout)
    last = len(spec.columns) + 1
    _put(sheet.cell(row=1, column=last), POSITION_COLUMN.label(lang), _TEXT_COLUMN)
    _put(sheet.cell(row=KEY_ROW, column=last), POSITION_COLUMN.key, _TEXT_COLUMN)
    sheet.column_dimensions[get_column_letter(last)].hidden = True
    sheet.row_dimensions[KEY_ROW].hidden = True
    sheet.freeze_panes = f"B{DATA_ROW}"
    for row, (position, doc) in enumerate(docs, start=DATA_ROW):
        for index, column in enumerate(spec.columns, start=1):
            value = _value(column, _dig(doc, column.key), lang, labels)
            _put(sheet.cell(row=row, column=index), value, column)
        _put(sheet.cell(row=row, column=last), position, POSITION_COLUMN)


def _metadata_sheet(  # noqa: PLR0917 - a private step of one workbook
    book: Workbook,
    metadata: Mapping[str, Any],
    lang: str,
    ranges: Mapping[str, str],
    book_layout: Layout,
    labels: Labels,
) -> None:
    sheet = book.create_sheet(METADATA.label(lang))
    for index, heading in enumerate(_METADATA_HEADINGS[lang], start=1):
        cell = sheet.cell(row=1, column=index)
        _put(cell, heading, _TEXT_COLUMN)
        cell.font = _HEADING
        cell.fill = _HEADING_FILL
    for row, column in enumerate(book_layout.metadata, start=2):
        label = sheet.cell(row=row, column=1)
        _put(label, column.label(lang), _TEXT_COLUMN)
        label.font = _REQUIRED if column.required and column.group_required else _HEADING
        value = _value(column, _dig(metadata, column.key), lang, labels)
        _put(sheet.cell(row=row, column=2), value, column)
        _put(sheet.cell(row=row, column=3), column.key, _TEXT_COLUMN)
        if column.kind == "code" and column.codelist is not None and column.codelist in ranges:
            _dropdown(sheet, column, f"B{row}", ranges[column.codelist], book_layout)
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].hidden = True
    sheet.freeze_panes = "A2"


_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")


def _deterministic(data: bytes) -> bytes:
    """The same workbook with fixed ZIP timestamps and a fixed modification date."""
    fixed = _FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    result = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(result, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(
                    lambda m: (
                        b"<dcterms:modified" + m.group(1) + b">" + fixed + b"</dcterms:modified>"
                    ),
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return result.getvalue()


def _workbook(
    metadata: Mapping[str, Any],
    docs: Mapping[str, list[tuple[int, dict[str, Any]]]],
    lang: str,
    book_layout: Layout,
) -> bytes:
    labels = Labels(book_layout.lists)
    vocabulary = metadata.get("vocabulary")
    codes: list[dict[str, Any]] = (
        vocabulary.get("codes", []) if isinstance(vocabulary, dict) else []
    )
    for code in codes:
        labels.declare(code["codelist"], [(code["code"], code["vi"], code.get("en", code["vi"]))])
    book = Workbook()
    book.remove(book.active)  # a new workbook always has one sheet
    book.properties.creator = "antt-domain-xlsx"
    book.properties.created = _FIXED
    book.properties.modified = _FIXED
    ranges = _codelist_ranges(book, lang, labels)
    _metadata_sheet(book, metadata, lang, ranges, book_layout, labels)
    if book_layout.vocabulary is not None:
        rows = list(enumerate(codes, start=1))
        _record_sheet(book, book_layout.vocabulary, rows, lang, ranges, book_layout, labels)
    for spec in book_layout.sheets:
        _record_sheet(book, spec, docs.get(spec.type, []), lang, ranges, book_layout, labels)
    book.move_sheet(CODELIST_SHEET, offset=len(book.sheetnames) - 1)
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return _deterministic(buffer.getvalue())


def dataset_bytes(dataset: Dataset | model_v2.Dataset, *, lang: str = "vi") -> bytes:
    """The workbook of ``dataset`` (1.0 or 2.0): the metadata sheet, (2.0) the vocabulary
    sheet, then one sheet per record type."""
    if isinstance(dataset, model_v2.Dataset):
        metadata = convert_v2.unstructure(dataset)
        book_layout = layout("2")
    else:
        metadata = unstructure(dataset)
        book_layout = layout("1")
    records = metadata.pop("records", [])
    docs: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for position, record in enumerate(records, start=1):
        docs.setdefault(record["type"], []).append((position, record))
    return _workbook(metadata, docs, lang, book_layout)


def template_bytes(*, lang: str = "vi", schema_version: str = "1") -> bytes:
    """An empty workbook to fill in: headings, dropdowns, the schema version filled in;
    ``schema_version`` is the major version, ``"1"`` (the default) or ``"2"``."""
    if schema_version not in ("1", "2"):
        msg = f"schema_version {schema_version!r} is not 1 or 2"
        raise ValueError(msg)
    book_layout = layout(schema_version)
    return _workbook({"schema_version": book_layout.schema_version}, {}, lang, book_layout)


def write(data: bytes, out: BinaryIO) -> None:
    """Write ``data`` to ``out``."""
    out.write(data)
