"""What an aggregation returns: groups of cells, the figures kept apart, the models."""

from __future__ import annotations

from datetime import date
from typing import final

import attrs

from antt_domain.aggregate._algebra import Value
from antt_domain.model import CodeEnum, Interval, Period, Precision, Quantity

__all__ = [
    "Aggregate",
    "ApartFigure",
    "ApartReason",
    "Cell",
    "Group",
    "GroupKey",
    "Measure",
    "ModelSummary",
]

#: A group's key: ``(dimension, value)`` pairs in the order of ``by``; ``None`` = not given.
GroupKey = tuple[tuple[str, str | None], ...]


class Measure(CodeEnum):
    """Which figure of a record is counted: ``quantity``, or an activity's ``participants``."""

    QUANTITY = "quantity"
    PARTICIPANTS = "participants"


class ApartReason(CodeEnum):
    """Why a figure is listed on its own instead of being added into a cell."""

    #: An activity reported without a count ("rà soát, nhân rộng các mô hình").
    NO_COUNT = "no_count"
    #: A breakdown (``part_of``): it is already inside its whole.
    BREAKDOWN = "breakdown"
    #: No dates: ``Unstated`` ("những năm qua"), or ``Recurring`` without a start and an end.
    UNSTATED_PERIOD = "unstated_period"
    #: A stock as of a date the source does not give ("đến nay"): it cannot be ordered in time.
    UNDATED_STOCK = "undated_stock"
    #: The figure's interval reaches beyond the requested period, or across the buckets of
    #: ``year``/``quarter``/``month``: it is not split by guesswork.
    SPANS_PERIODS = "spans_periods"
    #: A percentage: percentages are never summed.
    NOT_SUMMABLE = "not_summable"


@final
@attrs.frozen(kw_only=True)
class Cell:
    """One total: figures of one record type, kind, measure and unit, recorded at one level.

    ``record_ids`` is the provenance: the records whose figures make ``value``. A flow cell sums
    them (see :mod:`antt_domain.aggregate._algebra` for ``precision``); a stock cell (``as_of``
    set) holds the latest figure of one ``area`` and lists the older ones in ``superseded``.
    ``recorded_at`` is the level of the records' area: figures recorded at different levels are
    never added (a district's own figure may already contain its communes' work).
    """

    record_type: str
    kind: str
    measure: Measure
    unit: str
    dimension: str | None
    recorded_at: str | None
    value: Value
    precision: Precision = Precision.EXACT
    upper: Value | None = None
    denominator: Value | None = None
    record_ids: tuple[str, ...] = ()
    as_of: date | None = None
    area: str | None = None
    superseded: tuple[str, ...] = ()

    @property
    def is_stock(self) -> bool:
        """Whether this is a stock (the latest value as of a date) rather than a sum of flows."""
        return self.as_of is not None

    @property
    def key(self) -> tuple[str, str, str, str, str, str]:
        """What identifies the cell within its group (stocks also by area)."""
        return (
            self.record_type,
            self.kind,
            self.measure.value,
            self.unit,
            self.recorded_at or "",
            self.area or "",
        )


@final
@attrs.frozen(kw_only=True)
class Group:
    """The cells that share one value of each ``by`` dimension."""

    key: GroupKey
    flows: tuple[Cell, ...] = ()
    stocks: tuple[Cell, ...] = ()

    def get(self, dimension: str) -> str | None:
        """This group's value of ``dimension`` (``None`` when absent or not given)."""
        return dict(self.key).get(dimension)


@final
@attrs.frozen(kw_only=True)
class ApartFigure:
    """A figure (one measure of one record) that is listed, not added, and why."""

    record_id: str
    record_type: str
    kind: str
    measure: Measure
    reason: ApartReason
    quantity: Quantity | None
    period: Period
    area: str | None = None
    part_of: str | None = None


@final
@attrs.frozen(kw_only=True)
class ModelSummary:
    """A model type in scope and its launched instances.

    ``instance_ids`` were launched within the requested period (any dated launch when no period
    is asked for); ``unattributed_ids`` were launched at a time the source does not state, or
    across the period's bounds.
    """

    model_type: str
    instance_ids: tuple[str, ...] = ()
    unattributed_ids: tuple[str, ...] = ()


@final
@attrs.frozen(kw_only=True)
class Aggregate:
    """The result of :func:`~antt_domain.aggregate.aggregate`.

    ``groups`` hold the totals; ``apart`` the figures that are listed but never added (unstated
    or spanning periods, undated stocks, breakdowns, percentages, activities without a count);
    ``models`` the model types in scope with their launches.
    """

    dataset_id: str
    period: Interval | None
    area_ids: tuple[str, ...]
    by: tuple[str, ...]
    groups: tuple[Group, ...] = ()
    apart: tuple[ApartFigure, ...] = ()
    models: tuple[ModelSummary, ...] = ()

    def cells(self) -> tuple[Cell, ...]:
        """Every cell of every group, flows then stocks, in group order."""
        return tuple(c for g in self.groups for c in (*g.flows, *g.stocks))

    def record_ids(self) -> frozenset[str]:
        """The provenance: every figure or model instance this aggregate counts or lists.

        (Model types named in ``models`` are references, not provenance: a dangling one is a
        validation finding, not a record.)
        """
        found: set[str] = set()
        for cell in self.cells():
            found.update(cell.record_ids)
            found.update(cell.superseded)
        found.update(a.record_id for a in self.apart)
        for model in self.models:
            found.update(model.instance_ids)
            found.update(model.unattributed_ids)
        return frozenset(found)

    def apart_for(self, reason: ApartReason) -> tuple[ApartFigure, ...]:
        """The figures kept apart for ``reason``, in dataset order."""
        return tuple(a for a in self.apart if a.reason is reason)
