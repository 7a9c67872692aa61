"""Area records from a gazetteer: made from codes, or filled in where a dataset left them out.

Works on JSON values, like :mod:`antt_domain.upgrade`, so one function serves 1.x and 2.0
documents (an administrative area has the same shape in both) and a caller can write the
result as it is. What a record says is never overwritten: a gazetteer value only fills a
property the record lacks, and where the two disagree the record's value is kept and the
note says so.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

import attrs

from antt_domain.areas._notes import AreaNote
from antt_domain.errors import AnttError
from antt_domain.io import SchemaViolation, major_version, schema_violations
from antt_domain.schemas import RECORD_SCHEMAS, V2_RECORD_SCHEMAS
from antt_domain.vi import AdminUnit, Gazetteer, ceased_into, former_unit_note, same_name

__all__ = [
    "AreaFill",
    "UnknownAreaError",
    "area_record",
    "code_list_of",
    "fill_areas",
    "make_areas",
]

#: The levels a national list of administrative units holds.
_LISTED_LEVELS = frozenset({"province", "district", "commune"})
_DATED_LIST = re.compile(r".*[:-]([0-9]{4}-[0-9]{2}-[0-9]{2})")


class UnknownAreaError(AnttError, LookupError):
    """A code that no unit carried on the date asked (:func:`make_areas`); ``hint`` names
    what a former unit became, when the gazetteer knows."""

    def __init__(self, code: str, on: date, version: str, hint: str | None = None) -> None:
        self.code = code
        self.on = on
        self.hint = hint
        more = f"; {hint}" if hint else ""
        super().__init__(f"no unit with code {code!r} on {on.isoformat()} in {version}{more}")


@attrs.frozen(kw_only=True)
class AreaFill:
    """What :func:`fill_areas` made: the new ``document`` (the input is not changed), the
    ``notes`` on each area record it looked at, and the ``errors`` of the result against the
    schemas of its version (records the fill could not complete, such as an area without a
    name whose code is unknown)."""

    document: Any
    notes: tuple[AreaNote, ...] = ()
    errors: tuple[SchemaViolation, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the result matches the schemas of its version."""
        return not self.errors


def code_list_of(unit: AdminUnit) -> str:
    """The ``code_list`` value for a unit's list: ``vn-2025-06-30`` → ``vn:2025-06-30``."""
    prefix, dash, rest = unit.version.partition("-")
    return f"{prefix}:{rest}" if dash and rest else unit.version


def area_record(unit: AdminUnit, *, record_id: str, parent: str | None = None) -> dict[str, Any]:
    """A JSON area record of ``unit`` (valid in 1.0 and 2.0), with ``parent`` the id of its
    parent's record."""
    record: dict[str, Any] = {
        "id": record_id,
        "type": "area",
        "name": unit.full_name,
        "level": unit.level,
        "code": unit.code,
        "code_list": code_list_of(unit),
    }
    if parent is not None:
        record["parent"] = parent
    if unit.valid_from is not None:
        record["valid_from"] = unit.valid_from.isoformat()
    if unit.valid_to is not None:
        record["valid_to"] = unit.valid_to.isoformat()
    return record


def make_areas(
    codes: Iterable[str], gazetteer: Gazetteer, *, on: date, parents: bool = True
) -> list[dict[str, Any]]:
    """JSON area records for ``codes`` as they were on ``on`` (ids ``area-CODE``), each
    with its parents up to the province when ``parents`` (each unit once, parents first).

    Raises:
        UnknownAreaError: a code no unit carried on ``on``.
    """
    made: dict[str, dict[str, Any]] = {}
    for code in codes:
        chain: list[AdminUnit] = []
        unit = _lookup(gazetteer, code, on)
        while unit is not None and unit.code not in made:
            chain.append(unit)
            if not parents or unit.parent_code is None:
                break
            unit = _lookup(gazetteer, unit.parent_code, on)
        for unit in reversed(chain):
            parent = f"area-{unit.parent_code}" if parents and unit.parent_code else None
            made[unit.code] = area_record(unit, record_id=f"area-{unit.code}", parent=parent)
    return list(made.values())


def _lookup(gazetteer: Gazetteer, code: str, on: date) -> AdminUnit:
    unit = gazetteer.lookup(code, on)
    if unit is None:
        links = ceased_into(gazetteer, code, on)
        hint = former_unit_note(links) if links else None
        raise UnknownAreaError(code, on, gazetteer.version, hint)
    return unit


