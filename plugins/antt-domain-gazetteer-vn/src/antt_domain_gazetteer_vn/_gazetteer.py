"""The national gazetteer: every unit before and after the 2025 reform, and the mapping."""

from __future__ import annotations

import gzip
import json
import threading
import unicodedata
from datetime import date, datetime
from importlib import resources
from typing import Any

from antt_domain.vi import (
    REFORM_2025,
    AdminLevel,
    AdminUnit,
    Succession,
    fix_lookalikes,
    name_key,
    split_kind,
)

__all__ = ["AFTER_VERSION", "BEFORE_VERSION", "NationalGazetteer", "national_gazetteer"]

BEFORE_VERSION = "vn-2025-06-30"
"""``AdminUnit.version`` of the units listed as of 2025-06-30 (63 provinces, 696 districts,
10,035 communes), valid until the reform."""

AFTER_VERSION = "vn-2025-07-01"
"""``AdminUnit.version`` of the units in force from 2025-07-01 (34 provinces, 3,321 communes)."""

_LEVELS: dict[int, AdminLevel] = {2: "province", 3: "district", 5: "commune"}
_VERSION = "antt-domain-gazetteer-vn 0.1.0 (vietnamadminunits 1.0.4)"


def _check_code(code: object) -> str:
    if not isinstance(code, str):
        msg = (
            f"an administrative unit code must be a str such as '15127', not {type(code).__name__}"
        )
        raise TypeError(msg)
    return code.strip()


def _check_name(name: object) -> str:
    if not isinstance(name, str):
        msg = f"a unit name to find must be a str, not {type(name).__name__}"
        raise TypeError(msg)
    return name


def _check_date(on: object) -> date:
    if isinstance(on, datetime):
        return on.date()
    if not isinstance(on, date):
        msg = f"a gazetteer date must be a datetime.date, not {type(on).__name__}"
        raise TypeError(msg)
    return on


_COVERAGE_FROM = date(2025, 6, 30)
_DAY_BEFORE = date(2025, 6, 30)


