"""``antt areas``: area records from the gazetteer, instead of by hand (see
:mod:`antt_domain.areas`)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any, TextIO

from antt_domain.areas import AreaFill, UnknownAreaError, fill_areas, make_areas
from antt_domain.cli._common import (
    CommandError,
    default_lang,
    emit_text,
    err,
    read_document,
    refuse_existing,
    safe_text,
)
from antt_domain.cli._plugins import manager_for, warn_load_errors

__all__ = ["add_parser", "run_fill", "run_make"]

#: Notes that leave an area for a person to complete or check (exit code 1).
_NEEDS_A_PERSON = frozenset({"unknown", "ambiguous", "undated", "disagrees"})


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"{text!r} is not a date (YYYY-MM-DD)"
        raise argparse.ArgumentTypeError(msg) from None


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``areas`` with its ``make`` and ``fill`` subcommands."""
    parser = commands.add_parser(
        "areas",
        help="area records from the gazetteer (make them from codes, or fill in a dataset's)",
        description="Area records from the gazetteer (the bundled extract, or the national "
        "list of an installed plugin such as antt-domain-gazetteer-vn), instead of by hand.",
    )
    actions = parser.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=type(parser)
    )
    make = actions.add_parser(
        "make",
        help="print the area records of some codes as they were on a date",
        description="Print the JSON area records (ids area-CODE) of CODEs as they were on "
        "--on, each with its parents up to the province. Exit codes: 0 written, 2 a code "
        "unknown on that date (nothing written).",
    )
    make.add_argument("codes", nargs="+", metavar="CODE", help="administrative unit code")
    make.add_argument("--on", type=_day, required=True, metavar="DATE", help="YYYY-MM-DD")
    _common_options(make, out_required=False)
    make.set_defaults(run=run_make)
    fill = actions.add_parser(
        "fill",
        help="complete the area records of a dataset from the gazetteer",
        description="Read a JSON dataset (1.x or 2.0) or array of records and complete its "
        "administrative area records: name, level, code, code_list, validity and parent "
        "(adding the parent records it lacks). A record's own dates choose the list it is "
        "looked up in; --on is the date for records with none. What a record says is never "
        "changed. Exit codes: 0 written, 1 written but some areas need a person (unknown, "
        "ambiguous, undated, or written otherwise than the gazetteer), 2 not written.",
    )
    fill.add_argument("path", metavar="PATH", help="JSON dataset or array of records")
    fill.add_argument("--on", type=_day, default=None, metavar="DATE", help="YYYY-MM-DD")
    _common_options(fill, out_required=True)
    fill.set_defaults(run=run_fill)


def _common_options(parser: argparse.ArgumentParser, *, out_required: bool) -> None:
    parser.add_argument(
        "--out",
        "-o",
        required=out_required,
        default="-",
        metavar="OUT",
        help="file to write; - for standard output" + ("" if out_required else " (default)"),
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    parser.add_argument("--no-parents", action="store_true", help="do not add the parents' records")
    parser.add_argument("--lang", choices=("vi", "en"), default=None, help="message language")


def _gazetteer(args: argparse.Namespace) -> Any:
    manager = manager_for(args)
    warn_load_errors(manager, err())
    return manager.gazetteer()


def run_make(args: argparse.Namespace) -> int:
    """Print the records of CODEs; 0 done, 2 a code unknown on --on."""
    refuse_existing(args.out, force=args.force)
    gazetteer = _gazetteer(args)
    try:
        records = make_areas(args.codes, gazetteer, on=args.on, parents=not args.no_parents)
    except UnknownAreaError as exc:
        raise CommandError(str(exc)) from None
    emit_text(args.out, json.dumps(records, ensure_ascii=False, indent=2) + "\n", force=args.force)
    return 0


def _say(stream: TextIO, path: str, result: AreaFill, lang: str) -> None:
    for note in result.notes:
        where = f" [{note.pointer}]"
        label = "note" if note.kind in {"filled", "added"} else "check"
        stream.write(safe_text(f"{path}: {label}: {note.message(lang)}{where}") + "\n")
    for error in result.errors:
        where = f" [{error.pointer}]" if error.pointer else ""
        stream.write(safe_text(f"{path}: error: {error.message}{where}") + "\n")


def run_fill(args: argparse.Namespace) -> int:
    """Fill PATH's areas into OUT; 0 done, 1 some areas need a person, 2 not done."""
    lang = args.lang or default_lang()
    refuse_existing(args.out, force=args.force)
    value = read_document(args.path)
    gazetteer = _gazetteer(args)
    try:
        result = fill_areas(value, gazetteer, on=args.on, parents=not args.no_parents)
    except TypeError as exc:
        raise CommandError(f"{args.path}: {exc}") from None
    text = json.dumps(result.document, ensure_ascii=False, indent=2) + "\n"
    report = emit_text(args.out, text, force=args.force)
    _say(report, args.path, result, lang)
    needs = result.errors or any(n.kind in _NEEDS_A_PERSON for n in result.notes)
    return 1 if needs else 0
