"""The sarif and junit reports written in parts (read twice, never held whole) are the text
the whole-document writers made before (kept here as the reference): for hostile text, many
files in any order, findings without a file, caps, both languages, every failing severity,
and findings read from disk."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antt_domain._version import __version__
from antt_domain.text_safety import json_safe, no_workflow_commands, xml_safe
from antt_domain.validation import (
    CATALOGUE,
    Finding,
    InputSummary,
    RenderOptions,
    Report,
    Severity,
    _facts,
    render,
    validate,
)
from antt_domain.validation._render import INFORMATION_URI, findings_shown
from antt_domain.validation.engine import render_parts

# --- the reference: the writers of the whole document, as they were ----------------------

_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix())


def sarif_whole(report: Report, options: RenderOptions) -> str:
    """SARIF 2.1.0, as code-scanning services accept it (one run, rules from the catalogue)."""
    shown, _ = findings_shown(report, options)
    used = sorted({f.code for f in shown})
    rules = []
    for code in used:
        info = options.catalogue.get(code)
        rule: dict[str, Any] = {"id": code}
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
        rules.append(rule)
    index = {code: i for i, code in enumerate(used)}
    results = []
    for finding in shown:
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
        results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "antt-domain",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json_safe(json.dumps(sarif, ensure_ascii=False, indent=2)) + "\n"


def junit_whole(report: Report, options: RenderOptions) -> str:
    """JUnit XML: a test suite per input file; a failing test case per finding at or above
    the failing severity, a passing one (with the message as output) for the others."""
    shown, _ = findings_shown(report, options)
    by_path: dict[str, list[Finding]] = {i.path: [] for i in report.inputs}
    for finding in shown:
        by_path.setdefault(finding.path or "<input>", []).append(finding)

    suites = ET.Element("testsuites", name="antt validate")
    total = failures = 0
    for raw_path, findings in by_path.items():
        path = xml_safe(raw_path)
        failing = [f for f in findings if f.severity.rank >= options.fail_on.rank]
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=path,
            tests=str(max(len(findings), 1)),
            failures=str(len(failing)),
            errors="0",
        )
        if not findings:
            ET.SubElement(suite, "testcase", classname="antt.validate", name=f"{path}: valid")
        for finding in findings:
            where = f":{finding.line}:{finding.column or 1}" if finding.line is not None else ""
            code, pointer = xml_safe(finding.code), xml_safe(finding.pointer or "")
            case = ET.SubElement(
                suite,
                "testcase",
                classname=f"antt.validate.{code}",
                name=f"{path}{where} {code} {pointer}".strip(),
            )
            message = xml_safe(finding.message(options.lang))
            if finding.severity.rank >= options.fail_on.rank:
                failure = ET.SubElement(
                    case, "failure", message=message, type=f"{code} {finding.severity}"
                )
                failure.text = f"{path}{where}: {code} {finding.severity} {message}"
            else:
                ET.SubElement(case, "system-out").text = f"{finding.severity}: {message}"
        total += max(len(findings), 1)
        failures += len(failing)
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    ET.indent(suites)
    text = ET.tostring(suites, encoding="unicode")
    # a message's own line breaks are kept; printed to a CI log, none starts a command
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + no_workflow_commands(text) + "\n"


# --- the comparison --------------------------------------------------------------------

_TEXT = st.lists(
    st.sampled_from(
        ["a", "\u1ea1", " ", "\n", "\r", "\x00", "\x1b", "<", "&", '"', "::", "\u2028"]
    ),
    max_size=8,
).map("".join) | st.just("\u2028 \u202e")
_PATHS = st.sampled_from(["a.json", "b/c.jsonl", "<input>", "z.json", "/abs/p ath.json", None])


@st.composite
def _reports(draw: Any) -> Report:
    findings = [
        Finding(
            code=draw(st.sampled_from(["S001", "D002", "R101", "V900", "XHN001"])),
            severity=draw(st.sampled_from(list(Severity))),
            message_en=draw(_TEXT),
            message_vi=draw(_TEXT),
            path=draw(_PATHS),
            line=draw(st.none() | st.integers(1, 9)),
            column=draw(st.none() | st.integers(1, 9)),
            pointer=draw(st.none() | _TEXT),
            record_id=draw(st.none() | _TEXT),
        )
        for _ in range(draw(st.integers(0, 12)))
    ]
    findings.sort(key=Finding.sort_key)
    paths = draw(st.lists(st.sampled_from(["z.json", "a.json", "q<&>.json"]), unique=True))
    inputs = tuple(InputSummary(path=path, kind="dataset", records=1) for path in paths)
    return Report(findings=tuple(findings), inputs=inputs)


@settings(max_examples=300)
@given(
    report=_reports(),
    lang=st.sampled_from(["en", "vi"]),
    fail_on=st.sampled_from(list(Severity)),
    cap=st.none() | st.integers(0, 5),
)
def test_the_parts_are_the_whole_documents(
    report: Report, lang: str, fail_on: Severity, cap: int | None
) -> None:
    options = RenderOptions(lang=lang, fail_on=fail_on, catalogue=CATALOGUE, max_findings=cap)
    assert render(report, "sarif", options) == sarif_whole(report, options)
    assert render(report, "junit", options) == junit_whole(report, options)
    for name in ("sarif", "junit"):
        assert "".join(render_parts(report, name, options)) == render(report, name, options)


def test_findings_on_disk_are_written_in_parts_as_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run whose findings went to disk: each format's parts make the document the
    reference writes of the same findings held in memory, and more than one part."""
    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "validation" / "rules.json"
    monkeypatch.setattr(_facts, "SPILL_AFTER", 8)
    report = validate(fixture)
    assert type(report.findings).__name__ == "SpilledFindings"
    in_memory = Report(findings=tuple(report.findings), inputs=report.inputs)
    options = RenderOptions(catalogue=CATALOGUE)
    for name, whole in (("sarif", sarif_whole), ("junit", junit_whole)):
        parts = list(render_parts(report, name, options))
        assert len(parts) > 2
        assert "".join(parts) == whole(in_memory, options)
    json.loads("".join(render_parts(report, "sarif", options)))
