"""Rules on places: V108 (an administrative code's length fits its level), D009 (trees
through ``parent``: no loops, an area under a higher level) and D107 (assessed members at the
result's level).

D009 and D107 are written as facts and a join (issue #18). Kept: every record's id, in input
order, with the parent and level of an area, organisation, agreement or document (D009) or the
level of a 2.0 area or organisation (D107); for D009 the chains' links and the areas'
parents, for D107 the assessment results about levels -- all in stores that move to disk past
``SPILL_AFTER`` entries."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from antt_domain.model import Agreement, Area, AreaLevel, Organisation, OrganisationLevel, v2
from antt_domain.model.v2 import Assessment
from antt_domain.validation._facts import FactLog
from antt_domain.validation._records import Issue, Located, RuleContext, Spot
from antt_domain.validation._rules import dataset_rule, record_rule
from antt_domain.validation.rules._chains import FirstRecords, chain_loops, loop_issue

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
#: The same by level name, for 1.0 areas as D009 keeps them.
_PARENT_LEVELS_BY_NAME = {
    level.value: tuple(p.value for p in up) for level, up in _PARENT_LEVELS.items()
}


#: The same by level name, for 2.0 areas; a region may hold provinces, under the country.
_PARENT_LEVELS_V2: dict[str, tuple[str, ...]] = {
    **_PARENT_LEVELS_BY_NAME,
    "province": ("country", "region"),
    "region": ("country",),
}

#: The kinds of record in trees through ``parent``, each its own tree (D009), by number.
_TREES: tuple[type, ...] = (Area, Organisation, Agreement, v2.Area, v2.Organisation, v2.Document)
_TREE = {cls: number for number, cls in enumerate(_TREES)}
#: The numbers of the 1.0 and the 2.0 areas, whose parents' levels D009 checks.
_AREA, _AREA_V2 = _TREE[Area], _TREE[v2.Area]

#: D009's facts of a record in a tree: (its kind's number, id, parent, level name or None).
_TreeFacts = tuple[int, str, str | None, str | None]
#: What D009 keeps of the first record in a tree with an id: (kind, parent, level, its Spot
#: when it has a parent -- only there can a loop close).
_Node = tuple[int, str | None, str | None, Spot | None]


class _Hierarchy:
    """No parent loops (areas, organisations, agreements of 1.0; areas, organisations,
    documents of 2.0; each kind its own tree); an area's parent a level or two up.

    Kept: of each record in a tree, its id, number, kind, parent, level and (with a parent)
    Spot (:class:`FirstRecords`: at the end, only the first record of each parent named is
    looked up, by the run's ids); the (id, parent) of each record with a parent, by kind, to
    walk the chains; the Spot, kind, parent and level of each area with a parent
    (:class:`FactLog` each). Other records have no facts.
    """

    @staticmethod
    def facts(item: Located, context: RuleContext) -> _TreeFacts | None:
        tree = _TREE.get(type(item.record))
        if tree is None:
            return None
        node: Any = item.record  # one of _TREES: all have a parent
        level = node.level.value if tree in (_AREA, _AREA_V2) and node.level is not None else None
        return (tree, node.id, node.parent, level)

    def start(self, context: RuleContext) -> None:
        self.first: FirstRecords[_Node] = FirstRecords(context)
        self.chains = [FactLog[tuple[str, str]]() for _ in _TREES]
        self.areas: FactLog[tuple[Spot, int, str, str]] = FactLog()

    def take(self, spot: Spot, facts: _TreeFacts) -> None:
        tree, record_id, parent, level = facts
        self.first.add(spot, (tree, parent, level, spot if parent else None))
        if parent:
            self.chains[tree].append((record_id, parent))
        if parent is not None and level is not None:
            self.areas.append((spot, tree, parent, level))

    def _parents(self) -> Iterator[str]:
        """Every parent named (the ids the join asks for)."""
        for chain in self.chains:
            for _, parent in chain:
                yield parent
        for _, _, parent, _ in self.areas:
            yield parent

    def _reach(self, tree: int) -> Callable[[str], tuple[str, str | None] | None]:
        def reach(target: str) -> tuple[str, str | None] | None:
            found = self.first.get(target)
            return None if found is None or found[0] != tree else (target, found[1])

        return reach

    def end(self) -> Iterator[Issue]:
        self.first.settle(self._parents())
        try:
            for tree, chain in enumerate(self.chains):
                for loop, again in chain_loops(chain, self._reach(tree)):
                    closing = self.first.get(again)  # reached, so kept; in a loop, so linked
                    if closing is not None and closing[3] is not None:
                        yield loop_issue("parent", loop, again, closing[3])
            for spot, tree, parent_id, level in self.areas:
                parent = self.first.get(parent_id)
                if parent is None or parent[0] != tree or parent[2] is None:
                    continue
                above = _PARENT_LEVELS_BY_NAME if tree == _AREA else _PARENT_LEVELS_V2
                if parent[2] not in above[level]:
                    yield Issue(
                        at=spot,
                        pointer="/parent",
                        params={
                            "detail": f"a {level} cannot be under a {parent[2]}",
                            "detail_vi": f"cấp {level} không thể thuộc cấp {parent[2]}",
                        },
                    )
        finally:
            self.first.close()
            for chain in self.chains:
                chain.close()
            self.areas.close()


hierarchy = dataset_rule(
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
)(_Hierarchy)


#: Result subjects that name a level of area or organisation.
_LEVELS = frozenset(level.value for level in v2.AreaLevel) | frozenset(
    level.value for level in OrganisationLevel
)

#: D107's facts of a result about levels: (its number, the levels (sorted), its members).
_Result = tuple[int, tuple[str, ...], tuple[str, ...]]


class _MemberLevel:
    """Members of a 2.0 assessment result about levels (its subjects) are at one of them.

    Kept: the id, number and level name ("" for none) of each 2.0 area or organisation
    (:class:`FirstRecords`: at the end, only the first record of each member named is looked
    up, by the run's ids); the Spot and the results about levels (number, levels, members) of
    each assessment with some (a :class:`FactLog`). Other records have no facts.
    """

    @staticmethod
    def facts(
        item: Located, context: RuleContext
    ) -> tuple[str, str] | tuple[str, tuple[_Result, ...]] | None:
        record = item.record
        if isinstance(record, (v2.Area, v2.Organisation)):
            return (record.id, record.level.value if record.level is not None else "")
        if not isinstance(record, Assessment):
            return None
        results = []
        for number, result in enumerate(record.results):
            levels = {subject for subject in result.subjects if subject in _LEVELS}
            if levels and result.members:
                results.append((number, tuple(sorted(levels)), result.members))
        return (record.id, tuple(results)) if results else None

    def start(self, context: RuleContext) -> None:
        self.first: FirstRecords[str] = FirstRecords(context)
        self.assessments: FactLog[tuple[Spot, tuple[_Result, ...]]] = FactLog()

    def take(self, spot: Spot, facts: tuple[str, str] | tuple[str, tuple[_Result, ...]]) -> None:
        if isinstance(facts[1], str):
            self.first.add(spot, facts[1])
        else:
            self.assessments.append((spot, facts[1]))

    def end(self) -> Iterator[Issue]:
        self.first.settle(
            member
            for _, results in self.assessments
            for _, _, members in results
            for member in members
        )
        try:
            for spot, results in self.assessments:
                for number, levels, members in results:
                    for index, member_id in enumerate(members):
                        level = self.first.get(member_id)
                        if level and level not in levels:
                            yield Issue(
                                at=spot,
                                pointer=f"/results/{number}/members/{index}",
                                params={
                                    "member": member_id,
                                    "level": level,
                                    "subjects": ", ".join(levels),
                                },
                            )
        finally:
            self.first.close()
            self.assessments.close()


member_level = dataset_rule(
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
)(_MemberLevel)
