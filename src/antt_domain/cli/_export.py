"""``antt export``: write datasets with an exporter (a built-in or a plugin's)."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any

from antt_domain.cli._common import CommandError, err, out
from antt_domain.cli._load import load_all
from antt_domain.cli._plugins import add_strict_option, manager_for, warn_load_errors
from antt_domain.plugins import AnttPluginManager, ExporterSpec, OutputExistsError, export

__all__ = ["add_parser", "parse_options", "refuse_overwrite"]


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


def run(args: argparse.Namespace) -> int:
    """Export; 0 on success, 2 when anything stops the export (nothing is left behind)."""
    manager = manager_for(args)
    warn_load_errors(manager, err())
    spec = _spec(manager, args.format, args.out)
    options = parse_options(args.option)
    dataset = load_all(args.paths)
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
