"""antt-domain plugin: the ``html`` report format, one self-contained page with SVG charts.

``antt report --format html -o bao-cao.html DATASET`` writes one HTML file that works offline
(no script, font, image or stylesheet from elsewhere): the ``summary`` report's paragraphs,
bar charts of activities and outcomes by period and area and by organisation, the figures
whose period is not stated (apart), and the ``markdown`` report's tables. Every bar and figure
names the records it came from. Registered through the public ``antt_domain`` entry-point
group only. See README.md.
"""

from __future__ import annotations

from antt_domain.plugins import ReportFormatSpec, hookimpl
from antt_domain_html._page import CHART_BREAKDOWNS, CSP, render_html

__all__ = ["CHART_BREAKDOWNS", "CSP", "OPTIONS", "antt_register_report_formats", "render_html"]

#: The options the ``html`` format accepts, name → description.
OPTIONS = {
    "organisation": "only figures this organisation (id) organised or took part in",
    "agreement": "only figures reported under this agreement (id)",
}


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
            render=render_html,
            options=OPTIONS,
            description="One file that works offline: summary, bar charts by period and area "
            "and by organisation, tables; every figure names its records.",
        )
    ]
