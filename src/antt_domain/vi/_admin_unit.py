"""Administrative units as listed in one version of the national list of codes."""

from __future__ import annotations

from datetime import date
from typing import Literal, final

import attrs

__all__ = ["AdminLevel", "AdminUnit"]

AdminLevel = Literal["province", "district", "commune"]
"""Tier of an administrative unit: tỉnh/thành phố trực thuộc trung ương (province); huyện, quận,
thị xã, thành phố thuộc tỉnh (district; abolished 2025-07-01); xã, phường, thị trấn, đặc khu
(commune)."""


@final
@attrs.frozen(kw_only=True)
class AdminUnit:
    """One administrative unit in one version of the list of codes.

    A code alone is not an identity: codes were reused in the 2025 reform (``15178`` was the
    old Xã Cẩm Tân until 2025-07-01 and is the larger new Xã Cẩm Tân after it). Key a unit by
    ``(code, version)`` or ask a gazetteer for a code *on a date*.

    Attributes:
        code: the official code (province 2 digits, district 3, commune 5).
        name: the proper name as written in the list, without the kind word (``"Cẩm Thủy"``).
        kind: the kind word as written (``"Tỉnh"``, ``"Huyện"``, ``"Xã"``, ``"Thị trấn"``).
        level: ``"province"``, ``"district"`` or ``"commune"``.
        parent_code: code of the unit one level up (a commune's district before 2025-07-01,
            its province after), ``None`` for provinces.
        valid_from: first day the unit existed as listed; ``None`` when it existed before the
            dataset's records begin (date not recorded).
        valid_to: first day it no longer existed (exclusive); ``None`` while it still exists.
        version: the list it comes from, e.g. ``"gso-2021-02-03"``.
    """

    code: str
    name: str
    kind: str
    level: AdminLevel
    parent_code: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    version: str

    @property
    def full_name(self) -> str:
        """The kind word and the name: ``"Xã Cẩm Tân"``."""
        return f"{self.kind} {self.name}"

    def valid_on(self, on: date) -> bool:
        """Whether the unit existed on ``on`` (``valid_from <= on < valid_to``)."""
        starts_ok = self.valid_from is None or self.valid_from <= on
        return starts_ok and (self.valid_to is None or on < self.valid_to)
