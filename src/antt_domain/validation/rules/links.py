"""Built-in rules on the links between 2.0 figures (D101-D106).

Each runs in one pass over the records, keeping only ids and keys; the records themselves are
looked up in the :class:`RecordSet` when a pair has to be compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from antt_domain.model.v2 import Dataset, Figure, LinkRelation, Quantity
from antt_domain.validation._rules import (
    Issue,
    Located,
    RecordSet,
    RuleContext,
    dataset_rule,
)
from antt_domain.validation.rules._cycles import cycles
from antt_domain.validation.rules._walk_v2 import (
    dimension_of,
    figure_links,
    links_of,
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


def _declared(records: RecordSet) -> dict[tuple[str, str], Any]:
    declared: dict[tuple[str, str], Any] = {}
    for _, document in records.documents:
        if isinstance(document, Dataset):
            declared.update(vocabulary_of(document))
    return declared


_DIMENSION_RELATIONS = (LinkRelation.PART_OF, LinkRelation.VERSION_OF, LinkRelation.SHARE_OF)


@dataset_rule(
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
)
def part_in_other_unit(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """The units at both ends of part_of, version_of and share_of have one dimension."""
    declared = _declared(records)
    for link in figure_links(records):
        rel, mine, theirs = link.rel, link.figure.quantity, link.other.quantity
        if rel not in _DIMENSION_RELATIONS or mine is None or theirs is None:
            continue
        unit = mine.unit
        if rel is LinkRelation.SHARE_OF and mine.base_unit is not None:
            unit = mine.base_unit
        elif rel is LinkRelation.SHARE_OF and unit == "percent":
            continue
        dimension = dimension_of(unit, context.codelists_v2, declared)
        other_dimension = dimension_of(theirs.unit, context.codelists_v2, declared)
        if None in (dimension, other_dimension) or dimension == other_dimension:
            continue
        yield Issue(
            at=link.at,
            pointer=f"/links/{link.index}",
            params={
                "rel": rel.value,
                "to": link.target,
                "unit": unit,
                "dimension": dimension,
                "other_unit": theirs.unit,
                "other_dimension": other_dimension,
            },
        )


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


@dataset_rule(
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
)
def link_cycle(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Each cycle once, at the first of its figures in input order."""
    graph: dict[str, list[str]] = {}
    first_at: dict[str, Located] = {}
    order: dict[str, int] = {}
    for item, _, rel, target in links_of(records):
        first_at.setdefault(item.record.id, item)
        order.setdefault(item.record.id, len(order))
        if rel in _CYCLE_RELATIONS and target != item.record.id:
            graph.setdefault(item.record.id, []).append(target)
    for loop, again in cycles(graph, lambda node: graph.get(node, ()), str):
        yield Issue(
            at=first_at[min(loop, key=order.__getitem__)],
            pointer="/links",
            params={"cycle": " -> ".join([*loop, again])},
        )


@dataset_rule(
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
)
def link_to_non_figure(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Link targets are other figures."""
    for item, index, rel, target in links_of(records):
        if target == item.record.id:
            problem, problem_vi = "a figure linked to itself", "số liệu liên kết tới chính nó"
        else:
            other = records.get(target)
            if other is None or isinstance(other, Figure):
                continue
            kind = getattr(other, "TYPE", type(other).__name__)
            problem, problem_vi = f"a {kind}, not a figure", f"là {kind}, không phải số liệu"
        yield Issue(
            at=item,
            pointer=f"/links/{index}/to",
            params={"rel": rel.value, "to": target, "problem": problem, "problem_vi": problem_vi},
        )


def _overlap(first: Quantity, second: Quantity) -> bool | None:
    """Whether two quantities may be the same number (``None``: a vague one, cannot tell)."""
    a, b = value_bounds(first), value_bounds(second)
    if a is None or b is None:
        return None
    low, low_in = (a[0], a[2]) if (a[0], not a[2]) > (b[0], not b[2]) else (b[0], b[2])
    high, high_in = (a[1], a[3]) if (a[1], a[3]) < (b[1], b[3]) else (b[1], b[3])
    return low < high or (low == high and low_in and high_in)


@dataset_rule(
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
)
def versions_disagree(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """version_of pairs agree in kind, unit and possible value."""
    for link in figure_links(records):
        if link.rel is not LinkRelation.VERSION_OF:
            continue
        figure, other = link.figure, link.other
        mine, theirs = figure.quantity, other.quantity
        if figure.kind != other.kind:
            kinds = f"{figure.kind!r}, {other.kind!r}"
            detail = (f"kinds {kinds}", f"loại {kinds}")
        elif mine is not None and theirs is not None and mine.unit != theirs.unit:
            units = f"{mine.unit!r}, {theirs.unit!r}"
            detail = (f"units {units}", f"đơn vị {units}")
        elif mine is not None and theirs is not None and _overlap(mine, theirs) is False:
            words = f"{mine.as_written or mine.value!r}, {theirs.as_written or theirs.value!r}"
            detail = (f"values {words} cannot be equal", f"giá trị {words} không thể bằng nhau")
        else:
            continue
        yield Issue(
            at=link.at,
            pointer=f"/links/{link.index}",
            params={"to": link.target, "detail": detail[0], "detail_vi": detail[1]},
        )


@dataset_rule(
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
)
def version_of_a_version(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Targets of version_of are not versions themselves."""
    for link in figure_links(records):
        if link.rel is not LinkRelation.VERSION_OF:
            continue
        main = next((k.to for k in link.other.links if k.rel is LinkRelation.VERSION_OF), None)
        if isinstance(main, str) and main != link.figure.id:
            yield Issue(
                at=link.at,
                pointer=f"/links/{link.index}/to",
                params={"to": link.target, "main": main},
            )


@dataset_rule(
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
)
def fewer_members(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """At most as many groups as members."""
    for link in figure_links(records):
        members, groups = link.figure, link.other
        if link.rel is not LinkRelation.MEMBERS_OF:
            continue
        if members.quantity is None or groups.quantity is None:
            continue
        mine, theirs = value_bounds(members.quantity), value_bounds(groups.quantity)
        if mine is not None and theirs is not None and mine[1] < theirs[0]:
            yield Issue(
                at=link.at,
                pointer="/quantity/value",
                params={
                    "members": members.quantity.as_written or members.quantity.value,
                    "groups": groups.quantity.as_written or groups.quantity.value,
                    "to": link.target,
                },
            )
