"""An aggregate as plain JSON (``version: 1``; the shape is documented in docs/aggregation.md)."""

from __future__ import annotations

from typing import Any

from antt_domain.aggregate._algebra import Value
from antt_domain.aggregate._compare import Comparison, ComparisonRow
from antt_domain.aggregate._result import Aggregate, ApartFigure, Cell, GroupKey, ModelSummary
from antt_domain.convert import unstructure
from antt_domain.model import Interval
from antt_domain.schemas import codelist

__all__ = ["JSON_VERSION", "comparison_to_json", "to_json"]

#: The version of the JSON shape; a change that breaks readers increments it.
JSON_VERSION = 1

_KIND_LISTS = {"activity": "activity_kinds", "outcome": "outcome_kinds"}


def _number(value: Value | None) -> int | float | None:
    """Whole values as JSON integers; decimals as JSON numbers (their shortest repr)."""
    if value is None or isinstance(value, int):
        return value
    return float(value)


def _period(period: Interval | None) -> dict[str, str] | None:
    if period is None:
        return None
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def _key(key: GroupKey) -> dict[str, str | None]:
    return dict(key)


def _labels(record_type: str, kind: str, unit: str, lang: str) -> dict[str, str]:
    return {
        "kind": codelist(_KIND_LISTS[record_type]).label(kind, lang),
        "unit": codelist("units").label(unit, lang),
    }


def _cell(cell: Cell, lang: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": cell.record_type,
        "kind": cell.kind,
        "measure": cell.measure.value,
        "unit": cell.unit,
        "dimension": cell.dimension,
        "recorded_at": cell.recorded_at,
        "value": _number(cell.value),
        "precision": cell.precision.value,
        "upper": _number(cell.upper),
        "denominator": _number(cell.denominator),
        "records": list(cell.record_ids),
    }
    if cell.is_stock:
        body["as_of"] = cell.as_of.isoformat() if cell.as_of else None
        body["area"] = cell.area
        body["superseded"] = list(cell.superseded)
    if lang is not None:
        body["labels"] = _labels(cell.record_type, cell.kind, cell.unit, lang)
    return body


def _apart(item: ApartFigure, lang: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "record": item.record_id,
        "type": item.record_type,
        "kind": item.kind,
        "measure": item.measure.value,
        "reason": item.reason.value,
        "quantity": None if item.quantity is None else unstructure(item.quantity),
        "period": unstructure(item.period),
        "area": item.area,
        "part_of": item.part_of,
    }
    if lang is not None:
        unit = "" if item.quantity is None else item.quantity.unit
        body["labels"] = _labels(item.record_type, item.kind, unit, lang)
    return body


def _model(model: ModelSummary) -> dict[str, Any]:
    return {
        "model_type": model.model_type,
        "instances": list(model.instance_ids),
        "unattributed": list(model.unattributed_ids),
    }


def to_json(result: Aggregate, *, lang: str | None = None) -> dict[str, Any]:
    """``result`` as JSON-ready values; with ``lang`` (``"vi"``/``"en"``) cells carry labels."""
    return {
        "version": JSON_VERSION,
        "dataset": result.dataset_id,
        "period": _period(result.period),
        "areas": list(result.area_ids),
        "by": list(result.by),
        "groups": [
            {
                "key": _key(group.key),
                "flows": [_cell(c, lang) for c in group.flows],
                "stocks": [_cell(c, lang) for c in group.stocks],
            }
            for group in result.groups
        ],
        "apart": [_apart(a, lang) for a in result.apart],
        "models": [_model(m) for m in result.models],
    }


def _row(row: ComparisonRow, lang: str | None) -> dict[str, Any]:
    return {
        "key": _key(row.group),
        "current": None if row.current is None else _cell(row.current, lang),
        "previous": None if row.previous is None else _cell(row.previous, lang),
        "change": _number(row.change),
    }


def comparison_to_json(comparison: Comparison, *, lang: str | None = None) -> dict[str, Any]:
    """A comparison as JSON-ready values: both aggregates and the paired rows."""
    return {
        "version": JSON_VERSION,
        "current": to_json(comparison.current, lang=lang),
        "previous": to_json(comparison.previous, lang=lang),
        "rows": [_row(r, lang) for r in comparison.rows],
    }
