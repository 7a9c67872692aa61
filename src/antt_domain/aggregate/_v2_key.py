"""The adding rule of Schema 2.0 in one place: the key two figures must share to be added.

Two 2.0 figures are added only when every part of :class:`FigureKey` is equal: the kind, the
unit, the classifier, the counted things, the qualifiers, the lifecycle stages, the
movements, the subject (model ids and their levels, groups addressed, topics), the level of
the area, the period bucket and the requested grouping. Codes are compared as written, so an
extension code (``daknong:coffee_watch``) never meets a built-in one or ``other``.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from antt_domain.model import Code
from antt_domain.model.v2 import Dataset, FigureClass, UnitDimension
from antt_domain.schemas import codelists

__all__ = ["KEY_FIELDS", "FigureKey", "Vocabulary2", "differing"]


@attrs.frozen(kw_only=True)
class FigureKey:
    """What a 2.0 figure counts, and when and where: figures are added only under one key.

    Lists are sorted (their order in the source carries no meaning); ``None`` means absent.
    ``period`` is the bucket the figure falls in (``"2021"``, ``"2019-01-01..2023-12-31"``,
    or ``"stock"`` for stocks, whose latest value per area is taken); ``group`` holds the
    values of the requested ``by`` dimensions.
    """

    kind: str
    unit: str
    classifier: str | None = None
    counted: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    lifecycle: tuple[str, ...] = ()
    movements: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    model_levels: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    links: tuple[tuple[str, tuple[str, ...]], ...] = ()
    area_level: str | None = None
    period: str = ""
    group: tuple[tuple[str, str | None], ...] = ()

    def sort_key(self) -> tuple[str, ...]:
        """A total order for reports: kind, unit, ... with absent parts first."""
        return tuple(
            repr(getattr(self, name)) if getattr(self, name) is not None else ""
            for name in KEY_FIELDS
        )


#: The parts of the key, in the order reports name them when two rows differ.
KEY_FIELDS: tuple[str, ...] = tuple(a.name for a in attrs.fields(FigureKey))


def differing(one: FigureKey, other: FigureKey) -> tuple[str, ...]:
    """The names of the key parts in which ``one`` and ``other`` differ."""
    return tuple(name for name in KEY_FIELDS if getattr(one, name) != getattr(other, name))


class Vocabulary2:
    """The 2.0 codelists and a dataset's own extension codes: labels, unit dimensions, classes.

    A code is looked up in the bundled 2.0 codelists, then in the dataset's ``vocabulary``;
    an undeclared code is labelled by itself.
    """

    def __init__(self, dataset: Dataset) -> None:
        self._lists = codelists("2")
        declared: dict[tuple[str, str], Code] = {}
        extra: dict[tuple[str, str], Mapping[str, object]] = {}
        if dataset.vocabulary is not None:
            for entry in dataset.vocabulary.codes:
                declared[(entry.codelist, entry.code)] = Code(
                    code="x", vi=entry.vi, en=entry.en or entry.vi
                )
                extra[(entry.codelist, entry.code)] = {
                    "dimension": None if entry.dimension is None else entry.dimension.value,
                    "class": None if entry.figure_class is None else entry.figure_class.value,
                }
        self._declared = declared
        self._extra = extra

    def _entry(self, listname: str, code: str) -> tuple[Code | None, Mapping[str, object]]:
        found = self._lists[listname].get(code) if listname in self._lists else None
        if found is not None:
            return found, found.extra
        return self._declared.get((listname, code)), self._extra.get((listname, code), {})

    def label(self, listname: str, code: str, lang: str) -> str:
        """The label of ``code`` in ``lang``; the code itself when nobody declares it."""
        found, _ = self._entry(listname, code)
        return code if found is None else found.label(lang)

    def dimension(self, unit: str) -> UnitDimension:
        """The unit's dimension; ``unknown`` for ``unstated`` and for an undeclared unit."""
        _, extra = self._entry("units", unit)
        value = extra.get("dimension")
        return UnitDimension(value) if isinstance(value, str) else UnitDimension.UNKNOWN

    def figure_class(self, kind: str) -> FigureClass | None:
        """The class of a figure kind (activity, outcome, capacity, context), if known."""
        _, extra = self._entry("figure_kinds", kind)
        value = extra.get("class")
        return FigureClass(value) if isinstance(value, str) else None

    def is_stock(self, kind: str) -> bool:
        """Capacity and context figures are stocks: never summed over time."""
        return self.figure_class(kind) in (FigureClass.CAPACITY, FigureClass.CONTEXT)
