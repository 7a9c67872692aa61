"""antt_domain.distributed: validation on Dask gives the report of one process, byte for byte.

The same inputs are validated with :func:`antt_domain.validation.validate` and with
:func:`~antt_domain.distributed.validate_on_dask` on Dask's synchronous, threaded and (slow:
it starts processes) multiprocessing schedulers; the ``--format json`` renderings must be
equal. The national file is cut into several parts, whose records refer to records of other
parts, so the join has work to do: one part joined alone does not give the report.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

import pytest

from antt_domain import distributed
from antt_domain.validation import (
    BUILT_IN_RULES,
    LifecycleCheck,
    RenderOptions,
    Report,
    _facts,
    engine,
    render,
    validate,
)
from helpers.benchmarks import load, write_national

pytest.importorskip("dask")

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"
#: The 28 worked examples: the 27 of the corpus and Cam Thủy in 2.0.
EXAMPLES = [
    *sorted((ROOT / "examples" / "corpus").glob("*/dataset.json")),
    ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json",
]
#: Parts of about this many bytes: the national files below are cut into several.
PART = 100_000
SCHEDULERS = [
    "sync",
    "threads",
    pytest.param(
        "processes",
        marks=[
            pytest.mark.slow,
            pytest.mark.skipif(
                sys.version_info < (3, 12),
                reason="spawned processes hash None apart before 3.12: such a run is refused",
            ),
        ],
    ),
]


def _json(report: Report) -> str:
    """The report as ``antt validate --format json`` writes it."""
    return render(report, "json", RenderOptions())


@pytest.fixture(scope="module", params=["1.0", "2.0"])
def national(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A national JSONL file of 3,000 records, a tenth with a defect of any kind, from 12
    communes (their provinces and communes are written before their figures, so figures of
    later parts refer to records of the first)."""
    path = tmp_path_factory.mktemp("national") / f"national-{request.param}.jsonl"
    communes = load("gen_national").communes_2025()[::280]
    return write_national(
        path, request.param, max_records=3000, invalid_share=0.1, communes=communes
    )


def _major(path: Path) -> Literal["1", "2"]:
    return "1" if path.stem.endswith("1.0") else "2"


@pytest.fixture(autouse=True)
def _one_seed_in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask's multiprocessing scheduler sets PYTHONHASHSEED in this process's environment
    for its workers; it is put back afterwards, so other tests' processes are not touched."""
    monkeypatch.setenv("PYTHONHASHSEED", "0")


@pytest.mark.parametrize("scheduler", SCHEDULERS)
def test_the_examples_give_the_report_of_one_process(scheduler: str) -> None:
    """The 28 examples together: the same findings, inputs and faults, in the same order."""
    expected = validate(*EXAMPLES)
    got = distributed.validate_on_dask(EXAMPLES, scheduler=scheduler)
    assert _json(got) == _json(expected)
    assert got.findings  # the examples have findings: the comparison is not of two nothings


