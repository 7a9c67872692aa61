"""The join of the split rules across records, dealt out rule by rule to several processes.

With ``--jobs``, worker processes read and check the pieces and make the split rules' facts;
each rule then takes its facts in input order and joins them at its end -- and no rule needs
another's. So that the join is not one process's serial work while the workers wait, the
rules are dealt into shards of about equal cost (:func:`deal`): the main process joins the
first, and each other shard is joined by a process of its own, fed the same pieces in the same
order. A worker sends each shard its facts already pickled (``_workers.cut``); the main process
passes the bytes on without reading them. A shard's issues come back as they are found and,
batch by batch, at its end; its crashes at its end. Each rule sees the same facts in the same
order as in one process, and the report is sorted: the findings are the same.

A shard process is fed through a pipe and answers through a queue, whose writing never
blocks it (the queue's own thread sends), so the main process can always hand it the next
piece; the main process reads the queue after each piece and waits on it only at the end.
There, a shard hands its rules' issues on in batches (as ``Feeds.end`` gives them) and waits
after each for the main process to take it, so that they never pile up in the shard.
"""

from __future__ import annotations

import contextlib
import pickle
import queue
import traceback
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, final

from antt_domain.errors import AnttError
from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.validation import _facts, _feeds, _pool
from antt_domain.validation._apply import Raised
from antt_domain.validation._faults import Faults
from antt_domain.validation._feeds import Feeds
from antt_domain.validation._findings import RuleFault

if TYPE_CHECKING:
    from antt_domain.validation._workers import Plan

__all__ = ["ShardFailedError", "Shards", "deal", "here"]

#: What each split rule's joining costs the process that joins it, relative to one another
#: (its ``take`` over every record and its ``end``; measured with cProfile on 200,000 records
#: of national 1.0 JSONL, every store on disk). A rule not named weighs :data:`_LIGHT`. (A
#: table of every rule's measured share, 1.0 and 2.0 added, with a head start for the main
#: process, dealt worse on 150 MB of 1.0: 46-52 s with `--jobs 2` against 34-40 s: a code names
#: both the 1.0 and the 2.0 D005 and D008, of which a file keeps one busy.)
_WEIGHTS = {
    "D001": 2.3,
    "D002": 3.8,
    "D003": 3.2,
    "D004": 2.7,
    "D005": 1.9,
    "D108": 2.7,
}
_LIGHT = 0.6
#: The main process's head start in the deal, as a share of the weight of all the rules
#: (it also takes the pieces from the workers, keeps the findings and writes the report). None
#: by default: so dealt, on 150 MB of national 1.0 JSONL, it spent about as much CPU time as
#: its shard.
_MAIN_SHARE = 0.0

#: How long the main process waits on a shard's queue before it looks whether the shard is
#: still alive (seconds).
_POLL = 1.0

_Documents = Sequence[tuple[str, Dataset | model_v2.Dataset]]


def deal(codes: Sequence[str], count: int) -> tuple[tuple[int, ...], ...]:
    """The places in ``codes`` (the split rules of a run) of the rules of each shard but the
    first (the main process's), for ``count`` shards of about equal weight (the main process's
    with its head start, :data:`_MAIN_SHARE`): the heaviest rule first, each to the lightest
    shard so far. Fewer shards when there are fewer rules."""
    count = min(count, len(codes))
    if count < 2:
        return ()
    weights = [_WEIGHTS.get(code, _LIGHT) for code in codes]
    loads = [0.0] * count
    loads[0] = _MAIN_SHARE * sum(weights)
    shards: list[list[int]] = [[] for _ in range(count)]
    for place in sorted(range(len(codes)), key=lambda i: -weights[i]):
        lightest = loads.index(min(loads))
        shards[lightest].append(place)
        loads[lightest] += weights[place]
    return tuple(tuple(sorted(shard)) for shard in shards[1:])


def here(count: int, shards: Sequence[Sequence[int]]) -> list[int]:
    """The places, of ``count`` split rules, of those the main process joins."""
    away = {place for shard in shards for place in shard}
    return [place for place in range(count) if place not in away]


def _serve(inbox: Any, outbox: Any, plan: Plan, shard: Sequence[int], limit: int) -> None:
    """A shard process: the split rules at places ``shard`` of ``plan`` fed each piece that
    comes through ``inbox`` (``None``: the end), their issues and, at the end, their crashes
    sent back through ``outbox`` (an issue with the place of its rule in the shard)."""
    _pool.quiet_worker()
    _facts.forget_database()  # a forked copy of the main process's is not this process's
    split = plan.split_rules()
    rules = [split[place] for place in shard]
    context = plan.context()
    places = {id(rule): place for place, rule in enumerate(rules)}
    faults = Faults()
    feeds: Feeds | None = None

    def send(kind: str = "raised") -> None:
        raised = feeds.take_raised() if feeds is not None else []
        if raised:
            outbox.put((kind, [(places[id(rule)], issue) for rule, issue, _ in raised]))

    def send_and_wait() -> None:
        """A batch of the end's issues, then nothing more until the main process has taken
        it (a rule may give a great many at its end: they are not piled up here)."""
        send("batch")
        inbox.recv()

    try:
        with _facts.spilling_after(limit):
            feeds = Feeds(rules, rules, context, faults)
            while (message := inbox.recv()) is not None:
                path, documents, before, off, data = message
                faults.off.update(off)
                facts = pickle.loads(data) if data else None  # noqa: S301 - from our workers
                feeds.feed(path, documents, (), facts, before)
                send()
            feeds.end(flush=send_and_wait)
            send()
            feeds.close()
        outbox.put(("end", faults.items))
    except BaseException:  # noqa: BLE001 - whatever stops it, the main process must hear
        outbox.put(("failed", traceback.format_exc()))
    finally:
        outbox.close()
        outbox.join_thread()


