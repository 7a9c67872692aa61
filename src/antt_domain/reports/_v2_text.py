"""``render_summary`` and ``render_aggregate_json`` on a 2.0 dataset.

The summary is paragraphs of plain sentences, one per total of like figures, each in the
source's words; figures kept apart, events, awards and assessments follow, each only when
there are any. The JSON lists every cell with its key, total and provenance (``version: 2``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from antt_domain.aggregate import KEY_FIELDS, AggregateV2, ApartReasonV2, CellV2
from antt_domain.model import Codelist
from antt_domain.model import Interval as Interval1
from antt_domain.model.v2 import Dataset
from antt_domain.reports._v2_markdown import aggregate_for, subject_of
from antt_domain.reports._v2_records import award_line, like_awards
from antt_domain.reports._v2_sections import (
    MODELS_TITLE,
    REASONS,
    Item,
    launches,
    said,
    sections,
)
from antt_domain.reports._v2_words import Words2, exact_count, spaced
from antt_domain.text_safety import json_safe, no_workflow_commands, one_line

__all__ = ["JSON_VERSION_V2", "render_aggregate_json_v2", "render_summary_v2"]

#: The shape of the JSON report of a 2.0 dataset.
JSON_VERSION_V2 = 2


def _when(cell: CellV2, words: Words2) -> str:
    """A cell's period; a stock's is the date of its latest value ("tính đến ngày ...")."""
    if cell.key.period == "stock":
        return words.period(cell.contributions[0].figure.period)
    return words.key_period(cell.key)


def _item(item: Item, words: Words2, home: str | None) -> str:
    figure = item.figure
    label = words.label("figure_kinds", figure.kind)
    subject = subject_of(figure, words, home=home)
    if subject:
        label += f" ({subject})"
    if item.cell is not None:
        cell, key = item.cell, item.cell.key
        said_all = "; ".join(w for c in cell.contributions if (w := said(c.figure, words)))
        text = (
            f"{label}: {words.total(cell.total, key.unit)}"
            f"{spaced(words.unit(key.unit, key.classifier, value=exact_count(cell.total)))}"
            f", {_when(cell, words)}"
        )
        organisers = words.organisers(c.figure for c in cell.contributions)
        if organisers:
            text += f", {words.pick('do', 'by')} {organisers}"
        return text + (
            f" ({words.pick('nguyên văn', 'as written')}: {said_all})" if said_all else ""
        )

    assert item.apart is not None  # noqa: S101 - an item is a cell or a figure kept apart
    quantity = figure.quantity
    reason = words.pick(*REASONS[item.apart.reason])
    words_of_source = said(figure, words)
    amount = words_of_source
    if not amount and quantity is not None and item.apart.reason is not ApartReasonV2.NOT_COUNTED:
        amount = f"{words.quantity(quantity)}{spaced(words.unit_of(quantity))}"
    bits = []
    if not figure.period.as_written and words.period(figure.period) != reason:
        bits.append(words.period(figure.period))
    organisers = words.organisers((figure,))
    if organisers:
        bits.append(f"{words.pick('do', 'by')} {organisers}")
    bits.append(f"{words.pick('không cộng', 'not added')}: {reason}")
    return f"{label}: {amount} ({'; '.join(bits)})" if amount else f"{label} ({'; '.join(bits)})"


def render_summary_v2(
    dataset: Dataset,
    *,
    lang: str = "vi",
    period: Interval1 | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    codelists: Mapping[str, Codelist] | None = None,
) -> str:
    """Paragraphs, as an officer writes a summary report: the title; the area and period
    (without a period, each year apart, and it says so); "I. Kết quả" with one numbered part
    per area of work (only those with figures), each figure in the source's words; then
    events, awards and assessments when there are any; then the headed sections
    "II. Đánh giá" and "III. Nhiệm vụ thời gian tới", left for the officer to write."""
    result, words = aggregate_for(
        dataset, lang=lang, period=period, area=area, by=by, codelists=codelists
    )
    pick = words.pick
    when = (
        words.words.interval(result.period)
        if result.period is not None
        else pick(
            "từng năm riêng (không có kỳ báo cáo: số liệu của các năm khác nhau không cộng "
            "với nhau)",
            "each year apart (no period requested: figures of different years are not added "
            "together)",
        )
    )
    scope = ", ".join(words.name(a) for a in result.area_ids) or words.name(dataset.area)
    paragraphs = [
        pick("Báo cáo tóm tắt: ", "Summary report: ") + dataset.title,
        (pick(f"Địa bàn: {scope}. ", f"Area: {scope}. ") if scope else "")
        + pick(
            f"Số liệu {when}; chỉ cộng các số liệu cùng loại, cùng đơn vị, cùng đối tượng đếm.",
            f"Figures for {when}; only like figures (kind, unit, counted thing) are added.",
        ),
        pick("I. KẾT QUẢ THỰC HIỆN", "I. RESULTS"),
    ]
    number = 0
    launched = [
        words.pick(f"{name}: ra mắt tại {places} ({when})", f"{name}: set up in {places} ({when})")
        for name, places, when in launches(dataset, result, words)
    ]
    for section in sections(result, words):
        number += 1
        paragraphs.append(f"{number}. {section.title}")
        lines = [_item(i, words, dataset.area) for i in section.items]
        if section.models:
            lines += launched
            launched = []
        paragraphs.append("; ".join(lines) + ".")
    if launched:
        number += 1
        paragraphs += [f"{number}. {words.pick(*MODELS_TITLE)}", "; ".join(launched) + "."]
    for title, lines in _others(result, words):
        number += 1
        paragraphs += [f"{number}. {title}", "; ".join(lines) + "."]
    paragraphs += [
        pick("II. ĐÁNH GIÁ", "II. ASSESSMENT"),
        pick("III. NHIỆM VỤ THỜI GIAN TỚI", "III. TASKS AHEAD"),
    ]
    return no_workflow_commands("\n\n".join(one_line(p) for p in paragraphs) + "\n")


def _others(result: AggregateV2, words: Words2) -> list[tuple[str, list[str]]]:
    """Events, awards and assessments, each only when there are any."""
    pick = words.pick
    parts = []
    if result.events:
        lines = [
            (e.name_as_written or words.labels("event_kinds", e.kinds))
            + f" ({words.period(e.period)})"
            for e in result.events
        ]
        parts.append((pick("Hội nghị, sự kiện", "Events"), lines))
    if result.awards:
        lines = [award_line(a, words) for a in result.awards]
        lines += [
            pick("cộng cùng hình thức, cùng cấp", "like awards added")
            + f": {form}{f' ({level})' if level else ''}, {total}"
            for form, level, total, _ in like_awards(result.awards, words)
        ]
        parts.append((pick("Khen thưởng", "Awards"), lines))
    if result.assessments:
        lines = [
            words.label("assessment_schemes", a.scheme) + f" ({words.period(a.period)})"
            for a in result.assessments
        ]
        parts.append((pick("Đánh giá, xếp loại", "Assessments"), lines))
    return parts


def _key_json(cell: CellV2) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in KEY_FIELDS:
        value = getattr(cell.key, name)
        out[name] = (
            [list(v) if isinstance(v, tuple) else v for v in value]
            if isinstance(value, tuple)
            else value
        )
    return out


def _number(value: object) -> object:
    return value if isinstance(value, int) or value is None else str(value)


def to_json_v2(result: AggregateV2, words: Words2) -> dict[str, Any]:
    """The aggregate of a 2.0 dataset as plain JSON values (cells, apart, provenance)."""
    return {
        "version": JSON_VERSION_V2,
        "period": None
        if result.period is None
        else [result.period.start.isoformat(), result.period.end.isoformat()],
        "area": list(result.area_ids),
        "by": list(result.by),
        "cells": [
            {
                "key": _key_json(cell),
                "label": words.label("figure_kinds", cell.key.kind),
                "unit_label": words.unit(
                    cell.key.unit, cell.key.classifier, value=exact_count(cell.total)
                ),
                "value": _number(cell.total.value),
                "precision": cell.total.precision.value,
                "upper": _number(cell.total.upper),
                "records": list(cell.record_ids),
                "as_written": [
                    {
                        "record": c.record_id,
                        "value": c.as_written,
                        "counted": c.counted_as_written,
                        "period": c.period_as_written,
                        "versions": [v.id for v in c.versions],
                    }
                    for c in cell.contributions
                ],
            }
            for cell in result.cells
        ],
        "apart": [
            {
                "record": item.figure.id,
                "reason": item.reason.value,
                "label": words.label("figure_kinds", item.figure.kind),
                "as_written": None
                if item.figure.quantity is None
                else item.figure.quantity.as_written,
            }
            for item in result.apart
        ],
        "events": [e.id for e in result.events],
        "awards": [a.id for a in result.awards],
        "assessments": [a.id for a in result.assessments],
    }


def render_aggregate_json_v2(
    dataset: Dataset,
    *,
    lang: str = "vi",
    period: Interval1 | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    codelists: Mapping[str, Codelist] | None = None,
) -> str:
    """The 2.0 aggregate as JSON text (``version: 2``: cells, provenance, source's words)."""
    result, words = aggregate_for(
        dataset, lang=lang, period=period, area=area, by=by, codelists=codelists
    )
    body = to_json_v2(result, words)
    return json_safe(json.dumps(body, ensure_ascii=False, indent=2)) + "\n"
