"""Structuring records that have already passed their JSON Schema, without re-checking them.

A record that the schema accepted has well-formed ids, codes, texts, dates and counts: the
attrs validators would only say so again, and they are most of the cost of structuring. This
module generates, per model class, a constructor that builds the object directly (the way the
attrs ``__init__`` does, minus the per-attribute validators) and then runs the class's
``__attrs_post_init__``, which holds the checks a schema cannot express (an end before its
start, a range without an upper bound, an organiser listed as its own partner).

Anything unexpected -- a missing key, an unknown enum value, a check that fails -- falls back
to :func:`~antt_domain.convert.structure_record`, so the object built, or the
:class:`~antt_domain.convert.ConversionError` raised, is the same either way. A differential
test holds the two paths to that over generated schema-valid records.
"""

from __future__ import annotations

import enum
import sys
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any

import attrs

from antt_domain.model import PERIOD_CLASSES, RECORD_CLASSES, Period, Record
from antt_domain.model._checks import check_code, check_codes, check_ids, check_optional_id

__all__ = ["structure_valid_record"]

_MISSING = object()
_Maker = Callable[[dict[str, Any]], Any]


class _Generator:
    """Writes one constructor function per attrs class, sharing nested constructors."""

    def __init__(self) -> None:
        self.makers: dict[Any, _Maker] = {}
        self.namespace: dict[str, Any] = {
            "_new": object.__new__,
            "_M": _MISSING,
            "_date": _date,
            "_intern": sys.intern,
            "_tuple": tuple,
            "_dict": dict,
        }

    def _name(self, value: Any, hint: str) -> str:
        """A namespace name bound to ``value`` (reused when already bound)."""
        for key, bound in self.namespace.items():
            if bound is value:
                return key
        key = f"_{hint}_{len(self.namespace)}"
        self.namespace[key] = value
        return key

    def convert(self, tp: Any, var: str) -> str:  # noqa: PLR0911 - one return per kind of type
        """An expression turning the JSON value ``var`` into a value of type ``tp``."""
        args = typing.get_args(tp)
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            rest = tuple(a for a in args if a is not type(None))
            if set(rest) == set(PERIOD_CLASSES) and len(rest) == len(args):
                return f"{self._name(self._period_maker(), 'period')}({var})"
            if len(rest) < len(args):  # optional: None stays None
                inner = typing.Union[rest] if len(rest) > 1 else rest[0]  # noqa: UP007 - a value
                converted = self.convert(inner, var)
                return var if converted == var else f"(None if {var} is None else {converted})"
            if all(a in (int, float) for a in rest):
                return var
            raise TypeError(tp)  # pragma: no cover - no other unions in the model
        if origin is tuple:
            item = self.convert(args[0], "x")
            return f"_tuple({var})" if item == "x" else f"_tuple([{item} for x in {var}])"
        if origin is dict:
            return f"_dict({var})"
        if tp in (str, int, float, Any):
            return var
        if tp is date:
            return f"_date({var})"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            members = {member.value: member for member in tp}
            return f"{self._name(members, 'members')}[{var}]"
        if attrs.has(tp):
            return f"{self._name(self.maker(tp), 'make')}({var})"
        raise TypeError(tp)  # pragma: no cover - no other types in the model

    def _value(self, field: attrs.Attribute[Any]) -> str:
        """The expression for ``field``'s value from ``v``: references to other records and
        codes are interned -- thousands of records name the same organisation, area and kind,
        and one shared string each keeps the records kept for the rules across records
        smaller (and their lookups faster)."""
        converted = self.convert(field.type, "v")
        if not _shared_text(field):
            return converted
        if converted == "v":
            return "(None if v is None else _intern(v))"
        if converted == "_tuple(v)":
            return "_tuple(map(_intern, v))"
        return converted  # pragma: no cover - references are strings or lists of strings

    def _setter(self, cls: type, name: str) -> str:
        """A name bound to the slot's own setter (faster than ``object.__setattr__``, see
        docs/performance.md; frozen classes refuse plain assignment, the slot descriptor does
        not ask them)."""
        for klass in cls.__mro__:
            slot = klass.__dict__.get(name)
            if isinstance(slot, types.MemberDescriptorType):
                return self._name(slot.__set__, f"set_{name}")
        msg = f"{cls.__name__}.{name} is not a slot (the model's classes are slotted)"
        raise TypeError(msg)  # pragma: no cover - a model class that is not slotted

    def _period_maker(self) -> _Maker:
        if Period in self.makers:
            return self.makers[Period]
        by_kind = {cls.KIND: self.maker(cls) for cls in PERIOD_CLASSES}

        def make_period(value: dict[str, Any]) -> Any:
            return by_kind[value["kind"]](value)

        self.makers[Period] = make_period
        return make_period

    def maker(self, cls: type) -> _Maker:
        """The constructor of ``cls`` from a schema-valid dict."""
        if cls in self.makers:
            return self.makers[cls]
        attrs.resolve_types(cls)
        lines = ["def make(d):", f"    o = _new({self._name(cls, 'cls')})"]
        for field in attrs.fields(cls):
            key = repr(field.name)
            setter = self._setter(cls, field.name)
            if field.default is attrs.NOTHING:
                lines.append(f"    v = d[{key}]")
                lines.append(f"    {setter}(o, {self._value(field)})")
                continue
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                fallback = f"{self._name(default.factory, 'factory')}()"
            else:
                fallback = self._name(default, "default")
            lines.append(f"    v = d.get({key}, _M)")
            value = self._value(field)
            lines.append(f"    {setter}(o, {fallback} if v is _M else {value})")
            if typing.get_origin(field.type) is dict and field.validator is not None:
                # Free JSON (extensions): the schema does not look inside, the model does.
                check = self._name(field.validator, "check")
                where = self._name(field, "field")
                lines.append(f"    if v is not _M: {check}(o, {where}, o.{field.name})")
        if hasattr(cls, "__attrs_post_init__"):
            lines.append("    o.__attrs_post_init__()")
        lines.append("    return o")
        scope: dict[str, Any] = {}
        exec("\n".join(lines), self.namespace, scope)  # noqa: S102 - code generated from the model
        made: _Maker = scope["make"]
        self.makers[cls] = made
        return made


