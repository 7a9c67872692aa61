"""A 2.0 dataset as flat tables, generated from one description: the 2.0 schemas.

Shared by the CSV, SQLite and Markdown exporters. Every table comes from a schema by the same
rules, so no table has a hand-written function:

* each record type is a table named by its plural (``figures``, ``events``, ``persons``,
  ``model_types``, ...), one row per record;
* each property holding a list of objects (``actors``, ``links``, ``recipients``,
  ``results``, ``phases``, ``roles``, ``positions``, ...) is a table of its own named
  ``<type>_<property>`` (``figure_actors``, ``figure_links``, ``event_actors``,
  ``award_recipients``, ``assessment_results``, ``plan_phases``), with columns
  ``<type>_id`` and ``position`` (from 0) before the object's own;
* an object is spread over dotted columns: ``quantity.value``, ``quantity.precision``,
  ``quantity.unit``, ``quantity.classifier``, ``quantity.as_written``, ...; a period over
  ``period.kind``, ``period.start``, ``period.end``, ``period.date``, ``period.frequency``,
  ``period.length.value``, ..., ``period.as_written``, ``period.inferred``, ``period.basis``
  (a composite period's ``parts`` is compact JSON);
* a list of ids, codes or texts is one column (items joined with ``;``); ``sources`` lists
  citations; ``extensions`` and anything else nested is compact JSON.

``dataset`` is the metadata row; ``vocabulary`` lists every code used with its labels and
origin (:mod:`._vocabulary_v2`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any, final

import attrs

from antt_domain.convert import v2 as convert_v2
from antt_domain.model import v2 as model_v2
from antt_domain.plugins._builtin._tables import Column, Shape
from antt_domain.plugins._builtin._tables import text as _text
from antt_domain.plugins._builtin._vocabulary_v2 import VocabularyRow, codelists_of, rows_of
from antt_domain.schemas import V2_RECORD_SCHEMAS, load_schema

__all__ = [
    "VOCABULARY_COLUMNS",
    "Table",
    "dataset_columns",
    "metadata",
    "rows",
    "tables",
    "text",
    "vocabulary",
]

_COMMON = "common"
_PERIODS = ("interval", "as_of", "open", "recurring", "duration", "composite", "unstated")
_LISTS: dict[str, Shape] = {"refs": "refs", "codes": "codes", "texts": "texts"}
_SCALARS = frozenset(
    {"id", "ref", "code", "bare_code", "namespaced_code", "namespace", "text", "date"}
    | {"partial_date", "year", "number"}
)


@final
@attrs.frozen(kw_only=True)
class Table:
    """One flat table: a record type's (``part`` is ``None``) or one of its lists of objects
    (``part`` is the property: ``actors``)."""

    name: str
    record_type: str
    part: str | None
    title_en: str
    title_vi: str
    columns: tuple[Column, ...]

    def label(self, lang: str) -> str:
        """The title in ``lang``."""
        return self.title_vi if lang == "vi" else self.title_en

    @property
    def owner(self) -> str:
        """The column naming the record a row of a part table belongs to (``figure_id``)."""
        return f"{self.record_type}_id"


def _schema(name: str) -> dict[str, Any]:
    return load_schema(name, "2")


def _resolve(ref: str, home: str) -> tuple[dict[str, Any], str]:
    """The definition ``ref`` points at, and the schema it lives in."""
    document, _, pointer = ref.partition("#")
    where = document.removesuffix(".schema.json") if document else home
    node: Any = _schema(where)
    for key in pointer.strip("/").split("/"):
        node = node[key]
    return node, where


def _target(prop: dict[str, Any], home: str) -> tuple[str, dict[str, Any], str] | None:
    """``(tail, definition, its schema)`` of the ``$ref`` of ``prop`` (directly or in its
    first ``allOf``), or ``None``."""
    ref = prop.get("$ref")
    if ref is None:
        refs = [p["$ref"] for p in prop.get("allOf", ()) if "$ref" in p]
        ref = refs[0] if refs else None
    if ref is None:
        return None
    definition, where = _resolve(str(ref), home)
    return str(ref).rsplit("/", 1)[-1], definition, where


def _period_properties() -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for kind in _PERIODS:
        for name, prop in _schema(_COMMON)["$defs"][kind]["properties"].items():
            merged.setdefault(name, prop)
    for name in ("as_written", "inferred", "basis"):
        merged[name] = merged.pop(name)
    return merged


def _titles(prop: dict[str, Any], name: str, parent: tuple[str, str] | None) -> tuple[str, str]:
    title_en = prop.get("title") or name.replace("_", " ").capitalize()
    title_vi = prop.get("x-title-vi") or title_en
    if parent is not None:
        return f"{parent[0]}: {title_en}", f"{parent[1]}: {title_vi}"
    return title_en, title_vi


def _codelist(prop: dict[str, Any]) -> str | None:
    found = prop.get("x-codelist") or prop.get("items", {}).get("x-codelist")
    return str(found) if found else None


def _item_object(prop: dict[str, Any], home: str) -> tuple[dict[str, Any], str] | None:
    """The object definition a list property's items are, when they are objects."""
    target = _target(prop, home)
    if target is not None and target[0] in ("actors", "links"):
        prop, home = target[1], target[2]
    if prop.get("type") != "array":
        return None
    found = _target(prop.get("items", {}), home)
    if found is None or found[1].get("type") != "object" or found[0] == "citation":
        return None
    return found[1], found[2]


