"""The plugin manager: built-ins first, then entry points, each loaded on its own."""

from __future__ import annotations

import difflib
import importlib
import os
from collections.abc import Iterable, Mapping
from importlib import metadata
from types import MappingProxyType
from typing import final

import attrs
import pluggy

from antt_domain._version import __version__
from antt_domain.model import Codelist
from antt_domain.plugins import _hookspecs
from antt_domain.plugins._builtin import BUILTIN_PLUGINS
from antt_domain.plugins._collect import Collected, Contributions, call_impl, contributions, merge
from antt_domain.plugins._config import (
    ENV_DISABLE_AUTOLOAD,
    ENV_ONLY,
    ENV_STRICT,
    PluginConfig,
    name_list,
    truthy,
)
from antt_domain.plugins._errors import (
    PluginFaultError,
    PluginLoadError,
    PluginsFailedError,
    UnknownFormatError,
)
from antt_domain.plugins._gazetteer import GuardedGazetteer
from antt_domain.plugins._guard import call_plugin, fault_of
from antt_domain.plugins._listing import PluginInfo, describe
from antt_domain.plugins._markers import ENTRY_POINT_GROUP, PROJECT
from antt_domain.plugins._specs import CommandSpec, ExporterSpec, ReportFormatSpec
from antt_domain.validation import Rule, RuleContext
from antt_domain.vi import ChainGazetteer, Gazetteer, bundled_gazetteer

__all__ = ["AnttPluginManager", "plugin_manager"]


@attrs.define(kw_only=True)
class _Entry:
    """One plugin the manager tried to load, whether or not it worked."""

    name: str
    builtin: bool
    distribution: str | None
    version: str | None
    plugin: object | None = None
    contributions: Contributions | None = None
    errors: list[PluginLoadError] = attrs.field(factory=list)


