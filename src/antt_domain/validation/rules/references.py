"""Rules on ids and references: D001 (an id names one record), D002 (a reference names a
record, with a "did you mean" hint) and D003 (of a type the field takes).

Each is a rule written as facts and a join (:class:`~antt_domain.validation.FactLifecycle`):
``facts`` reads one record where it is read, ``take`` keeps what the rule needs of it in
stores that move to disk past a threshold (:class:`~antt_domain.validation.FactIndex`,
:class:`~antt_domain.validation.FactLog`), ``end`` judges what could not be judged on the
way. Kept: D001 the first place and a content digest of each id; D002 and D003 the type of
the first record of each id and the references to ids not seen yet; D002 also, for its
hints, at most 2,000 ids of each type and length, and the hint found for each missing id.
"""

from __future__ import annotations

import difflib
import heapq
from collections.abc import Iterator
from typing import Any

from antt_domain.model import Area, Dataset, Organisation, Source, v2
from antt_domain.validation._facts import FactIndex, FactLog
from antt_domain.validation._records import Issue, Located, RuleContext, Spot
from antt_domain.validation._repeats import Repeats
from antt_domain.validation._rules import dataset_rule
from antt_domain.validation.rules._references import (
    RECORD_TYPES,
    ReferenceFact,
    allowed_code,
    allowed_types,
    pointer,
    reference_facts,
    type_code,
    type_names,
)

__all__ = ["dangling_references", "duplicate_ids", "wrong_types"]


def _freeze(value: Any) -> Any:
    """A JSON value as a hashable one that is equal exactly when the value is."""
    if isinstance(value, dict):
        return frozenset((key, _freeze(item)) for key, item in value.items())
    if isinstance(value, list):
        return ("[", tuple(_freeze(item) for item in value))
    if isinstance(value, tuple):
        return ("(", tuple(_freeze(item) for item in value))
    return value


def _digest(record: Any) -> int:
    """A digest of a record's content: its hash, which leaves out the extensions (a dict, so
    unhashable), with them when it has some."""
    if record.extensions:
        return hash((record, _freeze(record.extensions)))
    return hash(record)


class _DuplicateIds:
    """Every later record with an id already seen and a content of its own: an identical
    copy of the first record with that id is the same record (issue #19), told by a digest of
    the record's content (its hash; the run shares one hash seed). Kept: each record's digest
    and where it was read, under its id, in a :class:`Repeats` (nothing is looked up as the
    records come); at the end, the ids filed more than once, in order of first appearance,
    each later record with another content than the first a finding."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[str, int]:
        record = item.record
        return record.id, _digest(record)

    def start(self, context: RuleContext) -> None:
        #: (digest, path, pointer, line, id) of each record under its id (a plain tuple:
        #: cheaper to file on disk than a Spot).
        self.filed: Repeats[tuple[int, str, str, int | None, str]] = Repeats()

    def take(self, spot: Spot, facts: tuple[str, int]) -> None:
        record_id, digest = facts
        self.filed.add(record_id, (digest, spot.path, spot.pointer, spot.line, record_id))

    def end(self) -> Iterator[Issue]:
        try:
            for first, (digest, path, at, line, record_id) in self.filed.repeats():
                if digest != first[0]:  # not an identical copy of the first record of its id
                    spot = Spot(path=path, pointer=at, line=line, record_id=record_id)
                    params = {"id": record_id, "first": f"{first[1]} {first[2] or '/'}"}
                    yield Issue(at=spot, pointer="/id", params=params)
        finally:
            self.filed.close()


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
    record points at missing records stays linear. Kept: the first :data:`_HINT_CANDIDATES`
    ids (in order of first appearance) of each record type and length -- bounded by that
    number, the types and the lengths ids may have, not by the records -- and, in a
    :class:`FactIndex`, the hint found for each missing id."""

    def __init__(self) -> None:
        #: (type number, length) -> [(order of first appearance, id)], at most the cap.
        self._ids: dict[tuple[int, int], list[tuple[int, str]]] = {}
        self._found: FactIndex[str] = FactIndex()

    def wants(self, record_id: str, kind: int) -> bool:
        """Whether an id like ``record_id`` (of type number ``kind``) may still be a candidate
        (its type and length have fewer than the cap: then it is worth asking if it is new)."""
        found = self._ids.get((kind, len(record_id)))
        return found is None or len(found) < _HINT_CANDIDATES

    def add(self, order: int, record_id: str, kind: int) -> None:
        """Count the first record of ``record_id`` (of type number ``kind``) as a candidate."""
        found = self._ids.setdefault((kind, len(record_id)), [])
        if len(found) < _HINT_CANDIDATES:
            found.append((order, record_id))

    def _with_length(self, size: int, allowed: tuple[type, ...]) -> list[str]:
        kinds = [
            ids
            for (kind, length), ids in self._ids.items()
            if length == size and issubclass(RECORD_TYPES[kind], allowed)
        ]
        merged = heapq.merge(*kinds) if len(kinds) > 1 else iter(kinds[0] if kinds else ())
        return [record_id for _, record_id in list(merged)[:_HINT_CANDIDATES]]

    def close(self, target: str, code: int) -> str | None:
        """The closest id of a record of a type numbered ``code``, or ``None``."""
        if len(target) > _HINT_CHARS:
            return None  # no id is that long (the schema's bound): nothing to compare
        key = (target, code)
        found = self._found.get(key)
        if found is None:
            allowed = allowed_types(code)
            size = len(target)
            candidates = [
                i for n in range(size - 3, size + 4) for i in self._with_length(n, allowed)
            ]
            close = difflib.get_close_matches(
                target, candidates[:_HINT_CANDIDATES], n=1, cutoff=0.8
            )
            found = self._found.setdefault(key, close[0] if close else "")
        return found or None

    def drop(self) -> None:
        """Forget the candidates and the hints."""
        self._ids.clear()
        self._found.close()


