"""Argument parsing and dispatch for ``antt``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from antt_domain._version import __version__
from antt_domain.cli import (
    _codes,
    _example,
    _export,
    _plugins,
    _report,
    _schema,
    _show,
    _validate,
)
from antt_domain.cli._common import CommandError, err
from antt_domain.errors import AnttError

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

_COMMANDS: list[tuple[str, Callable[[argparse._SubParsersAction[Any]], None]]] = [
    ("validate", _validate.add_parser),
    ("show", _show.add_parser),
    ("codes", _codes.add_parser),
    ("schema", _schema.add_parser),
    ("example", _example.add_parser),
    ("export", _export.add_parser),
    ("report", _report.add_parser),
    ("plugins", _plugins.add_parser),
]


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with 2 through our own path (never a traceback)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(err())
        raise CommandError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``antt`` and its subcommands."""
    parser = _Parser(
        prog="antt",
        description=(
            "Model, check and report the all-people movement to protect national security "
            "(phong trào toàn dân bảo vệ an ninh Tổ quốc)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"antt-domain {__version__}")
    parser.add_argument(
        "--strict-plugins",
        action="store_true",
        help="a plugin that fails to load is an error (exit 2), not a warning; "
        "also ANTT_STRICT_PLUGINS=1",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for _, add in _COMMANDS:
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``antt`` with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(err())
            return EXIT_USAGE
        code: int = args.run(args)
    except CommandError as exc:
        print(f"antt: {exc}" if not str(exc).startswith("antt") else str(exc), file=err())
        return EXIT_USAGE
    except AnttError as exc:
        print(f"antt: error: {exc}", file=err())
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("antt: interrupted", file=err())
        return 130
    except BrokenPipeError:
        # The reader went away (`antt show ... | head`): not our failure, and nothing to say.
        sys.stderr.close()
        return EXIT_OK
    return code


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
