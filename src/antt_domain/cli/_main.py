"""Argument parsing and dispatch for ``antt``."""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from antt_domain._version import __version__
from antt_domain.cli._common import ENV_DEBUG, CommandError, debugging, err, safe_text
from antt_domain.errors import AnttError

if TYPE_CHECKING:  # the plugin layer loads only when a command needs it
    from antt_domain.plugins import AnttPluginManager, CommandSpec

__all__ = ["ENV_DEBUG", "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

#: Built-in commands: name, the module that defines it, and its one-line help. A command's
#: module (and what it imports) is loaded only when that command runs, so that
#: ``antt validate one-file.json`` from pre-commit starts fast.
_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("validate", "_validate", "check JSON or JSONL files of records or datasets"),
    ("show", "_show", "print what a dataset holds"),
    ("codes", "_codes", "list every finding code"),
    ("schema", "_schema", "print a bundled JSON Schema or codelist"),
    ("example", "_example", "write the bundled example dataset"),
    ("export", "_export", "write datasets in another format (json, jsonl, csv, markdown, ...)"),
    ("upgrade", "_upgrade", "write a 1.0 dataset (or records) as Schema 2.0"),
    ("areas", "_areas", "area records from the gazetteer (make from codes, fill a dataset's)"),
    ("report", "_report", "aggregate datasets into a report (summary, markdown, json, ...)"),
    ("plugins", "_plugins", "list installed plugins and what they provide"),
)
_DEBUG_HELP = "show the traceback of an error (for bug reports); also ANTT_DEBUG=1"
#: The names of the built-in commands.
BUILTIN_COMMANDS = tuple(name for name, _, _ in _COMMANDS)


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with 2 through our own path (never a traceback)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(err())
        raise CommandError(f"{self.prog}: {message}")


_EPILOG = (
    "Installed plugins may add commands (antt plugins lists them; antt COMMAND --help "
    "describes one). Exit codes: 0 done, 1 findings, 2 the command could not do its job."
)


def build_parser(
    plugin_commands: Sequence[CommandSpec] = (),
    manager: AnttPluginManager | None = None,
    *,
    only: str | None = None,
) -> argparse.ArgumentParser:
    """The parser of ``antt``: the built-in subcommands, then ``plugin_commands``.

    With ``only``, just that built-in command's module is loaded and given its arguments; the
    others are listed by name and help (they are not being run). A plugin command's
    arguments get ``plugin_manager``: ``manager``, the manager that found it (so the command
    need not load the plugins again).
    """
    parser = _Parser(
        prog="antt",
        description=(
            "Model, check and report the all-people movement to protect national security "
            "(phong trào toàn dân bảo vệ an ninh Tổ quốc)."
        ),
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"antt-domain {__version__}")
    parser.add_argument(
        "--strict-plugins",
        action="store_true",
        help="a plugin that fails to load is an error (exit 2), not a warning; "
        "also ANTT_STRICT_PLUGINS=1",
    )
    parser.add_argument("--debug", action="store_true", help=_DEBUG_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module, summary in _COMMANDS:
        if only is None or only == name:
            importlib.import_module(f"antt_domain.cli.{module}").add_parser(commands)
            _add_debug_option(commands.choices[name])
        else:
            commands.add_parser(name, help=summary, add_help=False)
    for spec in plugin_commands:
        _add_plugin_command(commands, spec, manager)
    return parser


def _add_debug_option(parser: argparse.ArgumentParser) -> None:
    """``--debug`` after the command name too (``antt export --debug ...``)."""
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=_DEBUG_HELP)


