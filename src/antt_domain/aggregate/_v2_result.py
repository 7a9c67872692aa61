"""What :func:`aggregate_v2` returns: cells of like figures, figures kept apart, and the
events, awards and assessments in scope (their own tables, never mixed with figures)."""

from __future__ import annotations

import enum
from typing import final

import attrs

from antt_domain.aggregate._algebra import Total
from antt_domain.aggregate._v2_key import FigureKey
from antt_domain.model import Interval
from antt_domain.model.v2 import Assessment, Award, Event, Figure

__all__ = ["AggregateV2", "ApartReasonV2", "ApartV2", "CellV2", "Contribution"]


class ApartReasonV2(enum.Enum):
    """Why a 2.0 figure is listed apart instead of being added into a cell."""

    NOT_COUNTED = "not_counted"  # done, no quantity
    VAGUE = "vague"  # "nhiều", "hàng nghìn": never counted as zero
    UNSTATED_UNIT = "unstated_unit"  # no unit printed, or a unit nobody declares
    RATIO = "ratio"  # a percentage or a ratio: never summed
    PART_OF = "part_of"  # "trong đó": never added to its whole
    SHARE = "share"  # share_of / share_for
    VERSION = "version"  # another observation of a fact whose main one is not in scope
    OTHER_CODE = "other_code"  # an ``other`` code: never pooled
    UNSTATED_PERIOD = "unstated_period"
    UNDATED_STOCK = "undated_stock"
    OPEN_PERIOD = "open_period"  # "đến nay" with no full source date to end it
    SPANS_PERIODS = "spans_periods"
    EARLIER_STOCK = "earlier_stock"  # a stock superseded by a later value for its area


@final
@attrs.frozen(kw_only=True)
class Contribution:
    """One figure added into a cell, with the source's words and its other versions."""

    figure: Figure
    versions: tuple[Figure, ...] = ()

    @property
    def record_id(self) -> str:
        """The figure's id."""
        return self.figure.id

    @property
    def as_written(self) -> str | None:
        """The figure as printed (``"04 khẩu súng"``)."""
        return None if self.figure.quantity is None else self.figure.quantity.as_written

    @property
    def counted_as_written(self) -> str | None:
        """The source's words for what was counted."""
        return self.figure.counted_as_written

    @property
    def period_as_written(self) -> str | None:
        """The source's words for the period ("những năm qua", "từ đầu năm 2023 đến nay")."""
        return self.figure.period.as_written


@final
@attrs.frozen(kw_only=True)
class CellV2:
    """The total of the figures that share ``key``; every one of them is in ``contributions``."""

    key: FigureKey
    total: Total
    contributions: tuple[Contribution, ...]

    @property
    def record_ids(self) -> tuple[str, ...]:
        """The counted figures' ids, then the ids of their versions (provenance)."""
        main = tuple(c.record_id for c in self.contributions)
        return main + tuple(v.id for c in self.contributions for v in c.versions)


@final
@attrs.frozen(kw_only=True)
class ApartV2:
    """A figure that is not added into any cell, and why."""

    figure: Figure
    reason: ApartReasonV2
    key: FigureKey | None = None


@final
@attrs.frozen(kw_only=True)
class AggregateV2:
    """Cells (sorted by key), apart figures, and the events, awards and assessments in scope."""

    cells: tuple[CellV2, ...]
    apart: tuple[ApartV2, ...]
    events: tuple[Event, ...] = ()
    awards: tuple[Award, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    period: Interval | None = None
    area_ids: tuple[str, ...] = ()
    by: tuple[str, ...] = ()
