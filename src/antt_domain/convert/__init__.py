"""The one cattrs converter between the model and JSON-shaped Python values.

``structure`` turns plain values (dicts, lists, strings, numbers, as :func:`json.loads` gives
them) into model objects; ``unstructure`` turns model objects back. Values equal to their
default (``None``, empty lists, ``precision: "exact"``) are left out, so the JSON produced is
the canonical form of its record. This layer knows no file and no schema; see
:mod:`antt_domain.io` for text, bytes and files.

cattrs and the converter are loaded on first use: validating a valid record (see
:func:`structure_valid_record`) does not need them, and ``antt validate`` on one small file
is run on every commit by pre-commit.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from antt_domain.convert._problems import ConversionError, Problem
from antt_domain.convert._trusted import structure_valid_record

if TYPE_CHECKING:
    import cattrs

    from antt_domain.model import Dataset, Record

__all__ = [
    "ConversionError",
    "Problem",
    "converter",
    "structure_dataset",
    "structure_record",
    "structure_valid_record",
    "unstructure",
]


def _module() -> Any:
    return importlib.import_module("antt_domain.convert._converter")


def structure_record(value: Any) -> Record:
    """A model record from a JSON-shaped dict whose ``type`` chooses the class."""
    record: Record = _module().structure_record(value)
    return record


def structure_dataset(value: Any) -> Dataset:
    """A :class:`~antt_domain.model.Dataset` from a JSON-shaped dataset document."""
    dataset: Dataset = _module().structure_dataset(value)
    return dataset


def unstructure(obj: Any) -> Any:
    """The canonical JSON-shaped value of a model object (a record, a dataset, a period, ...)."""
    return _module().unstructure(obj)


def __getattr__(name: str) -> Any:
    if name == "converter":  # built on first use
        built: cattrs.Converter = _module().converter
        return built
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
