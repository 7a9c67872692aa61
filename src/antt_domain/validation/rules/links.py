"""Built-in rules on the links between 2.0 figures (D101-D106), written as facts and a join
(:class:`~antt_domain.validation.FactLifecycle`): no rule keeps a record.

Each figure gives, where it is read, its links (as plain values) and the little the rules
compare of it (units, kind, value bounds); every other record gives nothing (D103: its kind),
though a link's target is the FIRST record with that id: the engine files every record's id
and number (``RecordIds``). Kept (in fact stores, which spill to disk): each figure's summary
and number in input order (``rules._chains.FirstRecords``: the first record of each id a link
names is found at the end); the :class:`Spot`, summary and links of each
linking figure in a :class:`FactLog`. At the end each link is joined with its target's
summary, in input order (the join: ``rules._figure_join``). D102 keeps its link graph in a
``FactGraph`` (``rules._cycles``) and walks it at the end; D101 also keeps the units declared
by the datasets' vocabularies (a dict: bounded by the vocabularies).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from antt_domain.model import Codelist
from antt_domain.model.v2 import Dataset, Figure, LinkRelation
from antt_domain.validation._facts import FactIndex, FactLog
from antt_domain.validation._records import Issue, Located, RuleContext, Spot
from antt_domain.validation._rules import dataset_rule
from antt_domain.validation.rules._chains import FirstRecords
from antt_domain.validation.rules._cycles import FactGraph
from antt_domain.validation.rules._figure_join import FigureJoin, Summary, join_facts
from antt_domain.validation.rules._walk_v2 import (
    FigureEdge,
    dimension_of,
    figure_edges,
    value_bounds,
    vocabulary_of,
)

__all__ = [
    "fewer_members",
    "link_cycle",
    "link_to_non_figure",
    "part_in_other_unit",
    "version_of_a_version",
    "versions_disagree",
]

_DIMENSION_RELATIONS = (LinkRelation.PART_OF, LinkRelation.VERSION_OF, LinkRelation.SHARE_OF)


def _units(figure: Figure) -> Summary:
    quantity = figure.quantity
    return () if quantity is None else (quantity.unit, quantity.base_unit)


class PartInOtherUnit(FigureJoin):
    """D101: the units at both ends of part_of, version_of and share_of have one dimension.

    Kept: as :class:`FigureJoin`, a figure's summary being its (unit, base unit); and the
    units the datasets' vocabularies declare (a dict: bounded by the vocabularies, not by the
    records). Dimensions are looked up at the end, once every vocabulary is known."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[Summary, tuple[FigureEdge, ...]] | None:
        return join_facts(item, _DIMENSION_RELATIONS, _units)

    def start(self, context: RuleContext) -> None:
        super().start(context)
        self.codelists: Mapping[str, Codelist] = context.codelists_v2
        self.declared: dict[tuple[str, str], Any] = {}

    def document(self, path: str, dataset: object) -> None:
        if isinstance(dataset, Dataset):
            found = vocabulary_of(dataset)
            self.declared.update((key, code) for key, code in found.items() if key[0] == "units")

    def compare(self, spot: Spot, mine: Summary, edge: FigureEdge, theirs: Summary) -> Issue | None:
        if not mine or not theirs:
            return None
        index, rel, target = edge
        unit, base_unit = mine
        if rel == LinkRelation.SHARE_OF and base_unit is not None:
            unit = base_unit
        elif rel == LinkRelation.SHARE_OF and unit == "percent":
            return None
        other_unit = theirs[0]
        dimension = dimension_of(unit, self.codelists, self.declared)
        other_dimension = dimension_of(other_unit, self.codelists, self.declared)
        if None in (dimension, other_dimension) or dimension == other_dimension:
            return None
        return Issue(
            at=spot,
            pointer=f"/links/{index}",
            params={
                "rel": rel,
                "to": target,
                "unit": unit,
                "dimension": dimension,
                "other_unit": other_unit,
                "other_dimension": other_dimension,
            },
        )


