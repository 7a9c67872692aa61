"""The record types of a dataset.

Every record has a stable ``id``; its JSON ``type`` is the class's ``TYPE``. References between
records are by id (plain strings) and are resolved by a :class:`~antt_domain.model.Dataset`;
construction checks each record on its own, dataset validation checks that references resolve.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, final

import attrs

from antt_domain.model._checks import (
    as_tuple,
    check_code,
    check_id,
    check_json_value,
    check_language,
    check_order,
    check_text,
    check_tuple,
    check_url,
    code_list,
    enum_field,
    fail,
    id_list,
    optional_code,
    optional_date,
    optional_enum_field,
    optional_id,
    optional_text,
    text_list,
)
from antt_domain.model._enums import AgreementKind, AreaLevel, OrganisationLevel
from antt_domain.model._values import PERIOD_CLASSES, Citation, Period, Quantity

__all__ = [
    "RECORD_CLASSES",
    "Activity",
    "Agreement",
    "Area",
    "Figure",
    "JSONValue",
    "ModelInstance",
    "ModelType",
    "Organisation",
    "Outcome",
    "Record",
    "Source",
]

#: Any JSON value (for ``extensions``, which the core does not interpret).
JSONValue = Any


def _citations() -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_tuple(instance, attribute, value)
        assert isinstance(value, tuple)  # noqa: S101 - narrowed by check_tuple just above
        for item in value:
            if not isinstance(item, Citation):
                raise fail(instance, attribute.name, f"{item!r} is not a Citation")

    return attrs.field(default=(), converter=as_tuple, validator=check)


def _extensions() -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, dict):
            raise fail(instance, attribute.name, "must be a mapping of namespace to JSON value")
        for key in value:
            if not isinstance(key, str) or not key:
                raise fail(instance, attribute.name, f"{key!r} is not an extension namespace")
        check_json_value(instance, attribute, value)

    # Extensions are free JSON: compared, but left out of the hash (dicts are unhashable).
    return attrs.field(factory=dict, validator=check, hash=False)


def _period_field() -> Any:
    return attrs.field(default=None)


@final
@attrs.frozen(kw_only=True)
class Area:
    """An administrative unit as it was at a time: code *and* name *and* the list it is from.

    Codes were reused after the 2025 reform, so a code alone is not an identity: ``code_list``
    names the list (and its version) the code belongs to, e.g. ``"gso:2021-02-03"``.
    ``valid_to`` is the first day the unit no longer existed (exclusive).
    """

    TYPE: ClassVar[str] = "area"

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    level: AreaLevel = enum_field(AreaLevel)
    code: str | None = optional_text()
    code_list: str | None = optional_text()
    parent: str | None = optional_id()
    valid_from: date | None = optional_date()
    valid_to: date | None = optional_date()
    alt_names: tuple[str, ...] = text_list()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = _citations()
    extensions: dict[str, JSONValue] = _extensions()

    def __attrs_post_init__(self) -> None:
        check_order(self, "valid_from", "valid_to", strict=True)
        if self.code is not None and self.code_list is None:
            raise fail(self, "code_list", "a code needs the list it comes from (codes are reused)")
        if self.code is not None and not (self.code.isascii() and self.code.isdigit()):
            raise fail(self, "code", f"{self.code!r} is not an administrative code (digits)")
        if self.parent == self.id:
            raise fail(self, "parent", "an area cannot be its own parent")

    def existed_on(self, day: date) -> bool:
        """Whether the unit existed on ``day`` (unknown bounds count as open)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@final
