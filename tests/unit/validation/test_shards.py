"""The join dealt out to shard processes with ``--jobs``: the same report as one process
(findings, caps, crashes), the rules dealt by weight, and a run that stops -- early, or because
a shard process died -- leaves no process behind and ends in a clear error."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from antt_domain.cli import main
from antt_domain.validation import Spot, _facts, _shards, _workers
from antt_domain.validation._formats import RenderOptions
from antt_domain.validation._shards import ShardFailedError, deal, here
from antt_domain.validation.engine import Options, discover, render_parts, run
from antt_domain.validation.rules import BUILT_IN_RULES
from helpers.benchmarks import write_national

ROOT = Path(__file__).resolve().parents[3]


def _json(report: Any) -> str:
    return "".join(render_parts(report, "json", RenderOptions()))


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """gen_national's 1.0 JSONL, a few thousand records with mixed defects."""
    path = tmp_path_factory.mktemp("shards") / "national.jsonl"
    return write_national(path, "1.0", max_records=3000, invalid_share=0.05, defects="mixed")


@pytest.fixture
def sharded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Small runs fed facts and checked by workers in small pieces, the stores on disk from
    their second entry; the list counts the shard processes started."""
    monkeypatch.setattr(_workers, "RECORD_SET_BYTES", -1)
    monkeypatch.setattr(_workers, "CHUNK_BYTES", 64 * 1024)
    monkeypatch.setattr(_workers, "PARALLEL_BYTES", 8 * 1024)
    monkeypatch.setattr(_workers, "SMALL_BYTES", 1)
    monkeypatch.setattr(_facts, "SPILL_AFTER", 1)
    started: list[int] = []
    original = _shards._Shard.__init__

    def counted(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        started.append(self.process.pid)

    monkeypatch.setattr(_shards._Shard, "__init__", counted)
    return started


def _split_codes() -> list[str]:
    plan, _ = _workers.plan_run(Options(jobs=2))
    return [BUILT_IN_RULES[i].code for i in plan.fact_rules]


def test_no_shards_for_one_join() -> None:
    assert deal(["D001", "D002"], 1) == ()
    assert deal(["D001"], 2) == ()
    assert deal([], 4) == ()


@pytest.mark.parametrize("count", [2, 3, 4, 40])
def test_each_rule_is_joined_once_and_the_weight_is_shared(count: int) -> None:
    codes = _split_codes()
    shards = deal(codes, count)
    mine = here(len(codes), shards)
    places = sorted([*mine, *(p for shard in shards for p in shard)])
    assert places == list(range(len(codes)))
    assert len(shards) == min(count, len(codes)) - 1
    assert all(shards)
    assert mine or count >= len(codes)  # its head start may leave the main process none

    def weight(group: Any) -> float:
        return sum(_shards._WEIGHTS.get(codes[p], _shards._LIGHT) for p in group)

    start = _shards._MAIN_SHARE * weight(range(len(codes)))
    weights = [start + weight(mine), *(weight(shard) for shard in shards)]
    heaviest = max(_shards._WEIGHTS.get(code, _shards._LIGHT) for code in codes)
    # Dealt heaviest first, each to the lightest: none is more than a rule above another,
    # unless the main process's head start alone is.
    assert max(weights) - min(weights) <= max(heaviest, start)


def test_d002_and_d003_are_joined_apart() -> None:
    """The crash tests below count on it: one of the two is joined in a shard process."""
    codes = _split_codes()
    shards = deal(codes, 2)
    mine = here(len(codes), shards)
    assert {codes[p] for p in mine} & {"D002", "D003"}
    assert {codes[p] for p in shards[0]} & {"D002", "D003"}


def test_a_plan_has_shards_only_with_workers_and_without_raising(
    monkeypatch: pytest.MonkeyPatch, national: Path, sharded: list[int], tmp_path: Path
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 16)
    assert _workers.plan_run(Options(jobs=2), joins=2)[0].shards
    assert not _workers.plan_run(Options(jobs=2), joins=1)[0].shards
    strict = Options(jobs=2, raise_on_crash=True)
    assert not _workers.plan_run(strict, joins=2)[0].shards
    assert _workers.joins(discover([national]), Options(jobs=8)) == 8
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert _workers.joins(discover([national]), Options(jobs=8)) == 2  # no more than the cores
    small = tmp_path / "small.jsonl"
    small.write_text('{"type": "area"}\n', encoding="utf-8")
    assert _workers.joins(discover([small]), Options(jobs=2)) == 1


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [2, 3])
@pytest.mark.parametrize("max_findings", [None, 40])
def test_a_sharded_run_reports_what_one_process_does(
    monkeypatch: pytest.MonkeyPatch,
    national: Path,
    sharded: list[int],
    jobs: int,
    max_findings: int | None,
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    sources = discover([national])
    one = run(sources, Options(max_findings=max_findings))
    many = run(sources, Options(jobs=jobs, max_findings=max_findings))
    assert len(sharded) == jobs - 1
    assert _json(many) == _json(one)
    assert {f.code for f in one.findings} & {"D002", "D003", "D005"}
    assert not multiprocessing.active_children()


@pytest.mark.slow
def test_a_small_run_with_workers_deals_its_join_out(
    monkeypatch: pytest.MonkeyPatch, national: Path
) -> None:
    """A small run keeps its records for the rules across records in one process only where
    a test raises RECORD_SET_BYTES; with workers it feeds them facts, joined in several
    processes, whatever its size: the same report."""
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    monkeypatch.setattr(_workers, "CHUNK_BYTES", 64 * 1024)
    monkeypatch.setattr(_workers, "PARALLEL_BYTES", 8 * 1024)
    monkeypatch.setattr(_workers, "SMALL_BYTES", 1)
    plans: list[_workers.Plan] = []
    plan_run = _workers.plan_run

    def watched(*args: Any, **kwargs: Any) -> Any:
        found = plan_run(*args, **kwargs)
        plans.append(found[0])
        return found

    monkeypatch.setattr(_workers, "plan_run", watched)
    monkeypatch.setattr(_workers, "RECORD_SET_BYTES", national.stat().st_size)
    sources = discover([national])
    one = run(sources, Options())
    many = run(sources, Options(jobs=2))
    assert [plan.record_set for plan in plans] == [True, False]
    assert plans[1].shards
    assert _json(many) == _json(one)
    assert not multiprocessing.active_children()


def _crash_in_take(monkeypatch: pytest.MonkeyPatch, code: str, after: int) -> None:
    """The built-in rule ``code`` raises in its ``take`` after ``after`` records."""
    rule = next(r for r in BUILT_IN_RULES if r.code == code)
    cls: Any = rule.check.lifecycle  # type: ignore[union-attr]
    take = cls.take
    calls = {"n": 0}

    def crashing(self: Any, spot: Spot, facts: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > after:
            raise ZeroDivisionError("broken in take")
        return take(self, spot, facts)

    monkeypatch.setattr(cls, "take", crashing)


@pytest.mark.slow
@pytest.mark.parametrize("code", ["D002", "D003"])
def test_a_rule_crashing_in_a_shard_is_a_fault_as_in_one_process(
    monkeypatch: pytest.MonkeyPatch, national: Path, sharded: list[int], code: str
) -> None:
    """D002 and D003 are joined apart: one of them in the shard process (forked with the
    crashing rule), the other here."""
    _crash_in_take(monkeypatch, code, after=500)
    sources = discover([national])
    one = run(sources, Options())
    two = run(sources, Options(jobs=2))
    assert sharded
    assert [f.finding for f in two.faults] == [f.finding for f in one.faults]
    assert [f.rule for f in two.faults] == [code]
    assert _json(two) == _json(one)


def _dies(*args: Any) -> None:
    os._exit(3)


def _fails(inbox: Any, outbox: Any, *args: Any) -> None:
    inbox.recv()
    outbox.put(("failed", "Traceback (most recent call last):\nMemoryError: out of it\n"))
    outbox.close()
    outbox.join_thread()


@pytest.mark.slow
@pytest.mark.parametrize("case", [(_dies, "exit code 3"), (_fails, "MemoryError")])
def test_a_shard_that_dies_stops_the_run_with_an_error(
    monkeypatch: pytest.MonkeyPatch,
    national: Path,
    sharded: list[int],
    capsys: pytest.CaptureFixture[str],
    case: tuple[Any, str],
) -> None:
    serve, said = case
    monkeypatch.setattr(_shards, "_serve", serve)
    with pytest.raises(ShardFailedError, match=said):
        run(discover([national]), Options(jobs=2))
    assert not multiprocessing.active_children()
    code = main(["validate", "--jobs", "2", "--format", "json", str(national)])
    assert code == 2
    err = capsys.readouterr().err
    assert "antt: error: a join process" in err
    assert said in err
    assert "Traceback" not in err
    assert not multiprocessing.active_children()


@pytest.mark.slow
def test_a_run_stopped_early_leaves_no_shard_behind(
    monkeypatch: pytest.MonkeyPatch, national: Path, sharded: list[int]
) -> None:
    results = _workers.results

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        for done, part in enumerate(results(*args, **kwargs)):
            if done == 2:
                raise KeyboardInterrupt
            yield part

    monkeypatch.setattr(_workers, "results", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(discover([national]), Options(jobs=2))
    assert sharded
    assert not multiprocessing.active_children()


@pytest.mark.slow
@pytest.mark.skipif(
    sys.version_info < (3, 12), reason="spawned processes hash None apart before 3.12"
)
def test_shards_started_afresh_report_what_one_process_does(
    monkeypatch: pytest.MonkeyPatch, national: Path, sharded: list[int]
) -> None:
    """Where there is no "fork" (Windows, macOS), the shard processes are spawned: they make
    their rules and context from the plan, and spill past the limit they are given."""
    sources = discover([national])
    one = run(sources, Options())
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    two = run(sources, Options(jobs=2))
    assert sharded
    assert _json(two) == _json(one)
    assert not multiprocessing.active_children()


@pytest.mark.slow
def test_a_shard_waits_for_each_batch_of_its_end_to_be_taken(
    monkeypatch: pytest.MonkeyPatch, national: Path, sharded: list[int]
) -> None:
    """At its end a shard hands its issues on in batches and waits after each for a word from
    the main process (so that they never pile up in it): the same report, batch by batch."""
    from antt_domain.validation import _feeds  # noqa: PLC0415 - the batch, made small

    monkeypatch.setattr(_feeds, "_BATCH", 3)
    monkeypatch.setattr(_shards, "_MAIN_SHARE", 10.0)  # every rule in the shard: D002's end too
    words: list[object] = []
    send = _shards._Shard.send

    def counted(self: Any, message: object) -> None:
        if message == "more":
            words.append(message)
        send(self, message)

    monkeypatch.setattr(_shards._Shard, "send", counted)
    sources = discover([national])
    one = run(sources, Options())
    two = run(sources, Options(jobs=2))
    assert sharded
    assert words
    assert _json(two) == _json(one)


@pytest.mark.slow
def test_a_piece_without_a_sound_record_still_reaches_the_shards(
    monkeypatch: pytest.MonkeyPatch, national: Path, sharded: list[int], tmp_path: Path
) -> None:
    """A piece of broken lines brings no facts; the shards still get it (and the documents of
    a dataset document, which D002 judges wherever it is joined)."""
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n" * 20_000, encoding="utf-8")  # pieces of nothing sound
    document = ROOT / "examples" / "cam-thuy-2021" / "dataset.json"
    sources = discover([broken, national, document])
    one = run(sources, Options())
    for jobs in (2, 3):
        many = run(sources, Options(jobs=jobs))
        assert _json(many) == _json(one)
    assert len(sharded) == 1 + 2


@pytest.mark.slow
def test_the_main_process_may_join_no_rule(
    monkeypatch: pytest.MonkeyPatch, national: Path, sharded: list[int]
) -> None:
    """With as many join processes as rules, its head start may leave the main process none:
    its pieces then bring it no facts at all."""
    monkeypatch.setattr(_shards, "_MAIN_SHARE", 10.0)
    plan, _ = _workers.plan_run(Options(jobs=2), joins=2)
    assert not plan.split_here()
    sources = discover([national])
    assert _json(run(sources, Options(jobs=2))) == _json(run(sources, Options()))
    assert sharded


def _hiding(hidden: bool) -> list[dict[str, Any]]:
    """2.0 records where, with ``hidden``, a figure comes first with the id of a source, of a
    document, of an area and of two organisations, pieces before them: the rules that judge
    by the first record of an id (D113, D007, D009, D108: an organisation named after it is
    read, and before) then judge nothing of them; without, each finds one problem each."""
    period = {"kind": "interval", "start": "2023-01-01", "end": "2023-12-31"}

    def fig(record_id: str, **more: Any) -> dict[str, Any]:
        return {"type": "figure", "id": record_id, "kind": "tips_provided", "period": period,
                "quantity": {"value": 3, "unit": "tip"}, **more}  # fmt: skip

    filler = [fig(f"fill-{n}") for n in range(400)]
    records: list[dict[str, Any]] = [
        {"type": "area", "id": "area-p", "name": "Tỉnh P", "level": "province"}
    ]
    if hidden:
        records += [fig(record_id) for record_id in ("src-b", "doc-b", "area-q", "org-a", "org-b")]
    gone = {"kind": "police", "level": "district", "valid_to": "2020-12-31"}
    actors = [{"role": "organiser", "organisation": "org-a"}]
    records += [
        *filler,
        {"type": "source", "id": "src-b", "kind": "article", "title": "T", "published": "2020"},
        {"type": "document", "id": "doc-b", "kind": "coordination_programme",
         "effective": {"kind": "interval", "start": "2018-01-01", "end": "2019-12-31"}},
        {"type": "area", "id": "area-q", "name": "Xã Q", "level": "commune", "parent": "area-p"},
        {"type": "organisation", "id": "org-a", "name": "Công an huyện A", **gone},
        fig("fig-b", actors=[{"role": "organiser", "organisation": "org-b"}]),
        *filler[:200],
        fig("fig-a", actors=actors),
        {"type": "organisation", "id": "org-b", "name": "Công an huyện B", **gone},
        {"type": "area", "id": "area-x", "name": "Thôn X", "level": "commune", "parent": "area-q"},
        fig("fig-o", period={"kind": "open", "start": "2023-05-01", "as_written": "từ 5/2023"},
            sources=[{"source": "src-b"}]),
        fig("fig-d", under=["doc-b"]),
    ]  # fmt: skip
    return records


@pytest.mark.slow
@pytest.mark.parametrize("hidden", [True, False])
def test_the_first_record_of_an_id_is_told_across_pieces_and_processes(
    monkeypatch: pytest.MonkeyPatch, sharded: list[int], tmp_path: Path, hidden: bool
) -> None:
    """The records are numbered and their ids filed once, where the rules are joined: a
    record of another kind read first with an id hides the later ones of it, pieces apart,
    in one process and in shards, as over a RecordSet of every record."""
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    path = tmp_path / "hiding.jsonl"
    lines = (json.dumps(record, ensure_ascii=False) for record in _hiding(hidden))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources = discover([path])
    options = {"schema_version": "2", "select": ("D007", "D009", "D108", "D113")}
    facts = run(sources, Options(**options))
    many = [run(sources, Options(jobs=jobs, **options)) for jobs in (2, 3)]
    monkeypatch.setattr(_workers, "RECORD_SET_BYTES", 1 << 30)
    records = run(sources, Options(**options))
    assert [_json(report) for report in [facts, *many]] == [_json(records)] * 3
    found = {(f.code, f.record_id) for f in records.findings}
    judged = {("D113", "fig-o"), ("D007", "fig-d"), ("D009", "area-x")}
    judged |= {("D108", "fig-a"), ("D108", "fig-b")}
    assert found == (set() if hidden else judged)
    assert len(sharded) == 1 + 2
