"""The one name of the plugin system, and pluggy's markers for it."""

from __future__ import annotations

import pluggy

__all__ = ["ENTRY_POINT_GROUP", "PROJECT", "hookimpl", "hookspec"]

#: The pluggy project name, and the entry-point group plugins are found under.
PROJECT = "antt_domain"
ENTRY_POINT_GROUP = PROJECT

#: Marks a hook specification (used by antt-domain itself).
hookspec = pluggy.HookspecMarker(PROJECT)
#: Marks a hook implementation in a plugin: ``@hookimpl def antt_register_exporters(): ...``.
hookimpl = pluggy.HookimplMarker(PROJECT)