part_in_other_unit = dataset_rule(
    code="D101",
    name="part-in-other-unit",
    severity="warning",
    title=("Linked figures measure different things", "Số liệu liên kết đo những thứ khác nhau"),
    explanation=(
        (
            "A part ('trong đó'), a version or a share of a figure must measure the same thing "
            "as it: units of one dimension (counts with counts, money with money). A count "
            "'part of' a sum of money is a wrong link or a wrong unit."
        ),
        (
            "Phần ('trong đó'), phiên bản hay tỷ lệ của một số liệu phải đo cùng loại với nó: "
            "đơn vị cùng thứ nguyên (số đếm với số đếm, tiền với tiền). Một số đếm là 'phần' "
            "của một số tiền là liên kết sai hoặc đơn vị sai."
        ),
    ),
    message=(
        "{rel} {to!r}: {unit!r} ({dimension}) against {other_unit!r} ({other_dimension})",
        "{rel} {to!r}: {unit!r} ({dimension}) so với {other_unit!r} ({other_dimension})",
    ),
)(PartInOtherUnit)


_CYCLE_RELATIONS = frozenset(
    {
        LinkRelation.PART_OF,
        LinkRelation.FOLLOWS_FROM,
        LinkRelation.VERSION_OF,
        LinkRelation.MEMBERS_OF,
        LinkRelation.INSTANCES_OF,
        LinkRelation.PLACES_OF,
        LinkRelation.ACHIEVED_BY,
    }
)


class LinkCycle:
    """D102: each loop of part_of, follows_from, version_of, members_of, instances_of,
    places_of and achieved_by links once, at the first of its figures in input order.

    Kept: the graph of those links (each edge from a figure's id to a target id, a figure
    linking to itself left out) in a ``FactGraph``; the place in input order and the
    :class:`Spot` of the first figure of each id that has any link, in a :class:`FactIndex`.
    The graph is walked at the end."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[str, ...] | None:
        record = item.record
        if not isinstance(record, Figure) or not record.links:
            return None
        edges = figure_edges(record)
        if not edges:
            return None
        own = record.id
        return tuple(
            target for _, rel, target in edges if rel in _CYCLE_RELATIONS and target != own
        )

    def start(self, context: RuleContext) -> None:
        self.graph = FactGraph()
        self.first: FactIndex[tuple[int, Spot]] = FactIndex()

    def take(self, spot: Spot, facts: tuple[str, ...]) -> None:
        self.first.setdefault(spot.record_id, (len(self.first), spot))
        if facts:
            self.graph.add(spot.record_id, facts)

    def _first(self, node: str) -> tuple[int, Spot]:
        found = self.first.get(node)
        assert found is not None  # noqa: S101 - a node on a loop has a link, so it was taken
        return found

    def end(self) -> Iterator[Issue]:
        try:
            for loop, again in self.graph.loops():
                _, spot = min((self._first(node) for node in loop), key=lambda found: found[0])
                yield Issue(
                    at=spot, pointer="/links", params={"cycle": " -> ".join([*loop, again])}
                )
        finally:
            self.graph.close()
            self.first.close()


link_cycle = dataset_rule(
    code="D102",
    name="link-cycle",
    severity="error",
    title=("Links go round in a circle", "Liên kết giữa các số liệu tạo thành vòng"),
    explanation=(
        (
            "Following part_of, follows_from, version_of, members_of, instances_of, places_of "
            "or achieved_by links from a figure leads back to it: a figure cannot be part, "
            "version or consequence of itself. One link points the wrong way."
        ),
        (
            "Đi theo các liên kết part_of, follows_from, version_of, members_of, instances_of, "
            "places_of hoặc achieved_by từ một số liệu lại quay về chính nó: một số liệu không "
            "thể là phần, phiên bản hay hệ quả của chính nó. Có liên kết bị đặt ngược."
        ),
    ),
    message=("links go round: {cycle}", "liên kết tạo thành vòng: {cycle}"),
)(LinkCycle)


class LinkToNonFigure:
    """D103: link targets are other figures.

    Kept: the kind of every record (``""`` for a 2.0 figure) in input order
    (:class:`FirstRecords`: the first record of each id a link names is looked up at the
    end; every record has facts, at least its kind); the :class:`Spot` and links of each
    figure with links in a :class:`FactLog`, judged at the end in input order."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[FigureEdge, ...] | str:
        record = item.record
        if isinstance(record, Figure):
            return figure_edges(record)
        return str(getattr(record, "TYPE", type(record).__name__))

    def start(self, context: RuleContext) -> None:
        self.kinds: FirstRecords[str] = FirstRecords(context)
        self.linking: FactLog[tuple[Spot, tuple[FigureEdge, ...]]] = FactLog()

    def take(self, spot: Spot, facts: tuple[FigureEdge, ...] | str) -> None:
        if isinstance(facts, str):
            self.kinds.add(spot, facts)
            return
        self.kinds.add(spot, "")
        if facts:
            self.linking.append((spot, facts))

    def end(self) -> Iterator[Issue]:
        try:
            self.kinds.settle(target for _, edges in self.linking for _, _, target in edges)
            for spot, edges in self.linking:
                for index, rel, target in edges:
                    if target == spot.record_id:
                        problem = "a figure linked to itself"
                        problem_vi = "số liệu liên kết tới chính nó"
                    else:
                        kind = self.kinds.get(target)
                        if not kind:
                            continue
                        problem, problem_vi = (
                            f"a {kind}, not a figure",
                            f"là {kind}, không phải số liệu",
                        )
                    yield Issue(
                        at=spot,
                        pointer=f"/links/{index}/to",
                        params={
                            "rel": rel,
                            "to": target,
                            "problem": problem,
                            "problem_vi": problem_vi,
                        },
                    )
        finally:
            self.kinds.close()
            self.linking.close()


