"""Running a whole validation: inputs → read/schema/structure (in parallel when asked) → rules
over every sound record → located, filtered, sorted findings in one report."""

from __future__ import annotations

import contextlib
import gc
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from antt_domain._accel import accelerator
from antt_domain.io import JSONReadError, decode_text
from antt_domain.model import Codelist
from antt_domain.schemas import SchemaVersion
from antt_domain.schemas import codelists as bundled_codelists
from antt_domain.validation._catalogue import finding_from
from antt_domain.validation._faults import (
    FAULT_CODES,
    Faults,
    NotAnIssueError,
    RuleCrashError,
    issues_of,
)
from antt_domain.validation._findings import Finding, Report, RuleFault, Severity
from antt_domain.validation._inputs import InputSource
from antt_domain.validation._kept import Kept
from antt_domain.validation._pipeline import (
    Checked,
    check_document,
    check_jsonl,
    iter_lines,
    locate_findings,
    read_error_finding,
    read_path,
)
from antt_domain.validation._pool import in_order
from antt_domain.validation._rules import Issue, Located, RecordSet, Rule, RuleContext
from antt_domain.validation._versions import profile
from antt_domain.validation.rules import BUILT_IN_RULES
from antt_domain.vi import bundled_gazetteer

__all__ = ["DEFAULT", "Options", "RuleCrashError", "run"]

#: Above this size a JSONL file is checked in pieces of at most this size.
CHUNK_BYTES = 8 * 1024 * 1024
#: Above this size, and with ``jobs > 1``, a JSONL file is shared between processes.
PARALLEL_BYTES = 1024 * 1024

#: With ``jobs > 1``, pieces of work smaller than this are not worth sending to a worker
#: process: a run whose bytes are mostly in such pieces stays in this process (see
#: ``_workers_can_win``).
SMALL_BYTES = 64 * 1024

Progress = Callable[[int, int], None]


class _Default:
    def __repr__(self) -> str:
        return "DEFAULT"


#: "Use the bundled one": the default for ``Options.codelists`` and ``Options.gazetteer``.
DEFAULT: Any = _Default()


@attrs.frozen(kw_only=True)
class Options:
    """How to validate.

    ``select``/``ignore`` are code prefixes (``"D"``, ``"V10"``, ``"S002"``): a finding is kept
    when it matches ``select`` (or ``select`` is empty) and matches no ``ignore``; rules whose
    codes would be dropped are not run at all. ``rules`` are added to the built-in ones (plugin
    rules). ``codelists`` (1.0), ``codelists_v2`` (2.0: with plugins' namespaced codes, see
    :meth:`~antt_domain.plugins.AnttPluginManager.codelists_v2`) and ``gazetteer`` default to
    the bundled ones; ``gazetteer=None`` skips the gazetteer check. ``schema_version`` is the
    major version records are read as (``None``: a dataset's own ``schema_version``, 1.0 for
    loose records; a dataset that declares another version than the one given is one S004
    finding).
    """

    force_type: str | None = None
    schema_version: SchemaVersion | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    codelists: Mapping[str, Codelist] | Any = DEFAULT
    gazetteer: Any = DEFAULT
    codelists_v2: Mapping[str, Codelist] | Any = DEFAULT
    jobs: int = 1
    #: Keep at most this many findings (the first in report order) and count the others:
    #: memory then stays flat however many findings a large input has.
    max_findings: int | None = None
    #: A rule that crashes raises :class:`RuleCrashError` at once, instead of becoming a
    #: V900/D900 finding in ``Report.faults`` while the run goes on.
    raise_on_crash: bool = False

    def keeps(self, code: str) -> bool:
        """Whether findings of ``code`` are reported (a crashed rule always is)."""
        if code in FAULT_CODES:
            return True
        if self.select and not code.startswith(self.select):
            return False
        return not (self.ignore and code.startswith(self.ignore))


