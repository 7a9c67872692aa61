"""Built-in rules across the records of a run (D codes). Each runs in time linear in the
number of records (one pass, dictionaries keyed by id or by a matching key)."""

from __future__ import annotations

import difflib
import hashlib
import re
import typing
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import attrs

from antt_domain.model import (
    Activity,
    Agreement,
    Area,
    AreaLevel,
    Interval,
    ModelInstance,
    ModelType,
    Organisation,
    Outcome,
    Record,
    Source,
    v2,
)
from antt_domain.validation._cycles import cycles
from antt_domain.validation._gazetteer_rule import gazetteer_codes
from antt_domain.validation._refs_v2 import REFERENCES_V2, references_v2
from antt_domain.validation._rules import (
    Issue,
    Located,
    RecordSet,
    Rule,
    RuleContext,
    dataset_rule,
)
from antt_domain.validation._spans import absence
from antt_domain.validation._spans import span as _span
from antt_domain.validation._spans import when as _when
from antt_domain.vi import fix_lookalikes, name_key

__all__ = ["DATASET_RULES", "REFERENCES"]

_FIGURE_REFS: tuple[tuple[str, tuple[type, ...]], ...] = (
    ("organiser", (Organisation,)),
    ("partners", (Organisation,)),
    ("area", (Area,)),
    ("agreements", (Agreement,)),
    ("models", (ModelType, ModelInstance)),
)

#: For each record type, its reference fields and the record types they may point at.
#: ``part_of`` (breakdowns) must point at a record of the same type, checked by D008.
REFERENCES: dict[type, tuple[tuple[str, tuple[type, ...]], ...]] = {
    Area: (("parent", (Area,)),),
    Organisation: (("area", (Area,)), ("parent", (Organisation,))),
    Agreement: (("parties", (Organisation,)), ("parent", (Agreement,))),
    ModelType: (("defined_by", (Organisation,)), ("area", (Area,))),
    ModelInstance: (
        ("model_type", (ModelType,)),
        ("area", (Area,)),
        ("organiser", (Organisation,)),
        ("partners", (Organisation,)),
        ("agreements", (Agreement,)),
    ),
    Activity: (*_FIGURE_REFS, ("part_of", (Activity,))),
    Outcome: (*_FIGURE_REFS, ("part_of", (Outcome,))),
    Source: (),
}


#: A reference a record makes: (the record, field, index in a list or None, id, allowed types);
#: for a 2.0 record the index is the reference's pointer inside the record (see ``_refs_v2``).
_Reference = tuple[Located, str, int | str | None, str, tuple[type, ...]]


def _list_v2(item: Located, record: Any, append: Callable[[Any], None]) -> None:
    """The references of a 2.0 record, as the 1.0 listers give them."""
    for field, pointer, target, allowed in references_v2(record):
        append((item, field, pointer, target, allowed))


def _reference_lister(cls: type) -> Callable[[Located, Any, Callable[[Any], None]], None]:
    """A function appending the references of a record of class ``cls`` (generated code:
    this runs for every record of a run, and a generic loop over fields costs twice as
    much)."""
    attrs.resolve_types(cls)
    names: dict[str, Any] = {"_SOURCE": (Source,)}
    lines = ["def refs(item, record, append):"]
    for number, (field, allowed) in enumerate(REFERENCES[cls]):
        names[f"_A{number}"] = allowed
        many = typing.get_origin(attrs.fields_dict(cls)[field].type) is tuple
        if many:
            lines.append(f"    for index, target in enumerate(record.{field}):")
            lines.append(f"        append((item, {field!r}, index, target, _A{number}))")
        else:
            lines.append(f"    target = record.{field}")
            lines.append("    if target is not None:")
            lines.append(f"        append((item, {field!r}, None, target, _A{number}))")
    if "sources" in attrs.fields_dict(cls):
        lines.append("    for index, citation in enumerate(record.sources):")
        lines.append("        append((item, 'sources', index, citation.source, _SOURCE))")
    lines.append("    return None")
    scope: dict[str, Any] = {}
    exec("\n".join(lines), names, scope)  # noqa: S102 - code generated from REFERENCES
    lister: Callable[[Located, Any, Callable[[Any], None]], None] = scope["refs"]
    return lister


