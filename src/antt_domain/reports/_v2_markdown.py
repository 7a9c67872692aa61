"""``render_markdown`` on a 2.0 dataset: totals of like figures, the figures kept apart, and
the events, awards and assessments, each row with the source's words and its records.

Every figure shows its value, its ``as_written`` words, its unit (and classifier) label and its
period as written. Two rows of one kind that stay apart say in which parts of the key they
differ. Every text goes through :func:`antt_domain.text_safety.markdown_inline`.
"""

from __future__ import annotations

from collections.abc import Sequence

from antt_domain.aggregate import (
    AggregateV2,
    AggregationError,
    ApartReasonV2,
    ApartV2,
    CellV2,
    aggregate_v2,
    differing,
)
from antt_domain.model import Interval as Interval1
from antt_domain.model.v2 import Assessment, Award, Dataset, Event, Figure
from antt_domain.reports._v2_words import Words2
from antt_domain.reports._words import check_lang
from antt_domain.text_safety import markdown_inline

__all__ = ["aggregate_for", "refuse_v1_options", "render_markdown_v2"]

_escape = markdown_inline

_KEY_WORDS = {
    "kind": ("loại số liệu", "kind"),
    "unit": ("đơn vị tính", "unit"),
    "classifier": ("loại từ", "classifier"),
    "counted": ("đối tượng được đếm", "counted thing"),
    "qualifiers": ("đặc điểm", "qualifiers"),
    "lifecycle": ("giai đoạn", "lifecycle stage"),
    "movements": ("phong trào", "movement"),
    "models": ("mô hình", "model"),
    "model_levels": ("cấp mô hình", "model level"),
    "groups": ("nhóm người", "groups of people"),
    "topics": ("chủ đề", "topics"),
    "links": ("số liệu liên quan", "linked figures"),
    "area_level": ("cấp địa bàn", "area level"),
    "period": ("thời gian", "period"),
    "group": ("nhóm theo yêu cầu", "requested grouping"),
}