@attrs.frozen
class _Unit:
    """One piece of work: a whole source, or a byte range of a large JSONL file."""

    index: int
    source: InputSource
    start: int = 0
    end: int | None = None


def _read_source(source: InputSource, start: int = 0, end: int | None = None) -> bytes:
    if source.refused is not None:
        raise JSONReadError(*source.refused, source=source.name)
    if source.data is not None:
        return source.data[start:end]
    assert source.path is not None  # noqa: S101 - a source has data or a path
    return read_path(source.path, start, end)  # counted: no document, no line over the limit


def _looks_like_jsonl(data: bytes) -> bool:
    """For stdin: several top-level values on separate lines."""
    lines = [ln for ln in data.strip().split(b"\n") if ln.strip()]
    return (
        len(lines) > 1
        and all(ln.lstrip().startswith(b"{") for ln in lines[:2])
        and not (data.lstrip().startswith(b"["))
    )


#: How to read records: (``force_type``, ``schema_version``) of the run.
_Reading = tuple[str | None, SchemaVersion | None]


def _check_unit(unit: _Unit, reading: _Reading) -> tuple[int, Checked, int]:
    """In-process: (source index, checked, lines in the unit)."""
    checked, lines, _ = _check_data(unit, reading)
    return unit.index, checked, lines


def _check_data(
    unit: _Unit, reading: _Reading, *, keep_payload: bool = False
) -> tuple[Checked, int, bytes | None]:
    """Read and check one unit: (checked, lines in the unit, its bytes, or None unread)."""
    source = unit.source
    try:
        data = _read_source(source, unit.start, unit.end)
    except JSONReadError as exc:
        checked = Checked(path=source.name)
        checked.findings.append(read_error_finding(exc, source.name))
        return checked, _lines_in(unit), None
    fmt = source.format
    if fmt == "auto":
        fmt = "jsonl" if _looks_like_jsonl(data) else "json"
    name = source.name
    force_type, version = reading
    if fmt == "jsonl":
        lines = list(iter_lines(data, 1))
        checked = check_jsonl(
            lines,
            path=name,
            force_type=force_type,
            keep_payload=keep_payload,
            schema_version=version,
        )
        return checked, len(lines), data
    checked = check_document(
        data, path=name, force_type=force_type, keep_payload=keep_payload, schema_version=version
    )
    return checked, 0, data


def _lines_in(unit: _Unit) -> int:
    """How many lines a piece of a JSONL file holds, counted without holding it (for a piece
    that could not be read, so that the lines of the pieces after it stay right)."""
    if unit.source.format != "jsonl" or unit.source.path is None or unit.end is None:
        return 0
    newlines = 0
    try:
        with unit.source.path.open("rb") as handle:
            handle.seek(unit.start)
            left = unit.end - unit.start
            while left > 0:
                chunk = handle.read(min(left, 1024 * 1024))
                if not chunk:
                    break
                newlines += chunk.count(b"\n")
                left -= len(chunk)
    except OSError:
        return 0
    return newlines + 1


@attrs.frozen(kw_only=True)
class _Plan:
    """What a worker process does besides checking its unit: the built-in record rules (by
    code, as rules are not sent between processes), with which codelists (``None``: the
    bundled ones), and whether to send the sound records back for the parent's rules."""

    reading: _Reading
    rule_codes: tuple[str, ...]
    codelists: Mapping[str, Codelist] | None
    codelists_v2: Mapping[str, Codelist] | None
    #: The run's gazetteer (:data:`DEFAULT`: the bundled one), so that the workers' rules see
    #: the same context as the parent's.
    gazetteer: Any
    keep_records: bool


def _work(unit: _Unit, plan: _Plan, *, here: bool = False) -> tuple[int, Checked, int]:
    with _few_collections():
        return _work_on(unit, plan, here=here)


