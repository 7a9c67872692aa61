"""What the rules on one record share: the codelists of a record's schema version, a
unit's dimension and every quantity of a 1.0 or 2.0 record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from antt_domain.model import Activity, Codelist, Outcome, Quantity, v2
from antt_domain.validation._records import RuleContext
from antt_domain.validation.rules._fields_v2 import quantities_v2

__all__ = ["V2_QUANTIFIED", "codelists_for", "dimension", "quantities"]

#: The 2.0 record classes that hold quantities (V102, V105, V106).
V2_QUANTIFIED = (v2.Figure, v2.Award, v2.Assessment, v2.Plan, v2.Document)

_V2_MODULE = "antt_domain.model.v2"


def quantities(record: Any) -> list[tuple[str, Any]]:
    """``(pointer, quantity)`` of every quantity of a 1.0 or 2.0 record."""
    if not isinstance(record, (Activity, Outcome)):
        return quantities_v2(record)
    found: list[tuple[str, Quantity]] = []
    if record.quantity is not None:
        found.append(("/quantity", record.quantity))
    if isinstance(record, Activity) and record.participants is not None:
        found.append(("/participants", record.participants))
    return found


def codelists_for(context: RuleContext, record: object) -> Mapping[str, Codelist]:
    """The codelists of the record's schema version."""
    return (
        context.codelists_v2
        if type(record).__module__.startswith(_V2_MODULE)
        else context.codelists
    )


def dimension(context: RuleContext, unit: str, record: object) -> str | None:
    """The ``dimension`` of ``unit`` in the record's ``units`` codelist, or ``None``."""
    units = codelists_for(context, record).get("units")
    entry = units.get(unit) if units else None
    found = entry.extra.get("dimension") if entry else None
    return found if isinstance(found, str) else None
