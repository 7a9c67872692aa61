"""``aggregate_v2``: totals of 2.0 figures, added only like with like (docs/aggregation.md)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TypeVar

from antt_domain.aggregate._algebra import Total, sum_quantities
from antt_domain.aggregate._errors import AggregationError
from antt_domain.aggregate._periods import PERIOD_DIMENSIONS, bucket, requested
from antt_domain.aggregate._v2_key import FigureKey
from antt_domain.aggregate._v2_periods import Span, place_v2, span_label
from antt_domain.aggregate._v2_result import (
    AggregateV2,
    ApartReasonV2,
    ApartV2,
    CellV2,
    Contribution,
)
from antt_domain.model import Codelist, Interval, Precision, Quantity
from antt_domain.model.v2 import (
    Area,
    Assessment,
    Award,
    Codelists,
    Dataset,
    Event,
    Figure,
    LinkRelation,
    ModelInstance,
    ModelType,
    Source,
    UnitDimension,
)
from antt_domain.model.v2 import Quantity as Quantity2
from antt_domain.schemas import codelists as bundled_codelists

__all__ = ["DIMENSIONS_V2", "aggregate_v2", "total_of"]

#: The ``by`` dimensions of 2.0 aggregation (kind and unit are always part of the key).
DIMENSIONS_V2: tuple[str, ...] = ("area", *PERIOD_DIMENSIONS)
_ALWAYS = ("kind", "unit")
_APART_LINKS = {
    LinkRelation.PART_OF: ApartReasonV2.PART_OF,
    LinkRelation.SHARE_OF: ApartReasonV2.SHARE,
    LinkRelation.SHARE_FOR: ApartReasonV2.SHARE,
}
_R = TypeVar("_R", Event, Award, Assessment)
_COUNTABLE = frozenset(d for d in UnitDimension if d not in (UnitDimension.UNKNOWN,))


def total_of(quantities: Iterable[Quantity2]) -> Total:
    """The sum of 2.0 quantities of one key, by the 1.0 precision rules (none may be vague)."""
    plain = [
        Quantity(
            value=q.value if q.value is not None else 0,
            unit="unit",
            precision=Precision(q.precision.value),
            upper=q.upper,
        )
        for q in quantities
    ]
    return sum_quantities(plain)


def _is_other(code: str) -> bool:
    bare = code.rpartition(":")[2]
    return bare == "other" or bare.startswith("other_")


class _Scope:
    """The dataset's records by id and the requested area, for one aggregation."""

    def __init__(self, dataset: Dataset, area: str | None) -> None:
        index = dataset.index()
        self.index = index
        self.areas = {r.id: r for r in index.values() if isinstance(r, Area)}
        self.roots: frozenset[str] = frozenset()
        if area is not None:
            found = [a.id for a in self.areas.values() if area in (a.id, a.code)]
            if not found:
                raise AggregationError("area", area, "no area with this id or code")
            self.roots = frozenset(found)

    def within(self, area_id: str | None) -> bool:
        if not self.roots:
            return True
        seen: set[str] = set()
        todo = [area_id] if area_id else []
        while todo:
            current = todo.pop()
            if current in self.roots:
                return True
            if current in seen or current not in self.areas:
                continue
            seen.add(current)
            record = self.areas[current]
            todo.extend([*([record.parent] if record.parent else []), *record.also_within])
        return False

    def level(self, area_id: str | None) -> str | None:
        record = self.areas.get(area_id) if area_id else None
        return None if record is None or record.level is None else record.level.value

    def model_levels(self, ids: Sequence[str]) -> tuple[str, ...]:
        levels = set()
        for model_id in ids:
            record = self.index.get(model_id)
            if isinstance(record, (ModelType, ModelInstance)) and record.level is not None:
                levels.add(record.level.value)
        return tuple(sorted(levels))

    def source_date(self, figure: Figure) -> date | None:
        for citation in figure.sources:
            record = self.index.get(citation.source)
            if isinstance(record, Source) and record.published is not None:
                return record.published.as_date()
        return None


def _version_root(figure: Figure, figures: dict[str, Figure]) -> str | None:
    """The main observation a ``version_of`` chain leads to (``None``: not a version)."""
    current, seen = figure, {figure.id}
    while True:
        link = next((k for k in current.links if k.rel is LinkRelation.VERSION_OF), None)
        if link is None:
            return None if current is figure else current.id
        target = figures.get(link.targets[0])
        if target is None or target.id in seen:
            return link.targets[0]
        seen.add(target.id)
        current = target


