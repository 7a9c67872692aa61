"""A sheet's rows as records: each row a record's JSON value, with the cell of each of its
values, every cell that cannot be read a finding at it (``XLS...``, through the
:class:`~antt_domain_xlsx._decode.Decoder`).

A record sheet's columns are found by the keys of row 2, else by the headings of row 1 (in
either language, tone marks and case aside); the metadata sheet holds one property a row
(label, value, key). Which sheets there are, and what the records then become, is
:mod:`._read`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs
from antt_domain.vi import name_key
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from antt_domain_xlsx._decode import MISSING, CellRef, Decoder, close_match, key_of
from antt_domain_xlsx._layout import HEADING_ROW, KEY_ROW, POSITION_COLUMN, Column, Sheet
from antt_domain_xlsx._rows import SheetRow, sheet_rows
from antt_domain_xlsx._safety import Limits

__all__ = ["RecordRow", "is_empty", "read_metadata", "read_sheet"]

_KEY_RE = re.compile(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*")


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@attrs.define
class _Unread:
    """The columns of one sheet whose values are not read, each reported once, at its
    first non-empty cell: without a heading (``XLS017``), beyond the column limit
    (``XLS018``)."""

    reader: Decoder
    title: str
    limit: int
    seen: set[int] = attrs.field(factory=set)

    def report(self, row: SheetRow, read: Callable[[int], bool]) -> None:
        for index, (value, _) in enumerate(row.cells, start=1):
            if index not in self.seen and not read(index) and not is_empty(value):
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


def _finder(columns: Iterable[Column]) -> Callable[[Any, str | None], Column | None]:
    """``find(key, heading)``: the column a cell names by its key, else by its heading (the
    column's title in either language or its key, tone marks and case aside), or ``None``."""
    by_key: dict[str, Column] = {}
    by_label: dict[str, Column] = {}
    for column in columns:
        by_key[column.key] = column
        for label in (column.title_vi, column.title_en, column.key):
            by_label.setdefault(name_key(label), column)

    def find(key: Any, heading: str | None) -> Column | None:
        column = None if is_empty(key) else by_key.get(str(key).strip())
        if column is None and heading is not None:
            label = key_of(heading)
            column = by_label.get(label) if label is not None else None
        return column

    return find


@attrs.frozen(kw_only=True)
class _Columns:
    """How a sheet's columns were understood."""

    resolved: Mapping[int, Column]
    handled: frozenset[int]
    headings: Mapping[int, str]


def _resolve(  # noqa: PLR0917 - a private step of one import
    reader: Decoder,
    spec: Sheet,
    title: str,
    headings: list[tuple[Any, str]],
    keys: list[tuple[Any, str]] | None,
    lang: str,
) -> _Columns:
    """Column number → column, from the keys of row 2 or else the headings of row 1."""
    columns = (*spec.columns, POSITION_COLUMN)
    find = _finder(columns)
    resolved: dict[int, Column] = {}
    handled: set[int] = set()
    shown: dict[int, str] = {}
    first: dict[str, int] = {}
    for index in range(1, max(len(headings), len(keys or ())) + 1):
        heading = headings[index - 1][0] if index <= len(headings) else None
        key = keys[index - 1][0] if keys is not None and index <= len(keys) else None
        text = None if is_empty(heading) else str(heading).strip()
        cell = CellRef(sheet=title, row=HEADING_ROW, column=index, heading=text)
        column = find(key, text)
        if column is None:
            if text is not None:
                labels = [c.label(lang) for c in columns]
                hint, hint_vi = close_match(labels, text)
                reader.add("XLS005", cell, heading=text, hint=hint, hint_vi=hint_vi)
                handled.add(index)
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
    values = [str(v).strip() for v, _ in row if not is_empty(v)]
    return (
        bool(values)
        and all(_KEY_RE.fullmatch(v) for v in values)
        and any(v in spec_keys for v in values)
    )


@attrs.frozen(kw_only=True)
class RecordRow:
    """One record read from a row."""

    doc: dict[str, Any]
    cells: dict[str, CellRef]  # relative pointer → cell
    flagged: frozenset[str]  # relative pointers that already have an import finding
    position: int | None
    row: int


def _record(  # noqa: PLR0917 - a private step of one import
    reader: Decoder,
    spec: Sheet,
    title: str,
    columns: _Columns,
    number: int,
    cells: list[tuple[Any, str]],
) -> RecordRow:
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
        if value is MISSING:
            if len(reader.findings) > before:
                flagged.add(relative)
            continue
        if column is POSITION_COLUMN:
            position = value if isinstance(value, int) and not isinstance(value, bool) else None
            continue
        _set(doc, column.path, value)
    flagged |= _required(reader, spec.columns, doc, present, flagged)
    return RecordRow(
        doc=doc, cells=where, flagged=frozenset(flagged), position=position, row=number
    )


def _required(
    reader: Decoder,
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


def read_sheet(
    reader: Decoder, worksheet: Any, spec: Sheet, limits: Limits, lang: str
) -> list[RecordRow]:
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
    found: list[RecordRow] = []
    for row in (*pending, *rows):
        if id(row) in read_as_names:
            unread.report(row, lambda _: True)  # every cell up to the limit was read as a name
            continue
        number, cells = row.number, row.cells
        unread.report(row, columns.handled.__contains__)
        if not any(i <= len(cells) and not is_empty(cells[i - 1][0]) for i in columns.resolved):
            continue
        if len(found) >= limits.rows:
            reader.add("XLS016", CellRef(sheet=title, row=number, column=1), limit=limits.rows)
            break
        found.append(_record(reader, spec, title, columns, number, cells))
    return found


#: The metadata sheet's columns: label, value, key.
_METADATA_WIDTH = 3


def read_metadata(reader: Decoder, worksheet: Any, limits: Limits, lang: str) -> RecordRow:
    """The metadata sheet: label in column A, value in B, key in C; one property a row."""
    title = worksheet.title
    columns = reader.book.metadata
    find = _finder(columns)
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
        text = None if is_empty(label) else str(label).strip()
        column = find(key, text)
        cell = CellRef(sheet=title, row=number, column=2, heading=text)
        if column is None:
            if text is not None or not is_empty(value):
                hint, hint_vi = close_match([c.label(lang) for c in columns], text or "")
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
        if read is MISSING:
            if len(reader.findings) > before:
                flagged.add(relative)
            continue
        _set(doc, column.path, read)
    flagged |= _required(reader, columns, doc, present, flagged)
    return RecordRow(doc=doc, cells=where, flagged=frozenset(flagged), position=None, row=1)
