"""Built-in rules on the quantities and periods of one 2.0 record (V201, V206, V207, V209 of
``docs/schema-2-design.md`` section 8; awards, assessments and plans are in ``_plans_v2``).

Each looks at one record of :mod:`antt_domain.model.v2` and the 2.0 codelists
(``context.codelists_v2``). V211 (an actor naming no one) has no rule here: the schema and the
model already refuse such an actor, so no sound record can carry one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from antt_domain.model.v2 import (
    RECORD_CLASSES,
    Assessment,
    Award,
    Document,
    Duration,
    Figure,
    LengthUnit,
    Plan,
    Precision,
)
from antt_domain.validation._records import Issue, RuleContext
from antt_domain.validation._rules import record_rule
from antt_domain.validation.rules._walk_v2 import periods_of, quantities_of

__all__ = ["counted_fits", "duration_disagrees", "inferred_without_basis", "vague_and_number"]

#: Every 2.0 record type that may hold a quantity or a period somewhere inside it.
_WITH_QUANTITIES = (Figure, Award, Assessment, Plan, Document)
_WITH_PERIODS = RECORD_CLASSES

_VAGUE_WORDS = re.compile(
    r"(?<!\w)(nhiều|vài|một số|hàng loạt|"
    r"hàng (?:chục|trăm|nghìn|ngàn|vạn|chục nghìn|chục ngàn|trăm nghìn|trăm ngàn|triệu|tỷ|tỉ))"
    r"(?!\w)",
)


@record_rule(
    code="V201",
    name="vague-and-number",
    severity="warning",
    title=("Vague words with a number", "Lời văn ước lượng nhưng có số cụ thể"),
    explanation=(
        (
            "The source's words are a vague amount ('nhiều', 'hàng nghìn') but the quantity has "
            "a value: a number was invented, or the words belong to another figure. Keep the "
            "amount vague (precision 'vague' with a magnitude) or fix the words."
        ),
        (
            "Lời văn nguồn là một lượng ước chừng ('nhiều', 'hàng nghìn') nhưng số liệu lại có "
            "giá trị: con số đã bị tự đặt ra, hoặc lời văn thuộc số liệu khác. Hãy để lượng "
            "ước chừng (precision 'vague' kèm magnitude) hoặc sửa lời văn."
        ),
    ),
    message=(
        "{as_written!r} is vague ({word!r}) but the value is {value}",
        "{as_written!r} là lượng ước chừng ({word!r}) nhưng giá trị là {value}",
    ),
    types=_WITH_QUANTITIES,
)
def vague_and_number(record: Any, context: RuleContext) -> Iterator[Issue]:
    """A quantity whose words are vague yet which carries a value."""
    for pointer, quantity in quantities_of(record):
        if quantity.value is None or quantity.as_written is None:
            continue
        words = unicodedata.normalize("NFC", quantity.as_written).casefold()
        found = _VAGUE_WORDS.search(words)
        if found is not None and not any(char.isdigit() for char in words):
            yield Issue(
                pointer=f"{pointer}/value",
                params={
                    "as_written": quantity.as_written,
                    "word": found.group(1),
                    "value": quantity.value,
                },
            )


#: Unit dimensions a counting word or a counted thing may go with.
_COUNTABLE = frozenset({"count", "attendance", "unknown"})


@record_rule(
    code="V206",
    name="counted-does-not-fit",
    severity="warning",
    title=("Counted thing does not fit the unit", "Loại từ, đối tượng đếm không hợp đơn vị"),
    explanation=(
        (
            "A Vietnamese counting word ('04 khẩu súng') or a counted thing (gun, camera) goes "
            "with a count, yet the quantity's unit measures something else (money, mass, "
            "length, area, a share or a duration). The counted thing belongs to another figure, "
            "or the unit is wrong."
        ),
        (
            "Loại từ ('04 khẩu súng') hay đối tượng được đếm (súng, camera) đi với số đếm, "
            "nhưng đơn vị của số liệu lại đo thứ khác (tiền, khối lượng, chiều dài, diện tích, "
            "tỷ lệ, thời gian). Đối tượng đếm thuộc số liệu khác, hoặc đơn vị bị sai."
        ),
    ),
    message=(
        "{what} {code!r} with unit {unit!r} ({dimension})",
        "{what_vi} {code!r} đi với đơn vị {unit!r} ({dimension})",
    ),
    types=_WITH_QUANTITIES,
)
def counted_fits(record: Any, context: RuleContext) -> Iterator[Issue]:
    """Counting words and counted things only on quantities that count."""
    units = context.codelists_v2.get("units")
    if units is None:
        return
    for pointer, quantity in quantities_of(record):
        entry = units.get(quantity.unit)
        dimension = entry.extra.get("dimension") if entry is not None else None
        if dimension is None or dimension in _COUNTABLE:
            continue
        found = []
        if quantity.classifier is not None:
            found.append(("classifier", "loại từ", "/classifier", quantity.classifier))
        if dimension != "money":  # "86,9 tỷ đồng" of gifts names what the money bought
            for index, code in enumerate(quantity.counted):
                found.append(("counted thing", "đối tượng đếm", f"/counted/{index}", code))
        for what, what_vi, where, code in found:
            yield Issue(
                pointer=pointer + where,
                params={
                    "what": what,
                    "what_vi": what_vi,
                    "code": code,
                    "unit": quantity.unit,
                    "dimension": dimension,
                },
            )


#: Days in a unit of length, and how far a stated length may be from the dates it spans.
_DAYS = {LengthUnit.YEAR: 365.25, LengthUnit.MONTH: 30.44, LengthUnit.DAY: 1.0}
_SLACK = {LengthUnit.YEAR: 183.0, LengthUnit.MONTH: 16.0, LengthUnit.DAY: 1.0}


@record_rule(
    code="V207",
    name="duration-disagrees",
    severity="warning",
    title=(
        "Duration does not match its dates",
        "Khoảng thời gian không khớp ngày bắt đầu, kết thúc",
    ),
    explanation=(
        (
            "A duration ('10 năm') with a start and an end should last about that long between "
            "them, as its precision allows ('hơn 10 năm' may be longer). A date or the length "
            "is mistyped."
        ),
        (
            "Một khoảng thời gian ('10 năm') có ngày bắt đầu và kết thúc phải kéo dài xấp xỉ "
            "như vậy, theo độ chính xác đã ghi ('hơn 10 năm' có thể dài hơn). Ngày hoặc độ dài "
            "bị ghi sai."
        ),
    ),
    message=(
        "{start} - {end} is {days} days, not {length} {unit}",
        "{start} - {end} là {days} ngày, không phải {length} {unit}",
    ),
    types=_WITH_PERIODS,
)
def duration_disagrees(record: Any, context: RuleContext) -> Iterator[Issue]:
    """A duration's length against its own start and end."""
    for pointer, period in periods_of(record):
        if not isinstance(period, Duration) or period.start is None or period.end is None:
            continue
        length = period.length
        days = (period.end - period.start).days + 1
        expected = length.value * _DAYS[length.unit]
        slack = _SLACK[length.unit]
        precision = length.precision
        if precision in (Precision.ABOUT, Precision.NEARLY):
            slack *= 2
        if precision in (Precision.AT_LEAST, Precision.MORE_THAN):
            wrong = days < expected - slack
        elif precision in (Precision.AT_MOST, Precision.LESS_THAN):
            wrong = days > expected + slack
        else:
            wrong = abs(days - expected) > slack
        if wrong:
            yield Issue(
                pointer=f"{pointer}/length",
                params={
                    "start": period.start,
                    "end": period.end,
                    "days": days,
                    "length": length.value,
                    "unit": length.unit.value,
                },
            )


@record_rule(
    code="V209",
    name="inferred-without-basis",
    severity="info",
    title=("Inferred without a basis", "Suy ra nhưng không ghi căn cứ"),
    explanation=(
        (
            "A period marked 'inferred' (a year deduced from the page date) should say in "
            "'basis' what it was inferred from, so that a reader can check it."
        ),
        (
            "Thời gian được đánh dấu 'suy ra' (năm suy từ ngày đăng bài) cần ghi căn cứ "
            "('basis') để người đọc kiểm tra được."
        ),
    ),
    message=("inferred period without a basis", "thời gian suy ra nhưng không ghi căn cứ"),
    types=_WITH_PERIODS,
)
def inferred_without_basis(record: Any, context: RuleContext) -> Iterator[Issue]:
    """Every inferred period says from what."""
    for pointer, period in periods_of(record):
        if period.inferred and period.basis is None:
            yield Issue(pointer=f"{pointer}/inferred")