#: At most this many ids are compared with a missing one for a "did you mean" hint.
_HINT_CANDIDATES = 2000
#: A missing id longer than this (the schema's bound on ids) gets no hint: difflib's work
#: and memory grow with the id's length.
_HINT_CHARS = 128


#: What D002 and D003 need of a record: its id, its type's number, the references it makes.
_RecordFacts = tuple[str, int, tuple[ReferenceFact, ...]]
#: A reference to an id not seen yet when its record was taken: (where, field, index, id,
#: number of the types the field takes).
_Pending = tuple[Spot, str, int | str | None, str, int]


class _ReferenceFacts:
    """What D002 and D003 share: their facts, one function (the engine makes them once)."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> _RecordFacts:
        """The id, type and references of a record (every record: any may be referred to)."""
        record = item.record
        return record.id, type_code(record), reference_facts(record)


class _DanglingReferences(_ReferenceFacts):
    """References (and a dataset document's metadata references) that resolve to nothing.
    Kept: in a :class:`FactIndex`, the ids seen (with their first record's type); in a
    :class:`FactLog`, the references to an id not seen yet when their record was taken (judged
    at the end, when every id is known); the metadata references of each dataset document;
    the hints' candidates (:class:`_Hints`)."""

    def start(self, context: RuleContext) -> None:
        self.known: FactIndex[int] = FactIndex()
        self.pending: FactLog[_Pending] = FactLog()
        self.meta: list[tuple[str, str, str, int]] = []
        self.hints = _Hints()
        self.taken = 0

    def document(self, path: str, dataset: Dataset | v2.Dataset) -> None:
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
        for where, target, allowed in meta:
            if target is not None:
                self.meta.append((path, where, target, allowed_code(allowed)))

    def take(self, spot: Spot, facts: _RecordFacts) -> None:
        record_id, kind, refs = facts
        known = self.known
        # Filed without asking whether the id is new (a search on disk once spilled), except
        # while ids like it may still become hints.
        if self.hints.wants(record_id, kind) and record_id not in known:
            self.hints.add(self.taken, record_id, kind)
        self.taken += 1
        known.add(record_id, kind)
        for field, index, target, code in refs:
            if target not in known:
                self.pending.append((spot, field, index, target, code))

    def _issue(self, target: str, code: int, **where: Any) -> Issue:
        close = self.hints.close(target, code)
        return Issue(
            params={
                "id": target,
                "expected": type_names(allowed_types(code)),
                "hint": f"; did you mean {close!r}?" if close else "",
                "hint_vi": f"; có phải là {close!r}?" if close else "",
            },
            **where,
        )

    def end(self) -> Iterator[Issue]:
        known = self.known
        try:
            for spot, field, index, target, code in self.pending:
                if target not in known:
                    yield self._issue(target, code, at=spot, pointer=pointer(field, index))
            for path, where, target, code in self.meta:
                if target not in known:
                    yield self._issue(target, code, path=path, pointer=where)
        finally:
            known.close()
            self.pending.close()
            self.meta.clear()
            self.hints.drop()


dangling_references = dataset_rule(
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
)(_DanglingReferences)


class _WrongTypes(_ReferenceFacts):
    """References that resolve to a record of a type the field does not take. Kept: in a
    :class:`FactIndex`, the type of the first record of each id; in a :class:`FactLog`, the
    references to an id not seen yet when their record was taken (judged at the end); a
    reference to an id already seen is judged when its record is taken."""

    def start(self, context: RuleContext) -> None:
        self.known: FactIndex[int] = FactIndex()
        self.pending: FactLog[_Pending] = FactLog()

    def take(self, spot: Spot, facts: _RecordFacts) -> list[Issue] | None:
        record_id, kind, refs = facts
        known = self.known
        known.add(record_id, kind)
        found: list[Issue] | None = None
        for field, index, target, code in refs:
            target_kind = known.get(target)
            if target_kind is None:
                self.pending.append((spot, field, index, target, code))
            elif not issubclass(RECORD_TYPES[target_kind], allowed_types(code)):
                found = found or []
                found.append(_wrong(spot, field, index, target, code=code, kind=target_kind))
        return found

    def end(self) -> Iterator[Issue]:
        known = self.known
        try:
            for spot, field, index, target, code in self.pending:
                target_kind = known.get(target)
                if target_kind is not None and not issubclass(
                    RECORD_TYPES[target_kind], allowed_types(code)
                ):
                    yield _wrong(spot, field, index, target, code=code, kind=target_kind)
        finally:
            known.close()
            self.pending.close()


def _wrong(
    spot: Spot, field: str, index: int | str | None, target: str, *, code: int, kind: int
) -> Issue:
    return Issue(
        at=spot,
        pointer=pointer(field, index),
        params={
            "id": target,
            "found": RECORD_TYPES[kind].TYPE,  # type: ignore[attr-defined]
            "expected": type_names(allowed_types(code)),
        },
    )


wrong_types = dataset_rule(
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
)(_WrongTypes)
