"""Worker processes for ``--jobs``: work mapped in order, and a pool that is torn down at once
when the run stops early (Ctrl-C, an error), leaving no worker behind and nothing waiting;
and the collector's thresholds a program may set around a big run (:func:`few_collections`).
Workers are forked where the platform can (one hash seed for the whole run, see
:func:`_start_method`)."""

from __future__ import annotations

import collections
import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

__all__ = ["GC_THRESHOLDS", "few_collections", "in_order", "quiet_worker", "stop"]

#: How many batches a worker may have been handed and not yet given back to the caller.
AHEAD = 2
#: The hash seed of worker processes started afresh (where there is no "fork").
HASH_SEED = "20181"
#: The collector's thresholds during a big run (Python's defaults are 700, 10, 10).
GC_THRESHOLDS = (100_000, 50, 1000)

_T = TypeVar("_T")
_P = TypeVar("_P")
_R = TypeVar("_R")


def quiet_worker() -> None:
    """In a worker process: Ctrl-C is the parent's to handle (it stops the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _start_worker() -> None:
    """A worker process of the pool: quiet on Ctrl-C, and with the collector's thresholds of
    a big run for its whole life (the process is the run's own)."""
    quiet_worker()
    _raise_thresholds()


def _raise_thresholds() -> tuple[int, ...]:
    before = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(before, GC_THRESHOLDS, strict=True)))
    return before


@contextlib.contextmanager
def few_collections() -> Iterator[None]:
    """Run Python's cyclic collector far less often inside (:data:`GC_THRESHOLDS`), then
    restore its thresholds.

    A big validation allocates millions of objects that form no cycles (records, tuples,
    dicts) and keeps many of them; with the default thresholds the collector walks the growing
    set of live records over and over (see ``docs/performance.md`` for what that costs). The
    thresholds are process-wide: a program (``antt validate``) sets them around its run; a
    library run does not touch them.
    """
    before = _raise_thresholds()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def in_order(
    work: Callable[[_T, _P], list[_R]], batches: Sequence[_T], plan: _P, jobs: int
) -> Iterator[_R]:
    """``work(batch, plan)`` for each batch in worker processes, its results in order. At
    most :data:`AHEAD` batches a worker are handed out and not yet taken, so that workers
    faster than the caller do not pile results up in memory. If the caller stops early (an
    exception, Ctrl-C, or dropping this iterator), the pool is stopped at once (:func:`stop`)."""
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only with --jobs

    workers = min(jobs, len(batches), os.cpu_count() or 1)
    context, seed = _start_method()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)
    finished = False
    waiting: collections.deque[Any] = collections.deque()
    try:
        for batch in batches:
            with _hash_seed(seed):  # workers start as the work is handed out
                waiting.append(pool.submit(work, batch, plan))
            if len(waiting) >= AHEAD * workers:
                yield from waiting.popleft().result()
        while waiting:
            yield from waiting.popleft().result()
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:
            stop(pool)


def _start_method() -> tuple[Any, str | None]:
    """How worker processes start, and the hash seed to start them with (``None``: theirs is
    this process's own). Rules across records may compare ``hash()`` digests of records made
    in different processes of a run, so every process of the run must hash alike: forked
    workers do (they inherit this process's seed); started afresh ("spawn", where the platform
    has no safe "fork": Windows, macOS), they are all given one fixed :data:`HASH_SEED` (or
    this process's own ``PYTHONHASHSEED``) -- and then every piece of the run is checked in
    them, none here (``_workers`` never mixes the two)."""
    import multiprocessing  # noqa: PLC0415 - only with --jobs

    # macOS has "fork" but its system libraries may start threads that a fork breaks: there,
    # as on Windows, workers start afresh.
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        return multiprocessing.get_context("fork"), None
    return multiprocessing.get_context("spawn"), os.environ.get("PYTHONHASHSEED") or HASH_SEED


@contextlib.contextmanager
def _hash_seed(seed: str | None) -> Iterator[None]:
    """``PYTHONHASHSEED`` set to ``seed`` inside (for the worker processes started there)."""
    if seed is None:
        yield
        return
    before = os.environ.get("PYTHONHASHSEED")
    os.environ["PYTHONHASHSEED"] = seed
    try:
        yield
    finally:
        if before is None:
            del os.environ["PYTHONHASHSEED"]
        else:
            os.environ["PYTHONHASHSEED"] = before


def stop(pool: Any) -> None:
    """Stop a process pool now: cancel what has not started and end the workers.

    A worker ended while it sends a result leaves half a message in the result pipe, and the
    pool's manager thread (which the interpreter joins at exit) then waits for the rest for
    ever. Closing this process's end of the pipe once the workers are gone ends that wait:
    the thread reads the end of the pipe and finishes. Joining that thread, which reaps the
    workers too, makes the stop complete when this returns.
    """
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    results = getattr(pool, "_result_queue", None)
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.terminate()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(timeout=1)
            if process.is_alive():  # a busy machine: make sure, none is left behind
                process.kill()
                process.join(timeout=1)
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()
    if manager is not None:
        manager.join(timeout=5)
