"""Optional accelerators: jsonschema-rs (a compiled validator) and orjson (a fast parser).

Both are installed by default where wheels exist; without them (or with the environment
variable ``ANTT_NO_ACCELERATORS=1``) antt-domain takes the pure-Python path, which gives the
same findings: the accelerators only answer "valid?" and "parsed", and every problem is
explained by the pure path.
"""

from __future__ import annotations

import functools
import importlib
import os
from types import ModuleType

__all__ = ["accelerator", "accelerators_enabled"]


@functools.cache
def accelerators_enabled() -> bool:
    """False when ``ANTT_NO_ACCELERATORS`` is set to anything but ``""`` or ``"0"`` (read once
    per process)."""
    return os.environ.get("ANTT_NO_ACCELERATORS", "") in ("", "0")


@functools.cache
def _import(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


@functools.cache
def accelerator(name: str) -> ModuleType | None:
    """The module ``name`` (``"orjson"``, ``"jsonschema_rs"``) when installed and enabled
    (looked up once per process: the validation asks for every JSONL line)."""
    if not accelerators_enabled():
        return None
    return _import(name)
