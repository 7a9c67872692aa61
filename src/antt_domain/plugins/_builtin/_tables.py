"""A dataset as flat tables: one per record type, columns named and labelled from the schemas.

Shared by the CSV, Markdown and SQLite exporters, so the three agree on column names:

* a property is a column named as in JSON (``kind``, ``organiser``);
* an object is spread over dotted columns: ``quantity.value``, ``quantity.unit``,
  ``quantity.precision`` (its default ``exact`` filled in), ``period.kind``, ``period.start``,
  ``period.end``, ``period.date``, ``period.frequency``, ``period.as_written``,
  ``publisher.name``;
* a list of ids, codes or texts is one column (``partners``); ``sources`` lists citations;
  ``extensions`` is compact JSON.

Labels are the schemas' ``title`` (English) and ``x-title-vi`` (Vietnamese).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Any, Literal, final

import attrs

from antt_domain.convert import unstructure
from antt_domain.model import RECORD_CLASSES, Dataset
from antt_domain.schemas import RECORD_SCHEMAS, codelists, load_schema

__all__ = [
    "Column",
    "TableKind",
    "columns",
    "dataset_columns",
    "documents",
    "record_types",
    "text",
    "type_title",
]

Shape = Literal["scalar", "refs", "codes", "texts", "citations", "json"]
_LISTS: dict[str, Shape] = {
    "refs": "refs",
    "codes": "codes",
    "texts": "texts",
    "citations": "citations",
}
_PERIODS = ("interval", "as_of", "recurring", "unstated")


@final
@attrs.frozen(kw_only=True)
class Column:
    """One column of a flat table."""

    path: tuple[str, ...]
    title_en: str
    title_vi: str
    shape: Shape = "scalar"
    number: bool = False
    reference: bool = False
    default: Any = None
    #: The codelist its codes come from (``x-codelist`` of the schema), when it holds codes.
    codelist: str | None = None

    @property
    def name(self) -> str:
        """The dotted name: ``quantity.value``."""
        return ".".join(self.path)

    def label(self, lang: str) -> str:
        """The label in ``lang`` (``vi`` or ``en``)."""
        return self.title_vi if lang == "vi" else self.title_en

    def value(self, doc: dict[str, Any]) -> Any:
        """This column's JSON value in ``doc`` (a record's canonical JSON), or ``None``."""
        node: Any = doc
        for key in self.path[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
            if node is None:
                return None
        found = node.get(self.path[-1]) if isinstance(node, dict) else None
        return self.default if found is None else found


@final
@attrs.frozen(kw_only=True)
class TableKind:
    """A record type: its JSON ``type`` and titles."""

    type: str
    title_en: str
    title_vi: str

    def label(self, lang: str) -> str:
        """The title in ``lang``."""
        return self.title_vi if lang == "vi" else self.title_en


@functools.cache
def _common() -> dict[str, Any]:
    defs: dict[str, Any] = load_schema("common")["$defs"]
    return defs


def _titles(prop: dict[str, Any], name: str) -> tuple[str, str]:
    title_en = prop.get("title") or name.replace("_", " ").capitalize()
    title_vi = prop.get("x-title-vi")
    if title_vi is None and "x-codelist" in prop:
        found = codelists().get(prop["x-codelist"])
        title_vi = found.title_vi if found else None
    return title_en, title_vi or title_en


def _period_properties() -> dict[str, Any]:
    merged: dict[str, Any] = {"kind": _common()["period"]["properties"]["kind"]}
    for kind in _PERIODS:
        for name, prop in _common()[kind]["properties"].items():
            merged.setdefault(name, prop)
    written = merged.pop("as_written")
    merged["as_written"] = written
    return merged


def _expand(
    properties: dict[str, Any], prefix: tuple[str, ...], parent: tuple[str, str] | None
) -> Iterator[Column]:
    for name, prop in properties.items():
        path = (*prefix, name)
        title_en, title_vi = _titles(prop, name)
        if parent is not None:
            title_en, title_vi = f"{parent[0]}: {title_en}", f"{parent[1]}: {title_vi}"
        yield from _classify(prop, path, (title_en, title_vi))


def _classify(
    prop: dict[str, Any], path: tuple[str, ...], titles: tuple[str, str]
) -> Iterator[Column]:
    tail = str(prop.get("$ref", "")).rsplit("/", 1)[-1]
    title_en, title_vi = titles
    if tail == "quantity":
        yield from _expand(_common()["quantity"]["properties"], path, titles)
    elif tail == "period":
        yield from _expand(_period_properties(), path, titles)
    elif prop.get("type") == "object" and "properties" in prop:
        yield from _expand(prop["properties"], path, titles)
    elif tail in _LISTS:
        shape = _LISTS[tail]
        yield Column(path=path, title_en=title_en, title_vi=title_vi, shape=shape)
    elif tail == "extensions":
        yield Column(path=path, title_en=title_en, title_vi=title_vi, shape="json")
    else:
        yield Column(
            path=path,
            title_en=title_en,
            title_vi=title_vi,
            number=tail == "number" or prop.get("type") in ("number", "integer"),
            reference=tail == "ref",
            default=prop.get("default"),
        )


def record_types() -> tuple[TableKind, ...]:
    """Every record type, in the model's order, with its schema's titles."""
    kinds = []
    for cls in RECORD_CLASSES:
        schema = load_schema(RECORD_SCHEMAS[cls.TYPE])
        kinds.append(
            TableKind(type=cls.TYPE, title_en=schema["title"], title_vi=schema["x-title-vi"])
        )
    return tuple(kinds)


def type_title(record_type: str, lang: str) -> str:
    """The title of ``record_type`` in ``lang``."""
    return next(k.label(lang) for k in record_types() if k.type == record_type)


@functools.cache
def columns(record_type: str) -> tuple[Column, ...]:
    """The columns of ``record_type``'s table, in schema order (``type`` left out)."""
    properties = dict(load_schema(RECORD_SCHEMAS[record_type])["properties"])
    properties.pop("type", None)
    return tuple(_expand(properties, (), None))


@functools.cache
def dataset_columns() -> tuple[Column, ...]:
    """The columns of the dataset's metadata (``type`` and ``records`` left out)."""
    properties = dict(load_schema("dataset")["properties"])
    properties.pop("type", None)
    properties.pop("records", None)
    return tuple(_expand(properties, (), None))


def documents(dataset: Dataset, record_type: str) -> list[dict[str, Any]]:
    """The canonical JSON of the records of ``record_type``, in dataset order."""
    return [unstructure(r) for r in dataset.records if record_type == r.TYPE]


def _escape(item: str) -> str:
    return item.replace("\\", "\\\\").replace(";", "\\;")


def _item(item: Any) -> str:
    if isinstance(item, dict):  # a citation
        locator = item.get("locator")
        return str(item["source"]) + (f" ({locator})" if locator else "")
    return str(item)


def text(column: Column, value: Any) -> str:
    """A cell as text: lists joined with ``;`` (a ``;`` or ``\\`` inside an item is escaped
    with ``\\``), a citation as ``source`` or ``source (locator)``, JSON as compact JSON."""
    if value is None:
        return ""
    if column.shape in ("refs", "codes", "texts", "citations"):
        return ";".join(_escape(_item(item)) for item in value)
    if column.shape == "json" or isinstance(value, (bool, int, float)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return str(value)
