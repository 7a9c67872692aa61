"""Calling each plugin's registration hooks on their own, and merging what they give.

Phase one (:func:`contributions`) asks one plugin: any exception, or a return value of the
wrong shape, fails that plugin whole. Phase two (:func:`merge`) puts the plugins' items
together in registration order: a clash drops the later item and is reported naming both
plugins, while the rest of the later plugin keeps working.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, final

import attrs
import pluggy

from antt_domain.model import Codelist, ModelError
from antt_domain.plugins._errors import ConflictError, PluginFaultError, PluginLoadError
from antt_domain.plugins._guard import call_plugin, fault_of
from antt_domain.plugins._hookspecs import REGISTRATION_HOOKS
from antt_domain.plugins._specs import (
    BUILTIN_COMMANDS,
    CodelistExtension,
    CommandSpec,
    ExporterSpec,
    ReportFormatSpec,
)
from antt_domain.schemas import codelists as bundled_codelists
from antt_domain.validation import CATALOGUE, Rule
from antt_domain.validation._rules import BUILT_IN_PREFIXES
from antt_domain.vi import Gazetteer

__all__ = [
    "BUILTIN_COMMANDS_OWNER",
    "Collected",
    "Contributions",
    "call_impl",
    "contributions",
    "merge",
]

#: Who holds the built-in command names in a conflict message.
BUILTIN_COMMANDS_OWNER = "antt (built-in command)"

_EXPECTED: dict[str, tuple[type[Any], str]] = {
    "antt_register_exporters": (ExporterSpec, "ExporterSpec"),
    "antt_register_report_formats": (ReportFormatSpec, "ReportFormatSpec"),
    "antt_register_rules": (Rule, "Rule"),
    "antt_register_codelists": (CodelistExtension, "CodelistExtension"),
    "antt_register_gazetteers": (Gazetteer, "Gazetteer"),
    "antt_register_commands": (CommandSpec, "CommandSpec"),
}


@final
@attrs.frozen(kw_only=True)
class Contributions:
    """What one plugin's registration hooks returned, checked for shape."""

    exporters: tuple[ExporterSpec, ...] = ()
    report_formats: tuple[ReportFormatSpec, ...] = ()
    rules: tuple[Rule, ...] = ()
    codelists: tuple[CodelistExtension, ...] = ()
    gazetteers: tuple[Gazetteer, ...] = ()
    commands: tuple[CommandSpec, ...] = ()


def call_impl(impl: pluggy.HookImpl, kwargs: Mapping[str, Any]) -> Any:
    """Call one hook implementation with the arguments it asks for."""
    if impl.hookwrapper or impl.wrapper:
        msg = f"{impl.function.__name__} is a wrapper; antt_domain hooks take plain functions"
        raise TypeError(msg)
    return impl.function(*(kwargs[name] for name in impl.argnames))


def contributions(pm: pluggy.PluginManager, plugin: str) -> Contributions:
    """Call every registration hook ``plugin`` implements; raise :class:`PluginLoadError`."""
    found: dict[str, tuple[Any, ...]] = {}
    for hook in REGISTRATION_HOOKS:
        caller: pluggy.HookCaller = getattr(pm.hook, hook)
        items: list[Any] = []
        for impl in caller.get_hookimpls():
            if impl.plugin_name != plugin:
                continue
            fault = fault_of(plugin=plugin, hook=hook, kind="registration hook", name=hook)
            try:
                result = call_plugin(call_impl, impl, {}, fault=fault)
            except PluginFaultError as exc:
                raise _load_error(plugin, hook, exc.reason, exc) from exc.cause
            try:  # checking an item's shape runs its code too (a Protocol's property)
                checked = call_plugin(
                    _checked, plugin, hook, result, fault=fault, passthrough=(PluginLoadError,)
                )
            except PluginFaultError as exc:
                reason = f"returned an item that cannot be checked: {exc.reason}"
                raise _load_error(plugin, hook, reason, exc) from exc.cause
            items.extend(checked)
        found[hook.removeprefix("antt_register_")] = tuple(items)
    return Contributions(**found)


def _load_error(plugin: str, hook: str, reason: str, fault: PluginFaultError) -> PluginLoadError:
    return PluginLoadError(plugin, "hook", f"{hook} {reason}", cause=fault.cause)


def _checked(plugin: str, hook: str, result: object) -> list[Any]:
    cls, name = _EXPECTED[hook]
    if result is None:
        return []
    if not isinstance(result, (list, tuple)):
        raise PluginLoadError(
            plugin, "hook", f"{hook} returned {type(result).__name__}, not a list of {name}"
        )
    for item in result:
        if not isinstance(item, cls):
            raise PluginLoadError(plugin, "hook", f"{hook} returned {item!r}, not a {name}")
    return list(result)


@final
@attrs.frozen(kw_only=True)
class Collected:
    """Everything the plugins registered, merged, and the conflicts found doing so."""

    exporters: Mapping[str, ExporterSpec]
    report_formats: Mapping[str, ReportFormatSpec]
    rules: tuple[Rule, ...]
    codelists: Mapping[str, Codelist]
    #: The bundled 2.0 codelists with the plugins' namespaced codes.
    codelists_v2: Mapping[str, Codelist]
    gazetteers: tuple[tuple[str, Gazetteer], ...]
    commands: Mapping[str, CommandSpec]
    conflicts: tuple[PluginLoadError, ...]


