"""JSON in and out for the 2.0 model (in progress): the same entries as the 1.0 functions.

``structure_dataset`` and ``structure_record`` turn JSON-shaped values into
:mod:`antt_domain.model.v2` objects; ``unstructure`` turns them back into canonical JSON
(defaults left out). Failures are :class:`~antt_domain.convert.ConversionError` with JSON
pointers, as in 1.0. cattrs is loaded on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import cattrs

    from antt_domain.model.v2 import Dataset, Record

__all__ = ["converter", "structure_dataset", "structure_record", "unstructure"]  # noqa: F822 - converter is built on first use by __getattr__


def _module() -> Any:
    return importlib.import_module("antt_domain.convert._converter_v2")


def structure_record(value: Any) -> Record:
    """A 2.0 model record from a JSON-shaped dict whose ``type`` chooses the class."""
    record: Record = _module().structure_record(value)
    return record


def structure_dataset(value: Any) -> Dataset:
    """A 2.0 :class:`~antt_domain.model.v2.Dataset` from a JSON-shaped dataset document."""
    dataset: Dataset = _module().structure_dataset(value)
    return dataset


def unstructure(obj: Any) -> Any:
    """The canonical JSON-shaped value of a 2.0 model object (a record, a dataset, a period)."""
    return _module().unstructure(obj)


def __getattr__(name: str) -> Any:
    if name == "converter":  # built on first use
        built: cattrs.Converter = _module().converter
        return built
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
