"""Gazetteers: a static one built from records, a chain of sources, and the bundled extract."""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, final

from antt_domain.vi._admin_unit import AdminLevel, AdminUnit
from antt_domain.vi._names import name_key

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from antt_domain.vi._gazetteer_protocol import Gazetteer
    from antt_domain.vi._succession import Succession

__all__ = ["ChainGazetteer", "StaticGazetteer", "bundled_gazetteer", "split_kind"]


_KINDS: dict[str, str] = {
    # kind words, and the abbreviations officers write for them
    "Tỉnh": "Tỉnh",
    "Thành phố": "Thành phố",
    "TP.": "Thành phố",
    "TP": "Thành phố",
    "Huyện": "Huyện",
    "H.": "Huyện",
    "Quận": "Quận",
    "Q.": "Quận",
    "Thị xã": "Thị xã",
    "TX.": "Thị xã",
    "TX": "Thị xã",
    "Xã": "Xã",
    "X.": "Xã",
    "Phường": "Phường",
    "P.": "Phường",
    "Thị trấn": "Thị trấn",
    "TT.": "Thị trấn",
    "TT": "Thị trấn",
    "Đặc khu": "Đặc khu",
}
"""Kind words and abbreviations a name query may start with, mapped to the kind word."""

_KIND_KEYS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        ((name_key(written), name_key(kind)) for written, kind in _KINDS.items()),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
)


def split_kind(name: str) -> tuple[str | None, str]:
    """Split a unit name into the :func:`name_key` of its kind word (or ``None``) and of the name.

    Kind words and their usual abbreviations are read: ``TP.`` (thành phố), ``TX.`` (thị xã),
    ``TT.`` (thị trấn), ``H.`` (huyện), ``Q.`` (quận), ``P.`` (phường), ``X.`` (xã).

    ``"TT. Phong Sơn"`` → ``("thị trấn", "phong sơn")``; ``"Cẩm Thuỷ"`` → ``(None, "cẩm thuỷ")``.
    An abbreviation may be followed by a space or not (``"TT.Phong Sơn"``).
    """
    key = name_key(name)
    for written, kind in _KIND_KEYS:
        if key.startswith(written):
            rest = key[len(written) :]
            glued = written.endswith(".") and rest[:1] not in ("", " ")
            if (rest.startswith(" ") or glued) and rest.strip():
                return kind, rest.strip()
    return None, key


def _matches(unit: AdminUnit, kind: str | None, bare: str) -> bool:
    if kind is not None and name_key(unit.kind) != kind:
        return False
    return name_key(unit.name) == bare


def _check_code(code: object) -> str:
    """Return ``code`` stripped, or raise :class:`TypeError` unless it is a ``str``."""
    if not isinstance(code, str):
        raise TypeError(
            f"an administrative unit code must be a str such as '15127', not {type(code).__name__}"
        )
    return code.strip()


def _check_date(on: object) -> date:
    """Return ``on`` as a ``date`` (a ``datetime`` gives its date), or raise :class:`TypeError`."""
    if isinstance(on, datetime):
        return on.date()
    if not isinstance(on, date):
        raise TypeError(f"a gazetteer date must be a datetime.date, not {type(on).__name__}")
    return on


def _check_optional_date(on: object) -> date | None:
    """:func:`_check_date`, letting ``None`` through."""
    return None if on is None else _check_date(on)


def _check_name(name: object) -> str:
    """Return ``name``, or raise :class:`TypeError` unless it is a ``str``."""
    if not isinstance(name, str):
        raise TypeError(f"a unit name to find must be a str, not {type(name).__name__}")
    return name


