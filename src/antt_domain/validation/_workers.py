"""Checking the inputs of a run, piece by piece, in this process or in worker processes.

A run is cut into pieces (:class:`Unit`: a whole input, or a byte range of a large JSONL
file) and a :class:`Plan` says what to do with each: read it as the run says, check it (read,
schema, structure), run the built-in record rules on its sound records, locating their
findings in the bytes at hand, and make the facts of the built-in split rules across records.
The same function does this for every piece (:func:`check_unit`): in this process, or -- with
``jobs > 1`` and a run big enough to gain from it -- in worker processes, whose results come
back as plain tuples, facts and (only when the parent needs records) JSON bytes (attrs objects
pickle slowly). :func:`results` gives the pieces in input order, for ``_join``.
"""

from __future__ import annotations

import itertools
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from typing import Any, cast, final

import attrs

from antt_domain.validation import _pool
from antt_domain.validation._apply import apply_record_rules, rule_context, rule_findings
from antt_domain.validation._faults import Faults
from antt_domain.validation._inputs import InputSource
from antt_domain.validation._locate import locate_in_piece
from antt_domain.validation._options import (
    DEFAULT,
    Codelists,
    GazetteerOption,
    Options,
    Progress,
)
from antt_domain.validation._pieces import Reading, check_piece, line_bounds, size_of
from antt_domain.validation._pipeline import Payload
from antt_domain.validation._pool import in_order
from antt_domain.validation._records import Located, RecordSet, RuleContext
from antt_domain.validation._rules import LifecycleCheck, Rule
from antt_domain.validation._shards import deal, here
from antt_domain.validation._transport import Facts, Part, finding_row
from antt_domain.validation.rules import BUILT_IN_RULES

__all__ = [
    "Plan",
    "Unit",
    "check_unit",
    "fact_columns",
    "facts_of",
    "joins",
    "needs_record_set",
    "plan_run",
    "results",
]

#: Above this size a JSONL file is checked in pieces of at most this size (a piece's sound
#: records, and the facts made of them, are in memory at once: 2 MiB keeps that to tens of MB).
CHUNK_BYTES = 2 * 1024 * 1024
#: Above this size, and with ``jobs > 1``, a JSONL file is shared between processes.
PARALLEL_BYTES = 1024 * 1024
#: With ``jobs > 1``, pieces of work smaller than this are not worth sending to a worker
#: process: a run whose bytes are mostly in such pieces stays in this process (see
#: ``_workers_can_win``).
SMALL_BYTES = 64 * 1024


@final
@attrs.frozen
class Unit:
    """One piece of work: a whole source, or a byte range of a large JSONL file."""

    index: int
    source: InputSource
    start: int = 0
    end: int | None = None


@final
@attrs.frozen(kw_only=True)
class Plan:
    """What is done to every piece of a run, in whichever process: how to read it, which
    built-in record rules to run and which built-in split rules across records to make facts
    for (by code: rules are not sent between processes) with which context, and whether its
    sound records are wanted afterwards (for rules that need the records themselves in this
    process: plugins' record rules, rules across records that are not split, and every rule
    across records on the :class:`RecordSet` path)."""

    reading: Reading
    rule_codes: tuple[str, ...]
    #: The built-in split rules across records whose ``facts`` each piece gives, as their
    #: places in ``BUILT_IN_RULES`` (codes would not do: the 1.0 and 2.0 D005 share one).
    fact_rules: tuple[int, ...] = ()
    #: The run's codelists and gazetteer, as picklable values (or ``DEFAULT``).
    codelists: Codelists
    codelists_v2: Codelists
    gazetteer: GazetteerOption
    keep_records: bool
    #: Whether the rules across records run over a :class:`RecordSet` of every sound record
    #: (a rule that is a function of it; or, in tests, a small run: :data:`RECORD_SET_BYTES`).
    record_set: bool = False
    #: The split rules joined in shard processes (``_shards``): for each shard, the places of
    #: its rules in ``fact_rules``. The main process joins the others.
    shards: tuple[tuple[int, ...], ...] = ()

    def context(self) -> RuleContext:
        """The rules' context of the run (the same in every process)."""
        return rule_context(self.codelists, self.codelists_v2, self.gazetteer)

    def split_rules(self) -> list[Rule]:
        """The built-in split rules whose facts the pieces bring, in the order of their columns."""
        return [BUILT_IN_RULES[i] for i in self.fact_rules]

    def split_here(self) -> list[Rule]:
        """The split rules the main process joins (all but the shards'), in the order of the
        facts it is given."""
        split = self.split_rules()
        return [split[place] for place in here(len(split), self.shards)]