def _link_reason(figure: Figure) -> ApartReasonV2 | None:
    for link in figure.links:
        if link.rel in _APART_LINKS:
            return _APART_LINKS[link.rel]
    return None


def _quantity_reason(quantity: Quantity2 | None, vocab: Codelists) -> ApartReasonV2 | None:
    if quantity is None:
        return ApartReasonV2.NOT_COUNTED
    if quantity.is_vague:
        return ApartReasonV2.VAGUE
    dimension = vocab.dimension(quantity.unit)
    if dimension not in _COUNTABLE:
        return ApartReasonV2.UNSTATED_UNIT
    if dimension is UnitDimension.PERCENTAGE or quantity.denominator is not None:
        return ApartReasonV2.RATIO
    return None


def _apart_reason(figure: Figure, vocab: Codelists) -> ApartReasonV2 | None:
    """Why ``figure`` cannot be added into a cell (whatever its period), or ``None``."""
    reason = _link_reason(figure) or _quantity_reason(figure.quantity, vocab)
    if reason is None and figure.quantity is not None:
        quantity = figure.quantity
        codes = (figure.kind, quantity.unit, *quantity.counted, *figure.qualifiers)
        if any(_is_other(code) for code in codes):
            reason = ApartReasonV2.OTHER_CODE
    return reason


def _key(
    figure: Figure, scope: _Scope, period_label: str, group: tuple[tuple[str, str | None], ...]
) -> FigureKey:
    quantity = figure.quantity
    assert quantity is not None  # noqa: S101 - figures without a quantity are apart before this
    return FigureKey(
        kind=figure.kind,
        unit=quantity.unit,
        classifier=quantity.classifier,
        counted=tuple(sorted(quantity.counted)),
        qualifiers=tuple(sorted(figure.qualifiers)),
        lifecycle=tuple(sorted(s.value for s in figure.lifecycle)),
        movements=tuple(sorted(figure.movements)),
        models=tuple(sorted(figure.models)),
        model_levels=scope.model_levels(figure.models),
        groups=tuple(sorted(figure.groups)),
        topics=tuple(sorted(figure.topics)),
        links=tuple(sorted((k.rel.value, k.targets) for k in figure.links)),
        area_level=scope.level(figure.area),
        period=period_label,
        group=group,
    )


def _period_label(span: Span, wanted: Interval | None, by: Sequence[str]) -> str | None:
    """The period part of the key; ``None`` when the span crosses a requested bucket."""
    for dimension in by:  # a stock is bucketed by its date: the latest value of each bucket
        if dimension in PERIOD_DIMENSIONS:
            return bucket(dimension, span.start, span.end)
    if span.stock:
        return "stock"
    if wanted is not None:
        return span_label(wanted.start, wanted.end)
    return span_label(span.start, span.end)


_Stocks = dict[tuple[FigureKey, str | None], list[tuple[date, Figure]]]


def _split_versions(
    figures: dict[str, Figure],
) -> tuple[list[Figure], dict[str, list[Figure]], list[ApartV2]]:
    """Main observations; the ``version_of`` figures by main id; versions whose main is gone."""
    versions: dict[str, list[Figure]] = defaultdict(list)
    apart: list[ApartV2] = []
    mains: list[Figure] = []
    for figure in figures.values():
        root = _version_root(figure, figures)
        if root is None:
            mains.append(figure)
        elif root in figures:
            versions[root].append(figure)
        else:
            apart.append(ApartV2(figure=figure, reason=ApartReasonV2.VERSION))
    return mains, versions, apart


