"""Reading one cell by its column's kind: numbers, dates, codes, lists, JSON, booleans.

A :class:`Decoder` turns a cell's raw value into the JSON value its column holds, or
:data:`MISSING` when the cell is empty or cannot be read -- then it has recorded a finding
(``XLS...``) at the cell. Walking the sheets and rows is :mod:`._read`'s job.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs
from antt_domain.io import parse_json
from antt_domain.validation import Finding
from antt_domain.validation.engine import finding_from
from antt_domain.vi import VietnameseParseError, name_key, parse_dmy, parse_number
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from antt_domain_xlsx._cells import citation, split_list, text_in
from antt_domain_xlsx._codes import CODES
from antt_domain_xlsx._labels import Labels
from antt_domain_xlsx._layout import LIST_KINDS, Column, Layout, layout
from antt_domain_xlsx._rows import Impossible

__all__ = [
    "LABEL_CHARS",
    "MISSING",
    "CellRef",
    "Decoder",
    "at",
    "close_match",
    "key_of",
    "located",
]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CODE_RE = re.compile(r"[a-z][a-z0-9_]*")
#: A 2.0 code: built-in, or ``namespace:code``.
_CODE_RE_V2 = re.compile(r"([a-z][a-z0-9_.-]*:)?[a-z][a-z0-9_]*")
#: What a boolean cell may hold as text (matched by name_key), and what it means.
_BOOLEANS = {
    **{name_key(w): True for w in ("true", "yes", "có", "đúng", "x", "1")},
    **{name_key(w): False for w in ("false", "no", "không", "sai", "0")},
}
#: What :meth:`Decoder.read` gives for an empty cell or one it reported.
MISSING = object()


@attrs.frozen(kw_only=True)
class CellRef:
    """A cell of the workbook: ``Hoạt động!C12 (Số lượng: Giá trị)``."""

    sheet: str
    row: int
    column: int
    heading: str | None = None

    @property
    def a1(self) -> str:
        """The cell's address: ``C12``."""
        return f"{get_column_letter(self.column)}{self.row}"

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.a1}"
        return f"{where} ({self.heading})" if self.heading else where


def located(info_code: str, params: dict[str, Any], cell: CellRef | None, path: str) -> Finding:
    """The importer's finding ``info_code`` at ``cell`` of the workbook at ``path``."""
    finding = finding_from(CODES[info_code], params, path=path)
    return at(finding, cell, path)


def at(finding: Finding, cell: CellRef | None, path: str) -> Finding:
    """``finding`` at ``cell``: its row and column, its message starting with the cell."""
    if cell is None:
        return attrs.evolve(finding, path=path)
    return attrs.evolve(
        finding,
        path=path,
        line=cell.row,
        column=cell.column,
        message_en=f"{cell}: {finding.message_en}",
        message_vi=f"{cell}: {finding.message_vi}",
    )


#: A cell text longer than this is no label, heading or code: it is not matched (name_key
#: and difflib cost far more than the text's size on a long one).
LABEL_CHARS = 512


def key_of(text: str) -> str | None:
    """The matching key of a label, heading or code, ``None`` for a text too long to be one."""
    return name_key(text) if len(text) <= LABEL_CHARS else None


