"""Aggregation: totals of activities and outcomes by area, period, organisation, agreement.

Pure functions over a :class:`~antt_domain.model.Dataset`; :func:`aggregate_v2` does the same
for a 2.0 dataset (:class:`antt_domain.model.v2.Dataset`), adding figures only under one
:class:`FigureKey`. The rules that keep totals honest --
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
from antt_domain.aggregate._serialise import JSON_VERSION, comparison_to_json, to_json
from antt_domain.aggregate._v2_compare import ComparisonRowV2, ComparisonV2, compare_v2
from antt_domain.aggregate._v2_engine import DIMENSIONS_V2, aggregate_v2, total_of
from antt_domain.aggregate._v2_key import KEY_FIELDS, FigureKey, differing
from antt_domain.aggregate._v2_result import (
    AggregateV2,
    ApartReasonV2,
    ApartV2,
    CellV2,
    Contribution,
)

__all__ = [
    "DIMENSIONS",
    "DIMENSIONS_V2",
    "JSON_VERSION",
    "KEY_FIELDS",
    "Aggregate",
    "AggregateV2",
    "AggregationError",
    "ApartFigure",
    "ApartReason",
    "ApartReasonV2",
    "ApartV2",
    "Cell",
    "CellV2",
    "Comparison",
    "ComparisonRow",
    "ComparisonRowV2",
    "ComparisonV2",
    "Contribution",
    "FigureKey",
    "Group",
    "GroupKey",
    "Measure",
    "ModelSummary",
    "Total",
    "Value",
    "aggregate",
    "aggregate_v2",
    "compare",
    "compare_v2",
    "comparison_to_json",
    "differing",
    "sum_quantities",
    "to_json",
    "total_of",
    "unit_dimension",
]
