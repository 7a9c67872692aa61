"""Report formats for people and for CI: text, json, github, sarif, junit.

Each is one function ``render(report, *, lang, fail_on, catalogue, colour) -> str`` held in
:data:`REPORT_FORMATS` by name.

Every text that comes from the input (file names, messages quoting values, pointers holding
property keys) is escaped for the format's medium with :mod:`antt_domain.text_safety`: the
text and github formats never write a control character and never start a line with a
workflow command that is not their own; json and sarif write such characters as ``\\u``
escapes; junit never writes a character XML 1.0 cannot hold.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from antt_domain.text_safety import json_safe, no_workflow_commands, one_line
from antt_domain.validation._findings import Finding, Report, Severity
from antt_domain.validation._junit import junit_parts
from antt_domain.validation._render import RenderOptions, findings_shown
from antt_domain.validation._sarif import sarif_parts

__all__ = ["REPORT_FORMATS", "RenderOptions", "render", "render_parts"]

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _summary(report: Report, lang: str, hidden: int) -> str:
    counts = report.counts()
    files = len(report.inputs)
    if lang == "vi":
        text = (
            f"{files} tệp, {report.records} bản ghi: {counts[Severity.ERROR]} lỗi, "
            f"{counts[Severity.WARNING]} cảnh báo, {counts[Severity.INFO]} thông tin"
        )
        return text + (f" ({hidden} phát hiện không hiển thị)" if hidden else "")
    text = (
        f"{files} file(s), {report.records} record(s): {counts[Severity.ERROR]} error(s), "
        f"{counts[Severity.WARNING]} warning(s), {counts[Severity.INFO]} info"
    )
    return text + (f" ({hidden} more finding(s) not shown)" if hidden else "")


def render_text(report: Report, options: RenderOptions) -> str:
    """``path:line:col: CODE severity message [pointer]``, a blank line between files, a summary."""
    return "".join(_text_lines(report, options))


#: How many lines of the text and github formats make one part of :func:`render_parts`.
_PART_LINES = 1000


def _in_parts(lines: Iterable[str]) -> Iterator[str]:
    """``lines`` joined :data:`_PART_LINES` at a time."""
    part: list[str] = []
    for line in lines:
        part.append(line)
        if len(part) >= _PART_LINES:
            yield "".join(part)
            part.clear()
    if part:
        yield "".join(part)


def _text_lines(report: Report, options: RenderOptions) -> Iterator[str]:
    """The lines of :func:`render_text`, each with its newline."""
    shown, hidden = findings_shown(report, options)
    previous: str | None = None
    any_shown = False
    for finding in shown:
        any_shown = True
        if previous is not None and finding.path != previous:
            yield "\n"
        previous = finding.path
        where = one_line(finding.path or "<input>")
        if finding.line is not None:
            where += f":{finding.line}:{finding.column or 1}"
        pointer = f" [{one_line(finding.pointer)}]" if finding.pointer else ""
        code, severity = one_line(finding.code), str(finding.severity)
        if options.colour:
            where = f"{_BOLD}{where}{_RESET}"
            code = f"{_COLOURS[finding.severity]}{code}"
            severity = f"{severity}{_RESET}"
            pointer = f"{_DIM}{pointer}{_RESET}" if pointer else ""
        message = one_line(finding.message(options.lang))
        yield no_workflow_commands(f"{where}: {code} {severity} {message}{pointer}") + "\n"
    if any_shown:
        yield "\n"
    yield _summary(report, options.lang, hidden) + "\n"


def report_json(report: Report, options: RenderOptions) -> dict[str, Any]:
    """The documented JSON shape of a report (``version`` 1)."""
    shown, hidden = findings_shown(report, options)
    return {
        **_json_shell(report, options, hidden),
        "findings": [_json_finding(f, options) for f in shown],
    }


def _json_shell(report: Report, options: RenderOptions, hidden: int) -> dict[str, Any]:
    return {
        "version": 1,
        "ok": report.ok(options.fail_on),
        "fail_on": options.fail_on.value,
        "summary": {
            "files": len(report.inputs),
            "records": report.records,
            **{s.value: n for s, n in report.counts().items()},
            "not_shown": hidden,
        },
        "inputs": [{"path": i.path, "kind": i.kind, "records": i.records} for i in report.inputs],
    }


def _json_finding(f: Finding, options: RenderOptions) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity.value,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "pointer": f.pointer,
        "record_id": f.record_id,
        "message": f.message(options.lang),
        "message_vi": f.message_vi,
        "message_en": f.message_en,
    }


def render_json(report: Report, options: RenderOptions) -> str:
    """The JSON report, indented, UTF-8 characters kept."""
    return "".join(_json_parts(report, options))


def _json_parts(report: Report, options: RenderOptions) -> Iterator[str]:
    """The text of ``json.dumps(report_json(...), indent=2)``, one finding at a time: a report
    of a hundred thousand findings never exists as Python objects, or as one string, at once.
    """
    shown, hidden = findings_shown(report, options)
    shell = {**_json_shell(report, options, hidden), "findings": []}
    text = json_safe(json.dumps(shell, ensure_ascii=False, indent=2))
    if not shown:
        yield text + "\n"
        return
    yield text.removesuffix("[]\n}") + "[\n"
    for index, finding in enumerate(shown):
        item = json_safe(_flat_json(_json_finding(finding, options)))
        yield ("    " if index == 0 else ",\n    ") + item.replace("\n", "\n    ")
    yield "\n  ]\n}\n"


#: ``json.dumps`` of one string, number, boolean or null (the C encoder: ``indent`` would
#: take the pure-Python one for the whole object).
_SCALAR_JSON = json.JSONEncoder(ensure_ascii=False).encode


def _flat_json(value: dict[str, Any]) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` of a non-empty object whose values
    are strings, integers or null (a finding), written member by member with the C encoder
    (``indent`` would take the pure-Python one): the same text. Any other value takes
    ``json.dumps`` itself (docs/performance.md, "A broken file")."""
    if not value or not all(v is None or type(v) in (str, int) for v in value.values()):
        return json.dumps(value, ensure_ascii=False, indent=2)
    members = ",\n  ".join(f"{_SCALAR_JSON(k)}: {_SCALAR_JSON(v)}" for k, v in value.items())
    return "{\n  " + members + "\n}"


