"""D010: every area code of a run against the gazetteer of administrative units.

Each area record with a code is checked -- not only those a dated record uses -- on the dates
it is used at (by a record's ``area``, or a 2.0 actor's), else on its own validity or the date
of its ``code_list``, else in both eras of the 2025 reform. A code that no unit carried is an
error where the gazetteer claims to be complete; a unit that had ceased by the date a record
uses it is named with what it became ("former unit, now part of ...") when the gazetteer
knows its successors.

D010 is written as facts and a join (:class:`~antt_domain.validation.FactLifecycle`): kept, in
stores that spill to disk, are the first date each area is used at and each coded area's id,
code, name and own dates with its place; the gazetteer is consulted at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from antt_domain.model import Area, v2
from antt_domain.validation._facts import FactIndex, FactLog
from antt_domain.validation._findings import Severity
from antt_domain.validation._records import Issue, Located, RuleContext, Spot
from antt_domain.validation._rules import dataset_rule
from antt_domain.validation.rules._spans import span, when
from antt_domain.vi import Gazetteer, ceased_into, former_unit_note, name_key

__all__ = ["gazetteer_codes"]

#: The first day of the units after the 2025 reform, and the last day before it.
REFORM = date(2025, 7, 1)
_BEFORE = REFORM - timedelta(days=1)
_DATED_LIST = re.compile(r".*[:-]([0-9]{4}-[0-9]{2}-[0-9]{2})")


def _own_dates(area: Area | v2.Area) -> tuple[date, ...]:
    """The dates an unused area is checked on: its validity, its list's date, else both eras."""
    if area.valid_from is not None:
        return (area.valid_from,)
    if area.valid_to is not None:
        return (area.valid_to - timedelta(days=1),)
    listed = _DATED_LIST.fullmatch(area.code_list) if area.code_list else None
    if listed is not None:
        try:
            return (date.fromisoformat(listed.group(1)),)
        except ValueError:
            pass
    return (_BEFORE, REFORM)


#: A unit's name is never longer than this: a longer name is not keyed (memory stays bounded).
_NAME_CHARS = 512


def _same_name(listed: str, written: str) -> bool:
    """Whether an area's name is the gazetteer's, across tone styles and kind words."""
    if len(written) > _NAME_CHARS:
        return False
    return name_key(listed, strip_prefixes=True) == name_key(written, strip_prefixes=True)


def _missing(gazetteer: Gazetteer, spot: Spot, code: str, dates: tuple[date, ...]) -> Issue:
    """The finding for a code that no unit carried on any of ``dates``."""
    on = dates[-1]
    links = ceased_into(gazetteer, code, on)
    if links:
        notes = {"detail": former_unit_note(links), "detail_vi": former_unit_note(links, "vi")}
        return Issue(at=spot, pointer="/code", params=notes)
    covered = all(gazetteer.covers(d) for d in dates)
    if len(dates) > 1:
        detail = f"no unit with code {code} before or after the 2025 reform in the gazetteer"
        detail_vi = f"không có đơn vị mã {code} trước hay sau sắp xếp năm 2025 trong danh mục"
    else:
        detail = f"no unit with code {code} on {on.isoformat()} in the gazetteer"
        detail_vi = f"không có đơn vị mã {code} vào ngày {on.isoformat()} trong danh mục"
    if not covered:
        detail += " (which is incomplete for that date)"
        detail_vi += " (danh mục chưa đầy đủ cho thời điểm đó)"
    return Issue(
        at=spot,
        pointer="/code",
        severity=Severity.ERROR if covered else None,
        params={"detail": detail, "detail_vi": detail_vi},
    )


#: D010's facts of an area with a code: the code, the name, and the dates it is checked on
#: when no record uses it.
_Coded = tuple[str, str, tuple[date, ...]]
#: D010's facts of a dated record: the day it starts on and the areas it uses then.
_Uses = tuple[date, tuple[str, ...]]


