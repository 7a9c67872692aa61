"""Attribute validators shared by the model classes.

Each raises :class:`ModelError` naming the class and attribute, so that a caller who builds an
object with impossible values gets one exception type with a clear message.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import attrs

from antt_domain.model._errors import ModelError

__all__ = [
    "BLANK",
    "CODE_RE",
    "EXTENSION_CODE_RE",
    "ID_RE",
    "LANGUAGE_RE",
    "MAX_SAFE_INTEGER",
    "TEXT_RE",
    "URL_RE",
    "as_tuple",
    "check_code",
    "check_code_entry",
    "check_codes",
    "check_date",
    "check_id",
    "check_ids",
    "check_json_value",
    "check_language",
    "check_non_negative",
    "check_optional_id",
    "check_order",
    "check_text",
    "check_texts",
    "check_tuple",
    "check_url",
    "code_list",
    "enum_field",
    "fail",
    "id_list",
    "major_version_check",
    "optional_code",
    "optional_date",
    "optional_enum_field",
    "optional_id",
    "optional_text",
    "text_list",
]

#: Record ids: a letter or digit, then letters, digits and ``. _ : -``; at most 128 characters.
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}", re.ASCII)
#: Codes of open codelists: lower-case ASCII snake_case, at most 64 characters.
CODE_RE = re.compile(r"[a-z][a-z0-9_]{0,63}", re.ASCII)
#: A codelist entry: a bare code, or a 2.0 extension code ``namespace:code`` (the namespace as
#: the 2.0 ``namespace`` definition: ``org.example``, ``daknong``).
EXTENSION_CODE_RE = re.compile(r"([a-z][a-z0-9_.-]{0,63}:)?[a-z][a-z0-9_]{0,63}", re.ASCII)
#: Largest integer every JSON reader holds exactly (readers that use doubles lose the rest).
MAX_SAFE_INTEGER = 2**53 - 1
#: What counts as blank: the characters ECMA-262's ``\s`` matches. The schemas spell the same
#: class out, so that Python and every other JSON Schema validator agree on it.
BLANK = r" \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
TEXT_RE = re.compile(f"[^{BLANK}]")
#: An absolute http(s) URL with no blank character (the schema's ``url`` pattern).
URL_RE = re.compile(f"[Hh][Tt][Tt][Pp][Ss]?://[^/?#{BLANK}]+[^{BLANK}]*")
#: A BCP 47 language tag, loosely ("vi", "en", "vi-VN").
LANGUAGE_RE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*", re.ASCII)


def fail(instance: object, field: str | None, reason: str) -> ModelError:
    """The error to raise for ``instance`` (a model object or class) at ``field``."""
    cls = instance if isinstance(instance, type) else type(instance)
    return ModelError(cls.__name__, field, reason)


def check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is a well-formed record id."""
    if not isinstance(value, str) or ID_RE.fullmatch(value) is None:
        raise fail(
            instance,
            attribute.name,
            f"{value!r} is not an id (letters, digits and . _ : -, starting with a letter or "
            "digit, at most 128 characters)",
        )


def check_optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is ``None`` or a well-formed record id."""
    if value is not None:
        check_id(instance, attribute, value)


def check_ids(instance: object, attribute: attrs.Attribute[Any], value: Iterable[object]) -> None:
    """``value`` is a tuple of distinct well-formed record ids."""
    seen: set[object] = set()
    for item in value:
        check_id(instance, attribute, item)
        if item in seen:
            raise fail(instance, attribute.name, f"{item!r} is listed twice")
        seen.add(item)


def check_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is a code of an open codelist (lower-case snake_case)."""
    if not isinstance(value, str) or CODE_RE.fullmatch(value) is None:
        raise fail(instance, attribute.name, f"{value!r} is not a code (lower-case a-z, 0-9 and _)")


