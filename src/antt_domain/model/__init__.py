"""The domain model: attrs classes, closed codelists as enums, and codelist values.

This package imports nothing of antt-domain's except the root exception. It knows no file
format: JSON in and out is :mod:`antt_domain.convert`'s job.
"""

from __future__ import annotations

from antt_domain.model._codelists import Code, Codelist
from antt_domain.model._dataset import SCHEMA_VERSION, Dataset
from antt_domain.model._enums import (
    AgreementKind,
    AreaLevel,
    CodeEnum,
    Frequency,
    OrganisationLevel,
    Precision,
)
from antt_domain.model._errors import ModelError
from antt_domain.model._records import (
    RECORD_CLASSES,
    Activity,
    Agreement,
    Area,
    Figure,
    JSONValue,
    ModelInstance,
    ModelType,
    Organisation,
    Outcome,
    Record,
    Source,
)
from antt_domain.model._values import (
    PERIOD_CLASSES,
    AsOf,
    Citation,
    Interval,
    Number,
    Period,
    Publisher,
    Quantity,
    Recurring,
    Unstated,
)

__all__ = [
    "PERIOD_CLASSES",
    "RECORD_CLASSES",
    "SCHEMA_VERSION",
    "Activity",
    "Agreement",
    "AgreementKind",
    "Area",
    "AreaLevel",
    "AsOf",
    "Citation",
    "Code",
    "CodeEnum",
    "Codelist",
    "Dataset",
    "Figure",
    "Frequency",
    "Interval",
    "JSONValue",
    "ModelError",
    "ModelInstance",
    "ModelType",
    "Number",
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
]
