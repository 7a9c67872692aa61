"""The ``jsonl`` exporter: JSON Lines, the dataset's metadata first, then one record a line.

Line 1 is the dataset document without ``records`` (``"type": "dataset"``); every further
line is one record in its canonical JSON, in dataset order. Each line is compact JSON, UTF-8,
ending with ``\\n``. To rebuild the dataset, put the records of lines 2.. in a ``records``
array of line 1's object.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, BinaryIO

import attrs

from antt_domain.convert import unstructure
from antt_domain.convert import v2 as convert_v2
from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.plugins._markers import hookimpl
from antt_domain.plugins._specs import ExporterSpec
from antt_domain.text_safety import json_safe

__all__ = ["antt_register_exporters", "export_jsonl"]


def _line(value: Any) -> bytes:
    """One compact JSON line. U+0085, U+2028 and U+2029 (and other characters a reader may take
    for line ends or that change how text is shown) are written as escapes, so that no reader
    that splits lines the Unicode way breaks a record in two; the values read back the same."""
    text = json_safe(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    return (text + "\n").encode("utf-8")


def export_jsonl(
    dataset: Dataset | model_v2.Dataset, out: BinaryIO, options: Mapping[str, str], /
) -> None:
    """The metadata line, then one line per record (1.x or 2.0 JSON, as loaded)."""
    write: Callable[[Any], Any] = (
        convert_v2.unstructure if isinstance(dataset, model_v2.Dataset) else unstructure
    )
    metadata = write(attrs.evolve(dataset, records=()))
    metadata.pop("records", None)
    out.write(_line(metadata))
    for record in dataset.records:
        out.write(_line(write(record)))


@hookimpl
def antt_register_exporters() -> list[ExporterSpec]:
    """Register ``jsonl``."""
    return [
        ExporterSpec(
            name="jsonl",
            title="JSON Lines (metadata line, then one record per line)",
            media_type="application/jsonl",
            extension="jsonl",
            binary=False,
            export=export_jsonl,
            description="Line 1: the dataset without records; then one record per line.",
            schema_versions=("1", "2"),
        )
    ]
