"""A whole validation run, as one straight pipeline, built of the two halves a distributed
engine calls one by one (see :mod:`antt_domain.validation.engine`: ``check_part``, ``join``).

1. plan the run (``_workers.plan_run``): which rules run with each piece of the inputs (the
   built-in record rules, and the facts of the built-in split rules across records), and which
   afterwards in this process;
2. read and check every piece -- read, schema, structure, then the built-in record rules and
   facts -- in this process or in worker processes, by the same plan (``_workers.results``);
3. join the pieces as they come back, in input order (``_join``): findings kept, plugins'
   record rules applied, the rules across records fed (or, with a function-style one, run over
   a :class:`RecordSet` of every sound record after the last piece);
4. locate the rule findings, reading again only the files that have some (``_locate``), and
   keep the findings the options ask for, capped (``_kept``), in one :class:`Report`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from antt_domain.validation import _workers
from antt_domain.validation._facts import spilling_after
from antt_domain.validation._faults import Faults
from antt_domain.validation._findings import Report
from antt_domain.validation._inputs import InputSource
from antt_domain.validation._join import Joiner
from antt_domain.validation._options import Options, Progress
from antt_domain.validation._pieces import size_of
from antt_domain.validation._transport import Part

__all__ = ["check_part", "join", "run"]


def run(
    sources: Sequence[InputSource], options: Options, progress: Progress | None = None
) -> Report:
    """Validate ``sources`` with ``options`` into one report; ``progress(done, total)`` is
    called as each piece of work is done.

    Records are dropped once the pieces they came in are joined, so memory stays flat however
    long a JSONL file is -- unless a rule across records is a function
    ``check(records, context)``: then the sound records of the run are kept for it (the rules
    across records then run over a ``RecordSet``: the same findings).
    """
    joins = _workers.joins(sources, options)
    # A run in one process no larger than RECORD_SET_BYTES (none, but in tests) keeps its
    # records for the rules across records; with its join dealt out, never.
    small = joins == 1 and sum(size_of(s) for s in sources) <= _workers.RECORD_SET_BYTES
    plan, rules = _workers.plan_run(options, small=small, joins=joins)
    with spilling_after(options.spill_after):
        joiner = Joiner(options, plan, rules)
        try:
            # Looked up in its module at each run, so that a test can wrap it.
            for part in _workers.results(sources, plan, options, progress, joiner.off):
                joiner.add(part)
            return joiner.report()
        finally:
            joiner.close()


def check_part(
    source: InputSource, options: Options, start: int = 0, end: int | None = None
) -> Part:
    """Check one piece of a run: ``source`` whole, or the bytes ``start`` to ``end`` of a JSONL
    file (``start`` at a line start; ``end`` at one, or ``None``: the end of the file).

    The piece is read and checked (read, schema, structure, the built-in record rules, the
    facts of the built-in split rules across records) as :func:`run` checks each piece; the
    :class:`Part` is compact and picklable (findings as tuples; the sound records as JSON bytes
    only when the rules left for :func:`join` need them), for a distributed engine to send
    back. Lines count from ``start``. Facts may hold ``hash()`` digests: a distributed engine
    must start all its workers with one ``PYTHONHASHSEED``.
    """
    plan, _ = _workers.plan_run(options)
    faults = Faults(raise_on_crash=options.raise_on_crash)
    unit = _workers.Unit(0, source, start, end)
    part = _workers.check_unit(unit, plan, plan.context(), faults, send=True)
    return attrs.evolve(part, source=source)


def join(parts: Iterable[Part], options: Options) -> Report:
    """The report of a run from its parts (:func:`check_part`), given in input order -- the
    same report as :func:`run` over the same inputs with the same ``options``.

    Each input's parts follow one another, its first part starting at byte 0. The rules left
    for this process run here: plugins' record rules on the parts' records, the rules across
    records on their facts (or, when one of them is a function ``check(records, context)``,
    over every sound record, which the parts then carry). Rule findings are located by reading
    again the files that have some, by the parts' sources.
    """
    plan, rules = _workers.plan_run(options)
    with spilling_after(options.spill_after):
        joiner = Joiner(options, plan, rules)
        for part in parts:
            joiner.add(part)
        return joiner.report()
