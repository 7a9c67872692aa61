"""Reading a filled workbook back into a dataset, every mistake located at its cell.

The workbook is checked before it is opened (:mod:`._safety`), opened read-only, and each
sheet is read row by row until ``Limits.empty_rows`` consecutive empty rows. Each cell is
read by its column's kind; what cannot be read is a finding at the cell (``XLS...`` codes).
The resulting JSON value then goes through antt-domain's whole validation, and each of its
findings is put back at the cell its JSON pointer came from.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import openpyxl  # type: ignore[import-untyped]  # openpyxl ships no type hints
import openpyxl.xml  # type: ignore[import-untyped]
from antt_domain.io import parse_json, schema_violations
from antt_domain.validation import (
    DEFAULT,
    Finding,
    Report,
    Rule,
    Severity,
    finding_from,
    validate_bytes,
)
from antt_domain.vi import VietnameseParseError, name_key, parse_dmy, parse_number
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from antt_domain_xlsx._cells import citation, split_list, text_in
from antt_domain_xlsx._codes import CODES
from antt_domain_xlsx._labels import Labels
from antt_domain_xlsx._layout import (
    CODELIST_SHEET,
    HEADING_ROW,
    KEY_ROW,
    LIST_KINDS,
    METADATA,
    POSITION_COLUMN,
    Column,
    Layout,
    Sheet,
    layout,
)
from antt_domain_xlsx._rows import Impossible, SheetRow, sheet_rows
from antt_domain_xlsx._safety import LIMITS, Limits, check_archive

__all__ = ["CellRef", "WorkbookImport", "import_workbook", "read_workbook"]

_KEY_RE = re.compile(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CODE_RE = re.compile(r"[a-z][a-z0-9_]*")
#: A 2.0 code: built-in, or ``namespace:code``.
_CODE_RE_V2 = re.compile(r"([a-z][a-z0-9_.-]*:)?[a-z][a-z0-9_]*")
#: What a boolean cell may hold as text (matched by name_key), and what it means.
_BOOLEANS = {
    **{name_key(w): True for w in ("true", "yes", "có", "đúng", "x", "1")},
    **{name_key(w): False for w in ("false", "no", "không", "sai", "0")},
}
_MISSING = object()


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


@attrs.frozen(kw_only=True)
class WorkbookImport:
    """What importing a workbook gave.

    Attributes:
        path: the workbook's path as given.
        value: the dataset's JSON value, or ``None`` when the file could not be read at all.
        findings: every finding, the importer's (``XLS...``) and the validation's, each with
            ``path`` the workbook, ``line``/``column`` the sheet row and column, and its
            message starting with the cell (``Hoạt động!C12 (Số lượng: Giá trị): ...``).
        cells: the cell of each finding (same order), ``None`` for the file as a whole.
        records: how many records were read.
    """

    path: str
    value: dict[str, Any] | None
    findings: tuple[Finding, ...]
    cells: tuple[CellRef | None, ...]
    records: int = 0

    def report(self) -> Report:
        """The findings as a validation :class:`~antt_domain.validation.Report`."""
        from antt_domain.validation import InputSummary  # noqa: PLC0415 - only for reports

        summary = InputSummary(path=self.path, kind="workbook", records=self.records)
        return Report(findings=self.findings, inputs=(summary,))

    def ok(self, fail_on: Severity = Severity.ERROR) -> bool:
        """Whether the value is there and no finding is at or above ``fail_on``."""
        return self.value is not None and all(f.severity.rank < fail_on.rank for f in self.findings)


def _located(info_code: str, params: dict[str, Any], cell: CellRef | None, path: str) -> Finding:
    finding = finding_from(CODES[info_code], params, path=path)
    return _at(finding, cell, path)


def _at(finding: Finding, cell: CellRef | None, path: str) -> Finding:
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
_LABEL_CHARS = 512


def _key(text: str) -> str | None:
    """The matching key of a label, heading or code, ``None`` for a text too long to be one."""
    return name_key(text) if len(text) <= _LABEL_CHARS else None


def _hint(candidates: Iterable[str], text: str) -> tuple[str, str]:
    if len(text) > _LABEL_CHARS:
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
class _Reader:
    """One import: collects findings, cells and the pointer → cell map; ``book`` is the
    layout of the workbook's schema version, ``labels`` its codes (with declared ones)."""

    path: str
    findings: list[tuple[Finding, CellRef | None]] = attrs.field(factory=list)
    book: Layout = attrs.field(factory=lambda: layout("1"))
    labels: Labels = attrs.field(
        default=attrs.Factory(lambda s: Labels(s.book.lists), takes_self=True)
    )

    def add(self, code: str, cell: CellRef | None, **params: Any) -> None:
        self.findings.append((_located(code, params, cell, self.path), cell))

    @property
    def v2(self) -> bool:
        """Whether the workbook is a 2.0 one."""
        return self.book.version == "2"

    # -- one cell ------------------------------------------------------------------------------

    def read(self, column: Column, raw: tuple[Any, str], cell: CellRef) -> Any:
        """The JSON value of a cell, or ``_MISSING`` (empty, or a finding was made)."""
        value, data_type = raw
        if value is None or (isinstance(value, str) and not value.strip()):
            return _MISSING
        if isinstance(value, Impossible):
            if column.kind == "date":
                self.add("XLS011", cell, value=value.text, detail=value.detail)
            else:
                self.add("XLS015", cell, detail=value.detail, detail_vi=value.detail_vi)
            return _MISSING
        if data_type == "f":
            formula = str(value)
            self.add("XLS008", cell, formula=formula if len(formula) <= 60 else formula[:57] + "…")
            return _MISSING
        if isinstance(value, bool) and column.kind == "boolean":
            return value
        if data_type == "e" or isinstance(value, bool):
            detail = f"the cell holds {value!r}, which the column cannot take"
            self.add("XLS015", cell, detail=detail, detail_vi=f"ô chứa {value!r}, cột không nhận")
            return _MISSING
        return self._read(column, value, cell)

    def _read(self, column: Column, value: Any, cell: CellRef) -> Any:  # noqa: PLR0911 - one return per kind
        if column.kind == "number":
            return self._number(value, cell)
        if column.kind == "date":
            return self._date(value, cell)
        if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
            detail = f"a date or time cell ({value}) where text is expected"
            self.add("XLS015", cell, detail=detail, detail_vi=f"ô ngày giờ ({value}) ở cột chữ")
            return _MISSING
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
                return _MISSING
        if column.kind == "ref":
            return text.strip()
        return text

    def _boolean(self, value: Any, cell: CellRef) -> Any:
        key = _key(str(value).strip()) if isinstance(value, (str, int)) else None
        if key is not None and key in _BOOLEANS:
            return _BOOLEANS[key]
        detail = f"{value!r} is not true/false (TRUE, FALSE, có, không)"
        detail_vi = f"{value!r} không phải đúng/sai (TRUE, FALSE, có, không)"
        self.add("XLS015", cell, detail=detail, detail_vi=detail_vi)
        return _MISSING

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
            return _MISSING
        if isinstance(value, (int, float)):
            return value
        if not isinstance(value, str):
            self.add("XLS009", cell, value=str(value), detail="not a number cell")
            return _MISSING
        try:
            number = _normalise_number(parse_number(value.strip()))
        except VietnameseParseError as exc:
            self.add(
                "XLS009",
                cell,
                value=value,
                detail=exc.reason if hasattr(exc, "reason") else str(exc),
            )
            return _MISSING
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
                return _MISSING
            self.add("XLS012", cell, value=value, read=read)
            return read
        if isinstance(value, dt.time):
            detail = "a time of day, not a date"
        elif isinstance(value, dt.timedelta):
            detail = "a duration, not a date"
        else:
            detail = "a number, not a date cell"
        self.add("XLS011", cell, value=str(value), detail=detail)
        return _MISSING

    def _code(self, column: Column, text: str, cell: CellRef) -> Any:
        if column.codelist is None:
            return text
        key = _key(text)
        found = self.labels.index(column.codelist).get(key) if key is not None else None
        if found is not None:
            return found
        if (_CODE_RE_V2 if self.v2 else _CODE_RE).fullmatch(text):
            return text  # a code the bundled list does not know: validation judges it
        entries = self.labels.entries(column.codelist)
        labels = [vi for _, vi, _ in entries] + [en for _, _, en in entries]
        hint, hint_vi = _hint(labels, text)
        self.add("XLS013", cell, value=text, codelist=column.codelist, hint=hint, hint_vi=hint_vi)
        return _MISSING

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
                    return _MISSING
                cited.append(found)
            return cited
        stripped = [i.strip() for i in items]
        if column.kind == "codes" and column.codelist is not None:
            codes = [self._code(column, item, cell) for item in stripped]
            return _MISSING if _MISSING in codes else codes
        return stripped