def _expand(
    properties: dict[str, Any],
    home: str,
    prefix: tuple[str, ...],
    parent: tuple[str, str] | None,
    *,
    skip_parts: bool,
) -> Iterator[Column]:
    for name, prop in properties.items():
        if skip_parts and _item_object(prop, home) is not None:
            continue
        path = (*prefix, name)
        titles = _titles(prop, name, parent)
        yield from _classify(prop, home, path, titles)


def _column(
    path: tuple[str, ...], titles: tuple[str, str], prop: dict[str, Any], **kw: Any
) -> Column:
    return Column(
        path=path,
        title_en=titles[0],
        title_vi=titles[1],
        codelist=_codelist(prop),
        default=prop.get("default"),
        **kw,
    )


def _classify(
    prop: dict[str, Any], home: str, path: tuple[str, ...], titles: tuple[str, str]
) -> Iterator[Column]:
    target = _target(prop, home)
    tail = target[0] if target else ""
    if tail == "period":
        yield from _expand(_period_properties(), _COMMON, path, titles, skip_parts=False)
    elif target is not None and target[1].get("type") == "object" and tail != "extensions":
        defn, where = target[1], target[2]
        yield from _expand(defn.get("properties", {}), where, path, titles, skip_parts=False)
    elif prop.get("type") == "object" and "properties" in prop:
        yield from _expand(prop["properties"], home, path, titles, skip_parts=False)
    elif tail == "citations":
        yield _column(path, titles, prop, shape="citations")
    elif tail in _LISTS:
        yield _column(path, titles, prop, shape=_LISTS[tail], reference=tail == "refs")
    elif prop.get("type") == "array" and "enum" in prop.get("items", {}):
        yield _column(path, titles, prop, shape="codes")
    elif "anyOf" in prop:  # a link's ``to``: one id or several
        yield _column(path, titles, prop, shape="refs", reference=True)
    elif tail in _SCALARS or prop.get("type") in ("string", "boolean", "integer", "number"):
        number = tail in ("number", "year") or prop.get("type") in ("number", "integer")
        yield _column(path, titles, prop, number=number, reference=tail == "ref")
    elif "enum" in prop or "const" in prop:
        yield _column(path, titles, prop)
    else:
        yield _column(path, titles, prop, shape="json")


def _plural(record_type: str) -> str:
    return record_type + "s"


