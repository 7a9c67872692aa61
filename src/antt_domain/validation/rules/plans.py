"""Built-in rules on one 2.0 award, assessment or plan: recipients and results add up
(V202, V203), phases within and after one another (V204, V205), the instrument cited for an
assessment is its scheme's (V210)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from antt_domain.model.v2 import Assessment, Award, Plan, Quantity
from antt_domain.validation._records import Issue, RuleContext
from antt_domain.validation._rules import record_rule
from antt_domain.validation.rules._spans import bounds_v2

__all__ = [
    "award_split",
    "basis_not_the_scheme",
    "phase_outside_plan",
    "phases_overlap",
    "results_add_up",
]


@record_rule(
    code="V202",
    name="award-split-does-not-add-up",
    severity="warning",
    title=("Award recipients do not add up", "Số người, tập thể được khen không khớp tổng"),
    explanation=(
        (
            "An award's exact total differs from the sum of its recipients' exact counts "
            "('khen thưởng 15 tập thể, 20 cá nhân' with total 40). One of the numbers is "
            "mistyped, or a recipient group is missing."
        ),
        (
            "Tổng số được khen thưởng khác tổng số của từng nhóm được khen ('khen thưởng 15 "
            "tập thể, 20 cá nhân' mà tổng là 40). Một con số bị gõ sai, hoặc thiếu một nhóm."
        ),
    ),
    message=(
        "the recipients add up to {sum}, the total is {total}",
        "các nhóm được khen cộng lại là {sum}, tổng là {total}",
    ),
    types=(Award,),
)
def award_split(record: Any, context: RuleContext) -> Iterator[Issue]:
    """An exact total against the recipients' exact counts."""
    assert isinstance(record, Award)  # noqa: S101 - the engine passes only awards (types=)
    total = record.total
    if total is None or not total.is_exact or total.value is None or not record.recipients:
        return
    counts = [recipient.quantity for recipient in record.recipients]
    exact = [q.value for q in counts if q is not None and q.is_exact and q.value is not None]
    added = sum(exact)
    complete = len(exact) == len(counts)
    if (complete and added != total.value) or added > total.value:
        yield Issue(pointer="/total/value", params={"sum": added, "total": total.value})


def _exact(quantity: Quantity | None) -> float | None:
    if quantity is None or not quantity.is_exact:
        return None
    return quantity.value


@record_rule(
    code="V203",
    name="results-do-not-add-up",
    severity="warning",
    title=("Assessment results do not add up", "Kết quả đánh giá không khớp tổng"),
    explanation=(
        (
            "The results of one set of subjects (excellent, good, average ...) should add up to "
            "the total given for those subjects, and to the denominator they share ('3/52'). "
            "A result is missing or mistyped."
        ),
        (
            "Các kết quả của cùng một nhóm đối tượng (xuất sắc, khá, trung bình ...) phải cộng "
            "lại bằng tổng số của nhóm đó và bằng mẫu số chung ('3/52'). Có kết quả bị thiếu "
            "hoặc gõ sai."
        ),
    ),
    message=(
        "the results for {subjects} add up to {sum}, not {expected} ({what})",
        "kết quả của {subjects} cộng lại là {sum}, không phải {expected} ({what})",
    ),
    types=(Assessment,),
)
def results_add_up(record: Any, context: RuleContext) -> Iterator[Issue]:
    """Results grouped by subjects against their totals and shared denominators."""
    assert isinstance(record, Assessment)  # noqa: S101 - the engine passes only assessments
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, result in enumerate(record.results):
        groups.setdefault(tuple(sorted(result.subjects)), []).append(index)
    totals = {tuple(sorted(total.subjects)): total for total in record.totals}
    for subjects, indexes in groups.items():
        values = [_exact(record.results[index].quantity) for index in indexes]
        if None in values:
            continue
        added = sum(value for value in values if value is not None)
        name = ", ".join(subjects) or "-"
        total = totals.get(subjects)
        expected = _exact(total.quantity) if total is not None else None
        if expected is not None and added != expected:
            pointer = f"/totals/{record.totals.index(total)}/quantity/value"
            params = {"subjects": name, "sum": added, "expected": expected, "what": "total"}
            yield Issue(pointer=pointer, params=params)
        denominators = {
            (index, quantity.denominator)
            for index in indexes
            if (quantity := record.results[index].quantity) is not None
            and quantity.denominator is not None
        }
        for index, denominator in sorted(denominators):
            if added != denominator:
                yield Issue(
                    pointer=f"/results/{index}/quantity/denominator",
                    params={
                        "subjects": name,
                        "sum": added,
                        "expected": denominator,
                        "what": "denominator",
                    },
                )