def _references(records: RecordSet) -> list[_Reference]:
    """Every reference every record makes (shared by the rules of a run: built once)."""
    memo = records._memo  # the rules' shared index, private to this package
    found: list[_Reference] | None = memo.get("references")
    if found is not None:
        return found
    found = []
    append = found.append
    for item in records:
        record = item.record
        cls = type(record)
        lister = _LISTERS.get(cls)
        if lister is None:
            lister = _LISTERS[cls] = _list_v2 if cls in REFERENCES_V2 else _reference_lister(cls)
        lister(item, record, append)
    memo["references"] = found
    return found


_LISTERS: dict[type, Callable[[Located, Any, Callable[[Any], None]], None]] = {}


def _pointer(field: str, index: int | str | None) -> str:
    """Where a reference is, inside its record."""
    if isinstance(index, str):
        return index  # a 2.0 reference: its pointer
    if field == "sources":
        return f"/sources/{index}/source"
    return f"/{field}" if index is None else f"/{field}/{index}"


def _type_names(types: tuple[type, ...]) -> str:
    return " or ".join(t.TYPE for t in types)  # type: ignore[attr-defined]


@dataset_rule(
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
)
def duplicate_ids(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Every later record with an id already seen and a content of its own: an identical
    copy of the first record with that id is the same record (issue #19)."""
    for record_id in records.ids():
        found = records.with_id(record_id)
        first = found[0]
        for later in found[1:]:
            if later.record == first.record:
                continue
            yield Issue(
                at=later,
                pointer="/id",
                params={"id": record_id, "first": f"{first.path} {first.pointer or '/'}"},
            )


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
                "expected": _type_names(allowed),
                "hint": f"; did you mean {close!r}?" if close else "",
                "hint_vi": f"; có phải là {close!r}?" if close else "",
            },
            **where,
        )

    for item, field, index, target, allowed in _references(records):
        if target not in known:
            yield issue(target, allowed, at=item, pointer=_pointer(field, index))
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
    for item, field, index, target_id, allowed in _references(records):
        target = records.get(target_id)
        if target is not None and not isinstance(target, allowed):
            yield Issue(
                at=item,
                pointer=_pointer(field, index),
                params={
                    "id": target_id,
                    "found": type(target).TYPE,
                    "expected": _type_names(allowed),
                },
            )


#: The references whose target must have existed when the figure is dated (D004).
_EXISTING = frozenset({"organiser", "partners", "area", "actors/organisation", "actors/area"})


_ENTITIES = (Organisation, Area, v2.Organisation, v2.Area)


