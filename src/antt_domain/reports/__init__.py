"""Report renderers: a narrative summary, Markdown tables, JSON with provenance.

Plain functions of one signature, ``render_<format>(dataset, *, lang="vi", period=None,
area=None, by=(), organisation=None, agreement=None, codelists=None) -> str``
(``render_summary``, ``render_markdown``, ``render_aggregate_json``), built on
:func:`antt_domain.aggregate.aggregate_v2`: a 1.0 dataset is reported as its 2.0 upgrade,
made in memory, so the adding rule lives in one place. Output is deterministic; in
Vietnamese numbers and dates follow Vietnamese conventions (``1.838``, ``72,6%``, ``ngày 05
tháng 3 năm 2021``). The plugin layer registers them as the built-in report formats.
:func:`parse_markdown` reads
the Markdown report back as headings, tables and text, for formats built on it;
:func:`period_in_words` says an aggregate cell's period as the tables do and
:func:`head_term` the one word of a label listing synonyms; :func:`unit_word` the one word
said after a number (for ``antt show`` and charts), :func:`vague_words` a vague amount
in the source's words and :func:`amount_words` an amount with what it counted, each word once.
"""

from __future__ import annotations

from antt_domain.reports._blocks import Block, Heading, Table, Text, parse_markdown, split_cells
from antt_domain.reports._render import (
    render_aggregate_json,
    render_markdown,
    render_summary,
)
from antt_domain.reports._upgraded import report_dataset
from antt_domain.reports._v2_words import (
    amount_words,
    head_term,
    period_in_words,
    unit_word,
    vague_words,
)

__all__ = [
    "Block",
    "Heading",
    "Table",
    "Text",
    "amount_words",
    "head_term",
    "parse_markdown",
    "period_in_words",
    "render_aggregate_json",
    "render_markdown",
    "render_summary",
    "report_dataset",
    "split_cells",
    "unit_word",
    "vague_words",
]
