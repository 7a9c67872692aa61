"""``render_summary`` and ``render_json`` on a 2.0 dataset.

The summary is paragraphs of plain sentences, one per total of like figures, each in the
source's words; figures kept apart, events, awards and assessments follow, each only when
there are any. The JSON lists every cell with its key, total and provenance (``version: 2``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from antt_domain.aggregate import KEY_FIELDS, AggregateV2, CellV2
from antt_domain.model import Interval as Interval1
from antt_domain.model.v2 import Dataset, Figure
from antt_domain.reports._v2_markdown import aggregate_for
from antt_domain.reports._v2_words import Words2
from antt_domain.text_safety import json_safe

__all__ = ["JSON_VERSION_V2", "render_json_v2", "render_summary_v2"]

#: The shape of the JSON report of a 2.0 dataset.
JSON_VERSION_V2 = 2


def _said(figure: Figure, words: Words2) -> str:
    quantity = figure.quantity
    written = [quantity.as_written if quantity else None, figure.counted_as_written]
    text = " ".join(w for w in written if w)
    return f"“{text}”, {words.period(figure.period)}" if text else words.period(figure.period)


def _sentence(cell: CellV2, words: Words2) -> str:
    key = cell.key
    said = "; ".join(_said(c.figure, words) for c in cell.contributions)
    return (
        f"{words.label('figure_kinds', key.kind)} ({words.key_period(key)}): "
        f"{words.total(cell.total, key.unit)} {words.unit(key.unit, key.classifier)} "
        f"({words.pick('nguyên văn', 'as written')}: {said})."
    )


def render_summary_v2(
    dataset: Dataset,
    *,
    lang: str = "vi",
    period: Interval1 | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
) -> str:
    """Paragraphs: the title, the scope, one sentence per total, then what is kept apart,
    the events, the awards and the assessments (each only when there are any)."""
    result, words = aggregate_for(dataset, lang=lang, period=period, area=area, by=by)
    pick = words.pick
    when = (
        words.words.interval(result.period)
        if result.period is not None
        else pick("từng năm riêng", "each year apart")
    )
    paragraphs = [
        pick("Báo cáo tóm tắt: ", "Summary report: ") + dataset.title,
        pick(
            f"Số liệu {when}; chỉ cộng các số liệu cùng loại, cùng đơn vị, cùng đối tượng đếm.",
            f"Figures for {when}; only like figures (kind, unit, counted thing) are added.",
        ),
    ]
    paragraphs += [_sentence(cell, words) for cell in result.cells]
    if result.apart:
        items = "; ".join(
            f"{words.label('figure_kinds', a.figure.kind)} ({_said(a.figure, words)})"
            for a in result.apart
        )
        paragraphs.append(
            pick("Số liệu để riêng, không cộng: ", "Kept apart, never added: ") + items + "."
        )
    if result.events:
        paragraphs.append(
            pick("Sự kiện: ", "Events: ")
            + "; ".join(
                (e.name_as_written or words.labels("event_kinds", e.kinds))
                + f" ({words.period(e.period)})"
                for e in result.events
            )
            + "."
        )
    if result.awards:
        paragraphs.append(
            pick("Khen thưởng: ", "Awards: ")
            + "; ".join(
                words.labels("award_forms", a.forms)
                + (f" “{a.form_as_written}”" if a.form_as_written else "")
                for a in result.awards
            )
            + "."
        )
    if result.assessments:
        paragraphs.append(
            pick("Đánh giá, xếp loại: ", "Assessments: ")
            + "; ".join(
                words.label("assessment_schemes", a.scheme) + f" ({words.period(a.period)})"
                for a in result.assessments
            )
            + "."
        )
    return "\n\n".join(paragraphs) + "\n"


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
                "unit_label": words.unit(cell.key.unit, cell.key.classifier),
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


def render_json_v2(
    dataset: Dataset,
    *,
    lang: str = "vi",
    period: Interval1 | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
) -> str:
    """The 2.0 aggregate as JSON text (``version: 2``), as :func:`render_json` writes 1.0."""
    result, words = aggregate_for(dataset, lang=lang, period=period, area=area, by=by)
    body = to_json_v2(result, words)
    return json_safe(json.dumps(body, ensure_ascii=False, indent=2)) + "\n"
