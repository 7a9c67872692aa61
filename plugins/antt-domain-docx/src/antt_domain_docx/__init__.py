"""antt-domain plugin: the ``docx`` report format, a Báo cáo laid out per Decree 30/2020/NĐ-CP.

``antt report --format docx -o bao-cao.docx DATASET -O issuer="CÔNG AN HUYỆN CẨM THUỶ" ...``
writes a Word document: the title blocks, number, place and date, ``BÁO CÁO`` and the subject,
the content of the ``summary`` report with the tables of the ``markdown`` report, the
recipients and the signature block. Registered through the public ``antt_domain`` entry-point
group only. See README.md for the options and the config file.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from antt_domain.plugins import ReportFormatSpec, ReportRequest, hookimpl
from antt_domain_docx._details import OPTIONS, DetailsError, DocumentDetails, details_from

if TYPE_CHECKING:
    from antt_domain_docx._document import render_docx

_LAZY = {"render_docx": "antt_domain_docx._document"}

__all__ = [
    "OPTIONS",
    "DetailsError",
    "DocumentDetails",
    "antt_register_report_formats",
    "details_from",
    "render_docx",
]


def _render(request: ReportRequest, /) -> bytes:
    """Render with python-docx, imported only now."""
    from antt_domain_docx._document import render_docx  # noqa: PLC0415 - see __getattr__

    return render_docx(request)


@hookimpl
def antt_register_report_formats() -> list[ReportFormatSpec]:
    """Register the ``docx`` report format."""
    return [
        ReportFormatSpec(
            name="docx",
            title="Báo cáo per Decree 30/2020/NĐ-CP (Word .docx)",
            media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            extension="docx",
            binary=True,
            render=_render,
            options=OPTIONS,
            schema_versions=("1", "2"),
            description="A4, Times New Roman, national title and motto, issuing body, number, "
            "place and date, the summary report's content with tables, recipients, signature.",
        )
    ]


def __getattr__(name: str) -> Any:
    """Load the heavy parts (python-docx) only when they are used: the plugin manager imports
    this package for every ``antt`` command, and registering needs none of them."""
    module = _LAZY.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
