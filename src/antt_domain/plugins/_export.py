"""``export``: write a dataset with a named exporter, atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO

from antt_domain.model import Dataset
from antt_domain.plugins._errors import (
    ExportError,
    OutputError,
    OutputExistsError,
    UnknownOptionError,
)
from antt_domain.plugins._manager import AnttPluginManager, plugin_manager
from antt_domain.plugins._specs import ExporterSpec

__all__ = ["export", "run_exporter", "write_output"]


def _checked_options(spec: ExporterSpec, options: Mapping[str, str] | None) -> Mapping[str, str]:
    given: dict[str, object] = dict(options or {})
    for key, value in given.items():
        if key not in spec.options:
            raise UnknownOptionError(spec.name, key, spec.options)
        if not isinstance(value, str):
            msg = f"option {key!r} of exporter {spec.name!r} must be a string, not {value!r}"
            raise TypeError(msg)
    return MappingProxyType({k: str(v) for k, v in given.items()})


def run_exporter(
    spec: ExporterSpec, dataset: Dataset, out: BinaryIO, options: Mapping[str, str] | None = None
) -> None:
    """Call ``spec``'s exporter on ``out``; its failure becomes :class:`ExportError`."""
    checked = _checked_options(spec, options)
    try:
        spec.export(dataset, out, checked)
    except Exception as exc:
        raise ExportError(spec.name, spec.plugin, exc) from exc


def _file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _publish(tmp: Path, path: Path, *, force: bool) -> None:
    if force:
        tmp.replace(path)
        return
    try:
        os.link(tmp, path)  # fails if path exists: no check-then-write race
    except FileExistsError:
        raise OutputExistsError(path) from None
    except OSError:  # hard links unsupported here: check, then rename
        if path.exists():
            raise OutputExistsError(path) from None
        tmp.replace(path)


def write_output(path: Path, write: Callable[[BinaryIO], None], *, force: bool) -> None:
    """Write a file through ``write(handle)``, atomically: a temporary file beside ``path``,
    then a rename. A failure leaves nothing behind; an existing file is replaced only with
    ``force`` (else :class:`OutputExistsError`)."""
    if path.is_dir():
        raise OutputError(path, "is a directory")
    if path.exists() and not force:
        raise OutputExistsError(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(path, f"the folder {folder} does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(_file_mode())
        _publish(tmp, path, force=force)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def export(
    dataset: Dataset,
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
    ``manager`` defaults to a new :func:`~antt_domain.plugins.plugin_manager`. Raises
    :class:`UnknownFormatError` (listing the available names), :class:`UnknownOptionError`,
    :class:`ExportError` (the exporter raised) or :class:`OutputError`.
    """
    registered = name if isinstance(name, ExporterSpec) else None
    spec = registered or (manager or plugin_manager()).exporter(str(name))
    if isinstance(out, (str, os.PathLike)):
        _checked_options(spec, options)
        write_output(
            Path(out), lambda handle: run_exporter(spec, dataset, handle, options), force=force
        )
    else:
        run_exporter(spec, dataset, out, options)
    return spec
