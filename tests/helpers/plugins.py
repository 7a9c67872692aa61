"""Small plugins and specs the plugin tests share."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

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


#: Records the test plugin ``antt-domain-thanhhoa`` has something to say about: a unit only
#: its codelist knows ("boat") and an area code only its gazetteer knows.
THANHHOA_RECORDS: tuple[dict[str, Any], ...] = (
    {
        "id": "a1",
        "type": "activity",
        "kind": "other",
        "period": {"kind": "unstated"},
        "quantity": {"value": 3, "unit": "boat"},
    },
    {
        "id": "area-1",
        "type": "area",
        "name": "Xã Thử Nghiệm",
        "level": "commune",
        "code": "99999",
        "code_list": "test",
        "valid_from": "2021-01-01",
    },
)


def write_records(path: Path, *records: Mapping[str, Any]) -> Path:
    """``records`` written to ``path`` as one JSON array; ``path`` back."""
    path.write_text(json.dumps(list(records), ensure_ascii=False), encoding="utf-8")
    return path
