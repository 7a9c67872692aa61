"""Rules on ids and references: D001 (an id names one record), D002 (a reference names a
record, with a "did you mean" hint) and D003 (of a type the field takes)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from antt_domain.model import Area, Organisation, Source, v2
from antt_domain.validation._rules import Issue, Located, RecordSet, RuleContext, dataset_rule
from antt_domain.validation.rules._references import pointer, references, type_names

__all__ = ["dangling_references", "duplicate_ids", "wrong_types"]


class _DuplicateIds:
    """Every later record with an id already seen and a content of its own: an identical
    copy of the first record with that id is the same record (issue #19). Kept: the first
    record of each id and where its id first came; given at the end, id by id in order of
    first appearance."""

    def start(self, context: RuleContext) -> None:
        self.first: dict[str, tuple[int, Located]] = {}
        self.later: dict[str, list[Located]] = {}

    def record(self, item: Located) -> None:
        record_id = item.record.id
        seen = self.first.get(record_id)
        if seen is None:
            self.first[record_id] = (len(self.first), item)
        elif item.record != seen[1].record:
            self.later.setdefault(record_id, []).append(item)

    def end(self) -> Iterator[Issue]:
        for record_id in sorted(self.later, key=lambda found: self.first[found][0]):
            first = self.first[record_id][1]
            for later in self.later[record_id]:
                yield Issue(
                    at=later,
                    pointer="/id",
                    params={"id": record_id, "first": f"{first.path} {first.pointer or '/'}"},
                )


duplicate_ids = dataset_rule(
    code="D001",
    name="duplicate-id",
    severity="error",
    title=("Duplicate id", "Mã định danh bị trùng"),
    explanation=(
        (
            "Records are referred to by id, so an id must name one record across everything "
            "validated together. Copies of one record with identical content (the same area "
            "or organisation in two years' files) are that one record, not a duplicate."
        ),
        (
            "Bản ghi được tham chiếu qua mã định danh, nên mỗi mã chỉ được dùng cho một bản ghi "
            "trong toàn bộ dữ liệu được kiểm tra cùng nhau. Các bản sao có nội dung giống hệt "
            "nhau của cùng một bản ghi (cùng địa bàn, tổ chức trong tệp của hai năm) là một "
            "bản ghi, không bị coi là trùng mã."
        ),
    ),
    message=(
        "id {id!r} is already used at {first}",
        "mã {id!r} đã được dùng tại {first}",
    ),
)(_DuplicateIds)


class _Hints:
    """'Did you mean' for dangling references: the closest id among records of the types
    the field takes, worked out once per missing id. Candidates are limited to ids of about
    the same length, and to :data:`_HINT_CANDIDATES` of them, so that a file whose every
    record points at missing records stays linear."""

    def __init__(self, records: RecordSet) -> None:
        self._records = records
        self._ids: dict[tuple[type, ...], dict[int, list[str]]] = {}
        self._found: dict[tuple[str, tuple[type, ...]], str | None] = {}

    def _by_length(self, allowed: tuple[type, ...]) -> dict[int, list[str]]:
        found = self._ids.get(allowed)
        if found is None:
            found = {}
            for record_id in self._records.ids():
                record = self._records.get(record_id)
                if isinstance(record, allowed):
                    found.setdefault(len(record_id), []).append(record_id)
            self._ids[allowed] = found
        return found

    def close(self, target: str, allowed: tuple[type, ...]) -> str | None:
        """The closest id of a record of type ``allowed``, or ``None``."""
        key = (target, allowed)
        if len(target) > _HINT_CHARS:
            return None  # no id is that long (the schema's bound): nothing to compare
        if key not in self._found:
            by_length = self._by_length(allowed)
            size = len(target)
            candidates = [i for n in range(size - 3, size + 4) for i in by_length.get(n, ())]
            close = difflib.get_close_matches(
                target, candidates[:_HINT_CANDIDATES], n=1, cutoff=0.8
            )
            self._found[key] = close[0] if close else None
        return self._found[key]


#: At most this many ids are compared with a missing one for a "did you mean" hint.
_HINT_CANDIDATES = 2000
#: A missing id longer than this (the schema's bound on ids) gets no hint: difflib's work
#: and memory grow with the id's length.
_HINT_CHARS = 128


@dataset_rule(
    code="D002",
    name="dangling-reference",
    severity="error",
    title=("Reference to a missing record", "Tham chiếu tới bản ghi không tồn tại"),
    explanation=(
        (
            "Every id a record names (organiser, partners, area, agreements, sources, ...) must be "
            "the id of a record validated together with it."
        ),
        (
            "Mọi mã định danh mà bản ghi nhắc tới (đơn vị chủ trì, phối hợp, địa bàn, văn bản, "
            "nguồn, ...) phải là mã của một bản ghi được kiểm tra cùng."
        ),
    ),
    message=(
        "{id!r} names no record (expected {expected}){hint}",
        "{id!r} không phải mã của bản ghi nào (cần {expected}){hint_vi}",
    ),
)
def dangling_references(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """References (and dataset metadata references) that resolve to nothing."""
    known = set(records.ids())
    hints = _Hints(records)

    def issue(target: str, allowed: tuple[type, ...], **where: Any) -> Issue:
        close = hints.close(target, allowed)
        return Issue(
            params={
                "id": target,
                "expected": type_names(allowed),
                "hint": f"; did you mean {close!r}?" if close else "",
                "hint_vi": f"; có phải là {close!r}?" if close else "",
            },
            **where,
        )

    for item, field, index, target, allowed in references(records):
        if target not in known:
            yield issue(target, allowed, at=item, pointer=pointer(field, index))
    for path, dataset in records.documents:
        area, organisation, source = (
            (v2.Area, v2.Organisation, v2.Source)
            if isinstance(dataset, v2.Dataset)
            else (Area, Organisation, Source)
        )
        meta: list[tuple[str, str | None, tuple[type, ...]]] = [
            ("/area", dataset.area, (area,)),
            ("/publisher/organisation", dataset.publisher.organisation, (organisation,)),
        ]
        meta += [(f"/sources/{i}", s, (source,)) for i, s in enumerate(dataset.sources)]
        for where, meta_target, meta_allowed in meta:
            if meta_target is not None and meta_target not in known:
                yield issue(meta_target, meta_allowed, path=path, pointer=where)


@dataset_rule(
    code="D003",
    name="reference-to-wrong-type",
    severity="error",
    title=("Reference to a record of the wrong type", "Tham chiếu tới bản ghi sai loại"),
    explanation=(
        (
            "An organiser must be an organisation, an area an area, an agreement an agreement, a "
            "breakdown a figure of the same type as its whole."
        ),
        (
            "Đơn vị chủ trì phải là cơ quan, tổ chức; địa bàn phải là địa bàn; văn bản phải là văn "
            "bản phối hợp; số liệu 'trong đó' phải cùng loại với số liệu tổng."
        ),
    ),
    message=(
        "{id!r} is a record of type {found}, not {expected}",
        "{id!r} là bản ghi loại {found}, không phải {expected}",
    ),
)
def wrong_types(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """References that resolve to a record of a type the field does not take."""
    for item, field, index, target_id, allowed in references(records):
        target = records.get(target_id)
        if target is not None and not isinstance(target, allowed):
            yield Issue(
                at=item,
                pointer=pointer(field, index),
                params={
                    "id": target_id,
                    "found": type(target).TYPE,
                    "expected": type_names(allowed),
                },
            )
