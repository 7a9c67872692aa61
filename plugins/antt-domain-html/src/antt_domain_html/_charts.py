"""Bar charts as inline SVG: what is drawn (from the 2.0 aggregate) and how (accessible SVG).

A chart sets side by side only totals of one :class:`~antt_domain.aggregate.FigureKey` --
the same kind, unit, classifier, counted thing, subject and level -- that differ in period or
in the requested grouping alone (issue #19): never 274 mediation teams beside 213 teams of
another model. Bars are the aggregate's cells (never added up again here), each labelled in the
source's words; a key with one total draws no chart. Each bar's ``<title>`` (the tooltip) lists
the ids of the records it was computed from.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from antt_domain.aggregate import AggregateV2, CellV2, FigureKey
from antt_domain.model.v2 import Codelists
from antt_domain.reports import amount_words, head_term, period_in_words, unit_word
from antt_domain.text_safety import html_escape as escape
from antt_domain.vi import format_number

__all__ = ["MAX_BARS", "Bar", "Chart", "drawn", "key_charts", "svg"]

#: At most this many bars are drawn in one chart (the largest); the data table lists all.
MAX_BARS = 30
_WIDTH = 720
_LEFT = 8
_PLOT = 480
_ROW = 36
_TOP = 8
_COLOURS = {"activity": "#1f5f99", "outcome": "#2e6b34", "other": "#7a5a1c"}


@attrs.frozen(kw_only=True)
class Bar:
    """One bar: its label, value (for its length), the value as written, and its records."""

    label: str
    value: float
    text: str
    records: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Chart:
    """One key's bars; ``kind`` is the figure class (``activity``, ``outcome``, ``other``)."""

    title: str
    kind: str
    bars: tuple[Bar, ...]


def _number(value: object) -> float:
    if isinstance(value, (int, float, Decimal)):
        return float(value)
    return 0.0


def _bar_label(cell: CellV2, lang: str, names: Mapping[str, str]) -> str:
    """The bar's period in words ("năm 2021", as the tables say it) and its group (an area by
    its name), then the source's words for each figure it adds."""
    key = cell.key
    period = period_in_words(key.period, lang=lang)
    group = ", ".join(names.get(v, v) for _, v in key.group if v)
    words = (
        " ".join(
            w for w in (amount_words(c.as_written, c.counted_as_written), c.period_as_written) if w
        )
        for c in cell.contributions
    )
    said = "; ".join(w for w in words if w)
    head = " ".join(p for p in (period, group) if p)
    return f"{head}: “{said}”" if said else head


def _level(label: str, lang: str) -> str:
    """An area level on a chart's title, said once: "cấp xã", "Commune level" (the label may
    already say "Cấp xã" or "Commune level")."""
    if lang == "vi":
        bare = label[4:].strip() if label.lower().startswith("cấp ") else label
        return f"cấp {bare[:1].lower()}{bare[1:]}"
    return label if label.lower().endswith(" level") else f"{label} level"


def key_charts(
    result: AggregateV2,
    vocab: Codelists,
    *,
    lang: str,
    names: Mapping[str, str] | None = None,
) -> list[Chart]:
    """One chart per key holding two totals or more (over periods or groups); ``names`` say
    the records a group names (an area's id → its name)."""
    series: dict[FigureKey, list[CellV2]] = {}
    for cell in result.cells:
        series.setdefault(attrs.evolve(cell.key, period="", group=()), []).append(cell)
    charts = []
    for key, cells in series.items():
        if len(cells) < 2:
            continue
        # the axis counts several: the unit's word in the plural ("sessions"), as reports say
        # it; a unit that the number says ("%", "đồng") is still named on the axis
        unit = unit_word(vocab, key.unit, key.classifier, lang=lang) or head_term(
            vocab.label(key.unit, lang, codelist="units")
        )
        bits = [vocab.label(key.kind, lang, codelist="figure_kinds"), unit]
        bits += [vocab.label(c, lang, codelist="counted_things") for c in key.counted]
        bits += [vocab.label(c, lang, codelist="lifecycle_stages") for c in key.lifecycle]
        bits += [vocab.label(c, lang, codelist="qualifiers") for c in key.qualifiers]
        bits += [vocab.label(c, lang, codelist="target_groups") for c in key.groups]
        bits += [vocab.label(c, lang, codelist="topics") for c in key.topics]
        bits += list(key.models)
        if key.area_level is not None:
            level = vocab.label(key.area_level, lang, codelist="area_levels")
            bits.append(_level(level, lang))
        figure_class = vocab.figure_class(key.kind)
        kind = figure_class.value if figure_class is not None else "other"
        bars = tuple(
            Bar(
                label=_bar_label(cell, lang, names or {}),
                value=_number(cell.total.value),
                text=format_number(cell.total.value, lang="en" if lang == "en" else "vi"),
                records=cell.record_ids,
            )
            for cell in cells
        )
        charts.append(
            Chart(title=" — ".join(bits), kind=kind if kind in _COLOURS else "other", bars=bars)
        )
    return charts


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