def _place_all(
    mains: list[Figure],
    *,
    scope: _Scope,
    vocab: Codelists,
    wanted: Interval | None,
    by: tuple[str, ...],
    apart: list[ApartV2],
) -> tuple[dict[FigureKey, list[Figure]], _Stocks]:
    """Flows by key and stocks by key and area; everything else appended to ``apart``."""
    flows: dict[FigureKey, list[Figure]] = defaultdict(list)
    stocks: _Stocks = defaultdict(list)
    for figure in mains:
        reason = _apart_reason(figure, vocab)
        placed = place_v2(figure.period, wanted, source_date=scope.source_date(figure))
        if placed is None:
            continue
        if isinstance(placed, ApartReasonV2):
            apart.append(ApartV2(figure=figure, reason=reason or placed))
            continue
        if reason is not None:
            apart.append(ApartV2(figure=figure, reason=reason))
            continue
        if vocab.is_stock(figure.kind):
            placed = Span(start=placed.end, end=placed.end, stock=True)
        label = _period_label(placed, wanted, by)
        if label is None:
            apart.append(ApartV2(figure=figure, reason=ApartReasonV2.SPANS_PERIODS))
            continue
        group = tuple((d, figure.area) for d in by if d == "area")
        if placed.stock and "area" not in by:  # stocks are never added across areas (1.0 rule 4)
            group = (("area", figure.area),)
        key = _key(figure, scope, label, group)
        if placed.stock:
            stocks[(key, figure.area)].append((placed.end, figure))
        else:
            flows[key].append(figure)
    return flows, stocks


def aggregate_v2(
    dataset: Dataset,
    *,
    period: Interval | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    codelists: Mapping[str, Codelist] | None = None,
) -> AggregateV2:
    """Add the figures of a 2.0 ``dataset`` that share a :class:`FigureKey`.

    ``period`` (a year or an :class:`~antt_domain.model.Interval`) keeps the flows lying
    inside it and the stocks dated in it; ``area`` (an area's id or code) keeps the figures of
    that area and of the areas within it; ``by`` adds ``area``, ``year``, ``quarter`` or
    ``month`` to the key. Without a period, flows of different years are never added (each
    year, or each span reaching over several years, is its own cell). Every figure not added
    is in ``apart`` with its reason; ``version_of`` figures ride with their main observation.
    ``codelists`` are the 2.0 codelists that say a unit's dimension and a kind's class
    (``None``: the bundled ones; a plugin manager's ``codelists_v2()`` for the plugins'
    codes), with the dataset's vocabulary on top.
    """
    wanted = requested(period)
    by = tuple(by)
    unknown = [d for d in by if d not in (*DIMENSIONS_V2, *_ALWAYS)]
    if unknown:
        raise AggregationError("by", unknown, f"known for 2.0: {', '.join(DIMENSIONS_V2)}")
    scope = _Scope(dataset, area)
    lists = bundled_codelists("2") if codelists is None else codelists
    vocab = Codelists(lists=lists, vocabulary=dataset.vocabulary)
    figures = {f.id: f for f in dataset.of_type(Figure) if scope.within(f.area)}
    mains, versions, apart = _split_versions(figures)
    flows, stocks = _place_all(mains, scope=scope, vocab=vocab, wanted=wanted, by=by, apart=apart)
    for (key, _), dated in stocks.items():
        latest = max(day for day, _ in dated)
        for day, figure in dated:
            if day == latest:
                flows[key].append(figure)
            else:
                apart.append(ApartV2(figure=figure, reason=ApartReasonV2.EARLIER_STOCK, key=key))
    apart_ids = {item.figure.id for item in apart}
    for root, listed in versions.items():
        if root in apart_ids:  # the main observation is apart: so are its versions
            apart.extend(ApartV2(figure=f, reason=ApartReasonV2.VERSION) for f in listed)
    cells = tuple(
        CellV2(
            key=key,
            total=total_of(f.quantity for f in members if f.quantity is not None),
            contributions=tuple(
                Contribution(figure=f, versions=tuple(versions.get(f.id, ()))) for f in members
            ),
        )
        for key, members in sorted(flows.items(), key=lambda item: item[0].sort_key())
    )
    return AggregateV2(
        cells=cells,
        apart=tuple(apart),
        events=_in_scope(dataset.of_type(Event), scope, wanted),
        awards=_in_scope(dataset.of_type(Award), scope, wanted),
        assessments=_in_scope(dataset.of_type(Assessment), scope, wanted),
        period=wanted,
        area_ids=tuple(sorted(scope.roots)),
        by=by,
    )


def _in_scope(records: Sequence[_R], scope: _Scope, wanted: Interval | None) -> tuple[_R, ...]:
    """The events, awards or assessments in the requested area (when they name one) and
    period (when they have one and it is not outside)."""
    kept: list[_R] = []
    for record in records:
        area_id = getattr(record, "area", None)
        if scope.roots and area_id is not None and not scope.within(area_id):
            continue
        period = getattr(record, "period", None)
        if period is not None and place_v2(period, wanted) is None:
            continue
        kept.append(record)
    return tuple(kept)