_SHARED_CHECKS = frozenset({check_optional_id, check_ids, check_code, check_codes})


def _shared_text(field: attrs.Attribute[Any]) -> bool:
    """Whether ``field`` holds ids of other records or codes (not a record's own id, not
    free text), judged by the model's own validators."""
    validator: Any = field.validator
    found = getattr(validator, "_validators", None) or (validator,)
    found = tuple(getattr(v, "validator", v) for v in found)  # unwrap optional(...)
    return any(v in _SHARED_CHECKS for v in found)


_DATES: dict[str, date] = {}


def _date(text: str) -> date:
    """``date.fromisoformat``, each day made once: a run names the same days many times."""
    day = _DATES.get(text)
    if day is None:
        if len(_DATES) > 100_000:  # pragma: no cover - dates are few; stay bounded anyway
            _DATES.clear()
        day = _DATES[text] = date.fromisoformat(text)
    return day


def _record_makers() -> dict[str, _Maker]:
    generator = _Generator()
    return {cls.TYPE: generator.maker(cls) for cls in RECORD_CLASSES}


_MAKERS: dict[str, _Maker] | None = None


def structure_valid_record(value: dict[str, Any]) -> Record:
    """A model record from a dict that has *already passed* its type's JSON Schema.

    Faster than :func:`~antt_domain.convert.structure_record` because the per-attribute checks
    the schema has made are not made again; the checks across attributes still run. The result,
    or the :class:`~antt_domain.convert.ConversionError`, is the same as
    :func:`~antt_domain.convert.structure_record` gives: whatever this path does not expect
    goes through it. Do not use it on unchecked input: the schema is what makes it safe.
    """
    global _MAKERS  # noqa: PLW0603 - generated once, on first use
    if _MAKERS is None:
        _MAKERS = _record_makers()
    try:
        record: Record = _MAKERS[value["type"]](value)
    except Exception:  # noqa: BLE001 - the full path says precisely what is wrong
        from antt_domain.convert._converter import structure_record  # noqa: PLC0415 - cattrs

        return structure_record(value)
    return record
