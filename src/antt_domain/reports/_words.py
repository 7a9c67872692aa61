"""Words and numbers of the reports, in Vietnamese and English, from codelists and antt_domain.vi.

Every number goes through :mod:`antt_domain.vi` (``1.838``, ``72,6%`` in Vietnamese); every
kind, unit and level is a codelist label; names are the dataset's own.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from antt_domain.aggregate import AggregationError, Measure, Value
from antt_domain.model import (
    Agreement,
    AsOf,
    Dataset,
    Interval,
    ModelType,
    Period,
    Precision,
    Quantity,
    Record,
    Recurring,
    Unstated,
)
from antt_domain.schemas import codelist
from antt_domain.vi import (
    format_long_date,
    format_money,
    format_number,
    format_percent,
    month_name,
    quarter_name,
)

__all__ = ["Lang", "Names", "Words", "check_lang"]

Lang = Literal["vi", "en"]

# English plurals of the bundled units (Vietnamese has none); other units keep their label.
_EN_PLURALS = {
    "session": "sessions",
    "broadcast": "broadcasts",
    "participant_time": "participant-times",
    "person": "persons",
    "household": "households",
    "model_type": "model types",
    "model_instance": "models",
    "case": "cases",
    "tip": "tips",
    "unit": "units",
    "residential_area": "residential areas",
    "commune": "commune-level units",
    "agency": "agencies",
    "enterprise": "enterprises",
    "school": "schools",
    "document": "documents",
    "item": "items",
    "group": "groups",
}
_QUALIFIERS: dict[str, dict[Precision, str]] = {
    "vi": {
        Precision.AT_LEAST: "ít nhất",
        Precision.MORE_THAN: "hơn",
        Precision.ABOUT: "khoảng",
        Precision.NEARLY: "gần",
        Precision.AT_MOST: "tối đa",
        Precision.LESS_THAN: "dưới",
    },
    "en": {
        Precision.AT_LEAST: "at least",
        Precision.MORE_THAN: "more than",
        Precision.ABOUT: "about",
        Precision.NEARLY: "nearly",
        Precision.AT_MOST: "at most",
        Precision.LESS_THAN: "less than",
    },
}
_KIND_LISTS = {"activity": "activity_kinds", "outcome": "outcome_kinds"}


def check_lang(lang: str) -> Lang:
    """``lang`` if it is ``"vi"`` or ``"en"``; otherwise :class:`AggregationError`."""
    if lang == "vi":
        return "vi"
    if lang == "en":
        return "en"
    raise AggregationError(
        "lang", lang, "reports are written in 'vi' or 'en'", candidates=("vi", "en")
    )


def _exact(number: int | float) -> Value:
    if isinstance(number, int):
        return number
    value = Decimal(repr(number))
    return int(value) if value == value.to_integral_value() else value.normalize()


class Words:
    """Labels, numbers, dates and lists in one language."""

    __slots__ = ("lang",)

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang

    def vi(self) -> bool:
        """Whether the language is Vietnamese."""
        return self.lang == "vi"

    def pick(self, vi: str, en: str) -> str:
        """``vi`` or ``en``, by the language."""
        return vi if self.lang == "vi" else en

    def kind(self, record_type: str, kind: str, measure: Measure = Measure.QUANTITY) -> str:
        """The label of an activity or outcome kind (marked when it counts participants)."""
        label = codelist(_KIND_LISTS[record_type]).label(kind, self.lang)
        if measure is Measure.PARTICIPANTS:
            label += self.pick(" (người tham dự)", " (participants)")
        return label

    def code(self, listname: str, code: str) -> str:
        """The label of ``code`` in the codelist ``listname``."""
        return codelist(listname).label(code, self.lang)

    def level(self, level: str | None) -> str:
        """The label of an area level, lower-case (``"cấp xã"``), or "level unknown"."""
        if level is None:
            return self.pick("không rõ cấp", "level unknown")
        return self.code("area_levels", level).lower()

    def number(self, value: Value) -> str:
        """A number in the language's format (``1.838`` / ``1,838``)."""
        return format_number(value, lang=self.lang)

    def count(self, value: int, vi: str, en_one: str, en_many: str) -> str:
        """``"3 mô hình"`` / ``"3 models"``: a count with its noun."""
        noun = vi if self.vi() else (en_one if value == 1 else en_many)
        return f"{self.number(value)} {noun}"

    def unit(self, unit: str, *, plural: bool) -> str:
        """The unit's label (English plural when ``plural``)."""
        if not self.vi() and plural and unit in _EN_PLURALS:
            return _EN_PLURALS[unit]
        return codelist("units").label(unit, self.lang)

    def _figure(self, value: Value, unit: str) -> str:
        if unit == "percent":
            return format_percent(value, lang=self.lang)
        if unit == "vnd":
            return format_money(value, lang=self.lang)
        return self.number(value)

    def amount(
        self,
        value: Value,
        unit: str,
        *,
        precision: Precision = Precision.EXACT,
        upper: Value | None = None,
        denominator: Value | None = None,
        with_unit: bool = True,
    ) -> str:
        """A figure with its qualifier and unit: ``"hơn 15 người"``, ``"từ 10 đến 20 buổi"``."""
        if precision is Precision.RANGE and upper is not None:
            low, high = self._figure(value, unit), self._figure(upper, unit)
            core = self.pick(f"từ {low} đến {high}", f"{low} to {high}")
        else:
            core = self._figure(value, unit)
            if denominator is not None:
                core += f"/{self.number(denominator)}"
            qualifier = _QUALIFIERS[self.lang].get(precision)
            if qualifier:
                core = f"{qualifier} {core}"
        if not with_unit or unit in ("percent", "vnd"):
            return core
        return f"{core} {self.unit(unit, plural=value != 1 or upper is not None)}"

    def quantity(self, quantity: Quantity, *, with_unit: bool = True) -> str:
        """A reported quantity, written out (a percentage names its base unit)."""
        text = self.amount(
            _exact(quantity.value),
            quantity.unit,
            precision=quantity.precision,
            upper=None if quantity.upper is None else _exact(quantity.upper),
            denominator=None if quantity.denominator is None else _exact(quantity.denominator),
            with_unit=with_unit,
        )
        if quantity.base_unit is not None and with_unit:
            text += self.pick(" ", " of ") + self.unit(quantity.base_unit, plural=True)
        return text

    def date(self, day: date) -> str:
        """``"ngày 05 tháng 3 năm 2021"`` / ``"5 March 2021"``."""
        if self.vi():
            return format_long_date(day)
        return f"{day.day} {month_name(day.month, lang='en')} {day.year}"

    def interval(self, period: Interval) -> str:
        """A calendar year, quarter or month by name; any other interval by its dates."""
        start, end = period.start, period.end
        year = start.year
        if (start, end) == (date(year, 1, 1), date(year, 12, 31)):
            return self.pick(f"năm {year}", f"the year {year}")
        quarter = (start.month + 2) // 3
        same = Interval.quarter(year, quarter)
        if (start, end) == (same.start, same.end):
            return f"{quarter_name(quarter, lang=self.lang)} {self.pick('năm ', '')}{year}"
        month = Interval.month(year, start.month)
        if (start, end) == (month.start, month.end):
            return f"{month_name(start.month, lang=self.lang)} {self.pick('năm ', '')}{year}"
        return self.pick(
            f"từ {self.date(start)} đến {self.date(end)}",
            f"from {self.date(start)} to {self.date(end)}",
        )

    def period(self, period: Period) -> str:
        """How a figure's period reads: its dates, or the source's words, or "not stated"."""
        if isinstance(period, Interval):
            return self.interval(period)
        if isinstance(period, AsOf):
            if period.date is not None:
                return self.pick("tính đến ", "as of ") + self.date(period.date)
            return self.pick(f"“{period.as_written}”", f"as of “{period.as_written}”")
        if isinstance(period, Recurring):
            label = self.code("frequencies", period.frequency.value).lower()
            return f"{label} (“{period.as_written}”)" if period.as_written else label
        if period.as_written:
            return f"“{period.as_written}”"
        return self.pick("không nêu thời gian", "period not stated")

    def period_heading(self, period: Period) -> str:
        """``"Thời gian “những năm qua”"``, ``"Không nêu thời gian"``: heads a list of figures."""
        if isinstance(period, Unstated):
            if period.as_written is None:
                return self.pick("Không nêu thời gian", "Period not stated")
            return self.pick("Thời gian ", "Stated as ") + f"“{period.as_written}”"
        return self.pick("Thời gian: ", "Period: ") + self.period(period)

    def join(self, items: list[str]) -> str:
        """``"A, B và C"`` / ``"A, B and C"``."""
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.pick('và', 'and')} {items[-1]}"


