"""Construction of the converter and the public structure/unstructure functions."""

from __future__ import annotations

import enum
import math
import re
import typing
from collections.abc import Iterator
from datetime import date
from typing import Any

import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.strategies import configure_tagged_union

from antt_domain.convert._problems import ConversionError, Problem
from antt_domain.model import (
    PERIOD_CLASSES,
    RECORD_CLASSES,
    Citation,
    CodeEnum,
    Dataset,
    ModelError,
    Number,
    Period,
    Publisher,
    Quantity,
    Record,
)

__all__ = [
    "ConversionError",
    "Problem",
    "converter",
    "structure_dataset",
    "structure_record",
    "unstructure",
]

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _structure_date(value: Any, _: type) -> date:
    if not isinstance(value, str) or _DATE_RE.fullmatch(value) is None:
        msg = f"{value!r} is not a date in the form YYYY-MM-DD"
        raise ValueError(msg)
    return date.fromisoformat(value)


def _structure_number(value: Any, _: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        msg = f"{value!r} is not a number"
        raise TypeError(msg)
    if isinstance(value, float) and not math.isfinite(value):
        msg = f"{value!r} is not a finite number"
        raise ValueError(msg)
    return value


def _structure_optional_number(value: Any, _: Any) -> int | float | None:
    return None if value is None else _structure_number(value, None)


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        msg = f"{value!r} is not a string"
        raise TypeError(msg)
    return value


def _structure_json(value: Any, _: Any) -> Any:
    return value


def _structure_extensions(value: Any, _: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        msg = f"{value!r} is not an object"
        raise TypeError(msg)
    return dict(value)


def _unstructure_enum(value: enum.Enum) -> Any:
    return value.value


def _is_homogeneous_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(conv: cattrs.Converter, t: Any) -> Any:
    """Lists become tuples item by item; a string is refused (it is not a list of strings)."""
    item_type = typing.get_args(t)[0]
    handler = conv.get_structure_hook(item_type)

    def hook(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            msg = f"{value!r} is not a list"
            raise TypeError(msg)
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(handler(item, item_type))
            except Exception as exc:  # noqa: BLE001 - collected and re-raised as a group
                note = IterableValidationNote(f"Structuring {t} @ index {index}", index, item_type)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return tuple(items)

    return hook


def _kind_tag(cls: Any) -> str:
    tag: str = cls.KIND
    return tag


def _type_tag(cls: Any) -> str:
    tag: str = cls.TYPE
    return tag


def _build() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(Number, _structure_number)
    conv.register_structure_hook(int | float | None, _structure_optional_number)
    conv.register_structure_hook_func(lambda t: t == dict[str, Any], _structure_extensions)
    conv.register_unstructure_hook(CodeEnum, _unstructure_enum)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_hook(conv, t))

    def register(cls: type, **overrides: Any) -> None:
        conv.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **overrides)
        )
        conv.register_structure_hook(
            cls, make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)
        )

    # Periods first: records refer to them, and a union is told apart by its tag only.
    for cls in (*PERIOD_CLASSES, Quantity, Citation, Publisher):
        register(cls)
    configure_tagged_union(Period, conv, tag_generator=_kind_tag, tag_name="kind")
    period_hook = conv.get_structure_hook(Period)
    conv.register_structure_hook(
        Period | None, lambda v, _: None if v is None else period_hook(v, Period)
    )
    conv.register_unstructure_hook(
        Period | None, lambda v: None if v is None else conv.unstructure(v, Period)
    )
    for cls in RECORD_CLASSES:
        register(cls)
    configure_tagged_union(Record, conv, tag_generator=_type_tag, tag_name="type")
    # A document always says which schema version it follows, and always lists its records.
    register(
        Dataset,
        schema_version=override(omit_if_default=False),
        records=override(omit_if_default=False),
    )
    return conv


#: The converter. Use it for anything the functions below do not cover; do not reconfigure it.
converter: cattrs.Converter = _build()


def _problems(exc: BaseException) -> list[Problem]:
    return [Problem(pointer=_pointer(path), message=msg) for path, msg in _walk(exc, [])]


def _walk(exc: BaseException, path: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    """Each leaf failure of a cattrs exception tree with the path that leads to it."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            step = note.index if isinstance(note, IterableValidationNote) else note.name
            yield from _walk(inner, [*path, step])
        for inner in without:
            yield from _walk(inner, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield [*path, key], "unknown property"
    elif isinstance(exc, ModelError) and exc.field and (not path or path[-1] != exc.field):
        yield [*path, exc.field], exc.reason
    else:
        yield path, _format_exception(exc, None)


def _format_exception(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, ModelError):
        return exc.reason
    if isinstance(exc, KeyError):
        return f"missing or unknown tag {exc}"
    if isinstance(exc, (TypeError, ValueError)) and str(exc):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def _pointer(path: list[str | int]) -> str:
    """``["records", 0, "quantity"]`` → ``/records/0/quantity`` (a JSON pointer)."""
    return "".join("/" + str(s).replace("~", "~0").replace("/", "~1") for s in path)


def _structure(value: Any, cls: Any, what: str) -> Any:
    return _structure_with(converter, value, cls, what)


def _structure_with(conv: cattrs.Converter, value: Any, cls: Any, what: str) -> Any:
    """``conv.structure(value, cls)``, every failure a :class:`ConversionError` about ``what``
    (shared by the 1.0 and 2.0 converters)."""
    try:
        return conv.structure(value, cls)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        raise ConversionError(what, _problems(exc)) from exc
    except ModelError as exc:
        raise ConversionError(what, [Problem(pointer="", message=str(exc))]) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise ConversionError(what, [Problem(pointer="", message=_describe(exc))]) from exc


def _describe(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing or unknown tag {exc}"
    return str(exc)


def _record_type(value: Any) -> str:
    """The ``type`` of a JSON-shaped record, or :class:`ConversionError` when it has none."""
    if not isinstance(value, dict) or not isinstance(value.get("type"), str):
        raise ConversionError("record", [Problem(pointer="/type", message="a record needs a type")])
    kind: str = value["type"]
    return kind


def _dataset_body(value: Any) -> dict[str, Any]:
    """A JSON-shaped dataset document without its ``type``, or :class:`ConversionError`."""
    if not isinstance(value, dict):
        raise ConversionError("dataset", [Problem(pointer="", message="a dataset is an object")])
    body = dict(value)
    if body.pop("type", "dataset") != "dataset":
        raise ConversionError(
            "dataset", [Problem(pointer="/type", message="type is not 'dataset'")]
        )
    return body


def structure_record(value: Any) -> Record:
    """A model record from a JSON-shaped dict whose ``type`` chooses the class."""
    record: Record = _structure(value, Record, f"{_record_type(value)} record")
    return record


def structure_dataset(value: Any) -> Dataset:
    """A :class:`~antt_domain.model.Dataset` from a JSON-shaped dataset document."""
    dataset: Dataset = _structure(_dataset_body(value), Dataset, "dataset")
    return dataset


def unstructure(obj: Any) -> Any:
    """The canonical JSON-shaped value of a model object (a record, a dataset, a period, ...)."""
    if isinstance(obj, Dataset):
        body: dict[str, Any] = {"type": Dataset.TYPE}
        body.update(converter.unstructure(obj, Dataset))
        return body
    if isinstance(obj, RECORD_CLASSES):
        return converter.unstructure(obj, Record)
    if isinstance(obj, PERIOD_CLASSES):
        return converter.unstructure(obj, Period)
    return converter.unstructure(obj)
