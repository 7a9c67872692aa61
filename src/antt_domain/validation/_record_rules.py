"""Built-in rules on one record (V codes)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from antt_domain.model import (
    Activity,
    Agreement,
    Area,
    AreaLevel,
    Codelist,
    ModelType,
    Organisation,
    Outcome,
    Quantity,
    Source,
    v2,
)
from antt_domain.validation._fields_v2 import OPEN_CODES_V2, quantities_v2
from antt_domain.validation._findings import Severity
from antt_domain.validation._rules import Issue, Rule, RuleContext, record_rule
from antt_domain.vi import VietnameseParseError, parse_quantity, parse_symbol

__all__ = ["RECORD_RULES"]

#: Open codelist fields of each record type: (attribute, codelist name).
_OPEN_CODES: dict[type, tuple[tuple[str, str], ...]] = {
    Organisation: (("kind", "organisation_kinds"),),
    ModelType: (("category", "model_types"),),
    Source: (("kind", "source_kinds"),),
    Activity: (("kind", "activity_kinds"), ("target_groups", "target_groups")),
    Outcome: (("kind", "outcome_kinds"), ("target_groups", "target_groups")),
}


#: The 2.0 record classes that hold quantities (V102, V105, V106).
_V2_QUANTIFIED = (v2.Figure, v2.Award, v2.Assessment, v2.Plan, v2.Document)


def _quantities(record: Any) -> list[tuple[str, Any]]:
    """``(pointer, quantity)`` of every quantity of a 1.0 or 2.0 record."""
    if not isinstance(record, (Activity, Outcome)):
        return quantities_v2(record)
    found: list[tuple[str, Quantity]] = []
    if record.quantity is not None:
        found.append(("/quantity", record.quantity))
    if isinstance(record, Activity) and record.participants is not None:
        found.append(("/participants", record.participants))
    return found


def _codelists(context: RuleContext, record: object) -> Mapping[str, Codelist]:
    """The codelists of the record's schema version."""
    return (
        context.codelists_v2
        if type(record).__module__.startswith(_V2_MODULE)
        else context.codelists
    )


_V2_MODULE = "antt_domain.model.v2"


def _dimension(context: RuleContext, unit: str, record: object) -> str | None:
    units = _codelists(context, record).get("units")
    entry = units.get(unit) if units else None
    dimension = entry.extra.get("dimension") if entry else None
    return dimension if isinstance(dimension, str) else None


@record_rule(
    code="V101",
    name="unknown-code",
    severity="warning",
    title=("Code not in its codelist", "Mã không có trong danh mục"),
    explanation=(
        (
            "Open codelists (kinds, units, target groups, ...) accept any well-formed code so that "
            "plugins can add codes, but a code that no installed codelist knows is most often a "
            "typo, and reports cannot label it."
        ),
        (
            "Danh mục mở (loại, đơn vị, đối tượng, ...) chấp nhận mọi mã đúng định dạng để plugin "
            "có thể bổ sung, nhưng mã không có trong danh mục nào thường là lỗi gõ và báo cáo "
            "không gọi được tên."
        ),
    ),
    message=(
        "{code!r} is not in the codelist {codelist}{hint}",
        "{code!r} không có trong danh mục {codelist}{hint_vi}",
    ),
    types=(*_OPEN_CODES, *OPEN_CODES_V2),
)
def unknown_code(record: object, context: RuleContext) -> Iterator[Issue]:
    """Codes of open codelists that no codelist (as extended by plugins) contains. In a 2.0
    record a namespaced code (``ns:code``) is left to the dataset's vocabulary."""
    codelists = _codelists(context, record)
    fields = _OPEN_CODES.get(type(record)) or OPEN_CODES_V2.get(type(record), ())
    if type(record) in OPEN_CODES_V2:
        fields = (*fields, *_actor_roles(record))
    for field, name in fields:
        value = getattr(record, field) if "/" not in field else _at(record, field)
        codelist = codelists.get(name)
        if value is None or codelist is None:
            continue
        if isinstance(value, tuple):
            for index, code in enumerate(value):
                if code not in codelist and not _namespaced(code):
                    yield _unknown(code, codelist, f"/{field}/{index}")
        elif value not in codelist and not _namespaced(value):
            yield _unknown(value, codelist, f"/{field}")
    units = codelists.get("units")
    if units is None:
        return
    for pointer, quantity in _quantities(record):
        if quantity.unit not in units and not _namespaced(quantity.unit):
            yield _unknown(quantity.unit, units, f"{pointer}/unit")
        base = quantity.base_unit
        if base is not None and base not in units and not _namespaced(base):
            yield _unknown(quantity.base_unit, units, f"{pointer}/base_unit")


def _namespaced(code: object) -> bool:
    """Whether ``code`` is a namespaced ``ns:code`` (2.0): a dataset vocabulary's, checked by
    the vocabulary rule, never V101 (1.0 codes have no colon)."""
    return isinstance(code, str) and ":" in code


def _actor_roles(record: object) -> tuple[tuple[str, str], ...]:
    """``(actors/N/role, roles)`` of each actor of a 2.0 record."""
    actors = getattr(record, "actors", ())
    return tuple((f"actors/{index}/role", "roles") for index in range(len(actors)))


def _at(record: object, field: str) -> Any:
    """The value at a field path (``kind``, ``actors/0/role``) of a record."""
    value: Any = record
    for part in field.split("/"):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    return value


#: A code longer than this gets no "did you mean" hint (codes are at most 64 characters by
#: the schema): difflib's work and memory grow with the text's length.
_HINT_CHARS = 128


