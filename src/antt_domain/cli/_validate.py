"""``antt validate``: check files against the schemas and the rules."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from antt_domain.cli._common import (
    CommandError,
    debugging,
    default_lang,
    err,
    out,
    safe_text,
)
from antt_domain.cli._plugins import add_strict_option, manager_for, warn_load_errors
from antt_domain.io import JSONReadError, read_limited, write_atomic
from antt_domain.schemas import RECORD_SCHEMAS, SCHEMA_VERSIONS, V2_RECORD_SCHEMAS
from antt_domain.validation import (
    REPORT_FORMATS,
    InputError,
    RenderOptions,
    Report,
    Severity,
    catalogue,
)
from antt_domain.validation.engine import (
    InputSource,
    Options,
    discover,
    few_collections,
    render_parts,
    run,
)

__all__ = ["add_parser"]


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``validate``."""
    parser = commands.add_parser(
        "validate",
        help="check JSON or JSONL files of records or datasets",
        description=(
            "Check JSON documents (a dataset, a record, or an array of records) and JSONL files "
            "(one record per line), or directories of them; '-' reads standard input."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or -")
    parser.add_argument(
        "--type",
        dest="force_type",
        choices=sorted({*RECORD_SCHEMAS, *V2_RECORD_SCHEMAS}),
        help="treat every record as TYPE (a type of the schema version records are read as)",
    )
    parser.add_argument(
        "--schema-version",
        choices=SCHEMA_VERSIONS,
        default=None,
        help=(
            "read records (a record, an array, JSONL) as this major schema version "
            "(default: 1; a dataset is read by its own schema_version)"
        ),
    )
    parser.add_argument(
        "--format", choices=sorted(REPORT_FORMATS), default="text", help="output format"
    )
    parser.add_argument("--lang", choices=("vi", "en"), default=None, help="message language")
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    parser.add_argument(
        "--max-findings", type=_positive, default=None, metavar="N", help="show at most N findings"
    )
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODES",
        help="only these codes or prefixes (comma-separated, repeatable), e.g. S,D001",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="drop these codes or prefixes (comma-separated, repeatable), e.g. V101",
    )
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, read only files matching GLOB (repeatable)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, skip files matching GLOB (repeatable)",
    )
    parser.add_argument(
        "--input-format",
        choices=("auto", "json", "jsonl"),
        default="auto",
        help="how to read standard input (default: auto)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="use N processes (0: one per core)",
    )
    parser.add_argument(
        "--spill-after",
        type=_positive,
        default=None,
        metavar="N",
        help=(
            "keep up to N facts a store of the rules across records in memory, then move them "
            "to a temporary file, and as many findings (default 5000; more takes more memory)"
        ),
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    add_strict_option(parser)
    parser.set_defaults(run=run_command)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        msg = "must be 1 or more"
        raise argparse.ArgumentTypeError(msg)
    return value


def _jobs(text: str) -> int:
    value = int(text)
    if value < 0:
        msg = "must be 0 (one per core) or more"
        raise argparse.ArgumentTypeError(msg)
    return value or (os.cpu_count() or 1)


def _codes(values: list[str]) -> tuple[str, ...]:
    return tuple(
        code.strip().upper() for value in values for code in value.split(",") if code.strip()
    )


def _sources(args: argparse.Namespace) -> list[InputSource]:
    sources: list[InputSource] = []
    files = [p for p in args.paths if p != "-"]
    for raw in args.paths:
        if raw == "-":  # held whole in memory: at most MAX_BYTES, counted as read
            try:
                data = read_limited(sys.stdin.buffer, name="<stdin>")
            except JSONReadError as exc:
                refused = (exc.code, exc.reason)
                sources.append(InputSource(name="<stdin>", format="json", refused=refused))
            else:
                sources.append(InputSource(name="<stdin>", format=args.input_format, data=data))
    try:
        sources[:0] = discover(files, include=args.include, exclude=args.exclude)
    except InputError as exc:
        raise CommandError(str(exc)) from None
    return sources


class _Progress:
    """A one-line progress bar on standard error, only for people at a terminal."""

    def __init__(self) -> None:
        stream = sys.stderr
        self.enabled = stream.isatty() and not os.environ.get("CI")
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < 2:
            return
        width = 30
        filled = width * done // total
        err().write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total}")
        err().flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            err().write("\r" + " " * 50 + "\r")
            err().flush()


def run_command(args: argparse.Namespace) -> int:
    """Validate, print (or write) the report; 0 when nothing reaches --fail-on, else 1."""
    lang = args.lang or default_lang()
    # Plugins add rules, codes to open codelists and gazetteers; one that fails to load is a
    # warning (an error with --strict-plugins) and validation goes on without it.
    manager = manager_for(args)
    warn_load_errors(manager, err())
    options = Options(
        force_type=args.force_type,
        schema_version=args.schema_version,
        select=_codes(args.select),
        ignore=_codes(args.ignore),
        rules=manager.rules(),
        codelists=manager.codelists(),
        codelists_v2=manager.codelists_v2(),
        gazetteer=manager.gazetteer(),
        jobs=args.jobs,
        max_findings=args.max_findings,  # kept by the run, not only cut at printing
        spill_after=args.spill_after,
    )
    progress = _Progress()
    try:
        # A command owns its process: the collector runs less often during a big run.
        with few_collections():
            report: Report = run(_sources(args), options, progress)
    finally:
        progress.close()
    fail_on = Severity(args.fail_on)
    stream = out()
    render_options = RenderOptions(
        lang=lang,
        fail_on=fail_on,
        catalogue=catalogue(options.rules),
        colour=args.format == "text" and args.output is None and _colour(stream),
        max_findings=args.max_findings,
    )
    parts = render_parts(report, args.format, render_options)
    if args.output:
        try:
            write_atomic(args.output, (part.encode("utf-8") for part in parts))
        except OSError as exc:
            raise CommandError(f"{args.output}: {exc.strerror or exc}") from None
    else:
        for part in parts:
            stream.write(part)
    if report.faults:
        _tell_faults(report, debug=bool(getattr(args, "debug", False)) or debugging())
        return 2
    return 0 if report.ok(fail_on) else 1


def _tell_faults(report: Report, *, debug: bool) -> None:
    """On standard error: each crashed rule (the report has them too, as V900/D900)."""
    stream = err()
    for fault in report.faults:
        where = fault.finding.path or "the records"
        if fault.finding.line is not None:
            where += f":{fault.finding.line}"
        if fault.finding.record_id is not None:
            where += f" (record {fault.finding.record_id!r})"
        line = (
            f"antt: error: rule {fault.rule} of {fault.origin} crashed on {where} and was "
            f"switched off: {fault.error}"
        )
        stream.write(safe_text(line) + "\n")
        if debug:
            stream.write(fault.traceback)
    if not debug:
        stream.write("antt: run with --debug for the traceback\n")


def _colour(stream: Any) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())