#: A run in one process whose inputs come to this many bytes or less keeps its sound records
#: for the rules across records (the RecordSet path: about 4.5 MB of memory a MB of JSONL).
#: None does (-1): fed compact facts, a run takes as long from a few MB up (measured at 9, 37
#: and 47 MB of 1.0, 40 MB of 2.0; a tiny file 0.3-0.5 ms more) in flat memory -- 107 MB
#: against 155 MB at 37 MB, 116 MB against 207 MB at 47 MB (see ``docs/performance.md``).
#: Tests raise it to compare the two paths.
RECORD_SET_BYTES = -1


def needs_record_set(rules: Sequence[Rule]) -> bool:
    """Whether a run with ``rules`` keeps every sound record in a :class:`RecordSet`: when one
    of its rules across records is a function ``check(records, context)`` (it may look any
    record up). Otherwise every rule across records is fed as the pieces come, keeping none."""
    return any(r.scope == "dataset" and not isinstance(r.check, LifecycleCheck) for r in rules)


def plan_run(options: Options, *, small: bool = False, joins: int = 1) -> tuple[Plan, list[Rule]]:
    """The plan of a run, and the selected rules left to run in this process (plugins' record
    rules, and every rule across records: the split ones are given their facts here).
    ``small``: the run's inputs come to :data:`RECORD_SET_BYTES` or less, and the rules across
    records run over a :class:`RecordSet` (the same findings, sooner). ``joins``: how many
    processes may join the split rules (see ``_shards``; not when a crash is to be raised)."""
    rules = [r for r in (*BUILT_IN_RULES, *options.rules) if options.keeps(r.code)]
    in_plan = [r for r in rules if r.scope == "record" and r in BUILT_IN_RULES]
    rest = [r for r in rules if r not in in_plan]
    record_set = small or needs_record_set(rest)
    chosen = {id(r) for r in rest}
    # Facts made in workers that would hash otherwise than this process are made here.
    travel = options.jobs == 1 or _pool.facts_travel()
    split = [
        i
        for i, r in enumerate(BUILT_IN_RULES)
        if travel and not record_set and id(r) in chosen and r.scope == "dataset" and _splits(r)
    ]
    plan = Plan(
        reading=(options.force_type, options.schema_version),
        rule_codes=tuple(r.code for r in in_plan),
        fact_rules=tuple(split),
        codelists=_picklable(options.codelists),
        codelists_v2=_picklable(options.codelists_v2),
        gazetteer=options.gazetteer,
        keep_records=len(split) < len(rest),
        record_set=record_set,
        shards=()
        if options.raise_on_crash
        else deal([BUILT_IN_RULES[i].code for i in split], joins),
    )
    return plan, rest


def _splits(rule: Rule) -> bool:
    return isinstance(rule.check, LifecycleCheck) and rule.check.splits


def _picklable(lists: Codelists) -> Codelists:
    """``lists`` as a plain dict (a plugin manager's are read-only proxies, which do not
    pickle)."""
    return lists if lists is DEFAULT else dict(lists)


