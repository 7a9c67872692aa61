"""A run's pieces (:class:`~antt_domain.validation.engine.Part`), checked in whichever process
or machine, joined into one report in this process, in input order.

Each piece's located findings are kept (capped); the rules left for this process are given
what it brought: plugins' record rules its sound records, the rules across records its
documents and records' facts (:class:`~antt_domain.validation._feeds.Feeds`, keeping no
record) -- or, when one of them is a function ``check(records, context)``, every sound record
is kept and they run over a :class:`RecordSet` after the last piece. Rule findings are then
located (reading again only the files that have some) and capped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast, final

import attrs

from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.validation._apply import (
    ById,
    Raised,
    apply_record_rules,
    apply_rules,
    rule_findings,
)
from antt_domain.validation._faults import Faults, RuleCrashError
from antt_domain.validation._feeds import Feeds
from antt_domain.validation._findings import Report, RuleFault
from antt_domain.validation._inputs import InputSource
from antt_domain.validation._kept import Kept
from antt_domain.validation._locate import locate_faults, locate_sorted
from antt_domain.validation._options import Options
from antt_domain.validation._pipeline import Checked
from antt_domain.validation._records import Located, RecordSet
from antt_domain.validation._rules import Rule
from antt_domain.validation._shards import Shards
from antt_domain.validation._transport import Part, received
from antt_domain.validation._workers import Plan
from antt_domain.validation.rules import BUILT_IN_RULES

__all__ = ["Joiner"]

_NOTHING = RecordSet(())


@final
class Joiner:
    """The parent's half of one run: :meth:`add` each piece in input order, then
    :meth:`report`. ``rules``: the rules left for this process (see ``plan_run``)."""

    def __init__(self, options: Options, plan: Plan, rules: Sequence[Rule]) -> None:
        self.options = options
        self.context = plan.context()
        self.rules = list(rules)
        strict = options.raise_on_crash
        #: Crashes on the pieces; of plugins' record rules here; of rules across records.
        self.pieces = Faults(raise_on_crash=strict)
        self.later = Faults(raise_on_crash=strict)
        self.across = Faults(raise_on_crash=strict)
        #: The findings kept, and the rule findings waiting to be located.
        self.kept = Kept(options.max_findings)
        self.record_rules = [r for r in self.rules if r.scope == "record"]
        self.record_set = plan.record_set
        across = [r for r in self.rules if r.scope == "dataset"]
        # Plugins' rules may name a record by its id only: where each id is, is then kept.
        others = any(r not in BUILT_IN_RULES for r in across)
        #: The shard processes joining some split rules (``Plan.shards``), and the rules
        #: joined here.
        self.shards: Shards | None = None
        self.feeds: Feeds | None = None
        if not self.record_set:
            split = plan.split_here()
            if plan.shards:
                away = {id(rule) for rule in plan.split_rules()} - {id(rule) for rule in split}
                across = [rule for rule in across if id(rule) not in away]
                self.shards = Shards(plan)
            self.feeds = Feeds(across, split, self.context, self.across, index_ids=others)
        #: Issues naming their record only by id: placed once every record is read.
        self.by_id: list[Raised] = []
        self.records: list[Located] = []
        self.documents: list[tuple[str, Dataset | model_v2.Dataset]] = []
        self.inputs: list[Checked] = []
        self.sources: list[InputSource] = []
        self.lines_before = 0

    def close(self) -> None:
        """Stop the shard processes, if any (at once, when the run stops early)."""
        if self.shards is not None:
            self.shards.close()

    def off(self) -> set[str]:
        """The codes of the rules switched off so far."""
        return self.pieces.off | self.later.off | self.across.off

    def add(self, part: Part) -> None:
        """One piece: the first of its input (``start == 0``), or the next of the one before."""
        if part.start == 0 or not self.inputs:
            before = 0
            self.inputs.append(attrs.evolve(part.checked, findings=[], records=[], documents=[]))
            if part.source is not None:
                self.sources.append(part.source)
        else:
            before = self.lines_before
            self.inputs[-1].count += part.checked.count
        self.lines_before = before + max(part.lines - 1, 0)
        checked = received(part, before)
        keeps = self.options.keeps
        self.kept.add(f for f in checked.findings if keeps(f.code))
        records = checked.records
        if self.record_set:
            self.records += records
            self.documents += checked.documents
        else:
            if self.record_rules and records:
                self._pending(
                    apply_record_rules(records, self.record_rules, self.context, self.later)
                )
            if self.shards is not None:  # first: they join it while this process does
                off = self.across.off
                self.shards.feed(checked.path, checked.documents, part.shipped, before, off)
            if self.feeds is not None:
                self.feeds.feed(checked.path, checked.documents, records, part.facts, before)
                self._from_feeds()
        for fault, line in part.faults:  # after the facts: those before a crash are taken
            group = self.across if fault.finding.code == "D900" else self.pieces
            group.merge([(fault, None if line is None else line + before)])
        if self.options.raise_on_crash:  # a crash in a worker process
            for faults in (self.pieces, self.across):
                if faults.items:
                    raise RuleCrashError(faults.items[0][0])

    def _from_feeds(self) -> None:
        now: list[Raised] = []
        given = cast("Feeds", self.feeds).take_raised()
        if self.shards is not None:
            given += self.shards.take_raised()
        for raised in given:
            _, issue, at = raised
            by_id = at is None and issue.record_id is not None and issue.path is None
            (self.by_id if by_id else now).append(raised)
        self._pending(now)

    def _pending(self, raised: Iterable[Raised], records: ById = _NOTHING) -> None:
        keeps = self.options.keeps
        self.kept.wait((f, line) for f, line in rule_findings(raised, records) if keeps(f.code))

    def report(self) -> Report:
        """After the last piece: the rules across records finish, and the report."""
        if self.record_set:
            records = RecordSet(self.records, self.documents)
            self._pending(apply_rules(records, self.rules, self.context, self.later), records)
            del records
            self.records = []
        elif self.feeds is not None:
            if self.shards is not None:
                self.shards.finish()  # the shards end while this process does
            self.feeds.end(flush=self._from_feeds)  # capped as they come, batch by batch
            if self.shards is not None:
                self.across.merge(self.shards.end(flush=self._from_feeds))
                self.close()
            self._from_feeds()
            self._pending(self.by_id, self.feeds)
            self.feeds.close()
        self.kept.add(locate_sorted(self.kept.pending(), self.sources))
        order = {rule.code: index for index, rule in enumerate(self.rules)}
        across = sorted(self.across.items, key=lambda item: order.get(item[0].rule, len(order)))
        faults: list[tuple[RuleFault, int | None]] = [
            *self.pieces.items,
            *self.later.items,
            *across,
        ]
        located = locate_faults(faults, self.sources)
        self.kept.add(f.finding for f in located)
        return Report(
            findings=self.kept.findings(),
            inputs=tuple(c.summary() for c in self.inputs),
            omitted=dict(self.kept.omitted),
            faults=located,
        )
