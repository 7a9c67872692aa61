"""What registration hooks return: frozen specs of exporters, report formats and codes."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Literal, final

import attrs

from antt_domain.model import Code
from antt_domain.plugins._protocols import Exporter, ReportRenderer
from antt_domain.plugins._request import ReportRequest

__all__ = [
    "BUILTIN_COMMANDS",
    "CodelistExtension",
    "CommandSpec",
    "ExporterSpec",
    "ReportFormatSpec",
    "ReportRequest",
]

#: The commands ``antt`` itself provides: a plugin command may not take these names.
BUILTIN_COMMANDS = (
    "validate",
    "show",
    "codes",
    "schema",
    "example",
    "export",
    "upgrade",
    "areas",
    "report",
    "plugins",
)

_NAME_RE = re.compile(r"[a-z][a-z0-9_-]{0,31}")
_COMMAND_RE = re.compile(r"[a-z][a-z0-9-]{0,31}")
_OPTION_RE = re.compile(r"[a-z][a-z0-9_-]*")
_MEDIA_RE = re.compile(r"[a-z]+/[A-Za-z0-9.+_-]+(;.*)?")
_EXTENSION_RE = re.compile(r"[A-Za-z0-9]+(\.[A-Za-z0-9]+)*")


def _check(pattern: re.Pattern[str], what: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or pattern.fullmatch(value) is None:
            msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not {what}"
            raise ValueError(msg)

    return check


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not a non-empty text"
        raise ValueError(msg)


def _callable(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not callable(value):
        msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not callable"
        raise TypeError(msg)


def _options(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(value or {}))


#: The major schema versions a plugin may say it reads.
_MAJORS = frozenset({"1", "2"})


def _versions(value: Iterable[str]) -> tuple[str, ...]:
    versions = (value,) if isinstance(value, str) else tuple(value)
    unknown = [v for v in versions if v not in _MAJORS]
    if unknown or not versions:
        msg = f"schema_versions: {versions!r} is not a non-empty list of '1' and '2'"
        raise ValueError(msg)
    return tuple(sorted(set(versions)))


def _check_options(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    assert isinstance(value, Mapping)  # noqa: S101 - the converter made it a mapping
    for key, description in value.items():
        if not isinstance(key, str) or _OPTION_RE.fullmatch(key) is None:
            msg = f"{type(instance).__name__}.options: {key!r} is not an option name"
            raise ValueError(msg)
        if not isinstance(description, str):
            msg = f"{type(instance).__name__}.options[{key!r}]: the description is not text"
            raise TypeError(msg)


@final
@attrs.frozen(kw_only=True)
class ExporterSpec:
    """An export format: ``antt export --format NAME`` writes a dataset with ``export``.

    Attributes:
        name: the format's name (``[a-z][a-z0-9_-]*``, at most 32 characters), unique across
            every installed plugin.
        title: a human title ("Comma-separated values (ZIP of one CSV per record type)").
        media_type: the IANA media type of the output (``"text/csv"``).
        extension: the usual file extension, without the dot (``"zip"``, ``"tar.gz"``).
        binary: ``False`` when the output is UTF-8 text (it may then go to standard output).
        export: the :class:`~antt_domain.plugins.Exporter` callable.
        options: the options it accepts, name → one-line description; others are refused.
        description: a longer description for ``antt plugins``.
        plugin: who registered it; set by the plugin manager (leave it empty).
    """

    name: str = attrs.field(validator=_check(_NAME_RE, "a format name ([a-z][a-z0-9_-]*)"))
    title: str = attrs.field(validator=_text)
    media_type: str = attrs.field(validator=_check(_MEDIA_RE, "a media type"))
    extension: str = attrs.field(
        validator=_check(_EXTENSION_RE, "a file extension without the leading dot")
    )
    binary: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    export: Exporter = attrs.field(validator=_callable, eq=False, repr=False)
    options: Mapping[str, str] = attrs.field(
        factory=dict, converter=_options, validator=_check_options, hash=False
    )
    description: str | None = None
    plugin: str = ""
    #: The major schema versions of the datasets ``export`` takes: ``("1",)`` (the 1.0 model,
    #: the default for plugins written before 2.0), ``("2",)`` or ``("1", "2")``. A dataset of
    #: another version is refused before the exporter is called.
    schema_versions: tuple[str, ...] = attrs.field(default=("1",), converter=_versions)


@final
@attrs.frozen(kw_only=True)
class ReportFormatSpec:
    """A report format: renders a :class:`ReportRequest` to text or bytes.

    The attributes mean what they mean on :class:`ExporterSpec`; ``render`` is the
    :class:`~antt_domain.plugins.ReportRenderer` callable, which returns ``str`` when
    ``binary`` is false and ``bytes`` when it is true.
    """

    name: str = attrs.field(validator=_check(_NAME_RE, "a format name ([a-z][a-z0-9_-]*)"))
    title: str = attrs.field(validator=_text)
    media_type: str = attrs.field(validator=_check(_MEDIA_RE, "a media type"))
    extension: str = attrs.field(
        validator=_check(_EXTENSION_RE, "a file extension without the leading dot")
    )
    binary: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    render: ReportRenderer = attrs.field(validator=_callable, eq=False, repr=False)
    options: Mapping[str, str] = attrs.field(
        factory=dict, converter=_options, validator=_check_options, hash=False
    )
    description: str | None = None
    plugin: str = ""
    #: The major schema versions of the datasets ``render`` reports on (as on
    #: :class:`ExporterSpec`).
    schema_versions: tuple[str, ...] = attrs.field(default=("1",), converter=_versions)


def _codes(value: Iterable[object]) -> tuple[Code, ...]:
    codes = tuple(value)
    for code in codes:
        if not isinstance(code, Code):
            msg = f"CodelistExtension.codes: {code!r} is not a Code"
            raise TypeError(msg)
    return codes  # type: ignore[return-value]  # each item was checked just above


_NAMESPACE_RE = re.compile(r"[a-z][a-z0-9_.-]{0,63}")
_BARE_CODE_RE = re.compile(r"[a-z][a-z0-9_]{0,63}")


def _check_namespace(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check(_NAMESPACE_RE, "a namespace ([a-z][a-z0-9_.-]*)")(instance, attribute, value)


@final
@attrs.frozen(kw_only=True)
class CodelistExtension:
    """Codes a plugin adds to an *open* codelist (``codelist`` is its name, e.g. ``"units"``).

    Without ``namespace`` the codes are bare (``drone_patrol``) and extend the **1.0** codelist
    of that name, as before 2.0. With ``namespace`` (``"org.example"``) every code is
    ``namespace:code`` (``org.example:drone_patrol``) and extends the **2.0** codelist of that
    name (``figure_kinds``, ``units``, ...): a bare code there, or one of another namespace,
    is refused when the extension is made, so the plugin fails to load with that message.
    A plugin owns one namespace; two plugins declaring one namespace is a load conflict
    naming both.

    Closed codelists refuse extension; a code already present (bundled, or added by another
    plugin) is a conflict naming both plugins.
    """

    codelist: str = attrs.field(validator=_text)
    codes: tuple[Code, ...] = attrs.field(converter=_codes)
    namespace: str | None = attrs.field(default=None, validator=_check_namespace)

    def __attrs_post_init__(self) -> None:
        for code in self.codes:
            prefix, colon, rest = code.code.rpartition(":")
            if self.namespace is None and colon:
                msg = (
                    f"CodelistExtension.codes: {code.code!r} is namespaced, but the extension "
                    "declares no namespace; give namespace= to extend the 2.0 codelist "
                    f"{self.codelist!r}"
                )
                raise ValueError(msg)
            if self.namespace is not None and (
                prefix != self.namespace or _BARE_CODE_RE.fullmatch(rest) is None
            ):
                msg = (
                    f"CodelistExtension.codes: {code.code!r} is not in the namespace "
                    f"{self.namespace!r}; a plugin's 2.0 codes are "
                    f"'{self.namespace}:code' (bare codes extend 1.0 codelists only, "
                    "without namespace=)"
                )
                raise ValueError(msg)

    @property
    def schema_version(self) -> Literal["1", "2"]:
        """``"2"`` when the extension is namespaced (it extends a 2.0 codelist), else ``"1"``."""
        return "1" if self.namespace is None else "2"


@final
@attrs.frozen(kw_only=True)
class CommandSpec:
    """A command of the ``antt`` CLI (``antt NAME ...``) given by a plugin.

    Attributes:
        name: the command's name (``[a-z][a-z0-9-]*``, at most 32 characters), unique across
            the built-in commands (:data:`BUILTIN_COMMANDS`) and every installed plugin.
        help: one line for ``antt --help``.
        add_arguments: ``(parser) -> None``: adds the command's arguments (and sub-commands)
            to its own :class:`argparse.ArgumentParser`.
        run: ``(args) -> int``: does the work and returns the exit code (0 done, 1 findings,
            2 could not do its job). Raising an ``AnttError`` is a message and exit code 2;
            any other exception is reported naming the plugin, also with exit code 2.
        description: a longer description for ``antt NAME --help``.
        plugin: who registered it; set by the plugin manager (leave it empty).
    """

    name: str = attrs.field(validator=_check(_COMMAND_RE, "a command name ([a-z][a-z0-9-]*)"))
    help: str = attrs.field(validator=_text)
    add_arguments: Callable[[argparse.ArgumentParser], None] = attrs.field(
        validator=_callable, eq=False, repr=False
    )
    run: Callable[[argparse.Namespace], int] = attrs.field(
        validator=_callable, eq=False, repr=False
    )
    description: str | None = None
    plugin: str = ""
