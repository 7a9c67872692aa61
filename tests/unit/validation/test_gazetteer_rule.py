"""D010 on every area code: used or not, dated or not, and a former unit named with what it
became -- on a small gazetteer of both eras (complete, so that a wrong code is an error)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from antt_domain.validation import Severity, validate_bytes
from antt_domain.vi import AdminUnit, StaticGazetteer, Succession

REFORM = date(2025, 7, 1)
CAM_LIEN = AdminUnit(code="15145", name="Cẩm Liên", kind="Xã", level="commune",
                     parent_code="390", valid_to=REFORM, version="old")  # fmt: skip
CAM_THACH = AdminUnit(code="15142", name="Cẩm Thạch", kind="Xã", level="commune",
                      parent_code="38", valid_from=REFORM, version="new")  # fmt: skip


class _Complete(StaticGazetteer):
    """Claims to list every unit of both eras, and knows that Cẩm Liên became Cẩm Thạch."""

    __slots__ = ()

    def covers(self, on: date) -> bool:
        return True

    def successors(self, code: str) -> tuple[Succession, ...]:
        if code != "15145":
            return ()
        return (Succession(former=CAM_LIEN, successor=CAM_THACH, whole=True, effective=REFORM),)

    def predecessors(self, code: str) -> tuple[Succession, ...]:
        return ()


GAZETTEER = _Complete([CAM_LIEN, CAM_THACH], version="test")


def _area(code: str, **more: Any) -> dict[str, Any]:
    return {"id": "area-x", "type": "area", "name": "Xã Cẩm Liên", "level": "commune",
            "code": code, "code_list": "test", **more}  # fmt: skip


def _figure(start: str) -> dict[str, Any]:
    return {
        "id": "fig-1",
        "type": "figure",
        "kind": "mobile_outreach",
        "period": {"kind": "interval", "start": start, "end": start},
        "quantity": {"value": 3, "unit": "session"},
        "area": "area-x",
    }


def _d010(*records: dict[str, Any]) -> list[tuple[str, Severity, str]]:
    data = json.dumps(list(records), ensure_ascii=False).encode()
    report = validate_bytes(data, format="json", schema_version="2", gazetteer=GAZETTEER)
    return [(f.pointer or "", f.severity, f.message_en) for f in report if f.code == "D010"]


def test_an_unused_undated_area_is_checked_in_both_eras() -> None:
    """A province code changed to "99" used to go unnoticed: no dated record used it."""
    (found,) = _d010(_area("99"))
    assert found[:2] == ("/0/code", Severity.ERROR)
    assert "no unit with code 99 before or after the 2025 reform" in found[2]
    assert _d010(_area("15145")) == []  # it existed before the reform
    assert _d010(_area("15142", name="Xã Cẩm Thạch")) == []  # and this one after it


def test_a_record_after_the_reform_names_the_former_unit_and_its_successor() -> None:
    (found,) = _d010(_area("15145"), _figure("2025-08-01"))
    assert found[:2] == ("/0/code", Severity.WARNING)
    assert "ceased on 2025-07-01, now part of Xã Cẩm Thạch (15142)" in found[2]
    assert _d010(_area("15145"), _figure("2024-08-01")) == []


def test_an_area_used_by_an_actor_is_checked_on_the_records_date() -> None:
    figure = {**_figure("2025-08-01"), "area": None}
    del figure["area"]
    figure["actors"] = [{"role": "organiser", "area": "area-x"}]
    (found,) = _d010(_area("15145"), figure)
    assert "now part of Xã Cẩm Thạch" in found[2]


def test_a_dated_code_list_dates_an_unused_area() -> None:
    (found,) = _d010(_area("15142", name="Xã Cẩm Thạch", code_list="gso:2021-02-03"))
    assert "no unit with code 15142 on 2021-02-03" in found[2]
