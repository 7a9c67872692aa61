"""``antt xlsx template`` and ``antt xlsx import``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from antt_domain.errors import AnttError
from antt_domain.io import write_atomic
from antt_domain.plugins import AnttPluginManager, plugin_manager
from antt_domain.validation import REPORT_FORMATS, RenderOptions, Severity, catalogue, render

from antt_domain_xlsx._codes import CODES
from antt_domain_xlsx._read import import_workbook
from antt_domain_xlsx._write import template_bytes

__all__ = ["XlsxCommandError", "add_arguments", "run"]


class XlsxCommandError(AnttError):
    """The command cannot do its job (exit code 2); the message says why."""


def _default_lang() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``template`` and ``import`` sub-commands."""
    actions = parser.add_subparsers(dest="xlsx_action", metavar="ACTION", required=True)
    template = actions.add_parser(
        "template",
        help="write an empty workbook to fill in",
        description="Write a workbook to fill in: a metadata sheet, one sheet per record type "
        "with headings, dropdowns for codes and the schema version filled in.",
    )
    template.add_argument("-o", "--out", required=True, metavar="FILE", help="the .xlsx to write")
    template.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="headings' language (default vi)"
    )
    template.add_argument(
        "--schema-version",
        choices=("1", "2"),
        default="1",
        help="the major schema version of the sheets (default 1; 2 for Schema 2.0)",
    )
    template.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    imp = actions.add_parser(
        "import",
        help="read a filled workbook into a dataset JSON, reporting mistakes by cell",
        description="Read a filled workbook (Schema 1.0 or 2.0, as its metadata sheet says), "
        "validate it and write the dataset JSON. Every "
        "finding names its cell (Sheet!C12 (heading)); in text output path:line:col is "
        "the workbook, the sheet row and column. Exit 0 written, 1 findings at or above "
        "--fail-on (nothing written unless --keep-invalid), 2 the file cannot be read.",
    )
    imp.add_argument("path", metavar="FILE", help="the filled .xlsx workbook")
    imp.add_argument("-o", "--out", metavar="OUT", help="dataset JSON to write; - for stdout")
    imp.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    imp.add_argument(
        "--keep-invalid",
        action="store_true",
        help="write OUT even when there are findings at or above --fail-on",
    )
    imp.add_argument(
        "--format", choices=sorted(REPORT_FORMATS), default="text", help="findings' format"
    )
    imp.add_argument("--lang", choices=("vi", "en"), help="messages' language (default: locale)")
    imp.add_argument(
        "--fail-on", choices=("error", "warning", "info"), default="error", help="default error"
    )


def _write(target: str, data: bytes, *, force: bool) -> None:
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    if path.exists() and not force:
        raise XlsxCommandError(f"{target}: already exists (use --force to overwrite)")
    if not path.parent.is_dir():
        raise XlsxCommandError(f"{target}: the folder does not exist")
    write_atomic(path, data)


def _template(args: argparse.Namespace) -> int:
    data = template_bytes(lang=args.lang, schema_version=args.schema_version)
    _write(args.out, data, force=args.force)
    print(args.out)  # noqa: T201 - a command's output
    return 0


def _stream(args: argparse.Namespace) -> TextIO:
    return sys.stderr if args.out == "-" else sys.stdout


def _import(args: argparse.Namespace) -> int:
    manager: AnttPluginManager = getattr(args, "plugin_manager", None) or plugin_manager()
    result = import_workbook(
        args.path,
        rules=manager.rules(),
        codelists=manager.codelists(),
        gazetteer=manager.gazetteer(),
    )
    lang = args.lang or _default_lang()
    fail_on = Severity(args.fail_on)
    codes = {**catalogue(manager.rules()), **CODES}
    options = RenderOptions(lang=lang, fail_on=fail_on, catalogue=codes)
    text = render(result.report(), args.format, options)
    if result.value is None:
        sys.stderr.write(text)
        return 2
    _stream(args).write(text)
    ok = result.ok(fail_on)
    if args.out is not None and (ok or args.keep_invalid):
        import json  # noqa: PLC0415 - only when writing

        data = json.dumps(result.value, ensure_ascii=False, indent=2) + "\n"
        _write(args.out, data.encode("utf-8"), force=args.force)
    return 0 if ok else 1


def run(args: argparse.Namespace) -> int:
    """Run ``antt xlsx ACTION``."""
    if args.xlsx_action == "template":
        return _template(args)
    return _import(args)