@attrs.frozen(kw_only=True)
class Organisation:
    """A body at one level in one area: "Công an huyện Cẩm Thuỷ" is not "Công an xã Cẩm Yên".

    ``name`` is kept exactly as written. ``valid_to`` is the first day the body no longer existed
    (district police ceased on 2025-03-01), so records about 2021 can still name it.
    """

    TYPE: ClassVar[str] = "organisation"

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    kind: str = attrs.field(validator=check_code)
    level: OrganisationLevel = enum_field(OrganisationLevel)
    area: str | None = optional_id()
    parent: str | None = optional_id()
    abbreviation: str | None = optional_text()
    alt_names: tuple[str, ...] = text_list()
    valid_from: date | None = optional_date()
    valid_to: date | None = optional_date()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = _citations()
    extensions: dict[str, JSONValue] = _extensions()

    def __attrs_post_init__(self) -> None:
        check_order(self, "valid_from", "valid_to", strict=True)
        if self.parent == self.id:
            raise fail(self, "parent", "an organisation cannot be its own parent")

    def existed_on(self, day: date) -> bool:
        """Whether the body existed on ``day`` (unknown bounds count as open)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@final
@attrs.frozen(kw_only=True)
class Agreement:
    """A joint resolution or coordination programme that activities are reported under.

    ``symbol`` is the document's number and symbol as written ("09/CTr-BCA-MTTW"); it is
    ``None`` when the source does not give it -- the agreement is known to exist, its number is
    not. A number alone does not identify an agreement ("Nghị quyết liên tịch số 01" names
    several), so ``parties`` and ``signed_on`` matter.
    """

    TYPE: ClassVar[str] = "agreement"

    id: str = attrs.field(validator=check_id)
    kind: AgreementKind = enum_field(AgreementKind)
    symbol: str | None = optional_text()
    title: str | None = optional_text()
    signed_on: date | None = optional_date()
    level: OrganisationLevel | None = optional_enum_field(OrganisationLevel)
    parties: tuple[str, ...] = id_list()
    effective: Period | None = _period_field()
    parent: str | None = optional_id()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = _citations()
    extensions: dict[str, JSONValue] = _extensions()

    def __attrs_post_init__(self) -> None:
        _check_period(self, "effective")
        if self.parent == self.id:
            raise fail(self, "parent", "an agreement cannot implement itself")


@final
@attrs.frozen(kw_only=True)
class ModelType:
    """A kind of self-management model, as a district names it ("Dòng họ tự quản về ANTT").

    ``category`` optionally places it in the common ``model_types`` codelist.
    """

    TYPE: ClassVar[str] = "model_type"

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    category: str | None = optional_code()
    defined_by: str | None = optional_id()
    area: str | None = optional_id()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = _citations()
    extensions: dict[str, JSONValue] = _extensions()


@final
@attrs.frozen(kw_only=True)
class ModelInstance:
    """A model type launched ("ra mắt") in an area, run by an organisation, under agreements."""

    TYPE: ClassVar[str] = "model_instance"

    id: str = attrs.field(validator=check_id)
    model_type: str = attrs.field(validator=check_id)
    area: str = attrs.field(validator=check_id)
    name: str | None = optional_text()
    organiser: str | None = optional_id()
    partners: tuple[str, ...] = id_list()
    agreements: tuple[str, ...] = id_list()
    launched: Period | None = _period_field()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = _citations()
    extensions: dict[str, JSONValue] = _extensions()

    def __attrs_post_init__(self) -> None:
        _check_period(self, "launched")
        _check_partners(self)


@attrs.frozen(kw_only=True)
class _Figure:
    """What activities and outcomes share: what kind, when, who, where, under what, from where.

    ``part_of`` makes a figure a breakdown of another ("120 tin, trong đó 60 tin có giá trị":
    the 60 are part of the 120 and are never added to them).
    """

    id: str = attrs.field(validator=check_id)
    kind: str = attrs.field(validator=check_code)
    period: Period = attrs.field()
    organiser: str | None = optional_id()
    partners: tuple[str, ...] = id_list()
    area: str | None = optional_id()
    agreements: tuple[str, ...] = id_list()
    models: tuple[str, ...] = id_list()
    target_groups: tuple[str, ...] = code_list()
    part_of: str | None = optional_id()
    description: str | None = optional_text()
    sources: tuple[Citation, ...] = _citations()
    extensions: dict[str, JSONValue] = _extensions()

    def _check_figure(self) -> None:
        _check_period(self, "period", required=True)
        _check_partners(self)
        if self.part_of == self.id:
            raise fail(self, "part_of", "a figure cannot be a part of itself")


@final
@attrs.frozen(kw_only=True)
class Activity(_Figure):
    """Something done and counted: "1.838 buổi tuyên truyền lưu động".

    ``quantity`` may be absent for work reported without a count ("rà soát, nhân rộng các mô
    hình"). ``participants`` is a second figure about the same activity (5.592 *lượt người* at
    35 training sessions): participant-times are not persons, and the unit says which.
    """

    TYPE: ClassVar[str] = "activity"

    quantity: Quantity | None = attrs.field(default=None)
    participants: Quantity | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        self._check_figure()
        _check_quantity(self, "quantity", required=False)
        _check_quantity(self, "participants", required=False)


@final
@attrs.frozen(kw_only=True)
class Outcome(_Figure):
    """A result achieved and counted: "hoà giải 17 vụ việc" in 2021."""

    TYPE: ClassVar[str] = "outcome"

    quantity: Quantity = attrs.field()

    def __attrs_post_init__(self) -> None:
        self._check_figure()
        _check_quantity(self, "quantity", required=True)


@final
@attrs.frozen(kw_only=True)
class Source:
    """A document, article or report that figures are cited from (cited, never copied)."""

    TYPE: ClassVar[str] = "source"

    id: str = attrs.field(validator=check_id)
    kind: str = attrs.field(validator=check_code)
    title: str = attrs.field(validator=check_text)
    authors: tuple[str, ...] = text_list()
    publisher: str | None = optional_text()
    published: date | None = optional_date()
    symbol: str | None = optional_text()
    url: str | None = attrs.field(default=None, validator=check_url)
    language: str | None = attrs.field(default=None, validator=check_language)
    description: str | None = optional_text()
    extensions: dict[str, JSONValue] = _extensions()


#: A counted figure: an activity or an outcome.
Figure = Activity | Outcome

#: Any record of a dataset: told apart in JSON by ``"type"``.
Record = Area | Organisation | Agreement | ModelType | ModelInstance | Activity | Outcome | Source

RECORD_CLASSES: tuple[type[Any], ...] = (
    Area,
    Organisation,
    Agreement,
    ModelType,
    ModelInstance,
    Activity,
    Outcome,
    Source,
)


def _check_period(instance: Any, field: str, *, required: bool = False) -> None:
    value = getattr(instance, field)
    if value is None:
        if required:
            raise fail(instance, field, "a period is required (use Unstated when not stated)")
        return
    if not isinstance(value, PERIOD_CLASSES):
        raise fail(instance, field, f"{value!r} is not a period")


def _check_quantity(instance: Any, field: str, *, required: bool) -> None:
    value = getattr(instance, field)
    if value is None:
        if required:
            raise fail(instance, field, "a quantity is required")
        return
    if not isinstance(value, Quantity):
        raise fail(instance, field, f"{value!r} is not a Quantity")


def _check_partners(instance: Any) -> None:
    if instance.organiser is not None and instance.organiser in instance.partners:
        raise fail(instance, "partners", "the organiser is not also its own partner")
