"""The built-in renderers, one path for every dataset: ``render_summary``, ``render_markdown``
and ``render_aggregate_json``.

A 1.0 dataset is reported as its 2.0 upgrade, made in memory (:mod:`._upgraded`), so the
adding rule is :func:`antt_domain.aggregate.aggregate_v2`'s alone (docs/aggregation.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from antt_domain.model import Codelist, Dataset, Interval
from antt_domain.model.v2 import Dataset as DatasetV2
from antt_domain.reports._upgraded import report_dataset
from antt_domain.reports._v2_markdown import render_markdown_v2
from antt_domain.reports._v2_text import render_aggregate_json_v2, render_summary_v2

__all__ = ["render_aggregate_json", "render_markdown", "render_summary"]

_Renderer = Callable[..., str]


def _render(
    render: _Renderer,
    dataset: Dataset | DatasetV2,
    *,
    lang: str,
    period: Interval | int | None,
    area: str | None,
    by: Sequence[str],
    organisation: str | None,
    agreement: str | None,
    codelists: Mapping[str, Codelist] | None,
) -> str:
    two = report_dataset(dataset, organisation=organisation, agreement=agreement)
    return render(two, lang=lang, period=period, area=area, by=by, codelists=codelists)


def render_summary(
    dataset: Dataset | DatasetV2,
    *,
    lang: str = "vi",
    period: Interval | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    organisation: str | None = None,
    agreement: str | None = None,
    codelists: Mapping[str, Codelist] | None = None,
) -> str:
    """A report written as an officer writes one: the results by area of work (outreach,
    models, coordination under each document, outcomes, awards) in plain sentences, each
    figure in the source's words, then the headed sections "Đánh giá" and "Nhiệm vụ thời
    gian tới" left for the officer. ``lang`` is ``"vi"`` or ``"en"``; ``period`` a year or an
    interval, ``area`` an id or a code, ``by`` dimensions of
    :data:`antt_domain.aggregate.DIMENSIONS_V2`; ``organisation`` and ``agreement`` select
    1.0 data only (refused on a 2.0 dataset); ``codelists`` label the codes and say what may
    be added (``None``: the bundled 2.0 codelists; pass a plugin manager's
    :meth:`~antt_domain.plugins.AnttPluginManager.codelists_v2` so that a plugin's namespaced
    unit prints its label, not its code)."""
    return _render(
        render_summary_v2,
        dataset,
        lang=lang,
        period=period,
        area=area,
        by=by,
        organisation=organisation,
        agreement=agreement,
        codelists=codelists,
    )


def render_markdown(
    dataset: Dataset | DatasetV2,
    *,
    lang: str = "vi",
    period: Interval | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    organisation: str | None = None,
    agreement: str | None = None,
    codelists: Mapping[str, Codelist] | None = None,
) -> str:
    """Markdown tables: totals of like figures with the source's words and their records,
    the models by lifecycle, the figures kept apart and why, events, awards, assessments. The
    arguments are those of :func:`render_summary`."""
    return _render(
        render_markdown_v2,
        dataset,
        lang=lang,
        period=period,
        area=area,
        by=by,
        organisation=organisation,
        agreement=agreement,
        codelists=codelists,
    )


def render_aggregate_json(
    dataset: Dataset | DatasetV2,
    *,
    lang: str = "vi",
    period: Interval | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    organisation: str | None = None,
    agreement: str | None = None,
    codelists: Mapping[str, Codelist] | None = None,
) -> str:
    """The aggregate of the figures as JSON text (``version: 2``: each cell's key, total,
    records and the source's words); a final newline. The arguments are those of
    :func:`render_summary`. (Named for what it renders, apart from the JSON of validation
    findings.)"""
    return _render(
        render_aggregate_json_v2,
        dataset,
        lang=lang,
        period=period,
        area=area,
        by=by,
        organisation=organisation,
        agreement=agreement,
        codelists=codelists,
    )
