"""The SARIF 2.1.0 report, as code-scanning services accept it: one run, the rules used (from
the catalogue) first, then a result a finding.

Written in parts (:func:`sarif_parts`): the findings are read twice -- once for the codes
used, which the document names before any result, then result by result -- so a report of a
million findings is never held whole (they may be on disk: ``SpilledFindings``). The text is
that of ``json.dumps(document, indent=2)``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from antt_domain._version import __version__
from antt_domain.text_safety import json_safe
from antt_domain.validation._findings import Finding, Report, Severity
from antt_domain.validation._render import INFORMATION_URI, RenderOptions, findings_shown

__all__ = ["sarif_parts"]

_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: Where the results go in the document, and how deep each one is indented there.
_RESULTS, _INDENT = '"results": []', " " * 8


def _uri(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix())


def _rule(code: str, options: RenderOptions) -> dict[str, Any]:
    """The ``rules`` entry of ``code``, from the catalogue."""
    rule: dict[str, Any] = {"id": code}
    info = options.catalogue.get(code)
    if info is not None:
        title = info.title_vi if options.lang == "vi" else info.title_en
        explanation = info.explanation_vi if options.lang == "vi" else info.explanation_en
        rule |= {
            "name": "".join(part.capitalize() for part in info.name.split("-")),
            "shortDescription": {"text": title},
            "fullDescription": {"text": explanation},
            "defaultConfiguration": {"level": _SARIF_LEVELS[info.severity]},
            "properties": {"stage": info.stage},
        }
    return rule


def _result(finding: Finding, index: Mapping[str, int], options: RenderOptions) -> dict[str, Any]:
    """The ``results`` entry of ``finding`` (``index``: each code's place in ``rules``)."""
    location: dict[str, Any] = {}
    if finding.path:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(finding.path)}}
        if finding.line is not None:
            physical["region"] = {"startLine": finding.line, "startColumn": finding.column or 1}
        location["physicalLocation"] = physical
    if finding.pointer is not None:
        location["logicalLocations"] = [
            {"fullyQualifiedName": finding.pointer or "/", "kind": "object"}
        ]
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _SARIF_LEVELS[finding.severity],
        "message": {"text": finding.message(options.lang)},
        "locations": [location] if location else [],
    }
    if finding.record_id:
        result["properties"] = {"recordId": finding.record_id}
    return result


def sarif_parts(report: Report, options: RenderOptions) -> Iterator[str]:
    """The SARIF text of ``report``, a result at a time."""
    findings, _ = findings_shown(report, options)
    used = sorted({f.code for f in findings})
    index = {code: i for i, code in enumerate(used)}
    run = {
        "tool": {
            "driver": {
                "name": "antt-domain",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(code, options) for code in used],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [],
    }
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    text = json_safe(json.dumps(document, ensure_ascii=False, indent=2))
    if not findings:
        yield text + "\n"
        return
    head, tail = text.split(_RESULTS)  # once: no string of the head holds an unescaped quote
    yield head + '"results": [\n'
    for number, finding in enumerate(findings):
        item = json.dumps(_result(finding, index, options), ensure_ascii=False, indent=2)
        lead = _INDENT if number == 0 else ",\n" + _INDENT
        yield lead + json_safe(item).replace("\n", "\n" + _INDENT)
    yield "\n      ]" + tail + "\n"
