"""``render_markdown`` on a 2.0 dataset: totals of like figures, the figures kept apart, and
the events, awards and assessments, each row with the source's words and its records.

Every figure shows its value, its ``as_written`` words, its unit (and classifier) label and its
period as written. Two rows of one kind that stay apart say in which parts of the key they
differ. Every text goes through :func:`antt_domain.text_safety.markdown_inline`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from antt_domain.aggregate import (
    AggregateV2,
    ApartReasonV2,
    CellV2,
    aggregate_v2,
    differing,
)
from antt_domain.model import Codelist
from antt_domain.model import Interval as Interval1
from antt_domain.model.v2 import Dataset, Figure
from antt_domain.reports._v2_records import (
    assessments_table,
    awards_table,
    events_table,
    table,
)
from antt_domain.reports._v2_sections import (
    REASONS,
    Item,
    Section,
    launches,
    sections,
    written,
)
from antt_domain.reports._v2_words import Words2, exact_count
from antt_domain.reports._words import check_lang
from antt_domain.text_safety import markdown_inline

__all__ = ["aggregate_for", "render_markdown_v2", "subject_of"]

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


def aggregate_for(
    dataset: Dataset,
    *,
    lang: str,
    period: Interval1 | int | None,
    area: str | None,
    by: Sequence[str],
    codelists: Mapping[str, Codelist] | None = None,
) -> tuple[AggregateV2, Words2]:
    """The aggregate of a 2.0 ``dataset`` for a request, and the words to write it in, both
    with ``codelists`` (``None``: the bundled ones)."""
    words = Words2(dataset, check_lang(lang), codelists)
    result = aggregate_v2(dataset, period=period, area=area, by=by, codelists=codelists)
    return result, words


def render_markdown_v2(
    dataset: Dataset,
    *,
    lang: str = "vi",
    period: Interval1 | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    codelists: Mapping[str, Codelist] | None = None,
) -> str:
    """Markdown tables of a 2.0 ``dataset`` (see the module docstring)."""
    result, words = aggregate_for(
        dataset, lang=lang, period=period, area=area, by=by, codelists=codelists
    )
    pick = words.pick
    when = (
        words.words.interval(result.period)
        if result.period is not None
        else pick(
            "từng năm riêng (số liệu của các năm khác nhau không cộng với nhau)",
            "each year apart (figures of different years are not added together)",
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
        f"## {pick('I. Kết quả thực hiện', 'I. Results')}",
    ]
    number = 0
    for section in sections(result, words):
        number += 1
        parts.append(f"### {number}. {_escape(section.title)}")
        if section.models:
            parts.append(_models(section, words))
            parts += _launches(dataset, result, words)
        else:
            parts.append(_figures(section, result, words, dataset.area))
    for part in (
        events_table(result.events, words),
        awards_table(result.awards, words),
        assessments_table(result.assessments, words),
    ):
        if part:
            number += 1
            parts += [f"### {number}. {part[0]}", part[1]]
    parts += [
        f"## {pick('II. Đánh giá', 'II. Assessment')}",
        f"## {pick('III. Nhiệm vụ thời gian tới', 'III. Tasks ahead')}",
    ]
    return "\n\n".join(parts) + "\n"


def subject_of(figure: Figure, words: Words2, *, home: str | None = None) -> str:
    """What a figure counted, for whom, under which model, where (not ``home``: the report's
    own area goes without saying)."""
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
        bits.append(f"{words.pick('tham gia', 'participants')}: {words.amount(people)}")
    for link in figure.links:
        targets = ", ".join(words.figure(t) for t in link.targets)
        bits.append(f"{words.label('link_relations', link.rel.value)} {targets}")
    if figure.area and figure.area != home:
        bits.append(words.name(figure.area))
    return "; ".join(b for b in bits if b)


def _written(figure: Figure, words: Words2) -> str:
    bits = [written(figure), figure.kind_as_written]
    text = "; ".join(f"“{b}”" for b in bits if b)
    period = words.period(figure.period)
    return f"{text} — {period}" if text and period else text or period


def _said_all(item: Item, words: Words2) -> str:
    if item.cell is None:
        return _written(item.figure, words)
    return " • ".join(
        _written(c.figure, words)
        + "".join(
            f" [{words.pick('bản khác', 'version')}: {_written(v, words)}]" for v in c.versions
        )
        for c in item.cell.contributions
    )


def _amount(item: Item, words: Words2) -> tuple[str, str, str]:
    """The value, the unit label and the period of an item in the report's words."""
    if item.cell is not None:
        key = item.cell.key
        return (
            words.total(item.cell.total, key.unit),
            words.unit(key.unit, key.classifier, value=exact_count(item.cell.total)),
            words.key_period(key),
        )
    quantity = item.figure.quantity
    if quantity is None or (item.apart and item.apart.reason is ApartReasonV2.NOT_COUNTED):
        return "", "", words.period(item.figure.period)
    return words.quantity(quantity), words.unit_of(quantity), words.period(item.figure.period)


