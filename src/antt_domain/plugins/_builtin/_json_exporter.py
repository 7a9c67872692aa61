"""The ``json`` exporter: the canonical dataset JSON, as ``antt_domain.io.dumps`` writes it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import BinaryIO

from antt_domain.io import dumps
from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.plugins._markers import hookimpl
from antt_domain.plugins._specs import ExporterSpec

__all__ = ["antt_register_exporters", "export_json"]


def export_json(
    dataset: Dataset | model_v2.Dataset, out: BinaryIO, options: Mapping[str, str], /
) -> None:
    """The dataset document (1.x or 2.0, as loaded), indented by two spaces, UTF-8, ending
    with a newline."""
    out.write(dumps(dataset).encode("utf-8"))


@hookimpl
def antt_register_exporters() -> list[ExporterSpec]:
    """Register ``json``."""
    return [
        ExporterSpec(
            name="json",
            title="Dataset JSON (canonical, as the schemas define it)",
            media_type="application/json",
            extension="json",
            binary=False,
            export=export_json,
            description="The wire format: reads back with antt_domain.io.load_any_dataset.",
            schema_versions=("1", "2"),
        )
    ]
