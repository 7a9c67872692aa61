"""The exceptions of the plugin system; all are :class:`~antt_domain.errors.AnttError`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import final

from antt_domain.errors import AnttError

__all__ = [
    "ConflictError",
    "ExportError",
    "OutputError",
    "OutputExistsError",
    "PluginError",
    "PluginFaultError",
    "PluginLoadError",
    "PluginsFailedError",
    "UnknownFormatError",
    "UnknownOptionError",
    "UnsupportedVersionError",
    "describe_exception",
]


class PluginError(AnttError):
    """Root of the plugin system's exceptions."""


class PluginLoadError(PluginError):
    """A plugin could not be loaded, or something it registers could not be used.

    Attributes:
        plugin: the plugin's name (its entry-point name, or ``antt_domain.<format>`` for a
            built-in).
        stage: where it failed: ``"import"`` (loading the entry point), ``"register"``
            (handing it to pluggy, e.g. a misspelt hook), ``"configure"`` (``antt_configure``
            raised), ``"hook"`` (a registration hook raised or returned the wrong thing),
            ``"conflict"`` (something it registers clashes with another plugin or is invalid;
            only that item is dropped) or ``"missing"`` (named in ``only`` but not installed).
        reason: what went wrong, in English.
        cause: the exception raised by the plugin, when there was one.
    """

    def __init__(
        self, plugin: str, stage: str, reason: str, *, cause: BaseException | None = None
    ) -> None:
        self.plugin = plugin
        self.stage = stage
        self.reason = reason
        self.cause = cause
        super().__init__(f"plugin {plugin!r} ({stage}): {reason}")


@final
class ConflictError(PluginLoadError):
    """Two plugins register the same thing (an exporter name, a rule code, a code).

    ``first`` keeps it, ``second`` (the plugin of :attr:`plugin`) loses it; ``kind`` is what
    clashed (``"exporter"``, ``"report format"``, ``"rule"``, ``"code"``) and ``name`` its name.
    """

    def __init__(self, *, kind: str, name: str, first: str, second: str) -> None:
        self.kind = kind
        self.name = name
        self.first = first
        self.second = second
        super().__init__(
            second,
            "conflict",
            f"{kind} {name!r} is registered by both {first!r} and {second!r}; {first!r} keeps it",
        )


@final
class PluginsFailedError(PluginError):
    """Strict mode: at least one plugin failed; ``errors`` lists every failure."""

    def __init__(self, errors: Iterable[PluginLoadError]) -> None:
        self.errors = tuple(errors)
        lines = "; ".join(str(e) for e in self.errors)
        super().__init__(f"{len(self.errors)} plugin failure(s) in strict mode: {lines}")


@final
class UnknownFormatError(PluginError, LookupError):
    """No exporter (or report format) of that name; ``available`` lists the known names."""

    def __init__(self, kind: str, name: str, available: Iterable[str]) -> None:
        self.kind = kind
        self.name = name
        self.available = tuple(sorted(available))
        known = ", ".join(self.available) or "none"
        super().__init__(f"no {kind} {name!r}; available: {known}")

    def __str__(self) -> str:  # LookupError would quote the message like a key
        return str(self.args[0])


@final
class UnknownOptionError(PluginError, ValueError):
    """An option the exporter does not declare; ``known`` lists the ones it does."""

    def __init__(self, format_name: str, option: str, known: Iterable[str]) -> None:
        self.format = format_name
        self.option = option
        self.known = tuple(sorted(known))
        listed = ", ".join(self.known) or "none"
        super().__init__(f"exporter {format_name!r} has no option {option!r}; options: {listed}")


@final
class UnsupportedVersionError(PluginError, ValueError):
    """A dataset of a schema version the exporter (or report format) does not read; it was
    not called.

    Attributes: ``format`` (its name), ``plugin`` (who registered it), ``kind``
    (``"exporter"`` or ``"report format"``), ``version`` (the dataset's ``schema_version``)
    and ``versions`` (the major versions it reads, from its spec's ``schema_versions``).
    """

    def __init__(
        self,
        format_name: str,
        plugin: str,
        *,
        version: str,
        versions: Iterable[str],
        kind: str = "exporter",
    ) -> None:
        self.format = format_name
        self.plugin = plugin
        self.kind = kind
        self.version = version
        self.versions = tuple(versions)
        reads = ", ".join(f"{v}.x" for v in self.versions)
        super().__init__(
            f"{kind} {format_name!r} of plugin {plugin or '?'!r} reads Schema {reads} datasets "
            f"only; this dataset is Schema {version} (`antt upgrade` writes 2.0 from 1.x; "
            f"a 2.0 dataset cannot be written back as 1.x)"
        )


class PluginFaultError(PluginError):
    """Plugin code that antt-domain called raised, or returned the wrong thing.

    Every call into plugin code (exporters, report renderers, gazetteers, commands, the
    configure and registration hooks) goes through one guard that raises this error, so a
    faulty plugin costs the user a message naming it -- never a traceback.

    Attributes:
        plugin: the plugin's name.
        hook: the hook that registered what was called (``"antt_register_exporters"``, ...).
        kind: what was called: ``"exporter"``, ``"report format"``, ``"gazetteer"``,
            ``"command"``, ``"configure hook"`` or ``"registration hook"``.
        name: its name (the format's, the command's, the gazetteer's version, the hook's).
        reason: what went wrong, in English.
        cause: the exception raised by the plugin, or ``None`` for a wrong return value.
    """

    def __init__(
        self,
        *,
        plugin: str,
        hook: str,
        kind: str,
        name: str,
        reason: str,
        cause: BaseException | None = None,
    ) -> None:
        self.plugin = plugin
        self.hook = hook
        self.kind = kind
        self.name = name
        self.reason = reason
        self.cause = cause
        super().__init__(f"{kind} {name!r} of plugin {plugin!r} failed ({hook}): {reason}")


def describe_exception(exc: BaseException) -> str:
    """``"ValueError: I/O operation on closed file"`` (the type alone when the text is empty)."""
    detail = str(exc)
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


@final
class ExportError(PluginFaultError):
    """An exporter or a report format failed; nothing was left at the output path.

    Attributes: ``format`` (the format's name), ``plugin`` (who registered it), ``cause``
    (what it raised, ``None`` when it returned the wrong thing), and those of
    :class:`PluginFaultError` (``kind`` is ``"exporter"`` or ``"report format"``).
    """

    def __init__(
        self,
        format_name: str,
        plugin: str,
        cause: BaseException | None = None,
        *,
        kind: str = "exporter",
        hook: str = "antt_register_exporters",
        reason: str | None = None,
    ) -> None:
        self.format = format_name
        if reason is None:
            reason = describe_exception(cause) if cause is not None else "failed"
        super().__init__(
            plugin=plugin, hook=hook, kind=kind, name=format_name, reason=reason, cause=cause
        )


class OutputError(PluginError, OSError):
    """The output path cannot be written (``path``, ``reason``)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __str__(self) -> str:  # OSError's own __str__ would ignore our message
        return f"{self.path}: {self.reason}"


@final
class OutputExistsError(OutputError, FileExistsError):
    """The output file exists and overwriting was not asked for (``force=True``)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "already exists (use force=True to overwrite)")