class _GazetteerCodes:
    """Area codes exist in the gazetteer on the dates they are used at (or valid on). Kept:
    for each area id, the first date a dated record uses it at (as its area or an actor's),
    and the areas with a code (id, code, name, own dates, place), judged at the end -- both in
    stores that spill to disk."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> _Coded | _Uses | None:
        if context.gazetteer is None:
            return None
        record: Any = item.record
        if isinstance(record, (Area, v2.Area)):
            if record.code is None:
                return None
            return (record.code, record.name, _own_dates(record))
        bounds = span(when(record))
        if bounds is None or not (bounds[0] or bounds[1]):
            return None
        on: date = bounds[0] or bounds[1]  # type: ignore[assignment]
        area_id = getattr(record, "area", None)
        used: tuple[str, ...] = (area_id,) if isinstance(area_id, str) else ()
        for actor in getattr(record, "actors", ()):
            if isinstance(actor, v2.Actor) and actor.area is not None:
                used += (actor.area,)
        return (on, used) if used else None

    def start(self, context: RuleContext) -> None:
        self.gazetteer: Gazetteer | None = context.gazetteer
        self.used: FactIndex[date] = FactIndex()
        self.areas: FactLog[tuple[Spot, _Coded]] = FactLog()

    def take(self, spot: Spot, facts: _Coded | _Uses) -> None:
        if len(facts) == 3:  # an area with a code
            self.areas.append((spot, facts))
            return
        on, used = facts
        for area_id in used:
            self.used.add(area_id, on)

    def end(self) -> Iterator[Issue]:
        gazetteer = self.gazetteer
        if gazetteer is None:
            return
        for spot, (code, name, own) in self.areas:
            first_use = self.used.get(spot.record_id)
            dates = own if first_use is None else (first_use,)
            found = [(d, u) for d in dates if (u := gazetteer.lookup(code, d)) is not None]
            if not found:
                yield _missing(gazetteer, spot, code, dates)
                continue
            on, unit = found[0]
            if not _same_name(unit.name, name):
                yield Issue(
                    at=spot,
                    pointer="/name",
                    params={
                        "detail": f"code {code} on {on.isoformat()} is {unit.name!r} in the "
                        f"gazetteer, not {name!r}",
                        "detail_vi": f"mã {code} vào ngày {on.isoformat()} là {unit.name!r} "
                        f"trong danh mục, không phải {name!r}",
                    },
                )


gazetteer_codes = dataset_rule(
    code="D010",
    name="unknown-area-code",
    severity="warning",
    title=("Area code not in the gazetteer", "Mã địa bàn không có trong danh mục hành chính"),
    explanation=(
        (
            "Every area code is checked against the gazetteer of administrative units: on the "
            "dates records use the area at, else on the area's own validity or its code list's "
            "date, else before and after the 2025 reform (codes were reused). When the "
            "gazetteer covers those dates and has no such unit, the code is wrong (error); when "
            "it does not cover them, the code cannot be confirmed (warning). A unit that had "
            "ceased by then is named with the units it became, and a unit found under another "
            "name is a warning too. Plugins can supply a national gazetteer "
            "(antt-domain-gazetteer-vn)."
        ),
        (
            "Mọi mã địa bàn được đối chiếu với danh mục đơn vị hành chính: tại thời điểm các "
            "bản ghi dùng địa bàn, nếu không thì theo thời hạn của chính địa bàn hoặc ngày của "
            "danh mục mã, nếu không nữa thì cả trước và sau sắp xếp năm 2025 (mã được dùng "
            "lại). Khi danh mục bao quát thời điểm đó mà không có đơn vị này, mã sai (lỗi); khi "
            "không bao quát, mã chưa được xác nhận (cảnh báo). Đơn vị đã không còn được nêu kèm "
            "đơn vị kế thừa; tên khác với danh mục cũng là cảnh báo. Plugin có thể cung cấp "
            "danh mục toàn quốc (antt-domain-gazetteer-vn)."
        ),
    ),
    message=("{detail}", "{detail_vi}"),
)(_GazetteerCodes)
