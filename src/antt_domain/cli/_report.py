"""``antt report``: aggregate datasets and render a report (a built-in format or a plugin's)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from antt_domain.aggregate import DIMENSIONS_V2
from antt_domain.cli._common import CommandError, default_lang, err, out
from antt_domain.cli._export import parse_options, refuse_overwrite
from antt_domain.cli._load import load_all
from antt_domain.cli._plugins import add_strict_option, manager_for, warn_load_errors
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
