"""The tables of the records that are not figures, in a 2.0 report: events, awards and
assessments, each as ``(title, table)`` or ``None`` when there are none; and an award in a
sentence, for the summary. Every text goes through
:func:`antt_domain.text_safety.markdown_inline`.
"""

from __future__ import annotations

from antt_domain.model.v2 import Assessment, Award, Event
from antt_domain.reports._v2_words import Words2, exact_count, spaced
from antt_domain.text_safety import markdown_inline

__all__ = ["assessments_table", "award_line", "awards_table", "events_table", "table"]

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


def awards_table(awards: tuple[Award, ...], words: Words2) -> tuple[str, str] | None:
    if not awards:
        return None
    pick = words.pick
    header = [
        pick("Hình thức", "Form"),
        pick("Cấp khen", "Issuer"),
        pick("Đối tượng được khen", "Recipients"),
        pick("Số lượng", "Number"),
        pick("Thời gian", "When"),
        pick("Bản ghi", "Record"),
    ]
    rows = []
    for award in awards:
        form = _form(award, words)
        recipients = "; ".join(
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
        when = words.period(award.period) if award.period is not None else ""
        number = _number(award, words)
        rows.append([form, words.actors(award.issuers), recipients, number, when, award.id])
    return pick("Khen thưởng", "Awards"), table(header, rows)


def _form(award: Award, words: Words2) -> str:
    form = words.labels("award_forms", award.forms)
    return form + (f" (“{award.form_as_written}”)" if award.form_as_written else "")


def _number(award: Award, words: Words2) -> str:
    amount = award.total or award.quantity
    if amount is None:
        return ""
    unit = words.unit(amount.unit, amount.classifier, value=exact_count(amount))
    number = words.quantity(amount) + spaced(unit)
    return number + (f" (“{amount.as_written}”)" if amount.as_written else "")


def award_line(award: Award, words: Words2) -> str:
    """An award in a sentence: its form as written, its issuers and its number."""
    bits = [_form(award, words), words.actors(award.issuers), _number(award, words)]
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
                if result.quantity.as_written:
                    number += f" (“{result.quantity.as_written}”)"
            rows.append([scheme, words.period(item.period), outcome, subjects, number, item.id])
    return pick("Đánh giá, xếp loại", "Assessments"), table(header, rows)
