"""The parts 2.0 records are made of: roles, positions, provisions, recipients, results, ...

Each mirrors a ``$defs`` entry of its record's schema (``organisation.schema.json#/$defs/role``
is :class:`OrganisationRole`); the rules the schema states are checked on construction.
"""

from __future__ import annotations

from typing import Any, final

import attrs

from antt_domain.model._checks import (
    check_text,
    enum_field,
    fail,
    id_list,
    optional_id,
    optional_text,
    text_list,
)
from antt_domain.model.v2._checks import check_code, code_list, is_a, optional_code
from antt_domain.model.v2._enums import RecipientKind
from antt_domain.model.v2._fields import (
    check_one_of,
    citations,
    flag,
    optional_period,
    optional_quantity,
    required_period,
)
from antt_domain.model.v2._periods import Length, Period
from antt_domain.model.v2._values import Citation, Quantity

__all__ = [
    "Anniversary",
    "AssessmentResult",
    "AssessmentTotal",
    "OrganisationRole",
    "PlanPhase",
    "PlanTarget",
    "Position",
    "Provision",
    "Recipient",
    "Recognition",
    "SymbolVariant",
    "Venue",
]


@final
@attrs.frozen(kw_only=True)
class OrganisationRole:
    """A standing role of an organisation ("thường trực phong trào", with its partners)."""

    role: str = attrs.field(validator=check_code)
    movement: str | None = optional_code()
    area: str | None = optional_id()
    partners: tuple[str, ...] = id_list()
    as_written: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()


@final
@attrs.frozen(kw_only=True)
class Position:
    """A position a person holds ("Giám đốc Công an tỉnh"), as written."""

    title_as_written: str = attrs.field(validator=check_text)
    rank_as_written: str | None = optional_text()
    organisation: str | None = optional_id()
    period: Period | None = optional_period()


@final
@attrs.frozen(kw_only=True)
class SymbolVariant:
    """Another spelling of a document's symbol, as an outlet printed it."""

    as_written: str = attrs.field(validator=check_text)
    sources: tuple[Citation, ...] = citations()


@final
@attrs.frozen(kw_only=True)
class Provision:
    """What a document provides on a topic (a target, a criterion, a use of results)."""

    topic: str = attrs.field(validator=check_code)
    period: Period | None = optional_period()
    quantity: Quantity | None = optional_quantity()
    uses: tuple[str, ...] = code_list()
    summary: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()


@final
@attrs.frozen(kw_only=True)
class Recognition:
    """Who recognised a model type: a record (``by``) or the source's words."""

    by: str | None = optional_id()
    as_written: str | None = optional_text()
    sources: tuple[Citation, ...] = citations()

    def __attrs_post_init__(self) -> None:
        if self.by is None and self.as_written is None:
            raise fail(self, "as_written", "a recognition names who (by) or keeps the words")


@final
@attrs.frozen(kw_only=True)
class Venue:
    """Where an event took place, as written, optionally an area record."""

    as_written: str = attrs.field(validator=check_text)
    area: str | None = optional_id()


def _check_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise fail(instance, attribute.name, f"{value!r} is not a year (1-9999)")


@final
@attrs.frozen(kw_only=True)
class Anniversary:
    """What an event marks: "10 năm thực hiện Chương trình phối hợp" (since 2013)."""

    length: Length = attrs.field(validator=is_a(Length))
    of: str | None = optional_code()
    of_as_written: str | None = optional_text()
    since: int | None = attrs.field(default=None, validator=_check_year)
    inferred: bool = flag()


@final
@attrs.frozen(kw_only=True)
class Recipient:
    """Who received an award: collective, individual, ...; at most one record named."""

    kind: RecipientKind = enum_field(RecipientKind)
    quantity: Quantity | None = optional_quantity()
    organisation: str | None = optional_id()
    person: str | None = optional_id()
    area: str | None = optional_id()
    as_written: str | None = optional_text()

    def __attrs_post_init__(self) -> None:
        check_one_of(self, ("organisation", "person", "area"))


@final
@attrs.frozen(kw_only=True)
class AssessmentTotal:
    """How many were assessed ("100% cơ quan, doanh nghiệp"): subjects and a quantity."""

    subjects: tuple[str, ...] = code_list()
    subjects_as_written: str | None = optional_text()
    quantity: Quantity = attrs.field(validator=is_a(Quantity))


@final
@attrs.frozen(kw_only=True)
class AssessmentResult:
    """One outcome of an assessment ("đạt", "xuất sắc"): how many, and which."""

    outcome: str = attrs.field(validator=check_code)
    outcome_as_written: str | None = optional_text()
    subjects: tuple[str, ...] = code_list()
    subjects_as_written: str | None = optional_text()
    quantity: Quantity | None = optional_quantity()
    members: tuple[str, ...] = id_list()
    members_as_written: tuple[str, ...] = text_list()
    criteria_met: Quantity | None = optional_quantity()


@final
@attrs.frozen(kw_only=True)
class PlanTarget:
    """What a plan aims at: an assessment result (``scheme``, ``outcome``) or a figure
    (``kind``, ``quantity``), never both."""

    scheme: str | None = optional_code()
    outcome: str | None = optional_code()
    kind: str | None = optional_code()
    quantity: Quantity | None = optional_quantity()

    def __attrs_post_init__(self) -> None:
        result = [n for n in ("scheme", "outcome") if getattr(self, n) is not None]
        figure = [n for n in ("kind", "quantity") if getattr(self, n) is not None]
        if result and figure:
            raise fail(self, figure[0], "a target is an assessment result or a figure, never both")


def _check_phase_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 2**53 - 1:
        raise fail(instance, attribute.name, f"{value!r} is not a phase number (1, 2, ...)")


@final
@attrs.frozen(kw_only=True)
class PlanPhase:
    """One phase of a plan ("giai đoạn 1"), with its period."""

    number: int | None = attrs.field(default=None, validator=_check_phase_number)
    name_as_written: str | None = optional_text()
    period: Period = required_period()
