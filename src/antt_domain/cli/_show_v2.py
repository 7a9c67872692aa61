"""``antt show`` on a Schema 2.0 dataset: its records by type, every figure with its words.

Codes are labelled by :class:`~antt_domain.model.v2.Codelists`: the 2.0 codelists as plugins
extend them, or the dataset's ``vocabulary`` for its own
namespaced codes (an undeclared code is shown as itself). Every amount keeps the source's
words (``as_written``) beside the value; a vague amount ("hàng nghìn") is its words, never 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from antt_domain.cli._common import safe_text
from antt_domain.model import Codelist
from antt_domain.model import v2 as m
from antt_domain.reports import head_term, unit_word, vague_words
from antt_domain.schemas import codelists
from antt_domain.vi import format_number

__all__ = ["describe_period_v2", "describe_quantity_v2", "render_v2"]

_WORDS = {
    "en": {
        "records": "Records",
        "area": "Areas",
        "organisation": "Organisations",
        "person": "Persons",
        "document": "Documents",
        "model_type": "Model types",
        "model_instance": "Model instances",
        "event": "Events",
        "figure": "Figures",
        "award": "Awards",
        "assessment": "Assessments",
        "plan": "Plans",
        "source": "Sources",
        "number_unknown": "number not given",
        "no_count": "no count given",
        "as_of": "as of",
        "from": "from",
        "every": "every",
        "unstated": "period not stated",
        "inferred": "inferred",
        "in": "in",
        "participants": "participants",
        "recipients": "recipients",
        "total": "total",
        "target": "target",
        "phase": "phase",
        "period": "period",
        "vocabulary": "declared codes",
    },
    "vi": {
        "records": "Bản ghi",
        "area": "Địa bàn",
        "organisation": "Cơ quan, tổ chức",
        "person": "Cá nhân",
        "document": "Văn bản",
        "model_type": "Loại mô hình",
        "model_instance": "Mô hình",
        "event": "Sự kiện",
        "figure": "Số liệu",
        "award": "Khen thưởng",
        "assessment": "Đánh giá, công nhận",
        "plan": "Chỉ tiêu, kế hoạch",
        "source": "Nguồn",
        "number_unknown": "không rõ số, ký hiệu",
        "no_count": "không nêu số lượng",
        "as_of": "tính đến",
        "from": "từ",
        "every": "định kỳ",
        "unstated": "không nêu thời gian",
        "inferred": "suy ra",
        "in": "tại",
        "participants": "người tham gia",
        "recipients": "nhận",
        "total": "tổng",
        "target": "chỉ tiêu",
        "phase": "giai đoạn",
        "period": "thời gian",
        "vocabulary": "mã riêng của bộ dữ liệu",
    },
}


def _number(value: float, lang: str) -> str:
    exact = value if isinstance(value, int) else Decimal(repr(value))
    return format_number(exact, lang="vi" if lang == "vi" else "en")


def _said(as_written: str | None) -> str:
    return f" “{as_written}”" if as_written else ""


def describe_quantity_v2(quantity: m.Quantity, labels: m.Codelists, lang: str) -> str:
    """``1.838 buổi “1.838 buổi tuyên truyền”``: the value and the one word said after it
    (:func:`antt_domain.reports.unit_word`, as the reports say it: the classifier, else the
    head term of the unit's label), and the source's words; a vague amount is the source's
    words, else its magnitude and the word of the thing counted, never a number."""
    if quantity.is_vague:
        return vague_words(labels, quantity, lang=lang)
    exact = quantity.is_exact and quantity.upper is None
    value_for_word = quantity.value if exact else None
    word = unit_word(
        labels, quantity.unit, quantity.classifier, lang=lang, value=value_for_word
    ) or head_term(labels.label(quantity.unit, lang, codelist="units"))  # "%", "đồng"
    unit = f" {word}" if word else ""
    value = _number(quantity.value or 0, lang)
    text = f"{value}{unit}"
    if quantity.upper is not None:
        text = f"{value}-{_number(quantity.upper, lang)}{unit}"
    elif quantity.denominator is not None:
        text = f"{value}/{_number(quantity.denominator, lang)}{unit}"
    if not exact and quantity.upper is None:
        precision = labels.label(quantity.precision.value, lang, codelist="precisions")
        text = f"{head_term(precision).lower()} {text}"
    if quantity.classifier and lang != "vi":
        text += f" [{labels.label(quantity.classifier, lang, codelist='classifiers')}]"
    counted = (
        head_term(labels.label(c, lang, codelist="counted_things")) for c in quantity.counted
    )
    things = [t for t in dict.fromkeys(counted) if t != word]  # "22 tỉnh", not "22 tỉnh (tỉnh)"
    if things:
        text += f" ({', '.join(things)})"
    return text + _said(quantity.as_written)


def _length(length: m.Length, labels: m.Codelists, lang: str) -> str:
    word = unit_word(labels, length.unit.value, lang=lang, value=length.value)
    return f"{_number(length.value, lang)} {word}{_said(length.as_written)}"


def _period_body(period: m.Period, labels: m.Codelists, lang: str) -> str:  # noqa: PLR0911 - one return per period kind
    words = _WORDS[lang]
    if isinstance(period, m.Interval):
        return f"{period.start.isoformat()} - {period.end.isoformat()}"
    if isinstance(period, m.AsOf):
        when = period.date.isoformat() if period.date else ""
        return f"{words['as_of']} {when}".strip()
    if isinstance(period, m.Open):
        return f"{words['from']} {period.start.isoformat()}"
    if isinstance(period, m.Recurring):
        frequency = labels.label(period.frequency.value, lang, codelist="frequencies")
        return f"{words['every']}: {frequency}"
    if isinstance(period, m.Duration):
        return _length(period.length, labels, lang)
    if isinstance(period, m.Composite):
        return " + ".join(describe_period_v2(p, labels, lang) for p in period.parts)
    return words["unstated"]


def describe_period_v2(period: m.Period, labels: m.Codelists, lang: str) -> str:
    """A 2.0 period in words, with the source's words and whether it was inferred."""
    said = _said(period.as_written)
    if period.inferred:
        said += f" ({_WORDS[lang]['inferred']})"
    return _period_body(period, labels, lang) + said


class _Render:
    def __init__(self, dataset: m.Dataset, lang: str, lists: Mapping[str, Codelist]) -> None:
        self.lang = lang
        self.words = _WORDS[lang]
        self.labels = m.Codelists(lists=lists, vocabulary=dataset.vocabulary)
        self.index = dataset.index()

    def name(self, record_id: str | None) -> str:
        record = self.index.get(record_id) if record_id else None
        found = getattr(record, "name", None) or getattr(record, "title", None)
        return str(found or record_id or "?")

    def codes(self, codelist: str, codes: Iterable[str]) -> str:
        return ", ".join(self.labels.label(c, self.lang, codelist=codelist) for c in codes)

    def quantity(self, quantity: m.Quantity | None) -> str:
        if quantity is None:
            return self.words["no_count"]
        return describe_quantity_v2(quantity, self.labels, self.lang)

    def period(self, period: m.Period) -> str:
        return describe_period_v2(period, self.labels, self.lang)

    def actor(self, actor: m.Actor) -> str:
        who = actor.organisation or actor.person or actor.area
        if who is not None:
            named = self.name(who)
        elif actor.group is not None:
            named = self.labels.label(actor.group, self.lang, codelist="target_groups")
        else:
            named = actor.as_written or "?"
        position = f" ({actor.position_as_written})" if actor.position_as_written else ""
        return f"{self.labels.label(actor.role, self.lang, codelist='roles')}: {named}{position}"

    def actors(self, actors: Iterable[m.Actor]) -> str:
        return "; ".join(self.actor(a) for a in actors)

    def where(self, area: str | None) -> str:
        return f"{self.words['in']} {self.name(area)}" if area else ""


def _join(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def _areas(r: _Render, a: m.Area) -> list[str]:
    level = r.labels.label(a.level.value, r.lang, codelist="area_levels") if a.level else ""
    return [f"  [{a.id}] {_join(a.name, level, r.where(a.parent))}"]


def _organisations(r: _Render, o: m.Organisation) -> list[str]:
    kind = r.labels.label(o.kind, r.lang, codelist="organisation_kinds")
    lines = [f"  [{o.id}] {_join(o.name, kind, r.where(o.area))}"]
    for role in o.roles:
        partners = ", ".join(r.name(p) for p in role.partners)
        text = _join(
            r.labels.label(role.role, r.lang, codelist="roles"), partners, role.as_written or ""
        )
        lines.append(f"      {text}")
    return lines


def _persons(r: _Render, p: m.Person) -> list[str]:
    held = "; ".join(
        _join(x.title_as_written, r.name(x.organisation) if x.organisation else "")
        for x in p.positions
    )
    return [f"  [{p.id}] {_join(p.name, held)}"]


def _documents(r: _Render, d: m.Document) -> list[str]:
    kind = r.labels.label(d.kind, r.lang, codelist="document_kinds")
    symbol = d.symbol or r.words["number_unknown"]
    lines = [f"  [{d.id}] {kind} ({symbol}){_said(d.title_as_written)}"]
    who = ", ".join(r.name(x) for x in (*d.issuers, *d.parties))
    dates = d.signed_on.isoformat() if d.signed_on else ""
    issued = r.period(d.issued) if d.issued else ""
    if who or dates or issued:
        lines.append(f"      {_join(dates, issued, who)}")
    return lines


def _model_types(r: _Render, t: m.ModelType) -> list[str]:
    category = r.labels.label(t.category, r.lang, codelist="model_types") if t.category else ""
    family = r.labels.label(t.family, r.lang, codelist="model_families") if t.family else ""
    return [f"  [{t.id}] {_join(t.name, category, family, r.where(t.area))}"]


def _model_instances(r: _Render, i: m.ModelInstance) -> list[str]:
    launched = r.period(i.launched) if i.launched else ""
    meets = r.period(i.meetings) if i.meetings else ""
    head = _join(i.name or r.name(i.model_type), r.where(i.area), launched, meets)
    lines = [f"  [{i.id}] {head}"]
    if i.actors:
        lines.append(f"      {r.actors(i.actors)}")
    return lines


def _events(r: _Render, e: m.Event) -> list[str]:
    lines = [f"  [{e.id}] {r.codes('event_kinds', e.kinds)}{_said(e.name_as_written)}"]
    venue = e.venue.as_written if e.venue else ""
    lines.append(f"      {_join(r.period(e.period), r.where(e.area), venue)}")
    if e.actors:
        lines.append(f"      {r.actors(e.actors)}")
    return lines


def _figures(r: _Render, f: m.Figure) -> list[str]:
    kind = r.labels.label(f.kind, r.lang, codelist="figure_kinds")
    lines = [f"  [{f.id}] {kind}{_said(f.kind_as_written)}: {r.quantity(f.quantity)}"]
    if f.counted_as_written:
        lines.append(f"      {_said(f.counted_as_written).strip()}")
    if f.participants is not None:
        lines.append(f"      {r.words['participants']}: {r.quantity(f.participants)}")
    place = r.where(f.area) + _said(f.place_as_written)
    lines.append(f"      {_join(r.period(f.period), place.strip())}")
    if f.actors:
        lines.append(f"      {r.actors(f.actors)}")
    for link in f.links:
        targets = (link.to,) if isinstance(link.to, str) else link.to
        rel = r.labels.label(link.rel.value, r.lang, codelist="link_relations")
        lines.append(f"      {rel} → {', '.join(targets)}{_said(link.as_written)}")
    return lines


def _awards(r: _Render, a: m.Award) -> list[str]:
    head = r.codes("award_forms", a.forms) + _said(a.form_as_written or a.name)
    lines = [f"  [{a.id}] {head}"]
    amounts = [f"{r.words['total']}: {r.quantity(q)}" for q in (a.total, a.quantity) if q]
    period = r.period(a.period) if a.period else ""
    lines.append(f"      {_join(period, *amounts, r.actors((*a.issuers, *a.presenters)))}")
    for x in a.recipients:
        named = (
            r.name(x.organisation or x.person or x.area)
            if (x.organisation or x.person or x.area)
            else ""
        )
        kind = r.labels.label(x.kind.value, r.lang, codelist="recipient_kinds")
        amount = r.quantity(x.quantity) if x.quantity else ""
        lines.append(
            f"      {r.words['recipients']}: {_join(kind, amount, named)}{_said(x.as_written)}"
        )
    return lines


def _assessments(r: _Render, a: m.Assessment) -> list[str]:
    scheme = r.labels.label(a.scheme, r.lang, codelist="assessment_schemes")
    lines = [f"  [{a.id}] {scheme}{_said(a.basis_as_written)}"]
    lines.append(f"      {_join(r.period(a.period), r.where(a.area), r.actors(a.actors))}")
    for t in a.totals:
        lines.append(
            f"      {r.words['total']}: {r.quantity(t.quantity)}{_said(t.subjects_as_written)}"
        )
    for x in a.results:
        outcome = r.labels.label(x.outcome, r.lang, codelist="assessment_outcomes")
        amount = r.quantity(x.quantity) if x.quantity else ", ".join(r.name(i) for i in x.members)
        lines.append(f"      {outcome}{_said(x.outcome_as_written)}: {amount}")
    return lines


def _plans(r: _Render, p: m.Plan) -> list[str]:
    goal = r.labels.label(p.goal, r.lang, codelist="plan_goals")
    status = r.labels.label(p.status.value, r.lang, codelist="plan_statuses") if p.status else ""
    lines = [f"  [{p.id}] {_join(goal + _said(p.goal_as_written), status)}"]
    lines.append(f"      {_join(r.period(p.period), r.where(p.area), r.actors(p.actors))}")
    if p.target is not None:
        t = p.target
        aim = [
            r.labels.label(t.scheme, r.lang, codelist="assessment_schemes") if t.scheme else "",
            r.labels.label(t.outcome, r.lang, codelist="assessment_outcomes") if t.outcome else "",
            r.labels.label(t.kind, r.lang, codelist="figure_kinds") if t.kind else "",
            r.quantity(t.quantity) if t.quantity else "",
        ]
        lines.append(f"      {r.words['target']}: {_join(*aim)}")
    for ph in p.phases:
        number = f" {ph.number}" if ph.number is not None else ""
        lines.append(
            f"      {r.words['phase']}{number}{_said(ph.name_as_written)}: {r.period(ph.period)}"
        )
    return lines


def _sources(r: _Render, s: m.Source) -> list[str]:
    published = s.published.isoformat() if s.published else ""
    return [f"  [{s.id}] {_join(s.title, s.outlet or '', published)}"]


_SECTIONS: tuple[tuple[type[Any], Callable[[_Render, Any], list[str]]], ...] = (
    (m.Area, _areas),
    (m.Organisation, _organisations),
    (m.Person, _persons),
    (m.Document, _documents),
    (m.ModelType, _model_types),
    (m.ModelInstance, _model_instances),
    (m.Event, _events),
    (m.Figure, _figures),
    (m.Award, _awards),
    (m.Assessment, _assessments),
    (m.Plan, _plans),
    (m.Source, _sources),
)


def render_v2(dataset: m.Dataset, lang: str, lists: Mapping[str, Codelist] | None = None) -> str:
    """The text ``antt show`` prints for a 2.0 dataset; codes are labelled from ``lists``
    (the plugin manager's 2.0 codelists; ``None``: the bundled ones) and the dataset's own
    vocabulary."""
    r = _Render(dataset, lang, codelists("2") if lists is None else lists)
    words = r.words
    lines = [
        dataset.title,
        f"{dataset.publisher.name} · {dataset.id} · schema {dataset.schema_version}",
    ]
    scope = _join(r.where(dataset.area), r.period(dataset.period) if dataset.period else "")
    if scope:
        lines.append(scope)
    types = Counter(type(x).TYPE for x in dataset)
    lines += ["", f"{words['records']} ({len(dataset)}):"]
    lines += [
        f"  {r.labels.label(t, lang, codelist='record_types')}: {n}"
        for t, n in sorted(types.items())
    ]
    for cls, section in _SECTIONS:
        found = dataset.of_type(cls)
        if not found:
            continue
        lines += ["", f"{words[cls.TYPE]}:"]
        for record in found:
            lines += section(r, record)
    if dataset.vocabulary is not None:
        lines += ["", f"{words['vocabulary']} ({dataset.vocabulary.namespace}):"]
        for code in dataset.vocabulary.codes:
            label = code.vi if lang == "vi" else code.en or code.vi
            lines.append(f"  {code.codelist}: {code.code} = {label}")
    return safe_text("\n".join(lines)) + "\n"
