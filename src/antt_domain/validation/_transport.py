"""What a piece of work gives back (:class:`Part`), and how it travels between processes:
findings as plain tuples, sound records (only when the parent needs them) as compact JSON
bytes (attrs objects pickle slowly), and the facts of the split rules across records as
columns (:class:`Facts`: a list a rule, none for a rule without a fact in the piece); made
objects again in the main process with the lines of the pieces before."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, final

import attrs

from antt_domain._accel import accelerator
from antt_domain.validation._findings import Finding, RuleFault, Severity
from antt_domain.validation._inputs import InputSource
from antt_domain.validation._pipeline import Checked, Payload
from antt_domain.validation._records import Located
from antt_domain.validation._versions import profile

__all__ = ["Facts", "Part", "finding_row", "received"]

#: A finding as a plain tuple, in the order of its attributes.
_FindingRow = tuple[Any, ...]


@final
@attrs.frozen
class Facts:
    """The facts of the split rules across records of a piece's sound records, as columns:
    record ``n`` of the piece is at ``pointers[n]``, ``lines[n]`` (its line in the piece) and
    has the id ``ids[n]``; each split rule of the plan (in the plan's order) has a column of
    its facts, one a record (``None`` where it has none), or ``None`` for a rule with no fact
    of any record of the piece (a 2.0 rule on 1.0 records: no loop over them). The joining
    process numbers the records and files their ids. Columns rather than a tuple a record:
    fewer objects to pickle and unpickle, and one loop a rule over its own column."""

    pointers: list[str]
    lines: list[int | None]
    ids: list[str]
    columns: tuple[list[Any] | None, ...]

    def __len__(self) -> int:
        return len(self.ids)


@final
@attrs.frozen(kw_only=True)
class Part:
    """One piece of a run checked: a whole input, or a byte range of a JSONL file.

    In the process that checked it, ``checked`` holds its located findings and (when the run
    needs them) its sound records; from another process the findings come as ``rows`` and the
    records as ``payload`` (only when the parent needs records), and ``checked`` holds only
    what the piece was (path, kind, count, version, dataset documents). ``facts`` are the
    facts of the split rules across records (:class:`~antt_domain.validation.FactLifecycle`)
    of every sound record, as :class:`Facts` (``None`` when the plan makes none). Lines (of
    findings, faults, records and facts) count from the start of the piece. Picklable: the
    unit of work of a distributed run.
    """

    #: Where the piece starts in its input (0: the input's first piece, or the whole input).
    start: int
    #: How many lines the piece holds (JSONL; 0 for a document).
    lines: int
    checked: Checked
    #: The rules that crashed on this piece, with the (piece's) line of the record.
    faults: tuple[tuple[RuleFault, int | None], ...] = ()
    rows: tuple[_FindingRow, ...] = ()
    payload: Payload | None = None
    facts: Facts | None = None
    #: The facts of the rules of each shard (``Plan.shards``), pickled for its process.
    shipped: tuple[bytes, ...] = ()
    #: The input the piece is of, to locate the findings of the rules across records (left
    #: out by a worker process: its parent knows it).
    source: InputSource | None = None


def finding_row(f: Finding) -> _FindingRow:
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


def received(done: Part, before: int) -> Checked:
    """What a piece gave, as this process holds it: findings and records (rebuilt from a
    worker's rows and JSON bytes), their lines moved down by the ``lines`` before the piece.
    A worker has read these very bytes strictly and checked them against the schema, so the
    plain fast reader is enough to rebuild the records."""
    checked = done.checked
    findings = [_from_row(row) for row in done.rows] if done.rows else checked.findings
    records = checked.records
    if before:
        findings = [
            attrs.evolve(f, line=f.line + before) if f.line is not None else f for f in findings
        ]
        records = [
            attrs.evolve(r, line=r.line + before) if r.line is not None else r for r in records
        ]
    if done.payload:
        orjson = accelerator("orjson")
        loads: Callable[[bytes], Any] = json.loads if orjson is None else orjson.loads
        structure = profile(checked.version).structure_record
        records = [
            Located(
                record=structure(loads(data)),
                path=checked.path,
                pointer=pointer,
                line=None if line is None else line + before,
            )
            for line, pointer, data in done.payload
        ]
    return attrs.evolve(checked, findings=findings, records=records)
