"""The built-in report formats: ``summary``, ``markdown`` and ``json``, on 1.0 and 2.0 datasets.

They render :mod:`antt_domain.reports` (built on :mod:`antt_domain.aggregate`) and are
registered through the same hook a third-party report format uses.
"""

from __future__ import annotations

from collections.abc import Callable

from antt_domain.plugins._markers import hookimpl
from antt_domain.plugins._specs import ReportFormatSpec, ReportRequest

__all__ = ["antt_register_report_formats"]

_OPTIONS = {
    "organisation": "only figures this organisation (id) organised or took part in (1.0 only)",
    "agreement": "only figures reported under this agreement (id) (1.0 only)",
}


def _renderer(name: str) -> Callable[[ReportRequest], str]:
    """A renderer calling ``antt_domain.reports.<name>``, imported when a report is made (the
    aggregation code stays unloaded for commands that make none)."""

    def run(request: ReportRequest, /) -> str:
        from antt_domain import reports  # noqa: PLC0415 - loaded when a report is rendered

        render: Callable[..., str] = getattr(reports, name)
        return render(
            request.dataset,
            lang=request.lang,
            period=request.period,
            area=request.area,
            by=request.by,
            organisation=request.options.get("organisation"),
            agreement=request.options.get("agreement"),
            codelists=request.codelists_v2,
        )

    return run


@hookimpl
def antt_register_report_formats() -> list[ReportFormatSpec]:
    """Register ``summary``, ``markdown`` and ``json``."""
    return [
        ReportFormatSpec(
            name="summary",
            title="Narrative summary report (vi/en)",
            media_type="text/plain",
            extension="txt",
            binary=False,
            render=_renderer("render_summary"),
            options=_OPTIONS,
            schema_versions=("1", "2"),
            description="Paragraphs: coordination under each agreement, activities, models, "
            "outcomes, stocks, and the figures whose period is not stated, apart.",
        ),
        ReportFormatSpec(
            name="markdown",
            title="Report tables in Markdown",
            media_type="text/markdown",
            extension="md",
            binary=False,
            render=_renderer("render_markdown"),
            options=_OPTIONS,
            schema_versions=("1", "2"),
        ),
        ReportFormatSpec(
            name="json",
            title="The aggregate with provenance (JSON: version 1 for 1.0, version 2 for 2.0 data)",
            media_type="application/json",
            extension="json",
            binary=False,
            render=_renderer("render_aggregate_json"),
            options=_OPTIONS,
            schema_versions=("1", "2"),
            description="Every cell lists the ids of the records it was computed from.",
        ),
    ]
