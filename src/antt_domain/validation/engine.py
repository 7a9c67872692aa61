"""The validation engine, for commands and plugins that drive a run themselves.

:func:`antt_domain.validation.validate` is enough for most callers. A command that takes its
inputs in its own way (standard input, a workbook read into records) builds
:class:`InputSource` objects (or finds them with :func:`discover`), says how to validate with
:class:`Options`, calls :func:`run`, and writes the report with :func:`render_parts`; a plugin
that reports problems of its own makes findings with :func:`make_finding` or
:func:`finding_from`. :func:`few_collections` is for programs (not libraries) that run big
validations: it runs Python's cyclic collector less often while they do (see
``docs/performance.md``).

A distributed engine (Dask, Spark) runs a validation in two halves: :func:`check_part` on
each input, or each byte range of a large JSONL file, wherever it likes -- the map -- and
:func:`join` over the :class:`Part` objects, in input order, in one process -- the join:
plugins' record rules, the rules across records on the parts' compact facts (:class:`Facts`,
a column a rule), the findings located and capped. :func:`run` is these two halves in one
machine; :func:`line_bounds` cuts a JSONL file into byte ranges at line starts, as the
engine does.

How a run goes (the modules of ``antt_domain.validation``): ``_run`` is the pipeline; it plans
the run and checks every piece of the inputs in ``_workers`` (in this process, or in worker
processes with ``jobs > 1``: the same plan), which reads and checks each piece in ``_pieces``
and ``_pipeline`` and makes the facts of the split rules across records; ``_join`` joins the
pieces as they come back: ``_apply`` applies the rules left, ``_feeds`` feeds the rules across
records, ``_locate`` finds the line and column of every finding, ``_kept`` caps them.
"""

from __future__ import annotations

from antt_domain.validation._catalogue import finding_from, make_finding
from antt_domain.validation._formats import render_parts
from antt_domain.validation._inputs import INPUT_FORMATS, InputSource, discover
from antt_domain.validation._options import (
    DEFAULT,
    Codelists,
    Default,
    GazetteerOption,
    Options,
    Progress,
)
from antt_domain.validation._pieces import line_bounds
from antt_domain.validation._pool import GC_THRESHOLDS, few_collections
from antt_domain.validation._run import check_part, join, run
from antt_domain.validation._transport import Facts, Part

__all__ = [
    "DEFAULT",
    "GC_THRESHOLDS",
    "INPUT_FORMATS",
    "Codelists",
    "Default",
    "Facts",
    "GazetteerOption",
    "InputSource",
    "Options",
    "Part",
    "Progress",
    "check_part",
    "discover",
    "few_collections",
    "finding_from",
    "join",
    "line_bounds",
    "make_finding",
    "render_parts",
    "run",
]
