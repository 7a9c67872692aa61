"""The cattrs converter between the 2.0 model and JSON-shaped Python values.

It follows the 1.0 converter (:mod:`antt_domain.convert._converter`) and shares its hooks for
dates, numbers, strings, lists and errors: values equal to their default are left out, so the
JSON produced is the canonical form of its object, and every failure is a
:class:`~antt_domain.convert.ConversionError` with JSON pointers.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.strategies import configure_tagged_union

from antt_domain.convert._converter import (
    _dataset_body,
    _is_homogeneous_tuple,
    _kind_tag,
    _record_type,
    _structure_date,
    _structure_extensions,
    _structure_number,
    _structure_optional_number,
    _structure_str,
    _structure_with,
    _tuple_hook,
    _type_tag,
    _unstructure_enum,
)
from antt_domain.model import CodeEnum
from antt_domain.model.v2 import (
    PERIOD_CLASSES,
    RECORD_CLASSES,
    Actor,
    Anniversary,
    AssessmentResult,
    AssessmentTotal,
    Citation,
    Composite,
    Dataset,
    Length,
    Link,
    Number,
    OrganisationRole,
    PartialDate,
    Period,
    PlanPhase,
    PlanTarget,
    Position,
    Provision,
    Publisher,
    Quantity,
    Recipient,
    Recognition,
    Record,
    Recurring,
    SymbolVariant,
    Venue,
    Vocabulary,
    VocabularyCode,
)

__all__ = ["converter", "structure_dataset", "structure_record", "unstructure"]

#: The value classes, each registered with the plain attrs hooks (Composite is done apart).
_VALUE_CLASSES: tuple[type, ...] = (
    Quantity,
    Citation,
    Actor,
    Link,
    VocabularyCode,
    Vocabulary,
    Publisher,
    OrganisationRole,
    Position,
    SymbolVariant,
    Provision,
    Recognition,
    Venue,
    Anniversary,
    Recipient,
    AssessmentTotal,
    AssessmentResult,
    PlanTarget,
    PlanPhase,
)


def _structure_int(value: Any, _: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{value!r} is not an integer"
        raise TypeError(msg)
    return value


def _structure_bool(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        msg = f"{value!r} is not true or false"
        raise TypeError(msg)
    return value


def _structure_partial_date(value: Any, _: Any) -> PartialDate:
    if not isinstance(value, str):
        msg = f"{value!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD"
        raise TypeError(msg)
    return PartialDate.parse(value)


def _structure_link_target(value: Any, _: Any) -> str | tuple[str, ...]:
    if isinstance(value, list):
        return tuple(_structure_str(item, str) for item in value)
    return _structure_str(value, str)


def _unstructure_link_target(value: str | tuple[str, ...]) -> str | list[str]:
    return list(value) if isinstance(value, tuple) else value


def _build() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(
        int | None, lambda v, _: None if v is None else _structure_int(v, int)
    )
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Number, _structure_number)
    conv.register_structure_hook(int | float | None, _structure_optional_number)
    conv.register_structure_hook_func(lambda t: t == dict[str, Any], _structure_extensions)
    conv.register_unstructure_hook(CodeEnum, _unstructure_enum)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_hook(conv, t))
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    conv.register_structure_hook(
        PartialDate | None, lambda v, _: None if v is None else _structure_partial_date(v, None)
    )
    conv.register_structure_hook(str | tuple[str, ...], _structure_link_target)
    conv.register_unstructure_hook(str | tuple[str, ...], _unstructure_link_target)

    def register(cls: type, **overrides: Any) -> None:
        conv.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **overrides)
        )
        conv.register_structure_hook(
            cls, make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **overrides)
        )

    # A composite period holds periods: its hooks are made on first use, once Period exists.
    lazy: dict[str, Any] = {}

    def structure_composite(value: Any, cls: Any) -> Composite:
        if "structure" not in lazy:
            lazy["structure"] = make_dict_structure_fn(
                Composite, conv, _cattrs_forbid_extra_keys=True
            )
        composite: Composite = lazy["structure"](value, cls)
        return composite

    def unstructure_composite(value: Composite) -> Any:
        if "unstructure" not in lazy:
            lazy["unstructure"] = make_dict_unstructure_fn(
                Composite, conv, _cattrs_omit_if_default=True
            )
        return lazy["unstructure"](value)

    register(Length)  # a duration's length, before the periods that hold it
    for cls in PERIOD_CLASSES:
        if cls is Composite:
            conv.register_structure_hook(Composite, structure_composite)
            conv.register_unstructure_hook(Composite, unstructure_composite)
        else:
            register(cls)
    configure_tagged_union(Period, conv, tag_generator=_kind_tag, tag_name="kind")
    period_hook = conv.get_structure_hook(Period)
    conv.register_structure_hook(
        Period | None, lambda v, _: None if v is None else period_hook(v, Period)
    )
    conv.register_unstructure_hook(
        Period | None, lambda v: None if v is None else conv.unstructure(v, Period)
    )
    # A model's meetings are a period of the recurring kind, written with its kind.
    conv.register_structure_hook(
        Recurring | None, lambda v, _: None if v is None else period_hook(v, Period)
    )
    conv.register_unstructure_hook(
        Recurring | None, lambda v: None if v is None else conv.unstructure(v, Period)
    )
    for cls in _VALUE_CLASSES:
        if cls is VocabularyCode:
            register(cls, figure_class=override(rename="class"))
        else:
            register(cls)
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


#: The 2.0 converter. Use it for anything the functions below do not cover; do not reconfigure.
converter: cattrs.Converter = _build()


def structure_record(value: Any) -> Record:
    """A 2.0 model record from a JSON-shaped dict whose ``type`` chooses the class."""
    record: Record = _structure_with(converter, value, Record, f"{_record_type(value)} record")
    return record


def structure_dataset(value: Any) -> Dataset:
    """A 2.0 :class:`~antt_domain.model.v2.Dataset` from a JSON-shaped dataset document."""
    dataset: Dataset = _structure_with(converter, _dataset_body(value), Dataset, "dataset")
    return dataset


def unstructure(obj: Any) -> Any:
    """The canonical JSON-shaped value of a 2.0 model object (a record, a dataset, a period)."""
    if isinstance(obj, Dataset):
        body: dict[str, Any] = {"type": Dataset.TYPE}
        body.update(converter.unstructure(obj, Dataset))
        return body
    if isinstance(obj, RECORD_CLASSES):
        return converter.unstructure(obj, Record)
    if isinstance(obj, PERIOD_CLASSES):
        return converter.unstructure(obj, Period)
    return converter.unstructure(obj)