@dataset_rule(
    code="D004",
    name="did-not-exist-then",
    severity="warning",
    title=(
        "Organisation or area did not exist then",
        "Cơ quan hoặc địa bàn không tồn tại vào thời điểm đó",
    ),
    explanation=(
        (
            "A figure dated when its organiser, a partner or its area did not exist (district "
            "police after 2025-03-01, a commune merged on 2025-07-01) usually names today's unit "
            "for an old figure, or the old unit for a new one."
        ),
        (
            "Số liệu có thời gian mà đơn vị chủ trì, đơn vị phối hợp hay địa bàn không tồn tại "
            "(công an huyện sau 01/3/2025, xã đã sáp nhập từ 01/7/2025) thường là ghi đơn vị hiện "
            "nay cho số liệu cũ, hoặc ngược lại."
        ),
    ),
    message=(
        "{name} ({id}) did not exist between {first} and {last}",
        "{name} ({id}) không tồn tại trong khoảng {first} đến {last}",
    ),
)
def existence(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Organisers, partners and areas existed during the period of the figure."""
    last_item: Located | None = None
    span: tuple[date | None, date | None] | None = None
    for item, field, index, target_id, _ in _references(records):
        if field not in _EXISTING:
            continue
        if item is not last_item:  # a record's references are listed together
            last_item, span = item, _span(_when(item.record))
        if span is None:
            continue
        first, last = span
        target = records.get(target_id)
        absent = absence(target, target_id, first, last) if isinstance(target, _ENTITIES) else None
        if absent is not None:
            yield Issue(at=item, pointer=_pointer(field, index), params=absent)


#: Names are compared (D006, D010) through :func:`~antt_domain.vi.name_key` of their first
#: words, up to this many characters (after Unicode NFC and white space collapsed); the rest
#: of a longer name is compared by a digest of its case-folded words, so memory and time stay
#: linear in the name whatever its length (``name_key`` of one long word costs ~200 bytes a
#: character). No real name comes near the bound.
NAME_KEY_CHARS = 512

_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
_CHUNK = 64 * 1024


def _name_key(name: str, *, strip_prefixes: bool = False) -> str:
    """:func:`~antt_domain.vi.name_key` of ``name``, bounded: equal to it for a name of at
    most :data:`NAME_KEY_CHARS` characters, and for a longer name ``name_key`` of its first
    words plus a digest of the others (case-folded; tone-mark placement is not matched there)."""
    if len(name) <= NAME_KEY_CHARS:
        return name_key(name, strip_prefixes=strip_prefixes)
    if "\u00d0" in name or "\u00f0" in name:  # str.translate is slow on a long text
        name = fix_lookalikes(name)
    text = unicodedata.normalize("NFC", name)
    head: list[str] = []
    size = -1
    rest = len(text)  # where the words past the bound start
    for match in _WORD.finditer(text):
        if size + 1 + match.end() - match.start() > NAME_KEY_CHARS:
            rest = match.start()
            if not head:  # one word longer than the bound: its start is the head
                head.append(text[rest : rest + NAME_KEY_CHARS])
                rest += NAME_KEY_CHARS
            break
        head.append(match.group())
        size += 1 + match.end() - match.start()
    key = name_key(" ".join(head), strip_prefixes=strip_prefixes)
    digest = hashlib.blake2b(digest_size=16)
    words = 0
    while rest < len(text):
        # A chunk ends at white space, so no word is cut (a word longer than a chunk is
        # taken whole): each word is hashed followed by one space, whatever the spacing.
        space = _SPACE.search(text, rest + _CHUNK)
        stop = space.start() if space else len(text)
        chunk = text[rest:stop].split()
        if chunk:
            words += len(chunk)
            digest.update(" ".join(chunk).casefold().encode("utf-8", "surrogatepass") + b" ")
        rest = stop
    return f"{key}\x00{words}:{digest.hexdigest()}" if words else key


def _other_id(first: Located, later: Located) -> bool:
    return first.record.id != later.record.id


def _same_key(
    records: RecordSet,
    key: Callable[[Record | v2.Record], tuple[Any, ...] | None],
    distinct: Callable[[Located, Located], bool] = _other_id,
) -> Iterator[tuple[Located, Located]]:
    """(first, later) for each record whose ``key`` (``None``: not compared) an earlier
    record had already, when ``distinct(first, later)`` says they are two records (by
    default: of another id): duplicates by content, in one pass."""
    seen: dict[tuple[Any, ...], Located] = {}
    for item in records:
        found = key(item.record)
        if found is None:
            continue
        first = seen.setdefault(found, item)
        if first is not item and distinct(first, item):
            yield first, item


def counted_twice_issues(
    records: RecordSet,
    key: Callable[[Record | v2.Record], tuple[Any, ...] | None],
    distinct: Callable[[Located, Located], bool] = _other_id,
) -> Iterator[Issue]:
    """D005's issues: each record whose figure ``key`` an earlier one had, naming the first
    (1.0 activities and outcomes here; 2.0 figures in ``_figures_v2``)."""
    for first, item in _same_key(records, key, distinct):
        yield Issue(
            at=item,
            params={"first": first.record.id, "where": f"{first.path} {first.pointer or '/'}"},
        )


def _figure_key(record: Activity | Outcome) -> tuple[Any, ...] | None:
    if record.quantity is None:
        return None
    # Quantities and periods are frozen attrs values: hashable, compared by value.
    return (
        type(record),
        record.kind,
        record.quantity,
        record.period,
        record.area,
        record.organiser,
        tuple(sorted(record.partners)),
        record.part_of,
    )


@dataset_rule(
    code="D005",
    name="figure-counted-twice",
    severity="warning",
    title=("The same figure twice", "Cùng một số liệu bị tính hai lần"),
    explanation=(
        (
            "Two records with the same kind, value, unit, period, area and organisations are "
            "almost always one figure entered twice (in two files, or once per partner); summed "
            "in a report, it would be counted twice."
        ),
        (
            "Hai bản ghi cùng loại, giá trị, đơn vị, thời gian, địa bàn và đơn vị thực hiện hầu "
            "như luôn là một số liệu nhập hai lần; khi tổng hợp sẽ bị tính hai lần."
        ),
    ),
    message=(
        "same figure as {first!r} at {where}",
        "trùng số liệu với {first!r} tại {where}",
    ),
)
def counted_twice(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Figures identical in everything but their id."""

    def key(record: Record | v2.Record) -> tuple[Any, ...] | None:
        return _figure_key(record) if isinstance(record, (Activity, Outcome)) else None

    yield from counted_twice_issues(records, key)


@dataset_rule(
    code="D006",
    name="probable-duplicate-name",
    severity="warning",
    title=("Probably the same organisation or area twice", "Có thể là một đơn vị bị ghi hai lần"),
    explanation=(
        (
            "Two organisations (or areas) of the same kind, level and place whose names differ "
            "only in tone-mark placement ('Thuỷ'/'Thủy'), Unicode form (NFC/NFD) or case are "
            "probably one body recorded twice, which splits its figures in reports."
        ),
        (
            "Hai cơ quan (hoặc địa bàn) cùng loại, cấp, nơi mà tên chỉ khác vị trí dấu thanh "
            "('Thuỷ'/'Thủy'), dạng Unicode (NFC/NFD) hoặc chữ hoa thường có lẽ là một đơn vị bị "
            "ghi hai lần, làm số liệu bị tách khi tổng hợp."
        ),
    ),
    message=(
        "{name!r} is probably {first_name!r} ({first})",
        "{name!r} có lẽ là {first_name!r} ({first})",
    ),
)
def duplicate_names(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Organisations and areas whose matching keys collide."""

    def key(record: Record | v2.Record) -> tuple[Any, ...] | None:
        if isinstance(record, (Organisation, v2.Organisation)):
            return ("o", record.kind, record.level, record.area, _name_key(record.name))
        if isinstance(record, (Area, v2.Area)):
            return ("a", record.level, record.parent, record.code_list, _name_key(record.name))
        return None

    for first, item in _same_key(records, key):
        yield Issue(
            at=item,
            pointer="/name",
            params={
                "name": item.record.name,  # type: ignore[union-attr]
                "first_name": first.record.name,  # type: ignore[union-attr]
                "first": first.record.id,
            },
        )


@dataset_rule(
    code="D007",
    name="outside-agreement-period",
    severity="warning",
    title=("Outside the agreement's period", "Ngoài thời gian hiệu lực của văn bản"),
    explanation=(
        (
            "A figure reported under an agreement should fall within the agreement's period of "
            "effect; otherwise it belongs to another agreement, or its dates are wrong."
        ),
        (
            "Số liệu báo cáo theo một văn bản phối hợp cần nằm trong thời gian hiệu lực của văn "
            "bản; nếu không, nó thuộc văn bản khác hoặc thời gian bị ghi sai."
        ),
    ),
    message=(
        "{first} to {last} is outside {agreement!r} ({start} to {end})",
        "{first} đến {last} nằm ngoài hiệu lực của {agreement!r} ({start} đến {end})",
    ),
)
def outside_agreement(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Figures dated entirely outside an agreement's interval of effect (2.0: figures and
    events outside the ``effective`` interval of a document they are ``under``)."""
    for item in records:
        record = item.record
        if isinstance(record, (Activity, Outcome, ModelInstance)):
            field, documents = "agreements", record.agreements
        elif isinstance(record, (v2.Figure, v2.Event)):
            field, documents = "under", record.under
        else:
            continue
        span = _span(_when(record))
        if span is None or span[0] is None or span[1] is None:
            continue
        for index, agreement_id in enumerate(documents):
            agreement = records.get(agreement_id)
            if not isinstance(agreement, (Agreement, v2.Document)) or not isinstance(
                agreement.effective, (Interval, v2.Interval)
            ):
                continue
            effect = agreement.effective
            if span[1] < effect.start or span[0] > effect.end:
                yield Issue(
                    at=item,
                    pointer=f"/{field}/{index}",
                    params={
                        "first": span[0].isoformat(),
                        "last": span[1].isoformat(),
                        "agreement": agreement_id,
                        "start": effect.start.isoformat(),
                        "end": effect.end.isoformat(),
                    },
                )


@dataset_rule(
    code="D008",
    name="breakdown-exceeds-whole",
    severity="error",
    title=("Breakdown larger than its whole", "Số liệu 'trong đó' lớn hơn tổng"),
    explanation=(
        (
            "A breakdown ('120 tin, trong đó 60 tin có giá trị') is part of its whole: in the same "
            "unit, one part, or all parts together, cannot exceed it; and a part must not be part "
            "of itself through a chain."
        ),
        (
            "Số liệu 'trong đó' là một phần của số tổng: cùng đơn vị thì một phần, hay tất cả các "
            "phần cộng lại, không thể lớn hơn tổng; và không được là phần của chính nó qua chuỗi."
        ),
    ),
    message=("{detail}", "{detail_vi}"),
)
def breakdowns(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Parts within their whole (alone and together), no cycles."""
    parts: dict[str, list[Located]] = {}
    for item in records:
        record = item.record
        if isinstance(record, (Activity, Outcome)) and record.part_of is not None:
            parts.setdefault(record.part_of, []).append(item)
    for whole_id, items in parts.items():
        whole = records.get(whole_id)
        if not isinstance(whole, (Activity, Outcome)) or whole.quantity is None:
            continue
        same_unit = []
        for item in items:
            part = item.record
            assert isinstance(part, (Activity, Outcome))  # noqa: S101 - collected as figures above
            if part.quantity is None or part.quantity.unit != whole.quantity.unit:
                continue
            same_unit.append(part.quantity.value)
            if part.quantity.value > whole.quantity.value and whole.quantity.is_exact:
                yield Issue(
                    at=item,
                    pointer="/quantity/value",
                    params={
                        "detail": f"{part.quantity.value} is more than its whole {whole_id!r} "
                        f"({whole.quantity.value})",
                        "detail_vi": f"{part.quantity.value} lớn hơn số tổng {whole_id!r} "
                        f"({whole.quantity.value})",
                    },
                )
        total = sum(same_unit)
        if len(same_unit) > 1 and whole.quantity.is_exact and total > whole.quantity.value:
            yield Issue(
                at=items[-1],
                pointer="/part_of",
                params={
                    "detail": f"the parts of {whole_id!r} add up to {total}, more than "
                    f"{whole.quantity.value}",
                    "detail_vi": f"các phần của {whole_id!r} cộng lại là {total}, lớn hơn "
                    f"{whole.quantity.value}",
                },
            )
    yield from _cycles(records, "part_of", (Activity, Outcome))


def _cycles(records: RecordSet, field: str, types: tuple[type, ...]) -> Iterator[Issue]:
    """Records whose ``field`` chain loops back (each loop reported once, at the record where
    it closes, starting from the records in input order)."""

    def following(item: Located) -> list[Located]:
        target = getattr(item.record, field)
        found = records.with_id(target)[:1] if target else []
        return [up for up in found if isinstance(up.record, types)]

    starts = (item for item in records if isinstance(item.record, types))
    for loop, again in cycles(starts, following, lambda item: item.record.id):
        chain = " → ".join([*(item.record.id for item in loop), again.record.id])
        yield Issue(
            at=again,
            pointer=f"/{field}",
            params={
                "detail": f"{field} loops: {chain}",
                "detail_vi": f"{field} tạo vòng lặp: {chain}",
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
        yield from _cycles(records, "parent", (cls,))
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


#: The built-in rules across records, in code order.
DATASET_RULES: tuple[Rule, ...] = (
    duplicate_ids,
    dangling_references,
    wrong_types,
    existence,
    counted_twice,
    duplicate_names,
    outside_agreement,
    breakdowns,
    hierarchy,
    gazetteer_codes,
)