def check_unit(unit: Unit, plan: Plan, context: RuleContext, faults: Faults, *, send: bool) -> Part:
    """Check one piece as ``plan`` says; ``send``: for another process (records as bytes)."""
    payload: Payload | None = [] if send and plan.keep_records else None
    checked, lines, data = check_piece(unit.source, unit.start, unit.end, plan.reading, payload)
    by_code = {r.code: r for r in BUILT_IN_RULES}
    if plan.rule_codes and checked.records:
        rules = [by_code[code] for code in plan.rule_codes]
        raised = apply_record_rules(checked.records, rules, context, faults)
        found = rule_findings(raised, RecordSet(()))
        checked.findings += locate_in_piece(unit.source, data, found)
    facts: Facts | None = None
    shipped: tuple[bytes, ...] = ()
    if plan.fact_rules and checked.records:
        split = [BUILT_IN_RULES[i] for i in plan.fact_rules]
        columns = fact_columns(checked.records, split, context, faults)
        facts, shipped = cut(checked.records, columns, plan.shards)
    if send or not plan.keep_records:
        checked.records = []
    faulted = tuple(faults.items)
    if not send:
        return Part(
            start=unit.start,
            lines=lines,
            checked=checked,
            faults=faulted,
            facts=facts,
            shipped=shipped,
            source=unit.source,
        )
    rows = tuple(finding_row(f) for f in checked.findings)
    checked.findings = []
    return Part(
        start=unit.start,
        lines=lines,
        checked=checked,
        faults=faulted,
        rows=rows,
        payload=payload,
        facts=facts,
        shipped=shipped,
    )


def fact_columns(
    records: Sequence[Located], rules: Sequence[Rule], context: RuleContext, faults: Faults
) -> list[list[Any]]:
    """The facts each split rule (of ``rules``) gives of each record, a column a rule. A rule
    whose ``facts`` raises goes to ``faults`` (D900) and gives no more. Rules with the same
    ``facts`` function (D002 and D003) share one column: made once, and sent once (pickle
    writes an object met twice once)."""
    columns: list[list[Any]] = []
    made: dict[Any, list[Any]] = {}  # by ``facts`` function: columns made without a crash
    for rule in rules:  # one loop a rule: a crash ends its column
        make = cast("Any", rule.check).lifecycle.facts
        if rule.code not in faults.off and make in made:
            columns.append(made[make])
            continue
        column: list[Any] = [None] * len(records)
        columns.append(column)
        if rule.code in faults.off:
            continue
        try:
            for index, item in enumerate(records):
                column[index] = make(item, context)
        except Exception as exc:  # noqa: BLE001 - any rule may fail; it becomes a fault
            faults.add(rule, exc, None)
            continue
        made[make] = column
    return columns


def facts_of(records: Sequence[Located], columns: Sequence[list[Any]]) -> Facts | None:
    """The :class:`Facts` of ``records`` with ``columns`` (of their facts, a rule a column;
    one with no fact at all becomes ``None``); ``None`` when there is no rule (the main process
    may have dealt every one out)."""
    if not columns:
        return None
    return Facts(
        pointers=[item.pointer for item in records],
        lines=[item.line for item in records],
        ids=[item.record.id for item in records],
        columns=tuple(None if c.count(None) == len(c) else c for c in columns),
    )


def cut(
    records: Sequence[Located], columns: list[list[Any]], shards: Sequence[Sequence[int]]
) -> tuple[Facts | None, tuple[bytes, ...]]:
    """The facts of the rules the main process joins, and those of each shard's rules
    (``Plan.shards``), pickled for its process."""
    shipped = tuple(
        pickle.dumps(facts_of(records, [columns[i] for i in shard]), pickle.HIGHEST_PROTOCOL)
        for shard in shards
    )
    return facts_of(records, [columns[i] for i in here(len(columns), shards)]), shipped


def _work_batch(batch: list[Unit], plan: Plan) -> list[Part]:
    """In a worker process: the pieces of ``batch``, checked for sending back."""
    context = plan.context()
    return [check_unit(unit, plan, context, Faults(), send=True) for unit in batch]