_REASONS = {
    ApartReasonV2.NOT_COUNTED: ("có thực hiện, không nêu số lượng", "done, no count given"),
    ApartReasonV2.VAGUE: ("số ước lượng, không có con số", "vague amount, no number"),
    ApartReasonV2.UNSTATED_UNIT: ("không ghi đơn vị tính", "no unit stated"),
    ApartReasonV2.RATIO: ("tỷ lệ, không cộng dồn", "ratio or percentage, never summed"),
    ApartReasonV2.PART_OF: ("một phần của số khác (trong đó)", "part of another figure"),
    ApartReasonV2.SHARE: ("tỷ lệ của số khác", "share of another figure"),
    ApartReasonV2.VERSION: ("một cách đưa tin khác của cùng số liệu", "another version"),
    ApartReasonV2.OTHER_CODE: ("loại “khác”, không gộp", "an “other” code, never pooled"),
    ApartReasonV2.UNSTATED_PERIOD: ("không rõ thời gian", "period not stated"),
    ApartReasonV2.UNDATED_STOCK: ("tính đến thời điểm không rõ", "stock, date not stated"),
    ApartReasonV2.OPEN_PERIOD: (
        "“đến nay” mà nguồn không ghi ngày",
        "“until now” with no full source date",
    ),
    ApartReasonV2.SPANS_PERIODS: ("trải qua nhiều kỳ", "spans several periods"),
    ApartReasonV2.EARLIER_STOCK: ("đã có số mới hơn", "superseded by a later value"),
}


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(_escape(c) for c in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def refuse_v1_options(organisation: str | None, agreement: str | None) -> None:
    """The 1.0 selections by organiser and agreement are not defined on 2.0 data yet."""
    for name, value in (("organisation", organisation), ("agreement", agreement)):
        if value is not None:
            raise AggregationError(
                name, value, "this selection is not available for a 2.0 dataset yet"
            )


def aggregate_for(
    dataset: Dataset,
    *,
    lang: str,
    period: Interval1 | int | None,
    area: str | None,
    by: Sequence[str],
) -> tuple[AggregateV2, Words2]:
    """The aggregate of a 2.0 ``dataset`` for a request, and the words to write it in."""
    words = Words2(dataset, check_lang(lang))
    return aggregate_v2(dataset, period=period, area=area, by=by), words


def render_markdown_v2(
    dataset: Dataset,
    *,
    lang: str = "vi",
    period: Interval1 | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
) -> str:
    """Markdown tables of a 2.0 ``dataset`` (see the module docstring)."""
    result, words = aggregate_for(dataset, lang=lang, period=period, area=area, by=by)
    pick = words.pick
    when = (
        words.words.interval(result.period)
        if result.period is not None
        else pick(
            "mọi kỳ (số liệu của các năm khác nhau không cộng với nhau)",
            "all periods (figures of different years are not added together)",
        )
    )
    scope = [words.name(a) for a in result.area_ids] or (
        [words.name(dataset.area)] if dataset.area else []
    )
    parts = [
        f"# {pick('Tổng hợp số liệu', 'Figures')}: {_escape(dataset.title)}",
        "\n".join(
            [
                f"- **{pick('Địa bàn', 'Area')}:** "
                + _escape(", ".join(scope) or pick("toàn bộ dữ liệu", "all the data")),
                f"- **{pick('Kỳ báo cáo', 'Period')}:** {_escape(when)}",
                f"- **{pick('Quy tắc cộng', 'Adding rule')}:** "
                + pick(
                    "chỉ cộng các số liệu cùng loại, cùng đơn vị và loại từ, cùng đối tượng "
                    "đếm, đặc điểm, giai đoạn, phong trào, mô hình, cấp địa bàn và cùng kỳ.",
                    "figures are added only with the same kind, unit and classifier, counted "
                    "thing, qualifiers, lifecycle, movement, model, area level and period.",
                ),
            ]
        ),
    ]
    parts += _cells(result, words)
    parts += _apart(result.apart, words)
    parts += _events(result.events, words)
    parts += _awards(result.awards, words)
    parts += _assessments(result.assessments, words)
    return "\n\n".join(parts) + "\n"


def _subject(figure: Figure, words: Words2) -> str:
    quantity = figure.quantity
    bits = []
    if quantity is not None and quantity.counted:
        bits.append(words.labels("counted_things", quantity.counted))
    if figure.qualifiers:
        bits.append(words.labels("qualifiers", figure.qualifiers))
    if figure.lifecycle:
        bits.append(words.labels("lifecycle_stages", tuple(s.value for s in figure.lifecycle)))
    if figure.movements:
        bits.append(words.labels("movements", figure.movements))
    if figure.groups:
        bits.append(words.labels("target_groups", figure.groups))
    if figure.topics:
        bits.append(words.labels("topics", figure.topics))
    bits += [words.name(m) for m in figure.models]
    people = figure.participants
    if people is not None:
        said = f" (“{people.as_written}”)" if people.as_written else ""
        bits.append(
            f"{words.pick('tham gia', 'participants')}: {words.quantity(people)} "
            f"{words.unit(people.unit, people.classifier)}{said}"
        )
    for link in figure.links:
        targets = ", ".join(words.figure(t) for t in link.targets)
        bits.append(f"{words.label('link_relations', link.rel.value)} {targets}")
    if figure.area:
        bits.append(words.name(figure.area))
    return "; ".join(b for b in bits if b)


def _written(figure: Figure, words: Words2) -> str:
    quantity = figure.quantity
    bits = [
        quantity.as_written if quantity is not None else None,
        figure.counted_as_written,
        figure.kind_as_written,
    ]
    text = "; ".join(f"“{b}”" for b in bits if b)
    period = words.period(figure.period)
    return f"{text} — {period}" if text and period else text or period


def _cells(result: AggregateV2, words: Words2) -> list[str]:
    if not result.cells:
        return []
    pick = words.pick
    header = [
        pick("Số liệu", "Figure"),
        pick("Tổng", "Total"),
        pick("Đơn vị tính", "Unit"),
        pick("Đối tượng, đặc điểm", "What was counted"),
        pick("Kỳ", "Period"),
        pick("Nguyên văn", "As written"),
        pick("Khác với dòng cùng loại ở", "Differs from rows of its kind in"),
        pick("Bản ghi", "Records"),
    ]
    rows = [_cell_row(cell, result.cells, words) for cell in result.cells]
    title = pick("Số liệu đã tổng hợp (chỉ cộng cùng loại)", "Totals (like with like only)")
    return [f"## {title}", _table(header, rows)]


def _cell_row(cell: CellV2, cells: tuple[CellV2, ...], words: Words2) -> list[str]:
    key = cell.key
    differs: list[str] = []
    for other in cells:
        if other is not cell and other.key.kind == key.kind:
            differs += [f for f in differing(key, other.key) if f not in differs]
    first = cell.contributions[0].figure
    written = " • ".join(
        _written(c.figure, words)
        + "".join(
            f" [{words.pick('bản khác', 'version')}: {_written(v, words)}]" for v in c.versions
        )
        for c in cell.contributions
    )
    return [
        words.label("figure_kinds", key.kind),
        words.total(cell.total, key.unit),
        words.unit(key.unit, key.classifier),
        _subject(first, words),
        words.key_period(key),
        written,
        ", ".join(words.pick(*_KEY_WORDS[f]) for f in differs),
        ", ".join(cell.record_ids),
    ]


def _apart(items: tuple[ApartV2, ...], words: Words2) -> list[str]:
    if not items:
        return []
    pick = words.pick
    header = [
        pick("Số liệu", "Figure"),
        pick("Giá trị", "Value"),
        pick("Đơn vị tính", "Unit"),
        pick("Đối tượng, đặc điểm", "What was counted"),
        pick("Vì sao để riêng", "Why apart"),
        pick("Nguyên văn", "As written"),
        pick("Bản ghi", "Record"),
    ]
    rows = []
    for item in items:
        figure, quantity = item.figure, item.figure.quantity
        rows.append(
            [
                words.label("figure_kinds", figure.kind),
                "" if quantity is None else words.quantity(quantity),
                "" if quantity is None else words.unit(quantity.unit, quantity.classifier),
                _subject(figure, words),
                pick(*_REASONS[item.reason]),
                _written(figure, words),
                figure.id,
            ]
        )
    title = pick("Số liệu để riêng, không cộng", "Figures kept apart, never added")
    return [f"## {title}", _table(header, rows)]


def _events(events: tuple[Event, ...], words: Words2) -> list[str]:
    if not events:
        return []
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
    return [f"## {pick('Sự kiện', 'Events')}", _table(header, rows)]


def _awards(awards: tuple[Award, ...], words: Words2) -> list[str]:
    if not awards:
        return []
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
        form = words.labels("award_forms", award.forms)
        if award.form_as_written:
            form += f" (“{award.form_as_written}”)"
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
        amount = award.total or award.quantity
        number = ""
        if amount is not None:
            number = f"{words.quantity(amount)} {words.unit(amount.unit, amount.classifier)}"
            number += f" (“{amount.as_written}”)" if amount.as_written else ""
        when = words.period(award.period) if award.period is not None else ""
        rows.append([form, words.actors(award.issuers), recipients, number, when, award.id])
    return [f"## {pick('Khen thưởng', 'Awards')}", _table(header, rows)]


def _assessments(assessments: tuple[Assessment, ...], words: Words2) -> list[str]:
    if not assessments:
        return []
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
    return [f"## {pick('Đánh giá, xếp loại', 'Assessments')}", _table(header, rows)]
