"""One finding code's catalogue entry (:class:`CodeInfo`) and a finding made from it.

Apart from :mod:`._catalogue` so that rules (which carry their entry) and the catalogue
(which lists the rules' entries) do not import each other.
"""

from __future__ import annotations

from typing import Any, final

import attrs

from antt_domain.validation._findings import Finding, Severity

__all__ = ["CodeInfo", "finding_from"]


@final
@attrs.frozen(kw_only=True)
class CodeInfo:
    """One finding code: its default severity, what it means, and its message templates.

    Templates are :meth:`str.format` strings over the finding's parameters.
    """

    code: str
    name: str
    stage: str
    severity: Severity
    title_en: str
    title_vi: str
    explanation_en: str
    explanation_vi: str
    template_en: str
    template_vi: str

    @classmethod
    def bilingual(
        cls,
        *,
        code: str,
        name: str,
        stage: str,
        severity: Severity | str,
        title: tuple[str, str],
        explanation: tuple[str, str],
        message: tuple[str, str],
    ) -> CodeInfo:
        """An entry from ``(english, vietnamese)`` pairs: how rules and plugins define codes."""
        return cls(
            code=code,
            name=name,
            stage=stage,
            severity=Severity(severity),
            title_en=title[0],
            title_vi=title[1],
            explanation_en=explanation[0],
            explanation_vi=explanation[1],
            template_en=message[0],
            template_vi=message[1],
        )

    def render(self, lang: str, params: dict[str, Any]) -> str:
        """The message in ``lang`` with ``params`` filled in."""
        template = self.template_vi if lang == "vi" else self.template_en
        return template.format_map(_Params(params))


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def finding_from(
    info: CodeInfo,
    params: dict[str, Any] | None = None,
    *,
    severity: Severity | None = None,
    path: str | None = None,
    line: int | None = None,
    column: int | None = None,
    pointer: str | None = None,
    record_id: str | None = None,
) -> Finding:
    """A finding of the catalogue entry ``info`` with ``params`` rendered in both languages."""
    values = dict(params or {})
    return Finding(
        code=info.code,
        severity=severity or info.severity,
        message_en=info.render("en", values),
        message_vi=info.render("vi", values),
        path=path,
        line=line,
        column=column,
        pointer=pointer,
        record_id=record_id,
    )
