"""Validation: read, schema, structure, rules and dataset checks, reported as findings.

Each finding has a stable code from :data:`CATALOGUE`, a severity, the file, line, column and
JSON pointer, the record's id, and a message in Vietnamese and English.

The pieces of a run (inputs, options, the engine, renderers in parts, making findings) are in
:mod:`antt_domain.validation.engine`, for commands and plugins that drive a run themselves.
"""

from __future__ import annotations

from antt_domain.validation._api import RulePlugins, validate, validate_bytes, validate_value
from antt_domain.validation._catalogue import CATALOGUE, CodeInfo, catalogue
from antt_domain.validation._facts import FactIndex, FactLog
from antt_domain.validation._faults import RuleCrashError
from antt_domain.validation._findings import Finding, InputSummary, Report, RuleFault, Severity
from antt_domain.validation._formats import REPORT_FORMATS, RenderOptions, render
from antt_domain.validation._ids import RecordIds
from antt_domain.validation._inputs import InputError
from antt_domain.validation._records import Issue, Located, RecordSet, RuleContext, Spot
from antt_domain.validation._repeats import Repeats
from antt_domain.validation._rules import (
    DatasetCheck,
    FactLifecycle,
    Lifecycle,
    LifecycleCheck,
    RecordCheck,
    Rule,
    dataset_rule,
    record_rule,
)
from antt_domain.validation._shards import ShardFailedError
from antt_domain.validation._spilled import SpilledFindings
from antt_domain.validation.rules import BUILT_IN_RULES

__all__ = [
    "BUILT_IN_RULES",
    "CATALOGUE",
    "REPORT_FORMATS",
    "CodeInfo",
    "DatasetCheck",
    "FactIndex",
    "FactLifecycle",
    "FactLog",
    "Finding",
    "InputError",
    "InputSummary",
    "Issue",
    "Lifecycle",
    "LifecycleCheck",
    "Located",
    "RecordCheck",
    "RecordIds",
    "RecordSet",
    "RenderOptions",
    "Repeats",
    "Report",
    "Rule",
    "RuleContext",
    "RuleCrashError",
    "RuleFault",
    "RulePlugins",
    "Severity",
    "ShardFailedError",
    "SpilledFindings",
    "Spot",
    "catalogue",
    "dataset_rule",
    "record_rule",
    "render",
    "validate",
    "validate_bytes",
    "validate_value",
]
