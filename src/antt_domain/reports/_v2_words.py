"""Words of the 2.0 reports: labels from the 2.0 codelists or the dataset's own vocabulary,
amounts in the language's number format, periods as the source wrote them, record names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from antt_domain.aggregate import FigureKey, Total
from antt_domain.model import Interval as Interval1
from antt_domain.model import Precision as Precision1
from antt_domain.model.v2 import (
    Actor,
    AsOf,
    Codelists,
    Composite,
    Dataset,
    Duration,
    Figure,
    Interval,
    Open,
    Period,
    Precision,
    Quantity,
    Recurring,
)
from antt_domain.reports._words import Lang, Words, _exact
from antt_domain.schemas import codelists

__all__ = ["Words2"]

_NAMED = ("name", "title", "name_as_written", "symbol", "title_as_written")


class Words2:
    """How a 2.0 report says codes, amounts, periods and records, in ``lang``."""

    def __init__(self, dataset: Dataset, lang: Lang) -> None:
        self.words = Words(lang)
        self.vocab = Codelists(lists=codelists("2"), vocabulary=dataset.vocabulary)
        self.index = dataset.index()
        self.lang = lang

    def pick(self, vi: str, en: str) -> str:
        return self.words.pick(vi, en)

    def label(self, listname: str, code: str) -> str:
        """A code's label: declared by the dataset, else bundled, else the code itself."""
        return self.vocab.label(code, self.lang, codelist=listname)

    def labels(self, listname: str, codes: tuple[str, ...]) -> str:
        return "; ".join(self.label(listname, c) for c in codes)

    def name(self, record_id: str | None) -> str:
        """A record's name as the dataset gives it (its id when it has none)."""
        if record_id is None:
            return ""
        record = self.index.get(record_id)
        for attribute in _NAMED:
            value = getattr(record, attribute, None)
            if isinstance(value, str) and value:
                return value
        return record_id

    def figure(self, record_id: str) -> str:
        """Another figure named by the source's words ("“13 nguồn tin”"), else by its kind."""
        record = self.index.get(record_id)
        if not isinstance(record, Figure):
            return self.name(record_id)
        if record.quantity is not None and record.quantity.as_written:
            return f"“{record.quantity.as_written}”"
        return self.label("figure_kinds", record.kind)

    def unit(self, unit: str, classifier: str | None = None) -> str:
        """``"cái, chiếc, khẩu, … (khẩu)"``: the unit's label, and the classifier's if any."""
        text = self.label("units", unit)
        if classifier is not None:
            text += f" ({self.label('classifiers', classifier)})"
        return text

    def total(self, total: Total, unit: str) -> str:
        """A total in the language's number format with its precision ("hơn 300")."""
        return self.words.amount(
            total.value, unit, precision=total.precision, upper=total.upper, with_unit=False
        )

    def quantity(self, quantity: Quantity) -> str:
        """A quantity's value ("1.838", "hơn 300", "3/52"); a vague one by its magnitude."""
        if quantity.magnitude is not None:
            return self.label("vague_magnitudes", quantity.magnitude.value)
        assert quantity.value is not None  # noqa: S101 - only a vague amount has no value
        precision = (
            Precision1.EXACT
            if quantity.precision is Precision.VAGUE
            else Precision1(quantity.precision.value)
        )
        return self.words.amount(
            _exact(quantity.value),
            quantity.unit,
            precision=precision,
            upper=None if quantity.upper is None else _exact(quantity.upper),
            denominator=None if quantity.denominator is None else _exact(quantity.denominator),
            with_unit=False,
        )

    def key_period(self, key: FigureKey) -> str:
        """The period part of a cell's key in words."""
        if key.period == "stock":
            return self.pick("số hiện có (mới nhất)", "stock (latest value)")
        if ".." in key.period:
            start, _, end = key.period.partition("..")
            return self.words.interval(Interval1(start=_day(start), end=_day(end)))
        return self.words.interval(Interval1.year(int(key.period)))

    def period(self, period: Period) -> str:
        """A period as the source wrote it, with our reading beside it when it differs."""
        ours = self._normalised(period)
        written = period.as_written
        if written and ours and written != ours:
            return f"“{written}” ({ours})"
        return f"“{written}”" if written else ours

    def _normalised(self, period: Period) -> str:
        words = self.words
        text = self.pick("không rõ thời gian", "period not stated")
        if isinstance(period, Interval):
            text = (
                words.date(period.start)
                if period.start == period.end
                else words.interval(Interval1(start=period.start, end=period.end))
            )
        elif isinstance(period, AsOf):
            text = self.pick("tính đến ", "as of ") + words.date(period.date) if period.date else ""
        elif isinstance(period, Open):
            start = words.date(period.start)
            text = self.pick(f"từ {start} đến nay", f"since {start}")
        elif isinstance(period, Duration):
            length = period.length
            text = length.as_written or (
                f"{words.number(_exact(length.value))} {self.label('units', length.unit.value)}"
            )
        elif isinstance(period, Recurring):
            text = self.label("frequencies", period.frequency.value)
        elif isinstance(period, Composite):
            text = self.pick(" và ", " and ").join(self._normalised(p) for p in period.parts)
        return text

    def who(self, actor: Actor) -> str:
        """An actor by the source's words, else by the name of who it is."""
        who = actor.as_written or self.name(actor.organisation or actor.person or actor.area)
        if not who and actor.group:
            who = self.label("target_groups", actor.group)
        return who

    def actors(self, actors: tuple[Actor, ...]) -> str:
        """``"Công an tỉnh (cấp khen)"``: each actor by name or words, with its role."""
        return "; ".join(f"{self.who(a)} ({self.label('roles', a.role)})" for a in actors)

    def organisers(self, figures: Iterable[Figure]) -> str:
        """Who organised ``figures`` (their ``organiser`` actors, each once, in order)."""
        names = (self.who(a) for f in figures for a in f.actors if a.role == "organiser")
        return "; ".join(dict.fromkeys(n for n in names if n))


def _day(text: str) -> date:
    from datetime import date  # noqa: PLC0415 - only for the rare multi-year key

    return date.fromisoformat(text)
