"""The tables of the records that are not figures, in a 2.0 report: events, awards and
assessments, each as ``(title, table)`` or ``None`` when there are none; and an award in a
sentence, for the summary. Every text goes through
:func:`antt_domain.text_safety.markdown_inline`.
"""

from __future__ import annotations

from antt_domain.model.v2 import Assessment, Award, Event, Quantity
from antt_domain.reports._v2_words import Words2, spaced
from antt_domain.reports._words import _exact
from antt_domain.text_safety import markdown_inline

__all__ = [
    "assessments_table",
    "award_line",
    "awards_table",
    "events_table",
    "like_awards",
    "table",
]

_escape = markdown_inline


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(_escape(c) for c in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def events_table(events: tuple[Event, ...], words: Words2) -> tuple[str, str] | None:
    if not events:
        return None
    pick = words.pick
    header = [
        pick("Sự kiện", "Event"),
        pick("Loại", "Kind"),
        pick("Thời gian", "When"),
        pick("Địa bàn", "Area"),
        pick("Các bên", "Actors"),
        pick("Bản ghi", "Record"),
    ]
    rows = [
        [
            event.name_as_written or "",
            words.labels("event_kinds", event.kinds),
            words.period(event.period),
            words.name(event.area),
            words.actors(event.actors),
            event.id,
        ]
        for event in events
    ]
    return pick("Hội nghị, sự kiện", "Events"), table(header, rows)


def _level(award: Award, words: Words2) -> str:
    """The level of an award: that of the bodies that issued it ("cấp tỉnh"), when known."""
    levels = []
    for issuer in award.issuers:
        level = getattr(words.index.get(issuer.organisation or ""), "level", None)
        if level is not None:
            levels.append(words.label("organisation_levels", level.value))
    return ", ".join(dict.fromkeys(levels))


def _recipients(award: Award, words: Words2) -> str:
    return "; ".join(
        " ".join(
            b
            for b in (
                words.label("recipient_kinds", r.kind.value) + ":",
                words.quantity(r.quantity) if r.quantity else "",
                words.name(r.organisation or r.person or r.area),
                f"“{r.as_written}”" if r.as_written else "",
            )
            if b
        )
        for r in award.recipients
    )


def awards_table(awards: tuple[Award, ...], words: Words2) -> tuple[str, str] | None:
    """Each award as written: what (form), its level, by whom, who received it, how many,
    when; then the totals of like awards (same form, level and unit) when two or more are
    alike. Unlike awards are never added."""
    if not awards:
        return None
    pick = words.pick
    header = [
        pick("Hình thức", "Form"),
        pick("Cấp khen", "Level"),
        pick("Đơn vị khen", "Issued by"),
        pick("Đối tượng được khen", "Recipients"),
        pick("Số lượng", "Number"),
        pick("Thời gian", "When"),
        pick("Bản ghi", "Record"),
    ]
    rows = []
    for award in awards:
        when = words.period(award.period) if award.period is not None else ""
        rows.append(
            [
                _form(award, words),
                _level(award, words),
                words.actors(award.issuers),
                _recipients(award, words),
                _number(award, words),
                when,
                award.id,
            ]
        )
    text = table(header, rows)
    totals = like_awards(awards, words)
    if totals:
        header = [
            pick("Hình thức", "Form"),
            pick("Cấp khen", "Level"),
            pick("Tổng số (chỉ cộng cùng hình thức, cùng cấp)", "Total (like awards only)"),
            pick("Bản ghi", "Records"),
        ]
        text += "\n\n" + table(header, [list(t) for t in totals])
    return pick("Khen thưởng", "Awards"), text


_AwardKey = tuple[tuple[str, ...], str, str, str, str | None]


def _counted(award: Award, words: Words2) -> list[tuple[_AwardKey, Quantity]]:
    """What an award counts, each with its key (forms, level, recipient kind, unit,
    classifier): its total, else each recipient's number ("17 tập thể", "18 cá nhân")."""
    level = _level(award, words)
    amount = award.total or award.quantity
    if amount is not None:
        return [((award.forms, level, "", amount.unit, amount.classifier), amount)]
    found = []
    for recipient in award.recipients:
        if recipient.quantity is not None:
            kind = words.label("recipient_kinds", recipient.kind.value)
            q = recipient.quantity
            found.append(((award.forms, level, kind, q.unit, q.classifier), q))
    return found


def like_awards(awards: tuple[Award, ...], words: Words2) -> list[tuple[str, str, str, str]]:
    """The totals of like awards: of the same forms and level, for the same kind of
    recipient, in the same unit and classifier, each stated exactly; only where two awards
    or more are alike, as (form, level, total, records). Unlike awards are never added."""
    groups: dict[_AwardKey, list[tuple[Quantity, str]]] = {}
    for award in awards:
        for key, amount in _counted(award, words):
            groups.setdefault(key, []).append((amount, award.id))
    found = []
    for key, counted in groups.items():
        exact = [q.value for q, _ in counted if q.value is not None and q.is_exact]
        if len(counted) < 2 or len(exact) != len(counted):
            continue
        forms, level, kind, unit, classifier = key
        value = sum(_exact(v) for v in exact)
        total = words.words.number(value)
        total = (
            f"{kind}: {total}"
            if kind
            else total + spaced(words.unit(unit, classifier, value=value))
        )
        ids = ", ".join(dict.fromkeys(award_id for _, award_id in counted))
        found.append((words.labels("award_forms", forms), level, total, ids))
    return found


def _form(award: Award, words: Words2) -> str:
    form = words.labels("award_forms", award.forms)
    return form + (f" (“{award.form_as_written}”)" if award.form_as_written else "")


def _number(award: Award, words: Words2) -> str:
    amount = award.total or award.quantity
    if amount is None:
        return ""
    return words.amount(amount)


def award_line(award: Award, words: Words2) -> str:
    """An award in a sentence, as written: its form, level and issuers, its recipients, its
    number and when."""
    level = _level(award, words)
    bits = [
        _form(award, words) + (f" ({level})" if level else ""),
        words.actors(award.issuers),
        _recipients(award, words),
        _number(award, words),
        words.period(award.period) if award.period is not None else "",
    ]
    return ", ".join(b for b in bits if b)


def assessments_table(assessments: tuple[Assessment, ...], words: Words2) -> tuple[str, str] | None:
    if not assessments:
        return None
    pick = words.pick
    header = [
        pick("Hình thức đánh giá", "Scheme"),
        pick("Kỳ đánh giá", "Period assessed"),
        pick("Kết quả", "Outcome"),
        pick("Đối tượng", "Subjects"),
        pick("Số lượng", "Number"),
        pick("Bản ghi", "Record"),
    ]
    rows = []
    for item in assessments:
        scheme = words.label("assessment_schemes", item.scheme)
        for result in item.results:
            outcome = words.label("assessment_outcomes", result.outcome)
            if result.outcome_as_written:
                outcome += f" (“{result.outcome_as_written}”)"
            subjects = result.subjects_as_written or words.labels("units", result.subjects)
            names = [words.name(m) for m in result.members] + list(result.members_as_written)
            if names:
                subjects += f": {', '.join(names)}"
            number = ""
            if result.quantity is not None:
                number = words.quantity(result.quantity)
                if result.quantity.as_written and not result.quantity.is_vague:
                    number += f" (“{result.quantity.as_written}”)"
            rows.append([scheme, words.period(item.period), outcome, subjects, number, item.id])
    return pick("Đánh giá, xếp loại", "Assessments"), table(header, rows)
