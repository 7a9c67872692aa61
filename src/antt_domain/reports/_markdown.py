"""``render_markdown``: the aggregate as Markdown tables, in Vietnamese or English.

Every text is written with :func:`antt_domain.text_safety.markdown_inline`: a name holding a
line break, ``|``, HTML or link syntax stays in its cell, as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from antt_domain.aggregate import ApartReason, Cell
from antt_domain.model import Dataset, Interval, ModelInstance
from antt_domain.model.v2 import Dataset as DatasetV2
from antt_domain.reports._context import Context, build
from antt_domain.reports._v2_markdown import refuse_v1_options, render_markdown_v2
from antt_domain.text_safety import markdown_inline

__all__ = ["render_markdown"]

_REASONS = {
    ApartReason.NO_COUNT: ("không có số liệu", "no count"),
    ApartReason.BREAKDOWN: (
        "số liệu chi tiết (một phần của số khác)",
        "breakdown (part of another)",
    ),
    ApartReason.UNSTATED_PERIOD: ("không rõ thời gian", "period not stated"),
    ApartReason.UNDATED_STOCK: ("tính đến thời điểm không rõ", "stock, date not stated"),
    ApartReason.SPANS_PERIODS: ("trải qua nhiều kỳ", "spans several periods"),
    ApartReason.NOT_SUMMABLE: ("tỷ lệ, không cộng dồn", "percentage, never summed"),
}


_escape = markdown_inline


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(_escape(c) for c in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(
    dataset: Dataset | DatasetV2,
    *,
    lang: str = "vi",
    period: Interval | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    organisation: str | None = None,
    agreement: str | None = None,
) -> str:
    """Markdown tables of ``dataset``'s totals (one table per group), stocks, the figures kept
    apart with their reason, and the models; every row names its records. The arguments select
    as :func:`antt_domain.aggregate.aggregate` does."""
    if isinstance(dataset, DatasetV2):
        refuse_v1_options(organisation, agreement)
        return render_markdown_v2(dataset, lang=lang, period=period, area=area, by=by)
    ctx = build(
        dataset,
        lang=lang,
        period=period,
        area=area,
        by=by,
        organisation=organisation,
        agreement=agreement,
    )
    words = ctx.words
    parts = [
        f"# {words.pick('Tổng hợp số liệu', 'Figures')}: {_escape(dataset.title)}",
        "\n".join(
            [
                f"- **{words.pick('Địa bàn', 'Area')}:** {_escape(ctx.scope_area())}",
                f"- **{words.pick('Kỳ báo cáo', 'Period')}:** {_escape(ctx.when())}",
            ]
        ),
    ]
    parts += _totals(ctx)
    parts += _stocks(ctx)
    parts += _apart(ctx)
    parts += _models(ctx)
    return "\n\n".join(parts) + "\n"


def _row(ctx: Context, cell: Cell) -> list[str]:
    words = ctx.words
    return [
        words.pick("Hoạt động", "Activity")
        if cell.record_type == "activity"
        else words.pick("Kết quả", "Outcome"),
        words.kind(cell.record_type, cell.kind, cell.measure),
        words.level(cell.recorded_at),
        words.amount(
            cell.value,
            cell.unit,
            precision=cell.precision,
            upper=cell.upper,
            denominator=cell.denominator,
        ),
        ", ".join(cell.record_ids),
    ]


def _header(ctx: Context) -> list[str]:
    return ctx.words.pick(
        "Loại|Chỉ tiêu|Cấp|Số liệu|Bản ghi", "Type|Kind|Level|Figure|Records"
    ).split("|")


def _totals(ctx: Context) -> list[str]:
    words = ctx.words
    parts = [f"## {words.pick('Số liệu', 'Figures')} {_escape(ctx.during())}"]
    groups = [g for g in ctx.result.groups if g.flows]
    if not groups:
        parts.append(words.pick("Không có số liệu.", "No figures."))
    for group in groups:
        if group.key:
            parts.append(f"### {_escape(ctx.group_label(group.key))}")
        parts.append(_table(_header(ctx), [_row(ctx, c) for c in group.flows]))
    return parts


def _stocks(ctx: Context) -> list[str]:
    words = ctx.words
    rows = []
    for group in ctx.result.groups:
        for cell in group.stocks:
            row = _row(ctx, cell)
            label = ctx.group_label(group.key)
            where = ctx.names.of(cell.area) if cell.area else ""
            as_of = words.date(cell.as_of) if cell.as_of else ""
            rows.append([*row[:2], ", ".join(x for x in (label, where) if x), as_of, *row[3:]])
    if not rows:
        return []
    header = words.pick(
        "Loại|Chỉ tiêu|Địa bàn|Tính đến|Số liệu|Bản ghi", "Type|Kind|Area|As of|Figure|Records"
    )
    title = words.pick("Số liệu tính đến một thời điểm (không cộng dồn)", "Stocks (never summed)")
    return [f"## {title}", _table(header.split("|"), rows)]


def _apart(ctx: Context) -> list[str]:
    words = ctx.words
    rows = []
    for item in ctx.result.apart:
        figure = "" if item.quantity is None else words.quantity(item.quantity)
        rows.append(
            [
                words.pick(*_REASONS[item.reason]),
                words.kind(item.record_type, item.kind, item.measure),
                figure,
                words.period(item.period),
                item.record_id,
            ]
        )
    if not rows:
        return []
    header = words.pick(
        "Lý do|Chỉ tiêu|Số liệu|Thời gian|Bản ghi", "Reason|Kind|Figure|Period|Record"
    )
    title = words.pick("Số liệu để riêng (không cộng vào tổng)", "Figures kept apart (not added)")
    return [f"## {title}", _table(header.split("|"), rows)]


def _models(ctx: Context) -> list[str]:
    words, names = ctx.words, ctx.names
    rows = []
    for model in ctx.result.models:
        where = []
        for instance_id in (*model.instance_ids, *model.unattributed_ids):
            instance = names.get(instance_id)
            if isinstance(instance, ModelInstance):
                where.append(names.of(instance.area))
        rows.append(
            [
                names.model_type(model.model_type, words),
                words.number(len(model.instance_ids)),
                words.number(len(model.unattributed_ids)),
                ", ".join(dict.fromkeys(where)),
            ]
        )
    if not rows:
        return []
    header = words.pick(
        f"Loại mô hình|Ra mắt {ctx.during()}|Ra mắt, không rõ thời gian|Địa bàn",
        f"Model type|Launched {ctx.during()}|Launched, date not stated|Where",
    )
    return [f"## {words.pick('Mô hình', 'Models')}", _table(header.split("|"), rows)]
