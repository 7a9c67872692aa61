"""The workbook's layout, derived from the bundled schemas: sheets, columns, labels, codelists.

* one sheet per record type, named with the type's title (``Hoạt động`` / ``Activity``);
* row 1 holds the headings (the schemas' ``x-title-vi`` or ``title``), row 2 -- hidden --
  the machine keys (``quantity.value``), data from row 3;
* an object is spread over dotted columns (``quantity.value``, ``period.start``), a list is
  one column joined with ``;``;
* the metadata sheet (``Thông tin chung`` / ``Dataset``) lists one property a row: label in
  column A, value in column B, key in column C (hidden).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs
from antt_domain.model import RECORD_CLASSES, Codelist
from antt_domain.schemas import RECORD_SCHEMAS, codelists, load_schema
from antt_domain.vi import name_key

__all__ = [
    "CODELIST_SHEET",
    "DATA_ROW",
    "HEADING_ROW",
    "KEY_ROW",
    "LIST_KINDS",
    "METADATA",
    "POSITION_COLUMN",
    "Column",
    "Layout",
    "Sheet",
    "codelist_of",
    "layout",
    "metadata_columns",
    "record_sheets",
    "sheet_for_name",
]

#: Row of the headings, of the (hidden) machine keys, and the first data row.
HEADING_ROW, KEY_ROW, DATA_ROW = 1, 2, 3
#: The hidden sheet holding the dropdown lists (one column per codelist).
CODELIST_SHEET = "_danh_muc"
#: The key of the hidden last column of every record sheet: the record's position in the
#: dataset (1-based), so that records come back in their order; empty for new rows.


Kind = Literal[
    "text",
    "number",
    "date",
    "code",
    "ref",
    "refs",
    "codes",
    "texts",
    "citations",
    "json",
    "boolean",
]
LIST_KINDS = ("refs", "codes", "texts", "citations")
_LIST_DEFS = {"refs": "refs", "codes": "codes", "texts": "texts", "citations": "citations"}
_PERIOD_KINDS = ("interval", "as_of", "recurring", "unstated")


@attrs.frozen(kw_only=True)
class Column:
    """One column of a record sheet (or one row of the metadata sheet).

    ``key`` is the dotted machine key (``quantity.value``); ``group`` the object it belongs
    to (``quantity``; empty at the top level); ``required`` whether the schema requires it
    within its group; ``group_required`` whether the group itself is required.
    """

    key: str
    title_en: str
    title_vi: str
    kind: Kind
    codelist: str | None = None
    required: bool = False
    group_required: bool = False
    description: str | None = None

    @property
    def path(self) -> tuple[str, ...]:
        """The key's parts: ``("quantity", "value")``."""
        return tuple(self.key.split("."))

    @property
    def group(self) -> str:
        """The object this column is a member of, ``""`` at the top level."""
        return ".".join(self.path[:-1])

    def label(self, lang: str) -> str:
        """The heading in ``lang`` (``vi`` or ``en``)."""
        return self.title_vi if lang == "vi" else self.title_en


@attrs.frozen(kw_only=True)
class Sheet:
    """A record type's sheet: its JSON ``type``, titles and columns."""

    type: str
    title_en: str
    title_vi: str
    columns: tuple[Column, ...]

    def label(self, lang: str) -> str:
        """The sheet's name in ``lang``."""
        return self.title_vi if lang == "vi" else self.title_en

    def column(self, key: str) -> Column:
        """The column of ``key``."""
        return next(c for c in self.columns if c.key == key)


#: The hidden last column of every record sheet (see the module's documentation).
POSITION_COLUMN = Column(
    key="_position",
    title_en="Position in the dataset",
    title_vi="Thứ tự trong bộ dữ liệu",
    kind="number",
)

#: The metadata sheet's names.
METADATA = Sheet(type="dataset", title_en="Dataset", title_vi="Thông tin chung", columns=())


@functools.cache
def _common() -> dict[str, Any]:
    defs: dict[str, Any] = load_schema("common")["$defs"]
    return defs


def _period() -> dict[str, Any]:
    merged: dict[str, Any] = {"kind": _common()["period"]["properties"]["kind"]}
    for kind in _PERIOD_KINDS:
        for name, prop in _common()[kind]["properties"].items():
            merged.setdefault(name, prop)
    merged["as_written"] = merged.pop("as_written")
    return merged


def _scalar_kind(prop: dict[str, Any], tail: str) -> Kind:
    if "x-codelist" in prop:
        return "code"
    if tail == "date":
        return "date"
    if tail == "number" or prop.get("type") in ("number", "integer"):
        return "number"
    if tail == "ref":
        return "ref"
    return "text"


