"""``antt_register_commands``: plugins add ``antt`` commands, found only when asked for."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from antt_domain.cli import main
from antt_domain.plugins import (
    BUILTIN_COMMANDS,
    AnttPluginManager,
    CommandSpec,
    ConflictError,
    hookimpl,
)

COMMAND_PLUGIN = """
from antt_domain.plugins import CommandSpec, hookimpl

def add_arguments(parser):
    parser.add_argument("--who", default="world")

def run(args):
    print(f"hello {args.who} from {args.plugin_manager is not None}")
    return 3

def crash(args):
    raise RuntimeError("the plugin broke")

@hookimpl
def antt_register_commands():
    return [
        CommandSpec(name="hello", help="say hello", add_arguments=add_arguments, run=run),
        CommandSpec(name="crash", help="always fails", add_arguments=lambda p: None, run=crash),
    ]
"""

BROKEN_PLUGIN = """
raise ImportError("broken on purpose")
"""


def _spec(name: str, code: int = 0) -> CommandSpec:
    return CommandSpec(
        name=name, help=f"the {name} command", add_arguments=print, run=lambda a: code
    )


class _Commands:
    def __init__(self, *specs: CommandSpec) -> None:
        self.specs = list(specs)

    @hookimpl
    def antt_register_commands(self) -> list[CommandSpec]:
        return self.specs


def test_a_plugin_command_is_collected_with_its_plugin(manager: AnttPluginManager) -> None:
    """The manager keeps each command by name and records which plugin gave it."""
    manager.register(_Commands(_spec("tally")), name="tally-plugin")
    expected = ("tally", "tally-plugin")
    actual = (manager.command("tally").name, manager.command("tally").plugin)
    assert expected == actual
    info = next(p for p in manager.plugins() if p.name == "tally-plugin")
    assert info.commands == ("tally",)
    assert info.as_json()["commands"] == ["tally"]


def test_a_built_in_command_name_is_a_conflict(manager: AnttPluginManager) -> None:
    """A plugin cannot take ``validate``: a ConflictError names both, the command is dropped."""
    assert "validate" in BUILTIN_COMMANDS
    manager.register(_Commands(_spec("validate"), _spec("other")), name="greedy")
    (error,) = manager.load_errors
    assert isinstance(error, ConflictError)
    assert (
        error.kind,
        error.name,
        error.first,
        error.second,
    ) == ("command", "validate", "antt (built-in command)", "greedy")
    assert list(manager.commands()) == ["other"]


def test_two_plugins_with_one_command_name_conflict(manager: AnttPluginManager) -> None:
    """The first plugin keeps the name; the error names both plugins."""
    manager.register(_Commands(_spec("sync", 0)), name="first")
    manager.register(_Commands(_spec("sync", 1)), name="second")
    (error,) = manager.load_errors
    assert "command 'sync' is registered by both 'first' and 'second'" in str(error)
    assert manager.command("sync").plugin == "first"


def test_a_spec_checks_its_name() -> None:
    """Command names are lower-case words with dashes, like the built-in ones."""
    with pytest.raises(ValueError, match="is not a command name"):
        _spec("Bad Name")


def test_the_cli_runs_a_plugin_command(
    installed: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    """``antt hello --who X`` runs the plugin's command and returns its exit code."""
    installed("antt-domain-hello", "hello", COMMAND_PLUGIN)
    code = main(["hello", "--who", "Cẩm Thuỷ"])
    assert (code, capsys.readouterr().out) == (3, "hello Cẩm Thuỷ from True\n")


def test_help_lists_plugin_commands(
    installed: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    """``antt --help`` names the plugin commands and their plugin."""
    installed("antt-domain-hello", "hello", COMMAND_PLUGIN)
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "say hello [plugin hello]" in capsys.readouterr().out


def test_built_in_commands_do_not_load_plugins(
    installed: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken plugin is not even imported for ``antt schema``; it is for a plugin command.

    (``antt codes`` does load the plugins: it lists their rules' codes.)
    """
    installed("antt-domain-broken", "broken", BROKEN_PLUGIN)
    assert main(["schema", "dataset"]) == 0
    assert "broken" not in capsys.readouterr().err
    assert main(["nosuch"]) == 2
    assert "plugin 'broken' (import)" in capsys.readouterr().err


def test_a_crashing_command_is_exit_2_naming_the_plugin(
    installed: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    """An exception from plugin code is a one-line message, not a traceback."""
    installed("antt-domain-hello", "hello", COMMAND_PLUGIN)
    code = main(["crash"])
    expected = (
        "antt: error: command 'crash' of plugin 'hello' failed (antt_register_commands): "
        "raised RuntimeError: the plugin broke\n"
    )
    assert (2, expected) == (code, capsys.readouterr().err)


def test_built_in_command_names_are_the_clis() -> None:
    """BUILTIN_COMMANDS lists exactly the commands the CLI defines itself."""
    from antt_domain.cli._main import build_parser  # noqa: PLC0415 - the CLI's own parser

    parser = build_parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    assert set(BUILTIN_COMMANDS) == set(commands.choices or {})


def test_the_cli_and_the_plugin_layer_agree_on_the_built_in_commands() -> None:
    """The CLI keeps its own list (so it need not import the plugin layer to start)."""
    from antt_domain.cli._main import BUILTIN_COMMANDS as CLI_COMMANDS  # noqa: PLC0415
    from antt_domain.plugins import BUILTIN_COMMANDS  # noqa: PLC0415

    assert tuple(BUILTIN_COMMANDS) == CLI_COMMANDS
