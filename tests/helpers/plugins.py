"""Small plugins and specs the plugin tests share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import BinaryIO

from antt_domain.model import Dataset
from antt_domain.plugins import ExporterSpec

NO_ENV: dict[str, str] = {}


def writes(data: bytes) -> Callable[[Dataset, BinaryIO, Mapping[str, str]], None]:
    """An exporter that writes ``data`` whatever the dataset."""

    def export(dataset: Dataset, out: BinaryIO, options: Mapping[str, str], /) -> None:
        out.write(data)

    return export


def exporter(name: str, data: bytes = b"ok\n", **kwargs: object) -> ExporterSpec:
    """A small textual exporter spec."""
    fields: dict[str, object] = {
        "name": name,
        "title": f"The {name} format",
        "media_type": "text/plain",
        "extension": "txt",
        "binary": False,
        "export": writes(data),
    }
    fields.update(kwargs)
    return ExporterSpec(**fields)  # type: ignore[arg-type]