def fill_areas(
    document: Any, gazetteer: Gazetteer, *, on: date | None = None, parents: bool = True
) -> AreaFill:
    """Complete the administrative area records of a dataset (or an array of records) from
    ``gazetteer``.

    Each area record of level province, district or commune (or of no level yet) is looked
    up by its ``code``, or by its ``name`` when it has no code (within its parent's code when
    the parent record has one). The date it is looked up on is the record's own: the day
    before its ``valid_to``, else its ``valid_from``, else the date of a dated ``code_list``
    (``gso:2021-02-03``), else its parent record's date (found the same way), else ``on``.
    The unit then fills what the record lacks: ``name``, ``level``, ``code``, ``code_list``,
    ``valid_from``, ``valid_to`` and ``parent`` -- the id of the area record with the
    parent's code, added (id ``area-CODE``) when the dataset has none and ``parents`` is
    true.

    Raises:
        TypeError: ``document`` is neither a dataset nor an array of records.
    """
    result = copy.deepcopy(document)
    if isinstance(result, dict) and isinstance(result.get("records"), list):
        records, prefix = result["records"], "/records"
    elif isinstance(result, list):
        records, prefix = result, ""
    else:
        msg = "fill_areas takes a dataset (a JSON object with records) or an array of records"
        raise TypeError(msg)
    filler = _Filler(records, prefix, gazetteer, on, parents=parents)
    filler.run()
    return AreaFill(
        document=result, notes=tuple(filler.notes), errors=tuple(_violations(result, prefix))
    )


def _violations(document: Any, prefix: str) -> Iterator[SchemaViolation]:
    version = major_version(document)
    if prefix:
        yield from schema_violations(document, "dataset", version)
        return
    schemas = V2_RECORD_SCHEMAS if version == "2" else RECORD_SCHEMAS
    for index, record in enumerate(document):
        kind = record.get("type") if isinstance(record, dict) else None
        schema = schemas.get(kind) if isinstance(kind, str) else None
        for violation in schema_violations(record, schema or "record", version):
            yield attrs.evolve(violation, pointer=f"/{index}{violation.pointer}")