def _escape_data(text: str) -> str:
    """GitHub's escaping of a command's message (``%``, CR, LF), then every other control
    character written as its code point: the command stays one line, and the log shows it."""
    return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_github(report: Report, options: RenderOptions) -> str:
    """GitHub Actions workflow commands: one annotation per finding, then the summary."""
    return "".join(_github_lines(report, options))


def _github_lines(report: Report, options: RenderOptions) -> Iterator[str]:
    """The lines of :func:`render_github`, each with its newline."""
    shown, hidden = findings_shown(report, options)
    for finding in shown:
        props = []
        if finding.path:
            props.append(f"file={_escape_property(finding.path)}")
        if finding.line is not None:
            props.append(f"line={finding.line}")
            props.append(f"col={finding.column or 1}")
        info = options.catalogue.get(finding.code)
        title = f"{finding.code} {info.name}" if info else finding.code
        props.append(f"title={_escape_property(title)}")
        message = finding.message(options.lang)
        if finding.pointer:
            message += f" [{finding.pointer}]"
        level = _GITHUB_LEVELS[finding.severity]
        yield f"::{level} {','.join(props)}::{_escape_data(message)}\n"
    yield _summary(report, options.lang, hidden) + "\n"


def render(report: Report, name: str, options: RenderOptions) -> str:
    """The report in format ``name`` (one of :data:`REPORT_FORMATS`)."""
    return REPORT_FORMATS[name](report, options)


def render_sarif(report: Report, options: RenderOptions) -> str:
    """SARIF 2.1.0, as code-scanning services accept it (one run, rules from the catalogue)."""
    return "".join(sarif_parts(report, options))


def render_junit(report: Report, options: RenderOptions) -> str:
    """JUnit XML: a test suite per input file; a failing test case per finding at or above
    the failing severity, a passing one (with the message as output) for the others."""
    return "".join(junit_parts(report, options))


#: Report formats by name.
REPORT_FORMATS: dict[str, Callable[[Report, RenderOptions], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
    "junit": render_junit,
}


def render_parts(report: Report, name: str, options: RenderOptions) -> Iterator[str]:
    """The text of :func:`~antt_domain.validation.render`, in pieces to write one after the
    other: the report of a large run is never held whole in memory (sarif and junit read the
    findings twice: what the head of the document says first, then the rest)."""
    if name == "json":
        yield from _json_parts(report, options)
    elif name == "text":
        yield from _in_parts(_text_lines(report, options))
    elif name == "github":
        yield from _in_parts(_github_lines(report, options))
    elif name == "sarif":
        yield from sarif_parts(report, options)
    elif name == "junit":
        yield from junit_parts(report, options)
    else:
        yield render(report, name, options)
