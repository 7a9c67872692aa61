"""Validation on Dask, for a dataset one machine cannot hold: the same report as one process.

A run is a map and a join. The map checks each part of the inputs -- a whole JSON document,
or a byte range of a JSONL file cut at a line start -- wherever Dask runs it: reading,
schema, structure, the rules on one record, and the compact facts of the rules across records
(ids, references, keys, dates), with :func:`antt_domain.validation.engine.check_part`. The join
(:func:`antt_domain.validation.engine.join`) runs here, on one machine: it feeds the parts'
facts, in input order, to the rules across records, locates every finding and caps them,
giving the :class:`~antt_domain.validation.Report` that
:func:`antt_domain.validation.validate` gives for the same inputs and options.

Dask is an optional dependency: ``pip install 'antt-domain[dask]'``. It is imported when
:func:`validate_on_dask` is called, never by importing this module. There is no scheduler
here: Dask's (synchronous, threads, processes, or a ``distributed`` cluster) runs the parts.

Facts may use ``hash()`` (see :class:`~antt_domain.validation.FactLifecycle`), so every part
of a run must be checked in processes that share one hash seed. Threads and the synchronous
scheduler run in this process. Dask's multiprocessing scheduler starts its workers with
"spawn" (fresh interpreters), and for its own needs sets ``PYTHONHASHSEED`` to 6640 in this
process's environment, where it stays, when it is unset or 0, so that they inherit one seed.
The workers of a ``distributed`` cluster, or of a pool given to Dask (``pool=``), share one
only when they are started with the same ``PYTHONHASHSEED``. Each part says which seed
checked it, and a run whose parts disagree is refused (:class:`HashSeedError`) rather than
joined into wrong findings. Before Python 3.12, ``hash(None)`` is the address of ``None``,
which differs between processes started afresh whatever their seed: there, run the parts in
threads, synchronously, or on workers forked from one process.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final, final

import attrs

from antt_domain.errors import AnttError
from antt_domain.validation import Report, engine

__all__ = ["PARTITION_BYTES", "HashSeedError", "validate_on_dask"]

#: The largest part of a JSONL file checked as one Dask task. A worker holds about one part's
#: bytes and records at a time; larger than the pieces of a run on one machine (which bound
#: its memory), so that a task is long beside what Dask spends scheduling it.
PARTITION_BYTES: Final = 8 * 1024 * 1024

#: Hashed by each task: equal results mean one hash seed (a ``str`` hash depends on it).
_PROBE: Final = "antt-domain: one hash seed for the facts of a run"

#: One part of the work: an input, and the byte range of it to check (``None``: to its end).
_Piece = tuple[engine.InputSource, int, int | None]
#: One part checked: the hash seed's probe where it was checked, and the part.
_Done = tuple[int, engine.Part]


@final
class HashSeedError(AnttError, RuntimeError):
    """The parts of a run were checked in processes with different hash seeds, so their facts
    cannot be joined (a fact may be a ``hash()``). Start every worker with the same
    ``PYTHONHASHSEED`` in its environment."""

    def __init__(self) -> None:
        super().__init__(
            "the parts of this run were checked under different hash seeds: start every Dask "
            "worker with the same PYTHONHASHSEED (e.g. PYTHONHASHSEED=0) / các phần của lần "
            "kiểm tra này được kiểm tra với những hạt giống băm khác nhau: hãy khởi động mọi "
            "worker Dask với cùng một PYTHONHASHSEED"
        )


def validate_on_dask(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    options: engine.Options | None = None,
    *,
    partition_bytes: int = PARTITION_BYTES,
    scheduler: Any = None,
    window: int | None = None,
) -> Report:
    """Validate the JSON and JSONL files (and directories of them) at ``paths`` on Dask.

    Each JSONL file over ``partition_bytes`` is cut at line starts into parts of about that
    size; each other input is one part. A ``dask.bag.from_sequence`` of the parts is
    mapped with :func:`~antt_domain.validation.engine.check_part` and computed with
    ``scheduler`` (anything ``dask.compute`` takes: ``"sync"``, ``"threads"``,
    ``"processes"``, a ``distributed.Client``; ``None``: Dask's default for bags, its
    multiprocessing scheduler, or the client in use), then joined here in input order with
    :func:`~antt_domain.validation.engine.join`. ``options`` are those of
    :func:`~antt_domain.validation.engine.run` (``None``: the defaults, as
    :func:`antt_domain.validation.validate` without arguments; ``jobs`` is not used: Dask
    decides where parts run). The report is the one those functions give for the same inputs.

    ``window``: by default Dask computes every part at once, and this process holds them all
    (their findings and facts) until the join. With ``window=N``, parts are computed N at a
    time and joined as they come, so this process holds at most N parts; give it a few times
    the number of workers (with Dask's multiprocessing scheduler each window starts its own
    worker processes: prefer threads or a ``distributed`` cluster).

    Raises ``ImportError`` when Dask is not installed, :class:`HashSeedError` when the
    parts were checked under different hash seeds (see the module), and what
    :func:`antt_domain.validation.validate` raises for a path that cannot be used.
    """
    dask = _dask()
    if partition_bytes < 1 or (window is not None and window < 1):
        msg = f"partition_bytes and window must be at least 1, not {partition_bytes}, {window}"
        raise ValueError(msg)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    options = engine.Options() if options is None else _picklable(options)
    pieces = [
        piece
        for source in engine.discover(Path(p) for p in paths)
        for piece in _pieces(source, partition_bytes)
    ]
    if not pieces:
        return engine.join([], options)
    mapped = dask.bag.from_sequence(pieces, npartitions=len(pieces)).map(_check, options=options)
    return engine.join(_one_seed(_computed(dask, mapped, scheduler, window)), options)


def _computed(dask: Any, mapped: Any, scheduler: Any, window: int | None) -> Iterator[list[_Done]]:
    """The checked parts of the bag ``mapped``, in order: all at once (``window`` None), or
    ``window`` partitions at a time, each batch computed when the join asks for it."""
    if scheduler is None:  # a bag's default (or the client in use), also for its partitions
        scheduler = dask.base.get_scheduler(collections=[mapped])
    if window is None:
        yield mapped.compute(scheduler=scheduler)
        return
    partitions = mapped.to_delayed()
    for start in range(0, len(partitions), window):
        batch = dask.compute(*partitions[start : start + window], scheduler=scheduler)
        yield [done for partition in batch for done in partition]


def _one_seed(batches: Iterable[list[_Done]]) -> Iterator[engine.Part]:
    """The parts of ``batches``; :class:`HashSeedError` at the first part checked under
    another hash seed than the first part."""
    first: int | None = None
    for batch in batches:
        for seed, part in batch:
            if first is None:
                first = seed
            elif seed != first:
                raise HashSeedError
            yield part


def _picklable(options: engine.Options) -> engine.Options:
    """``options`` with its codelists as plain dicts (a plugin manager's are read-only
    proxies, which do not pickle), to be sent to Dask's workers."""
    return attrs.evolve(
        options, codelists=_plain(options.codelists), codelists_v2=_plain(options.codelists_v2)
    )


