"""A whole validation run, as one straight pipeline.

1. plan the run (``_workers.plan_run``): which rules run with each piece of the inputs, and
   which afterwards in this process;
2. read and check every piece -- read, schema, structure, then the built-in record rules --
   in this process or in worker processes, by the same plan (``_workers._check_all``);
3. apply the rules left (plugins' record rules as the records come; rules across records over
   every sound record of the run) (``_apply``);
4. locate their findings, reading again only the files that have some (``_locate``);
5. keep the findings the options ask for, capped (``_kept``), in one :class:`Report`.
"""

from __future__ import annotations

from collections.abc import Sequence

from antt_domain.validation import _workers
from antt_domain.validation._apply import apply_record_rules, apply_rules, rule_findings
from antt_domain.validation._faults import Faults
from antt_domain.validation._findings import Report
from antt_domain.validation._inputs import InputSource
from antt_domain.validation._kept import Kept
from antt_domain.validation._locate import Pending, locate_faults, locate_rule_findings
from antt_domain.validation._options import Options, Progress
from antt_domain.validation._rules import Located, RecordSet

__all__ = ["run"]


def run(
    sources: Sequence[InputSource], options: Options, progress: Progress | None = None
) -> Report:
    """Validate ``sources`` with ``options`` into one report; ``progress(done, total)`` is
    called as each piece of work is done.

    When no rule across records is selected, records are dropped once the rules on one
    record have seen them, so memory stays flat however long a JSONL file is; otherwise the
    sound records of the run are kept for the rules across records.
    """
    plan, rules = _workers.plan_run(options)
    record_rules = [r for r in rules if r.scope == "record"]
    streaming = all(r.scope == "record" for r in rules)
    context = plan.context()
    kept = Kept(options.max_findings)
    faults = Faults(raise_on_crash=options.raise_on_crash)
    found: list[Pending] = []
    nothing = RecordSet(())

    def on_records(batch: list[Located]) -> None:
        # Findings now, so that the records can go: memory stays flat without the D rules.
        raised = rule_findings(apply_record_rules(batch, record_rules, context, faults), nothing)
        found.extend((f, line) for f, line in raised if options.keeps(f.code))
        kept.trim_pending(found)

    on = on_records if streaming and record_rules else None
    # Looked up in its module at each run, so that a test can wrap it.
    checked = _workers._check_all(sources, plan, options, progress, on, kept=kept, faults=faults)
    if not streaming:
        records = RecordSet(
            (r for c in checked for r in c.records), (d for c in checked for d in c.documents)
        )
        raised = rule_findings(apply_rules(records, rules, context, faults), records)
        found += [(f, line) for f, line in raised if options.keeps(f.code)]
    kept.add(locate_rule_findings(found, sources))
    located = locate_faults(faults.items, sources)
    kept.add(f.finding for f in located)
    kept.trim()
    return Report(
        findings=kept.items,
        inputs=tuple(c.summary() for c in checked),
        omitted=dict(kept.omitted),
        faults=located,
    )