def close_match(candidates: Iterable[str], text: str) -> tuple[str, str]:
    """``"; did you mean …?"`` in English and Vietnamese, or empty strings."""
    if len(text) > LABEL_CHARS:
        return "", ""
    close = difflib.get_close_matches(text, list(candidates), n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f"; did you mean {close[0]!r}?", f"; có phải là {close[0]!r}?"


def _normalise_number(value: int | float | Decimal) -> int | float:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


@attrs.define
class Decoder:
    """One import's cell reader: collects findings (with their cells); ``book`` is the
    layout of the workbook's schema version, ``labels`` its codes (with declared ones)."""

    path: str
    findings: list[tuple[Finding, CellRef | None]] = attrs.field(factory=list)
    book: Layout = attrs.field(factory=lambda: layout("1"))
    labels: Labels = attrs.field(
        default=attrs.Factory(lambda s: Labels(s.book.lists), takes_self=True)
    )

    def add(self, code: str, cell: CellRef | None, **params: Any) -> None:
        self.findings.append((located(code, params, cell, self.path), cell))

    @property
    def v2(self) -> bool:
        """Whether the workbook is a 2.0 one."""
        return self.book.version == "2"

    # -- one cell ------------------------------------------------------------------------------

    def read(self, column: Column, raw: tuple[Any, str], cell: CellRef) -> Any:
        """The JSON value of a cell, or ``MISSING`` (empty, or a finding was made)."""
        value, data_type = raw
        if value is None or (isinstance(value, str) and not value.strip()):
            return MISSING
        if isinstance(value, Impossible):
            if column.kind == "date":
                self.add("XLS011", cell, value=value.text, detail=value.detail)
            else:
                self.add("XLS015", cell, detail=value.detail, detail_vi=value.detail_vi)
            return MISSING
        if data_type == "f":
            formula = str(value)
            self.add("XLS008", cell, formula=formula if len(formula) <= 60 else formula[:57] + "…")
            return MISSING
        if isinstance(value, bool) and column.kind == "boolean":
            return value
        if data_type == "e" or isinstance(value, bool):
            detail = f"the cell holds {value!r}, which the column cannot take"
            self.add("XLS015", cell, detail=detail, detail_vi=f"ô chứa {value!r}, cột không nhận")
            return MISSING
        return self._read(column, value, cell)

    def _read(self, column: Column, value: Any, cell: CellRef) -> Any:  # noqa: PLR0911 - one return per kind
        if column.kind == "number":
            return self._number(value, cell)
        if column.kind == "date":
            return self._date(value, cell)
        if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
            detail = f"a date or time cell ({value}) where text is expected"
            self.add("XLS015", cell, detail=detail, detail_vi=f"ô ngày giờ ({value}) ở cột chữ")
            return MISSING
        if column.kind == "boolean":
            return self._boolean(value, cell)
        text = self._text(value, cell)
        if column.kind == "code":
            return self._code(column, text.strip(), cell)
        if column.kind in LIST_KINDS:
            return self._list(column, text, cell)
        if column.kind == "json":
            try:
                return parse_json(text, source="cell")  # strict: no NaN, duplicate, surrogate
            except ValueError as exc:
                self.add(
                    "XLS015", cell, detail=f"not JSON: {exc}", detail_vi=f"không phải JSON: {exc}"
                )
                return MISSING
        if column.kind == "ref":
            return text.strip()
        return text

    def _boolean(self, value: Any, cell: CellRef) -> Any:
        key = key_of(str(value).strip()) if isinstance(value, (str, int)) else None
        if key is not None and key in _BOOLEANS:
            return _BOOLEANS[key]
        detail = f"{value!r} is not true/false (TRUE, FALSE, có, không)"
        detail_vi = f"{value!r} không phải đúng/sai (TRUE, FALSE, có, không)"
        self.add("XLS015", cell, detail=detail, detail_vi=detail_vi)
        return MISSING

    def _text(self, value: Any, cell: CellRef) -> str:
        if isinstance(value, (int, float)):
            if isinstance(value, int):
                read = str(value)  # never through float: a long integer would overflow
            else:
                read = str(int(value)) if value.is_integer() else repr(value)
            self.add("XLS014", cell, value=value, read=read)
            return read
        return text_in(str(value))

    def _number(self, value: Any, cell: CellRef) -> Any:
        if isinstance(value, float) and not math.isfinite(value):
            self.add("XLS009", cell, value=repr(value), detail="not a finite number")
            return MISSING
        if isinstance(value, (int, float)):
            return value
        if not isinstance(value, str):
            self.add("XLS009", cell, value=str(value), detail="not a number cell")
            return MISSING
        try:
            number = _normalise_number(parse_number(value.strip()))
        except VietnameseParseError as exc:
            self.add(
                "XLS009",
                cell,
                value=value,
                detail=exc.reason if hasattr(exc, "reason") else str(exc),
            )
            return MISSING
        self.add("XLS010", cell, value=value, read=number)
        return number

    def _date(self, value: Any, cell: CellRef) -> Any:
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            text = value.strip()
            if _ISO_DATE.fullmatch(text):
                return text
            try:
                read = parse_dmy(text).isoformat()
            except VietnameseParseError as exc:
                self.add("XLS011", cell, value=value, detail=str(exc))
                return MISSING
            self.add("XLS012", cell, value=value, read=read)
            return read
        if isinstance(value, dt.time):
            detail = "a time of day, not a date"
        elif isinstance(value, dt.timedelta):
            detail = "a duration, not a date"
        else:
            detail = "a number, not a date cell"
        self.add("XLS011", cell, value=str(value), detail=detail)
        return MISSING

    def _code(self, column: Column, text: str, cell: CellRef) -> Any:
        if column.codelist is None:
            return text
        key = key_of(text)
        found = self.labels.index(column.codelist).get(key) if key is not None else None
        if found is not None:
            return found
        if (_CODE_RE_V2 if self.v2 else _CODE_RE).fullmatch(text):
            return text  # a code the bundled list does not know: validation judges it
        entries = self.labels.entries(column.codelist)
        labels = [vi for _, vi, _ in entries] + [en for _, _, en in entries]
        hint, hint_vi = close_match(labels, text)
        self.add("XLS013", cell, value=text, codelist=column.codelist, hint=hint, hint_vi=hint_vi)
        return MISSING

    def _list(self, column: Column, text: str, cell: CellRef) -> Any:
        items = [i for i in split_list(text) if i.strip()]
        if column.kind == "texts":
            return items
        if column.kind == "citations":
            cited = []
            for item in items:
                found = citation(item, parts=self.v2)
                if found is None:
                    detail = f"{item!r} is not a citation 'source' or 'source (locator)'"
                    self.add(
                        "XLS015",
                        cell,
                        detail=detail,
                        detail_vi=f"{item!r} không phải trích dẫn 'nguồn (vị trí)'",
                    )
                    return MISSING
                cited.append(found)
            return cited
        stripped = [i.strip() for i in items]
        if column.kind == "codes" and column.codelist is not None:
            codes = [self._code(column, item, cell) for item in stripped]
            return MISSING if MISSING in codes else codes
        return stripped
