"""The twelve record types of a 2.0 dataset.

Each mirrors ``schemas/v2/<type>.schema.json``; its JSON ``type`` is the class's ``TYPE``.
References between records are by id and are resolved by validation, not by construction.
``figure`` replaces 1.0's ``activity`` and ``outcome``; ``document`` replaces ``agreement``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, final

import attrs

from antt_domain.model._checks import (
    check_id,
    check_language,
    check_order,
    check_text,
    check_url,
    enum_field,
    fail,
    id_list,
    optional_date,
    optional_enum_field,
    optional_id,
    optional_text,
    text_list,
)
from antt_domain.model._enums import OrganisationLevel
from antt_domain.model.v2._checks import (
    check_code,
    check_codes,
    code_list,
    enum_list,
    is_a,
    items_of,
    optional_code,
    typed_list,
)
from antt_domain.model.v2._enums import (
    AreaFeature,
    AreaKind,
    AreaLevel,
    AssessmentMethod,
    EventStatus,
    LifecycleStage,
    PlanStatus,
    SourceCoverage,
)
from antt_domain.model.v2._fields import (
    citations,
    extensions,
    flag,
    optional_period,
    optional_quantity,
    required_list,
    required_period,
)
from antt_domain.model.v2._parts import (
    Anniversary,
    AssessmentResult,
    AssessmentTotal,
    OrganisationRole,
    PlanPhase,
    PlanTarget,
    Position,
    Provision,
    Recipient,
    Recognition,
    SymbolVariant,
    Venue,
)
from antt_domain.model.v2._periods import PartialDate, Period, Recurring
from antt_domain.model.v2._values import Actor, Citation, Link, Quantity

__all__ = [
    "RECORD_CLASSES",
    "Area",
    "Assessment",
    "Award",
    "Document",
    "Event",
    "Figure",
    "JSONValue",
    "ModelInstance",
    "ModelType",
    "Organisation",
    "Person",
    "Plan",
    "Record",
    "Source",
]

#: Any JSON value (for ``extensions``, which the core does not interpret).
JSONValue = Any


def _actors() -> Any:
    return typed_list(Actor, distinct=True)


def _check_self(instance: Any, field: str, what: str) -> None:
    if getattr(instance, field) == instance.id:
        raise fail(instance, field, f"{what} cannot refer to itself")


@final
@attrs.frozen(kw_only=True)
class Area:
    """A place as it was at a time: an administrative unit, a region, a border zone, a site.

    An administrative area has a ``level``; a ``code`` needs the ``code_list`` it comes from
    (codes were reused after the 2025 reform). ``valid_to`` is the first day it no longer was.
    """

    TYPE: ClassVar[str] = "area"

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    kind: AreaKind = enum_field(AreaKind, default=AreaKind.ADMINISTRATIVE)
    level: AreaLevel | None = optional_enum_field(AreaLevel)
    code: str | None = optional_text()
    code_list: str | None = optional_text()
    parent: str | None = optional_id()
    also_within: tuple[str, ...] = id_list()
    merged_from: tuple[str, ...] = id_list()
    features: tuple[AreaFeature, ...] = enum_list(AreaFeature)
    valid_from: date | None = optional_date()
    valid_to: date | None = optional_date()
    alt_names: tuple[str, ...] = text_list()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()

    def __attrs_post_init__(self) -> None:
        check_order(self, "valid_from", "valid_to", strict=True)
        if self.kind is AreaKind.ADMINISTRATIVE and self.level is None:
            raise fail(self, "level", "an administrative area needs a level")
        if self.code is not None and self.code_list is None:
            raise fail(self, "code_list", "a code needs the list it comes from (codes are reused)")
        if self.code is not None and not (self.code.isascii() and self.code.isdigit()):
            raise fail(self, "code", f"{self.code!r} is not an administrative code (digits)")
        _check_self(self, "parent", "an area's parent")


@final
@attrs.frozen(kw_only=True)
class Organisation:
    """A body at one level in one area, with the standing ``roles`` it holds."""

    TYPE: ClassVar[str] = "organisation"

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    kind: str = attrs.field(validator=check_code)
    level: OrganisationLevel = enum_field(OrganisationLevel)
    area: str | None = optional_id()
    parent: str | None = optional_id()
    abbreviation: str | None = optional_text()
    alt_names: tuple[str, ...] = text_list()
    collective: bool = flag()
    created_by: str | None = optional_id()
    roles: tuple[OrganisationRole, ...] = typed_list(OrganisationRole, distinct=True)
    valid_from: date | None = optional_date()
    valid_to: date | None = optional_date()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()

    def __attrs_post_init__(self) -> None:
        check_order(self, "valid_from", "valid_to", strict=True)
        _check_self(self, "parent", "an organisation's parent")


@final
@attrs.frozen(kw_only=True)
class Person:
    """A named person (a guest, a presenter, an official) with the positions they held."""

    TYPE: ClassVar[str] = "person"

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    positions: tuple[Position, ...] = typed_list(Position)
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()


@final
@attrs.frozen(kw_only=True)
class Document:
    """A decision, plan, programme or joint resolution (replaces 1.0's ``agreement``)."""

    TYPE: ClassVar[str] = "document"

    id: str = attrs.field(validator=check_id)
    kind: str = attrs.field(validator=check_code)
    symbol: str | None = optional_text()
    symbol_variants: tuple[SymbolVariant, ...] = typed_list(SymbolVariant)
    title_as_written: str | None = optional_text()
    signed_on: date | None = optional_date()
    issued: Period | None = optional_period()
    level: OrganisationLevel | None = optional_enum_field(OrganisationLevel)
    issuers: tuple[str, ...] = id_list()
    parties: tuple[str, ...] = id_list()
    effective: Period | None = optional_period()
    parent: str | None = optional_id()
    attached_to: str | None = optional_id()
    replaces: tuple[str, ...] = id_list()
    amends: tuple[str, ...] = id_list()
    provisional: bool = flag()
    provisions: tuple[Provision, ...] = typed_list(Provision)
    topics: tuple[str, ...] = code_list()
    movements: tuple[str, ...] = code_list()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()

    def __attrs_post_init__(self) -> None:
        _check_self(self, "parent", "a document's parent")
        _check_self(self, "attached_to", "a document's attachment")


@final
@attrs.frozen(kw_only=True)
class ModelType:
    """A kind of self-management model as it is named, with its family and level."""

    TYPE: ClassVar[str] = "model_type"

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    category: str | None = optional_code()
    family: str | None = optional_code()
    level: OrganisationLevel | None = optional_enum_field(OrganisationLevel)
    defined_by: str | None = optional_id()
    area: str | None = optional_id()
    recognised: tuple[Recognition, ...] = typed_list(Recognition)
    alt_names: tuple[str, ...] = text_list()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()


def _check_meetings(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Recurring):
        raise fail(instance, attribute.name, f"{value!r} is not a recurring period")


@final
@attrs.frozen(kw_only=True)
class ModelInstance:
    """A model in one place: launched, replicated, maintained; how often it meets."""

    TYPE: ClassVar[str] = "model_instance"

    id: str = attrs.field(validator=check_id)
    model_type: str = attrs.field(validator=check_id)
    name: str | None = optional_text()
    area: str | None = optional_id()
    attached_to: str | None = optional_id()
    level: OrganisationLevel | None = optional_enum_field(OrganisationLevel)
    launched: Period | None = optional_period()
    lifecycle: tuple[LifecycleStage, ...] = enum_list(LifecycleStage)
    actors: tuple[Actor, ...] = _actors()
    under: tuple[str, ...] = id_list()
    meetings: Recurring | None = attrs.field(default=None, validator=_check_meetings)
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()


@final
@attrs.frozen(kw_only=True)
class Event:
    """Something that happened once: a conference, a festival, a launch, a review."""

    TYPE: ClassVar[str] = "event"

    id: str = attrs.field(validator=check_id)
    kinds: tuple[str, ...] = required_list(check_codes)
    name_as_written: str | None = optional_text()
    period: Period = required_period()
    area: str | None = optional_id()
    venue: Venue | None = attrs.field(default=None, validator=is_a(Venue, optional=True))
    actors: tuple[Actor, ...] = _actors()
    status: tuple[EventStatus, ...] = enum_list(EventStatus)
    status_as_written: str | None = optional_text()
    anniversaries: tuple[Anniversary, ...] = typed_list(Anniversary)
    reviews: tuple[str, ...] = id_list()
    reviewed_period: Period | None = optional_period()
    models: tuple[str, ...] = id_list()
    topics: tuple[str, ...] = code_list()
    groups: tuple[str, ...] = code_list()
    movements: tuple[str, ...] = code_list()
    under: tuple[str, ...] = id_list()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()


@final
@attrs.frozen(kw_only=True)
class Figure:
    """A counted fact: what kind, how much, when, where, by whom, linked to which figures.

    Replaces 1.0's ``activity`` and ``outcome``: the kind's class in the catalogue says which.
    ``quantity`` may be absent for work reported without a count.
    """

    TYPE: ClassVar[str] = "figure"

    id: str = attrs.field(validator=check_id)
    kind: str = attrs.field(validator=check_code)
    kind_as_written: str | None = optional_text()
    quantity: Quantity | None = optional_quantity()
    counted_as_written: str | None = optional_text()
    qualifiers: tuple[str, ...] = code_list()
    lifecycle: tuple[LifecycleStage, ...] = enum_list(LifecycleStage)
    period: Period = required_period()
    area: str | None = optional_id()
    place_as_written: str | None = optional_text()
    event: str | None = optional_id()
    actors: tuple[Actor, ...] = _actors()
    models: tuple[str, ...] = id_list()
    groups: tuple[str, ...] = code_list()
    topics: tuple[str, ...] = code_list()
    movements: tuple[str, ...] = code_list()
    under: tuple[str, ...] = id_list()
    links: tuple[Link, ...] = typed_list(Link, distinct=True)
    participants: Quantity | None = optional_quantity()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()


def _check_roles(instance: Any, field: str, role: str) -> None:
    for actor in getattr(instance, field):
        if actor.role != role:
            raise fail(instance, field, f"every actor here has role {role!r}, not {actor.role!r}")


@final
@attrs.frozen(kw_only=True)
class Award:
    """A commendation: its forms, who issued and presented it, who received it, how many."""

    TYPE: ClassVar[str] = "award"

    id: str = attrs.field(validator=check_id)
    forms: tuple[str, ...] = required_list(check_codes)
    form_as_written: str | None = optional_text()
    name: str | None = optional_text()
    issuers: tuple[Actor, ...] = _actors()
    presenters: tuple[Actor, ...] = _actors()
    decision: str | None = optional_id()
    event: str | None = optional_id()
    period: Period | None = optional_period()
    recipients: tuple[Recipient, ...] = typed_list(Recipient)
    total: Quantity | None = optional_quantity()
    quantity: Quantity | None = optional_quantity()
    reason_as_written: str | None = optional_text()
    movements: tuple[str, ...] = code_list()
    under: tuple[str, ...] = id_list()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()

    def __attrs_post_init__(self) -> None:
        _check_roles(self, "issuers", "issuer")
        _check_roles(self, "presenters", "presenter")


@final
@attrs.frozen(kw_only=True)
class Assessment:
    """Recognition, grading or compliance under a scheme: totals and results by outcome."""

    TYPE: ClassVar[str] = "assessment"

    id: str = attrs.field(validator=check_id)
    scheme: str = attrs.field(validator=check_code)
    criteria: str | None = optional_id()
    basis_as_written: str | None = optional_text()
    decision: str | None = optional_id()
    actors: tuple[Actor, ...] = _actors()
    method: AssessmentMethod | None = optional_enum_field(AssessmentMethod)
    method_as_written: str | None = optional_text()
    period: Period = required_period()
    area: str | None = optional_id()
    event: str | None = optional_id()
    totals: tuple[AssessmentTotal, ...] = typed_list(AssessmentTotal)
    results: tuple[AssessmentResult, ...] = required_list(items_of(AssessmentResult))
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()


@final
@attrs.frozen(kw_only=True)
class Plan:
    """A target, a plan or a next step: its goal, target, status and phases."""

    TYPE: ClassVar[str] = "plan"

    id: str = attrs.field(validator=check_id)
    goal: str = attrs.field(validator=check_code)
    goal_as_written: str | None = optional_text()
    target: PlanTarget | None = attrs.field(default=None, validator=is_a(PlanTarget, optional=True))
    status: PlanStatus | None = optional_enum_field(PlanStatus)
    period: Period = required_period()
    phases: tuple[PlanPhase, ...] = typed_list(PlanPhase)
    phase_count: Quantity | None = optional_quantity()
    area: str | None = optional_id()
    actors: tuple[Actor, ...] = _actors()
    criteria: str | None = optional_id()
    under: tuple[str, ...] = id_list()
    event: str | None = optional_id()
    qualifiers: tuple[str, ...] = code_list()
    movements: tuple[str, ...] = code_list()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()


def _check_partial_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, PartialDate):
        raise fail(instance, attribute.name, f"{value!r} is not a PartialDate")