class _Filler:
    """One fill: the records (changed in place), an index of area codes, and the notes."""

    def __init__(
        self,
        records: list[Any],
        prefix: str,
        gazetteer: Gazetteer,
        on: date | None,
        *,
        parents: bool,
    ) -> None:
        self.records = records
        self.prefix = prefix
        self.gazetteer = gazetteer
        self.on = on
        self.parents = parents
        self.notes: list[AreaNote] = []
        self.ids = {r.get("id") for r in records if isinstance(r, dict)}
        self.by_id = {r["id"]: r for r in records if _is_area(r) and isinstance(r.get("id"), str)}

    def run(self) -> None:
        index = 0
        while index < len(self.records):  # added parents are appended: filled in turn
            record = self.records[index]
            if _is_area(record) and record.get("level", "commune") in _LISTED_LEVELS:
                self.fill(index, record)
            index += 1

    def note(self, kind: Any, index: int, record: dict[str, Any], **params: Any) -> None:
        pointer = f"{self.prefix}/{index}"
        record_id = record.get("id") if isinstance(record.get("id"), str) else None
        self.notes.append(AreaNote(kind=kind, pointer=pointer, record_id=record_id, params=params))

    def fill(self, index: int, record: dict[str, Any]) -> None:
        when = self.date_for(record) or self.on
        what = repr(record.get("code") or record.get("name"))
        if when is None:
            self.note("undated", index, record, what=what)
            return
        unit = self.unit_for(index, record, when)
        if unit is None:
            return
        filled = [key for key, value in self.found(unit).items() if _put(record, key, value)]
        self.check(index, record, unit)
        at = len(self.notes)  # the note on this record comes before those on its parents
        if unit.parent_code is not None and "parent" not in record:
            parent = self.parent_of(unit, when)
            if parent is not None:
                record["parent"] = parent
                filled.append("parent")
        if filled:
            params = {"fields": ", ".join(filled), "unit": unit.full_name}
            self.note("filled", index, record, **params, version=unit.version)
            self.notes.insert(at, self.notes.pop())

    def unit_for(self, index: int, record: dict[str, Any], when: date) -> AdminUnit | None:
        on = when.isoformat()
        version = self.gazetteer.version
        code = record.get("code")
        if isinstance(code, str):
            unit = self.gazetteer.lookup(code, when)
            if unit is None:
                links = ceased_into(self.gazetteer, code, when)
                what = repr(code) + (f" ({former_unit_note(links)})" if links else "")
                self.note("unknown", index, record, what=what, on=on, version=version)
            return unit
        name = record.get("name")
        if not isinstance(name, str):
            return None
        level = record.get("level")
        found = self.gazetteer.find(name, on=when, level=level if level in _LISTED_LEVELS else None)
        parent_code = self.code_of_parent(record)
        if parent_code is not None:
            found = tuple(u for u in found if u.parent_code == parent_code)
        if len(found) == 1:
            return found[0]
        if not found:
            self.note("unknown", index, record, what=repr(name), on=on, version=version)
        else:
            listed = ", ".join(f"{u.full_name} ({u.code})" for u in found[:5])
            params = {"what": repr(name), "count": len(found), "on": on, "candidates": listed}
            self.note("ambiguous", index, record, **params)
        return None

    @staticmethod
    def found(unit: AdminUnit) -> dict[str, Any]:
        values: dict[str, Any] = {
            "name": unit.full_name,
            "level": unit.level,
            "code": unit.code,
            "code_list": code_list_of(unit),
        }
        if unit.valid_from is not None:
            values["valid_from"] = unit.valid_from.isoformat()
        if unit.valid_to is not None:
            values["valid_to"] = unit.valid_to.isoformat()
        return values

    def check(self, index: int, record: dict[str, Any], unit: AdminUnit) -> None:
        """A note for each property the record states differently from the gazetteer."""
        name = record.get("name")
        names = (unit.full_name, unit.name)
        if isinstance(name, str) and not any(same_name(name, n) for n in names):
            self.disagrees(index, record, unit, "name", name, unit.full_name)
        if record.get("level") != unit.level:
            self.disagrees(index, record, unit, "level", record.get("level"), unit.level)
        parent_code = self.code_of_parent(record)
        if parent_code is not None and parent_code != unit.parent_code:
            written = f"{record['parent']} ({parent_code})"
            self.disagrees(index, record, unit, "parent", written, unit.parent_code)

    def date_for(self, record: dict[str, Any]) -> date | None:
        """The record's own date, else its nearest parent record's (a commune of a district
        that ended on 2025-07-01 is looked up as it was then)."""
        current: dict[str, Any] | None = record
        seen: set[str] = set()
        while current is not None:
            when = _date_of(current)
            if when is not None:
                return when
            parent_id = current.get("parent")
            if not isinstance(parent_id, str) or parent_id in seen:
                return None
            seen.add(parent_id)
            current = self.by_id.get(parent_id)
        return None

    def code_of_parent(self, record: dict[str, Any]) -> str | None:
        """The code of the area record that ``record`` names as its parent, if any."""
        parent_id = record.get("parent")
        parent = self.by_id.get(parent_id) if isinstance(parent_id, str) else None
        code = parent.get("code") if parent is not None else None
        return code if isinstance(code, str) else None

    def disagrees(  # noqa: PLR0917 - one note's parts, always passed in this order
        self,
        index: int,
        record: dict[str, Any],
        unit: AdminUnit,
        field: str,
        written: Any,
        expected: Any,
    ) -> None:
        params = {"field": field, "written": written, "expected": expected}
        self.note("disagrees", index, record, **params, unit=unit.full_name)

    def parent_of(self, unit: AdminUnit, when: date) -> str | None:
        """The id of the record of ``unit``'s parent on ``when``: one of the dataset's, or one
        added now (``None`` when there is none and none may be added)."""
        for record in self.by_id.values():
            if record.get("code") == unit.parent_code and _valid(record, when):
                return str(record["id"])
        if not self.parents or unit.parent_code is None:
            return None
        parent = self.gazetteer.lookup(unit.parent_code, when)
        if parent is None:
            return None
        record_id = self.free_id(parent, when)
        added = area_record(parent, record_id=record_id)
        self.records.append(added)
        self.ids.add(record_id)
        self.by_id[record_id] = added
        params = {"unit": parent.full_name, "version": parent.version}
        self.note("added", len(self.records) - 1, added, **params)
        return record_id

    def free_id(self, unit: AdminUnit, when: date) -> str:
        for candidate in (f"area-{unit.code}", f"area-{unit.code}-{when.year}"):
            if candidate not in self.ids:
                return candidate
        number = 2
        while f"area-{unit.code}-{number}" in self.ids:
            number += 1
        return f"area-{unit.code}-{number}"


def _is_area(record: Any) -> bool:
    return isinstance(record, dict) and record.get("type") == "area"


def _put(record: dict[str, Any], key: str, value: Any) -> bool:
    if key in record:
        return False
    record[key] = value
    return True


def _iso(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _date_of(record: dict[str, Any]) -> date | None:
    """The date a record's unit is looked up on, from the record itself (or ``None``)."""
    valid_to = _iso(record.get("valid_to"))
    if valid_to is not None:
        return valid_to - timedelta(days=1)
    valid_from = _iso(record.get("valid_from"))
    if valid_from is not None:
        return valid_from
    code_list = record.get("code_list")
    match = _DATED_LIST.fullmatch(code_list) if isinstance(code_list, str) else None
    return _iso(match.group(1)) if match else None


def _valid(record: dict[str, Any], on: date) -> bool:
    start, end = _iso(record.get("valid_from")), _iso(record.get("valid_to"))
    return (start is None or start <= on) and (end is None or on < end)
