"""Reading the bundled codelists (``schemas/v1/codelists/*.json``, and the 2.0 ones under
``schemas/v2/codelists/`` with ``version="2"``) into model values."""

from __future__ import annotations

import functools
import json
from typing import Any

from antt_domain._resources import schema_root
from antt_domain.model import Code, Codelist
from antt_domain.schemas._registry import SCHEMA_VERSIONS, SchemaVersion

__all__ = ["codelist", "codelists"]

_LABEL_KEYS = ("code", "vi", "en", "description")


def _code(entry: dict[str, Any]) -> Code:
    extra = {k: v for k, v in entry.items() if k not in _LABEL_KEYS}
    return Code(
        code=entry["code"],
        vi=entry["vi"],
        en=entry["en"],
        description=entry.get("description"),
        extra=extra,
    )


def codelists(version: SchemaVersion = "1") -> dict[str, Codelist]:
    """Every bundled codelist of ``version`` by name (``"units"``, ``"activity_kinds"``, ...;
    with ``version="2"``: ``"figure_kinds"``, ``"roles"``, ...)."""
    return _codelists(version)


@functools.cache
def _codelists(version: SchemaVersion) -> dict[str, Codelist]:
    if version not in SCHEMA_VERSIONS:
        msg = f"no schema version {version!r}; known: {', '.join(SCHEMA_VERSIONS)}"
        raise ValueError(msg)
    found: dict[str, Codelist] = {}
    folder = schema_root() / f"v{version}" / "codelists"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        doc = json.loads(entry.read_text(encoding="utf-8"))
        found[doc["name"]] = Codelist(
            name=doc["name"],
            title_vi=doc["title"]["vi"],
            title_en=doc["title"]["en"],
            closed=doc["closed"],
            description=doc.get("description"),
            codes=tuple(_code(c) for c in doc["codes"]),
        )
    return found


def codelist(name: str, version: SchemaVersion = "1") -> Codelist:
    """The bundled codelist ``name`` of ``version``; :class:`KeyError` names the known ones
    when absent."""
    found = codelists(version)
    if name not in found:
        msg = f"no codelist {name!r}; known: {', '.join(sorted(found))}"
        raise KeyError(msg)
    return found[name]