def check_code_entry(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is a codelist entry's code: a bare code or a 2.0 ``namespace:code``."""
    if not isinstance(value, str) or EXTENSION_CODE_RE.fullmatch(value) is None:
        raise fail(
            instance,
            attribute.name,
            f"{value!r} is not a code (lower-case a-z, 0-9 and _, after an optional 'namespace:')",
        )


def check_codes(instance: object, attribute: attrs.Attribute[Any], value: Iterable[object]) -> None:
    """``value`` is a tuple of distinct codes."""
    seen: set[object] = set()
    for item in value:
        check_code(instance, attribute, item)
        if item in seen:
            raise fail(instance, attribute.name, f"{item!r} is listed twice")
        seen.add(item)


def check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is a string with at least one non-blank character."""
    if not isinstance(value, str) or TEXT_RE.search(value) is None:
        raise fail(instance, attribute.name, "must be a string with a non-blank character")


def check_language(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is ``None`` or a language tag such as ``"vi"``."""
    if value is not None and (not isinstance(value, str) or not LANGUAGE_RE.fullmatch(value)):
        raise fail(instance, attribute.name, f"{value!r} is not a language tag such as 'vi'")


def check_url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is ``None`` or an absolute http(s) URL without blanks."""
    if value is not None and (not isinstance(value, str) or not URL_RE.fullmatch(value)):
        raise fail(instance, attribute.name, f"{value!r} is not an absolute http(s) URL")


def check_texts(instance: object, attribute: attrs.Attribute[Any], value: Iterable[object]) -> None:
    """``value`` is a tuple of non-blank strings."""
    for item in value:
        check_text(instance, attribute, item)


def check_non_negative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is ``None`` or a finite number (not a bool) that is zero or more."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail(instance, attribute.name, f"{value!r} is not a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise fail(instance, attribute.name, f"{value!r} is not a finite number")
    if value < 0:
        raise fail(instance, attribute.name, f"{value!r} is negative; counts cannot be")
    if isinstance(value, int) and value > MAX_SAFE_INTEGER:
        raise fail(instance, attribute.name, f"{value} is above {MAX_SAFE_INTEGER} (2**53 - 1)")


def check_json_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is plain JSON: dicts with string keys, lists, strings, finite numbers whose
    integers every JSON reader holds exactly, booleans and None."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if not all(isinstance(k, str) for k in item):
                raise fail(instance, attribute.name, "object keys must be strings")
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, bool) or item is None or isinstance(item, str):
            continue
        elif isinstance(item, int):
            if abs(item) > MAX_SAFE_INTEGER:
                raise fail(instance, attribute.name, f"{item} is beyond ±{MAX_SAFE_INTEGER}")
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise fail(instance, attribute.name, f"{item!r} is not a finite number")
        else:
            raise fail(instance, attribute.name, f"{item!r} is not a JSON value")


def check_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is ``None`` or a :class:`datetime.date` (not a datetime)."""
    if value is None:
        return
    if not isinstance(value, date) or type(value).__name__ == "datetime":
        raise fail(instance, attribute.name, f"{value!r} is not a date")


def check_order(instance: object, start: str, end: str, *, strict: bool = False) -> None:
    """The dates ``instance.start`` and ``instance.end`` (by name) are in order when both set."""
    first = getattr(instance, start)
    last = getattr(instance, end)
    if first is None or last is None:
        return
    if last < first or (strict and last == first):
        raise fail(instance, end, f"{last.isoformat()} is before {start} {first.isoformat()}")


def as_tuple(value: Any) -> Any:
    """Converter: a list or tuple becomes a tuple; anything else is left for the validator."""
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value


def check_tuple(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``value`` is a tuple (lists are converted before this check)."""
    if not isinstance(value, tuple):
        raise fail(instance, attribute.name, f"expected a list of values, got {value!r}")


# Field makers for the attributes every record type repeats. Required attributes are declared
# with ``attrs.field`` in place; these are all optional, so the attrs mypy plugin's reading of
# "assigned, therefore has a default" is right for them.


def optional_id() -> Any:
    """An optional reference to another record, by id."""
    return attrs.field(default=None, validator=check_optional_id)


def id_list() -> Any:
    """A list of references to other records, by id (distinct), stored as a tuple."""
    return attrs.field(default=(), converter=as_tuple, validator=[check_tuple, check_ids])


def optional_text() -> Any:
    """An optional non-blank string, kept exactly as written."""
    return attrs.field(default=None, validator=attrs.validators.optional(check_text))


def text_list() -> Any:
    """A list of non-blank strings, stored as a tuple."""
    return attrs.field(default=(), converter=as_tuple, validator=[check_tuple, check_texts])


def optional_code() -> Any:
    """An optional code of an open codelist."""
    return attrs.field(default=None, validator=attrs.validators.optional(check_code))


def code_list() -> Any:
    """A list of distinct codes of an open codelist, stored as a tuple."""
    return attrs.field(default=(), converter=as_tuple, validator=[check_tuple, check_codes])


def optional_date() -> Any:
    """An optional calendar date."""
    return attrs.field(default=None, validator=check_date)


def _enum_parts(enum_cls: type[enum.Enum]) -> tuple[Any, Any]:
    def convert(value: Any) -> Any:
        try:
            return enum_cls(value)
        except ValueError:
            return value  # left for the validator, which names the class and field

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum_cls):
            codes = ", ".join(repr(member.value) for member in enum_cls)
            raise fail(instance, attribute.name, f"{value!r} is not one of {codes}")

    return convert, check


def enum_field(enum_cls: type[enum.Enum], *, default: enum.Enum | None = None) -> Any:
    """A required (or defaulted) member of a closed codelist; its code string is accepted too."""
    convert, check = _enum_parts(enum_cls)
    if default is None:
        return attrs.field(converter=convert, validator=check)
    return attrs.field(default=default, converter=convert, validator=check)


def optional_enum_field(enum_cls: type[enum.Enum]) -> Any:
    """An optional member of a closed codelist; its code string is accepted too."""
    convert, check = _enum_parts(enum_cls)
    return attrs.field(
        default=None,
        converter=attrs.converters.optional(convert),
        validator=attrs.validators.optional(check),
    )


def major_version_check(expected: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """An attrs validator: a ``MAJOR.MINOR`` schema version of the major of ``expected``
    (``"1.0"`` takes ``"1.3"``, refuses ``"2.0"``); the 1.0 and 2.0 datasets share it."""
    major_expected = expected.split(".", maxsplit=1)[0]

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        major, dot, minor = str(value).partition(".")
        if not (isinstance(value, str) and dot and major.isdigit() and minor.isdigit()):
            raise fail(instance, attribute.name, f"{value!r} is not a MAJOR.MINOR schema version")
        if major != major_expected:
            raise fail(
                instance,
                attribute.name,
                f"schema version {value} is not of major version {expected}",
            )

    return check
