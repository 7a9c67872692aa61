"""Bar charts as inline SVG: what is drawn (from the aggregate) and how (accessible SVG).

A chart shows one indicator -- one record type, kind, measure and unit -- so that bars are only
ever compared within one unit. Bars are the aggregate's cells (never added up again here); the
texts are the ``markdown`` report's, so numbers read as the built-in reports write them. Each
bar's ``<title>`` (the tooltip) lists the ids of the records it was computed from.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from antt_domain.aggregate import Aggregate, ApartReason, Cell, Group
from antt_domain.reports import Block, Heading, Table
from antt_domain.schemas import codelist
from antt_domain.text_safety import html_escape as escape

__all__ = ["MAX_BARS", "Bar", "Chart", "apart_charts", "cell_charts", "drawn", "svg"]

#: At most this many bars are drawn in one chart (the largest); the data table lists all.
MAX_BARS = 30
_WIDTH = 720
_LEFT = 8
_PLOT = 480
_ROW = 36
_TOP = 8
_COLOURS = {"activity": "#1f5f99", "outcome": "#2e6b34", "apart": "#7a5a1c"}


@attrs.frozen(kw_only=True)
class Bar:
    """One bar: its label, value (for its length), the value as written, and its records."""

    label: str
    value: float
    text: str
    records: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Chart:
    """One indicator's bars; ``kind`` is ``activity``, ``outcome`` or ``apart`` (colour)."""

    title: str
    kind: str
    bars: tuple[Bar, ...]


def _number(value: object) -> float:
    if isinstance(value, (int, float, Decimal)):
        return float(value)
    return 0.0


def _flow_tables(blocks: Sequence[Block]) -> list[tuple[str, Table]]:
    """The first section's tables (totals per group) with their group heading, in order."""
    found: list[tuple[str, Table]] = []
    sections = 0
    label = ""
    for block in blocks:
        if isinstance(block, Heading) and block.level == 2:
            sections += 1
            if sections > 1:
                break
        elif isinstance(block, Heading) and block.level == 3:
            label = block.text
        elif isinstance(block, Table) and sections == 1:
            found.append((label, block))
            label = ""
    return found


def _checked(rows: Sequence[Sequence[str]], cells: Sequence[Cell]) -> None:
    for row, cell in zip(rows, cells, strict=True):
        if row[-1] != ", ".join(cell.record_ids):
            msg = f"markdown row {row!r} does not match the aggregate's cell {cell.record_ids}"
            raise RuntimeError(msg)


def cell_charts(
    result: Aggregate, blocks: Sequence[Block], *, record_type: str, lang: str
) -> list[Chart]:
    """One chart per indicator of ``record_type`` over the groups of ``result``.

    ``blocks`` is the ``markdown`` report of the same request, read back; its rows give the
    words and must list the same records as the cells (checked).
    """
    groups: list[Group] = [g for g in result.groups if g.flows]
    tables = _flow_tables(blocks)
    if len(tables) != len(groups):
        msg = f"{len(tables)} markdown tables for {len(groups)} groups with figures"
        raise RuntimeError(msg)
    series: dict[tuple[str, str, str, str], list[tuple[Cell, Sequence[str], str]]] = {}
    titles: dict[tuple[str, str, str, str], str] = {}
    for group, (label, table) in zip(groups, tables, strict=True):
        _checked(table.rows, group.flows)
        for cell, row in zip(group.flows, table.rows, strict=True):
            if cell.record_type != record_type:
                continue
            key = (cell.record_type, cell.kind, cell.measure.value, cell.unit)
            series.setdefault(key, []).append((cell, row, label))
            titles.setdefault(key, f"{row[1]} ({codelist('units').label(cell.unit, lang)})")
    charts = []
    for key, items in series.items():
        levels = {row[2] for _, row, _ in items}
        bars = []
        for cell, words, group_label in items:
            name = group_label or words[1]
            if len(levels) > 1:
                name = f"{name} ({words[2]})"
            bars.append(
                Bar(label=name, value=_number(cell.value), text=words[3], records=cell.record_ids)
            )
        charts.append(Chart(title=titles[key], kind=record_type, bars=tuple(bars)))
    return charts


#: The first header cell of the markdown report's table of figures kept apart.
_APART_HEADER = ("Lý do", "Reason")


def apart_charts(result: Aggregate, blocks: Sequence[Block], *, lang: str) -> list[Chart]:
    """The figures whose period is not stated, one chart per unit, one bar per figure."""
    rows: list[Sequence[str]] = []
    for block in blocks:
        if isinstance(block, Table) and block.header and block.header[0] in _APART_HEADER:
            rows = list(block.rows)
    by_unit: dict[str, list[Bar]] = {}
    units: dict[str, str] = {}
    for item, row in zip(result.apart, rows, strict=True):
        if row[-1] != item.record_id:
            msg = f"markdown row {row!r} does not match the figure {item.record_id}"
            raise RuntimeError(msg)
        if item.reason is not ApartReason.UNSTATED_PERIOD or item.quantity is None:
            continue
        unit = item.quantity.unit
        label = f"{row[1]} — {row[3]}"
        bar = Bar(
            label=label, value=_number(item.quantity.value), text=row[2], records=(item.record_id,)
        )
        by_unit.setdefault(unit, []).append(bar)
        units.setdefault(unit, codelist("units").label(unit, lang))
    return [
        Chart(title=units[unit], kind="apart", bars=tuple(bars)) for unit, bars in by_unit.items()
    ]


def drawn(chart: Chart) -> tuple[Bar, ...]:
    """The bars drawn: all of them, or the :data:`MAX_BARS` largest, in their order."""
    if len(chart.bars) <= MAX_BARS:
        return chart.bars
    ranked = sorted(range(len(chart.bars)), key=lambda i: (-chart.bars[i].value, i))
    keep = set(ranked[:MAX_BARS])
    return tuple(bar for i, bar in enumerate(chart.bars) if i in keep)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def svg(chart: Chart, *, ident: str, records_word: str, summary: str) -> str:
    """``chart`` as an accessible inline SVG (``role="img"``, ``<title>``, ``<desc>``)."""
    bars = drawn(chart)
    height = _TOP * 2 + _ROW * len(bars)
    top = max((bar.value for bar in bars), default=0.0)
    colour = _COLOURS[chart.kind]
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" height="{height}" '
            f'aria-labelledby="{ident}-title {ident}-desc">'
        ),
        f'<title id="{ident}-title">{escape(chart.title)}</title>',
        f'<desc id="{ident}-desc">{escape(summary)}</desc>',
    ]
    for index, bar in enumerate(bars):
        y = _TOP + index * _ROW
        length = 0.0 if top <= 0 else max(bar.value, 0.0) / top * _PLOT
        tip = f"{bar.label}: {bar.text}\n{records_word}: {', '.join(bar.records)}"
        parts.append(
            f'<g class="bar"><title>{escape(tip)}</title>'
            f'<text x="{_LEFT}" y="{y + 12}" class="label">{escape(_clip(bar.label, 110))}</text>'
            f'<rect x="{_LEFT}" y="{y + 17}" width="{max(length, 1.0):.1f}" height="14" '
            f'fill="{colour}"/>'
            f'<text x="{_LEFT + length + 6:.1f}" y="{y + 29}" class="value">'
            f"{escape(_clip(bar.text, 40))}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)
