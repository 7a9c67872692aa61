"""Closed codelists as enums.

Each enum mirrors a codelist of the same name under ``schemas/v1/codelists/`` (the labels in
Vietnamese and English live there); a test proves the two agree. Closed codelists change only
with a new schema version. Open codelists (organisation kinds, activity and outcome kinds, units,
model types, source kinds, target groups) are plain strings in the model so that plugins can
extend them; their codes are checked by validation, not by construction.
"""

from __future__ import annotations

import enum

__all__ = [
    "AgreementKind",
    "AreaLevel",
    "CodeEnum",
    "Frequency",
    "OrganisationLevel",
    "Precision",
]


class CodeEnum(str, enum.Enum):
    """A closed codelist: each member's value is its code. Prints as the code."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"

    def __str__(self) -> str:
        return str(self.value)


class AreaLevel(CodeEnum):
    """Level of an administrative unit (codelist ``area_levels``)."""

    COUNTRY = "country"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    VILLAGE = "village"


class OrganisationLevel(CodeEnum):
    """Administrative level at which an organisation works (codelist ``organisation_levels``)."""

    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    GRASSROOTS = "grassroots"


class AgreementKind(CodeEnum):
    """Kind of agreement under which bodies coordinate (codelist ``agreement_kinds``)."""

    JOINT_RESOLUTION = "joint_resolution"
    COORDINATION_PROGRAMME = "coordination_programme"
    COORDINATION_REGULATION = "coordination_regulation"
    JOINT_PLAN = "joint_plan"
    JOINT_CIRCULAR = "joint_circular"
    MEMORANDUM = "memorandum"


class Precision(CodeEnum):
    """How exactly a figure was stated (codelist ``precisions``).

    ``"hơn 300"`` is ``MORE_THAN``, ``"gần 2 tỷ"`` is ``NEARLY``, ``"khoảng 50"`` is ``ABOUT``,
    ``"10 - 20"`` is ``RANGE`` (with an upper bound).
    """

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    ABOUT = "about"
    NEARLY = "nearly"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"


class Frequency(CodeEnum):
    """Frequency of a recurring period (codelist ``frequencies``)."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"
