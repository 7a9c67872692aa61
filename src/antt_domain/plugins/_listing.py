"""What ``antt plugins`` shows: each plugin, its version, hooks, what it provides, its errors."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, final

import attrs

from antt_domain.plugins._errors import PluginFaultError, PluginLoadError
from antt_domain.plugins._gazetteer import GuardedGazetteer

if TYPE_CHECKING:
    from antt_domain.plugins._collect import Collected

__all__ = ["PluginInfo", "describe"]


@final
@attrs.frozen(kw_only=True)
class PluginInfo:
    """One plugin as the manager saw it.

    Attributes:
        name: the plugin's name (entry-point name; ``antt_domain.<format>`` for built-ins).
        distribution, version: the installed distribution that provides it, when known.
        builtin: shipped with antt-domain.
        loaded: whether it is in use (``False`` after an import or registration failure).
        hooks: the hooks it implements, sorted.
        exporters, report_formats: the names it registered (and kept).
        rules: the finding codes of its rules; codelists: the codelists it extended (1.0 and
        2.0 ones, see the plugins page);
        gazetteers: the versions of the gazetteers it supplies; commands: the ``antt``
        commands it adds.
        errors: its failures, including items dropped as conflicts.
    """

    name: str
    distribution: str | None
    version: str | None
    builtin: bool
    loaded: bool
    hooks: tuple[str, ...]
    exporters: tuple[str, ...]
    report_formats: tuple[str, ...]
    rules: tuple[str, ...]
    codelists: tuple[str, ...]
    gazetteers: tuple[str, ...]
    errors: tuple[PluginLoadError, ...]
    commands: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The JSON shape used by ``antt plugins --json`` (see docs/plugins.md)."""
        return {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "builtin": self.builtin,
            "loaded": self.loaded,
            "hooks": list(self.hooks),
            "exporters": list(self.exporters),
            "report_formats": list(self.report_formats),
            "rules": list(self.rules),
            "codelists": list(self.codelists),
            "gazetteers": list(self.gazetteers),
            "commands": list(self.commands),
            "errors": [{"stage": e.stage, "message": e.reason} for e in self.errors],
        }


def _version(plugin: str, gazetteer: Any) -> str:
    """A gazetteer's version, asked through the plugin guard: a fault is shown, not raised."""
    try:
        return GuardedGazetteer(plugin, gazetteer).version
    except PluginFaultError as exc:
        return f"({exc.reason})"


def describe(
    *,
    name: str,
    builtin: bool,
    distribution: str | None,
    version: str | None,
    loaded: bool,
    hooks: Iterable[str],
    collected: Collected,
    errors: Iterable[PluginLoadError],
) -> PluginInfo:
    """The :class:`PluginInfo` of plugin ``name`` from what was collected."""
    extended = sorted(
        list_name
        for list_name, codelist in collected.codelists.items()
        if name in codelist.origin.values()
    ) + sorted(
        f"{list_name} (2.0)"
        for list_name, codelist in collected.codelists_v2.items()
        if name in codelist.origin.values()
    )
    return PluginInfo(
        name=name,
        distribution=distribution,
        version=version,
        builtin=builtin,
        loaded=loaded,
        hooks=tuple(sorted(hooks)),
        exporters=tuple(n for n, s in collected.exporters.items() if s.plugin == name),
        report_formats=tuple(n for n, s in collected.report_formats.items() if s.plugin == name),
        rules=tuple(r.code for r in collected.rules if r.origin == name),
        codelists=tuple(extended),
        gazetteers=tuple(_version(name, g) for p, g in collected.gazetteers if p == name),
        errors=tuple(errors),
        commands=tuple(n for n, s in collected.commands.items() if s.plugin == name),
    )
