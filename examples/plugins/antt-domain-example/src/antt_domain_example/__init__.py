"""An antt-domain plugin: ``antt export --format tsv`` writes every figure as one TSV table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import BinaryIO

from antt_domain.model import Activity, Dataset, Outcome
from antt_domain.plugins import ExporterSpec, hookimpl

COLUMNS = ("id", "type", "kind", "value", "unit", "period", "organiser", "area")


def _cell(value: object) -> str:
    """A TSV cell: tabs and line breaks would split the row, so they become spaces."""
    text = "" if value is None else str(value)
    return " ".join(text.replace("\t", " ").splitlines())


def export_tsv(dataset: Dataset, out: BinaryIO, options: Mapping[str, str], /) -> None:
    """One header row, then one row per activity or outcome, in dataset order."""
    rows = [COLUMNS]
    for record in dataset.records:
        if isinstance(record, (Activity, Outcome)):
            quantity = record.quantity
            rows.append(
                (
                    record.id,
                    record.TYPE,
                    record.kind,
                    _cell(quantity.value if quantity else None),
                    _cell(quantity.unit if quantity else None),
                    _cell(record.period.as_written or record.period.KIND),
                    _cell(record.organiser),
                    _cell(record.area),
                )
            )
    text = "".join("\t".join(row) + "\n" for row in rows)
    out.write(text.encode("utf-8"))


@hookimpl
def antt_register_exporters() -> list[ExporterSpec]:
    """Tell antt-domain about the ``tsv`` exporter."""
    return [
        ExporterSpec(
            name="tsv",
            title="Figures as tab-separated values",
            media_type="text/tab-separated-values",
            extension="tsv",
            binary=False,
            export=export_tsv,
        )
    ]