def _work_on(unit: _Unit, plan: _Plan, *, here: bool) -> tuple[int, Checked, int]:
    """Run in a worker: check a unit, run the built-in record rules on its sound records and
    locate their findings here, where the bytes are, then send back findings and -- only
    when the parent has rules to run -- each sound record as compact JSON bytes (attrs
    objects pickle slowly: 20 µs a record each way)."""
    send = plan.keep_records and not here
    checked, lines, data = _check_data(unit, plan.reading, keep_payload=send)
    if plan.rule_codes and checked.records:
        by_code = {r.code: r for r in BUILT_IN_RULES}
        rules = [by_code[code] for code in plan.rule_codes]
        codelists = bundled_codelists() if plan.codelists is None else plan.codelists
        gazetteer = bundled_gazetteer() if plan.gazetteer is DEFAULT else plan.gazetteer
        lists_v2 = bundled_codelists("2") if plan.codelists_v2 is None else plan.codelists_v2
        context = RuleContext(codelists=codelists, gazetteer=gazetteer, codelists_v2=lists_v2)
        faults = Faults()
        raised = _apply_record_rules(checked.records, rules, context, faults)
        checked.faults = faults.items
        found = _rule_findings(raised, RecordSet(()))
        checked.findings += _locate_here(unit, data, found)
    if here:  # in this process after all (one unit): the records stay as they are
        if not plan.keep_records:
            checked.records = []
        return unit.index, checked, lines
    checked.records = []
    checked.rows = [_finding_row(f) for f in checked.findings]
    checked.findings = []
    return unit.index, checked, lines


#: A finding as a plain tuple, in the order of its attributes.
_FindingRow = tuple[Any, ...]


def _finding_row(f: Finding) -> _FindingRow:
    """A finding as a plain tuple: pickled in a fraction of the time of the attrs object."""
    return (
        f.code,
        f.severity.value,
        f.message_en,
        f.message_vi,
        f.path,
        f.line,
        f.column,
        f.pointer,
        f.record_id,
    )


def _from_row(row: _FindingRow) -> Finding:
    code, severity, message_en, message_vi, path, line, column, pointer, record_id = row
    return Finding(
        code=code,
        severity=Severity(severity),
        message_en=message_en,
        message_vi=message_vi,
        path=path,
        line=line,
        column=column,
        pointer=pointer,
        record_id=record_id,
    )


def _locate_here(
    unit: _Unit, data: bytes | None, found: list[tuple[Finding, int | None]]
) -> list[Finding]:
    """Locate rule findings in the bytes of the unit they come from."""
    if not found or data is None:
        return [f for f, _ in found]
    here = InputSource(name=unit.source.name, format=unit.source.format, data=data)
    if any(line is not None for _, line in found):
        return _locate_in_lines(here, found)
    try:
        text = decode_text(data, source=unit.source.name)
    except JSONReadError:
        return [f for f, _ in found]
    return locate_findings(text, [f for f, _ in found])