@final
@attrs.frozen(kw_only=True)
class Source:
    """A page, report or document that facts are cited from (cited, never copied).

    ``published`` and ``retrieved`` are partial dates: pages often show only the month.
    """

    TYPE: ClassVar[str] = "source"

    id: str = attrs.field(validator=check_id)
    kind: str = attrs.field(validator=check_code)
    title: str = attrs.field(validator=check_text)
    authors: tuple[str, ...] = text_list()
    outlet: str | None = optional_text()
    published: PartialDate | None = attrs.field(default=None, validator=_check_partial_date)
    retrieved: PartialDate | None = attrs.field(default=None, validator=_check_partial_date)
    via: str | None = optional_id()
    coverage: SourceCoverage | None = optional_enum_field(SourceCoverage)
    symbol: str | None = optional_text()
    url: str | None = attrs.field(default=None, validator=check_url)
    language: str | None = attrs.field(default=None, validator=check_language)
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()
    extensions: dict[str, JSONValue] = extensions()

    def __attrs_post_init__(self) -> None:
        _check_self(self, "via", "a source's 'via'")


#: Any record of a 2.0 dataset: told apart in JSON by ``"type"``.
Record = (
    Area
    | Organisation
    | Person
    | Document
    | ModelType
    | ModelInstance
    | Event
    | Figure
    | Award
    | Assessment
    | Plan
    | Source
)

RECORD_CLASSES: tuple[type[Any], ...] = (
    Area,
    Organisation,
    Person,
    Document,
    ModelType,
    ModelInstance,
    Event,
    Figure,
    Award,
    Assessment,
    Plan,
    Source,
)
