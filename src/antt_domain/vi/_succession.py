"""How a former administrative unit passed into the units that succeeded it."""

from __future__ import annotations

from datetime import date
from typing import final

import attrs

from antt_domain.vi._admin_unit import AdminUnit

__all__ = ["REFORM_2025", "Succession"]

REFORM_2025 = date(2025, 7, 1)
"""The day the two-tier local government took effect: districts abolished, provinces and
communes merged (Nghị quyết 202/2025/QH15 for the provinces, resolutions of the Standing
Committee of the National Assembly for the communes)."""


@final
@attrs.frozen(kw_only=True)
class Succession:
    """One link from a former unit to a successor.

    Attributes:
        former: the unit that ceased (``valid_to`` is the day of the change).
        successor: a unit that took over all or part of its area.
        whole: ``True`` when the whole of ``former`` went into ``successor``; ``False`` when
            ``former`` was divided and only part of it went there.
        effective: the first day of ``successor`` (``2025-07-01`` for the 2025 reform).
        legal_basis: the act that made the change, when the data has it
            (``"Nghị quyết 202/2025/QH15"``), else ``None``.
    """

    former: AdminUnit
    successor: AdminUnit
    whole: bool
    effective: date
    legal_basis: str | None = None
