"""``render_html``: one self-contained HTML page -- summary, SVG bar charts, tables, provenance."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from antt_domain.aggregate import aggregate_v2
from antt_domain.model.v2 import Area, Codelists
from antt_domain.model.v2 import Dataset as DatasetV2
from antt_domain.plugins import ReportRequest
from antt_domain.reports import (
    Heading,
    Table,
    Text,
    parse_markdown,
    render_markdown,
    render_summary,
    report_dataset,
)
from antt_domain.schemas import codelists
from antt_domain.text_safety import html_escape as escape
from antt_domain.vi import format_number
from antt_domain_html._charts import MAX_BARS, Chart, drawn, key_charts, svg
from antt_domain_html._style import STYLE

__all__ = ["CSP", "render_html"]

#: The page admits nothing from outside: no script, font, image or connection.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

_WORDS = {
    "vi": {
        "report": "Báo cáo",
        "contents": "Mục lục",
        "summary": "Tóm tắt",
        "charts": "Biểu đồ",
        "tables": "Bảng số liệu",
        "charts_note": "Mỗi biểu đồ chỉ đặt cạnh nhau các số liệu cùng loại, cùng đơn vị, cùng "
        "đối tượng đếm, theo từng kỳ; mỗi cột ghi nguyên văn của nguồn.",
        "records": "Bản ghi",
        "data": "Số liệu của biểu đồ",
        "label": "Nhóm",
        "figure": "Số liệu",
        "shown": "Vẽ {shown} cột lớn nhất trong {total}; bảng dưới đây liệt kê đủ.",
        "desc": "Biểu đồ cột: {count} cột; lớn nhất: {top}.",
        "hint": "Di chuột lên một cột hoặc xem cột “Bản ghi” để biết số liệu lấy từ bản ghi nào.",
        "made": "Tạo bởi antt-domain-html từ bộ dữ liệu",
    },
    "en": {
        "report": "Report",
        "contents": "Contents",
        "summary": "Summary",
        "charts": "Charts",
        "tables": "Tables",
        "charts_note": "Each chart sets side by side only figures of one kind, unit and "
        "counted thing, period by period; each bar is labelled in the source's words.",
        "records": "Records",
        "data": "The chart's data",
        "label": "Group",
        "figure": "Figure",
        "shown": "The {shown} largest of {total} bars are drawn; the table below lists all.",
        "desc": "Bar chart: {count} bars; largest: {top}.",
        "hint": "Hover over a bar, or read the “Records” column, to see which records a figure "
        "comes from.",
        "made": "Made by antt-domain-html from the dataset",
    },
}


def render_html(request: ReportRequest, /) -> str:
    """The report of ``request`` as one self-contained HTML page (deterministic)."""
    words = _WORDS[request.lang]
    dataset = request.dataset
    # The 2.0 dataset the page is made from (a 1.0 one upgraded, with its 1.0 selections),
    # made once for the summary, the tables and the charts.
    two = report_dataset(
        dataset,
        organisation=request.options.get("organisation"),
        agreement=request.options.get("agreement"),
    )
    selection: dict[str, Any] = {
        "period": request.period,
        "area": request.area,
        "codelists": request.codelists_v2,
    }
    summary = render_summary(two, lang=request.lang, by=request.by, **selection)
    paragraphs = summary.strip().split("\n\n")
    tables = render_markdown(two, lang=request.lang, by=request.by, **selection)
    charts = _charts(request, two)
    counter = _Counter()
    title = f"{words['report']}: {dataset.title}"
    body = [
        f"<header><h1>{escape(title)}</h1>",
        *(f"<p class=lead>{escape(p)}</p>" for p in paragraphs[1:2]),
        f"<p class=hint>{escape(words['hint'])}</p></header>",
        (
            f'<nav aria-label="{escape(words["contents"])}"><ul>'
            f'<li><a href="#summary">{escape(words["summary"])}</a></li>'
            + (f'<li><a href="#charts">{escape(words["charts"])}</a></li>' if charts else "")
            + f'<li><a href="#tables">{escape(words["tables"])}</a></li></ul></nav>'
        ),
        "<main>",
        (
            f'<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">'
            f"{escape(words['summary'])}</h2>"
        ),
        *(f"<p>{escape(p)}</p>" for p in paragraphs[2:]),
        "</section>",
        _charts_section(charts, words, counter, request.lang),
        _tables_section(tables, words),
        "</main>",
        f"<footer><p>{escape(words['made'])} <code>{escape(dataset.id)}</code>.</p></footer>",
    ]
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{request.lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="antt-domain-html">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


@attrs.define
class _Counter:
    value: int = 0

    def next(self) -> str:
        self.value += 1
        return f"chart-{self.value}"


def _charts(request: ReportRequest, two: DatasetV2) -> list[Chart]:
    """The charts of the request, made from ``two`` (the request's dataset as 2.0): each
    compares the totals of one key (issue #19)."""
    lists = codelists("2") if request.codelists_v2 is None else request.codelists_v2
    result = aggregate_v2(
        two, period=request.period, area=request.area, by=request.by, codelists=lists
    )
    labels = Codelists(lists=lists, vocabulary=two.vocabulary)
    names = {area.id: area.name for area in two.of_type(Area)}
    return key_charts(result, labels, lang=request.lang, names=names)


def _charts_section(
    charts: list[Chart], words: dict[str, str], counter: _Counter, lang: str
) -> str:
    """The charts, when there are any: a page never shows a chart that says nothing."""
    if not charts:
        return ""
    parts = [
        '<section id="charts" aria-labelledby="charts-h">',
        f'<h2 id="charts-h">{escape(words["charts"])}</h2>',
        f"<p class=note>{escape(words['charts_note'])}</p>",
    ]
    parts += [_figure(chart, words, counter.next(), lang) for chart in charts]
    parts.append("</section>")
    return "\n".join(parts)


def _figure(chart: Chart, words: dict[str, str], ident: str, lang: str) -> str:
    shown = drawn(chart)
    top = max(shown, key=lambda bar: bar.value)
    summary = words["desc"].format(count=len(shown), top=f"{top.label}: {top.text}")
    parts = [
        f'<figure id="{ident}">',
        f"<figcaption>{escape(chart.title)}</figcaption>",
        svg(chart, ident=ident, records_word=words["records"], summary=summary),
    ]
    if len(chart.bars) > MAX_BARS:
        total = format_number(len(chart.bars), lang="en" if lang == "en" else "vi")
        note = words["shown"].format(shown=MAX_BARS, total=total)
        parts.append(f"<p class=note>{escape(note)}</p>")
    rows = [[bar.label, bar.text, ", ".join(bar.records)] for bar in chart.bars]
    parts.append(f"<details><summary>{escape(words['data'])}</summary>")
    parts.append(
        _table(
            chart.title,
            [words["label"], words["figure"], words["records"]],
            rows,
            figure_column=1,
        )
    )
    parts.append("</details></figure>")
    return "\n".join(parts)


def _table(
    caption: str, header: Sequence[str], rows: Sequence[Sequence[str]], *, figure_column: int
) -> str:
    """A table with a caption; when its last column lists records (provenance), the figure
    cell's tooltip names them too."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    records = len(header) - 1 if header and header[-1] in _RECORDS_HEADERS else None
    lines = [f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>"]
    for row in rows:
        cells = []
        for index, text in enumerate(row):
            if index == figure_column and records is not None and row[records]:
                tip = f"{header[records]}: {row[records]}"
                cells.append(f'<td class=num title="{escape(tip)}">{escape(text)}</td>')
            elif index == records:
                cells.append(f"<td class=ids>{escape(text)}</td>")
            else:
                cells.append(f"<td>{escape(text)}</td>")
        lines.append(f"<tr>{''.join(cells)}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _tables_section(markdown: str, words: dict[str, str]) -> str:
    parts = [
        '<section id="tables" aria-labelledby="tables-h">',
        f'<h2 id="tables-h">{escape(words["tables"])}</h2>',
    ]
    section = ""
    group = ""
    for block in parse_markdown(markdown):
        if isinstance(block, Heading):
            if block.level == 2:
                section, group = block.text, ""
                parts.append(f"<h3>{escape(block.text)}</h3>")
            elif block.level == 3:
                group = block.text
        elif isinstance(block, Text):
            if not block.text.startswith("- **"):
                parts.append(f"<p>{escape(block.text)}</p>")
        else:
            caption = f"{section} — {group}" if group else section
            figure_column = _figure_column(block)
            parts.append(_table(caption, block.header, block.rows, figure_column=figure_column))
    parts.append("</section>")
    return "\n".join(parts)


_FIGURE_HEADERS = ("Số lượng", "Value")
_RECORDS_HEADERS = ("Bản ghi", "Records", "Record")


def _figure_column(table: Table) -> int:
    for index, name in enumerate(table.header):
        if name in _FIGURE_HEADERS:
            return index
    return -1
