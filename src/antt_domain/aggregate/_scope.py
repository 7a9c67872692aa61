"""The filters every aggregation applies to a record: area, organisation, agreement."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from antt_domain.aggregate._areas import AreaTree

__all__ = ["Scope"]


@attrs.frozen(kw_only=True)
class Scope:
    """What a record must match to be counted (``None`` = no filter)."""

    tree: AreaTree
    area_ids: frozenset[str] | None = None
    organisation: str | None = None
    agreement: str | None = None

    def admits(
        self,
        area: str | None,
        organiser: str | None,
        partners: Sequence[str],
        agreements: Sequence[str],
    ) -> bool:
        """Whether a record with these references is in scope."""
        if self.area_ids is not None and not self.tree.within(area, self.area_ids):
            return False
        if self.organisation is not None and (
            self.organisation != organiser and self.organisation not in partners
        ):
            return False
        return self.agreement is None or self.agreement in agreements
