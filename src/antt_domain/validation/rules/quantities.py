"""V102-V106: the quantities of one record -- whole counts, units that fit the kind,
participants and sessions, shares, and the number as written."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from antt_domain.model import Activity, Outcome, v2
from antt_domain.validation._records import Issue, RuleContext
from antt_domain.validation._rules import record_rule
from antt_domain.validation.rules._quantities import V2_QUANTIFIED, dimension, quantities
from antt_domain.vi import VietnameseParseError, parse_quantity

__all__ = [
    "as_written_agrees",
    "fractional_count",
    "participants_vs_sessions",
    "share_bounds",
    "unit_fits_kind",
]


@record_rule(
    code="V102",
    name="fractional-count",
    severity="error",
    title=("Count that is not a whole number", "Số đếm không phải số nguyên"),
    explanation=(
        (
            "Sessions, persons, households and cases are counted in whole numbers. A value such "
            "as 1.838 is almost always the Vietnamese '1.838' (one thousand eight hundred "
            "thirty-eight) read with the dot as a decimal mark."
        ),
        (
            "Buổi, người, hộ, vụ việc được đếm bằng số nguyên. Giá trị như 1.838 gần như luôn là "
            "'1.838' (một nghìn tám trăm ba mươi tám) bị đọc nhầm dấu chấm thành dấu thập phân."
        ),
    ),
    message=(
        "{value} {unit} is not a whole number{hint}",
        "{value} {unit} không phải số nguyên{hint_vi}",
    ),
    types=(Activity, Outcome, *V2_QUANTIFIED),
)
def fractional_count(record: object, context: RuleContext) -> Iterator[Issue]:
    """Counts and attendances must be integers; suggest the thousands reading of a dot."""
    for pointer, quantity in quantities(record):
        numbers = (quantity.value, quantity.upper, quantity.denominator)
        if all(n is None or isinstance(n, int) for n in numbers):
            continue  # the common case: nothing fractional to look at
        if dimension(context, quantity.unit, record) not in ("count", "attendance"):
            continue
        for name in ("value", "upper", "denominator"):
            number = getattr(quantity, name)
            if number is None or isinstance(number, int) or number.is_integer():
                continue
            text = repr(number)
            whole, _, fraction = text.partition(".")
            hint = hint_vi = ""
            if len(fraction) == 3:
                hint = f"; if it was written '{whole}.{fraction}', it means {whole}{fraction}"
                hint_vi = f"; nếu viết '{whole}.{fraction}' thì là {whole}{fraction}"
            yield Issue(
                pointer=f"{pointer}/{name}",
                params={"value": text, "unit": quantity.unit, "hint": hint, "hint_vi": hint_vi},
            )


@record_rule(
    code="V103",
    name="unit-does-not-fit-kind",
    severity="warning",
    title=("Unit unusual for the kind", "Đơn vị không phù hợp với loại"),
    explanation=(
        (
            "Each activity and outcome kind is counted in a few units (mobile outreach in "
            "sessions, mediation in cases). Another unit is allowed but often means the figure was "
            "entered against the wrong kind, or participant-times were entered as persons."
        ),
        (
            "Mỗi loại hoạt động, kết quả được tính bằng một số đơn vị nhất định (tuyên truyền lưu "
            "động tính bằng buổi, hoà giải tính bằng vụ việc). Đơn vị khác vẫn được chấp nhận "
            "nhưng thường là nhập nhầm loại, hoặc nhập lượt người thành người."
        ),
    ),
    message=(
        "a {kind} is usually counted in {expected}, not {unit}",
        "{kind} thường được tính bằng {expected}, không phải {unit}",
    ),
    types=(Activity, Outcome, v2.Figure),
)
def unit_fits_kind(record: object, context: RuleContext) -> Iterator[Issue]:
    """The quantity's unit is one the kind's codelist entry expects (2.0: the ``units``
    column of ``figure_kinds``)."""
    if not isinstance(record, (Activity, Outcome, v2.Figure)) or record.quantity is None:
        return
    if isinstance(record, v2.Figure):
        if dimension(context, record.quantity.unit, record) == "percentage":
            return  # a 2.0 share of the kind (57,69 % of the teams): any kind has one
        codelist = context.codelists_v2.get("figure_kinds")
    else:
        name = "activity_kinds" if isinstance(record, Activity) else "outcome_kinds"
        codelist = context.codelists.get(name)
    entry = codelist.get(record.kind) if codelist else None
    expected = entry.extra.get("units") if entry else None
    if not expected or record.quantity.unit in expected:
        return
    yield Issue(
        pointer="/quantity/unit",
        params={"kind": record.kind, "unit": record.quantity.unit, "expected": ", ".join(expected)},
    )


@record_rule(
    code="V104",
    name="participants-fewer-than-sessions",
    severity="warning",
    title=("Fewer participants than sessions", "Số người tham gia ít hơn số buổi"),
    explanation=(
        (
            "Every session has at least one participant, so participants (persons or "
            "participant-times) cannot be fewer than the sessions they attended."
        ),
        (
            "Mỗi buổi có ít nhất một người tham gia, nên số người (hoặc lượt người) tham gia "
            "không thể ít hơn số buổi."
        ),
    ),
    message=(
        "{participants} participants for {sessions} sessions",
        "{participants} người tham gia cho {sessions} buổi",
    ),
    types=(Activity, v2.Figure),
)
def participants_vs_sessions(record: object, context: RuleContext) -> Iterator[Issue]:
    """An activity's (2.0: a figure's) participants are at least its sessions."""
    if not isinstance(record, (Activity, v2.Figure)):
        return
    sessions, participants = record.quantity, record.participants
    if sessions is None or participants is None:
        return
    if sessions.unit != "session" or sessions.precision.value != "exact":
        return
    if sessions.value is None or participants.value is None:
        return  # 2.0: a vague quantity has no value
    if participants.value < sessions.value:
        yield Issue(
            pointer="/participants/value",
            params={"participants": participants.value, "sessions": sessions.value},
        )


@record_rule(
    code="V105",
    name="share-out-of-bounds",
    severity="warning",
    title=("Share above its whole", "Tỉ lệ vượt quá tổng thể"),
    explanation=(
        (
            "A percentage above 100 or a ratio whose part exceeds its whole ('10/9 khu dân cư') is "
            "usually a typing mistake; growth rates belong in their own kind."
        ),
        (
            "Tỉ lệ phần trăm trên 100 hoặc tỉ số có tử lớn hơn mẫu ('10/9 khu dân cư') thường là "
            "lỗi nhập; tốc độ tăng trưởng nên dùng loại riêng."
        ),
    ),
    message=("{value} is more than its whole {whole}", "{value} lớn hơn tổng thể {whole}"),
    types=(Activity, Outcome, *V2_QUANTIFIED),
)
def share_bounds(record: object, context: RuleContext) -> Iterator[Issue]:
    """Percentages at most 100; ratio numerators at most their denominators."""
    for pointer, quantity in quantities(record):
        if quantity.value is None:
            continue  # 2.0: a vague quantity has no value
        if quantity.unit == "percent" and quantity.value > 100:
            yield Issue(pointer=f"{pointer}/value", params={"value": quantity.value, "whole": 100})
        if quantity.denominator is not None and quantity.value > quantity.denominator:
            yield Issue(
                pointer=f"{pointer}/value",
                params={"value": quantity.value, "whole": quantity.denominator},
            )


@record_rule(
    code="V106",
    name="as-written-disagrees",
    severity="warning",
    title=("Figure differs from its words", "Số liệu khác với nguyên văn"),
    explanation=(
        (
            "When a figure keeps the source's words ('as_written'), the value and precision must "
            "say the same: '1.838 buổi' is 1838 exact, 'hơn 300' is 300 'more than'."
        ),
        (
            "Khi số liệu giữ nguyên văn của nguồn ('as_written'), giá trị và độ chính xác phải "
            "khớp: '1.838 buổi' là 1838 chính xác, 'hơn 300' là 300 'hơn'."
        ),
    ),
    message=(
        "{as_written!r} reads as {read}, but the figure says {stated}",
        "{as_written!r} được đọc là {read}, nhưng số liệu ghi {stated}",
    ),
    types=(Activity, Outcome, *V2_QUANTIFIED),
)
def as_written_agrees(record: object, context: RuleContext) -> Iterator[Issue]:
    """Parse as_written the Vietnamese way and compare it with the stored figure."""
    for pointer, quantity in quantities(record):
        if quantity.as_written is None or quantity.value is None:
            continue
        try:
            parsed = parse_quantity(quantity.as_written)
        except VietnameseParseError:
            continue  # words we cannot read are kept, not judged
        stated_value = (
            Decimal(repr(quantity.value))
            if isinstance(quantity.value, float)
            else Decimal(quantity.value)
        )
        if parsed.is_percent and quantity.unit != "percent":
            continue
        if Decimal(parsed.value) != stated_value or parsed.precision != quantity.precision.value:
            yield Issue(
                pointer=f"{pointer}/value",
                params={
                    "as_written": quantity.as_written,
                    "read": f"{parsed.value} ({parsed.precision})",
                    "stated": f"{quantity.value} ({quantity.precision.value})",
                },
            )