def _unknown(code: object, codelist: Codelist, pointer: str) -> Issue:
    text = str(code)
    close = (
        difflib.get_close_matches(text, [c.code for c in codelist], n=1)
        if len(text) <= _HINT_CHARS
        else []
    )
    return Issue(
        pointer=pointer,
        params={
            "code": code,
            "codelist": codelist.name,
            "hint": f"; did you mean {close[0]!r}?" if close else "",
            "hint_vi": f"; có phải là {close[0]!r}?" if close else "",
        },
    )


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
    types=(Activity, Outcome, *_V2_QUANTIFIED),
)
def fractional_count(record: object, context: RuleContext) -> Iterator[Issue]:
    """Counts and attendances must be integers; suggest the thousands reading of a dot."""
    for pointer, quantity in _quantities(record):
        numbers = (quantity.value, quantity.upper, quantity.denominator)
        if all(n is None or isinstance(n, int) for n in numbers):
            continue  # the common case: nothing fractional to look at
        if _dimension(context, quantity.unit, record) not in ("count", "attendance"):
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
        if _dimension(context, record.quantity.unit, record) == "percentage":
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
    types=(Activity, Outcome, *_V2_QUANTIFIED),
)
def share_bounds(record: object, context: RuleContext) -> Iterator[Issue]:
    """Percentages at most 100; ratio numerators at most their denominators."""
    for pointer, quantity in _quantities(record):
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
    types=(Activity, Outcome, *_V2_QUANTIFIED),
)
def as_written_agrees(record: object, context: RuleContext) -> Iterator[Issue]:
    """Parse as_written the Vietnamese way and compare it with the stored figure."""
    for pointer, quantity in _quantities(record):
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


@record_rule(
    code="V107",
    name="document-symbol",
    severity="info",
    title=("Document symbol not in its normal form", "Số, ký hiệu văn bản chưa đúng chuẩn"),
    explanation=(
        (
            "Agreements are matched to their documents by number and symbol, which are written in "
            "many ways ('09/Ctr-BCA-TTTW', '09/CTR-BCA-MTTW'). A symbol that deviates from the "
            "Decree 30/2020 form is reported with its normal form; one that cannot be read at all "
            "is a warning."
        ),
        (
            "Văn bản phối hợp được đối chiếu qua số, ký hiệu, vốn được viết nhiều cách "
            "('09/Ctr-BCA-TTTW', '09/CTR-BCA-MTTW'). Ký hiệu lệch chuẩn Nghị định 30/2020 được "
            "báo kèm dạng chuẩn; ký hiệu không đọc được là cảnh báo."
        ),
    ),
    message=("{detail}", "{detail_vi}"),
    types=(Agreement, Source, v2.Document, v2.Source),
)
def document_symbol(record: object, context: RuleContext) -> Iterator[Issue]:
    """Agreement, document and source symbols parse; deviations name the normal form."""
    if not isinstance(record, (Agreement, Source, v2.Document, v2.Source)) or record.symbol is None:
        return
    try:
        symbol = parse_symbol(record.symbol)
    except VietnameseParseError as exc:
        yield Issue(
            pointer="/symbol",
            severity=Severity.WARNING,
            params={
                "detail": f"{record.symbol!r} cannot be read as a document symbol: {exc.reason}",
                "detail_vi": f"không đọc được ký hiệu văn bản {record.symbol!r}",
            },
        )
        return
    if symbol.deviations:
        kinds = ", ".join(sorted({d.code for d in symbol.deviations}))
        yield Issue(
            pointer="/symbol",
            params={
                "detail": f"{record.symbol!r} in normal form is {symbol.normal!r} ({kinds})",
                "detail_vi": f"{record.symbol!r} viết đúng chuẩn là {symbol.normal!r} ({kinds})",
            },
        )


_CODE_LENGTHS = {AreaLevel.PROVINCE: 2, AreaLevel.DISTRICT: 3, AreaLevel.COMMUNE: 5}
#: The same by level name, for 2.0 areas (whose levels are another enum).
_CODE_LENGTHS_BY_NAME = {level.value: length for level, length in _CODE_LENGTHS.items()}


@record_rule(
    code="V108",
    name="code-length-for-level",
    severity="warning",
    title=("Administrative code of the wrong length", "Mã đơn vị hành chính sai độ dài"),
    explanation=(
        (
            "General Statistics Office codes have 2 digits for a province, 3 for a district and 5 "
            "for a commune; another length usually means a code of another level was entered."
        ),
        (
            "Mã của Tổng cục Thống kê có 2 chữ số cho tỉnh, 3 cho huyện và 5 cho xã; độ dài khác "
            "thường là nhập nhầm mã của cấp khác."
        ),
    ),
    message=(
        "code {code} has {length} digits; a {level} code has {expected}",
        "mã {code} có {length} chữ số; mã cấp {level} có {expected}",
    ),
    types=(Area, v2.Area),
)
def code_length(record: object, context: RuleContext) -> Iterator[Issue]:
    """Area codes have the length of their level."""
    if not isinstance(record, (Area, v2.Area)) or record.code is None or record.level is None:
        return
    expected = _CODE_LENGTHS_BY_NAME.get(record.level.value)
    if expected is not None and len(record.code) != expected:
        yield Issue(
            pointer="/code",
            params={
                "code": record.code,
                "length": len(record.code),
                "level": record.level.value,
                "expected": expected,
            },
        )


#: The built-in rules on one record, in code order.
RECORD_RULES: tuple[Rule, ...] = (
    unknown_code,
    fractional_count,
    unit_fits_kind,
    participants_vs_sessions,
    share_bounds,
    as_written_agrees,
    document_symbol,
    code_length,
)
