"""``export``: write a dataset with a named exporter, atomically."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO, cast

from antt_domain.io import write_atomic
from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.plugins._builtin._vocabulary_v2 import lists_in_use
from antt_domain.plugins._errors import (
    ExportError,
    OutputError,
    OutputExistsError,
    UnknownOptionError,
    UnsupportedVersionError,
)
from antt_domain.plugins._guard import call_plugin, returned
from antt_domain.plugins._manager import AnttPluginManager, plugin_manager
from antt_domain.plugins._specs import ExporterSpec
from antt_domain.schemas import codelists as bundled_codelists

__all__ = ["check_version", "export", "run_exporter", "write_output"]

#: What an exporter that closed its stream is told.
CLOSED_STREAM = (
    "closed the output stream it was given (an io.TextIOWrapper around it must be "
    "detached with .detach(), not closed)"
)


def _checked_options(spec: ExporterSpec, options: Mapping[str, str] | None) -> Mapping[str, str]:
    given: dict[str, object] = dict(options or {})
    for key, value in given.items():
        if key not in spec.options:
            raise UnknownOptionError(spec.name, key, spec.options)
        if not isinstance(value, str):
            msg = f"option {key!r} of exporter {spec.name!r} must be a string, not {value!r}"
            raise TypeError(msg)
    return MappingProxyType({k: str(v) for k, v in given.items()})


def check_version(spec: ExporterSpec, dataset: Dataset | model_v2.Dataset) -> None:
    """Refuse (:class:`UnsupportedVersionError`) a dataset whose major schema version is not
    among ``spec.schema_versions``: the exporter is never called with a model it does not
    know."""
    major = "2" if isinstance(dataset, model_v2.Dataset) else "1"
    if major not in spec.schema_versions:
        raise UnsupportedVersionError(
            spec.name,
            spec.plugin,
            version=dataset.schema_version,
            versions=spec.schema_versions,
        )


def _exporter_fault(spec: ExporterSpec) -> Callable[[str, BaseException | None], ExportError]:
    def make(reason: str, cause: BaseException | None) -> ExportError:
        return ExportError(spec.name, spec.plugin, cause, reason=reason)

    return make


def run_exporter(
    spec: ExporterSpec,
    dataset: Dataset | model_v2.Dataset,
    out: BinaryIO,
    options: Mapping[str, str] | None = None,
) -> None:
    """Call ``spec``'s exporter on ``out`` through the plugin guard.

    A dataset of a schema version the spec does not declare is refused first
    (``check_version``). Whatever the exporter raises, a return value other than
    ``None``, or closing ``out`` becomes :class:`ExportError` naming the format and its plugin.
    """
    check_version(spec, dataset)
    checked = _checked_options(spec, options)
    fault = _exporter_fault(spec)

    def check(value: object) -> str | None:
        if getattr(out, "closed", False):
            return CLOSED_STREAM
        if value is not None:
            return f"returned {returned(value)}; an exporter returns None"
        return None

    call_plugin(spec.export, dataset, out, checked, fault=fault, check=check)


def write_output(path: Path, write: Callable[[BinaryIO], None], *, force: bool) -> None:
    """Write a file through ``write(handle)`` with :func:`antt_domain.io.write_atomic`: a
    failure leaves nothing behind; an existing file is replaced only with ``force`` (else
    :class:`OutputExistsError`); a file that cannot be written is :class:`OutputError`."""
    if path.is_dir():
        raise OutputError(path, "is a directory")
    if path.exists() and not force:
        raise OutputExistsError(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(path, f"the folder {folder} does not exist")
    try:
        write_atomic(path, write, replace=force)
    except FileExistsError:
        raise OutputExistsError(path) from None
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        raise OutputError(path, exc.strerror or str(exc)) from None


def export(
    dataset: Dataset | model_v2.Dataset,
    name: str | ExporterSpec,
    out: str | os.PathLike[str] | BinaryIO,
    *,
    options: Mapping[str, str] | None = None,
    manager: AnttPluginManager | None = None,
    force: bool = False,
) -> ExporterSpec:
    """Write ``dataset`` with the exporter ``name`` to ``out``; return the exporter's spec.

    ``name`` may also be an :class:`ExporterSpec` itself (one not registered anywhere, as a
    plugin's own tests have it); ``manager`` is then not needed.

    ``out`` is a path or a binary stream. A path is written atomically -- to a temporary file
    beside it, then renamed -- so an exporter that fails leaves nothing behind; an existing
    file is replaced only with ``force=True`` (else :class:`OutputExistsError`). A stream is
    written as the exporter goes.

    ``options`` are the exporter's ``KEY=VALUE`` options (see its spec's ``options``).
    ``manager`` defaults to a new :func:`~antt_domain.plugins.plugin_manager`; its
    :meth:`~AnttPluginManager.codelists_v2` label the 2.0 codes in the built-in exporters'
    ``vocabulary`` table (origin ``plugin:NAME``). Raises
    :class:`UnknownFormatError` (listing the available names), :class:`UnknownOptionError`,
    :class:`UnsupportedVersionError` (a 1.x dataset for an exporter of 2.0 only, or the
    reverse; nothing is written), :class:`ExportError` (the exporter raised) or
    :class:`OutputError`.
    """
    registered = name if isinstance(name, ExporterSpec) else None
    if registered is None and manager is None:
        manager = plugin_manager()
    spec = registered or cast("AnttPluginManager", manager).exporter(str(name))
    check_version(spec, dataset)
    # The built-in exporters label 2.0 codes with the manager's lists (plugins' codes too).
    lists = manager.codelists_v2() if manager is not None else bundled_codelists("2")
    with lists_in_use(lists):
        if isinstance(out, (str, os.PathLike)):
            _checked_options(spec, options)
            write_output(
                Path(out), lambda handle: run_exporter(spec, dataset, handle, options), force=force
            )
        else:
            run_exporter(spec, dataset, out, options)
    return spec
