"""The adding rule of Schema 2.0 in one place: the key two figures must share to be added.

Two 2.0 figures are added only when every part of :class:`FigureKey` is equal: the kind, the
unit, the classifier, the counted things, the qualifiers, the lifecycle stages, the
movements, the subject (model ids and their levels, groups addressed, topics), the level of
the area, the period bucket and the requested grouping. Codes are compared as written, so an
extension code (``daknong:coffee_watch``) never meets a built-in one or ``other``.
"""

from __future__ import annotations

from typing import final

import attrs

__all__ = ["KEY_FIELDS", "FigureKey", "differing"]


@final
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
