"""The rules across records fed as the pieces come (no RecordSet) give the report of the
RecordSet path: same findings in the same order, same ``--format json`` bytes -- on the
examples, on generated data with defects, in one process and in two, with the facts' stores
on disk. The reference run is forced onto the RecordSet path by one more rule across records
written as a function, which finds nothing.

Split rules of this module stand in as built-in rules (their facts are made in the workers:
the pool forks, so the patched module reaches them) and as plugin rules (facts made here).
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from antt_domain.validation import (
    FactIndex,
    Issue,
    LifecycleCheck,
    Located,
    RecordSet,
    Rule,
    RuleContext,
    RuleCrashError,
    Spot,
    _facts,
    _pool,
    _workers,
    dataset_rule,
)
from antt_domain.validation._formats import RenderOptions
from antt_domain.validation.engine import (
    Options,
    check_part,
    discover,
    join,
    render_parts,
    run,
)
from antt_domain.validation.rules import BUILT_IN_RULES
from helpers.benchmarks import load, write_national

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted(
    [
        *(ROOT / "examples" / "corpus").glob("*/dataset.json"),
        *(ROOT / "examples").glob("*/dataset*.json"),
    ]
)
#: Built-in rules across records still written as functions: left out of both runs, so that
#: the streamed run is streamed.
FUNCTIONS = tuple(
    r.code
    for r in BUILT_IN_RULES
    if r.scope == "dataset" and not isinstance(r.check, LifecycleCheck)
)


def _rule(code: str, cls: type) -> Rule:
    return dataset_rule(
        code=code,
        name=f"test-{code.lower()}",
        severity="warning",
        title=("Test", "Thử"),
        explanation=("A rule of this test.", "Quy tắc của bài kiểm tra này."),
        message=("{what}", "{what}"),
    )(cls)


class _SameName:
    """Records with the same name (or title) as an earlier one: a hash() of the name as the
    fact (the run's processes share one hash seed), the first spot kept in a FactIndex."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> int | None:
        name = getattr(item.record, "name", None) or getattr(item.record, "title", None)
        return hash(str(name)) if name else None

    def start(self, context: RuleContext) -> None:
        self.first: FactIndex[str] = FactIndex()

    def take(self, spot: Spot, facts: int) -> Iterator[Issue]:
        first = self.first.setdefault(facts, spot.record_id)
        if first != spot.record_id:
            yield Issue(at=spot, pointer="/name", params={"what": f"named as {first}"})

    def end(self) -> Iterator[Issue]:
        yield from ()


class _Kinds:
    """Every document's title, and at the end the last record of each record type."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> str:
        return type(item.record).__name__

    def start(self, context: RuleContext) -> None:
        self.last: dict[str, Spot] = {}

    def document(self, path: str, dataset: Any) -> Iterator[Issue]:
        yield Issue(path=path, pointer="/title", params={"what": "a document"})

    def take(self, spot: Spot, facts: str) -> None:
        self.last[facts] = spot

    def end(self) -> Iterator[Issue]:
        for kind, spot in sorted(self.last.items()):
            yield Issue(at=spot, params={"what": f"last {kind}"})


class _ById:
    """A plain lifecycle naming records by id only: each record whose id ends in 3 (placed
    at the first record with that id), and at the end the first id of the run."""

    def start(self, context: RuleContext) -> None:
        self.first: str | None = None

    def record(self, item: Located) -> list[Issue] | None:
        self.first = self.first or item.record.id
        if item.record.id.endswith("3"):
            return [Issue(record_id=item.record.id, params={"what": "ends in 3"})]
        return None

    def end(self) -> Iterator[Issue]:
        if self.first is not None:
            yield Issue(record_id=self.first, pointer="/id", params={"what": "the first"})


def _crashing(where: str) -> type:
    """A split rule that reports records whose id ends in 1 and crashes in ``where`` (facts,
    take: at the first id ending in 77; document; end)."""

    class Crashing:
        @staticmethod
        def facts(item: Located, context: RuleContext) -> str:
            if where == "facts" and item.record.id.endswith("77"):
                raise ZeroDivisionError(item.record.id)
            return item.record.id

        def start(self, context: RuleContext) -> None:
            pass

        def document(self, path: str, dataset: Any) -> None:
            if where == "document":
                raise KeyError(path)

        def take(self, spot: Spot, facts: str) -> Iterator[Issue]:
            if where == "take" and facts.endswith("77"):
                raise ValueError(facts)
            if facts.endswith("1"):
                yield Issue(at=spot, params={"what": "ends in 1"})

        def end(self) -> Iterator[Issue]:
            if where == "end":
                raise RuntimeError("the end")
            yield from ()

    return Crashing


def _nothing(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    yield from ()


NOTHING = dataset_rule(
    code="XRS001",
    name="record-set",
    severity="info",
    title=("Sees every record", "Xem mọi bản ghi"),
    explanation=("Finds nothing.", "Không thấy gì."),
    message=("never", "không bao giờ"),
)(_nothing)

#: Two rules share one code, as the 1.0 and 2.0 D005 do.
SPLIT = (_rule("XSN001", _SameName), _rule("XKD001", _Kinds), _rule("XKD001", _SameName))
PLUGIN = (_rule("XSN002", _SameName), _rule("XKD002", _Kinds), _rule("XID001", _ById))


@pytest.fixture(autouse=True)
def _always_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of any size feed the rules across records their facts here: a small run would
    otherwise take the RecordSet path, which these tests compare it with."""
    from antt_domain.validation import _workers  # noqa: PLC0415 - the threshold, lowered

    monkeypatch.setattr(_workers, "RECORD_SET_BYTES", -1)


def _json(report: Any) -> str:
    return "".join(render_parts(report, "json", RenderOptions()))


def _compare(
    monkeypatch: pytest.MonkeyPatch,
    paths: Sequence[Path],
    *,
    jobs: int = 1,
    built_in: Sequence[Rule] = SPLIT,
    plugin: Sequence[Rule] = PLUGIN,
    **more: Any,
) -> Any:
    """The report of the streamed path, checked equal to the RecordSet path's."""
    monkeypatch.setattr(_workers, "BUILT_IN_RULES", (*BUILT_IN_RULES, *built_in))
    sources = discover(paths)
    options = Options(jobs=jobs, ignore=FUNCTIONS, rules=tuple(plugin), **more)
    assert not _workers.needs_record_set(_workers.plan_run(options)[1])
    streamed = run(sources, options)
    reference = run(sources, Options(jobs=jobs, ignore=FUNCTIONS, rules=(*plugin, NOTHING), **more))
    assert streamed.findings == reference.findings
    assert [f.finding for f in streamed.faults] == [f.finding for f in reference.faults]
    assert _json(streamed) == _json(reference)
    return streamed


@pytest.fixture
def pieces(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Small pieces, shared with worker processes even for small files; the facts' stores on
    disk from their second entry. The list counts the runs that used workers."""
    monkeypatch.setattr(_workers, "CHUNK_BYTES", 64 * 1024)
    monkeypatch.setattr(_workers, "PARALLEL_BYTES", 8 * 1024)
    monkeypatch.setattr(_workers, "SMALL_BYTES", 1)
    monkeypatch.setattr(_facts, "SPILL_AFTER", 1)
    used: list[int] = []
    original = _workers._in_workers

    def counted(*args: Any, **kwargs: Any) -> Any:
        used.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(_workers, "_in_workers", counted)
    return used


def test_the_examples_together_give_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(EXAMPLES) >= 28
    report = _compare(monkeypatch, EXAMPLES)
    codes = {f.code for f in report.findings}
    assert {"XSN001", "XSN002", "XKD001", "XKD002", "XID001"} <= codes  # the test rules found
    assert all(f.line for f in report.findings if f.code == "XID001")


@pytest.mark.slow
def test_each_example_gives_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    for path in EXAMPLES:
        _compare(monkeypatch, [path])


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_the_examples_with_jobs_and_facts_on_disk(
    monkeypatch: pytest.MonkeyPatch, pieces: list[int], jobs: int
) -> None:
    _compare(monkeypatch, EXAMPLES, jobs=jobs)
    assert bool(pieces) == (jobs > 1)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """datagen's dataset with defects (as a document and as JSONL lines), and gen_national's
    JSONL (1.0 and 2.0, mixed defects) at a few thousand records."""
    import json  # noqa: PLC0415 - only here

    folder = tmp_path_factory.mktemp("generated")
    data = load("datagen").generate("tiny", 3, invalid_share=0.1, scale=4)
    files = {"datagen": folder / "datagen.json", "datagen-lines": folder / "datagen.jsonl"}
    files["datagen"].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    lines = [json.dumps(r, ensure_ascii=False) for r in data["records"]]
    files["datagen-lines"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    for schema in ("1.0", "2.0"):
        path = folder / f"national-{schema}.jsonl"
        write_national(path, schema, max_records=3000, invalid_share=0.05, defects="mixed")
        files[f"national-{schema}"] = path
    return files


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("name", ["datagen", "datagen-lines", "national-1.0", "national-2.0"])
def test_generated_data_gives_the_same_report(
    monkeypatch: pytest.MonkeyPatch,
    pieces: list[int],
    generated: dict[str, Path],
    name: str,
    jobs: int,
) -> None:
    version = "2" if name == "national-2.0" else None
    report = _compare(monkeypatch, [generated[name]], jobs=jobs, schema_version=version)
    assert any(f.code.startswith("D") for f in report.findings) or name == "datagen"
    assert bool(pieces) == (jobs > 1 and name != "datagen")


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("where", ["facts", "take", "document", "end"])
def test_a_crash_is_a_fault_with_the_issues_before_it_kept(
    monkeypatch: pytest.MonkeyPatch,
    pieces: list[int],
    generated: dict[str, Path],
    where: str,
    jobs: int,
) -> None:
    crashing = _rule("XCR001", _crashing(where))
    # A document first: streamed, a piece's documents come just before its records (on the
    # RecordSet path, every document before every record), so a crash in ``document`` on a
    # later input would keep more issues than there.
    paths = [EXAMPLES[0], generated["national-1.0"]]
    report = _compare(monkeypatch, paths, jobs=jobs, built_in=(crashing,), plugin=())
    assert [f.rule for f in report.faults] == ["XCR001"]
    assert report.faults[0].finding.code == "D900"
    if where in {"facts", "take"}:
        assert any(f.code == "XCR001" for f in report.findings)  # those before the crash


def test_a_run_is_its_parts_joined(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """check_part on byte ranges of a JSONL file and on whole documents, then join: the report
    of run. Parts pickle, and carry no record when nothing here needs one."""
    import pickle  # noqa: PLC0415 - only here

    from antt_domain.validation._pieces import line_bounds  # noqa: PLC0415 - the cut

    monkeypatch.setattr(_workers, "BUILT_IN_RULES", (*BUILT_IN_RULES, *SPLIT))
    lines = [line for path in EXAMPLES[:3] for line in _jsonl_of(path)]
    jsonl = tmp_path / "all.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources = [*discover([jsonl]), *discover(EXAMPLES[:2])]
    bounds = line_bounds(jsonl, jsonl.stat().st_size, 5)
    assert len(bounds) > 3
    # Every rule; then only split rules across records: no record needs to come back.
    for options in (Options(ignore=FUNCTIONS), Options(select=("V", "XSN", "XKD"))):
        parts = [check_part(sources[0], options, a, b) for a, b in itertools.pairwise(bounds)]
        parts += [check_part(source, options) for source in sources[1:]]
        parts = [pickle.loads(pickle.dumps(part)) for part in parts]  # noqa: S301 - our own bytes
        assert any(part.facts for part in parts)
        assert join(parts, options) == run(sources, options)
    assert all(part.payload is None for part in parts)


def _jsonl_of(path: Path) -> list[str]:
    import json  # noqa: PLC0415 - only here

    data = json.loads(path.read_text(encoding="utf-8"))
    return (
        [json.dumps(r, ensure_ascii=False) for r in data["records"]]
        if data.get("schema_version", "1").startswith("1")
        else []
    )


def _seed_and_hash(batch: list[str], plan: None) -> list[object]:
    """In a worker: its hash seed and a hash of a string."""
    return [os.environ.get("PYTHONHASHSEED"), *(hash(text) for text in batch)]


@pytest.mark.slow
def test_workers_started_afresh_share_one_hash_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without "fork", the workers are spawned with one fixed PYTHONHASHSEED: they hash alike."""
    import multiprocessing  # noqa: PLC0415 - only here

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    found = list(_pool.in_order(_seed_and_hash, [["antt"], ["antt"]], None, 2))
    assert found[0] == found[2] == _pool.HASH_SEED
    assert found[1] == found[3]
    assert "PYTHONHASHSEED" not in os.environ


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_capped_findings_are_the_same(
    monkeypatch: pytest.MonkeyPatch,
    pieces: list[int],
    generated: dict[str, Path],
    jobs: int,
) -> None:
    report = _compare(monkeypatch, [generated["national-1.0"]], jobs=jobs, max_findings=40)
    assert len(report.findings) == 40
    assert report.omitted


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crash_raises_when_asked_in_a_worker_too(
    monkeypatch: pytest.MonkeyPatch,
    pieces: list[int],
    generated: dict[str, Path],
    jobs: int,
) -> None:
    crashing = _rule("XCR001", _crashing("facts"))
    monkeypatch.setattr(_workers, "BUILT_IN_RULES", (*BUILT_IN_RULES, crashing))
    options = Options(jobs=jobs, ignore=FUNCTIONS, raise_on_crash=True)
    with pytest.raises(RuleCrashError) as raised:
        run(discover([generated["national-1.0"]]), options)
    assert raised.value.rule == "XCR001"
    assert bool(pieces) == (jobs > 1)


@pytest.mark.slow
def test_a_run_with_workers_started_afresh_reports_what_one_process_does(
    monkeypatch: pytest.MonkeyPatch, pieces: list[int], generated: dict[str, Path]
) -> None:
    """The built-in rules' facts made in spawned workers (one fixed hash seed) give the report
    of one process."""
    import multiprocessing  # noqa: PLC0415 - only here

    sources = discover([generated["national-1.0"]])
    one = run(sources, Options(ignore=FUNCTIONS))
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    two = run(sources, Options(ignore=FUNCTIONS, jobs=2))
    assert pieces
    assert _json(two) == _json(one)


@pytest.mark.parametrize(
    ("methods", "version"),
    [(["fork", "spawn"], (3, 11)), (["spawn"], (3, 12)), (["spawn"], (3, 11))],
)
def test_facts_are_made_in_workers_only_where_they_hash_alike(
    monkeypatch: pytest.MonkeyPatch, methods: list[str], version: tuple[int, int]
) -> None:
    """Spawned workers before Python 3.12 hash None by its address, unlike this process: the
    split rules' facts are then made here, from the records the workers send."""
    import multiprocessing  # noqa: PLC0415 - only here

    from antt_domain.validation import _workers  # noqa: PLC0415 - the plan, looked at

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: methods)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(sys, "version_info", version)
    plan, _ = _workers.plan_run(Options(jobs=2))
    travel = "fork" in methods or version >= (3, 12)
    assert bool(plan.fact_rules) == travel
    assert plan.keep_records == (not travel)
    alone, _ = _workers.plan_run(Options(jobs=1))
    assert alone.fact_rules  # one process hashes as itself


def test_a_small_run_keeps_its_records_and_a_large_one_feeds_facts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Inputs of RECORD_SET_BYTES or less take the RecordSet path (the same findings,
    sooner); larger ones are streamed: the same report either way."""
    import json  # noqa: PLC0415 - only here

    from antt_domain.validation import _workers  # noqa: PLC0415 - the plan, watched

    lines = _jsonl_of(ROOT / "examples" / "cam-thuy-2021" / "dataset.json")
    named = next(json.loads(line) for line in lines if '"name"' in line)
    again = {**named, "name": "another record, the same id"}  # D001
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join([*lines, json.dumps(again)]) + "\n", encoding="utf-8")
    sources = discover([path])
    plans: list[bool] = []
    plan_run = _workers.plan_run

    def watched(options: Options, *, small: bool = False, joins: int = 1) -> Any:
        plan, rules = plan_run(options, small=small, joins=joins)
        plans.append(plan.record_set)
        return plan, rules

    monkeypatch.setattr(_workers, "plan_run", watched)
    monkeypatch.setattr(_workers, "RECORD_SET_BYTES", path.stat().st_size)
    small = run(sources, Options())
    monkeypatch.setattr(_workers, "RECORD_SET_BYTES", path.stat().st_size - 1)
    large = run(sources, Options())
    assert plans == [True, False]
    assert _json(large) == _json(small)
    assert "D001" in {f.code for f in small.findings}
