"""``report``: render a dataset with a named report format, to a file (atomically) or a stream."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO, Literal

from antt_domain.errors import AnttError
from antt_domain.model import Dataset
from antt_domain.model.v2 import Dataset as DatasetV2
from antt_domain.plugins._errors import ExportError, UnknownOptionError, UnsupportedVersionError
from antt_domain.plugins._export import write_output
from antt_domain.plugins._guard import call_plugin, returned
from antt_domain.plugins._manager import AnttPluginManager, plugin_manager
from antt_domain.plugins._specs import ReportFormatSpec, ReportRequest

__all__ = ["check_report_version", "render_report", "report"]


def _check_rendered(spec: ReportFormatSpec) -> Callable[[object], str | None]:
    expected, what = (bytes, "bytes (the format is binary)") if spec.binary else (str, "str")

    def check(value: object) -> str | None:
        if isinstance(value, expected):
            return None
        return f"returned {returned(value)}, not {what}"

    return check


def check_report_version(spec: ReportFormatSpec, dataset: Dataset | DatasetV2) -> None:
    """Refuse (:class:`UnsupportedVersionError`) a dataset whose major schema version the
    format's spec does not list in ``schema_versions``: its renderer is never called with a
    model it does not know."""
    major = "2" if isinstance(dataset, DatasetV2) else "1"
    if major not in spec.schema_versions:
        raise UnsupportedVersionError(
            spec.name,
            spec.plugin,
            version=dataset.schema_version,
            versions=spec.schema_versions,
            kind="report format",
        )


def render_report(spec: ReportFormatSpec, request: ReportRequest) -> bytes:
    """The report as bytes (text formats are UTF-8), rendered through the plugin guard.

    A problem with the request (an unknown area, a reused code) is the library's own error
    and passes through. Anything else the renderer raises, or a return value other than
    what the spec declares (``str`` for a text format, ``bytes`` for a binary one), becomes
    :class:`ExportError` naming the report format and its plugin.
    """
    check_report_version(spec, request.dataset)
    for key in request.options:
        if key not in spec.options:
            raise UnknownOptionError(spec.name, key, spec.options)

    def fault(reason: str, cause: BaseException | None) -> ExportError:
        return ExportError(
            spec.name,
            spec.plugin,
            cause,
            kind="report format",
            hook="antt_register_report_formats",
            reason=reason,
        )

    rendered = call_plugin(
        spec.render, request, fault=fault, check=_check_rendered(spec), passthrough=(AnttError,)
    )
    if isinstance(rendered, bytes):
        return rendered
    try:
        return str(rendered).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise fault(f"returned text that cannot be written as UTF-8 ({exc.reason})", exc) from exc


def report(
    dataset: Dataset | DatasetV2,
    name: str | ReportFormatSpec,
    out: str | os.PathLike[str] | BinaryIO,
    *,
    lang: Literal["vi", "en"] = "vi",
    period: int | None = None,
    area: str | None = None,
    by: Iterable[str] = (),
    options: Mapping[str, str] | None = None,
    manager: AnttPluginManager | None = None,
    force: bool = False,
) -> ReportFormatSpec:
    """Render ``dataset`` with the report format ``name`` into ``out``; return its spec.

    ``dataset`` is a 1.0 or a 2.0 dataset; a format whose spec does not list its major version
    in ``schema_versions`` is refused (:class:`UnsupportedVersionError`) before it is called.

    ``out`` is a path, written atomically (never overwritten without ``force``), or a binary
    stream, written once the whole report is rendered.

    The request carries ``manager``'s :meth:`~AnttPluginManager.codelists_v2` (the default
    manager's when none is given), so a plugin's namespaced codes print their labels.
    """
    manager = manager or plugin_manager()
    spec = name if isinstance(name, ReportFormatSpec) else manager.report_format(str(name))
    request = ReportRequest(
        dataset=dataset,
        lang=lang,
        period=period,
        area=area,
        by=tuple(by),
        options=MappingProxyType(dict(options or {})),
        codelists_v2=manager.codelists_v2(),
    )
    data = render_report(spec, request)
    if isinstance(out, (str, os.PathLike)):

        def write(handle: BinaryIO) -> None:
            handle.write(data)

        write_output(Path(out), write, force=force)
    else:
        out.write(data)
    return spec
