"""What every renderer shares: the aggregate, the words and names, and common phrases."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from antt_domain.aggregate import Aggregate, ApartFigure, Cell, GroupKey, aggregate
from antt_domain.model import Activity, Dataset, Interval, ModelInstance, Outcome
from antt_domain.reports._words import Names, Words, check_lang

__all__ = ["Context", "build"]


@attrs.frozen(kw_only=True)
class Context:
    """A dataset, its aggregate for one request, and how to write about it."""

    dataset: Dataset
    result: Aggregate
    words: Words
    names: Names

    def when(self) -> str:
        """``"năm 2021"`` / ``"the year 2021"``; with no period, "all periods"."""
        if self.result.period is None:
            return self.words.pick("mọi kỳ", "all periods")
        return self.words.interval(self.result.period)

    def during(self) -> str:
        """``"trong năm 2021"`` / ``"in the year 2021"``; with no period, "with stated dates"."""
        if self.result.period is None:
            return self.words.pick("có thời gian xác định", "with stated dates")
        return self.words.pick("trong ", "in ") + self.words.interval(self.result.period)

    def scope_area(self) -> str:
        """The names of the requested areas, else of the dataset's area."""
        ids = self.result.area_ids or ((self.dataset.area,) if self.dataset.area else ())
        if not ids:
            return self.words.pick("toàn bộ địa bàn trong dữ liệu", "every area in the data")
        return self.words.join([self.names.of(i) for i in ids])

    def group_label(self, key: GroupKey) -> str:
        """A group's values by name: ``"Huyện Cẩm Thuỷ, năm 2021"``."""
        return ", ".join(self._value(dimension, value) for dimension, value in key)

    def _value(self, dimension: str, value: str | None) -> str:
        words = self.words
        if value is None:
            return words.pick("(không rõ)", "(not given)")
        if dimension == "year":
            return words.interval(Interval.year(int(value)))
        if dimension == "quarter":
            year, quarter = value.split("-Q")
            return words.interval(Interval.quarter(int(year), int(quarter)))
        if dimension == "month":
            year, month = value.split("-")
            return words.interval(Interval.month(int(year), int(month)))
        if dimension == "agreement":
            return self.names.agreement(value, words)
        return self.names.of(value)

    def cell_text(self, cell: Cell, *, level: bool = False) -> str:
        """``"Tuyên truyền lưu động: 1.838 buổi"`` (with the level of its records if asked)."""
        text = (
            f"{self.words.kind(cell.record_type, cell.kind, cell.measure)}: "
            + self.words.amount(
                cell.value,
                cell.unit,
                precision=cell.precision,
                upper=cell.upper,
                denominator=cell.denominator,
            )
        )
        return f"{text} ({self.words.level(cell.recorded_at)})" if level else text

    def apart_text(self, item: ApartFigure) -> str:
        """``"Ký cam kết: 12.397 hộ gia đình"`` for a figure kept apart."""
        label = self.words.kind(item.record_type, item.kind, item.measure)
        if item.quantity is None:
            return label
        return f"{label}: {self.words.quantity(item.quantity)}"

    def organisers(self, record_id: str) -> str:
        """``"Công an huyện … phối hợp với Hội …"`` for a figure or model instance."""
        record = self.names.get(record_id)
        if not isinstance(record, (Activity, Outcome, ModelInstance)):
            return ""
        partners = self.words.join(self.names.organisations(record.partners))
        lead = self.names.of(record.organiser) if record.organiser else ""
        if lead and partners:
            return lead + self.words.pick(" phối hợp với ", " with ") + partners
        return lead or partners


def build(
    dataset: Dataset,
    *,
    lang: str,
    period: Interval | int | None,
    area: str | None,
    by: Sequence[str],
    organisation: str | None,
    agreement: str | None,
) -> Context:
    """Aggregate ``dataset`` for the request and prepare the words (checks ``lang`` first)."""
    words = Words(check_lang(lang))
    result = aggregate(
        dataset, period=period, area=area, by=by, organisation=organisation, agreement=agreement
    )
    return Context(dataset=dataset, result=result, words=words, names=Names(dataset))