@pytest.mark.parametrize("scheduler", SCHEDULERS)
def test_a_national_file_in_parts_gives_the_report_of_one_process(
    national: Path, scheduler: str
) -> None:
    """A national file cut into parts: the same report as one process with every rule."""
    options = engine.Options(schema_version=_major(national))
    expected = validate(national, schema_version=_major(national))
    got = distributed.validate_on_dask(national, options, partition_bytes=PART, scheduler=scheduler)
    assert national.stat().st_size > 4 * PART  # several parts
    assert _json(got) == _json(expected)
    assert {f.code for f in got.findings} >= {"S001", "D002"}  # schema and a rule across records


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_a_window_of_parts_at_a_time_gives_the_same_report(national: Path, scheduler: str) -> None:
    """``window=2``: parts are computed two at a time (one compute a window, counted here)
    and joined as they come, into the same report."""
    import dask.local  # noqa: PLC0415 - skipped above where it is missing
    import dask.threaded  # noqa: PLC0415 - as above

    get = dask.local.get_sync if scheduler == "sync" else dask.threaded.get
    calls: list[int] = []

    def counted(dsk: Any, keys: Any, **kwargs: Any) -> Any:
        calls.append(len(keys))
        return get(dsk, keys, **kwargs)

    major = _major(national)
    options = engine.Options(schema_version=major)
    parts = len(distributed._pieces(engine.discover([national])[0], PART))
    got = distributed.validate_on_dask(
        national, options, partition_bytes=PART, scheduler=counted, window=2
    )
    assert _json(got) == _json(validate(national, schema_version=major))
    assert len(calls) == -(-parts // 2)


def test_documents_and_a_file_in_parts_in_one_run_keep_their_order(national: Path) -> None:
    """Parts of several inputs, a file in parts between two documents: joined in input
    order, each input's parts one after the other."""
    paths = [EXAMPLES[0], national, EXAMPLES[-1]]
    expected = validate(*paths)
    got = distributed.validate_on_dask(paths, partition_bytes=PART, scheduler="sync")
    assert _json(got) == _json(expected)
    assert [i.path for i in got.inputs] == [str(p) for p in paths]


#: The built-in rules across records that are functions of every record. Ignored, no record
#: is kept: the other rules across records (lifecycles) are fed part by part in the join.
FUNCTIONS = tuple(
    sorted(
        {
            r.code
            for r in BUILT_IN_RULES
            if r.scope == "dataset" and not isinstance(r.check, LifecycleCheck)
        }
    )
)
#: ... and those that are not split into facts (a plain lifecycle is given the records).
NOT_SPLIT = tuple(
    sorted(
        {
            r.code
            for r in BUILT_IN_RULES
            if r.scope == "dataset" and not (isinstance(r.check, LifecycleCheck) and r.check.splits)
        }
    )
)


@pytest.mark.parametrize("spill", [False, True], ids=["in-memory", "spilled"])
@pytest.mark.parametrize("scheduler", SCHEDULERS)
def test_the_lifecycle_rules_fed_part_by_part_give_the_report_of_one_process(
    national: Path, scheduler: str, spill: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the rules that need every record, no record is kept: the lifecycles are fed
    in the join part after part (the split ones their facts, made where the parts are
    checked), their stores in memory or moved to SQLite at the first entry."""
    if spill:
        monkeypatch.setattr(_facts, "SPILL_AFTER", 1)
    major = _major(national)
    options = engine.Options(schema_version=major, ignore=FUNCTIONS)
    expected = validate(national, schema_version=major, ignore=FUNCTIONS)
    got = distributed.validate_on_dask(national, options, partition_bytes=PART, scheduler=scheduler)
    assert _json(got) == _json(expected)
    assert any(f.code.startswith("D") for f in got.findings)


def test_parts_carry_facts_and_no_record_when_every_rule_is_split(national: Path) -> None:
    """With only split rules across records, a part sends their facts, never its records."""
    if len(NOT_SPLIT) == len({r.code for r in BUILT_IN_RULES if r.scope == "dataset"}):
        pytest.skip("no built-in rule across records is split into facts yet")
    options = engine.Options(schema_version=_major(national), ignore=NOT_SPLIT)
    parts = [
        engine.check_part(source, options, start, end)
        for source, start, end in distributed._pieces(engine.discover([national])[0], PART)
    ]
    assert all(part.payload is None for part in parts)
    assert sum(len(part.facts or ()) for part in parts) > 2000


def test_the_join_matters(national: Path) -> None:
    """Each part checked alone misses what only the whole file shows (references to records
    of other parts are found dangling, or duplicates across parts are not seen): the report
    is the join's, not the parts' findings put together."""
    options = engine.Options(schema_version=_major(national))
    pieces = distributed._pieces(engine.discover([national])[0], PART)
    assert len(pieces) > 4
    alone = [
        f
        for source, start, end in pieces
        for f in engine.join([engine.check_part(source, options, start, end)], options).findings
    ]
    whole = distributed.validate_on_dask(national, options, partition_bytes=PART, scheduler="sync")
    assert sorted((f.code, f.record_id) for f in alone) != sorted(
        (f.code, f.record_id) for f in whole.findings
    )


def test_parts_checked_under_different_hash_seeds_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two parts that say they were checked under different hash seeds are not joined."""
    seeds = iter(range(100))
    monkeypatch.setattr(distributed, "_seed", lambda: next(seeds))
    with pytest.raises(distributed.HashSeedError, match="PYTHONHASHSEED"):
        distributed.validate_on_dask(EXAMPLES[:2], scheduler="sync")


def test_one_seed_is_one_probe() -> None:
    """The probe is a hash of a string: equal in one process (and so under one seed)."""
    assert distributed._seed() == distributed._seed()
    assert isinstance(distributed._seed(), int)


def test_a_small_jsonl_file_is_one_part_and_a_json_document_always_is(tmp_path: Path) -> None:
    """Parts are cut only in JSONL files over the size, at line starts."""
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"a": 1}\n' * 100)
    (source,) = engine.discover([path])
    assert distributed._pieces(source, 10_000) == [(source, 0, None)]
    cut = distributed._pieces(source, 200)
    assert len(cut) == 5
    assert cut[0][1] == 0
    assert cut[-1][2] == 900
    assert all(start % 9 == 0 for _, start, _ in cut)  # each at a line start
    (document,) = engine.discover([EXAMPLES[0]])
    assert distributed._pieces(document, 10) == [(document, 0, None)]


def test_a_part_size_or_a_window_under_one_is_refused() -> None:
    with pytest.raises(ValueError, match="partition_bytes"):
        distributed.validate_on_dask(EXAMPLES[:1], partition_bytes=0)
    with pytest.raises(ValueError, match="window"):
        distributed.validate_on_dask(EXAMPLES[:1], window=0)


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask missing: an ImportError that says ``pip install 'antt-domain[dask]'``."""
    blocked: dict[str, Any] = {"dask": None, "dask.bag": None}
    for name, module in blocked.items():
        monkeypatch.setitem(sys.modules, name, module)
    with pytest.raises(ImportError, match=r"antt-domain\[dask\]"):
        distributed.validate_on_dask(EXAMPLES[:1])
