"""The ``sqlite`` exporter: a SQLite database with one table per record type.

Layout (``PRAGMA user_version = 1``):

* ``record(id PRIMARY KEY, type, position)`` -- every record id, so that a reference (which
  may point at several types, e.g. ``models``) has one table to point at;
* one table per record type (``area``, ``organisation``, ..., ``source``) with
  ``id PRIMARY KEY REFERENCES record(id)`` and one column per scalar, named as the CSV columns
  with ``_`` for ``.`` (``quantity_value``, ``period_start``); a reference column
  (``organiser``, ``area``, ``parent``, ...) is ``REFERENCES record(id)``; ``extensions`` is
  JSON text;
* one link table per list, ``<type>_<property>(record_id, position, value)`` with primary key
  ``(record_id, position)``: lists of references (``activity_partners``) have
  ``value REFERENCES record(id)``; codes and texts (``activity_target_groups``,
  ``area_alt_names``) plain values; citations are ``<type>_sources(record_id, position,
  source REFERENCES record(id), locator)``;
* ``dataset`` (one row of metadata) and ``dataset_sources``;
* ``codelist(name, title_vi, title_en, closed)`` and ``code(codelist, code, vi, en,
  description)``: every bundled codelist, for labels in both languages.

A Schema 2.0 dataset gives the 2.0 layout instead (``PRAGMA user_version = 2``; tables as in
:mod:`._tables_v2`): ``record(id, type, position)``; ``dataset``; one table per record type
(``areas`` ... ``figures``, ``awards``, ``assessments``, ``plans``, ``sources``) with
``id PRIMARY KEY REFERENCES record(id)``; one table per list of objects
(``figure_actors``, ``figure_links``, ``event_actors``, ``award_recipients``,
``assessment_results``, ``plan_phases``, ...) with ``<type>_id REFERENCES <table>(id)`` and
``position``, primary key ``(<type>_id, position)``; lists of ids, codes or texts are one
text column joined with ``;`` as in the CSV files; and ``vocabulary(codelist, code, vi, en,
origin)``: every code used, with its labels and origin (``builtin``, ``dataset``,
``plugin:NAME``, ``undeclared``).

Foreign keys are declared, not enforced while writing: run ``PRAGMA foreign_key_check`` to
list references that do not resolve (``antt validate`` reports them too). Two records with
the same id cannot be exported (validate first). The bytes are deterministic for a given
SQLite library version.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from antt_domain.convert import unstructure
from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.plugins._builtin import _tables_v2
from antt_domain.plugins._builtin._tables import Column, columns, dataset_columns, record_types
from antt_domain.plugins._markers import hookimpl
from antt_domain.plugins._specs import ExporterSpec
from antt_domain.schemas import codelists

__all__ = ["antt_register_exporters", "export_sqlite", "sql_name"]

LAYOUT_VERSION = 1
#: ``PRAGMA user_version`` of a database written from a 2.0 dataset.
LAYOUT_VERSION_V2 = 2


def sql_name(column: Column) -> str:
    """The SQL column name of ``column`` (``quantity.value`` → ``quantity_value``)."""
    return "_".join(column.path)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _scalar(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.shape == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return value


def _column_sql(column: Column) -> str:
    if column.path == ("id",):
        return '"id" TEXT PRIMARY KEY'
    kind = "NUMERIC" if column.number else "TEXT"
    ref = " REFERENCES record(id)" if column.reference else ""
    return f"{_q(sql_name(column))} {kind}{ref}"


class _Writer:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def table(
        self,
        name: str,
        owner: str,
        cols: tuple[Column, ...],
        docs: list[dict[str, Any]],
        *,
        owner_ref: bool,
    ) -> None:
        flat = [c for c in cols if c.shape in ("scalar", "json")]
        lists = [c for c in cols if c not in flat]
        defs = [_column_sql(c) for c in flat]
        if owner_ref:
            defs[0] = '"id" TEXT PRIMARY KEY REFERENCES record(id)'
        self.db.execute(f"CREATE TABLE {_q(name)} ({', '.join(defs)})")
        marks = ", ".join("?" for _ in flat)
        self.db.executemany(
            f"INSERT INTO {_q(name)} VALUES ({marks})",  # noqa: S608 - names come from our schemas
            ([_scalar(c, c.value(d)) for c in flat] for d in docs),
        )
        for column in lists:
            self._links(name, owner, column, docs)

    def _links(self, name: str, owner: str, column: Column, docs: list[dict[str, Any]]) -> None:
        table = f"{name}_{sql_name(column)}"
        key = f"{owner} TEXT NOT NULL REFERENCES {_q(name)}(id), position INTEGER NOT NULL"
        if column.shape == "citations":
            body = "source TEXT NOT NULL REFERENCES record(id), locator TEXT"
        elif column.shape == "refs":
            body = "value TEXT NOT NULL REFERENCES record(id)"
        else:
            body = "value TEXT NOT NULL"
        self.db.execute(
            f"CREATE TABLE {_q(table)} ({key}, {body}, PRIMARY KEY ({owner}, position))"
        )

        def rows() -> Iterator[tuple[Any, ...]]:
            for doc in docs:
                for position, item in enumerate(column.value(doc) or ()):
                    if column.shape == "citations":
                        yield (doc["id"], position, item["source"], item.get("locator"))
                    else:
                        yield (doc["id"], position, item)

        width = 4 if column.shape == "citations" else 3
        marks = ", ".join("?" * width)
        self.db.executemany(f"INSERT INTO {_q(table)} VALUES ({marks})", rows())  # noqa: S608 - names from our schemas


def _codelists(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE codelist (name TEXT PRIMARY KEY, title_vi TEXT NOT NULL, "
        "title_en TEXT NOT NULL, closed INTEGER NOT NULL)"
    )
    db.execute(
        "CREATE TABLE code (codelist TEXT NOT NULL REFERENCES codelist(name), code TEXT NOT NULL, "
        "vi TEXT NOT NULL, en TEXT NOT NULL, description TEXT, PRIMARY KEY (codelist, code))"
    )
    for name, found in sorted(codelists().items()):
        db.execute(
            "INSERT INTO codelist VALUES (?, ?, ?, ?)",
            (name, found.title_vi, found.title_en, int(found.closed)),
        )
        db.executemany(
            "INSERT INTO code VALUES (?, ?, ?, ?, ?)",
            ((name, c.code, c.vi, c.en, c.description) for c in found),
        )


def _records(db: sqlite3.Connection, dataset: Dataset | model_v2.Dataset) -> None:
    db.execute(
        "CREATE TABLE record (id TEXT PRIMARY KEY, type TEXT NOT NULL, position INTEGER NOT NULL)"
    )
    try:
        db.executemany(
            "INSERT INTO record VALUES (?, ?, ?)",
            ((r.id, r.TYPE, i) for i, r in enumerate(dataset.records)),
        )
    except sqlite3.IntegrityError:
        counts = Counter(r.id for r in dataset.records)
        twice = next(i for i, n in counts.items() if n > 1)
        msg = f"two records have the id {twice!r}; validate the dataset first"
        raise ValueError(msg) from None


def _v2_cell(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.shape in ("scalar", "json"):
        return _scalar(column, value)
    return _tables_v2.text(column, value)


def _v2_table(
    db: sqlite3.Connection,
    name: str,
    cols: tuple[Column, ...],
    docs: list[dict[str, Any]],
    keys: list[str],
) -> None:
    """Create and fill one table: ``keys`` replace the first column definitions (the key
    columns) and may add constraints at the end."""
    defs = []
    for column in cols:
        kind = "NUMERIC" if column.number else "TEXT"
        ref = " REFERENCES record(id)" if column.reference and column.shape == "scalar" else ""
        defs.append(f"{_q(sql_name(column))} {kind}{ref}")
    defs[: min(len(keys), 2)] = keys[:2]
    defs += keys[2:]
    db.execute(f"CREATE TABLE {_q(name)} ({', '.join(defs)})")
    marks = ", ".join("?" for _ in cols)
    db.executemany(
        f"INSERT INTO {_q(name)} VALUES ({marks})",  # noqa: S608 - names come from our schemas
        ([_v2_cell(c, c.value(d)) for c in cols] for d in docs),
    )


def _keys(table: _tables_v2.Table) -> list[str]:
    if table.part is None:
        return ['"id" TEXT PRIMARY KEY REFERENCES record(id)']
    owner = _q(table.owner)
    return [
        f"{owner} TEXT NOT NULL REFERENCES {_q(table.record_type + 's')}(id)",
        '"position" INTEGER NOT NULL',
        f'PRIMARY KEY ({owner}, "position")',
    ]


def _fill_v2(db: sqlite3.Connection, dataset: model_v2.Dataset) -> None:
    db.execute(f"PRAGMA user_version = {LAYOUT_VERSION_V2}")
    _records(db, dataset)
    found = _tables_v2.rows(dataset)
    meta = [_tables_v2.metadata(dataset)]
    _v2_table(db, "dataset", _tables_v2.dataset_columns(), meta, ['"id" TEXT PRIMARY KEY'])
    for table in _tables_v2.tables():
        _v2_table(db, table.name, table.columns, found[table.name], _keys(table))
    db.execute(
        "CREATE TABLE vocabulary (codelist TEXT NOT NULL, code TEXT NOT NULL, vi TEXT NOT NULL, "
        "en TEXT NOT NULL, origin TEXT NOT NULL, PRIMARY KEY (codelist, code))"
    )
    db.executemany(
        "INSERT INTO vocabulary VALUES (?, ?, ?, ?, ?)",
        ((r.codelist, r.code, r.vi, r.en, r.origin) for r in _tables_v2.vocabulary(dataset, found)),
    )
    db.commit()


def _fill(db: sqlite3.Connection, dataset: Dataset | model_v2.Dataset) -> None:
    if isinstance(dataset, model_v2.Dataset):
        _fill_v2(db, dataset)
        return
    db.execute(f"PRAGMA user_version = {LAYOUT_VERSION}")
    _records(db, dataset)
    writer = _Writer(db)
    metadata = unstructure(dataset)
    metadata.pop("records", None)
    writer.table("dataset", "dataset_id", dataset_columns(), [metadata], owner_ref=False)
    by_type: dict[str, list[dict[str, Any]]] = {k.type: [] for k in record_types()}
    for record in dataset.records:
        by_type[record.TYPE].append(unstructure(record))
    for kind in record_types():
        writer.table(kind.type, "record_id", columns(kind.type), by_type[kind.type], owner_ref=True)
    _codelists(db)
    db.commit()


def _database_bytes(dataset: Dataset | model_v2.Dataset) -> bytes:
    if sys.version_info >= (3, 11):  # serialize(): no file is needed at all
        db = sqlite3.connect(":memory:")
        try:
            _fill(db, dataset)
            return db.serialize()
        finally:
            db.close()
    with tempfile.TemporaryDirectory(prefix="antt-sqlite-") as folder:  # pragma: no cover
        path = Path(folder) / "export.sqlite"
        db = sqlite3.connect(path)
        try:
            _fill(db, dataset)
        finally:
            db.close()
        return path.read_bytes()


def export_sqlite(
    dataset: Dataset | model_v2.Dataset, out: BinaryIO, options: Mapping[str, str], /
) -> None:
    """Write the SQLite database file (see the module's documentation)."""
    out.write(_database_bytes(dataset))


@hookimpl
def antt_register_exporters() -> list[ExporterSpec]:
    """Register ``sqlite``."""
    return [
        ExporterSpec(
            name="sqlite",
            title="SQLite database, one table per record type",
            media_type="application/vnd.sqlite3",
            extension="sqlite",
            binary=True,
            export=export_sqlite,
            description="Foreign keys for references, link tables for lists, codelists.",
            schema_versions=("1", "2"),
        )
    ]
