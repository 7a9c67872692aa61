"""The validation engine, for commands and plugins that drive a run themselves.

:func:`antt_domain.validation.validate` is enough for most callers. A command that takes its
inputs in its own way (standard input, a workbook read into records) builds
:class:`InputSource` objects (or finds them with :func:`discover`), says how to validate with
:class:`Options`, calls :func:`run`, and writes the report with :func:`render_parts`; a plugin
that reports problems of its own makes findings with :func:`make_finding` or
:func:`finding_from`. :func:`few_collections` is for programs (not libraries) that run big
validations: it runs Python's cyclic collector less often while they do (see
``docs/performance.md``).

How a run goes (the modules of ``antt_domain.validation``): ``_run`` is the pipeline; it plans
the run and checks every piece of the inputs in ``_workers`` (in this process, or in worker
processes with ``jobs > 1``: the same plan), which reads and checks each piece in ``_pieces``
and ``_pipeline``; ``_apply`` applies rules, ``_locate`` finds the line and column of every
finding, ``_kept`` caps them.
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
from antt_domain.validation._pool import GC_THRESHOLDS, few_collections
from antt_domain.validation._run import run

__all__ = [
    "DEFAULT",
    "GC_THRESHOLDS",
    "INPUT_FORMATS",
    "Codelists",
    "Default",
    "GazetteerOption",
    "InputSource",
    "Options",
    "Progress",
    "discover",
    "few_collections",
    "finding_from",
    "make_finding",
    "render_parts",
    "run",
]
