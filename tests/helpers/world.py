"""A small made-up world for the aggregation and report tests: one province, two districts,
four communes.

``world`` builds datasets record by record, so each test shows exactly the figures it adds up.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from antt_domain.model import (
    Activity,
    Agreement,
    AgreementKind,
    Area,
    AreaLevel,
    Dataset,
    Interval,
    ModelInstance,
    ModelType,
    Organisation,
    OrganisationLevel,
    Outcome,
    Period,
    Precision,
    Publisher,
    Quantity,
    Record,
)

YEAR_2021 = Interval.year(2021)


class World:
    """Areas P ⊃ D1 ⊃ {C11, C12}, P ⊃ D2 ⊃ {C21, C22}; two organisations; one agreement."""

    def __init__(self) -> None:
        gso = "gso:2021-02-03"
        self.records: list[Record] = [
            Area(id="p", name="Tỉnh P", level=AreaLevel.PROVINCE, code="38", code_list=gso),
            Area(id="d1", name="Huyện D1", level=AreaLevel.DISTRICT, code="390", code_list=gso,
                 parent="p"),
            Area(id="d2", name="Huyện D2", level=AreaLevel.DISTRICT, code="391", code_list=gso,
                 parent="p"),
            Area(id="c11", name="Xã C11", level=AreaLevel.COMMUNE, code="15145", code_list=gso,
                 parent="d1"),
            Area(id="c12", name="Xã C12", level=AreaLevel.COMMUNE, code="15175", code_list=gso,
                 parent="d1"),
            Area(id="c21", name="Xã C21", level=AreaLevel.COMMUNE, code="15201", code_list=gso,
                 parent="d2"),
            Area(id="c22", name="Xã C22", level=AreaLevel.COMMUNE, code="15202", code_list=gso,
                 parent="d2"),
            Organisation(id="police", name="Công an huyện D1", kind="police",
                         level=OrganisationLevel.DISTRICT, area="d1"),
            Organisation(id="women", name="Hội LHPN huyện D1", kind="womens_union",
                         level=OrganisationLevel.DISTRICT, area="d1"),
            Agreement(id="ctph", kind=AgreementKind.COORDINATION_PROGRAMME,
                      parties=("police", "women")),
        ]  # fmt: skip

    def add(self, record: Record) -> World:
        """Add any record."""
        self.records.append(record)
        return self

    def _fields(self, record_id: str, overrides: dict[str, Any]) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "id": record_id,
            "kind": "mobile_outreach",
            "period": YEAR_2021,
            "area": "c11",
        }
        fields.update(overrides)
        return fields

    def activity(
        self,
        record_id: str,
        value: int | float | None = 1,
        unit: str = "session",
        *,
        precision: Precision = Precision.EXACT,
        upper: int | None = None,
        participants: Quantity | None = None,
        **fields: Any,
    ) -> World:
        """Add an activity counting ``value`` ``unit`` (no quantity when ``value`` is None)."""
        quantity = (
            None
            if value is None
            else Quantity(value=value, unit=unit, precision=precision, upper=upper)
        )
        return self.add(
            Activity(
                quantity=quantity, participants=participants, **self._fields(record_id, fields)
            )
        )

    def outcome(
        self, record_id: str, value: int | float, unit: str = "person", **fields: Any
    ) -> World:
        """Add an outcome of ``value`` ``unit``."""
        fields.setdefault("kind", "offenders_reformed")
        quantity = Quantity(value=value, unit=unit, precision=fields.pop("precision", "exact"))
        return self.add(Outcome(quantity=quantity, **self._fields(record_id, fields)))

    def launch(self, record_id: str, area: str, launched: Period | None) -> World:
        """Add a model type ``mt`` (once) and an instance of it launched in ``area``."""
        if not any(r.id == "mt" for r in self.records):
            self.add(ModelType(id="mt", name="Làng quê an toàn", area="d1"))
        return self.add(ModelInstance(id=record_id, model_type="mt", area=area, launched=launched))

    def dataset(self) -> Dataset:
        """The dataset of every record added so far."""
        return Dataset(
            id="world",
            title="Thế giới thử",
            publisher=Publisher(name="tests"),
            created=date(2022, 1, 1),
            records=tuple(self.records),
        )