@final
class AnttPluginManager:
    """antt-domain's plugins, loaded and collected. Make one with :func:`plugin_manager`.

    Constructing it loads the built-in plugins, then (when ``config.autoload``) the
    entry-point plugins.

    Every view (:meth:`exporters`, :meth:`rules`, ...) is computed once and cached until
    another plugin is registered. :attr:`load_errors` lists every failure; in strict mode the
    first failure found raises :class:`PluginsFailedError` instead.
    """

    def __init__(self, config: PluginConfig) -> None:
        self.config = config
        self._pm = pluggy.PluginManager(PROJECT)
        self._pm.add_hookspecs(_hookspecs)
        self._entries: list[_Entry] = []
        self._collected: Collected | None = None
        self._load_builtins()
        if config.autoload:
            self._load_entry_points(config.only)
        self._raise_if_strict()

    def __repr__(self) -> str:
        loaded = [e.name for e in self._entries if e.plugin is not None]
        return f"AnttPluginManager(plugins={loaded!r}, errors={len(self.load_errors)})"

    @property
    def pluggy_manager(self) -> pluggy.PluginManager:
        """The underlying :class:`pluggy.PluginManager` (for advanced use)."""
        return self._pm

    # -- registration -------------------------------------------------------------------

    def register(
        self,
        plugin: object,
        *,
        name: str,
        distribution: str | None = None,
        version: str | None = None,
    ) -> bool:
        """Register ``plugin`` (a module, class or instance with ``@hookimpl`` functions).

        Returns whether it loaded; a failure is recorded in :attr:`load_errors` (and raised
        as :class:`PluginsFailedError` in strict mode).
        """
        entry = _Entry(name=name, builtin=False, distribution=distribution, version=version)
        self._add(entry, plugin)
        self._raise_if_strict()
        return entry.plugin is not None

    def _add(self, entry: _Entry, plugin: object) -> None:
        self._entries.append(entry)
        self._collected = None
        clash = next((e for e in self._entries[:-1] if e.name == entry.name), None)
        if clash is not None:
            who = clash.distribution or "a plugin registered in code"
            reason = f"the name is already taken by {who}"
            entry.errors.append(PluginLoadError(entry.name, "register", reason))
            return
        try:
            self._pm.register(plugin, name=entry.name)
        except Exception as exc:  # noqa: BLE001 - pluggy's validation errors and plugin code alike
            entry.errors.append(PluginLoadError(entry.name, "register", str(exc), cause=exc))
            return
        error = self._check_hooks(entry.name, plugin) or self._configure(entry.name)
        if error is None:
            try:
                entry.contributions = contributions(self._pm, entry.name)
            except PluginLoadError as exc:
                error = exc
        if error is not None:
            entry.errors.append(error)
            self._pm.unregister(name=entry.name)
            return
        entry.plugin = plugin

    def _check_hooks(self, name: str, plugin: object) -> PluginLoadError | None:
        unknown = sorted(
            caller.name
            for caller in self._pm.get_hookcallers(plugin) or []
            if not caller.has_spec()
            and any(not i.optionalhook for i in caller.get_hookimpls() if i.plugin_name == name)
        )
        if not unknown:
            return None
        hints = []
        for hook in unknown:
            close = difflib.get_close_matches(hook, _hookspecs.HOOKS, n=1)
            hints.append(f"{hook} (did you mean {close[0]}?)" if close else hook)
        reason = f"implements unknown hook(s): {', '.join(hints)}"
        return PluginLoadError(name, "register", reason)

    def _configure(self, name: str) -> PluginLoadError | None:
        for impl in self._pm.hook.antt_configure.get_hookimpls():
            if impl.plugin_name != name:
                continue
            fault = fault_of(plugin=name, hook="antt_configure", kind="configure hook", name=name)
            try:
                call_plugin(call_impl, impl, {"config": self.config}, fault=fault)
            except PluginFaultError as exc:
                reason = f"antt_configure {exc.reason}"
                return PluginLoadError(name, "configure", reason, cause=exc.cause)
        return None

    def _load_builtins(self) -> None:
        for name, module_name in BUILTIN_PLUGINS:
            entry = _Entry(name=name, builtin=True, distribution="antt-domain", version=__version__)
            try:
                module = importlib.import_module(module_name)
            except Exception as exc:  # noqa: BLE001 - reported like any other plugin
                self._entries.append(entry)
                entry.errors.append(PluginLoadError(name, "import", str(exc), cause=exc))
                continue
            self._add(entry, module)

    def _load_entry_points(self, only: tuple[str, ...] | None) -> None:
        points = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name)
        seen: set[str] = set()
        for point in points:
            if only is not None and point.name not in only:
                continue
            seen.add(point.name)
            dist = point.dist
            entry = _Entry(
                name=point.name,
                builtin=False,
                distribution=dist.metadata["Name"] if dist is not None else None,
                version=dist.version if dist is not None else None,
            )
            try:
                plugin = point.load()
            except Exception as exc:  # noqa: BLE001 - a plugin that fails to import is reported
                self._entries.append(entry)
                reason = f"cannot import {point.value}: {type(exc).__name__}: {exc}"
                entry.errors.append(PluginLoadError(point.name, "import", reason, cause=exc))
                continue
            self._add(entry, plugin)
        for missing in sorted(set(only or ()) - seen):
            entry = _Entry(name=missing, builtin=False, distribution=None, version=None)
            self._entries.append(entry)
            reason = f"named in {ENV_ONLY} (or only=) but no such plugin is installed"
            entry.errors.append(PluginLoadError(missing, "missing", reason))

    # -- collected views ------------------------------------------------------------------

    def _collect(self) -> Collected:
        if self._collected is None:
            self._collected = merge(
                [(e.name, e.contributions) for e in self._entries if e.contributions is not None]
            )
        return self._collected

    @property
    def load_errors(self) -> tuple[PluginLoadError, ...]:
        """Every failure: plugins that did not load, and items dropped as conflicts."""
        own = [error for entry in self._entries for error in entry.errors]
        return (*own, *self._collect().conflicts)

    def _raise_if_strict(self) -> None:
        if self.config.strict and self.load_errors:
            raise PluginsFailedError(self.load_errors)

    def check_pending(self) -> None:
        """Raise if any registered hook implementation has no specification.

        Misspelt hooks are caught per plugin as they register (and that plugin is refused);
        this is pluggy's own check over everything, as a last guard.
        """
        self._pm.check_pending()

    def exporters(self) -> Mapping[str, ExporterSpec]:
        """Every exporter by name, built-ins first; each spec's ``plugin`` names its giver."""
        return MappingProxyType(dict(self._collect().exporters))

    def exporter(self, name: str) -> ExporterSpec:
        """The exporter ``name``; :class:`UnknownFormatError` lists the available ones."""
        found = self._collect().exporters
        if name not in found:
            raise UnknownFormatError("exporter", name, found)
        return found[name]

    def report_formats(self) -> Mapping[str, ReportFormatSpec]:
        """Every report format by name."""
        return MappingProxyType(dict(self._collect().report_formats))

    def report_format(self, name: str) -> ReportFormatSpec:
        """The report format ``name``; :class:`UnknownFormatError` lists the available ones."""
        found = self._collect().report_formats
        if name not in found:
            raise UnknownFormatError("report format", name, found)
        return found[name]

    def commands(self) -> Mapping[str, CommandSpec]:
        """Every plugin command by name (never a built-in command's name)."""
        return MappingProxyType(dict(self._collect().commands))

    def command(self, name: str) -> CommandSpec:
        """The plugin command ``name``; :class:`UnknownFormatError` lists the available ones."""
        found = self._collect().commands
        if name not in found:
            raise UnknownFormatError("command", name, found)
        return found[name]

    def rules(self) -> tuple[Rule, ...]:
        """The plugins' validation rules (checked; ``origin`` is the plugin's name)."""
        return self._collect().rules

    def codelists(self) -> Mapping[str, Codelist]:
        """The bundled codelists, extended with the plugins' codes."""
        return MappingProxyType(dict(self._collect().codelists))

    def codelists_v2(self) -> Mapping[str, Codelist]:
        """The bundled 2.0 codelists, extended with the plugins' namespaced codes
        (each list's ``origin`` names the plugin of each code)."""
        return MappingProxyType(dict(self._collect().codelists_v2))

    def gazetteers(self) -> tuple[Gazetteer, ...]:
        """The plugins' gazetteers, in plugin order (without the bundled one)."""
        return tuple(g for _, g in self._collect().gazetteers)

    def gazetteer(self) -> Gazetteer:
        """The plugins' gazetteers, then the bundled extract, asked in that order.

        Each plugin gazetteer is called through the plugin guard: one that raises or returns
        the wrong thing is a :class:`PluginFaultError` naming its plugin.
        """
        guarded = [GuardedGazetteer(p, g) for p, g in self._collect().gazetteers]
        return ChainGazetteer([*guarded, bundled_gazetteer()])

    def rule_context(self) -> RuleContext:
        """What validation rules consult: the extended codelists and the gazetteer."""
        return RuleContext(
            codelists=self.codelists(),
            gazetteer=self.gazetteer(),
            codelists_v2=self.codelists_v2(),
        )

    def plugins(self) -> tuple[PluginInfo, ...]:
        """Every plugin tried, in load order, with what it provides and its errors."""
        collected = self._collect()
        infos = []
        for entry in self._entries:
            hooks: Iterable[str] = ()
            if entry.plugin is not None:
                hooks = (c.name for c in self._pm.get_hookcallers(entry.plugin) or [])
            errors = [*entry.errors, *(c for c in collected.conflicts if c.plugin == entry.name)]
            infos.append(
                describe(
                    name=entry.name,
                    builtin=entry.builtin,
                    distribution=entry.distribution,
                    version=entry.version,
                    loaded=entry.plugin is not None,
                    hooks=hooks,
                    collected=collected,
                    errors=errors,
                )
            )
        return tuple(infos)


def plugin_manager(
    *,
    autoload: bool = True,
    only: Iterable[str] | None = None,
    strict: bool = False,
    settings: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> AnttPluginManager:
    """A new plugin manager: built-in plugins, then the installed ``antt_domain`` entry points.

    Args:
        autoload: load entry-point plugins; ``ANTT_DISABLE_PLUGIN_AUTOLOAD=1`` turns it off.
        only: load only the entry points with these names; when ``None``,
            ``ANTT_PLUGINS=name1,name2`` is used if set. Built-ins always load.
        strict: raise :class:`PluginsFailedError` when any plugin fails (also
            ``ANTT_STRICT_PLUGINS=1``); otherwise failures are in ``load_errors``.
        settings: free settings handed to every plugin's ``antt_configure``.
        environ: the environment to read the switches from (default ``os.environ``).

    There is no global manager: make one where you need it and pass it along.
    """
    env = os.environ if environ is None else environ
    config = PluginConfig(
        strict=strict or truthy(env.get(ENV_STRICT)),
        autoload=autoload and not truthy(env.get(ENV_DISABLE_AUTOLOAD)),
        only=tuple(only) if only is not None else name_list(env.get(ENV_ONLY)),
        settings=settings,
    )
    return AnttPluginManager(config)
