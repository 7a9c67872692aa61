"""--jobs: many small files are sent to the workers in a few batches, small runs stay in one
process, and a run stopped part-way (Ctrl-C) leaves no worker behind."""

from __future__ import annotations

import json
import multiprocessing
import signal
from pathlib import Path

import pytest

from antt_domain import load_example
from antt_domain.io import dumps
from antt_domain.validation import _pool, validate
from antt_domain.validation import _workers as _engine
from antt_domain.validation._inputs import InputSource


def _small_files(folder: Path, count: int) -> Path:
    records = [json.loads(dumps(r)) for r in load_example().records]
    for i in range(count):
        record = {**records[i % len(records)], "id": f"r-{i}"}
        if i % 17 == 0:
            record["unknown"] = True  # a schema finding now and then
        (folder / f"r{i:04d}.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    return folder


def test_many_small_files_go_in_a_few_batches_in_order(tmp_path: Path) -> None:
    """300 files for 2 processes: about 4 batches a process, every file once, in order."""
    folder = _small_files(tmp_path, 300)
    units = [
        _engine.Unit(i, InputSource(name=p.name, format="json", path=p))
        for i, p in enumerate(sorted(folder.iterdir()))
    ]
    batches = _engine._batches(units, 2)
    assert 4 <= len(batches) <= 10
    assert [u for batch in batches for u in batch] == units


@pytest.mark.parametrize("ignore", [(), ("D",)])
def test_batched_files_give_the_findings_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ignore: tuple[str, ...]
) -> None:
    """Sent to the workers in batches, small files are reported exactly as in one process."""
    folder = _small_files(tmp_path, 120)
    monkeypatch.setattr(_engine, "PARALLEL_BYTES", 1000)
    monkeypatch.setattr(_engine, "SMALL_BYTES", 0)
    one = validate(folder, ignore=ignore)
    two = validate(folder, ignore=ignore, jobs=2)
    assert two.findings == one.findings
    assert two.inputs == one.inputs
    assert any(f.code.startswith("S") for f in one)


def test_a_small_run_stays_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Below PARALLEL_BYTES in all, --jobs starts no worker (it would only cost time)."""
    folder = _small_files(tmp_path, 5)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(_engine, "_in_workers", no_pool)
    assert validate(folder, jobs=2).records == 5


def test_many_tiny_files_stay_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files far under SMALL_BYTES each: sending them to workers would cost more than checking
    them here, so --jobs takes the one-process path (and reports the same)."""
    folder = _small_files(tmp_path, 40)
    monkeypatch.setattr(_engine, "PARALLEL_BYTES", 1000)  # enough bytes in all for workers

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(_engine, "_in_workers", no_pool)
    assert validate(folder, jobs=2).findings == validate(folder).findings


class _Interrupted(KeyboardInterrupt):
    pass


def test_an_interrupted_parallel_run_leaves_no_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the workers run: the interrupt reaches the caller at once and every worker
    process is ended (nothing left running, nothing waited for)."""
    folder = _small_files(tmp_path, 200)
    monkeypatch.setattr(_engine, "PARALLEL_BYTES", 1000)
    monkeypatch.setattr(_engine, "SMALL_BYTES", 0)

    def interrupt(done: int, total: int) -> None:
        raise _Interrupted

    with pytest.raises(_Interrupted):
        validate(folder, jobs=2, progress=interrupt)
    assert multiprocessing.active_children() == []


def test_workers_leave_ctrl_c_to_the_parent() -> None:
    """A worker ignores SIGINT: the terminal sends it to every process of the group, and only
    the parent should act on it (quietly), not print a traceback per worker."""
    before = signal.getsignal(signal.SIGINT)
    try:
        _pool.quiet_worker()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
