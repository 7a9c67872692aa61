"""``antt schema``: print a bundled schema or codelist."""

from __future__ import annotations

import argparse
import json
from typing import Any

from antt_domain.cli._common import CommandError, out
from antt_domain.schemas import codelists, load_schema, schema_names

__all__ = ["add_parser"]


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``schema``."""
    parser = commands.add_parser(
        "schema",
        help="print a bundled JSON Schema or codelist",
        description="Print a bundled JSON Schema (or, with --codelist, a codelist); "
        "without a name, list them.",
    )
    parser.add_argument("name", nargs="?", help="e.g. dataset, activity, common")
    parser.add_argument("--codelist", action="store_true", help="NAME is a codelist")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema (or the list of names)."""
    stream = out()
    if args.name is None:
        names = sorted(codelists()) if args.codelist else schema_names()
        stream.write("\n".join(names) + "\n")
        return 0
    if args.codelist:
        found = codelists().get(args.name)
        if found is None:
            raise CommandError(
                f"no codelist {args.name!r}; known: {', '.join(sorted(codelists()))}"
            )
        doc = {
            "name": found.name,
            "title": {"vi": found.title_vi, "en": found.title_en},
            "closed": found.closed,
            "codes": [{"code": c.code, "vi": c.vi, "en": c.en, **c.extra} for c in found],
        }
    else:
        if args.name not in schema_names():
            raise CommandError(f"no schema {args.name!r}; known: {', '.join(schema_names())}")
        doc = load_schema(args.name)
    json.dump(doc, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return 0