link_to_non_figure = dataset_rule(
    code="D103",
    name="link-to-non-figure",
    severity="error",
    title=("Link to something that is not a figure", "Liên kết tới bản ghi không phải số liệu"),
    explanation=(
        (
            "A figure's links ('trong đó', versions, shares ...) join figures: a link to an "
            "event, an organisation or a document, or from a figure to itself, is a wrong id. "
            "(A link to an id that does not exist is D002.)"
        ),
        (
            "Liên kết của số liệu ('trong đó', phiên bản, tỷ lệ ...) chỉ nối các số liệu: liên "
            "kết tới sự kiện, cơ quan, văn bản, hay tới chính nó là ghi sai mã. (Liên kết tới "
            "mã không tồn tại là D002.)"
        ),
    ),
    message=("{rel} {to!r}: {problem}", "{rel} {to!r}: {problem_vi}"),
)(LinkToNonFigure)


Bounds = tuple[float, float, bool, bool]


def _overlap(a: Bounds | None, b: Bounds | None) -> bool | None:
    """Whether two quantities (by their :func:`value_bounds`) may be the same number
    (``None``: a vague one, cannot tell)."""
    if a is None or b is None:
        return None
    low, low_in = (a[0], a[2]) if (a[0], not a[2]) > (b[0], not b[2]) else (b[0], b[2])
    high, high_in = (a[1], a[3]) if (a[1], a[3]) < (b[1], b[3]) else (b[1], b[3])
    return low < high or (low == high and low_in and high_in)


_VERSION_OF = (LinkRelation.VERSION_OF,)


def _kind_and_value(figure: Figure) -> Summary:
    quantity = figure.quantity
    if quantity is None:
        return (figure.kind,)
    shown = quantity.as_written or quantity.value
    return (figure.kind, quantity.unit, value_bounds(quantity), shown)


