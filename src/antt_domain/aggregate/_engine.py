"""``aggregate``: totals of a dataset's activities and outcomes, in one pass over its records."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal

from antt_domain.aggregate._algebra import as_decimal, normalise, sum_quantities
from antt_domain.aggregate._areas import AreaTree
from antt_domain.aggregate._errors import AggregationError
from antt_domain.aggregate._models import summarise_models
from antt_domain.aggregate._periods import Placement, bucket, place, requested
from antt_domain.aggregate._result import (
    Aggregate,
    ApartFigure,
    ApartReason,
    Cell,
    Group,
    GroupKey,
    Measure,
)
from antt_domain.aggregate._scope import Scope
from antt_domain.model import Activity, Area, Dataset, Interval, Outcome, Quantity
from antt_domain.schemas import codelist

__all__ = ["DIMENSIONS", "aggregate", "unit_dimension"]

#: The dimensions ``by`` accepts. ``kind`` and ``unit`` are always applied (a cell is one kind
#: and one unit) and may be named for readability; ``organisation``, ``partner`` and
#: ``agreement`` groups overlap (a record with two partners is in both partners' groups).
DIMENSIONS = (
    "year",
    "quarter",
    "month",
    "area",
    "commune",
    "district",
    "province",
    "organisation",
    "organiser",
    "partner",
    "agreement",
    "kind",
    "unit",
)
_ALWAYS = frozenset({"kind", "unit"})
_LEVELS = frozenset({"commune", "district", "province"})
_PERCENTAGE = "percentage"

_CellKey = tuple[str, str, Measure, str, str | None]
_StockKey = tuple[str, str, Measure, str, str | None, str | None]


@functools.cache
def _unit_dimensions() -> dict[str, str]:
    return {c.code: str(c.extra["dimension"]) for c in codelist("units") if "dimension" in c.extra}


def unit_dimension(unit: str) -> str | None:
    """The ``dimension`` of ``unit`` in the units codelist (``None`` for a unit not listed)."""
    return _unit_dimensions().get(unit)


def aggregate(
    dataset: Dataset,
    *,
    period: Interval | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    organisation: str | None = None,
    agreement: str | None = None,
    kinds: Iterable[str] | None = None,
) -> Aggregate:
    """Totals of ``dataset``'s activities and outcomes, grouped ``by`` dimensions.

    Filters: ``period`` (an :class:`Interval`, or a year), ``area`` (an area id, or a code that
    names one area during ``period``; its descendants are included), ``organisation`` (as
    organiser or partner), ``agreement`` and ``kinds`` (activity or outcome kind codes). The
    rules -- units never mixed, stocks never summed, unstated periods never attributed, parts
    never added to their whole -- are in ``docs/aggregation.md``.

    Raises:
        AggregationError: an unknown dimension, area or period.
    """
    wanted = requested(period)
    dimensions = _check_by(by)
    tree = AreaTree(dataset.of_type(Area))
    area_ids = tree.resolve(area, wanted) if area is not None else ()
    scope = Scope(
        tree=tree,
        area_ids=frozenset(area_ids) if area is not None else None,
        organisation=organisation,
        agreement=agreement,
    )
    wanted_kinds = None if kinds is None else frozenset(kinds)
    builder = _Builder(tree, tuple(d for d in dimensions if d not in _ALWAYS))
    for index, record in enumerate(dataset.records):
        if not isinstance(record, (Activity, Outcome)):
            continue
        if wanted_kinds is not None and record.kind not in wanted_kinds:
            continue
        if scope.admits(record.area, record.organiser, record.partners, record.agreements):
            builder.add(index, record, wanted)
    return Aggregate(
        dataset_id=dataset.id,
        period=wanted,
        area_ids=area_ids,
        by=dimensions,
        groups=builder.groups(),
        apart=tuple(builder.apart),
        models=summarise_models(dataset, scope, wanted),
    )


def _check_by(by: Sequence[str]) -> tuple[str, ...]:
    if isinstance(by, str):
        raise AggregationError("by", by, "expected a sequence of dimensions, not one string")
    for dimension in by:
        if dimension not in DIMENSIONS:
            raise AggregationError("by", dimension, "unknown dimension", candidates=DIMENSIONS)
    if len(set(by)) != len(by):
        raise AggregationError("by", tuple(by), "a dimension is named twice")
    return tuple(by)


def _measures(record: Activity | Outcome) -> Iterator[tuple[Measure, Quantity | None]]:
    yield Measure.QUANTITY, record.quantity
    if isinstance(record, Activity) and record.participants is not None:
        yield Measure.PARTICIPANTS, record.participants


class _Builder:
    """Collects figures into cells per group key, and the figures kept apart."""

    def __init__(self, tree: AreaTree, dimensions: tuple[str, ...]) -> None:
        self._tree = tree
        self._dimensions = dimensions
        self._flows: dict[GroupKey, dict[_CellKey, list[tuple[str, Quantity]]]] = {}
        self._stocks: dict[GroupKey, dict[_StockKey, list[tuple[date, int, str, Quantity]]]] = {}
        self.apart: list[ApartFigure] = []

    def add(self, index: int, record: Activity | Outcome, wanted: Interval | None) -> None:
        placement = place(record.period, wanted)
        if placement is None:
            return
        for measure, quantity in _measures(record):
            reason = _apart_reason(record, quantity, placement)
            keys = None if reason is not None else self._group_keys(record, placement)
            if reason is None and keys is None:
                reason = ApartReason.SPANS_PERIODS
            if reason is not None or keys is None or quantity is None:
                self._set_apart(record, measure, quantity, reason or ApartReason.NO_COUNT)
                continue
            level = self._tree.level_of(record.area)
            if placement.stock and placement.start is not None:
                stock_key = (record.TYPE, record.kind, measure, quantity.unit, level, record.area)
                entry = (placement.start, index, record.id, quantity)
                for key in keys:
                    self._stocks.setdefault(key, {}).setdefault(stock_key, []).append(entry)
            else:
                cell_key = (record.TYPE, record.kind, measure, quantity.unit, level)
                for key in keys:
                    cells = self._flows.setdefault(key, {})
                    cells.setdefault(cell_key, []).append((record.id, quantity))

    def _set_apart(
        self,
        record: Activity | Outcome,
        measure: Measure,
        quantity: Quantity | None,
        reason: ApartReason,
    ) -> None:
        self.apart.append(
            ApartFigure(
                record_id=record.id,
                record_type=record.TYPE,
                kind=record.kind,
                measure=measure,
                reason=reason,
                quantity=quantity,
                period=record.period,
                area=record.area,
                part_of=record.part_of,
            )
        )

    def _group_keys(
        self, record: Activity | Outcome, placement: Placement
    ) -> list[GroupKey] | None:
        choices: list[list[str | None]] = []
        for dimension in self._dimensions:
            values = self._values(dimension, record, placement)
            if values is None:
                return None
            choices.append(values)
        return [
            tuple(zip(self._dimensions, combo, strict=True))
            for combo in itertools.product(*choices)
        ]

    def _values(
        self, dimension: str, record: Activity | Outcome, placement: Placement
    ) -> list[str | None] | None:
        if dimension in ("year", "quarter", "month"):
            if placement.start is None or placement.end is None:
                return None
            found = bucket(dimension, placement.start, placement.end)
            return None if found is None else [found]
        if dimension in _LEVELS:
            return [self._tree.at_level(record.area, dimension)]
        named = (record.organiser,) if record.organiser else ()
        values = {
            "area": [record.area],
            "organiser": [record.organiser],
            "partner": _or_none(record.partners),
            "organisation": _or_none((*named, *record.partners)),
            "agreement": _or_none(record.agreements),
        }
        return values[dimension]

    def groups(self) -> tuple[Group, ...]:
        keys = sorted({*self._flows, *self._stocks}, key=_sort_key)
        return tuple(
            Group(
                key=key,
                flows=_sorted(_flow_cell(k, v) for k, v in self._flows.get(key, {}).items()),
                stocks=_sorted(_stock_cell(k, v) for k, v in self._stocks.get(key, {}).items()),
            )
            for key in keys
        )


def _apart_reason(
    record: Activity | Outcome, quantity: Quantity | None, placement: Placement
) -> ApartReason | None:
    if quantity is None:
        return ApartReason.NO_COUNT
    if record.part_of is not None:
        return ApartReason.BREAKDOWN
    if placement.apart is not None:
        return placement.apart
    if unit_dimension(quantity.unit) == _PERCENTAGE:
        return ApartReason.NOT_SUMMABLE
    return None


def _or_none(values: Iterable[str]) -> list[str | None]:
    unique: list[str | None] = list(dict.fromkeys(values))
    return unique or [None]


def _sort_key(key: GroupKey) -> tuple[tuple[bool, str], ...]:
    return tuple((value is None, value or "") for _, value in key)


def _sorted(cells: Iterable[Cell]) -> tuple[Cell, ...]:
    return tuple(sorted(cells, key=lambda c: c.key))


def _flow_cell(key: _CellKey, items: list[tuple[str, Quantity]]) -> Cell:
    record_type, kind, measure, unit, level = key
    quantities = [q for _, q in items]
    total = sum_quantities(quantities)
    denominators = [q.denominator for q in quantities]
    denominator = None
    if all(d is not None for d in denominators):
        denominator = normalise(
            sum((as_decimal(d) for d in denominators if d is not None), Decimal(0))
        )
    return Cell(
        record_type=record_type,
        kind=kind,
        measure=measure,
        unit=unit,
        dimension=unit_dimension(unit),
        recorded_at=level,
        value=total.value,
        precision=total.precision,
        upper=total.upper,
        denominator=denominator,
        record_ids=tuple(record_id for record_id, _ in items),
    )


def _stock_cell(key: _StockKey, items: list[tuple[date, int, str, Quantity]]) -> Cell:
    record_type, kind, measure, unit, level, area = key
    ordered = sorted(items, key=lambda item: (item[0], item[1]))
    as_of, _, record_id, quantity = ordered[-1]
    total = sum_quantities([quantity])
    denominator = None if quantity.denominator is None else as_decimal(quantity.denominator)
    return Cell(
        record_type=record_type,
        kind=kind,
        measure=measure,
        unit=unit,
        dimension=unit_dimension(unit),
        recorded_at=level,
        value=total.value,
        precision=total.precision,
        upper=total.upper,
        denominator=None if denominator is None else normalise(denominator),
        record_ids=(record_id,),
        as_of=as_of,
        area=area,
        superseded=tuple(item[2] for item in ordered[:-1]),
    )
