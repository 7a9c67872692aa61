"""Reading exporter options (strings) into values, with clear errors."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["choice", "flag"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def flag(options: Mapping[str, str], name: str, *, default: bool = False) -> bool:
    """A yes/no option (``1``/``0``, ``true``/``false``, ``yes``/``no``, ``on``/``off``)."""
    if name not in options:
        return default
    value = options[name].strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    msg = f"option {name}={options[name]!r} is not yes or no (1/0, true/false)"
    raise ValueError(msg)


def choice(options: Mapping[str, str], name: str, allowed: tuple[str, ...], default: str) -> str:
    """One of ``allowed`` (the first is not implied: ``default`` is)."""
    value = options.get(name, default).strip().lower()
    if value not in allowed:
        msg = f"option {name}={options[name]!r} is not one of {', '.join(allowed)}"
        raise ValueError(msg)
    return value
