"""``render_summary``: a narrative report, in Vietnamese or English, generated from the data.

Each paragraph is one line, written with :func:`antt_domain.text_safety.one_line`: a control
character, line break or bidirectional control in a name or title is shown as its code point
(``\\u000a``), so paragraphs stay paragraphs and a terminal or CI log shows the text as written;
no line starts a GitHub workflow command.
"""

from __future__ import annotations

from collections.abc import Sequence

from antt_domain.aggregate import ApartFigure, ApartReason, Cell
from antt_domain.model import Activity, Dataset, Interval, Outcome
from antt_domain.model.v2 import Dataset as DatasetV2
from antt_domain.reports._context import Context, build
from antt_domain.reports._narrative import coordination, models, sources
from antt_domain.reports._v2_markdown import refuse_v1_options
from antt_domain.reports._v2_text import render_summary_v2
from antt_domain.text_safety import no_workflow_commands, one_line

__all__ = ["render_summary"]


def render_summary(
    dataset: Dataset | DatasetV2,
    *,
    lang: str = "vi",
    period: Interval | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    organisation: str | None = None,
    agreement: str | None = None,
) -> str:
    """A narrative report of ``dataset``: coordination under each agreement, activities,
    models, outcomes, stocks, then -- each in its own paragraph -- the figures whose period is
    not stated, that span periods, that are breakdowns or percentages, and the work reported
    without a count. Sentences are built from codelist labels and the dataset's names; numbers
    and dates follow ``lang`` (``"vi"``: ``1.838``, ``ngày 05 tháng 3 năm 2021``).

    The arguments select as :func:`antt_domain.aggregate.aggregate` does.
    """
    if isinstance(dataset, DatasetV2):
        refuse_v1_options(organisation, agreement)
        return render_summary_v2(dataset, lang=lang, period=period, area=area, by=by)
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
    paragraphs = [
        words.pick("Báo cáo tóm tắt: ", "Summary report: ") + dataset.title,
        words.pick(
            f"Địa bàn: {ctx.scope_area()}. Kỳ báo cáo: {ctx.when()}.",
            f"Area: {ctx.scope_area()}. Period: {ctx.when()}.",
        ),
        coordination(ctx),
        _flows(ctx, "activity"),
        models(ctx),
        _flows(ctx, "outcome"),
        _stocks(ctx),
        _apart(ctx, ApartReason.UNSTATED_PERIOD),
        _apart(ctx, ApartReason.SPANS_PERIODS),
        _apart(ctx, ApartReason.BREAKDOWN),
        _apart(ctx, ApartReason.NOT_SUMMABLE),
        _uncounted(ctx),
        sources(ctx),
    ]
    text = "\n\n".join(one_line(p) for p in paragraphs if p) + "\n"
    return no_workflow_commands(text)


def _flows(ctx: Context, record_type: str) -> str:
    words = ctx.words
    head = (
        words.pick(f"Hoạt động {ctx.during()}:", f"Activities {ctx.during()}:")
        if record_type == "activity"
        else words.pick(f"Kết quả {ctx.during()}:", f"Outcomes {ctx.during()}:")
    )
    selected = [
        (group.key, [c for c in group.flows if c.record_type == record_type])
        for group in ctx.result.groups
    ]
    selected = [(key, cells) for key, cells in selected if cells]
    if not selected:
        return head + words.pick(
            " không có số liệu nào được báo cáo.", " none reported with a count."
        )
    levels = {c.recorded_at for _, cells in selected for c in cells}
    return head + " " + _by_group(ctx, selected, level=len(levels) > 1)


def _by_group(
    ctx: Context,
    selected: list[tuple[tuple[tuple[str, str | None], ...], list[Cell]]],
    *,
    level: bool,
) -> str:
    sentences = []
    for key, cells in selected:
        items = "; ".join(ctx.cell_text(c, level=level) for c in cells)
        sentences.append(f"{ctx.group_label(key)} — {items}." if key else f"{items}.")
    return " ".join(sentences)


def _stocks(ctx: Context) -> str:
    words = ctx.words
    items = []
    for group in ctx.result.groups:
        prefix = f"{ctx.group_label(group.key)} — " if group.key else ""
        for cell in group.stocks:
            as_of = words.date(cell.as_of) if cell.as_of else ""
            where = ctx.names.of(cell.area) if cell.area else words.level(None)
            items.append(
                prefix
                + ctx.cell_text(cell)
                + words.pick(f" (tính đến {as_of}, {where})", f" (as of {as_of}, {where})")
            )
    for item in ctx.result.apart_for(ApartReason.UNDATED_STOCK):
        items.append(f"{ctx.apart_text(item)} ({words.period(item.period)})")
    if not items:
        return ""
    head = words.pick(
        "Số liệu tính đến một thời điểm, không cộng dồn với số liệu nào khác:",
        "Counts as of a date (stocks), never added to any other figure:",
    )
    return f"{head} {'; '.join(items)}."


_APART_HEADS = {
    ApartReason.UNSTATED_PERIOD: (
        "Số liệu không rõ thời gian, không tính vào {when}:",
        "Figures whose period is not stated, not counted in {when}:",
    ),
    ApartReason.SPANS_PERIODS: (
        "Số liệu trải qua nhiều kỳ, không chia nhỏ cho {when}:",
        "Figures spanning several periods, not split into {when}:",
    ),
    ApartReason.BREAKDOWN: (
        "Số liệu chi tiết, đã nằm trong số liệu tổng nên không cộng thêm:",
        "Breakdowns, already part of another figure and not added again:",
    ),
    ApartReason.NOT_SUMMABLE: (
        "Tỷ lệ, không cộng dồn:",
        "Percentages, never summed:",
    ),
}


def _apart(ctx: Context, reason: ApartReason) -> str:
    words = ctx.words
    items = ctx.result.apart_for(reason)
    if not items:
        return ""
    when = ctx.when() if ctx.result.period else words.pick("năm nào", "any year")
    vi, en = _APART_HEADS[reason]
    head = words.pick(vi, en).format(when=when)
    by_period: dict[str, list[ApartFigure]] = {}
    for item in items:
        by_period.setdefault(words.period_heading(item.period), []).append(item)
    sentences = []
    for said, figures in by_period.items():
        texts = [ctx.apart_text(f) + _whole(ctx, f) for f in figures]
        sentences.append(f"{said} — {'; '.join(texts)}.")
    return f"{head} {' '.join(sentences)}"


def _whole(ctx: Context, item: ApartFigure) -> str:
    if item.part_of is None:
        return ""
    whole = ctx.names.get(item.part_of)
    label = item.part_of
    if isinstance(whole, (Activity, Outcome)):  # a figure: its kind; anything else: its id
        label = ctx.words.kind(whole.TYPE, whole.kind)
    return ctx.words.pick(f" (một phần của {label})", f" (part of {label})")


def _uncounted(ctx: Context) -> str:
    words, names = ctx.words, ctx.names
    items = []
    for item in ctx.result.apart_for(ApartReason.NO_COUNT):
        record = names.get(item.record_id)
        details = [names.model_type(m, words) for m in getattr(record, "models", ())]
        who = ctx.organisers(item.record_id)
        if who:
            details.append(who)
        detail = f" ({'; '.join(details)})" if details else ""
        items.append(f"{ctx.apart_text(item)}{detail}")
    if not items:
        return ""
    head = words.pick("Được báo cáo nhưng không có số liệu:", "Reported without a count:")
    return f"{head} {'; '.join(items)}."
