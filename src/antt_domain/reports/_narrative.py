"""The narrative paragraphs about who coordinated under what, models, and sources."""

from __future__ import annotations

from antt_domain.model import Activity, Agreement, ModelInstance, Outcome, Source
from antt_domain.reports._context import Context

__all__ = ["coordination", "models", "sources"]


def coordination(ctx: Context) -> str:
    """One sentence per agreement that records in scope were reported under."""
    words, names = ctx.words, ctx.names
    in_scope = ctx.result.record_ids()
    sentences = []
    for agreement in ctx.dataset.of_type(Agreement):
        under = [
            r
            for r in ctx.dataset.records
            if isinstance(r, (Activity, Outcome, ModelInstance))
            and r.id in in_scope
            and agreement.id in r.agreements
        ]
        if not under:
            continue
        counts = [
            words.count(n, vi, one, many)
            for n, vi, one, many in (
                (
                    sum(isinstance(r, Activity) for r in under),
                    "hoạt động",
                    "activity",
                    "activities",
                ),
                (sum(isinstance(r, Outcome) for r in under), "kết quả", "outcome", "outcomes"),
                (
                    sum(isinstance(r, ModelInstance) for r in under),
                    "mô hình ra mắt",
                    "model launch",
                    "model launches",
                ),
            )
            if n
        ]
        kinds = list(
            dict.fromkeys(
                words.kind(r.TYPE, r.kind) for r in under if not isinstance(r, ModelInstance)
            )
        )
        parties = words.join(names.organisations(agreement.parties)) or words.pick(
            "các bên chưa nêu", "parties not named"
        )
        detail = f" ({'; '.join(kinds)})" if kinds else ""
        sentences.append(
            words.pick(
                f"{names.agreement(agreement.id, words)} giữa {parties}: "
                f"{words.join(counts)} được báo cáo theo văn bản này{detail}.",
                f"{names.agreement(agreement.id, words)} between {parties}: "
                f"{words.join(counts)} reported under it{detail}.",
            )
        )
    head = words.pick(
        "Phối hợp theo nghị quyết liên tịch, chương trình phối hợp:",
        "Coordination under joint resolutions and coordination programmes:",
    )
    if not sentences:
        return head + words.pick(" không có văn bản nào được nêu.", " none is named.")
    return " ".join([head, *sentences])


def models(ctx: Context) -> str:
    """The model types in scope and what was launched of each, and where."""
    words, names = ctx.words, ctx.names
    summaries = ctx.result.models
    if not summaries:
        return ""
    listed = "; ".join(names.model_type(m.model_type, words) for m in summaries)
    count = words.count(len(summaries), "loại mô hình", "model type", "model types")
    parts = [
        words.pick(
            f"Mô hình tự phòng, tự quản: {count} được ghi nhận trong dữ liệu ({listed}).",
            f"Self-management models: {count} recorded in the data ({listed}).",
        )
    ]
    for summary in summaries:
        for ids, dated in ((summary.instance_ids, True), (summary.unattributed_ids, False)):
            if ids:
                parts.append(_launches(ctx, summary.model_type, ids, dated=dated))
    return " ".join(parts)


def _launches(ctx: Context, model_type: str, ids: tuple[str, ...], *, dated: bool) -> str:
    words, names = ctx.words, ctx.names
    areas = []
    for instance_id in ids:
        instance = names.get(instance_id)
        if isinstance(instance, ModelInstance):
            areas.append(names.of(instance.area))
    where = words.join(list(dict.fromkeys(areas)))
    count = words.count(len(ids), "mô hình", "launch", "launches")
    name = names.model_type(model_type, words)
    if dated:
        return words.pick(
            f"Ra mắt {count} {name} tại {where} {ctx.during()}.",
            f"{count} of {name} in {where} {ctx.during()}.",
        )
    return words.pick(
        f"Ra mắt {count} {name} tại {where}, không rõ thời gian ra mắt.",
        f"{count} of {name} in {where}, launch date not stated.",
    )


def sources(ctx: Context) -> str:
    """The sources the figures in scope cite."""
    words, names = ctx.words, ctx.names
    cited: dict[str, None] = {}
    for record_id in sorted(ctx.result.record_ids()):
        record = names.get(record_id)
        for citation in getattr(record, "sources", ()):
            cited.setdefault(citation.source, None)
    titles = []
    for source_id in sorted(cited):
        source = names.get(source_id)
        if isinstance(source, Source):
            authors = f" ({', '.join(source.authors)})" if source.authors else ""
            titles.append(f"“{source.title}”{authors}")
    if not titles:
        return ""
    return words.pick("Nguồn: ", "Sources: ") + "; ".join(titles) + "."
