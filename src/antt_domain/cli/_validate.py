"""``antt validate``: check files against the schemas and the rules."""

from __future__ import annotations

import argparse
import json
from typing import Any

from antt_domain.cli._common import CommandError, default_lang, out
from antt_domain.schemas import RECORD_SCHEMAS
from antt_domain.validation import Finding, InputError, Report, Severity, validate

__all__ = ["add_parser", "report_json"]


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``validate``."""
    parser = commands.add_parser(
        "validate",
        help="check JSON files of records or datasets",
        description="Check JSON files (or directories of them) of records or datasets.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    parser.add_argument(
        "--type",
        dest="force_type",
        choices=sorted(RECORD_SCHEMAS),
        help="treat every record as this type",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lang", choices=("vi", "en"), default=None)
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate and print; 0 when nothing reaches --fail-on, else 1."""
    lang = args.lang or default_lang()
    try:
        report = validate(*args.paths, force_type=args.force_type)
    except InputError as exc:
        raise CommandError(str(exc)) from None
    fail_on = Severity(args.fail_on)
    stream = out()
    if args.format == "json":
        json.dump(report_json(report, lang, fail_on), stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    else:
        stream.write(report_text(report, lang))
    return 0 if report.ok(fail_on) else 1


def _location(finding: Finding) -> str:
    parts = [finding.path or "<input>"]
    if finding.line is not None:
        parts += [str(finding.line), str(finding.column or 1)]
    return ":".join(parts)


def report_text(report: Report, lang: str) -> str:
    """``path:line:col: CODE severity message`` lines and a summary line."""
    lines = []
    for finding in report:
        where = f" [{finding.pointer}]" if finding.pointer else ""
        lines.append(
            f"{_location(finding)}: {finding.code} {finding.severity} "
            f"{finding.message(lang)}{where}"
        )
    counts = report.counts()
    files = len(report.inputs)
    if lang == "vi":
        summary = (
            f"{files} tệp, {report.records} bản ghi: {counts[Severity.ERROR]} lỗi, "
            f"{counts[Severity.WARNING]} cảnh báo, {counts[Severity.INFO]} thông tin"
        )
    else:
        summary = (
            f"{files} file(s), {report.records} record(s): {counts[Severity.ERROR]} error(s), "
            f"{counts[Severity.WARNING]} warning(s), {counts[Severity.INFO]} info"
        )
    lines.append(summary)
    return "\n".join(lines) + "\n"


def report_json(report: Report, lang: str, fail_on: Severity) -> dict[str, Any]:
    """The documented JSON shape of a report (see docs/validation.md)."""
    return {
        "version": 1,
        "ok": report.ok(fail_on),
        "fail_on": fail_on.value,
        "summary": {
            "files": len(report.inputs),
            "records": report.records,
            **{s.value: n for s, n in report.counts().items()},
        },
        "inputs": [{"path": i.path, "kind": i.kind, "records": i.records} for i in report.inputs],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "pointer": f.pointer,
                "record_id": f.record_id,
                "message": f.message(lang),
                "message_vi": f.message_vi,
                "message_en": f.message_en,
            }
            for f in report
        ],
    }
