"""Validation: read, schema, structure, rules and dataset checks, reported as findings.

Each finding has a stable code from :data:`CATALOGUE`, a severity, the file, line, column and
JSON pointer, the record's id, and a message in Vietnamese and English.
"""

from __future__ import annotations

from antt_domain.validation._api import validate, validate_bytes, validate_value
from antt_domain.validation._catalogue import (
    CATALOGUE,
    CodeInfo,
    catalogue,
    finding_from,
    make_finding,
)
from antt_domain.validation._engine import DEFAULT, Options, run
from antt_domain.validation._faults import RuleCrashError
from antt_domain.validation._findings import Finding, InputSummary, Report, RuleFault, Severity
from antt_domain.validation._formats import FORMATS, RenderOptions, render, render_parts
from antt_domain.validation._inputs import InputError, InputSource, discover
from antt_domain.validation._rules import (
    DatasetCheck,
    Issue,
    Lifecycle,
    LifecycleCheck,
    Located,
    RecordCheck,
    RecordSet,
    Rule,
    RuleContext,
    dataset_rule,
    record_rule,
)
from antt_domain.validation.rules import BUILT_IN_RULES

__all__ = [
    "BUILT_IN_RULES",
    "CATALOGUE",
    "DEFAULT",
    "FORMATS",
    "CodeInfo",
    "DatasetCheck",
    "Finding",
    "InputError",
    "InputSource",
    "InputSummary",
    "Issue",
    "Lifecycle",
    "LifecycleCheck",
    "Located",
    "Options",
    "RecordCheck",
    "RecordSet",
    "RenderOptions",
    "Report",
    "Rule",
    "RuleContext",
    "RuleCrashError",
    "RuleFault",
    "Severity",
    "catalogue",
    "dataset_rule",
    "discover",
    "finding_from",
    "make_finding",
    "record_rule",
    "render",
    "render_parts",
    "run",
    "validate",
    "validate_bytes",
    "validate_value",
]