class StaticGazetteer:
    """A gazetteer over a fixed collection of :class:`AdminUnit` records.

    ``coverage`` lists the periods ``(start, end)`` (``end`` exclusive, ``None`` = open) for
    which the records are complete; :meth:`covers` answers from it. Leave it empty for an
    extract.
    """

    __slots__ = ("_by_code", "_by_name", "_coverage", "_units", "_version")

    def __init__(
        self,
        units: Iterable[AdminUnit],
        *,
        version: str,
        coverage: Sequence[tuple[date, date | None]] = (),
    ) -> None:
        self._units = tuple(units)
        self._version = version
        self._coverage = tuple(coverage)
        self._by_code: dict[str, list[AdminUnit]] = {}
        for unit in self._units:
            self._by_code.setdefault(unit.code, []).append(unit)
        self._by_name: dict[str, list[AdminUnit]] | None = None  # built by the first find

    def __repr__(self) -> str:
        return f"StaticGazetteer(version={self._version!r}, units={len(self._units)})"

    @property
    def version(self) -> str:
        """The version given at construction."""
        return self._version

    @property
    def units(self) -> tuple[AdminUnit, ...]:
        """Every record, in the order given."""
        return self._units

    def lookup(self, code: str, on: date) -> AdminUnit | None:
        """Return the unit that carried ``code`` on ``on``, or ``None``.

        ``on`` may be a ``datetime`` (its date is used). Raises :class:`TypeError` when
        ``code`` is not a ``str`` or ``on`` not a date.
        """
        code, on = _check_code(code), _check_date(on)
        for unit in self._by_code.get(code, ()):
            if unit.valid_on(on):
                return unit
        return None

    def find(
        self, name: str, *, on: date | None = None, level: AdminLevel | None = None
    ) -> tuple[AdminUnit, ...]:
        """Return the units whose name matches (see :meth:`Gazetteer.find`).

        The query may start with a kind word or its abbreviation (``TP.``, ``TX.``, ``TT.``,
        ``H.``, ``Q.``, ``P.``, ``X.``); then the kind must match too.
        """
        kind, bare = split_kind(_check_name(name))
        on = _check_optional_date(on)
        if self._by_name is None:
            index: dict[str, list[AdminUnit]] = {}
            for unit in self._units:
                index.setdefault(name_key(unit.name), []).append(unit)
            self._by_name = index
        return tuple(
            unit
            for unit in self._by_name.get(bare, ())
            if (on is None or unit.valid_on(on))
            and (level is None or unit.level == level)
            and _matches(unit, kind, bare)
        )

    def covers(self, on: date) -> bool:
        """Whether ``on`` falls in one of the complete ``coverage`` periods."""
        on = _check_date(on)
        return any(start <= on and (end is None or on < end) for start, end in self._coverage)


@final
class ChainGazetteer:
    """Several gazetteers asked in order: the first that knows a code wins.

    Put a plugin's national gazetteer in front of :func:`bundled_gazetteer`. ``find`` returns
    the matches of every source (without duplicates), ``covers`` is true if any source covers
    the date.
    """

    __slots__ = ("_sources",)

    def __init__(self, sources: Sequence[Gazetteer]) -> None:
        if not sources:
            raise ValueError("a ChainGazetteer needs at least one source")
        self._sources = tuple(sources)

    def __repr__(self) -> str:
        return f"ChainGazetteer({list(self._sources)!r})"

    @property
    def sources(self) -> tuple[Gazetteer, ...]:
        """The sources, in the order they are asked."""
        return self._sources

    @property
    def version(self) -> str:
        """The sources' versions joined with ``" + "``."""
        return " + ".join(source.version for source in self._sources)

    def lookup(self, code: str, on: date) -> AdminUnit | None:
        """Return the first source's unit for ``code`` on ``on``, or ``None``."""
        code, on = _check_code(code), _check_date(on)
        for source in self._sources:
            unit = source.lookup(code, on)
            if unit is not None:
                return unit
        return None

    def find(
        self, name: str, *, on: date | None = None, level: AdminLevel | None = None
    ) -> tuple[AdminUnit, ...]:
        """Return the matches of all sources, first source first, without duplicates."""
        name, on = _check_name(name), _check_optional_date(on)
        found: dict[AdminUnit, None] = {}
        for source in self._sources:
            found.update(dict.fromkeys(source.find(name, on=on, level=level)))
        return tuple(found)

    def successors(self, code: str) -> tuple[Succession, ...]:
        """The first non-empty answer of a source that has ``successors``, else ``()``."""
        return self._succession("successors", _check_code(code))

    def predecessors(self, code: str) -> tuple[Succession, ...]:
        """The first non-empty answer of a source that has ``predecessors``, else ``()``."""
        return self._succession("predecessors", _check_code(code))

    def _succession(self, method: str, code: str) -> tuple[Succession, ...]:
        for source in self._sources:
            ask = getattr(source, method, None)
            if ask is not None and (found := tuple(ask(code))):
                return found
        return ()

    def covers(self, on: date) -> bool:
        """Whether any source is complete for ``on``."""
        on = _check_date(on)
        return any(source.covers(on) for source in self._sources)


def _optional_date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


@cache
def bundled_gazetteer() -> StaticGazetteer:
    """Return the small gazetteer shipped with the library (``data/gazetteer.json``).

    It holds Tỉnh Thanh Hóa, Huyện Cẩm Thủy and those of its communes (before and after the
    2025-07-01 reform) whose codes are confirmed. It is an extract, so :meth:`covers` is
    always ``False``: a code it does not know is "not covered", never "unknown".
    """
    raw = json.loads(
        resources.files("antt_domain.vi").joinpath("data/gazetteer.json").read_text("utf-8")
    )
    units = [
        AdminUnit(
            code=entry["code"],
            name=entry["name"],
            kind=entry["kind"],
            level=entry["level"],
            parent_code=entry["parent_code"],
            valid_from=_optional_date(entry["valid_from"]),
            valid_to=_optional_date(entry["valid_to"]),
            version=entry["version"],
        )
        for entry in raw["units"]
    ]
    coverage = [
        (date.fromisoformat(start), _optional_date(end))
        for start, end in raw["metadata"]["coverage"]
    ]
    return StaticGazetteer(units, version=raw["metadata"]["version"], coverage=coverage)
