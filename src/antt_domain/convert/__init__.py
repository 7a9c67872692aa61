"""The one cattrs converter between the model and JSON-shaped Python values.

``structure`` turns plain values (dicts, lists, strings, numbers, as :func:`json.loads` gives
them) into model objects; ``unstructure`` turns model objects back. Values equal to their
default (``None``, empty lists, ``precision: "exact"``) are left out, so the JSON produced is
the canonical form of its record. This layer knows no file and no schema; see
:mod:`antt_domain.io` for text, bytes and files.
"""

from __future__ import annotations

from antt_domain.convert._converter import (
    ConversionError,
    Problem,
    converter,
    structure_dataset,
    structure_record,
    unstructure,
)
from antt_domain.convert._trusted import structure_valid_record

__all__ = [
    "ConversionError",
    "Problem",
    "converter",
    "structure_dataset",
    "structure_record",
    "structure_valid_record",
    "unstructure",
]
