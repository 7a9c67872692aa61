"""What ``antt_configure`` receives, and the environment switches of the manager."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import final

import attrs

__all__ = ["ENV_DISABLE_AUTOLOAD", "ENV_ONLY", "ENV_STRICT", "PluginConfig"]

#: ``1`` skips entry-point plugins (built-ins still load).
ENV_DISABLE_AUTOLOAD = "ANTT_DISABLE_PLUGIN_AUTOLOAD"
#: ``1`` makes any plugin failure an error (as ``--strict-plugins``).
ENV_STRICT = "ANTT_STRICT_PLUGINS"
#: ``name1,name2`` loads only these entry-point plugins.
ENV_ONLY = "ANTT_PLUGINS"


def _frozen(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(value or {}))


@final
@attrs.frozen(kw_only=True)
class PluginConfig:
    """How the plugin manager was set up, as ``antt_configure`` sees it.

    ``settings`` are free ``name → value`` strings an application passes to
    :func:`~antt_domain.plugins.plugin_manager` for its plugins (a gazetteer's data folder,
    an agency code); by convention a plugin reads keys prefixed with its own name.
    """

    strict: bool = False
    autoload: bool = True
    only: tuple[str, ...] | None = None
    settings: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen, hash=False)


def truthy(value: str | None) -> bool:
    """Whether an environment switch is on (``1``, ``true``, ``yes``, ``on``)."""
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def name_list(value: str | None) -> tuple[str, ...] | None:
    """``"a, b"`` → ``("a", "b")``; unset → ``None``."""
    if value is None:
        return None
    return tuple(name.strip() for name in value.split(",") if name.strip())
