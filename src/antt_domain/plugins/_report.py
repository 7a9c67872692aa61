"""``report``: render a dataset with a named report format, to a file (atomically) or a stream."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO, Literal

from antt_domain.errors import AnttError
from antt_domain.model import Dataset
from antt_domain.plugins._errors import ExportError, UnknownOptionError
from antt_domain.plugins._export import write_output
from antt_domain.plugins._manager import AnttPluginManager, plugin_manager
from antt_domain.plugins._specs import ReportFormatSpec, ReportRequest

__all__ = ["render_report", "report"]


def render_report(spec: ReportFormatSpec, request: ReportRequest) -> bytes:
    """The report as bytes (text formats are UTF-8).

    A problem with the request (an unknown area, a reused code) is the library's own error
    and passes through; anything else the renderer raises becomes :class:`ExportError`
    naming the format and its plugin.
    """
    for key in request.options:
        if key not in spec.options:
            raise UnknownOptionError(spec.name, key, spec.options)
    try:
        rendered = spec.render(request)
    except AnttError:
        raise
    except Exception as exc:
        raise ExportError(spec.name, spec.plugin, exc) from exc
    if isinstance(rendered, str):
        return rendered.encode("utf-8")
    return bytes(rendered)


def report(
    dataset: Dataset,
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

    ``out`` is a path, written atomically (never overwritten without ``force``), or a binary
    stream, written once the whole report is rendered.
    """
    spec = name if isinstance(name, ReportFormatSpec) else None
    spec = spec or (manager or plugin_manager()).report_format(str(name))
    request = ReportRequest(
        dataset=dataset,
        lang=lang,
        period=period,
        area=area,
        by=tuple(by),
        options=MappingProxyType(dict(options or {})),
    )
    data = render_report(spec, request)
    if isinstance(out, (str, os.PathLike)):

        def write(handle: BinaryIO) -> None:
            handle.write(data)

        write_output(Path(out), write, force=force)
    else:
        out.write(data)
    return spec