def _fold(text: str) -> str:
    """A cheap key without any marks: equal for every spelling :func:`name_key` equates."""
    text = unicodedata.normalize("NFD", fix_lookalikes(text).casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


class _Data:
    """The rows as read, with units built on demand (building all 14,000 at once is not free)."""

    __slots__ = ("_by_name", "_cache", "by_code", "predecessors", "province_basis", "successors")

    def __init__(self, raw: dict[str, Any]) -> None:
        # code -> rows of that code, before the reform first: (after?, kind, name, parent)
        self.by_code: dict[str, list[tuple[bool, str, str, str | None]]] = {}
        for after, rows in ((False, raw["before"]), (True, raw["after"])):
            for code, kind, name, parent in rows:
                self.by_code.setdefault(code, []).append((after, kind, name, parent))
        self.successors: dict[str, list[tuple[str, bool]]] = {}
        self.predecessors: dict[str, list[tuple[str, bool]]] = {}
        for old, new, whole in raw["successions"]:
            self.successors.setdefault(old, []).append((new, bool(whole)))
            self.predecessors.setdefault(new, []).append((old, bool(whole)))
        self.province_basis: str | None = raw["metadata"].get("province_legal_basis")
        self._cache: dict[tuple[str, bool], AdminUnit] = {}
        self._by_name: dict[str, list[tuple[str, bool]]] | None = None

    def unit(self, code: str, *, after: bool) -> AdminUnit | None:
        """The unit ``code`` of one era, or ``None``."""
        found = self._cache.get((code, after))
        if found is not None:
            return found
        for row_after, kind, name, parent in self.by_code.get(code, ()):
            if row_after == after:
                found = AdminUnit(
                    code=code,
                    name=name,
                    kind=kind,
                    level=_LEVELS[len(code)],
                    parent_code=parent,
                    valid_from=REFORM_2025 if after else None,
                    valid_to=None if after else REFORM_2025,
                    version=AFTER_VERSION if after else BEFORE_VERSION,
                )
                self._cache[(code, after)] = found
                return found
        return None

    def named(self, folded: str) -> list[tuple[str, bool]]:
        """``(code, after)`` of the units whose folded name is ``folded``."""
        if self._by_name is None:
            index: dict[str, list[tuple[str, bool]]] = {}
            for code, rows in self.by_code.items():
                for after, _kind, name, _parent in rows:
                    index.setdefault(_fold(name), []).append((code, after))
            self._by_name = index
        return self._by_name.get(folded, [])


def _load() -> _Data:
    data = resources.files("antt_domain_gazetteer_vn").joinpath("data/units.json.gz")
    return _Data(json.loads(gzip.decompress(data.read_bytes())))


def _era(on: date) -> bool:
    return on >= REFORM_2025


class NationalGazetteer:
    """Every province, district and commune of Vietnam valid until 2025-06-30, every
    province and commune from 2025-07-01, and which former unit passed into which.

    Implements :class:`antt_domain.vi.SuccessionGazetteer`. The data (vendored from
    ``vietnamadminunits``, MIT) load on the first call, not when the plugin registers.
    """

    __slots__ = ("_data", "_lock")

    def __init__(self) -> None:
        self._data: _Data | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "NationalGazetteer()"

    def __reduce__(self) -> tuple[type[NationalGazetteer], tuple[()]]:
        return (NationalGazetteer, ())

    def _get(self) -> _Data:
        data = self._data
        if data is None:
            with self._lock:
                if self._data is None:
                    self._data = _load()
                data = self._data
        return data

    @property
    def version(self) -> str:
        """The plugin and the source release the data come from."""
        return _VERSION

    @property
    def units(self) -> tuple[AdminUnit, ...]:
        """Every unit of both eras, by code (built on demand, the first time)."""
        data = self._get()
        found = (data.unit(code, after=after) for code in data.by_code for after in (False, True))
        return tuple(unit for unit in found if unit is not None)

    def lookup(self, code: str, on: date) -> AdminUnit | None:
        """The unit that carried ``code`` on ``on`` (a ``datetime`` counts as its date)."""
        code, on = _check_code(code), _check_date(on)
        return self._get().unit(code, after=_era(on))

    def find(
        self, name: str, *, on: date | None = None, level: AdminLevel | None = None
    ) -> tuple[AdminUnit, ...]:
        """Units whose name matches: tone-mark placement, case and the abbreviations
        ``TP.``, ``TX.``, ``TT.``, ``H.``, ``Q.``, ``P.``, ``X.`` do not matter."""
        kind, bare = split_kind(_check_name(name))
        on = None if on is None else _check_date(on)
        data = self._get()
        found: list[AdminUnit] = []
        for code, after in data.named(_fold(bare)):
            unit = data.unit(code, after=after)
            if (
                unit is not None
                and (on is None or unit.valid_on(on))
                and (level is None or unit.level == level)
                and name_key(unit.name) == bare
                and (kind is None or name_key(unit.kind) == kind)
            ):
                found.append(unit)
        return tuple(found)

    def covers(self, on: date) -> bool:
        """``True`` from 2025-06-30 on (see the README for why not earlier)."""
        return _check_date(on) >= _COVERAGE_FROM

    def successors(self, code: str) -> tuple[Succession, ...]:
        """Where the unit ``code`` of before the reform went: whole or part, each successor."""
        data = self._get()
        code = _check_code(code)
        return tuple(
            self._link(data, code, new, whole=whole) for new, whole in data.successors.get(code, ())
        )

    def predecessors(self, code: str) -> tuple[Succession, ...]:
        """The units of before the reform that passed (whole or in part) into ``code``;
        a district is listed when part of it did."""
        data = self._get()
        code = _check_code(code)
        return tuple(
            self._link(data, old, code, whole=whole)
            for old, whole in data.predecessors.get(code, ())
        )

    @staticmethod
    def _link(data: _Data, old: str, new: str, *, whole: bool) -> Succession:
        former, successor = data.unit(old, after=False), data.unit(new, after=True)
        if former is None or successor is None:  # pragma: no cover - refresh.py builds both
            msg = f"the succession {old} -> {new} names a unit the lists do not hold"
            raise LookupError(msg)
        basis = data.province_basis if former.level == "province" else None
        return Succession(
            former=former,
            successor=successor,
            whole=whole,
            effective=REFORM_2025,
            legal_basis=basis,
        )


_SHARED = NationalGazetteer()


def national_gazetteer() -> NationalGazetteer:
    """The process-wide national gazetteer (its data load once, on first use)."""
    return _SHARED
