"""The 2.0 dataset document: metadata, the vocabulary of extension codes and the records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, ClassVar, TypeVar, final

import attrs

from antt_domain.model._checks import (
    as_tuple,
    check_id,
    check_json_value,
    check_language,
    check_text,
    check_tuple,
    fail,
    id_list,
    major_version_check,
    optional_date,
    optional_id,
    optional_text,
)
from antt_domain.model._values import Publisher
from antt_domain.model.v2._checks import is_a
from antt_domain.model.v2._fields import optional_period
from antt_domain.model.v2._periods import Period
from antt_domain.model.v2._records import RECORD_CLASSES, JSONValue, Record
from antt_domain.model.v2._values import Vocabulary

__all__ = ["SCHEMA_VERSION", "Dataset"]

#: The version of the schemas this model mirrors (``MAJOR.MINOR``).
SCHEMA_VERSION = "2.0"

_R = TypeVar("_R")


def _check_records(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_tuple(instance, attribute, value)
    assert isinstance(value, tuple)  # noqa: S101 - narrowed by check_tuple just above
    for index, record in enumerate(value):
        if not isinstance(record, RECORD_CLASSES):
            raise fail(instance, attribute.name, f"item {index} ({record!r}) is not a 2.0 record")


_check_version = major_version_check(SCHEMA_VERSION)


@final
@attrs.frozen(kw_only=True)
class Dataset:
    """A published 2.0 set of records with its metadata and its ``vocabulary``.

    The ``publisher`` is the 1.0 :class:`~antt_domain.model.Publisher` (unchanged in 2.0).
    """

    TYPE: ClassVar[str] = "dataset"

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    publisher: Publisher = attrs.field(validator=is_a(Publisher))
    schema_version: str = attrs.field(default=SCHEMA_VERSION, validator=_check_version)
    language: str | None = attrs.field(default=None, validator=check_language)
    description: str | None = optional_text()
    area: str | None = optional_id()
    period: Period | None = optional_period()
    created: date | None = optional_date()
    sources: tuple[str, ...] = id_list()
    vocabulary: Vocabulary | None = attrs.field(
        default=None, validator=is_a(Vocabulary, optional=True)
    )
    records: tuple[Record, ...] = attrs.field(
        default=(), converter=as_tuple, validator=_check_records
    )
    extensions: dict[str, JSONValue] = attrs.field(
        factory=dict, hash=False, validator=check_json_value
    )

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def index(self) -> dict[str, Record]:
        """Records by id (the first of duplicates wins; validation reports duplicates)."""
        found: dict[str, Record] = {}
        for record in self.records:
            found.setdefault(record.id, record)
        return found

    def get(self, record_id: str) -> Record | None:
        """The record with ``record_id``, or ``None``."""
        return next((r for r in self.records if r.id == record_id), None)

    def of_type(self, cls: type[_R]) -> tuple[_R, ...]:
        """The records that are instances of ``cls``, in order."""
        return tuple(r for r in self.records if isinstance(r, cls))
