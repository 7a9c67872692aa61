"""A sheet's rows as they are in its XML: sparse, with dates left to us.

openpyxl's read-only rows are dense: a row is as wide as its last cell, and a row missing
from the XML is yielded as an empty one. A sheet with one cell at ``XFD1048576`` would cost
sixteen thousand columns times a million rows; reading at most ``Limits.columns`` columns
(as the importer once did) made every value beyond them vanish without a word. Here the XML's
cells are taken as they come (work in proportion to the part's size, whatever its claimed
dimension): the cells up to the column limit make the dense row the importer reads, and the
non-empty cells beyond it are handed back apart, so that each is reported at its cell.

Dates are converted here, not by openpyxl: it turns a negative serial into a date before
1900 without a word, and a serial beyond 9999-12-31 into ``#VALUE!`` with a raw
``UserWarning``. Each impossible serial becomes an :class:`Impossible` value, which the
importer reports at its cell.

This uses openpyxl's sheet parser (``openpyxl.worksheet._reader.WorkSheetParser``) and the
read-only sheet's source, shared strings and date styles: the same calls openpyxl's own
read-only rows make. The plugin's tests pin that behaviour.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Any

import attrs
from openpyxl.utils import coordinate_to_tuple  # type: ignore[import-untyped]
from openpyxl.utils.datetime import (  # type: ignore[import-untyped]
    WINDOWS_EPOCH,
    from_excel,
)
from openpyxl.worksheet._reader import (  # type: ignore[import-untyped]
    VALUE_TAG,
    WorkSheetParser,
)

__all__ = ["Impossible", "SheetRow", "date_of_serial", "sheet_rows"]

#: Excel's first day (serial 1) in its 1900 date system, and its last day.
_FIRST = dt.date(1900, 1, 1)
_LAST = dt.date(9999, 12, 31)


@attrs.frozen
class Impossible:
    """A cell whose value cannot be read: a date serial no calendar has, or XML openpyxl
    cannot parse. ``text`` is what the cell holds; ``detail`` says why, in both languages."""

    text: str
    detail: str
    detail_vi: str


@attrs.frozen
class SheetRow:
    """One row of a sheet.

    Attributes:
        number: the row's number.
        cells: ``(value, data type)`` of columns 1 to the last non-empty one, at most the
            column limit.
        beyond: ``(column, value)`` of each non-empty cell beyond the column limit.
    """

    number: int
    cells: list[tuple[Any, str]]
    beyond: tuple[tuple[int, Any], ...] = ()


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def date_of_serial(serial: float, epoch: dt.datetime, *, duration: bool = False) -> Any:
    """The date, time or duration of an Excel serial in a date-formatted cell, or
    :class:`Impossible` when no calendar has it (negative, not finite, Excel's 29/02/1900,
    or beyond 31/12/9999). A serial in [0, 1) is a time of day, as in Excel."""
    text = _short(repr(serial) if isinstance(serial, float) else str(serial))
    beyond = Impossible(
        text,
        f"the date serial is beyond {_LAST:%d/%m/%Y}",
        f"số ngày tuần tự vượt quá {_LAST:%d/%m/%Y}",
    )
    if serial < 0 and not duration:
        first = _FIRST if epoch == WINDOWS_EPOCH else epoch.date()
        return Impossible(
            text,
            f"a negative date serial is before {first:%d/%m/%Y}, the first day Excel counts",
            f"số ngày tuần tự âm là trước {first:%d/%m/%Y}, ngày đầu tiên Excel đếm",
        )
    try:
        finite = math.isfinite(serial)
    except OverflowError:  # an integer too large for a float
        return beyond
    if not finite:
        return Impossible(
            text, "the date serial is not a finite number", "số ngày tuần tự không hữu hạn"
        )
    if epoch == WINDOWS_EPOCH and 60 <= serial < 61 and not duration:
        return Impossible(
            text,
            "serial 60 is 29/02/1900, a day that never was (Excel's 1900 leap-year error)",
            "số 60 là ngày 29/02/1900, ngày không có thật (lỗi năm nhuận 1900 của Excel)",
        )
    try:
        return from_excel(serial, epoch, timedelta=duration)
    except (OverflowError, ValueError):
        return beyond


class _Parser(WorkSheetParser):  # type: ignore[misc]  # openpyxl is untyped
    """openpyxl's sheet parser, a cell it cannot parse becoming an :class:`Impossible`
    value at that cell (not an exception that loses the workbook). Conditional formats and
    extensions (Excel's own dropdowns, sparklines) hold no values: they are not parsed, so
    openpyxl's warnings that it would drop them on saving are not given to an officer."""

    def parse_formatting(self, element: Any) -> None:
        """Conditional formats: not read."""

    def parse_extensions(self, element: Any) -> None:
        """Extensions: not read."""

    def parse_cell(self, element: Any) -> dict[str, Any]:
        try:
            cell: dict[str, Any] = super().parse_cell(element)
        except (ValueError, IndexError, KeyError, OverflowError, TypeError) as exc:
            coordinate = element.get("r")
            row, column = (
                coordinate_to_tuple(coordinate)
                if coordinate
                else (self.row_counter, self.col_counter)
            )
            shown = _short(element.findtext(VALUE_TAG, "") or "")
            detail = f"its value {shown!r} cannot be read ({type(exc).__name__})"
            detail_vi = f"không đọc được giá trị {shown!r} ({type(exc).__name__})"
            value = Impossible(shown, detail, detail_vi)
            return {"row": row, "column": column, "value": value, "data_type": "e", "style_id": 0}
        return cell


def sheet_rows(sheet: Any, columns: int) -> Iterator[SheetRow]:
    """The non-empty rows of the read-only ``sheet`` in document order (a row with only
    formatting is empty), the cells beyond column ``columns`` apart."""
    book = sheet.parent
    dates = frozenset(book._date_formats)  # private: the styles openpyxl reads as dates
    durations = frozenset(book._timedelta_formats)  # private: likewise, durations
    epoch = book.epoch
    with sheet._get_source() as source:  # private: the sheet's XML, as openpyxl reads it
        parser = _Parser(
            source,
            sheet._shared_strings,  # private: the workbook's shared strings
            data_only=book.data_only,
            epoch=epoch,
            date_formats=set(),  # dates are converted below, each impossible one reported
            timedelta_formats=set(),
        )
        for number, parsed in parser.parse():
            parser.row_dimensions.clear()  # row heights and styles: not needed, not kept
            dense: dict[int, tuple[Any, str]] = {}
            beyond: list[tuple[int, Any]] = []
            for cell in parsed:
                value, data_type = cell["value"], cell["data_type"]
                if _empty(value):
                    continue
                if data_type == "n" and cell["style_id"] in dates:
                    value = date_of_serial(value, epoch, duration=cell["style_id"] in durations)
                    data_type = "d"
                column = cell["column"]
                if column > columns:
                    beyond.append((column, value))
                else:
                    dense[column] = (value, data_type)
            if not dense and not beyond:
                continue
            width = max(dense, default=0)
            cells = [dense.get(index, (None, "n")) for index in range(1, width + 1)]
            yield SheetRow(number=number, cells=cells, beyond=tuple(beyond))