def _units(sources: Sequence[InputSource], jobs: int) -> list[_Unit]:
    """Work units: each source whole, except JSONL files over :data:`CHUNK_BYTES` (or over
    :data:`PARALLEL_BYTES` with ``jobs > 1``), cut into byte ranges at line starts (so memory
    stays bounded, and several processes can share one file)."""
    units: list[_Unit] = []
    for index, source in enumerate(sources):
        size = 0
        if source.format == "jsonl" and source.path is not None:
            try:
                size = source.path.stat().st_size
            except OSError:
                size = 0
        parallel = jobs > 1 and size > PARALLEL_BYTES
        if size <= CHUNK_BYTES and not parallel:
            units.append(_Unit(index, source))
            continue
        pieces = -(-size // CHUNK_BYTES)
        if parallel:  # a few pieces per process, so that none waits for the slowest
            pieces = max(pieces, min(4 * jobs, size // (PARALLEL_BYTES // 4)))
        bounds = _line_bounds(source.path, size, pieces)  # type: ignore[arg-type]
        units += [_Unit(index, source, a, b) for a, b in itertools.pairwise(bounds)]
    return units


def _line_bounds(path: Path, size: int, pieces: int) -> list[int]:
    """Byte offsets that cut ``path`` into ``pieces`` ranges at line starts."""
    bounds = [0]
    with path.open("rb") as handle:
        for i in range(1, pieces):
            handle.seek(size * i // pieces)
            handle.readline()
            offset = handle.tell()
            if bounds[-1] < offset < size:
                bounds.append(offset)
    bounds.append(size)
    return bounds


def _shift(checked: Checked, lines: int) -> Checked:
    """Move a JSONL chunk's line numbers down by the ``lines`` before it."""
    if not lines:
        return checked
    checked.findings = [
        attrs.evolve(f, line=f.line + lines) if f.line is not None else f for f in checked.findings
    ]
    checked.records = [
        attrs.evolve(r, line=r.line + lines) if r.line is not None else r for r in checked.records
    ]
    return checked


def _unit_size(unit: _Unit) -> int:
    """About how many bytes ``unit`` holds (0 when its file cannot be looked at)."""
    if unit.end is not None:
        return unit.end - unit.start
    if unit.source.data is not None:
        return len(unit.source.data)
    try:
        return unit.source.path.stat().st_size if unit.source.path is not None else 0
    except OSError:
        return 0


def _batches(units: list[_Unit], jobs: int) -> list[list[_Unit]]:
    """``units`` in consecutive batches of about equal size, a few per process: many small
    files then cost a few round trips to the workers, not one each."""
    sizes = [max(_unit_size(u), 1) for u in units]
    target = max(sum(sizes) // (4 * jobs), 1)
    batches: list[list[_Unit]] = [[]]
    filled = 0
    for unit, size in zip(units, sizes, strict=True):
        if batches[-1] and filled + size > target:
            batches.append([])
            filled = 0
        batches[-1].append(unit)
        filled += size
    return batches


def _work_batch(batch: list[_Unit], plan: _Plan) -> list[tuple[int, Checked, int]]:
    return [_work(unit, plan) for unit in batch]


def _in_workers(
    units: list[_Unit], plan: _Plan, jobs: int, progress: Progress | None
) -> Iterator[tuple[int, Checked, int]]:
    """The units checked by worker processes (in a few batches), in order."""
    results = in_order(_work_batch, _batches(units, jobs), plan, jobs)
    for done, result in enumerate(results, 1):
        if progress:
            progress(done, len(units))
        yield result


def _workers_can_win(sources: Sequence[InputSource], jobs: int) -> bool:
    """Whether worker processes can make this run faster than one process: not when it comes
    to :data:`PARALLEL_BYTES` or less in all (starting them costs more than it saves), nor when
    most of its bytes are in pieces under :data:`SMALL_BYTES` (many small files: sending each
    to a worker and its result back costs more than checking it here). Such a run takes the
    one-process path, exactly as without ``jobs``."""
    sizes = [_unit_size(u) for u in _units(sources, jobs)]
    total = sum(sizes)
    if total <= PARALLEL_BYTES:
        return False
    return 2 * sum(size for size in sizes if size >= SMALL_BYTES) >= total


def _results(
    units: list[_Unit], options: Options, progress: Progress | None, plan: _Plan | None
) -> Iterator[tuple[int, Checked, int]]:
    """The checked units in order, from worker processes when there is a ``plan`` for them
    (one unit alone is checked here all the same)."""
    if plan is not None and len(units) == 1:
        for done, unit in enumerate(units, 1):
            yield _work(unit, plan, here=True)
            if progress:
                progress(done, len(units))
        return
    if plan is not None:
        yield from _in_workers(units, plan, options.jobs, progress)
        return
    for done, unit in enumerate(units, 1):
        yield _check_unit(unit, (options.force_type, options.schema_version))
        if progress:
            progress(done, len(units))


def _rebuild(checked: Checked, lines: int) -> list[Located]:
    """Sound records sent back by a worker, as records again (their lines moved down by the
    ``lines`` before their piece of the file), with the converter of the version they were
    read as. The worker has read these very bytes strictly and checked them against the
    schema, so the plain fast reader is enough here."""
    orjson = accelerator("orjson")
    loads: Callable[[bytes], Any] = json.loads if orjson is None else orjson.loads
    structure = profile(checked.version).structure_record
    path = checked.path
    return [
        Located(
            record=structure(loads(data)),
            path=path,
            pointer=pointer,
            line=None if line is None else line + lines,
        )
        for line, pointer, data in checked.payload or ()
    ]


def _check_all(
    sources: Sequence[InputSource],
    options: Options,
    progress: Progress | None,
    on_records: Callable[[list[Located]], None] | None = None,
    *,
    plan: _Plan | None = None,
    kept: Kept | None = None,
    faults: Faults,
) -> list[Checked]:
    """Check every source; ``on_records`` sees each unit's sound records as they come, and
    then they are dropped (memory stays flat) unless it is ``None``. With a ``plan``, units
    are checked in worker processes, which also run the record rules it names (their crashes
    go to ``faults``). The findings go to ``kept`` when given (they stay in the returned
    ``Checked`` otherwise)."""
    merged: dict[int, Checked] = {}
    lines_before: dict[int, int] = {}
    units = _units(sources, options.jobs)
    for index, result, lines in _results(units, options, progress, plan):
        before = lines_before.get(index, 0)
        if result.rows:
            result.findings = [_from_row(row) for row in result.rows]
            result.rows = []
        checked = _shift(result, before)
        lines_before[index] = before + max(lines - 1, 0)
        if checked.faults:
            faults.merge((f, None if n is None else n + before) for f, n in checked.faults)
            checked.faults = []
        if checked.payload:
            checked.records = _rebuild(checked, before)
            checked.payload = None
        checked.findings = [f for f in checked.findings if options.keeps(f.code)]
        if kept is not None:
            kept.add(checked.findings)
            checked.findings = []
        if on_records is not None:
            on_records(checked.records)
            checked.records = []
        if index not in merged:
            merged[index] = checked
            continue
        whole = merged[index]
        whole.findings += checked.findings
        whole.records += checked.records
        whole.count += checked.count
    return [merged[i] for i in sorted(merged)]


def _context(options: Options) -> RuleContext:
    codelists = bundled_codelists() if options.codelists is DEFAULT else options.codelists
    gazetteer = bundled_gazetteer() if options.gazetteer is DEFAULT else options.gazetteer
    lists_v2 = bundled_codelists("2") if options.codelists_v2 is DEFAULT else options.codelists_v2
    return RuleContext(codelists=codelists, gazetteer=gazetteer, codelists_v2=lists_v2)


def _apply_record_rules(
    records: Iterable[Located], rules: Sequence[Rule], context: RuleContext, faults: Faults
) -> list[tuple[Rule, Issue, Located | None]]:
    """Every record rule on every record, in one pass: each record meets only the rules that
    look at its class. A rule that crashes (raises, or yields something that is not an
    :class:`Issue`) goes to ``faults`` and is not called again; what it yielded before on
    that record is kept."""
    raised: list[tuple[Rule, Issue, Located | None]] = []
    by_class: dict[type, list[Rule]] = {}
    for item in records:
        record = item.record
        cls = type(record)
        applicable = by_class.get(cls)
        if applicable is None:
            applicable = [r for r in rules if r.applies_to(cls) and r.code not in faults.off]
            by_class[cls] = applicable
        for rule in applicable:
            try:
                for issue in rule.check(record, context):  # type: ignore[arg-type]
                    if type(issue) is not Issue and not isinstance(issue, Issue):
                        raise NotAnIssueError(issue)
                    raised.append((rule, issue, item))
            except Exception as exc:  # noqa: BLE001 - any rule may fail; it becomes a fault
                faults.add(rule, exc, item)
                by_class.clear()  # the rule is off: the lists of rules are made anew
    return raised


def _apply_rules(
    records: RecordSet, rules: Iterable[Rule], context: RuleContext, faults: Faults
) -> list[tuple[Rule, Issue, Located | None]]:
    rules = list(rules)
    record_rules = [r for r in rules if r.scope == "record"]
    raised = _apply_record_rules(records, record_rules, context, faults)
    for rule in rules:
        if rule.scope == "record" or rule.code in faults.off:
            continue
        try:
            for issue in issues_of(rule.check(records, context)):  # type: ignore[arg-type]
                raised.append((rule, issue, issue.at))
        except Exception as exc:  # noqa: BLE001 - any rule may fail; it becomes a fault
            faults.add(rule, exc, None)
    return raised


def _rule_findings(
    raised: list[tuple[Rule, Issue, Located | None]], records: RecordSet
) -> list[tuple[Finding, int | None]]:
    """Findings of rule issues, each with the JSONL line of its record (``None`` when the
    record is not a JSONL line): the records themselves are not kept."""
    found: list[tuple[Finding, int | None]] = []
    for rule, issue, at in raised:
        item = at
        if item is None and issue.record_id is not None and issue.path is None:
            matches = records.with_id(issue.record_id)
            item = matches[0] if matches else None
        path: str | None = issue.path
        pointer = issue.pointer
        record_id = issue.record_id
        if item is not None:
            path, pointer, record_id = item.path, item.pointer + issue.pointer, item.record.id
        finding = finding_from(
            rule.info,
            dict(issue.params),
            severity=issue.severity,
            path=path,
            pointer=pointer,
            record_id=record_id,
        )
        found.append((finding, item.line if item is not None else None))
    return found


def _source_lines(source: InputSource) -> Iterator[tuple[int, bytes]]:
    """``(number, line)`` of a JSONL source, read from its file one line at a time."""
    if source.data is not None or source.path is None:
        yield from iter_lines(source.data or b"")
        return
    with source.path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]  # noqa: PLW2901 - the BOM, as iter_lines drops it
            yield number, line.rstrip(b"\n")


def _locate_in_lines(
    source: InputSource, entries: Sequence[tuple[Finding, int | None]]
) -> list[Finding]:
    """Locate JSONL findings: one streamed pass over the file, one scan of each line."""
    per_line: dict[int, list[Finding]] = {}
    for finding, line_number in entries:
        per_line.setdefault(line_number or 0, []).append(finding)
    located: list[Finding] = []
    try:
        for number, line in _source_lines(source):
            if number in per_line:
                text = decode_text(line, source=source.name)
                for within in locate_findings(text, per_line.pop(number)):
                    located.append(attrs.evolve(within, line=number + (within.line or 1) - 1))
                if not per_line:
                    break
    except (OSError, JSONReadError):
        pass
    return located + [f for findings in per_line.values() for f in findings]


def _locate_rule_findings(
    found: list[tuple[Finding, int | None]], sources: Sequence[InputSource]
) -> list[Finding]:
    """Line and column for rule findings, re-reading only the files that have some."""
    by_name = {s.name: s for s in sources}
    by_path: dict[str, list[tuple[Finding, int | None]]] = {}
    for finding, line in found:
        by_path.setdefault(finding.path or "", []).append((finding, line))
    located: list[Finding] = []
    for path, entries in by_path.items():
        source = by_name.get(path)
        if source is None:
            located += [f for f, _ in entries]
            continue
        jsonl = [(f, line) for f, line in entries if line is not None]
        plain = [f for f, line in entries if line is None]
        if jsonl:
            located += _locate_in_lines(source, jsonl)
        if plain:
            try:
                text = decode_text(_read_source(source), source=path)
            except JSONReadError:
                located += plain
                continue
            located += locate_findings(text, plain)
    return located


#: The collector's thresholds during a run (Python's defaults are 700, 10, 10).
GC_THRESHOLDS = (100_000, 50, 1000)


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Run the cyclic collector far less often during a run (:data:`GC_THRESHOLDS`).

    A run allocates millions of objects that form no cycles (records, tuples, dicts) and
    keeps many of them; with the default thresholds the collector walks the growing set of
    live records over and over: a third of the time at 100,000 records. The little cyclic
    garbage a run makes (tracebacks of explained errors) dies young and is still collected.
    The thresholds are restored afterwards.
    """
    before = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(before, GC_THRESHOLDS, strict=True)))
    try:
        yield
    finally:
        gc.set_threshold(*before)


def run(
    sources: Sequence[InputSource], options: Options, progress: Progress | None = None
) -> Report:
    """Validate ``sources`` with ``options`` into one report.

    Rules on one record run as each unit of work arrives. When no rule across records is
    selected, records are dropped once checked, so memory stays flat however long a JSONL
    file is; otherwise the sound records of the run are kept for the dataset rules.
    """
    with _few_collections():
        return _run(sources, options, progress)


def _run(sources: Sequence[InputSource], options: Options, progress: Progress | None) -> Report:
    rules = [r for r in (*BUILT_IN_RULES, *options.rules) if options.keeps(r.code)]
    record_rules = [r for r in rules if r.scope == "record"]
    dataset_rules = [r for r in rules if r.scope == "dataset"]
    context = _context(options)
    found: list[tuple[Finding, int | None]] = []
    nothing = RecordSet(())
    plan = None
    if options.jobs > 1 and _workers_can_win(sources, options.jobs):
        # Worker processes run the built-in record rules; plugin rules stay in this process.
        in_workers = [r for r in record_rules if r in BUILT_IN_RULES]
        record_rules = [r for r in record_rules if r not in in_workers]
        rules = [r for r in rules if r not in in_workers]
        plan = _Plan(
            reading=(options.force_type, options.schema_version),
            rule_codes=tuple(r.code for r in in_workers),
            codelists=None if options.codelists is DEFAULT else dict(options.codelists),
            codelists_v2=None if options.codelists_v2 is DEFAULT else dict(options.codelists_v2),
            gazetteer=options.gazetteer,
            keep_records=bool(dataset_rules or record_rules),
        )

    kept = Kept(options.max_findings)
    faults = Faults(raise_on_crash=options.raise_on_crash)

    def on_records(batch: list[Located]) -> None:
        # Findings now, so that the records can go: memory stays flat without the D rules.
        applied = _apply_record_rules(batch, record_rules, context, faults)
        raised = _rule_findings(applied, nothing)
        found.extend((f, line) for f, line in raised if options.keeps(f.code))
        kept.trim_pending(found)

    streaming = not dataset_rules
    on = on_records if streaming else None
    checked = _check_all(sources, options, progress, on, plan=plan, kept=kept, faults=faults)
    records = RecordSet(
        (r for c in checked for r in c.records), (d for c in checked for d in c.documents)
    )
    if not streaming:
        raised = _rule_findings(_apply_rules(records, rules, context, faults), records)
        found += [(f, line) for f, line in raised if options.keeps(f.code)]
    if faults.items and options.raise_on_crash:  # a crash in a worker process
        raise RuleCrashError(faults.items[0][0])
    kept.add(_locate_rule_findings(found, sources))
    located = _located_faults(faults, sources)
    kept.add(f.finding for f in located)
    kept.trim()
    return Report(
        findings=kept.items,
        inputs=tuple(c.summary() for c in checked),
        omitted=dict(kept.omitted),
        faults=located,
    )


def _located_faults(faults: Faults, sources: Sequence[InputSource]) -> tuple[RuleFault, ...]:
    """The faults of a run, each finding with its line and column (there are few: a rule
    crashes at most once a run)."""
    located: list[RuleFault] = []
    for fault, line in faults.items:
        (finding,) = _locate_rule_findings([(fault.finding, line)], sources)
        located.append(attrs.evolve(fault, finding=finding))
    return tuple(located)
