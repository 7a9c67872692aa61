"""Validators the 2.0 model adds to the 1.0 ones: namespaced codes, enum lists, typed lists.

Everything else (ids, texts, dates, numbers, enums) is :mod:`antt_domain.model._checks`, shared
with 1.0 so that both versions reject the same malformed values with the same messages.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import Any

import attrs

from antt_domain.model._checks import as_tuple, check_tuple, fail

__all__ = [
    "CODE_RE",
    "NAMESPACED_CODE_RE",
    "NAMESPACE_RE",
    "check_bool",
    "check_code",
    "check_codes",
    "code_list",
    "enum_list",
    "is_a",
    "items_of",
    "optional_code",
    "typed_list",
]

#: A code of an open 2.0 codelist: a built-in code or ``namespace:code`` (an extension code).
CODE_RE = re.compile(r"([a-z][a-z0-9_.-]{0,63}:)?[a-z][a-z0-9_]{0,63}", re.ASCII)
#: An extension code: always ``namespace:code``.
NAMESPACED_CODE_RE = re.compile(r"[a-z][a-z0-9_.-]{0,63}:[a-z][a-z0-9_]{0,63}", re.ASCII)
#: Who defines extension codes (as the keys of ``extensions``).
NAMESPACE_RE = re.compile(r"[a-z][a-z0-9_.-]{0,63}", re.ASCII)


def check_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is ``True`` or ``False``."""
    if not isinstance(value, bool):
        raise fail(instance, attribute.name, f"{value!r} is not a bool (true or false)")


def is_a(cls: type, *, optional: bool = False) -> Any:
    """A validator: ``value`` is an instance of ``cls`` (or ``None`` when ``optional``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, cls):
            raise fail(instance, attribute.name, f"{value!r} is not a {cls.__name__}")

    return check


def check_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is a built-in code or a ``namespace:code`` extension code."""
    if not isinstance(value, str) or CODE_RE.fullmatch(value) is None:
        raise fail(
            instance,
            attribute.name,
            f"{value!r} is not a code (lower-case a-z, 0-9 and _, optionally after 'namespace:')",
        )


def check_codes(instance: object, attribute: attrs.Attribute[Any], value: Iterable[object]) -> None:
    """``value`` is a tuple of distinct codes."""
    seen: set[object] = set()
    for item in value:
        check_code(instance, attribute, item)
        if item in seen:
            raise fail(instance, attribute.name, f"{item!r} is listed twice")
        seen.add(item)


def optional_code() -> Any:
    """An optional code of an open 2.0 codelist."""
    return attrs.field(default=None, validator=attrs.validators.optional(check_code))


def code_list() -> Any:
    """A list of distinct codes of an open 2.0 codelist, stored as a tuple."""
    return attrs.field(default=(), converter=as_tuple, validator=[check_tuple, check_codes])


def enum_list(enum_cls: type[enum.Enum]) -> Any:
    """A list of members of a closed codelist (codes accepted), stored as a tuple."""

    def convert(value: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            return value
        items = []
        for item in value:
            try:
                items.append(enum_cls(item))
            except ValueError:
                items.append(item)  # left for the validator, which names the class and field
        return tuple(items)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_tuple(instance, attribute, value)
        assert isinstance(value, tuple)  # noqa: S101 - narrowed by check_tuple just above
        for item in value:
            if not isinstance(item, enum_cls):
                codes = ", ".join(repr(member.value) for member in enum_cls)
                raise fail(instance, attribute.name, f"{item!r} is not one of {codes}")

    return attrs.field(default=(), converter=convert, validator=check)


def items_of(*classes: type, distinct: bool = False) -> Any:
    """A validator: ``value`` is a tuple of model objects of ``classes`` (distinct if asked)."""
    names = " or ".join(cls.__name__ for cls in classes)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_tuple(instance, attribute, value)
        assert isinstance(value, tuple)  # noqa: S101 - narrowed by check_tuple just above
        for item in value:
            if not isinstance(item, classes):
                raise fail(instance, attribute.name, f"{item!r} is not a {names}")
        if distinct and len(set(value)) != len(value):
            raise fail(instance, attribute.name, "an item is listed twice")

    return check


def typed_list(*classes: type, distinct: bool = False) -> Any:
    """A list of model objects of ``classes``, stored as a tuple."""
    return attrs.field(
        default=(), converter=as_tuple, validator=items_of(*classes, distinct=distinct)
    )
