"""Closed 2.0 codelists as enums.

Each enum mirrors a closed codelist of the same name under ``schemas/v2/codelists/``; a test
proves the two agree. ``OrganisationLevel`` is unchanged from 1.0 and is reused from
:mod:`antt_domain.model`. Open codelists (figure kinds, units, roles, ...) are plain strings:
built-in codes or ``namespace:code`` extension codes, checked by validation.
"""

from __future__ import annotations

from antt_domain.model._enums import CodeEnum

__all__ = [
    "AreaFeature",
    "AreaKind",
    "AreaLevel",
    "AssessmentMethod",
    "CitationPart",
    "EventStatus",
    "FigureClass",
    "Frequency",
    "LengthUnit",
    "LifecycleStage",
    "LinkCertainty",
    "LinkRelation",
    "PlanStatus",
    "Precision",
    "RecipientKind",
    "SourceCoverage",
    "UnitDimension",
    "VagueMagnitude",
]


class AreaKind(CodeEnum):
    """What kind of place an area is (codelist ``area_kinds``)."""

    ADMINISTRATIVE = "administrative"
    REGION = "region"
    RELIGIOUS_UNIT = "religious_unit"
    BORDER_ZONE = "border_zone"
    SITE = "site"


class AreaLevel(CodeEnum):
    """Level of an administrative unit (codelist ``area_levels``; 2.0 adds ``region``)."""

    COUNTRY = "country"
    REGION = "region"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    VILLAGE = "village"


class AreaFeature(CodeEnum):
    """A feature of an area that reports single out (codelist ``area_features``)."""

    BORDER = "border"
    COASTAL = "coastal"
    MOUNTAIN = "mountain"
    ETHNIC_MINORITY = "ethnic_minority"
    RELIGIOUS = "religious"
    URBAN = "urban"
    INDUSTRIAL = "industrial"


class Precision(CodeEnum):
    """How exactly a figure was stated (codelist ``precisions``; 2.0 adds ``vague``).

    ``VAGUE`` is an amount with no number ("nhiều vụ", "hàng nghìn"): it has a magnitude.
    """

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    ABOUT = "about"
    NEARLY = "nearly"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"
    VAGUE = "vague"


class VagueMagnitude(CodeEnum):
    """The order of magnitude of a vague amount (codelist ``vague_magnitudes``)."""

    SOME = "some"
    FEW = "few"
    MANY = "many"
    DOZENS = "dozens"
    HUNDREDS = "hundreds"
    THOUSANDS = "thousands"
    TENS_OF_THOUSANDS = "tens_of_thousands"
    HUNDREDS_OF_THOUSANDS = "hundreds_of_thousands"
    MILLIONS = "millions"


class Frequency(CodeEnum):
    """Frequency of a recurring period (codelist ``frequencies``; 2.0 adds ``on_occasions``)."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"
    ON_OCCASIONS = "on_occasions"


class LengthUnit(CodeEnum):
    """The unit of a length of time: three codes of the open ``units`` codelist."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class CitationPart(CodeEnum):
    """Which part of a page holds a fact (codelist ``citation_parts``)."""

    HEADLINE = "headline"
    SAPO = "sapo"
    BODY = "body"
    CAPTION = "caption"
    URL = "url"
    BYLINE = "byline"
    TABLE = "table"


class LinkRelation(CodeEnum):
    """How one figure relates to another (codelist ``link_relations``)."""

    PART_OF = "part_of"
    VERSION_OF = "version_of"
    FOLLOWS_FROM = "follows_from"
    VALUE_OF = "value_of"
    MEMBERS_OF = "members_of"
    INSTANCES_OF = "instances_of"
    PLACES_OF = "places_of"
    SHARE_OF = "share_of"
    ACHIEVED_BY = "achieved_by"
    SHARE_FOR = "share_for"


class LinkCertainty(CodeEnum):
    """How sure a link is (codelist ``link_certainties``)."""

    STATED = "stated"
    INFERRED = "inferred"
    UNCERTAIN = "uncertain"


class LifecycleStage(CodeEnum):
    """A stage in the life of a model (codelist ``lifecycle_stages``)."""

    NEW = "new"
    LAUNCHED = "launched"
    REPLICATED = "replicated"
    CONSOLIDATED = "consolidated"
    MAINTAINED = "maintained"
    REPAIRED = "repaired"
    EXISTING = "existing"
    REVIEWED = "reviewed"
    DISSOLVED = "dissolved"


class EventStatus(CodeEnum):
    """A status an event is reported with (codelist ``event_statuses``)."""

    PILOT = "pilot"
    FIRST_AFTER_MERGER = "first_after_merger"


class PlanStatus(CodeEnum):
    """How far a plan has got (codelist ``plan_statuses``)."""

    PLANNED = "planned"
    INTENDED = "intended"
    ONGOING = "ongoing"
    DONE = "done"
    ABANDONED = "abandoned"


class AssessmentMethod(CodeEnum):
    """How an assessment was made (codelist ``assessment_methods``)."""

    SURVEY = "survey"
    SELF_ASSESSMENT = "self_assessment"
    REVIEW = "review"


class RecipientKind(CodeEnum):
    """Who an award went to (codelist ``recipient_kinds``)."""

    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"
    COLLECTIVE_OR_INDIVIDUAL = "collective_or_individual"
    POPULATION = "population"


class SourceCoverage(CodeEnum):
    """How much of a source was available (codelist ``source_coverage``)."""

    COMPLETE = "complete"
    CUT_AT_START = "cut_at_start"
    CUT_AT_END = "cut_at_end"
    CUT_AT_BOTH_ENDS = "cut_at_both_ends"
    UNKNOWN = "unknown"


class UnitDimension(CodeEnum):
    """What may be summed with a unit (codelist ``unit_dimensions``)."""

    COUNT = "count"
    ATTENDANCE = "attendance"
    MONEY = "money"
    MASS = "mass"
    LENGTH = "length"
    AREA = "area"
    PERCENTAGE = "percentage"
    DURATION = "duration"
    UNKNOWN = "unknown"


class FigureClass(CodeEnum):
    """The class of a figure kind (codelist ``figure_classes``)."""

    ACTIVITY = "activity"
    OUTCOME = "outcome"
    CAPACITY = "capacity"
    CONTEXT = "context"