@record_rule(
    code="V204",
    name="phase-outside-plan",
    severity="warning",
    title=("Phase outside its plan", "Giai đoạn nằm ngoài thời gian của kế hoạch"),
    explanation=(
        (
            "A plan's phase starts before the plan or ends after it. One of the periods is "
            "mistyped, or the phase belongs to another plan."
        ),
        (
            "Một giai đoạn của kế hoạch bắt đầu trước hoặc kết thúc sau kế hoạch. Thời gian bị "
            "ghi sai, hoặc giai đoạn thuộc kế hoạch khác."
        ),
    ),
    message=(
        "phase {number} ({phase}) is outside the plan ({plan})",
        "giai đoạn {number} ({phase}) nằm ngoài thời gian kế hoạch ({plan})",
    ),
    types=(Plan,),
)
def phase_outside_plan(record: Any, context: RuleContext) -> Iterator[Issue]:
    """Each phase within the plan's known bounds."""
    assert isinstance(record, Plan)  # noqa: S101 - the engine passes only plans (types=)
    start, end = bounds_v2(record.period)
    for index, phase in enumerate(record.phases):
        first, last = bounds_v2(phase.period)
        early = start is not None and first is not None and first < start
        late = end is not None and last is not None and last > end
        if early or late:
            yield Issue(
                pointer=f"/phases/{index}/period",
                params={
                    "number": phase.number if phase.number is not None else index + 1,
                    "phase": _span(first, last),
                    "plan": _span(start, end),
                },
            )


def _span(start: date | None, end: date | None) -> str:
    return f"{start or '?'} - {end or '?'}"


@record_rule(
    code="V205",
    name="phases-overlap",
    severity="info",
    title=("Phases overlap", "Các giai đoạn chồng lên nhau"),
    explanation=(
        (
            "Two phases of a plan share days as the source writes them ('3-6/2025' and "
            "'6-12/2025'). Often the source's own wording; keep it as written and say so."
        ),
        (
            "Hai giai đoạn của kế hoạch có chung ngày theo cách nguồn viết ('3-6/2025' và "
            "'6-12/2025'). Thường là do chính nguồn viết vậy; giữ nguyên và ghi chú lại."
        ),
    ),
    message=(
        "phase {number} starts on {start}, before phase {previous} ends on {end}",
        "giai đoạn {number} bắt đầu {start}, trước khi giai đoạn {previous} kết thúc {end}",
    ),
    types=(Plan,),
)
def phases_overlap(record: Any, context: RuleContext) -> Iterator[Issue]:
    """Phases in order of start, each starting after the previous one ends."""
    assert isinstance(record, Plan)  # noqa: S101 - the engine passes only plans (types=)
    known = []
    for index, phase in enumerate(record.phases):
        first, last = bounds_v2(phase.period)
        if first is not None and last is not None:
            number = phase.number if phase.number is not None else index + 1
            known.append((first, last, index, number))
    known.sort()
    for (_, end, _, previous), (start, _, index, number) in itertools.pairwise(known):
        if start <= end:
            yield Issue(
                pointer=f"/phases/{index}/period",
                params={"number": number, "start": start, "previous": previous, "end": end},
            )


#: An instrument in a scheme's ``basis`` column: "TT 124/2021/TT-BCA", "QĐ 510/QĐ-BCA-V05".
_INSTRUMENT = re.compile(r"\b[A-ZĐ]{2,3}\s+0*([0-9]+)\b")
_NUMBER = re.compile(r"[0-9]+")


@record_rule(
    code="V210",
    name="basis-not-the-scheme",
    severity="info",
    title=("Basis is not the scheme's instrument", "Căn cứ không phải văn bản của hình thức"),
    explanation=(
        (
            "The instrument the source cites for an assessment ('basis_as_written') is not the "
            "one the scheme's catalogue entry names (TT 124 cited for a grading whose levels "
            "belong to QĐ 510). Kept as the source says; check which scheme was applied."
        ),
        (
            "Văn bản nguồn trích làm căn cứ đánh giá ('basis_as_written') không phải văn bản "
            "mà danh mục ghi cho hình thức đó (dẫn TT 124 cho việc phân loại vốn theo QĐ 510). "
            "Giữ nguyên như nguồn viết; hãy kiểm tra hình thức nào đã được áp dụng."
        ),
    ),
    message=(
        "{basis!r} does not cite {expected} (scheme {scheme!r})",
        "{basis!r} không dẫn {expected} (hình thức {scheme!r})",
    ),
    types=(Assessment,),
)
def basis_not_the_scheme(record: Any, context: RuleContext) -> Iterator[Issue]:
    """The numbers of the scheme's instruments among the numbers of the cited basis."""
    assert isinstance(record, Assessment)  # noqa: S101 - the engine passes only assessments
    schemes = context.codelists_v2.get("assessment_schemes")
    entry = schemes.get(record.scheme) if schemes is not None else None
    if entry is None or record.basis_as_written is None:
        return
    basis = str(entry.extra.get("basis", ""))
    expected = {int(number) for number in _INSTRUMENT.findall(basis)}
    cited = {int(number) for number in _NUMBER.findall(record.basis_as_written)}
    if expected and not expected & cited:
        yield Issue(
            pointer="/basis_as_written",
            params={"basis": record.basis_as_written, "expected": basis, "scheme": record.scheme},
        )