@final
class ShardFailedError(AnttError, RuntimeError):
    """A shard process stopped without finishing its join: killed, out of memory, or a fault
    of the engine (a rule's crash is no such thing: it is a fault, D900, like in one
    process)."""


@final
class _Shard:
    """The main process's end of one shard process."""

    def __init__(self, plan: Plan, shard: Sequence[int]) -> None:
        method, _ = _pool._start_method()
        split = plan.split_rules()
        self.rules = [split[place] for place in shard]
        self.codes = {rule.code for rule in self.rules}
        reader, self.inbox = method.Pipe(duplex=False)
        self.outbox = method.Queue()
        self.process = method.Process(
            target=_serve,
            args=(reader, self.outbox, plan, tuple(shard), _facts.SPILL_AFTER),
            daemon=True,
        )
        self.process.start()
        reader.close()
        self.faults: list[tuple[RuleFault, int | None]] | None = None

    def answer(self, *, wait: bool) -> list[Raised] | None:
        """The next answer of the shard: its issues (the end's faults are kept), or ``None``
        when it has none now (``wait``: until it has one)."""
        while True:
            try:
                kind, value = self.outbox.get(timeout=_POLL) if wait else self.outbox.get_nowait()
            except queue.Empty:
                if not wait:
                    return None
                if not self.process.is_alive():
                    code = self.process.exitcode
                    raise ShardFailedError(f"a join process ended (exit code {code})") from None
                continue
            if kind in {"raised", "batch"}:
                if kind == "batch":  # the shard waits for a word to go on
                    self.send("more")
                return [(self.rules[place], issue, issue.at) for place, issue in value]
            if kind == "end":
                self.faults = value
                return []
            raise ShardFailedError(f"a join process failed: {value.strip().splitlines()[-1]}")

    def send(self, message: object) -> None:
        """Hand ``message`` to the shard (a shard that has gone is a :class:`ShardFailedError`,
        with what it said, if anything)."""
        try:
            self.inbox.send(message)
        except OSError:  # the pipe is broken: the shard has ended
            self.process.join(timeout=_POLL)
            self.answer(wait=False)  # raises what it said before it went, if it said it
            code = self.process.exitcode
            raise ShardFailedError(f"a join process ended (exit code {code})") from None

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.inbox.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.outbox.close()
        self.outbox.cancel_join_thread()


@final
class Shards:
    """The shard processes of a run of ``plan``: each joins the split rules of one of its
    ``shards``, fed by :meth:`feed`, finished by :meth:`end`; :meth:`close` stops them (at
    once, if the run stops early)."""

    def __init__(self, plan: Plan) -> None:
        self.shards: list[_Shard] = []
        self.raised: list[Raised] = []
        try:
            for shard in plan.shards:
                self.shards.append(_Shard(plan, shard))
        except BaseException:
            self.close()
            raise

    def feed(
        self,
        path: str,
        documents: _Documents,
        shipped: Sequence[bytes],
        before: int,
        off: Iterable[str],
    ) -> None:
        """One piece for each shard: its dataset documents, its facts as a worker pickled
        them, the lines before it; ``off``: the rules switched off so far."""
        off = set(off)
        blobs = shipped or [b""] * len(self.shards)  # a piece without a sound record
        for shard, data in zip(self.shards, blobs, strict=True):
            shard.send((path, list(documents), before, off & shard.codes, data))
            while (found := shard.answer(wait=False)) is not None:
                self.raised += found

    def take_raised(self) -> list[Raised]:
        """The issues the shards gave since last asked."""
        raised, self.raised = self.raised, []
        return raised

    def finish(self) -> None:
        """After the last piece: tell each shard (its rules then end)."""
        for shard in self.shards:
            shard.send(None)

    def end(self, flush: Callable[[], None]) -> list[tuple[RuleFault, int | None]]:
        """After :meth:`finish`: the issues of the shards' rules' ends, handed on by ``flush``
        (after :meth:`take_raised` of them) batch by batch; the crashes of the shards'
        rules."""
        faults: list[tuple[RuleFault, int | None]] = []
        for shard in self.shards:
            while shard.faults is None:
                self.raised += shard.answer(wait=True) or []
                if len(self.raised) >= _feeds._BATCH:
                    flush()
            faults += shard.faults
        return faults

    def close(self) -> None:
        """Stop the shard processes (done, or not: the run stops)."""
        for shard in self.shards:
            shard.close()
        self.shards = []
