"""``antt schema``: print a bundled schema or codelist (1.0 by default, 2.0 on request)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from antt_domain.cli._common import CommandError, out
from antt_domain.schemas import SCHEMA_VERSIONS, codelists, load_schema, schema_names

__all__ = ["add_parser"]


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``schema``."""
    parser = commands.add_parser(
        "schema",
        help="print a bundled JSON Schema or codelist",
        description="Print a bundled JSON Schema (or, with --codelist, a codelist); "
        "without a name, list them. --version 2 serves the Schema 2.0 files (in progress).",
    )
    parser.add_argument("name", nargs="?", help="e.g. dataset, activity, common")
    parser.add_argument("--codelist", action="store_true", help="NAME is a codelist")
    parser.add_argument(
        "--version",
        dest="schema_version",
        choices=SCHEMA_VERSIONS,
        default="1",
        help="major schema version (default 1)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema (or the list of names)."""
    stream = out()
    version = args.schema_version
    lists = codelists(version)
    names = schema_names(version)
    if args.name is None:
        stream.write("\n".join(sorted(lists) if args.codelist else names) + "\n")
        return 0
    if args.codelist:
        found = lists.get(args.name)
        if found is None:
            raise CommandError(f"no codelist {args.name!r}; known: {', '.join(sorted(lists))}")
        doc = {
            "name": found.name,
            "title": {"vi": found.title_vi, "en": found.title_en},
            "closed": found.closed,
            "codes": [{"code": c.code, "vi": c.vi, "en": c.en, **c.extra} for c in found],
        }
    else:
        if args.name not in names:
            raise CommandError(f"no schema {args.name!r}; known: {', '.join(names)}")
        doc = load_schema(args.name, version)
    json.dump(doc, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return 0
