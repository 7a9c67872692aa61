"""The hook specifications: what a plugin may implement (all hooks are prefixed ``antt_``).

Registration hooks (``antt_register_*``) take no arguments and return a list. The manager
calls each plugin's implementation on its own -- not through pluggy's combined call -- so that
everything registered knows the plugin that gave it, and a plugin that raises is reported by
name while the others keep working. docs/plugins.md documents each hook; a test keeps the two
in step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from antt_domain.plugins._markers import hookspec

if TYPE_CHECKING:
    from antt_domain.plugins._config import PluginConfig
    from antt_domain.plugins._specs import (
        CodelistExtension,
        CommandSpec,
        ExporterSpec,
        ReportFormatSpec,
    )
    from antt_domain.validation import Rule
    from antt_domain.vi import Gazetteer

__all__ = [
    "HOOKS",
    "REGISTRATION_HOOKS",
    "antt_configure",
    "antt_register_codelists",
    "antt_register_commands",
    "antt_register_exporters",
    "antt_register_gazetteers",
    "antt_register_report_formats",
    "antt_register_rules",
]


@hookspec
def antt_configure(config: PluginConfig) -> None:
    """Called once for each plugin, right after it is registered, before any other hook.

    Args:
        config: the manager's :class:`~antt_domain.plugins.PluginConfig`: ``strict``,
            ``autoload``, ``only`` and free ``settings`` (name → string) given to
            :func:`~antt_domain.plugins.plugin_manager`.

    Returns:
        Nothing. Raising makes the plugin a load error (stage ``"configure"``): it is then
        unregistered and contributes nothing.
    """


@hookspec
def antt_register_exporters() -> list[ExporterSpec]:  # type: ignore[empty-body]
    """Export formats this plugin provides (``antt export --format NAME``).

    Returns:
        A list of :class:`~antt_domain.plugins.ExporterSpec`. A name already taken by an
        earlier plugin (built-ins come first) is a conflict naming both plugins; the earlier
        one keeps it.
    """


@hookspec
def antt_register_report_formats() -> list[ReportFormatSpec]:  # type: ignore[empty-body]
    """Report formats this plugin provides (``antt report --format NAME``).

    Returns:
        A list of :class:`~antt_domain.plugins.ReportFormatSpec`; names are unique across
        plugins as for exporters.
    """


@hookspec
def antt_register_rules() -> list[Rule]:  # type: ignore[empty-body]
    """Validation rules this plugin adds to ``antt validate``.

    Returns:
        A list of :class:`~antt_domain.validation.Rule` (make them with ``record_rule`` or
        ``dataset_rule``). Codes are letters then three digits and must not start with a
        built-in stage letter (R, S, T, V, D); a code given twice is a conflict. The manager
        sets each rule's ``origin`` to the plugin's name.
    """


@hookspec
def antt_register_codelists() -> list[CodelistExtension]:  # type: ignore[empty-body]
    """Codes this plugin adds to open codelists (``units``, ``activity_kinds``, ...).

    Returns:
        A list of :class:`~antt_domain.plugins.CodelistExtension`. Extending a closed list,
        an unknown list, or adding a code that exists is a conflict; that extension is dropped.
    """


@hookspec
def antt_register_gazetteers() -> list[Gazetteer]:  # type: ignore[empty-body]
    """Gazetteers of administrative units, consulted before the bundled extract.

    Returns:
        A list of objects satisfying :class:`antt_domain.vi.Gazetteer` (``version``,
        ``lookup``, ``find``, ``covers``). They are asked in plugin order, then the bundled
        one: the first that knows a code wins.
    """


@hookspec
def antt_register_commands() -> list[CommandSpec]:  # type: ignore[empty-body]
    """Commands this plugin adds to the ``antt`` CLI (``antt NAME ...``).

    The CLI asks for them only when the first word after ``antt`` (and its options) is not
    a built-in command, or for ``antt --help``: built-in commands never pay for loading
    plugins.

    Returns:
        A list of :class:`~antt_domain.plugins.CommandSpec`. A name of a built-in command
        (:data:`~antt_domain.plugins.BUILTIN_COMMANDS`) or of an earlier plugin's command is
        a conflict naming both; the earlier one keeps it.
    """


#: The hooks that register things, called once per plugin by the manager.
REGISTRATION_HOOKS = (
    "antt_register_exporters",
    "antt_register_report_formats",
    "antt_register_rules",
    "antt_register_codelists",
    "antt_register_gazetteers",
    "antt_register_commands",
)
#: Every hook a plugin may implement.
HOOKS = ("antt_configure", *REGISTRATION_HOOKS)
