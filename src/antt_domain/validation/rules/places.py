"""Rules on places: V108 (an administrative code's length fits its level), D009 (trees
through ``parent``: no loops, an area under a higher level) and D107 (assessed members at the
result's level)."""

from __future__ import annotations

from collections.abc import Iterator

from antt_domain.model import Agreement, Area, AreaLevel, Organisation, OrganisationLevel, v2
from antt_domain.model.v2 import Assessment
from antt_domain.validation._rules import (
    Issue,
    Located,
    RecordSet,
    RuleContext,
    dataset_rule,
    record_rule,
)
from antt_domain.validation.rules._cycles import chain_loops

__all__ = ["code_length", "hierarchy", "member_level"]


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


_PARENT_LEVELS = {
    AreaLevel.VILLAGE: (AreaLevel.COMMUNE,),
    AreaLevel.COMMUNE: (AreaLevel.DISTRICT, AreaLevel.PROVINCE),
    AreaLevel.DISTRICT: (AreaLevel.PROVINCE,),
    AreaLevel.PROVINCE: (AreaLevel.COUNTRY,),
    AreaLevel.COUNTRY: (),
}


#: The same by level name, for 2.0 areas; a region may hold provinces, under the country.
_PARENT_LEVELS_V2: dict[str, tuple[str, ...]] = {
    **{level.value: tuple(p.value for p in up) for level, up in _PARENT_LEVELS.items()},
    "province": ("country", "region"),
    "region": ("country",),
}


def _parent_level_v2(item: Located, area: v2.Area, records: RecordSet) -> Iterator[Issue]:
    """D009's level check on a 2.0 area (one without a level is not judged)."""
    parent = records.get(area.parent) if area.parent is not None else None
    if not isinstance(parent, v2.Area) or area.level is None or parent.level is None:
        return
    if parent.level.value not in _PARENT_LEVELS_V2[area.level.value]:
        yield Issue(
            at=item,
            pointer="/parent",
            params={
                "detail": f"a {area.level.value} cannot be under a {parent.level.value}",
                "detail_vi": f"cấp {area.level.value} không thể thuộc cấp {parent.level.value}",
            },
        )


@dataset_rule(
    code="D009",
    name="broken-hierarchy",
    severity="error",
    title=("Broken hierarchy", "Quan hệ cấp trên - cấp dưới sai"),
    explanation=(
        (
            "Areas, organisations and agreements form trees through 'parent': a chain must not "
            "loop, and an area's parent must be of a higher level (a commune under a district, or "
            "under a province after the 2025 reform)."
        ),
        (
            "Địa bàn, cơ quan và văn bản tạo thành cây qua 'parent': chuỗi không được lặp vòng, và "
            "cấp trên của một địa bàn phải ở cấp cao hơn (xã thuộc huyện, hoặc thuộc tỉnh sau "
            "năm 2025)."
        ),
    ),
    message=("{detail}", "{detail_vi}"),
)
def hierarchy(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """No parent cycles; area parents one or two levels up."""
    for cls in (Area, Organisation, Agreement, v2.Area, v2.Organisation, v2.Document):
        yield from chain_loops(records, "parent", (cls,))
    for item in records:
        area = item.record
        if isinstance(area, v2.Area):
            yield from _parent_level_v2(item, area, records)
            continue
        if not isinstance(area, Area) or area.parent is None:
            continue
        parent = records.get(area.parent)
        if isinstance(parent, Area) and parent.level not in _PARENT_LEVELS[area.level]:
            yield Issue(
                at=item,
                pointer="/parent",
                params={
                    "detail": f"a {area.level.value} cannot be under a {parent.level.value}",
                    "detail_vi": f"cấp {area.level.value} không thể thuộc cấp {parent.level.value}",
                },
            )


#: Result subjects that name a level of area or organisation.
_LEVELS = frozenset(level.value for level in v2.AreaLevel) | frozenset(
    level.value for level in OrganisationLevel
)


@dataset_rule(
    code="D107",
    name="member-of-wrong-level",
    severity="warning",
    title=("Member at another level", "Đơn vị được đánh giá khác cấp"),
    explanation=(
        (
            "An assessment result for districts (its subjects) should list district areas or "
            "organisations as its members: a member at another level (a commune among "
            "districts) is a wrong id or a wrong subject."
        ),
        (
            "Kết quả đánh giá của các huyện (đối tượng) phải liệt kê các địa bàn hay cơ quan "
            "cấp huyện: một đơn vị khác cấp (xã lẫn trong huyện) là ghi sai mã hoặc sai đối "
            "tượng."
        ),
    ),
    message=(
        "{member!r} is at level {level!r}, the result is for {subjects}",
        "{member!r} ở cấp {level!r}, kết quả dành cho {subjects}",
    ),
)
def member_level(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Members of a result about levels are at one of those levels."""
    for item in records:
        record = item.record
        if not isinstance(record, Assessment):
            continue
        for number, result in enumerate(record.results):
            levels = {subject for subject in result.subjects if subject in _LEVELS}
            if not levels or not result.members:
                continue
            for index, member_id in enumerate(result.members):
                member = records.get(member_id)
                level = member.level if isinstance(member, (v2.Area, v2.Organisation)) else None
                if level is not None and level.value not in levels:
                    yield Issue(
                        at=item,
                        pointer=f"/results/{number}/members/{index}",
                        params={
                            "member": member_id,
                            "level": level.value,
                            "subjects": ", ".join(sorted(levels)),
                        },
                    )