def _add_plugin_command(
    commands: argparse._SubParsersAction[Any],
    spec: CommandSpec,
    manager: AnttPluginManager | None,
) -> None:
    """Add a plugin's command; its ``add_arguments`` and ``run`` are called through the
    plugin guard (an exception or a wrong return is a message naming the plugin, exit 2)."""
    from antt_domain.plugins._guard import (  # noqa: PLC0415 - loaded with the plugins
        call_plugin,
        fault_of,
        instance_of,
    )

    parser = commands.add_parser(
        spec.name,
        help=f"{spec.help} [plugin {spec.plugin}]",
        description=spec.description or spec.help,
    )
    fault = fault_of(
        plugin=spec.plugin, hook="antt_register_commands", kind="command", name=spec.name
    )
    passthrough = (AnttError, CommandError, BrokenPipeError)
    broken: list[AnttError] = []
    try:
        call_plugin(spec.add_arguments, parser, fault=fault, passthrough=passthrough)
    except AnttError as exc:  # the command stays listed; running it reports the fault
        broken.append(exc)
    _add_debug_option(parser)

    def run(args: argparse.Namespace) -> int:
        if broken:
            raise broken[0]
        check = instance_of(int, what="an exit code (int)")
        return int(call_plugin(spec.run, args, fault=fault, check=check, passthrough=passthrough))

    parser.set_defaults(run=run, plugin_manager=manager)


def _wants_plugin_commands(argv: Sequence[str]) -> bool:
    """Whether to load the plugins' commands: only when the command is not a built-in one.

    The first argument that is not an option names the command; when there is none, the
    plugins' commands are loaded for ``--help`` (so that it lists them) and a bare ``antt``.
    """
    words = [a for a in argv if not a.startswith("-")]
    if words:
        return words[0] not in BUILTIN_COMMANDS
    return not argv or any(a in ("-h", "--help") for a in argv)


def _command(argv: Sequence[str]) -> str | None:
    """The built-in command named by ``argv``, if any (the first word that is not an option)."""
    words = [a for a in argv if not a.startswith("-")]
    return words[0] if words and words[0] in BUILTIN_COMMANDS else None


def _load_plugins(argv: Sequence[str]) -> AnttPluginManager:
    from antt_domain.plugins import plugin_manager  # noqa: PLC0415 - only for plugin commands

    manager = plugin_manager(strict="--strict-plugins" in argv)
    for error in manager.load_errors:
        err().write(safe_text(f"antt: warning: {error}") + "\n")
    return manager


def _report(exc: BaseException, message: str, *, debug: bool) -> int:
    """Print ``message`` (and, with ``--debug``, the traceback first); exit code 2."""
    stream = err()
    if debug:
        traceback.print_exception(exc, file=stream)
    print(safe_text(message), file=stream)
    return EXIT_USAGE


def _failed(exc: BaseException, *, debug: bool) -> int:
    """The exit code for what stopped a command, after saying what it was."""
    if isinstance(exc, KeyboardInterrupt):
        print("antt: interrupted", file=err())
        return 130
    if isinstance(exc, BrokenPipeError):
        # The reader went away (`antt show ... | head`): not our failure, and nothing to say.
        sys.stderr.close()
        return EXIT_OK
    if isinstance(exc, CommandError):
        text = str(exc)
        return _report(exc, text if text.startswith("antt") else f"antt: {text}", debug=debug)
    if isinstance(exc, (AnttError, OSError)):  # ours, or the system refused something
        return _report(exc, f"antt: error: {exc}", debug=debug)
    hint = "" if debug else "; run with --debug for the traceback"
    return _report(exc, f"antt: internal error: {type(exc).__name__}: {exc}{hint}", debug=debug)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``antt`` with ``argv`` (default: ``sys.argv[1:]``) and return the exit code.

    Plugin commands are added only when the command named is not a built-in one (see
    :func:`_wants_plugin_commands`), so built-in commands never load the plugins for it.
    No error ever ends in a traceback, unless ``--debug`` (or ``ANTT_DEBUG=1``) asks for it:
    an error of ours or of a plugin is a message and exit code 2, and so is an unexpected
    exception (``antt: internal error: ...``).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = debugging(arguments)
    try:
        manager = _load_plugins(arguments) if _wants_plugin_commands(arguments) else None
        commands = list(manager.commands().values()) if manager is not None else []
        parser = build_parser(commands, manager, only=_command(arguments))
        args = parser.parse_args(arguments)
        if args.command is None:
            parser.print_help(err())
            return EXIT_USAGE
        code: int = args.run(args)
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - each is told apart above
        return _failed(exc, debug=debug)
    return code


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
