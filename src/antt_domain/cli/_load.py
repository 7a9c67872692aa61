"""Loading datasets for the commands: one file of either major version, or several merged
into one (``show``, ``export`` and ``report`` all load through here)."""

from __future__ import annotations

from typing import TypeVar

import attrs

from antt_domain.cli._common import CommandError
from antt_domain.errors import AnttError
from antt_domain.io import JSONReadError, load_any_dataset
from antt_domain.model import Dataset, Record
from antt_domain.model import v2 as model_v2

__all__ = ["AnyDataset", "load_all", "load_one", "merge"]

AnyDataset = Dataset | model_v2.Dataset


def load_one(path: str) -> AnyDataset:
    """The dataset at ``path``, of either major version (a 1.x document as the 1.0 model, a
    2.x one as the 2.0 model); what stops it is a :class:`CommandError` naming the file. The
    one place the commands load a document."""
    try:
        return load_any_dataset(path)
    except JSONReadError as exc:
        raise CommandError(str(exc)) from None
    except AnttError as exc:
        raise CommandError(f"{path}: {exc}") from None


def load_all(paths: list[str]) -> AnyDataset:
    """The datasets at ``paths``, of either major version, merged into one (see
    :func:`merge`); files of different major versions cannot be merged (``antt upgrade``
    the 1.x ones first)."""
    datasets = [load_one(p) for p in paths]
    v1 = [d for d in datasets if isinstance(d, Dataset)]
    if len(v1) == len(datasets):
        return merge(v1, list(paths))
    v2 = [d for d in datasets if isinstance(d, model_v2.Dataset)]
    if len(v2) == len(datasets):
        return merge(v2, list(paths))
    path, other = next(
        (p, d) for p, d in zip(paths, datasets, strict=True) if type(d) is not type(datasets[0])
    )
    raise CommandError(
        f"{path} is Schema {other.schema_version} and {paths[0]} is Schema "
        f"{datasets[0].schema_version}; cannot merge them (run `antt upgrade` on the 1.x "
        "file first)"
    )


_D = TypeVar("_D", Dataset, model_v2.Dataset)


def merge(datasets: list[_D], paths: list[str]) -> _D:
    """One dataset: the first one's metadata, every dataset's records in order.

    A record that appears in several files identically is kept once; the same id with
    different content is a :class:`CommandError` naming both files.
    """
    first = datasets[0]
    if len(datasets) == 1:
        return first
    records: dict[str, tuple[Record | model_v2.Record, str]] = {}
    for dataset, path in zip(datasets, paths, strict=True):
        for record in dataset.records:
            seen = records.get(record.id)
            if seen is None:
                records[record.id] = (record, path)
            elif seen[0] != record:
                raise CommandError(
                    f"record {record.id!r} differs between {seen[1]} and {path}; cannot merge"
                )
    sources = dict.fromkeys(s for d in datasets for s in d.sources)
    return attrs.evolve(first, records=[r for r, _ in records.values()], sources=tuple(sources))