class VersionsDisagree(FigureJoin):
    """D104: version_of pairs agree in kind, unit and possible value.

    Kept: as :class:`FigureJoin`, a figure's summary being its kind and, if it has a
    quantity, its unit, value bounds and value as written."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[Summary, tuple[FigureEdge, ...]] | None:
        return join_facts(item, _VERSION_OF, _kind_and_value)

    def compare(self, spot: Spot, mine: Summary, edge: FigureEdge, theirs: Summary) -> Issue | None:
        both = len(mine) > 1 and len(theirs) > 1
        if mine[0] != theirs[0]:
            kinds = f"{mine[0]!r}, {theirs[0]!r}"
            detail = (f"kinds {kinds}", f"loại {kinds}")
        elif both and mine[1] != theirs[1]:
            units = f"{mine[1]!r}, {theirs[1]!r}"
            detail = (f"units {units}", f"đơn vị {units}")
        elif both and _overlap(mine[2], theirs[2]) is False:
            words = f"{mine[3]!r}, {theirs[3]!r}"
            detail = (f"values {words} cannot be equal", f"giá trị {words} không thể bằng nhau")
        else:
            return None
        index, _, target = edge
        return Issue(
            at=spot,
            pointer=f"/links/{index}",
            params={"to": target, "detail": detail[0], "detail_vi": detail[1]},
        )


versions_disagree = dataset_rule(
    code="D104",
    name="versions-disagree",
    severity="warning",
    title=("Versions of one figure disagree", "Các phiên bản của một số liệu không khớp"),
    explanation=(
        (
            "Two observations of one fact (version_of: the same figure printed by two outlets) "
            "should have the same kind and unit, and values that can be the same number given "
            "their precisions ('hơn 700' and '700' cannot). Often the outlets really differ: "
            "keep both as written and say so."
        ),
        (
            "Hai lần ghi nhận một sự việc (version_of: cùng số liệu do hai báo đưa) phải cùng "
            "loại, cùng đơn vị và có giá trị có thể là một số theo độ chính xác ('hơn 700' và "
            "'700' thì không thể). Thường là do các báo viết khác nhau: giữ nguyên cả hai và "
            "ghi chú lại."
        ),
    ),
    message=("differs from its version {to!r}: {detail}", "khác phiên bản {to!r}: {detail_vi}"),
)(VersionsDisagree)


def _main_version(figure: Figure) -> Summary:
    main = next((link.to for link in figure.links if link.rel is LinkRelation.VERSION_OF), None)
    return (main,) if isinstance(main, str) else ()


class VersionOfAVersion(FigureJoin):
    """D105: targets of version_of are not versions themselves.

    Kept: as :class:`FigureJoin`, a figure's summary being the target of its first
    version_of link (when that is one id)."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[Summary, tuple[FigureEdge, ...]] | None:
        return join_facts(item, _VERSION_OF, _main_version)

    def compare(self, spot: Spot, mine: Summary, edge: FigureEdge, theirs: Summary) -> Issue | None:
        if not theirs or theirs[0] == spot.record_id:
            return None
        index, _, target = edge
        return Issue(
            at=spot, pointer=f"/links/{index}/to", params={"to": target, "main": theirs[0]}
        )


version_of_a_version = dataset_rule(
    code="D105",
    name="version-of-a-version",
    severity="warning",
    title=("Version of a version", "Phiên bản của một phiên bản"),
    explanation=(
        (
            "A version_of link should point at the main observation of the fact, not at "
            "another version: a chain of versions hides which figure aggregation counts."
        ),
        (
            "Liên kết version_of cần trỏ tới lần ghi nhận chính của sự việc, không tới một "
            "phiên bản khác: chuỗi phiên bản làm khó biết số liệu nào được tổng hợp."
        ),
    ),
    message=(
        "{to!r} is itself a version of {main!r}; point at {main!r}",
        "{to!r} cũng là phiên bản của {main!r}; hãy trỏ tới {main!r}",
    ),
)(VersionOfAVersion)


_MEMBERS_OF = (LinkRelation.MEMBERS_OF,)


def _value(figure: Figure) -> Summary:
    quantity = figure.quantity
    if quantity is None:
        return ()
    return (value_bounds(quantity), quantity.as_written or quantity.value)


class FewerMembers(FigureJoin):
    """D106: at most as many groups as members.

    Kept: as :class:`FigureJoin`, a figure's summary being, if it has a quantity, its value
    bounds and its value as written."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[Summary, tuple[FigureEdge, ...]] | None:
        return join_facts(item, _MEMBERS_OF, _value)

    def compare(self, spot: Spot, mine: Summary, edge: FigureEdge, theirs: Summary) -> Issue | None:
        if not mine or not theirs:
            return None
        members, groups = mine[0], theirs[0]
        if members is None or groups is None or not members[1] < groups[0]:
            return None
        return Issue(
            at=spot,
            pointer="/quantity/value",
            params={"members": mine[1], "groups": theirs[1], "to": edge[2]},
        )


fewer_members = dataset_rule(
    code="D106",
    name="fewer-members-than-groups",
    severity="warning",
    title=("Fewer members than groups", "Số thành viên ít hơn số tổ, nhóm"),
    explanation=(
        (
            "A members_of figure counts the members of the groups another figure counts "
            "('1.200 tổ với 9.000 thành viên'): every group has at least one member, so fewer "
            "members than groups is a mistyped number or a wrong link."
        ),
        (
            "Số liệu members_of đếm thành viên của các tổ, nhóm mà số liệu kia đếm ('1.200 tổ "
            "với 9.000 thành viên'): mỗi tổ có ít nhất một thành viên, nên số thành viên ít "
            "hơn số tổ là gõ sai hoặc liên kết sai."
        ),
    ),
    message=(
        "{members} members for {groups} groups ({to!r})",
        "{members} thành viên cho {groups} tổ, nhóm ({to!r})",
    ),
)(FewerMembers)
