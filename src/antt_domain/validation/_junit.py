"""The JUnit XML report: a test suite per input file; a failing test case per finding at or
above the failing severity, a passing one (with the message as output) for the others.

Written in parts (:func:`junit_parts`): the findings are read twice -- once to count each
suite's test cases and failures, which its opening tag says, then case by case, each suite's
findings read from where they are (the findings are sorted by file, so a suite's are
together) -- so a report of a million findings is never held whole. Each tag is written by
:mod:`xml.etree.ElementTree`, indented as ``ET.indent`` indents the whole document.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence

from antt_domain.text_safety import no_workflow_commands, xml_safe
from antt_domain.validation._findings import Finding, Report
from antt_domain.validation._render import RenderOptions, findings_shown

__all__ = ["junit_parts"]

_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


class _Suite:
    """What the first reading tells of one suite: its test cases, failures, and where its
    findings are in the report (ranges of places)."""

    def __init__(self) -> None:
        self.count = 0
        self.failures = 0
        self.ranges: list[list[int]] = []


def _suites(findings: Sequence[Finding], report: Report, fail_on: int) -> dict[str, _Suite]:
    """Each suite by its file (the inputs first, in their order; then any other file a finding
    is on, in report order), counted."""
    suites = {i.path: _Suite() for i in report.inputs}
    last: _Suite | None = None
    for place, finding in enumerate(findings):
        suite = suites.setdefault(finding.path or "<input>", _Suite())
        if suite is last:
            suite.ranges[-1][1] = place + 1
        else:
            suite.ranges.append([place, place + 1])
            last = suite
        suite.count += 1
        suite.failures += finding.severity.rank >= fail_on
    return suites


def _start_tag(tag: str, **attributes: str) -> str:
    """``<tag a="...">``, written (escaped) by ElementTree."""
    return ET.tostring(ET.Element(tag, attributes), encoding="unicode").removesuffix(" />") + ">"


def _case(finding: Finding, path: str, options: RenderOptions) -> str:
    """One test case, indented at its depth (two levels down), its tail left out."""
    where = f":{finding.line}:{finding.column or 1}" if finding.line is not None else ""
    code, pointer = xml_safe(finding.code), xml_safe(finding.pointer or "")
    case = ET.Element(
        "testcase",
        classname=f"antt.validate.{code}",
        name=f"{path}{where} {code} {pointer}".strip(),
    )
    message = xml_safe(finding.message(options.lang))
    if finding.severity.rank >= options.fail_on.rank:
        failure = ET.SubElement(case, "failure", message=message, type=f"{code} {finding.severity}")
        failure.text = f"{path}{where}: {code} {finding.severity} {message}"
    else:
        ET.SubElement(case, "system-out").text = f"{finding.severity}: {message}"
    ET.indent(case, level=2)
    return ET.tostring(case, encoding="unicode")


def junit_parts(report: Report, options: RenderOptions) -> Iterator[str]:
    """The JUnit XML text of ``report``, a test case at a time."""
    findings, _ = findings_shown(report, options)
    suites = _suites(findings, report, options.fail_on.rank)
    total = sum(max(suite.count, 1) for suite in suites.values())
    failures = sum(suite.failures for suite in suites.values())
    head = {"name": "antt validate", "tests": str(total), "failures": str(failures)}
    if not suites:
        yield _XML_DECLARATION + ET.tostring(ET.Element("testsuites", head), encoding="unicode")
        yield "\n"
        return
    yield _XML_DECLARATION + _start_tag("testsuites", **head) + "\n"
    for raw_path, suite in suites.items():
        path = xml_safe(raw_path)
        attributes = {
            "name": path,
            "tests": str(max(suite.count, 1)),
            "failures": str(suite.failures),
            "errors": "0",
        }
        yield "  " + _start_tag("testsuite", **attributes) + "\n"
        if not suite.count:
            valid = ET.Element("testcase", classname="antt.validate", name=f"{path}: valid")
            yield "    " + ET.tostring(valid, encoding="unicode") + "\n"
        for start, end in suite.ranges:
            for finding in findings[start:end]:
                # a message's own line breaks are kept; printed to a CI log, none starts a
                # command
                yield no_workflow_commands("    " + _case(finding, path, options) + "\n")
        yield "  </testsuite>\n"
    yield "</testsuites>\n"
