"""Field makers the 2.0 records repeat: periods, quantities, citations, extensions."""

from __future__ import annotations

from typing import Any

import attrs

from antt_domain.model._checks import as_tuple, check_json_value, check_tuple, fail
from antt_domain.model.v2._checks import NAMESPACE_RE, check_bool, typed_list
from antt_domain.model.v2._periods import PERIOD_CLASSES
from antt_domain.model.v2._values import Citation, Quantity

__all__ = [
    "check_one_of",
    "citations",
    "extensions",
    "flag",
    "optional_period",
    "optional_quantity",
    "required_list",
    "required_period",
]


def _check_period(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        raise fail(instance, attribute.name, "a period is required (use Unstated when not stated)")
    if not isinstance(value, PERIOD_CLASSES):
        raise fail(instance, attribute.name, f"{value!r} is not a period")


def required_period() -> Any:
    """A period (one of the seven kinds) that must be given."""
    return attrs.field(validator=_check_period)


def optional_period() -> Any:
    """A period that may be absent."""
    return attrs.field(default=None, validator=attrs.validators.optional(_check_period))


def _check_quantity(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Quantity):
        raise fail(instance, attribute.name, f"{value!r} is not a Quantity")


def optional_quantity() -> Any:
    """A quantity that may be absent."""
    return attrs.field(default=None, validator=_check_quantity)


def citations() -> Any:
    """The record's sources: distinct citations, stored as a tuple."""
    return typed_list(Citation, distinct=True)


def flag() -> Any:
    """A boolean that is ``False`` unless the source says so (left out of JSON when false)."""
    return attrs.field(default=False, validator=check_bool)


def required_list(check: Any) -> Any:
    """A list that must hold at least one item, each checked by ``check``; stored as a tuple."""

    def non_empty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_tuple(instance, attribute, value)
        if not value:
            raise fail(instance, attribute.name, "at least one item is required")

    return attrs.field(converter=as_tuple, validator=[non_empty, check])


def _check_extensions(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, dict):
        raise fail(instance, attribute.name, "must be a mapping of namespace to JSON value")
    for key in value:
        if not isinstance(key, str) or NAMESPACE_RE.fullmatch(key) is None:
            raise fail(instance, attribute.name, f"{key!r} is not an extension namespace")
    check_json_value(instance, attribute, value)


def extensions() -> Any:
    """Free JSON by namespace: compared, but left out of the hash (dicts are unhashable)."""
    return attrs.field(factory=dict, validator=_check_extensions, hash=False)


def check_one_of(instance: object, names: tuple[str, ...]) -> None:
    """At most one of the attributes ``names`` is set."""
    given = [name for name in names if getattr(instance, name) is not None]
    if len(given) > 1:
        raise fail(instance, given[1], f"only one of {', '.join(given)} may be given")
