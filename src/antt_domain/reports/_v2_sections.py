"""The parts of a report as an officer writes one (issue #19): results by area of work.

Every figure of the aggregate, added (a cell) or kept apart, is placed once, in one section:
the activities (outreach and other work), the models by lifecycle, the coordination under each
document, the outcomes, the forces and means in place, the figures about the area. The
renderers (``_v2_text``, ``_v2_markdown``) write the sections; awards, events and assessments
are their own parts; the assessment and the tasks ahead are headed sections left to the
officer. A section without a figure is not written at all.
"""

from __future__ import annotations

import attrs

from antt_domain.aggregate import AggregateV2, ApartReasonV2, ApartV2, CellV2
from antt_domain.model.v2 import Area, Dataset, Figure, FigureClass, ModelInstance
from antt_domain.reports._v2_words import Words2, amount_words

__all__ = ["MODELS_TITLE", "REASONS", "Item", "Section", "launches", "said", "sections", "written"]

REASONS = {
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

MODELS_TITLE = ("Xây dựng, nhân rộng, củng cố mô hình", "Models")

_TITLES = {
    FigureClass.ACTIVITY: ("Công tác tuyên truyền, vận động và các hoạt động", "Outreach and work"),
    "models": MODELS_TITLE,
    FigureClass.OUTCOME: ("Kết quả đạt được", "Outcomes"),
    FigureClass.CAPACITY: ("Lực lượng, phương tiện, mô hình hiện có", "Forces and means in place"),
    FigureClass.CONTEXT: ("Số liệu về địa bàn", "About the area"),
    None: ("Số liệu khác", "Other figures"),
}


@attrs.frozen(kw_only=True)
class Item:
    """One row of a section: a total of like figures, or one figure kept apart."""

    figure: Figure
    cell: CellV2 | None = None
    apart: ApartV2 | None = None


@attrs.frozen(kw_only=True)
class Section:
    """Results of one area of work; ``models`` is the section of the lifecycle table."""

    title: str
    items: tuple[Item, ...]
    models: bool = False


def _place(figure: Figure, cell: CellV2 | None, words: Words2) -> object:
    if figure.lifecycle or figure.models or figure.kind == "models":
        return "models"
    unders = {c.figure.under for c in cell.contributions} if cell else {figure.under}
    if len(unders) == 1 and figure.under:
        return figure.under
    return words.vocab.figure_class(figure.kind)


def sections(result: AggregateV2, words: Words2) -> list[Section]:
    """The figures of ``result`` by area of work, in the order of a summary report."""
    placed: dict[object, list[Item]] = {}
    for cell in result.cells:
        first = cell.contributions[0].figure
        placed.setdefault(_place(first, cell, words), []).append(Item(figure=first, cell=cell))
    for apart in result.apart:
        item = Item(figure=apart.figure, apart=apart)
        placed.setdefault(_place(apart.figure, None, words), []).append(item)
    order: list[object] = [FigureClass.ACTIVITY, "models"]
    order += sorted((k for k in placed if isinstance(k, tuple)), key=repr)
    order += [FigureClass.OUTCOME, FigureClass.CAPACITY, FigureClass.CONTEXT, None]
    found = []
    for key in order:
        if key not in placed:
            continue
        if isinstance(key, tuple):
            names = ", ".join(_document(d, words) for d in key)
            title = words.pick(f"Phối hợp theo {names}", f"Coordination under {names}")
        else:
            title = words.pick(*_TITLES[key])  # type: ignore[index]
        found.append(Section(title=title, items=tuple(placed[key]), models=key == "models"))
    return found


def _document(record_id: str, words: Words2) -> str:
    """A document by its name, symbol or title; else by its kind ("Chương trình phối hợp")."""
    name = words.name(record_id)
    if name != record_id:
        return name
    kind = getattr(words.index.get(record_id), "kind", None)
    return words.label("document_kinds", kind) if isinstance(kind, str) else record_id


def written(figure: Figure) -> str:
    """The source's words for a figure's amount: its ``as_written``, and what it counted when
    the source's words do not already say it, each word once (:func:`amount_words`)."""
    quantity = figure.quantity
    return amount_words(quantity.as_written if quantity else None, figure.counted_as_written)


def said(figure: Figure, words: Words2) -> str:
    """``“as written”, “period as written”``; empty when the source's words are not kept."""
    text = written(figure)
    period = figure.period.as_written
    return ", ".join(f"“{t}”" for t in (text, period) if t)


def _within(area: str | None, scope: tuple[str, ...], words: Words2) -> bool:
    seen: set[str] = set()
    while area is not None and area not in seen:
        if area in scope:
            return True
        seen.add(area)
        record = words.index.get(area)
        area = record.parent if isinstance(record, Area) else None
    return False


def launches(dataset: Dataset, result: AggregateV2, words: Words2) -> list[tuple[str, str, str]]:
    """The model instances in scope, one line per model type: (the type's name, the places
    where it was set up, when it was launched as the source says). Listed, never counted."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for instance in dataset.of_type(ModelInstance):
        if result.area_ids and not _within(instance.area, result.area_ids, words):
            continue
        places, when = found.setdefault(instance.model_type, ([], []))
        places.append(words.name(instance.area) or instance.id)
        said_when = (
            words.period(instance.launched)
            if instance.launched is not None
            else words.pick("không rõ thời gian", "period not stated")
        )
        if said_when not in when:
            when.append(said_when)
    return [(words.name(t), ", ".join(p), "; ".join(w)) for t, (p, w) in found.items()]