@functools.cache
def tables() -> tuple[Table, ...]:
    """Every 2.0 table, in order: each record type's, followed by its part tables."""
    found: list[Table] = []
    for cls in model_v2.RECORD_CLASSES:
        home = V2_RECORD_SCHEMAS[cls.TYPE]
        schema = _schema(home)
        properties = {k: v for k, v in schema["properties"].items() if k != "type"}
        title_en, title_vi = schema["title"], schema["x-title-vi"]
        main = tuple(_expand(properties, home, (), None, skip_parts=True))
        found.append(
            Table(
                name=_plural(cls.TYPE),
                record_type=cls.TYPE,
                part=None,
                title_en=title_en,
                title_vi=title_vi,
                columns=main,
            )
        )
        for name, prop in properties.items():
            item = _item_object(prop, home)
            if item is None:
                continue
            part_en, part_vi = _titles(prop, name, (title_en, title_vi))
            key = (
                Column(path=(f"{cls.TYPE}_id",), title_en=title_en, title_vi=title_vi),
                Column(path=("position",), title_en="Position", title_vi="Thứ tự", number=True),
            )
            body = tuple(
                _expand(item[0].get("properties", {}), item[1], (), None, skip_parts=False)
            )
            found.append(
                Table(
                    name=f"{cls.TYPE}_{name}",
                    record_type=cls.TYPE,
                    part=name,
                    title_en=part_en,
                    title_vi=part_vi,
                    columns=key + body,
                )
            )
    return tuple(found)


@functools.cache
def dataset_columns() -> tuple[Column, ...]:
    """The columns of the 2.0 dataset's metadata (``records`` and ``vocabulary`` left out:
    the vocabulary is a table of its own)."""
    properties = {
        k: v
        for k, v in _schema("dataset")["properties"].items()
        if k not in ("type", "records", "vocabulary")
    }
    return tuple(_expand(properties, "dataset", (), None, skip_parts=False))


def metadata(dataset: model_v2.Dataset) -> dict[str, Any]:
    """The dataset's canonical JSON without its records."""
    found: dict[str, Any] = convert_v2.unstructure(attrs.evolve(dataset, records=()))
    found.pop("records", None)
    return found


def rows(dataset: model_v2.Dataset) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table, by table name: a record's canonical JSON for a record table,
    a list item with ``<type>_id`` and ``position`` added for a part table."""
    found: dict[str, list[dict[str, Any]]] = {t.name: [] for t in tables()}
    parts = [t for t in tables() if t.part is not None]
    for record in dataset.records:
        doc: dict[str, Any] = convert_v2.unstructure(record)
        found[_plural(record.TYPE)].append(doc)
        for table in parts:
            if table.record_type != record.TYPE:
                continue
            for position, item in enumerate(doc.get(table.part or "", ())):
                found[table.name].append({table.owner: doc["id"], "position": position, **item})
    return found


def _codes(column: Column, value: Any) -> Iterator[str]:
    if value is None or column.codelist is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        yield from (v for v in value if isinstance(v, str))


#: The columns of the ``vocabulary`` table.
VOCABULARY_COLUMNS = (
    Column(path=("codelist",), title_en="Codelist", title_vi="Danh mục"),
    Column(path=("code",), title_en="Code", title_vi="Mã"),
    Column(path=("vi",), title_en="Label (Vietnamese)", title_vi="Nhãn tiếng Việt"),
    Column(path=("en",), title_en="Label (English)", title_vi="Nhãn tiếng Anh"),
    Column(path=("origin",), title_en="Origin", title_vi="Nguồn gốc"),
)


def vocabulary(
    dataset: model_v2.Dataset, found: dict[str, list[dict[str, Any]]]
) -> list[VocabularyRow]:
    """Every code the rows ``found`` (from :func:`rows`) use, and every code the dataset
    declares, with labels and origin."""
    used: set[tuple[str, str]] = set()
    for table in tables():
        for column in table.columns:
            if column.codelist is None:
                continue
            for doc in found[table.name]:
                used |= {(column.codelist, c) for c in _codes(column, column.value(doc))}
    return rows_of(codelists_of(dataset), used)


def text(column: Column, value: Any) -> str:
    """A cell as text, as in the 1.0 tables (lists joined with ``;``); a link's single
    ``to`` is its id."""
    if isinstance(value, str) and column.shape != "scalar":
        return value
    return _text(column, value)