def _added(item: Item, cells: tuple[CellV2, ...], words: Words2) -> str:
    """How the item was added: the number of figures, the key parts it differs in from other
    rows of its kind; or why it is kept apart."""
    if item.apart is not None:
        return words.pick("không cộng: ", "not added: ") + words.pick(*REASONS[item.apart.reason])
    cell = item.cell
    assert cell is not None  # noqa: S101 - an item is a cell or a figure kept apart
    differs: list[str] = []
    for other in cells:
        if other is not cell and other.key.kind == cell.key.kind:
            differs += [f for f in differing(cell.key, other.key) if f not in differs]
    text = words.pick(f"cộng {len(cell.contributions)} số liệu", f"{len(cell.contributions)} added")
    if differs:
        text += words.pick("; khác dòng cùng loại ở: ", "; differs from rows of its kind in: ")
        text += ", ".join(words.pick(*_KEY_WORDS[f]) for f in differs)
    return text


def _records(item: Item) -> str:
    return ", ".join(item.cell.record_ids) if item.cell else item.figure.id


def _organisers(item: Item, words: Words2) -> str:
    """Who organised the figures of a row (a total's every figure, or the one kept apart)."""
    if item.cell is not None:
        return words.organisers(c.figure for c in item.cell.contributions)
    return words.organisers((item.figure,))


def _figures(section: Section, result: AggregateV2, words: Words2, home: str | None) -> str:
    pick = words.pick
    header = [
        pick("Số liệu", "Figure"),
        pick("Số lượng", "Value"),
        pick("Đơn vị tính", "Unit"),
        pick("Đối tượng, đặc điểm", "What was counted"),
        pick("Kỳ", "Period"),
        pick("Đơn vị thực hiện", "Organised by"),
        pick("Nguyên văn", "As written"),
        pick("Cộng", "Added"),
        pick("Bản ghi", "Records"),
    ]
    rows = []
    for item in section.items:
        value, unit, when = _amount(item, words)
        rows.append(
            [
                words.label("figure_kinds", item.figure.kind),
                value,
                unit,
                subject_of(item.figure, words, home=home),
                when,
                _organisers(item, words),
                _said_all(item, words),
                _added(item, result.cells, words),
                _records(item),
            ]
        )
    return table(header, rows)


def _models(section: Section, words: Words2) -> str:
    """The models by lifecycle stage (new, replicated, consolidated, maintained ...), by
    model and level: each row names its model, or what the source counted."""
    pick = words.pick
    header = [
        pick("Mô hình", "Model"),
        pick("Cấp", "Level"),
        pick("Giai đoạn", "Stage"),
        pick("Số lượng", "Value"),
        pick("Đơn vị tính", "Unit"),
        pick("Kỳ", "Period"),
        pick("Nguyên văn", "As written"),
        pick("Cộng", "Added"),
        pick("Bản ghi", "Records"),
    ]
    rows = []
    for item in section.items:
        figure = item.figure
        named = ", ".join(words.name(m) for m in figure.models)
        levels = sorted({lv for m in figure.models if (lv := _level(m, words))})
        value, unit, when = _amount(item, words)
        stages = tuple(s.value for s in figure.lifecycle)
        rows.append(
            [
                named or subject_of(figure, words) or words.label("figure_kinds", figure.kind),
                ", ".join(levels),
                words.labels("lifecycle_stages", stages),
                value,
                unit,
                when,
                _said_all(item, words),
                _added(item, (), words),
                _records(item),
            ]
        )
    return table(header, rows)


def _launches(dataset: Dataset, result: AggregateV2, words: Words2) -> list[str]:
    rows = [list(row) for row in launches(dataset, result, words)]
    if not rows:
        return []
    pick = words.pick
    header = [
        pick("Loại mô hình", "Model type"),
        pick("Nơi ra mắt", "Where"),
        pick("Ra mắt", "When"),
    ]
    return [table(header, rows)]


def _level(model: str, words: Words2) -> str:
    level = getattr(words.index.get(model), "level", None)
    return "" if level is None else words.label("organisation_levels", level.value)