def _expand(
    properties: dict[str, Any],
    required: set[str],
    prefix: tuple[str, ...],
    parent: tuple[str, str] | None,
    group_required: bool,  # noqa: FBT001 - a private recursive helper
) -> Iterator[Column]:
    for name, prop in properties.items():
        path = (*prefix, name)
        title_en = prop.get("title") or name.replace("_", " ").capitalize()
        title_vi = prop.get("x-title-vi")
        if title_vi is None and "x-codelist" in prop:
            listed = codelists().get(prop["x-codelist"])
            title_vi = listed.title_vi if listed is not None else None
        title_vi = title_vi or title_en
        if parent is not None:
            title_en, title_vi = f"{parent[0]}: {title_en}", f"{parent[1]}: {title_vi}"
        tail = str(prop.get("$ref", "")).rsplit("/", 1)[-1]
        if tail == "quantity":
            quantity = _common()["quantity"]
            yield from _expand(
                quantity["properties"],
                set(quantity["required"]),
                path,
                (title_en, title_vi),
                name in required,
            )
        elif tail == "period":
            yield from _expand(_period(), {"kind"}, path, (title_en, title_vi), name in required)
        elif prop.get("type") == "object" and "properties" in prop:
            yield from _expand(
                prop["properties"],
                set(prop.get("required", ())),
                path,
                (title_en, title_vi),
                name in required,
            )
        else:
            if tail in _LIST_DEFS:
                kind: Kind = _LIST_DEFS[tail]  # type: ignore[assignment]  # the keys are kinds
            elif tail == "extensions":
                kind = "json"
            else:
                kind = _scalar_kind(prop, tail)
            yield Column(
                key=".".join(path),
                title_en=title_en,
                title_vi=title_vi,
                kind=kind,
                codelist=prop.get("x-codelist"),
                required=name in required,
                group_required=group_required if prefix else True,
                description=prop.get("description"),
            )


@functools.cache
def record_sheets() -> tuple[Sheet, ...]:
    """One sheet per record type, in the model's order."""
    sheets = []
    for cls in RECORD_CLASSES:
        schema = load_schema(RECORD_SCHEMAS[cls.TYPE])
        properties = dict(schema["properties"])
        properties.pop("type", None)
        required = set(schema.get("required", ())) - {"type"}
        sheets.append(
            Sheet(
                type=cls.TYPE,
                title_en=schema["title"],
                title_vi=schema["x-title-vi"],
                columns=tuple(_expand(properties, required, (), None, group_required=True)),
            )
        )
    return tuple(sheets)


@functools.cache
def metadata_columns() -> tuple[Column, ...]:
    """The rows of the metadata sheet (``type`` and ``records`` left out)."""
    schema = load_schema("dataset")
    properties = dict(schema["properties"])
    properties.pop("type", None)
    properties.pop("records", None)
    required = set(schema["required"]) - {"type", "records"}
    return tuple(_expand(properties, required, (), None, group_required=True))


def sheet_for_name(name: str) -> Sheet | None:
    """The sheet a workbook sheet named ``name`` holds: by its Vietnamese or English title or
    its record type, ignoring case, tone-mark placement and spacing."""
    key = name_key(name)
    for sheet in (*record_sheets(), METADATA):
        if key in {name_key(sheet.title_vi), name_key(sheet.title_en), name_key(sheet.type)}:
            return sheet
    return None


def codelist_of(column: Column, lists: Mapping[str, Codelist] | None = None) -> Codelist | None:
    """The codelist of a code column (in ``lists``, by default the bundled 1.0 ones), when it
    has one."""
    if column.codelist is None:
        return None
    return (codelists() if lists is None else lists).get(column.codelist)


@attrs.frozen(kw_only=True)
class Layout:
    """The workbook of one major schema version: its sheets, metadata rows and codelists.

    ``version`` is the major version (``"1"``, ``"2"``); ``schema_version`` the one a template
    is filled in with; ``vocabulary`` the sheet of the dataset's declared codes (2.0 only).
    """

    version: str
    schema_version: str
    sheets: tuple[Sheet, ...]
    metadata: tuple[Column, ...]
    lists: Mapping[str, Codelist]
    vocabulary: Sheet | None = None

    def sheet_for_name(self, name: str) -> Sheet | None:
        """The sheet a workbook sheet named ``name`` holds, as :func:`sheet_for_name`."""
        key = name_key(name)
        vocabulary = (self.vocabulary,) if self.vocabulary is not None else ()
        known: tuple[Sheet, ...] = (*self.sheets, METADATA, *vocabulary)
        for sheet in known:
            if key in {name_key(sheet.title_vi), name_key(sheet.title_en), name_key(sheet.type)}:
                return sheet
        return None

    def codelist_of(self, column: Column) -> Codelist | None:
        """The codelist of a code column, when it has one."""
        return codelist_of(column, self.lists)


def layout(version: str) -> Layout:
    """The layout of major version ``version`` (``"1"`` or ``"2"``)."""
    if version == "2":
        from antt_domain_xlsx._layout2 import layout_v2  # noqa: PLC0415 - a cycle otherwise

        return layout_v2()
    return _layout_v1()


@functools.cache
def _layout_v1() -> Layout:
    from antt_domain.model import SCHEMA_VERSION  # noqa: PLC0415 - only for the template

    return Layout(
        version="1",
        schema_version=SCHEMA_VERSION,
        sheets=record_sheets(),
        metadata=metadata_columns(),
        lists=codelists(),
    )
