"""``antt upgrade``: write a 1.x document as Schema 2.0 (see :mod:`antt_domain.upgrade`)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from antt_domain.cli._common import (
    CommandError,
    default_lang,
    emit_text,
    read_document,
    refuse_existing,
    safe_text,
)
from antt_domain.io import dumps
from antt_domain.upgrade import UpgradeError, UpgradeResult, upgrade

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``upgrade``."""
    parser = commands.add_parser(
        "upgrade",
        help="write a 1.0 dataset (or records) as Schema 2.0",
        description="Read a 1.x JSON document (a dataset, a record or an array of records) "
        "strictly, check it against the 1.0 schemas, and write it as Schema 2.0. Prints what "
        "the upgrade noted (open codes that will need a namespace) and any 2.0 schema error "
        "of the result. Exit codes: 0 written, 1 written but the result has 2.0 schema "
        "errors (a bug: please report it), 2 not written (unreadable, not 1.x, invalid 1.0, "
        "or OUT exists).",
    )
    parser.add_argument("path", metavar="PATH", help="1.x JSON file")
    parser.add_argument(
        "--out", "-o", required=True, metavar="OUT", help="file to write; - for standard output"
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    parser.add_argument("--lang", choices=("vi", "en"), default=None, help="message language")
    parser.set_defaults(run=run)


def _say(stream: TextIO, path: str, result: UpgradeResult, lang: str) -> None:
    for note in result.notes:
        where = f" [{note.pointer}]" if note.pointer else ""
        stream.write(safe_text(f"{path}: note: {note.message(lang)}{where}") + "\n")
    for error in result.errors:
        where = f" [{error.pointer}]" if error.pointer else ""
        stream.write(safe_text(f"{path}: error: 2.0 schema: {error.message}{where}") + "\n")


def run(args: argparse.Namespace) -> int:
    """Upgrade PATH into OUT; 0 done, 1 the result breaks the 2.0 schemas, 2 not done."""
    lang = args.lang or default_lang()
    refuse_existing(args.out, force=args.force)
    value = read_document(args.path)
    try:
        result = upgrade(value)
    except UpgradeError as exc:
        raise CommandError(f"{args.path}: {exc}") from None
    report = emit_text(args.out, dumps(result.document), force=args.force)
    _say(report, args.path, result, lang)
    if result.errors:
        report.write(
            safe_text(
                f"{args.path}: the 2.0 result has {len(result.errors)} schema error(s); "
                "this is a bug in antt upgrade, please report it"
            )
            + "\n"
        )
        return 1
    return 0