def _plain(lists: engine.Codelists) -> engine.Codelists:
    return lists if lists is engine.DEFAULT else dict(lists)


def _dask() -> Any:
    """``dask``, with ``dask.bag`` imported, or an ``ImportError`` that says how to install it."""
    try:
        import dask.bag  # noqa: PLC0415 - an optional dependency, imported when used
    except ImportError as exc:
        msg = (
            "validate_on_dask needs Dask: pip install 'antt-domain[dask]' "
            "/ validate_on_dask cần Dask: pip install 'antt-domain[dask]'"
        )
        raise ImportError(msg, name=exc.name) from exc
    return dask


def _pieces(source: engine.InputSource, partition_bytes: int) -> list[_Piece]:
    """``source`` whole, or -- a JSONL file over ``partition_bytes`` -- its byte ranges at
    line starts."""
    if source.format != "jsonl" or source.path is None or source.data is not None:
        return [(source, 0, None)]
    try:
        size = source.path.stat().st_size
    except OSError:  # the part reports it as a read finding
        return [(source, 0, None)]
    if size <= partition_bytes:
        return [(source, 0, None)]
    bounds = engine.line_bounds(source.path, size, -(-size // partition_bytes))
    return [(source, start, end) for start, end in itertools.pairwise(bounds)]


def _check(piece: _Piece, options: engine.Options) -> _Done:
    """The task mapped over the parts, wherever Dask runs it: the part checked, and the hash
    of :data:`_PROBE` there (which hash seed its facts were computed under)."""
    source, start, end = piece
    return _seed(), engine.check_part(source, options, start, end)


def _seed() -> int:
    """A number that is the same in two processes exactly when they hash alike: their hash
    seeds (a ``str``'s hash) and, before Python 3.12, the address of ``None`` (its hash)."""
    return hash((_PROBE, None))
