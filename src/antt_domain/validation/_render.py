"""What every report format shares: how to render (:class:`RenderOptions`) and which findings
are shown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import final

import attrs

from antt_domain.validation._catalogue import CodeInfo
from antt_domain.validation._findings import Finding, Report, Severity

__all__ = ["INFORMATION_URI", "RenderOptions", "findings_shown"]

INFORMATION_URI = "https://github.com/antt-domain/antt-domain"


@final
@attrs.frozen(kw_only=True)
class RenderOptions:
    """How to render: language, the failing severity, the catalogue, colour, a cap on rows."""

    lang: str = "en"
    fail_on: Severity = Severity.ERROR
    catalogue: Mapping[str, CodeInfo] = attrs.field(factory=dict, hash=False)
    colour: bool = False
    max_findings: int | None = None


def findings_shown(report: Report, options: RenderOptions) -> tuple[Sequence[Finding], int]:
    """The findings to show, and how many are not shown (including those the run did not
    keep)."""
    findings = report.findings
    left_out = sum(report.omitted.values())
    if options.max_findings is None or len(findings) <= options.max_findings:
        return findings, left_out
    return findings[: options.max_findings], len(findings) - options.max_findings + left_out
