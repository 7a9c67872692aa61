"""Reading a filled workbook back into a dataset, every mistake located at its cell.

The workbook is checked before it is opened (:mod:`._safety`), opened read-only, and each
sheet is read row by row until ``Limits.empty_rows`` consecutive empty rows, a row a record
(:mod:`._sheets`). Each cell is read by its column's kind (:mod:`._decode`); what cannot be
read is a finding at the cell (``XLS...`` codes).
The resulting JSON value then goes through antt-domain's whole validation, and each of its
findings is put back at the cell its JSON pointer came from.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Mapping, Sequence
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

from antt_domain_xlsx._codes import CODES
from antt_domain_xlsx._decode import CellRef, Decoder, at, close_match, key_of
from antt_domain_xlsx._labels import Labels
from antt_domain_xlsx._layout import (
    CODELIST_SHEET,
    METADATA,
    Layout,
    layout,
)
from antt_domain_xlsx._rows import sheet_rows
from antt_domain_xlsx._safety import LIMITS, Limits, check_archive
from antt_domain_xlsx._sheets import RecordRow, is_empty, read_metadata, read_sheet

__all__ = ["CellRef", "WorkbookImport", "import_workbook", "read_workbook"]


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

    rows: list[RecordRow]
    metadata: RecordRow | None
    vocabulary: list[RecordRow]


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
        if named or (labelled and is_empty(key)):
            return "2" if isinstance(value, str) and value.strip().startswith("2.") else "1"
    return "1"


def _read_book(reader: Decoder, file: Path, limits: Limits) -> _Book:
    book = _open(file)
    try:
        rows: list[RecordRow] = []
        metadata: RecordRow | None = None
        vocabulary: list[RecordRow] = []
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
                metadata = read_metadata(reader, worksheet, limits, lang)
            elif spec is vocab:
                vocabulary.extend(read_sheet(reader, worksheet, spec, limits, lang))
                _declare(reader, vocabulary)
            else:
                rows.extend(read_sheet(reader, worksheet, spec, limits, lang))
    finally:
        book.close()
    return _Book(rows=rows, metadata=metadata, vocabulary=vocabulary)


def _declare(reader: Decoder, vocabulary: Sequence[RecordRow]) -> None:
    """Give the declared codes' labels to their codelists, for the record sheets' cells."""
    for row in vocabulary:
        doc = row.doc
        doc.pop("type", None)
        code, codelist, vi = doc.get("code"), doc.get("codelist"), doc.get("vi")
        if isinstance(code, str) and isinstance(codelist, str) and isinstance(vi, str):
            en = doc.get("en")
            reader.labels.declare(codelist, [(code, vi, en if isinstance(en, str) else vi)])


def _ordered(rows: list[RecordRow]) -> list[RecordRow]:
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
