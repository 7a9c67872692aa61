"""antt-domain: model, check and report the all-people movement to protect national security.

The public API is what ``__all__`` lists. Names are imported on first use, so that
``import antt_domain`` (and the ``antt`` command) start fast.

>>> from antt_domain import load_example
>>> dataset = load_example()
>>> dataset.get("act-tuyen-truyen-luu-dong").quantity.value
1838
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from antt_domain._version import __version__

if TYPE_CHECKING:
    from antt_domain.convert import (
        ConversionError,
        structure_dataset,
        structure_record,
        unstructure,
    )
    from antt_domain.errors import AnttError
    from antt_domain.io import (
        JSONReadError,
        SchemaViolationError,
        dump,
        dumps,
        example_names,
        load_dataset,
        load_example,
        load_record,
        loads_dataset,
        loads_record,
    )
    from antt_domain.model import (
        Activity,
        Agreement,
        AgreementKind,
        Area,
        AreaLevel,
        AsOf,
        Citation,
        Dataset,
        Frequency,
        Interval,
        ModelError,
        ModelInstance,
        ModelType,
        Organisation,
        OrganisationLevel,
        Outcome,
        Period,
        Precision,
        Publisher,
        Quantity,
        Record,
        Recurring,
        Source,
        Unstated,
    )
    from antt_domain.plugins import export
    from antt_domain.schemas import codelist, codelists, load_schema
    from antt_domain.validation import Finding, Report, Severity, validate

_LOCATIONS = {
    "antt_domain.errors": ("AnttError",),
    "antt_domain.model": (
        "Activity",
        "Agreement",
        "AgreementKind",
        "Area",
        "AreaLevel",
        "AsOf",
        "Citation",
        "Dataset",
        "Frequency",
        "Interval",
        "ModelError",
        "ModelInstance",
        "ModelType",
        "Organisation",
        "OrganisationLevel",
        "Outcome",
        "Period",
        "Precision",
        "Publisher",
        "Quantity",
        "Record",
        "Recurring",
        "Source",
        "Unstated",
    ),
    "antt_domain.convert": (
        "ConversionError",
        "structure_dataset",
        "structure_record",
        "unstructure",
    ),
    "antt_domain.io": (
        "JSONReadError",
        "SchemaViolationError",
        "dump",
        "dumps",
        "example_names",
        "load_dataset",
        "load_example",
        "load_record",
        "loads_dataset",
        "loads_record",
    ),
    "antt_domain.schemas": ("codelist", "codelists", "load_schema"),
    "antt_domain.plugins": ("export",),
    "antt_domain.validation": ("Finding", "Report", "Severity", "validate"),
}
_WHERE = {name: module for module, names in _LOCATIONS.items() for name in names}

__all__ = [
    "Activity",
    "Agreement",
    "AgreementKind",
    "AnttError",
    "Area",
    "AreaLevel",
    "AsOf",
    "Citation",
    "ConversionError",
    "Dataset",
    "Finding",
    "Frequency",
    "Interval",
    "JSONReadError",
    "ModelError",
    "ModelInstance",
    "ModelType",
    "Organisation",
    "OrganisationLevel",
    "Outcome",
    "Period",
    "Precision",
    "Publisher",
    "Quantity",
    "Record",
    "Recurring",
    "Report",
    "SchemaViolationError",
    "Severity",
    "Source",
    "Unstated",
    "__version__",
    "codelist",
    "codelists",
    "dump",
    "dumps",
    "example_names",
    "export",
    "load_dataset",
    "load_example",
    "load_record",
    "load_schema",
    "loads_dataset",
    "loads_record",
    "structure_dataset",
    "structure_record",
    "unstructure",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        msg = f"module 'antt_domain' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
