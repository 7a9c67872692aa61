"""``antt report``: aggregate datasets and render a report (a built-in format or a plugin's)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import attrs

from antt_domain.aggregate import DIMENSIONS_V2
from antt_domain.cli._common import CommandError, default_lang, err, out
from antt_domain.cli._export import merge, parse_options, refuse_overwrite
from antt_domain.cli._plugins import add_strict_option, manager_for, warn_load_errors
from antt_domain.errors import AnttError
from antt_domain.io import JSONReadError, load_any_dataset
from antt_domain.model import Dataset
from antt_domain.model.v2 import Dataset as DatasetV2
from antt_domain.plugins import OutputExistsError, report

__all__ = ["add_parser"]


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``report``."""
    parser = commands.add_parser(
        "report",
        help="aggregate datasets into a report (summary, markdown, json, or a plugin's)",
        description="Aggregate one dataset -- or several merged into one -- and render a "
        "report (Schema 1.x or 2.0, each file by its schema_version). Only like figures are "
        "added (same kind, unit, counted thing, qualifiers, period, ...); stocks take their "
        "latest value; figures whose period is not stated are shown apart and never "
        "attributed to a year. "
        "See docs/aggregation.md.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="dataset JSON file(s)")
    parser.add_argument(
        "--format", "-f", default="summary", metavar="NAME", help="report format (default: summary)"
    )
    parser.add_argument("--period", type=_year, metavar="YEAR", help="only this calendar year")
    parser.add_argument("--area", metavar="ID_OR_CODE", help="only this area and the units in it")
    parser.add_argument(
        "--by",
        type=_dimensions,
        default=(),
        metavar="DIMS",
        help=f"break figures down by these, comma-separated: {', '.join(DIMENSIONS_V2)}",
    )
    parser.add_argument("--lang", choices=("vi", "en"), default=None)
    parser.add_argument(
        "--option",
        "-O",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a format option (repeatable), e.g. -O organisation=org-ca",
    )
    parser.add_argument(
        "--out",
        "-o",
        default="-",
        metavar="OUT",
        help="file to write (default: - for standard output)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    add_strict_option(parser)
    parser.set_defaults(run=run)


def _year(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        msg = f"{text!r} is not a year such as 2021"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _dimensions(text: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in (*DIMENSIONS_V2, "kind", "unit")]
    if unknown:
        msg = f"unknown dimension(s) {', '.join(unknown)}; known: {', '.join(DIMENSIONS_V2)}"
        raise argparse.ArgumentTypeError(msg)
    return names


def _load(path: str) -> Dataset | DatasetV2:
    try:
        return load_any_dataset(path)
    except JSONReadError as exc:
        raise CommandError(str(exc)) from None
    except AnttError as exc:
        raise CommandError(f"{path}: {exc}") from None


def load_all(paths: list[str]) -> Dataset | DatasetV2:
    """The datasets at ``paths`` (1.x or 2.x, each by its ``schema_version``) merged into one:
    the first one's metadata, every file's records in order, a record found identically in
    several files kept once. 1.x and 2.x files are never merged together."""
    loaded = [_load(p) for p in paths]
    ones = [d for d in loaded if isinstance(d, Dataset)]
    twos = [d for d in loaded if isinstance(d, DatasetV2)]
    if ones and twos:
        raise CommandError(
            "cannot merge Schema 1.x and 2.0 datasets into one report; "
            "`antt upgrade` writes a 1.x dataset as 2.0"
        )
    if ones:
        return merge(ones, list(paths))
    return _merge_v2(twos, list(paths))


def _merge_v2(datasets: list[DatasetV2], paths: list[str]) -> DatasetV2:
    first = datasets[0]
    if len(datasets) == 1:
        return first
    records: dict[str, tuple[object, str]] = {}
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
    kept = [r for r, _ in records.values()]
    return attrs.evolve(first, records=kept, sources=tuple(sources))


def run(args: argparse.Namespace) -> int:
    """Render; 0 on success, 2 when anything stops the report (nothing is left behind)."""
    manager = manager_for(args)
    warn_load_errors(manager, err())
    spec = manager.report_format(args.format)
    dataset = load_all(args.paths)
    lang = args.lang or default_lang()
    request = {
        "lang": lang,
        "period": args.period,
        "area": args.area,
        "by": args.by,
        "options": parse_options(args.option),
        "manager": manager,
    }
    if args.out == "-":
        if spec.binary:
            raise CommandError(f"{spec.name} output is binary; write it to a file with -o")
        out().flush()
        report(dataset, spec, sys.stdout.buffer, **request)
        sys.stdout.buffer.flush()
        return 0
    try:
        report(dataset, spec, Path(args.out), force=args.force, **request)
    except OutputExistsError as exc:
        raise refuse_overwrite(exc) from None
    out().write(f"{args.out}\n")
    return 0
