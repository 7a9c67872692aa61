"""JSON in and out: text, bytes and files to model objects and back.

JSON is the wire format of the schemas, so it lives here (other formats are plugins). Reading
is strict -- UTF-8 (a BOM is accepted), no duplicate keys, no NaN or Infinity, bounded size and
depth -- and loading checks the bundled schema before structuring, so a document that does not
match never produces a half-built object. Writing is canonical and atomic.
"""

from __future__ import annotations

from antt_domain.io._examples import example_names, load_example
from antt_domain.io._load import (
    SchemaViolation,
    SchemaViolationError,
    dump,
    dumps,
    load_any_dataset,
    load_dataset,
    load_dataset_v2,
    load_record,
    loads_any_dataset,
    loads_dataset,
    loads_dataset_v2,
    loads_record,
    major_version,
    schema_violations,
    write_atomic,
)
from antt_domain.io._strict_json import (
    MAX_BYTES,
    MAX_DEPTH,
    JSONReadError,
    check_unicode,
    decode_text,
    parse_json,
    parse_json_bytes,
    read_json,
    read_limited,
)

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "JSONReadError",
    "SchemaViolation",
    "SchemaViolationError",
    "check_unicode",
    "decode_text",
    "dump",
    "dumps",
    "example_names",
    "load_any_dataset",
    "load_dataset",
    "load_dataset_v2",
    "load_example",
    "load_record",
    "loads_any_dataset",
    "loads_dataset",
    "loads_dataset_v2",
    "loads_record",
    "major_version",
    "parse_json",
    "parse_json_bytes",
    "read_json",
    "read_limited",
    "schema_violations",
    "write_atomic",
]
