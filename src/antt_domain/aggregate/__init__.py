"""Aggregation: totals of activities and outcomes by area, period, organisation, agreement.

Pure functions over a :class:`~antt_domain.model.Dataset`. The rules that keep totals honest --
different units are never added, stocks are never summed, figures with unstated periods are
never attributed to a year, breakdowns are never added to their whole, qualifiers survive
addition, and every cell lists the records it came from -- are in ``docs/aggregation.md``.

>>> from antt_domain.io import load_example
>>> result = aggregate(load_example(), period=2021)
>>> [(c.kind, c.value, c.unit) for c in result.cells()]
[('cases_mediated', 17, 'case'), ('offenders_reformed', 9, 'person'), ('tips_provided', 23, 'tip')]
"""

from __future__ import annotations

from antt_domain.aggregate._algebra import Total, Value, sum_quantities
from antt_domain.aggregate._compare import Comparison, ComparisonRow, compare
from antt_domain.aggregate._engine import DIMENSIONS, aggregate, unit_dimension
from antt_domain.aggregate._errors import AggregationError
from antt_domain.aggregate._json import JSON_VERSION, comparison_to_json, to_json
from antt_domain.aggregate._result import (
    Aggregate,
    ApartFigure,
    ApartReason,
    Cell,
    Group,
    GroupKey,
    Measure,
    ModelSummary,
)

__all__ = [
    "DIMENSIONS",
    "JSON_VERSION",
    "Aggregate",
    "AggregationError",
    "ApartFigure",
    "ApartReason",
    "Cell",
    "Comparison",
    "ComparisonRow",
    "Group",
    "GroupKey",
    "Measure",
    "ModelSummary",
    "Total",
    "Value",
    "aggregate",
    "compare",
    "comparison_to_json",
    "sum_quantities",
    "to_json",
    "unit_dimension",
]
