"""``antt plugins``: every plugin, its version, hooks, what it provides and its errors."""

from __future__ import annotations

import argparse
import json
from typing import Any

from antt_domain.cli._common import out, safe_text
from antt_domain.plugins import AnttPluginManager, PluginInfo, plugin_manager

__all__ = ["add_parser", "add_strict_option", "manager_for", "warn_load_errors"]


def add_strict_option(parser: argparse.ArgumentParser) -> None:
    """``--strict-plugins`` after the command name too (``antt export --strict-plugins``)."""
    parser.add_argument(
        "--strict-plugins",
        action="store_true",
        default=argparse.SUPPRESS,
        help="a plugin that fails to load is an error (exit 2); also ANTT_STRICT_PLUGINS=1",
    )


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``plugins``."""
    parser = commands.add_parser(
        "plugins",
        help="list installed plugins and what they provide",
        description="List every plugin (built-in and installed) with its version, the hooks it "
        "implements, its exporters, report formats, rules, codelists, gazetteers and commands, "
        "and any error met loading it. Exit code 0 even when a plugin failed (it is listed); "
        "--strict-plugins makes that exit 2.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for machines")
    add_strict_option(parser)
    parser.set_defaults(run=run)


def manager_for(args: argparse.Namespace) -> AnttPluginManager:
    """The plugin manager for a command, strict when ``--strict-plugins`` was given."""
    return plugin_manager(strict=bool(getattr(args, "strict_plugins", False)))


def warn_load_errors(manager: AnttPluginManager, stream: Any) -> None:
    """One warning line per plugin failure (the command goes on without that plugin)."""
    for error in manager.load_errors:
        stream.write(safe_text(f"antt: warning: {error}") + "\n")


def _text(info: PluginInfo) -> list[str]:
    where = ", ".join(
        part
        for part in (
            f"{info.distribution} {info.version}" if info.distribution else "",
            "built-in" if info.builtin else "",
            "" if info.loaded else "NOT LOADED",
        )
        if part
    )
    lines = [f"{info.name} ({where})" if where else info.name]
    rows = (
        ("hooks", info.hooks),
        ("exporters", info.exporters),
        ("report formats", info.report_formats),
        ("rules", info.rules),
        ("codelists", info.codelists),
        ("gazetteers", info.gazetteers),
        ("commands", info.commands),
    )
    lines += [f"    {label}: {', '.join(values)}" for label, values in rows if values]
    lines += [f"    error ({e.stage}): {e.reason}" for e in info.errors]
    return lines


def run(args: argparse.Namespace) -> int:
    """Print the listing."""
    manager = manager_for(args)
    infos = manager.plugins()
    stream = out()
    if args.json:
        doc = {"version": 1, "plugins": [info.as_json() for info in infos]}
        json.dump(doc, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return 0
    for info in infos:
        stream.write(safe_text("\n".join(_text(info))) + "\n")
    return 0
