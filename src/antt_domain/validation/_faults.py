"""Rules that crash: the fault codes (V900, D900), what a fault records, and the guard that
turns a crash into a fault and switches the rule off for the rest of the run.

A rule is code from anywhere (a plugin, a user's script). When its check raises, or yields
something that is not an :class:`~antt_domain.validation.Issue`, the run does not stop: the
fault becomes an error finding at the record the rule was looking at, the rule is not called
again, and every other finding is still reported. The CLI then exits with 2 (the command could
not do all of its job). A caller who prefers an exception asks for it with
``raise_on_crash=True`` and gets :class:`RuleCrashError`.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from typing import Any, final

from antt_domain.errors import AnttError
from antt_domain.validation._codeinfo import CodeInfo, finding_from
from antt_domain.validation._findings import RuleFault, Severity
from antt_domain.validation._records import Issue, Located
from antt_domain.validation._rules import Rule

__all__ = ["FAULT_CODES", "Faults", "NotAnIssueError", "RuleCrashError", "describe", "issues_of"]

_EXPLANATION = (
    (
        "A rule -- built in, or from a plugin named in the message -- raised an exception or "
        "returned something other than issues. The rule was switched off for the rest of the "
        "run and every other finding is still reported; `antt validate` exits with 2, since "
        "the data was not fully checked. This finding is always reported, whatever --select "
        "and --ignore say. Report it to the plugin's authors (run with --debug for the "
        "traceback)."
    ),
    (
        "Một quy tắc (có sẵn, hoặc của plugin được nêu trong thông báo) phát sinh ngoại lệ "
        "hoặc trả về thứ không phải là vấn đề. Quy tắc đã bị tắt cho phần còn lại của lượt "
        "kiểm tra và mọi phát hiện khác vẫn được báo cáo; `antt validate` kết thúc với mã 2 "
        "vì dữ liệu chưa được kiểm tra hết. Phát hiện này luôn được báo cáo, dù --select và "
        "--ignore nói gì. Hãy báo cho tác giả plugin (chạy với --debug để xem traceback)."
    ),
)

#: The codes of crashed rules: one for rules on one record, one for rules across records.
FAULT_CODES: dict[str, CodeInfo] = {
    "V900": CodeInfo.bilingual(
        code="V900",
        name="rule-crashed",
        stage="rules",
        severity=Severity.ERROR,
        title=("A rule crashed", "Quy tắc bị lỗi"),
        explanation=_EXPLANATION,
        message=(
            (
                "rule {rule} ({name}) of {origin} crashed on this record and was switched off "
                "for the rest of the run: {error}"
            ),
            (
                "quy tắc {rule} ({name}) của {origin} bị lỗi khi kiểm tra bản ghi này và đã bị "
                "tắt cho phần còn lại của lượt kiểm tra: {error}"
            ),
        ),
    ),
    "D900": CodeInfo.bilingual(
        code="D900",
        name="dataset-rule-crashed",
        stage="dataset",
        severity=Severity.ERROR,
        title=("A rule across records crashed", "Quy tắc trên nhiều bản ghi bị lỗi"),
        explanation=_EXPLANATION,
        message=(
            (
                "rule {rule} ({name}) of {origin} crashed and was switched off; the issues it "
                "gave before are kept: {error}"
            ),
            (
                "quy tắc {rule} ({name}) của {origin} bị lỗi và đã bị tắt; các vấn đề nó đã nêu "
                "trước đó vẫn được giữ: {error}"
            ),
        ),
    ),
}


@final
class RuleCrashError(AnttError, RuntimeError):
    """A rule raised instead of returning issues (only with ``raise_on_crash=True``).

    ``rule`` and ``origin`` say whose it was; ``cause`` is what it raised; ``fault`` says where.
    """

    def __init__(self, fault: RuleFault, cause: BaseException | None = None) -> None:
        self.rule = fault.rule
        self.origin = fault.origin
        self.cause = cause
        self.fault = fault
        where = f" on {fault.finding.path}" if fault.finding.path else ""
        if fault.finding.line is not None:
            where += f":{fault.finding.line}"
        if fault.finding.record_id is not None:
            where += f" (record {fault.finding.record_id!r})"
        super().__init__(
            f"rule {fault.rule} ({fault.name}) from {fault.origin} crashed{where}: {fault.error}"
        )


def describe(cause: BaseException) -> str:
    """``"ZeroDivisionError: division by zero"``: what went wrong, on one line."""
    text = " ".join(str(cause).split())
    if len(text) > 300:
        text = text[:297] + "..."
    return f"{type(cause).__name__}: {text}" if text else type(cause).__name__


class NotAnIssueError(TypeError):
    """A rule gave something that is not an :class:`Issue`."""

    def __init__(self, value: Any) -> None:
        super().__init__(
            f"the check yielded a {type(value).__name__}, not an antt_domain.validation.Issue"
        )


def issues_of(found: Iterable[Any]) -> Iterator[Issue]:
    """``found``, checked to be issues (a rule's check may return anything)."""
    for issue in found:
        if not isinstance(issue, Issue):
            raise NotAnIssueError(issue)
        yield issue


@final
class Faults:
    """The rules that crashed in one run, in the order they did, and which are switched off."""

    def __init__(self, *, raise_on_crash: bool = False, off: Iterable[str] = ()) -> None:
        self.raise_on_crash = raise_on_crash
        self.items: list[tuple[RuleFault, int | None]] = []
        #: The codes of the rules switched off (``off``: those already off in the run).
        self.off: set[str] = set(off)

    def add(self, rule: Rule, cause: BaseException, at: Located | None) -> None:
        """Record that ``rule`` crashed (on the record ``at``) and switch it off; with
        ``raise_on_crash``, raise :class:`RuleCrashError` instead."""
        self.off.add(rule.code)
        code = "V900" if rule.scope == "record" else "D900"
        error = describe(cause)
        finding = finding_from(
            FAULT_CODES[code],
            {"rule": rule.code, "name": rule.info.name, "origin": rule.origin, "error": error},
            path=at.path if at is not None else None,
            pointer=at.pointer if at is not None else None,
            record_id=at.record.id if at is not None else None,
        )
        fault = RuleFault(
            rule=rule.code,
            name=rule.info.name,
            origin=rule.origin,
            error=error,
            finding=finding,
            traceback="".join(traceback.format_exception(cause)),
        )
        if self.raise_on_crash:
            raise RuleCrashError(fault, cause) from cause
        self.items.append((fault, at.line if at is not None else None))

    def merge(self, other: Iterable[tuple[RuleFault, int | None]]) -> None:
        """Faults from another process: the first of each rule is kept."""
        for fault, line in other:
            if fault.rule not in self.off:
                self.off.add(fault.rule)
                self.items.append((fault, line))
