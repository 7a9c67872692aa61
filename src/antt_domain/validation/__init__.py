"""Validation: read, schema, structure, rules and dataset checks, reported as findings.

Each finding has a stable code from :data:`CATALOGUE`, a severity, the file, line, column and
JSON pointer, the record's id, and a message in Vietnamese and English.
"""

from __future__ import annotations

from antt_domain.validation._api import (
    InputError,
    iter_input_files,
    validate,
    validate_bytes,
    validate_value,
)
from antt_domain.validation._catalogue import CATALOGUE, CodeInfo, code_info, make_finding
from antt_domain.validation._findings import Finding, InputSummary, Report, Severity
from antt_domain.validation._rules import (
    DatasetCheck,
    Issue,
    Located,
    RecordCheck,
    RecordSet,
    Rule,
    RuleContext,
    dataset_rule,
    record_rule,
)

__all__ = [
    "CATALOGUE",
    "CodeInfo",
    "DatasetCheck",
    "Finding",
    "InputError",
    "InputSummary",
    "Issue",
    "Located",
    "RecordCheck",
    "RecordSet",
    "Report",
    "Rule",
    "RuleContext",
    "Severity",
    "code_info",
    "dataset_rule",
    "iter_input_files",
    "make_finding",
    "record_rule",
    "validate",
    "validate_bytes",
    "validate_value",
]
