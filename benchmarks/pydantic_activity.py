"""A pydantic v2 model of the activity record, for the benchmark baseline only.

It mirrors ``schemas/v1/activity.schema.json`` closely enough to do comparable work: the same
fields, the id and code patterns, the four period kinds told apart by ``kind``, quantities
with their precision, closed records (``extra="forbid"``). It is not part of antt-domain.
"""

from __future__ import annotations

from datetime import date as Date  # noqa: N812 - a field is named `date`
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$", max_length=128)]
Code = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Text = Annotated[str, Field(min_length=1)]
Number = Annotated[float, Field(ge=0, le=2**53 - 1)]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Interval(_Closed):
    kind: Literal["interval"]
    start: Date
    end: Date
    as_written: Text | None = None


class AsOf(_Closed):
    kind: Literal["as_of"]
    date: Date | None = None
    as_written: Text | None = None


class Recurring(_Closed):
    kind: Literal["recurring"]
    frequency: Literal["daily", "weekly", "monthly", "quarterly", "half_yearly", "yearly"]
    start: Date | None = None
    end: Date | None = None
    as_written: Text | None = None


class Unstated(_Closed):
    kind: Literal["unstated"]
    as_written: Text | None = None


Period = Annotated[Union[Interval, AsOf, Recurring, Unstated], Field(discriminator="kind")]  # noqa: UP007 - pydantic discriminated union


class Quantity(_Closed):
    value: Number
    unit: Code
    precision: Literal[
        "exact", "at_least", "more_than", "about", "nearly", "at_most", "less_than", "range"
    ] = "exact"
    upper: Number | None = None
    denominator: Annotated[float, Field(gt=0)] | None = None
    base_unit: Code | None = None
    as_written: Text | None = None


class Citation(_Closed):
    source: Id
    locator: Text | None = None


class Activity(_Closed):
    id: Id
    type: Literal["activity"]
    kind: Code
    period: Period
    quantity: Quantity | None = None
    participants: Quantity | None = None
    organiser: Id | None = None
    partners: Annotated[list[Id], Field(min_length=1)] | None = None
    area: Id | None = None
    agreements: Annotated[list[Id], Field(min_length=1)] | None = None
    models: Annotated[list[Id], Field(min_length=1)] | None = None
    target_groups: Annotated[list[Code], Field(min_length=1)] | None = None
    part_of: Id | None = None
    description: Text | None = None
    sources: Annotated[list[Citation], Field(min_length=1)] | None = None
    extensions: dict[str, object] | None = None
