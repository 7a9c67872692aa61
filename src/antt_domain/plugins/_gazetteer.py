"""A plugin's gazetteer, called through the plugin guard."""

from __future__ import annotations

from datetime import date
from typing import final

from antt_domain.plugins._errors import PluginFaultError
from antt_domain.plugins._guard import Check, call_plugin, fault_of, instance_of, returned
from antt_domain.vi import AdminLevel, AdminUnit, Gazetteer, Succession

__all__ = ["GuardedGazetteer"]

_HOOK = "antt_register_gazetteers"


def _units(value: object) -> str | None:
    if isinstance(value, (tuple, list)) and all(isinstance(u, AdminUnit) for u in value):
        return None
    return f"returned {returned(value)}, not a tuple of AdminUnit"


def _unit_or_none(value: object) -> str | None:
    if value is None or isinstance(value, AdminUnit):
        return None
    return f"returned {returned(value)}, not an AdminUnit or None"


def _successions(value: object) -> str | None:
    if isinstance(value, (tuple, list)) and all(isinstance(s, Succession) for s in value):
        return None
    return f"returned {returned(value)}, not a tuple of Succession"


@final
class GuardedGazetteer:
    """``gazetteer`` of ``plugin``, each call checked: an exception or a wrong return value
    becomes :class:`~antt_domain.plugins.PluginFaultError` naming the plugin and the method."""

    __slots__ = ("_gazetteer", "_plugin")

    def __init__(self, plugin: str, gazetteer: Gazetteer) -> None:
        self._plugin = plugin
        self._gazetteer = gazetteer

    def __repr__(self) -> str:
        return f"GuardedGazetteer({self._plugin!r}, {self._gazetteer!r})"

    def __reduce__(self) -> tuple[type[GuardedGazetteer], tuple[str, Gazetteer]]:
        return (GuardedGazetteer, (self._plugin, self._gazetteer))

    @property
    def plugin(self) -> str:
        """The plugin that registered the gazetteer."""
        return self._plugin

    @property
    def wrapped(self) -> Gazetteer:
        """The plugin's own gazetteer."""
        return self._gazetteer

    def _call(self, method: str, check: Check, *args: object, **kwargs: object) -> object:
        base = fault_of(
            plugin=self._plugin, hook=_HOOK, kind="gazetteer", name=type(self._gazetteer).__name__
        )

        def fault(reason: str, cause: BaseException | None) -> PluginFaultError:
            return base(f"{method} {reason}", cause)

        def call() -> object:
            attribute = getattr(self._gazetteer, method)
            return attribute(*args, **kwargs) if callable(attribute) else attribute

        return call_plugin(call, fault=fault, check=check)

    @property
    def version(self) -> str:
        """The plugin gazetteer's ``version`` (checked to be text)."""
        return str(self._call("version", instance_of(str, what="str")))

    def lookup(self, code: str, on: date) -> AdminUnit | None:
        """The plugin gazetteer's ``lookup``, checked."""
        unit = self._call("lookup", _unit_or_none, code, on)
        return unit if isinstance(unit, AdminUnit) else None

    def find(
        self, name: str, *, on: date | None = None, level: AdminLevel | None = None
    ) -> tuple[AdminUnit, ...]:
        """The plugin gazetteer's ``find``, checked."""
        units = self._call("find", _units, name, on=on, level=level)
        assert isinstance(units, (tuple, list))  # noqa: S101 - _units checked it
        return tuple(units)

    def covers(self, on: date) -> bool:
        """The plugin gazetteer's ``covers``, checked to be a bool."""
        return bool(self._call("covers", instance_of(bool, what="a bool"), on))

    def successors(self, code: str) -> tuple[Succession, ...]:
        """The plugin gazetteer's ``successors`` (optional: ``()`` when it has none), checked."""
        return self._succession("successors", code)

    def predecessors(self, code: str) -> tuple[Succession, ...]:
        """The plugin gazetteer's ``predecessors`` (optional: ``()`` when it has none),
        checked."""
        return self._succession("predecessors", code)

    def _succession(self, method: str, code: str) -> tuple[Succession, ...]:
        if not callable(getattr(self._gazetteer, method, None)):
            return ()
        found = self._call(method, _successions, code)
        assert isinstance(found, (tuple, list))  # noqa: S101 - _successions checked it
        return tuple(found)
