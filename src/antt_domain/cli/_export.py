"""``antt export``: write datasets with an exporter (a built-in or a plugin's)."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any, TypeVar

import attrs

from antt_domain.cli._common import CommandError, err, out
from antt_domain.cli._plugins import add_strict_option, manager_for, warn_load_errors
from antt_domain.errors import AnttError
from antt_domain.io import JSONReadError, load_any_dataset, load_dataset
from antt_domain.model import Dataset, Record
from antt_domain.model import v2 as model_v2
from antt_domain.plugins import AnttPluginManager, ExporterSpec, OutputExistsError, export

__all__ = [
    "add_parser",
    "load_all",
    "load_any",
    "load_one",
    "merge",
    "parse_options",
    "refuse_overwrite",
]


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``export``."""
    parser = commands.add_parser(
        "export",
        help="write datasets in another format (json, jsonl, csv, markdown, sqlite, or a plugin's)",
        description="Write one dataset -- or several merged into one -- with an exporter. "
        "Several PATHs are merged: the first file's metadata, every file's records in order; "
        "a record id found twice with different content is an error. See `antt plugins` for "
        "the formats installed.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="dataset JSON file(s)")
    parser.add_argument(
        "--format",
        "-f",
        dest="format",
        metavar="NAME",
        help="exporter name; default: guessed from the extension of --out",
    )
    parser.add_argument(
        "--out", "-o", required=True, metavar="OUT", help="file to write; - for standard output"
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    parser.add_argument(
        "--option",
        "-O",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an exporter option (repeatable), e.g. -O bom=yes for csv",
    )
    add_strict_option(parser)
    parser.set_defaults(run=run)


def parse_options(pairs: list[str]) -> dict[str, str]:
    """``KEY=VALUE`` pairs of ``--option`` as a mapping."""
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CommandError(f"--option {pair!r}: expected KEY=VALUE")
        options[key.strip()] = value
    return options


def refuse_overwrite(exc: OutputExistsError) -> CommandError:
    """The CLI's words for an existing output: ``--force``, not the API's ``force=True``."""
    return CommandError(f"{exc.path}: already exists (use --force to overwrite)")


def _spec(manager: AnttPluginManager, name: str | None, target: str) -> ExporterSpec:
    if name is not None:
        return manager.exporter(name)
    suffix = "".join(Path(target).suffixes).lstrip(".").lower()
    matches = [
        spec
        for spec in manager.exporters().values()
        if suffix == spec.extension.lower() or suffix.endswith("." + spec.extension.lower())
    ]
    if target == "-" or len(matches) != 1:
        names = ", ".join(manager.exporters())
        raise CommandError(f"give --format NAME (cannot tell it from {target!r}); formats: {names}")
    return matches[0]


AnyDataset = Dataset | model_v2.Dataset


def load_one(path: str) -> AnyDataset:
    """The dataset at ``path``, of either major version (a 1.x document as the 1.0 model, a
    2.x one as the 2.0 model); what stops it is a :class:`CommandError` naming the file. The
    one place ``show`` and ``export`` load a document."""
    try:
        return load_any_dataset(path)
    except JSONReadError as exc:
        raise CommandError(str(exc)) from None
    except AnttError as exc:
        raise CommandError(f"{path}: {exc}") from None


def _load(path: str) -> Dataset:
    try:
        return load_dataset(path)
    except JSONReadError as exc:
        raise CommandError(str(exc)) from None
    except AnttError as exc:
        raise CommandError(f"{path}: {exc}") from None


def load_all(paths: list[str]) -> Dataset:
    """The 1.x datasets at ``paths``, loaded and merged into one (see :func:`merge`); a 2.0
    document is refused with one line (``antt report`` reads 1.x only for now)."""
    return merge([_load(p) for p in paths], list(paths))


def load_any(paths: list[str]) -> AnyDataset:
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


def run(args: argparse.Namespace) -> int:
    """Export; 0 on success, 2 when anything stops the export (nothing is left behind)."""
    manager = manager_for(args)
    warn_load_errors(manager, err())
    spec = _spec(manager, args.format, args.out)
    options = parse_options(args.option)
    dataset = load_any(args.paths)
    if args.out == "-":
        if spec.binary:
            raise CommandError(
                f"{spec.name} output is binary ({spec.media_type}); write it to a file with -o"
            )
        buffer = io.BytesIO()  # all or nothing on standard output too
        export(dataset, spec.name, buffer, options=options, manager=manager)
        stream = out()
        stream.flush()
        sys.stdout.buffer.write(buffer.getvalue())
        sys.stdout.buffer.flush()
        return 0
    try:
        export(
            dataset, spec.name, Path(args.out), options=options, manager=manager, force=args.force
        )
    except OutputExistsError as exc:
        raise refuse_overwrite(exc) from None
    out().write(f"{args.out}\n")
    return 0
