"""The bundled JSON Schemas and codelists, and validators compiled from them.

Every schema is resolved through a local :mod:`referencing` registry built from the files that
ship with the package: no ``$ref`` is ever fetched over the network; a reference to anything
else fails closed with :class:`SchemaNotFoundError`.

1.0 is the default of every function; ``version="2"`` serves the 2.0 schemas and codelists
(``schemas/v2/``), which no model, converter or validation pipeline uses yet.
"""

from __future__ import annotations

from antt_domain.schemas._codelists import codelist, codelists
from antt_domain.schemas._fast import explainer_for, fast_check
from antt_domain.schemas._registry import (
    BASE_URI,
    RECORD_SCHEMAS,
    SCHEMA_VERSIONS,
    V2_BASE_URI,
    V2_RECORD_SCHEMAS,
    SchemaNotFoundError,
    SchemaVersion,
    format_checker,
    load_schema,
    registry,
    schema_names,
    validator_for,
)

__all__ = [
    "BASE_URI",
    "RECORD_SCHEMAS",
    "SCHEMA_VERSIONS",
    "V2_BASE_URI",
    "V2_RECORD_SCHEMAS",
    "SchemaNotFoundError",
    "SchemaVersion",
    "codelist",
    "codelists",
    "explainer_for",
    "fast_check",
    "format_checker",
    "load_schema",
    "registry",
    "schema_names",
    "validator_for",
]