class Names:
    """Names of a dataset's records, as written (an unknown id is shown as the id)."""

    __slots__ = ("_index",)

    def __init__(self, dataset: Dataset) -> None:
        self._index: dict[str, Record] = dataset.index()

    def get(self, record_id: str | None) -> Record | None:
        """The record ``record_id``, or ``None``."""
        return None if record_id is None else self._index.get(record_id)

    def of(self, record_id: str | None) -> str:
        """The name of an area, organisation or model type; otherwise the id itself."""
        record = self.get(record_id)
        name = getattr(record, "name", None)
        if isinstance(name, str):
            return name
        return record_id or "?"

    def agreement(self, record_id: str, words: Words) -> str:
        """``"Nghị quyết liên tịch 01/NQLT-..."``; "(number not given)" when unknown."""
        record = self.get(record_id)
        if not isinstance(record, Agreement):
            return record_id
        label = words.code("agreement_kinds", record.kind.value)
        number = record.symbol or words.pick("(chưa rõ số, ký hiệu)", "(number not given)")
        return f"{label} {number}"

    def model_type(self, record_id: str, words: Words) -> str:
        """A model type's name; in English followed by its category's label."""
        record = self.get(record_id)
        if not isinstance(record, ModelType):
            return record_id
        name = f"“{record.name}”"
        if record.category and not words.vi():
            name += f" ({words.code('model_types', record.category)})"
        return name

    def organisations(self, ids: tuple[str, ...]) -> list[str]:
        """The names of ``ids`` (organisations), in order."""
        return [self.of(i) for i in ids]
