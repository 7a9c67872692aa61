"""antt-domain plugin: the ``html`` report format, one self-contained page with SVG charts.

``antt report --format html -o bao-cao.html DATASET`` writes one HTML file that works offline
(no script, font, image or stylesheet from elsewhere): the ``summary`` report's paragraphs,
bar charts of activities and outcomes by period and area and by organisation, the figures
whose period is not stated (apart), and the ``markdown`` report's tables. Every bar and figure
names the records it came from. Registered through the public ``antt_domain`` entry-point
group only. See README.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from antt_domain.plugins import ReportFormatSpec, ReportRequest, hookimpl

if TYPE_CHECKING:
    from antt_domain_html._page import CSP, render_html

_LAZY = {
    "CSP": "antt_domain_html._page",
    "render_html": "antt_domain_html._page",
}

__all__ = ["CSP", "OPTIONS", "antt_register_report_formats", "render_html"]

#: The options the ``html`` format accepts, name → description.
OPTIONS = {
    "organisation": "only figures this organisation (id) organised or took part in",
    "agreement": "only figures reported under this agreement (id)",
}


def _render(request: ReportRequest, /) -> str:
    """Render the page, its code imported only now."""
    from antt_domain_html._page import render_html  # noqa: PLC0415 - see __getattr__

    return render_html(request)


@hookimpl
def antt_register_report_formats() -> list[ReportFormatSpec]:
    """Register the ``html`` report format."""
    return [
        ReportFormatSpec(
            name="html",
            title="Self-contained HTML report with SVG charts (vi/en)",
            media_type="text/html",
            extension="html",
            binary=False,
            render=_render,
            options=OPTIONS,
            schema_versions=("1", "2"),
            description="One file that works offline: summary, bar charts by period and area "
            "and by organisation, tables; every figure names its records.",
        )
    ]


def __getattr__(name: str) -> Any:
    """Load the page and chart code (and the aggregation it uses) only when it is used: the
    plugin manager imports this package for every ``antt`` command, and registering needs
    none of it."""
    module = _LAZY.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
