"""The one guard through which antt-domain calls plugin code.

Exporters, report renderers, gazetteers, commands and the configure and registration hooks
are all called through :func:`call_plugin`: whatever the plugin raises, or a return value of
the wrong type, becomes one :class:`~antt_domain.plugins.PluginFaultError` (or a subclass the
caller picks) naming the plugin, the hook and the format or command -- never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from antt_domain.plugins._errors import PluginFaultError, describe_exception

__all__ = ["Check", "FaultFactory", "call_plugin", "fault_of", "instance_of", "returned"]

T = TypeVar("T")

#: A check of a return value: ``None`` when it is right, else what is wrong with it.
Check = Callable[[object], str | None]
#: Makes the error raised for a fault: ``(reason, cause) -> PluginFaultError``.
FaultFactory = Callable[[str, BaseException | None], PluginFaultError]


def returned(value: object) -> str:
    """How a wrong return value is named in a message: its type, and a short repr."""
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{type(value).__name__} {shown}" if value is not None else "None"


def instance_of(*types: type, what: str) -> Check:
    """A check that the value is one of ``types`` (``bool`` is refused where ``int`` is
    asked for); ``what`` names the expected value in the message."""

    def check(value: object) -> str | None:
        if isinstance(value, types) and not (isinstance(value, bool) and bool not in types):
            return None
        return f"returned {returned(value)}, not {what}"

    return check


def call_plugin(
    function: Callable[..., Any],
    *args: Any,
    fault: FaultFactory,
    check: Check | None = None,
    passthrough: tuple[type[BaseException], ...] = (),
) -> Any:
    """Call plugin code: ``function(*args)``.

    Any exception (and ``SystemExit``: plugin code may not end the program) becomes the
    error ``fault(reason, cause)``, raised from the cause so ``--debug`` can show it; the
    ``passthrough`` exception types are re-raised unchanged. ``check`` looks at the return
    value: a problem it names becomes ``fault(problem, None)``. ``KeyboardInterrupt`` always
    passes.
    """
    try:
        result = function(*args)
    except passthrough:
        raise
    except (Exception, SystemExit) as exc:
        raise fault(f"raised {describe_exception(exc)}", exc) from exc
    if check is not None:
        problem = check(result)
        if problem is not None:
            raise fault(problem, None)
    return result


def fault_of(*, plugin: str, hook: str, kind: str, name: str) -> FaultFactory:
    """A :data:`FaultFactory` raising :class:`PluginFaultError` for that plugin and hook."""

    def make(reason: str, cause: BaseException | None) -> PluginFaultError:
        return PluginFaultError(
            plugin=plugin, hook=hook, kind=kind, name=name, reason=reason, cause=cause
        )

    return make
