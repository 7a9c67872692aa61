"""Words of the 2.0 reports: labels from the 2.0 codelists or the dataset's own vocabulary,
amounts in the language's number format, periods as the source wrote them, record names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from antt_domain.aggregate import FigureKey, Total
from antt_domain.model import Codelist
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
from antt_domain.reports._words import Lang, Words, _exact, check_lang
from antt_domain.schemas import codelists

__all__ = [
    "Words2",
    "exact_count",
    "head_term",
    "period_in_words",
    "spaced",
    "unit_word",
    "vague_magnitude",
    "vague_thing",
    "vague_words",
]

_NAMED = ("name", "title", "name_as_written", "symbol", "title_as_written")
#: Units that the number itself says: "72,6%", "1.000.000 đồng".
_IN_NUMBER = frozenset({"percent", "vnd"})
#: Units that only list classifiers: a vague amount of them says no word of its own.
_GENERIC = frozenset({"item", "unstated"})
_GLOSS = re.compile(r"\s*\([^()]*\)\s*$")


def exact_count(amount: Total | Quantity) -> object:
    """The number an English unit agrees with: the value of an exact amount, else ``None``
    (plural: "from 1 to 3 sessions", "over 1 sessions" reads wrong, "over one" never occurs)."""
    if amount.upper is not None or amount.precision.value != "exact":
        return None
    return amount.value


def spaced(word: str) -> str:
    """``" word"``, or nothing for no word (a unit the number already says)."""
    return f" {word}" if word else ""


def head_term(label: str) -> str:
    """The first term of a label that lists synonyms, without a trailing gloss:
    ``"người"`` of ``"người, cá nhân, đối tượng, thành viên"``, ``"vụ"`` of ``"vụ (phạm tội)"``,
    ``"unit"`` of ``"unit (area, agency, enterprise, school)"``. A label that is only a gloss
    (``"(không ghi đơn vị)"``) stays whole."""
    bare = _GLOSS.sub("", label).strip() or label
    return bare.split(",", 1)[0].strip().rstrip("…").strip() or bare


def unit_word(
    vocab: Codelists,
    unit: str,
    classifier: str | None = None,
    *,
    lang: str = "vi",
    value: object = None,
) -> str:
    """The one word said after a number ``value`` (issue #19), never a list of synonyms;
    ``vocab`` labels the codes (a dataset's :class:`~antt_domain.model.v2.Codelists`).

    In Vietnamese: the classifier the source counted with ("khẩu"), else the head term of
    the unit's label ("người" of "người, cá nhân, đối tượng, thành viên"). In English: the
    head term of the unit's label, in the plural (the list's ``en_plural``) unless ``value``
    is one (``None``, several: the plural, as on a chart's axis). Empty for a percentage or
    an amount of money, whose number already says it ("72,6%", "1.000.000 đồng").
    """
    if unit in _IN_NUMBER:
        return ""
    if classifier is not None and lang == "vi":
        return head_term(vocab.label(classifier, lang, codelist="classifiers"))
    if lang == "en" and value != 1 and vocab.origin(unit, codelist="units") != "dataset":
        units = vocab.lists.get("units")
        entry = units.get(unit) if units is not None else None
        plural = entry.extra.get("en_plural") if entry is not None else None
        if isinstance(plural, str) and plural:
            return plural
    return head_term(vocab.label(unit, lang, codelist="units"))


def vague_magnitude(vocab: Codelists, quantity: Quantity, *, lang: str = "vi") -> str:
    """A vague amount's magnitude in one lower-case word ("nhiều", "hàng nghìn", "many")."""
    magnitude = quantity.magnitude.value if quantity.magnitude is not None else "some"
    return head_term(vocab.label(magnitude, lang, codelist="vague_magnitudes")).lower()


def vague_thing(vocab: Codelists, quantity: Quantity, *, lang: str = "vi") -> str:
    """The word a vague amount counts, when the source said no words: the classifier it
    counted with, else the head term of its counted thing, else its unit's word; never a
    generic unit that only lists classifiers (``item``: "cái, chiếc, khẩu …") nor a unit
    the number would say (``%``, ``đồng``), which give no word."""
    if quantity.classifier is not None:
        return unit_word(vocab, quantity.unit, quantity.classifier, lang=lang)
    if quantity.counted:
        return head_term(vocab.label(quantity.counted[0], lang, codelist="counted_things"))
    if quantity.unit in _GENERIC or quantity.unit in _IN_NUMBER:
        return ""
    return unit_word(vocab, quantity.unit, lang=lang)


def amount_words(as_written: str | None, counted: str | None) -> str:
    """An amount as the source wrote it and what it counted, each word said once: "271.151
    nguồn tin" and "nguồn tin liên quan đến …" read "271.151 nguồn tin liên quan đến …";
    "hơn 250" and "cán bộ, người dân" read "hơn 250 cán bộ, người dân"."""
    text = as_written or ""
    if not counted or counted in text:
        return text
    said, more = text.split(), counted.split()
    for size in range(min(len(said), len(more)), 0, -1):
        if [w.casefold() for w in said[-size:]] == [w.casefold() for w in more[:size]]:
            return " ".join([*said, *more[size:]])
    return f"{text} {counted}".strip()


def vague_words(vocab: Codelists, quantity: Quantity, *, lang: str = "vi") -> str:
    """A vague amount in words (issue #19): the source's words (“nhiều bằng khen, giấy
    khen”), else its magnitude with the word of the thing counted ("nhiều hộ"), never a
    generic classifier the source did not use ("nhiều cái")."""
    if quantity.as_written:
        return f"“{quantity.as_written}”"
    thing = vague_thing(vocab, quantity, lang=lang)
    return vague_magnitude(vocab, quantity, lang=lang) + spaced(thing)


class Words2:
    """How a 2.0 report says codes, amounts, periods and records, in ``lang``: codes are
    labelled by the dataset's vocabulary, then ``lists`` (``None``: the bundled 2.0 codelists;
    a plugin manager's ``codelists_v2()`` for the plugins' codes too)."""

    def __init__(
        self, dataset: Dataset, lang: Lang, lists: Mapping[str, Codelist] | None = None
    ) -> None:
        self.words = Words(lang)
        bundled = codelists("2") if lists is None else lists
        self.vocab = Codelists(lists=bundled, vocabulary=dataset.vocabulary)
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

    def unit(self, unit: str, classifier: str | None = None, *, value: object = None) -> str:
        """The one word said after a number ``value``: :func:`unit_word` in this report's
        language and codelists."""
        return unit_word(self.vocab, unit, classifier, lang=self.lang, value=value)

    def unit_of(self, quantity: Quantity) -> str:
        """The word said after :meth:`quantity`: :meth:`unit`, or for a vague amount the
        word of :func:`vague_words` (nothing when the source's words say it all)."""
        if quantity.is_vague:
            return "" if quantity.as_written else vague_thing(self.vocab, quantity, lang=self.lang)
        return self.unit(quantity.unit, quantity.classifier, value=exact_count(quantity))

    def amount(self, quantity: Quantity) -> str:
        """A quantity with its one word ("165 buổi", "17 sessions"), then the source's words
        (“165 buổi tuyên truyền”); a vague amount is only the source's words, else
        :func:`vague_words`."""
        text = self.quantity(quantity) + spaced(self.unit_of(quantity))
        if quantity.as_written and not quantity.is_vague:
            text += f" (“{quantity.as_written}”)"
        return text

    def total(self, total: Total, unit: str) -> str:
        """A total in the language's number format with its precision ("hơn 300")."""
        return self.words.amount(
            total.value, unit, precision=total.precision, upper=total.upper, with_unit=False
        )

    def quantity(self, quantity: Quantity) -> str:
        """A quantity's value ("1.838", "hơn 300", "3/52"); a vague one by the source's words
        (“nhiều bằng khen, giấy khen”), else by its magnitude ("nhiều"): see
        :func:`vague_words`."""
        if quantity.is_vague:
            if quantity.as_written:
                return f"“{quantity.as_written}”"
            return vague_magnitude(self.vocab, quantity, lang=self.lang)
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
        return period_in_words(key.period, lang=self.lang)

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
                f"{words.number(_exact(length.value))} "
                + self.unit(length.unit.value, value=length.value)
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


def period_in_words(period: str, *, lang: str = "vi") -> str:
    """The period of an aggregate cell's key (``FigureKey.period``) in words, as the
    report's tables say it: ``"2021"`` is "năm 2021" / "the year 2021";
    ``"2021-01-01..2021-03-31"`` is "quý I năm 2021"; any other span is "từ ngày … đến
    ngày …"; ``"stock"`` is the latest value of a stock. ``lang`` is ``"vi"`` or ``"en"``."""
    words = Words(check_lang(lang))
    if period == "stock":
        return words.pick("số hiện có (mới nhất)", "stock (latest value)")
    if ".." in period:
        start, _, end = period.partition("..")
        return words.interval(Interval1(start=_day(start), end=_day(end)))
    return words.interval(Interval1.year(int(period)))


def _day(text: str) -> date:
    return date.fromisoformat(text)
