"""Reading a filled workbook back into a dataset, every mistake located at its cell.

The workbook is checked before it is opened (:mod:`._safety`), opened read-only, and each
sheet is read row by row until ``Limits.empty_rows`` consecutive empty rows. Each cell is
read by its column's kind (:mod:`._decode`); what cannot be read is a finding at the cell
(``XLS...`` codes).
The resulting JSON value then goes through antt-domain's whole validation, and each of its
findings is put back at the cell its JSON pointer came from.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import openpyxl  # type: ignore[import-untyped]  # openpyxl ships no type hints
import openpyxl.xml  # type: ignore[import-untyped]
from antt_domain.validation import (
    Finding,
    Report,
    Rule,
    Severity,
    validate_bytes,
)
from antt_domain.validation.engine import DEFAULT
from antt_domain.vi import name_key
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from antt_domain_xlsx._codes import CODES
from antt_domain_xlsx._decode import MISSING, CellRef, Decoder, at, close_match, key_of
from antt_domain_xlsx._labels import Labels
from antt_domain_xlsx._layout import (
    CODELIST_SHEET,
    HEADING_ROW,
    KEY_ROW,
    METADATA,
    POSITION_COLUMN,
    Column,
    Layout,
    Sheet,
    layout,
)
from antt_domain_xlsx._rows import SheetRow, sheet_rows
from antt_domain_xlsx._safety import LIMITS, Limits, check_archive

__all__ = ["CellRef", "WorkbookImport", "import_workbook", "read_workbook"]

_KEY_RE = re.compile(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*")


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


# -- rows and sheets ---------------------------------------------------------------------------


def _empty(value: Any) -> bool:
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
    reader: Decoder,
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
            key = key_of(text)
            column = by_label.get(key) if key is not None else None
            if column is None:
                labels = [c.label(lang) for c in columns]
                hint, hint_vi = close_match(labels, text)
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
    reader: Decoder,
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
        if value is MISSING:
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


def _sheet_rows(
    reader: Decoder, worksheet: Any, spec: Sheet, limits: Limits, lang: str
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


def _metadata(reader: Decoder, worksheet: Any, limits: Limits, lang: str) -> _Row:
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
            key = key_of(text)
            column = by_label.get(key) if key is not None else None
        cell = CellRef(sheet=title, row=number, column=2, heading=text)
        if column is None:
            if text is not None or not _empty(value):
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
    return _Row(doc=doc, cells=where, flagged=frozenset(flagged), position=None, row=1)


# -- the workbook ------------------------------------------------------------------------------


def _open(path: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
        return openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)


def _sheet_language(book: Layout, title: str) -> str:
    vocabulary = (book.vocabulary,) if book.vocabulary is not None else ()
    english = {s.title_en for s in (*book.sheets, METADATA, *vocabulary)}
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
    reader = Decoder(path=name)
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


def _read_sheets(reader: Decoder, file: Path, limits: Limits) -> _Book:
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
        labelled = isinstance(label, str) and key_of(label.strip()) in _VERSION_LABELS
        if named or (labelled and _empty(key)):
            return "2" if isinstance(value, str) and value.strip().startswith("2.") else "1"
    return "1"


def _read_book(reader: Decoder, file: Path, limits: Limits) -> _Book:
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
                hint, hint_vi = close_match(known, title)
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


def _declare(reader: Decoder, vocabulary: Sequence[_Row]) -> None:
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
    reader: Decoder,
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
    # The core validates either version by the metadata's schema_version (schemas, rules,
    # codelists, gazetteer), so a 2.0 workbook gets the same findings as its JSON would.
    data = json.dumps(value, ensure_ascii=False).encode("utf-8")
    findings: Sequence[Finding] = validate_bytes(
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
        reader.findings.append((at(finding, cell, reader.path), cell))
    return _result(reader, value, len(ordered))


def _parts(pointer: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def _result(reader: Decoder, value: dict[str, Any] | None, records: int) -> WorkbookImport:
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