# -- rows and sheets ---------------------------------------------------------------------------


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@attrs.define
class _Unread:
    """The columns of one sheet whose values are not read, each reported once, at its
    first non-empty cell: without a heading (``XLS017``), beyond the column limit
    (``XLS018``)."""

    reader: _Reader
    title: str
    limit: int
    seen: set[int] = attrs.field(factory=set)

    def report(self, row: SheetRow, read: Callable[[int], bool]) -> None:
        for index, (value, _) in enumerate(row.cells, start=1):
            if index not in self.seen and not read(index) and not _empty(value):
                self.seen.add(index)
                self.reader.add("XLS017", CellRef(sheet=self.title, row=row.number, column=index))
        for index, _ in row.beyond:
            if index not in self.seen:
                self.seen.add(index)
                cell = CellRef(sheet=self.title, row=row.number, column=index)
                self.reader.add("XLS018", cell, limit=self.limit)


def _pointer(parts: Iterable[str | int]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _set(doc: dict[str, Any], path: Sequence[str], value: Any) -> None:
    node = doc
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node[path[-1]] = value


@attrs.frozen(kw_only=True)
class _Columns:
    """How a sheet's columns were understood."""

    resolved: Mapping[int, Column]
    handled: frozenset[int]
    headings: Mapping[int, str]


def _resolve(  # noqa: PLR0917 - a private step of one import
    reader: _Reader,
    spec: Sheet,
    title: str,
    headings: list[tuple[Any, str]],
    keys: list[tuple[Any, str]] | None,
    lang: str,
) -> _Columns:
    """Column number → column, from the keys of row 2 or else the headings of row 1."""
    columns = (*spec.columns, POSITION_COLUMN)
    by_key = {c.key: c for c in columns}
    by_label: dict[str, Column] = {}
    for candidate in columns:
        for label in (candidate.title_vi, candidate.title_en, candidate.key):
            by_label.setdefault(name_key(label), candidate)
    resolved: dict[int, Column] = {}
    handled: set[int] = set()
    shown: dict[int, str] = {}
    first: dict[str, int] = {}
    for index in range(1, max(len(headings), len(keys or ())) + 1):
        heading = headings[index - 1][0] if index <= len(headings) else None
        key = keys[index - 1][0] if keys is not None and index <= len(keys) else None
        text = None if _empty(heading) else str(heading).strip()
        cell = CellRef(sheet=title, row=HEADING_ROW, column=index, heading=text)
        column: Column | None = None if _empty(key) else by_key.get(str(key).strip())
        if column is None and text is not None:
            key = _key(text)
            column = by_label.get(key) if key is not None else None
            if column is None:
                labels = [c.label(lang) for c in columns]
                hint, hint_vi = _hint(labels, text)
                reader.add("XLS005", cell, heading=text, hint=hint, hint_vi=hint_vi)
                handled.add(index)
                continue
        if column is None:
            continue
        handled.add(index)
        if column.key in first:
            reader.add("XLS006", cell, key=column.key, first=get_column_letter(first[column.key]))
            continue
        first[column.key] = index
        resolved[index] = column
        shown[index] = text or column.label(lang)
    return _Columns(resolved=resolved, handled=frozenset(handled), headings=shown)


def _is_key_row(spec_keys: set[str], row: list[tuple[Any, str]]) -> bool:
    values = [str(v).strip() for v, _ in row if not _empty(v)]
    return (
        bool(values)
        and all(_KEY_RE.fullmatch(v) for v in values)
        and any(v in spec_keys for v in values)
    )


@attrs.frozen(kw_only=True)
class _Row:
    """One record read from a row."""

    doc: dict[str, Any]
    cells: dict[str, CellRef]  # relative pointer → cell
    flagged: frozenset[str]  # relative pointers that already have an import finding
    position: int | None
    row: int


def _record(  # noqa: PLR0917 - a private step of one import
    reader: _Reader,
    spec: Sheet,
    title: str,
    columns: _Columns,
    number: int,
    cells: list[tuple[Any, str]],
) -> _Row:
    """One row as a record's JSON value, with its cells by relative pointer."""
    doc: dict[str, Any] = {"type": spec.type}
    where: dict[str, CellRef] = {"": CellRef(sheet=title, row=number, column=1)}
    flagged: set[str] = set()
    position: int | None = None
    present: dict[str, CellRef] = {}
    for index, column in columns.resolved.items():
        raw = cells[index - 1] if index <= len(cells) else (None, "n")
        cell = CellRef(sheet=title, row=number, column=index, heading=columns.headings[index])
        relative = _pointer(column.path)
        present[column.key] = cell
        if column.group:
            where.setdefault(_pointer(column.path[:-1]), cell)
        where[relative] = cell
        before = len(reader.findings)
        value = reader.read(column, raw, cell)
        if value is _MISSING:
            if len(reader.findings) > before:
                flagged.add(relative)
            continue
        if column is POSITION_COLUMN:
            position = value if isinstance(value, int) and not isinstance(value, bool) else None
            continue
        _set(doc, column.path, value)
    flagged |= _required(reader, spec.columns, doc, present, flagged)
    return _Row(doc=doc, cells=where, flagged=frozenset(flagged), position=position, row=number)


def _required(
    reader: _Reader,
    columns: Sequence[Column],
    doc: dict[str, Any],
    present: Mapping[str, CellRef],
    flagged: set[str],
) -> set[str]:
    """XLS007 at each empty required cell; the relative pointers flagged."""
    groups: dict[str, list[Column]] = {}
    for column in columns:
        groups.setdefault(column.group, []).append(column)
    found: set[str] = set()
    for group, members in groups.items():
        node: Any = doc
        for part in group.split(".") if group else ():
            node = node.get(part) if isinstance(node, dict) else None
        filled = isinstance(node, dict) and bool(node)
        touched = any(_pointer(m.path) in flagged for m in members)
        if group and not filled and (touched or not members[0].group_required):
            continue  # an optional group left empty, or one whose cells already have findings
        for column in members:
            relative = _pointer(column.path)
            if not column.required or relative in flagged:
                continue
            if isinstance(node, dict) and column.path[-1] in node:
                continue
            cell = present.get(column.key)
            if cell is not None:
                reader.add("XLS007", cell)
                found.add(relative)
    return found


def _sheet_rows(
    reader: _Reader, worksheet: Any, spec: Sheet, limits: Limits, lang: str
) -> list[_Row]:
    title = worksheet.title
    rows = sheet_rows(worksheet, limits.columns)
    head = next(rows, None)
    if head is None:
        return []
    pending: list[SheetRow] = [head]  # the heading and key rows too: for their unread cells
    headings: list[tuple[Any, str]] = []
    if head.number == HEADING_ROW:
        headings = head.cells
    keys: list[tuple[Any, str]] | None = None
    second = next(rows, None) if headings else None
    if second is not None:
        spec_keys = {c.key for c in spec.columns} | {POSITION_COLUMN.key}
        if second.number == KEY_ROW and _is_key_row(spec_keys, second.cells):
            keys = second.cells
        pending.append(second)
    read_as_names = {id(head)} if headings else set()
    if keys is not None and second is not None:
        read_as_names.add(id(second))
    columns = _resolve(reader, spec, title, headings, keys, lang)
    unread = _Unread(reader=reader, title=title, limit=limits.columns)
    found: list[_Row] = []
    for row in (*pending, *rows):
        if id(row) in read_as_names:
            unread.report(row, lambda _: True)  # every cell up to the limit was read as a name
            continue
        number, cells = row.number, row.cells
        unread.report(row, columns.handled.__contains__)
        if not any(i <= len(cells) and not _empty(cells[i - 1][0]) for i in columns.resolved):
            continue
        if len(found) >= limits.rows:
            reader.add("XLS016", CellRef(sheet=title, row=number, column=1), limit=limits.rows)
            break
        found.append(_record(reader, spec, title, columns, number, cells))
    return found


#: The metadata sheet's columns: label, value, key.
_METADATA_WIDTH = 3


def _metadata(reader: _Reader, worksheet: Any, limits: Limits, lang: str) -> _Row:
    """The metadata sheet: label in column A, value in B, key in C; one property a row."""
    title = worksheet.title
    columns = reader.book.metadata
    by_key = {c.key: c for c in columns}
    by_label: dict[str, Column] = {}
    for candidate in columns:
        for label in (candidate.title_vi, candidate.title_en, candidate.key):
            by_label.setdefault(name_key(label), candidate)
    doc: dict[str, Any] = {}
    where: dict[str, CellRef] = {"": CellRef(sheet=title, row=1, column=1)}
    flagged: set[str] = set()
    present: dict[str, CellRef] = {}
    unread = _Unread(reader=reader, title=title, limit=limits.columns)
    for row in sheet_rows(worksheet, limits.columns):
        number, cells = row.number, row.cells
        unread.report(row, lambda index: index <= _METADATA_WIDTH)
        if number == HEADING_ROW:
            continue
        label, value, key = (*(c[0] for c in cells[:3]), None, None, None)[:3]
        text = None if _empty(label) else str(label).strip()
        column: Column | None = None if _empty(key) else by_key.get(str(key).strip())
        if column is None and text is not None:
            key = _key(text)
            column = by_label.get(key) if key is not None else None
        cell = CellRef(sheet=title, row=number, column=2, heading=text)
        if column is None:
            if text is not None or not _empty(value):
                hint, hint_vi = _hint([c.label(lang) for c in columns], text or "")
                label_cell = CellRef(sheet=title, row=number, column=1, heading=text)
                reader.add("XLS005", label_cell, heading=text or "", hint=hint, hint_vi=hint_vi)
            continue
        cell = attrs.evolve(cell, heading=text or column.label(lang))
        relative = _pointer(column.path)
        present[column.key] = cell
        where[relative] = cell
        if column.group:
            where.setdefault(_pointer(column.path[:-1]), cell)
        before = len(reader.findings)
        read = reader.read(column, (value, cells[1][1] if len(cells) > 1 else "n"), cell)
        if read is _MISSING:
            if len(reader.findings) > before:
                flagged.add(relative)
            continue
        _set(doc, column.path, read)
    flagged |= _required(reader, columns, doc, present, flagged)
    return _Row(doc=doc, cells=where, flagged=frozenset(flagged), position=None, row=1)


# -- the workbook ------------------------------------------------------------------------------


def _open(path: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
        return openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)


def _sheet_language(book: Layout, title: str) -> str:
    english = {s.title_en for s in (*book.sheets, METADATA)}
    return "en" if title in english else "vi"


def _locate(finding: Finding, cells: Mapping[str, CellRef]) -> CellRef | None:
    pointer = finding.pointer
    if pointer is None:
        return None
    while True:
        if pointer in cells:
            return cells[pointer]
        if not pointer:
            return None
        pointer = pointer.rsplit("/", 1)[0]


def _duplicate(finding: Finding, flagged: set[str]) -> bool:
    """Whether a validation finding repeats an import finding (the cell was unreadable or
    empty): the same pointer, or a missing property of an object one of whose cells is."""
    pointer = finding.pointer
    if pointer is None:
        return False
    if pointer in flagged:
        return True
    return finding.code == "S001" and any(p.startswith(pointer + "/") for p in flagged)


def _unsafe(exc: BaseException) -> bool:
    """Whether defusedxml refused the XML, even if openpyxl wrapped its error in another."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if type(current).__module__.startswith("defusedxml"):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def import_workbook(
    path: str | Path,
    *,
    rules: Iterable[Rule] = (),
    codelists: Any = DEFAULT,
    gazetteer: Any = DEFAULT,
    limits: Limits = LIMITS,
) -> WorkbookImport:
    """Read a filled workbook into a dataset's JSON value and validate it.

    Never raises for a bad file: a file that is not a workbook, is damaged, too large
    (a zip bomb), or holds unsafe XML gives ``value=None`` and one finding saying why.
    ``rules``, ``codelists`` and ``gazetteer`` are handed to the validation (plugins').
    """
    name = str(path)
    reader = _Reader(path=name)
    file = Path(path)
    problem = check_archive(file, limits) if file.is_file() else None
    if not file.is_file():
        reader.add("XLS001", None, detail="no such file")
    elif problem is not None:
        reader.add(problem.code, None, detail=problem.detail)
        finding, _ = reader.findings[-1]
        reader.findings[-1] = (
            attrs.evolve(
                finding, message_vi=CODES[problem.code].render("vi", {"detail": problem.detail_vi})
            ),
            None,
        )
    if reader.findings:
        return _result(reader, None, 0)
    if not openpyxl.xml.DEFUSEDXML:
        detail = "defusedxml is not in use (OPENPYXL_DEFUSEDXML=False?); refusing to parse"
        reader.add("XLS003", None, detail=detail)
        return _result(reader, None, 0)
    try:
        found = _read_sheets(reader, file, limits)
    except Exception as exc:  # noqa: BLE001 - a damaged workbook is a finding, never a traceback
        code = "XLS003" if _unsafe(exc) else "XLS001"
        reader.findings = [f for f in reader.findings if f[1] is None]
        reader.add(code, None, detail=f"{type(exc).__name__}: {exc}")
        return _result(reader, None, 0)
    return _validated(reader, found, rules, codelists, gazetteer)


@attrs.frozen(kw_only=True)
class _Book:
    """What the sheets held: records, metadata, (2.0) the vocabulary's declared codes."""

    rows: list[_Row]
    metadata: _Row | None
    vocabulary: list[_Row]


def _read_sheets(reader: _Reader, file: Path, limits: Limits) -> _Book:
    """The records and the metadata; a warning openpyxl gives while reading becomes a
    finding (``XLS019``), never text on standard error."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = _read_book(reader, file, limits)
    said: set[str] = set()
    for warning in caught:
        text = " ".join(str(warning.message).split())
        if text not in said:
            said.add(text)
            reader.add("XLS019", None, detail=text if len(text) <= 300 else text[:297] + "…")
    return found


#: The labels of the metadata row holding the schema version (both versions, both languages).
_VERSION_LABELS = frozenset(
    name_key(label)
    for column in (*layout("1").metadata, *layout("2").metadata)
    if column.key == "schema_version"
    for label in (column.title_vi, column.title_en, column.key)
)


def _version(worksheet: Any, limits: Limits) -> str:
    """The major schema version the metadata sheet declares: ``"2"`` for ``2.x``, else
    ``"1"`` (1.0 workbooks, and workbooks that say nothing, read as they always have)."""
    for row in sheet_rows(worksheet, limits.columns):
        cells = [c[0] for c in row.cells[:3]] + [None] * 3
        label, value, key = cells[:3]
        named = isinstance(key, str) and key.strip() == "schema_version"
        labelled = isinstance(label, str) and _key(label.strip()) in _VERSION_LABELS
        if named or (labelled and _empty(key)):
            return "2" if isinstance(value, str) and value.strip().startswith("2.") else "1"
    return "1"


def _read_book(reader: _Reader, file: Path, limits: Limits) -> _Book:
    book = _open(file)
    try:
        rows: list[_Row] = []
        metadata: _Row | None = None
        vocabulary: list[_Row] = []
        sheets = [w for w in book.worksheets if w.title != CODELIST_SHEET]
        first = next((w for w in sheets if layout("1").sheet_for_name(w.title) is METADATA), None)
        if first is not None and _version(first, limits) == "2":
            reader.book = layout("2")
            reader.labels = Labels(reader.book.lists)
        known = [s.title_vi for s in (*reader.book.sheets, METADATA)]
        specs = [(w, reader.book.sheet_for_name(w.title)) for w in sheets]
        vocab = reader.book.vocabulary
        # the metadata, then the vocabulary (its codes are in the records' dropdowns)
        specs.sort(
            key=lambda pair: (pair[1] is not METADATA, vocab is None or pair[1] is not vocab)
        )
        for worksheet, spec in specs:
            title = worksheet.title
            lang = _sheet_language(reader.book, title)
            if spec is None:
                hint, hint_vi = _hint(known, title)
                reader.add(
                    "XLS004",
                    CellRef(sheet=title, row=1, column=1),
                    sheet=title,
                    hint=hint,
                    hint_vi=hint_vi,
                )
            elif spec is METADATA:
                metadata = _metadata(reader, worksheet, limits, lang)
            elif spec is vocab:
                vocabulary.extend(_sheet_rows(reader, worksheet, spec, limits, lang))
                _declare(reader, vocabulary)
            else:
                rows.extend(_sheet_rows(reader, worksheet, spec, limits, lang))
    finally:
        book.close()
    return _Book(rows=rows, metadata=metadata, vocabulary=vocabulary)


def _declare(reader: _Reader, vocabulary: Sequence[_Row]) -> None:
    """Give the declared codes' labels to their codelists, for the record sheets' cells."""
    for row in vocabulary:
        doc = row.doc
        doc.pop("type", None)
        code, codelist, vi = doc.get("code"), doc.get("codelist"), doc.get("vi")
        if isinstance(code, str) and isinstance(codelist, str) and isinstance(vi, str):
            en = doc.get("en")
            reader.labels.declare(codelist, [(code, vi, en if isinstance(en, str) else vi)])


def _ordered(rows: list[_Row]) -> list[_Row]:
    """Rows in their recorded position (new rows last, in sheet order)."""
    order = sorted(
        range(len(rows)), key=lambda i: (rows[i].position is None, rows[i].position or 0, i)
    )
    return [rows[i] for i in order]


def _validated(
    reader: _Reader,
    found: _Book,
    rules: Iterable[Rule],
    codelists: Any,
    gazetteer: Any,
) -> WorkbookImport:
    ordered = _ordered(found.rows)
    value: dict[str, Any] = {"type": "dataset"}
    cells: dict[str, CellRef] = {}
    flagged: set[str] = set()
    if found.metadata is not None:
        value.update(found.metadata.doc)
        cells.update(found.metadata.cells)
        flagged |= found.metadata.flagged
    if found.vocabulary:
        vocabulary = value.setdefault("vocabulary", {})
        if isinstance(vocabulary, dict):
            codes = _ordered(found.vocabulary)
            vocabulary["codes"] = [row.doc for row in codes]
            for index, row in enumerate(codes):
                prefix = f"/vocabulary/codes/{index}"
                cells.update({prefix + k: c for k, c in row.cells.items()})
                flagged |= {prefix + k for k in row.flagged}
    value["records"] = [row.doc for row in ordered]
    for index, row in enumerate(ordered):
        prefix = f"/records/{index}"
        cells.update({prefix + k: c for k, c in row.cells.items()})
        flagged |= {prefix + k for k in row.flagged}
    findings: Sequence[Finding]
    if reader.v2:
        findings = _schema_v2(value, reader.path)
    else:
        data = json.dumps(value, ensure_ascii=False).encode("utf-8")
        findings = validate_bytes(
            data,
            path=reader.path,
            format="json",
            rules=rules,
            codelists=codelists,
            gazetteer=gazetteer,
        ).findings
    for finding in findings:
        if _duplicate(finding, flagged):
            continue
        cell = _locate(finding, cells)
        reader.findings.append((_at(finding, cell, reader.path), cell))
    return _result(reader, value, len(ordered))


def _schema_v2(value: dict[str, Any], path: str) -> list[Finding]:
    """The 2.0 schema's verdict on ``value``, one ``XLS020`` per place it is broken.

    antt-domain's validation reads 1.0 only for now; when it reads 2.0, the whole pipeline
    (schemas, rules, codelists) replaces this, as for 1.0."""
    found = []
    for violation in schema_violations(value, "dataset", "2"):
        detail = violation.message
        detail = detail if len(detail) <= 300 else detail[:297] + "…"
        pointer = violation.pointer
        missing = _REQUIRED_MESSAGE.fullmatch(detail) if violation.keyword == "required" else None
        if missing is not None:  # at the missing member: its cell, or its empty cell's finding
            pointer = _pointer([*_parts(pointer), missing[1]])
        found.append(finding_from(CODES["XLS020"], {"detail": detail}, path=path, pointer=pointer))
    return found


_REQUIRED_MESSAGE = re.compile(r"'([a-z_]+)' is a required property")


def _parts(pointer: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def _result(reader: _Reader, value: dict[str, Any] | None, records: int) -> WorkbookImport:
    return WorkbookImport(
        path=reader.path,
        value=value,
        findings=tuple(f for f, _ in reader.findings),
        cells=tuple(c for _, c in reader.findings),
        records=records,
    )


def read_workbook(path: str | Path) -> tuple[dict[str, Any] | None, tuple[Finding, ...]]:
    """``(dataset JSON value or None, findings)`` of the workbook at ``path``.

    See :func:`import_workbook` for the details (and the cell of each finding).
    """
    result = import_workbook(path)
    return result.value, result.findings
