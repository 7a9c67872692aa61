"""The ``csv`` exporter: a ZIP holding one CSV file per record type, plus ``dataset.csv``.

One output stream cannot hold several tables, so the CSV files travel in one ZIP:
``dataset.csv`` (one row of metadata), then ``area.csv``, ``organisation.csv``,
``agreement.csv``, ``model_type.csv``, ``model_instance.csv``, ``activity.csv``,
``outcome.csv``, ``source.csv`` -- always all of them, a header alone when a type has no
records. Columns are named as in :mod:`._tables` (``quantity.value``, ``period.start``,
``partners`` joined with ``;``).

A Schema 2.0 dataset gives the 2.0 tables instead (see :mod:`._tables_v2`): ``dataset.csv``,
``<table>.csv`` for every table (``areas.csv`` ... ``figures.csv``, ``figure_actors.csv``,
``figure_links.csv``, ...) and ``vocabulary.csv`` (every code used, its labels, its origin).

Files are UTF-8 with CRLF line ends (RFC 4180). ``bom=yes`` starts each with a byte-order
mark so that Excel shows Vietnamese correctly. ``header=vi`` or ``header=en`` writes the
schemas' labels instead of the column names. A cell beginning with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is prefixed with ``'`` so a spreadsheet never runs it as a
formula. The ZIP is deterministic: fixed order, fixed timestamps (1980-01-01) and modes.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import BinaryIO

import attrs

from antt_domain.convert import unstructure
from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.plugins._builtin import _tables_v2
from antt_domain.plugins._builtin._options import choice, flag
from antt_domain.plugins._builtin._tables import (
    Column,
    columns,
    dataset_columns,
    documents,
    record_types,
    text,
)
from antt_domain.plugins._markers import hookimpl
from antt_domain.plugins._specs import ExporterSpec

__all__ = ["antt_register_exporters", "export_csv", "neutralise"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_EPOCH = (1980, 1, 1, 0, 0, 0)


def neutralise(cell: str) -> str:
    """``cell``, prefixed with ``'`` when a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _csv(
    cols: Sequence[Column],
    docs: Iterable[dict[str, object]],
    header: str,
    *,
    bom: bool,
    cell: Callable[[Column, object], str] = text,
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(c.name if header == "names" else c.label(header)) for c in cols])
    for doc in docs:
        writer.writerow([neutralise(cell(c, c.value(doc))) for c in cols])
    return ("\ufeff" if bom else "").encode("utf-8") + buffer.getvalue().encode("utf-8")


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever the platform, so the bytes do not depend on it
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def _export_v2(dataset: model_v2.Dataset, out: BinaryIO, header: str, *, bom: bool) -> None:
    cell = _tables_v2.text
    found = _tables_v2.rows(dataset)
    words = [attrs.asdict(r) for r in _tables_v2.vocabulary(dataset, found)]
    with zipfile.ZipFile(out, "w") as archive:
        meta = [_tables_v2.metadata(dataset)]
        data = _csv(_tables_v2.dataset_columns(), meta, header, bom=bom, cell=cell)
        _add(archive, "dataset.csv", data)
        for table in _tables_v2.tables():
            data = _csv(table.columns, found[table.name], header, bom=bom, cell=cell)
            _add(archive, f"{table.name}.csv", data)
        data = _csv(_tables_v2.VOCABULARY_COLUMNS, words, header, bom=bom, cell=cell)
        _add(archive, "vocabulary.csv", data)


def export_csv(
    dataset: Dataset | model_v2.Dataset, out: BinaryIO, options: Mapping[str, str], /
) -> None:
    """Write the ZIP of CSV files (see the module's documentation)."""
    bom = flag(options, "bom")
    header = choice(options, "header", ("names", "vi", "en"), "names")
    if isinstance(dataset, model_v2.Dataset):
        _export_v2(dataset, out, header, bom=bom)
        return
    metadata = unstructure(dataset)
    metadata.pop("records", None)
    with zipfile.ZipFile(out, "w") as archive:
        _add(archive, "dataset.csv", _csv(dataset_columns(), [metadata], header, bom=bom))
        for kind in record_types():
            data = _csv(columns(kind.type), documents(dataset, kind.type), header, bom=bom)
            _add(archive, f"{kind.type}.csv", data)


@hookimpl
def antt_register_exporters() -> list[ExporterSpec]:
    """Register ``csv``."""
    return [
        ExporterSpec(
            name="csv",
            title="CSV tables, one per record type, in a ZIP",
            media_type="application/zip",
            extension="zip",
            binary=True,
            export=export_csv,
            options={
                "bom": "yes: start each file with a UTF-8 byte-order mark (for Excel); default no",
                "header": "names (default), vi or en: the header row's words",
            },
            description="dataset.csv and <type>.csv for every record type; UTF-8, CRLF.",
            schema_versions=("1", "2"),
        )
    ]