def _unique_names(
    kind: str,
    items: list[tuple[str, Any]],
    conflicts: list[PluginLoadError],
) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for plugin, spec in items:
        first = kept.get(spec.name)
        if first is not None:
            conflicts.append(
                ConflictError(kind=kind, name=spec.name, first=first.plugin, second=plugin)
            )
            continue
        kept[spec.name] = attrs.evolve(spec, plugin=plugin)
    return kept


def _commands(
    items: list[tuple[str, CommandSpec]], conflicts: list[PluginLoadError]
) -> dict[str, CommandSpec]:
    allowed = []
    for plugin, spec in items:
        if spec.name in BUILTIN_COMMANDS:
            conflicts.append(
                ConflictError(
                    kind="command", name=spec.name, first=BUILTIN_COMMANDS_OWNER, second=plugin
                )
            )
            continue
        allowed.append((plugin, spec))
    return _unique_names("command", allowed, conflicts)


def _rules(items: list[tuple[str, Rule]], conflicts: list[PluginLoadError]) -> tuple[Rule, ...]:
    kept: dict[str, Rule] = {}
    for plugin, rule in items:
        code = rule.code
        if code.startswith(BUILT_IN_PREFIXES) or code in CATALOGUE:
            reason = (
                f"rule code {code!r} starts with a built-in stage letter "
                f"({', '.join(BUILT_IN_PREFIXES)}); choose another letter, e.g. 'X'"
            )
            conflicts.append(PluginLoadError(plugin, "conflict", reason))
            continue
        if code in kept:
            conflicts.append(
                ConflictError(kind="rule", name=code, first=kept[code].origin, second=plugin)
            )
            continue
        kept[code] = attrs.evolve(rule, origin=plugin)
    return tuple(kept.values())


def _extend(
    lists: dict[str, Codelist],
    plugin: str,
    extension: CodelistExtension,
    conflicts: list[PluginLoadError],
) -> None:
    base = lists.get(extension.codelist)
    if base is None:
        known = ", ".join(sorted(lists))
        version = extension.schema_version
        reason = (
            f"extends codelist {extension.codelist!r}, which does not exist in "
            f"{version}.0 ({known})"
        )
        if version == "1" and extension.codelist in bundled_codelists("2"):
            reason += f"; {extension.codelist!r} is a 2.0 codelist: declare a namespace"
        conflicts.append(PluginLoadError(plugin, "conflict", reason))
        return
    try:
        lists[extension.codelist] = base.extended(extension.codes, by=plugin)
    except ModelError as exc:
        conflicts.append(PluginLoadError(plugin, "conflict", exc.reason, cause=exc))


def _owned_namespaces(
    items: list[tuple[str, CodelistExtension]], conflicts: list[PluginLoadError]
) -> list[tuple[str, CodelistExtension]]:
    """The namespaced extensions whose plugin owns their namespace: the first plugin to
    declare a namespace owns it (a second is a conflict naming both), and a plugin owns one
    namespace (its first)."""
    owner: dict[str, str] = {}
    owned: dict[str, str] = {}
    kept: list[tuple[str, CodelistExtension]] = []
    for plugin, extension in items:
        namespace = extension.namespace
        assert namespace is not None  # noqa: S101 - the caller passes namespaced ones only
        first = owner.setdefault(namespace, plugin)
        if first != plugin:
            conflicts.append(
                ConflictError(kind="codelist namespace", name=namespace, first=first, second=plugin)
            )
            continue
        mine = owned.setdefault(plugin, namespace)
        if mine != namespace:
            reason = (
                f"declares codes in namespace {namespace!r}, but it already owns {mine!r}; "
                "a plugin owns one namespace"
            )
            conflicts.append(PluginLoadError(plugin, "conflict", reason))
            continue
        kept.append((plugin, extension))
    return kept


def _codelists(
    items: list[tuple[str, CodelistExtension]], conflicts: list[PluginLoadError]
) -> tuple[dict[str, Codelist], dict[str, Codelist]]:
    """The 1.0 lists extended with bare codes, and the 2.0 lists with namespaced ones."""
    lists = dict(bundled_codelists())
    lists_v2 = dict(bundled_codelists("2"))
    for plugin, extension in items:
        if extension.namespace is None:
            _extend(lists, plugin, extension, conflicts)
    namespaced = [(p, e) for p, e in items if e.namespace is not None]
    for plugin, extension in _owned_namespaces(namespaced, conflicts):
        _extend(lists_v2, plugin, extension, conflicts)
    return lists, lists_v2


def merge(plugins: list[tuple[str, Contributions]]) -> Collected:
    """Merge the plugins' contributions, in order; the first plugin keeps a clashing name."""
    conflicts: list[PluginLoadError] = []

    def gather(attribute: str) -> list[tuple[str, Any]]:
        return [(name, item) for name, c in plugins for item in getattr(c, attribute)]

    pick: Callable[[str], list[tuple[str, Any]]] = gather
    codelists, codelists_v2 = _codelists(pick("codelists"), conflicts)
    return Collected(
        exporters=_unique_names("exporter", pick("exporters"), conflicts),
        report_formats=_unique_names("report format", pick("report_formats"), conflicts),
        rules=_rules(pick("rules"), conflicts),
        codelists=codelists,
        codelists_v2=codelists_v2,
        gazetteers=tuple(pick("gazetteers")),
        commands=_commands(pick("commands"), conflicts),
        conflicts=tuple(conflicts),
    )