def _units(sources: Sequence[InputSource], jobs: int) -> list[Unit]:
    """Work units: each source whole, except JSONL files over :data:`CHUNK_BYTES` (or over
    :data:`PARALLEL_BYTES` with ``jobs > 1``), cut into byte ranges at line starts (so memory
    stays bounded, and several processes can share one file)."""
    units: list[Unit] = []
    for index, source in enumerate(sources):
        size = size_of(source) if source.format == "jsonl" and source.data is None else 0
        parallel = jobs > 1 and size > PARALLEL_BYTES
        if size <= CHUNK_BYTES and not parallel:
            units.append(Unit(index, source))
            continue
        pieces = -(-size // CHUNK_BYTES)
        if parallel:  # a few pieces per process, so that none waits for the slowest
            pieces = max(pieces, min(4 * jobs, size // (PARALLEL_BYTES // 4)))
        bounds = line_bounds(source.path, size, pieces)  # type: ignore[arg-type]
        units += [Unit(index, source, a, b) for a, b in itertools.pairwise(bounds)]
    return units


def _batches(units: list[Unit], jobs: int) -> list[list[Unit]]:
    """``units`` in consecutive batches of about equal size, a few per process: many small
    files then cost a few round trips to the workers, not one each."""
    sizes = [max(size_of(u.source, u.start, u.end), 1) for u in units]
    # At most CHUNK_BYTES a batch: what a worker sends back at once stays bounded.
    target = max(min(sum(sizes) // (4 * jobs), CHUNK_BYTES), 1)
    batches: list[list[Unit]] = [[]]
    filled = 0
    for unit, size in zip(units, sizes, strict=True):
        if batches[-1] and filled + size > target:
            batches.append([])
            filled = 0
        batches[-1].append(unit)
        filled += size
    return batches


def _workers_can_win(units: Sequence[Unit]) -> bool:
    """Whether worker processes can make this run faster than one process: not when it comes
    to :data:`PARALLEL_BYTES` or less in all (starting them costs more than it saves), nor when
    most of its bytes are in pieces under :data:`SMALL_BYTES` (many small files: sending each
    to a worker and its result back costs more than checking it here). Such a run takes the
    one-process path, exactly as without ``jobs``."""
    sizes = [size_of(u.source, u.start, u.end) for u in units]
    total = sum(sizes)
    if total <= PARALLEL_BYTES:
        return False
    return 2 * sum(size for size in sizes if size >= SMALL_BYTES) >= total


def _in_workers(
    units: list[Unit], plan: Plan, jobs: int, progress: Progress | None
) -> Iterator[Part]:
    """The units checked by worker processes (in a few batches), in order."""
    results = in_order(_work_batch, _batches(units, jobs), plan, jobs)
    for done, (unit, result) in enumerate(zip(units, results, strict=True), 1):
        if progress:
            progress(done, len(units))
        yield attrs.evolve(result, source=unit.source)


def _cut_run(sources: Sequence[InputSource], jobs: int) -> tuple[list[Unit], bool]:
    """The pieces of a run, and whether worker processes check them."""
    units = _units(sources, jobs)
    return units, jobs > 1 and len(units) > 1 and _workers_can_win(units)


def joins(sources: Sequence[InputSource], options: Options) -> int:
    """How many processes may join the split rules of a run (``plan_run``): its jobs (no
    more than the cores) when its pieces are checked by worker processes (the main process
    then mostly joins), else one."""
    _, workers = _cut_run(sources, options.jobs)
    return min(options.jobs, os.cpu_count() or 1) if workers else 1


def results(
    sources: Sequence[InputSource],
    plan: Plan,
    options: Options,
    progress: Progress | None,
    off: Callable[[], set[str]],
) -> Iterator[Part]:
    """Every piece of ``sources`` checked as ``plan`` says, in input order: by worker
    processes when they can win, else here (``off()``: the codes of the rules switched off so
    far, which a piece checked here does not run)."""
    units, workers = _cut_run(sources, options.jobs)
    if workers:
        yield from _in_workers(units, plan, options.jobs, progress)
        return
    context = plan.context()
    for done, unit in enumerate(units, 1):
        here = Faults(raise_on_crash=options.raise_on_crash, off=off())
        yield check_unit(unit, plan, context, here, send=False)
        if progress:
            progress(done, len(units))
