"""``antt_domain.areas``: area records made from codes and filled in from a gazetteer, on a
small hand-made gazetteer (both eras of one district) so that every branch can fail."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from antt_domain.areas import (
    UnknownAreaError,
    area_record,
    fill_areas,
    make_areas,
)
from antt_domain.vi import AdminUnit, StaticGazetteer, Succession, ceased_into, former_unit_note

REFORM = date(2025, 7, 1)
OLD = "vn-2025-06-30"
NEW = "vn-2025-07-01"


def _unit(code: str, name: str, kind: str, parent: str | None, *, new: bool = False) -> AdminUnit:
    level = {2: "province", 3: "district"}.get(len(code), "commune")
    era: dict[str, Any] = {"valid_from": REFORM} if new else {"valid_to": REFORM}
    version = NEW if new else OLD
    return AdminUnit(
        code=code, name=name, kind=kind, level=level, parent_code=parent, version=version, **era
    )


UNITS = (
    _unit("38", "Thanh Hóa", "Tỉnh", None),
    _unit("390", "Cẩm Thủy", "Huyện", "38"),
    _unit("15145", "Cẩm Liên", "Xã", "390"),
    _unit("15142", "Cẩm Thạch", "Xã", "390"),
    _unit("38", "Thanh Hóa", "Tỉnh", None, new=True),
    _unit("15142", "Cẩm Thạch", "Xã", "38", new=True),
)


class _Succeeding(StaticGazetteer):
    """The hand-made gazetteer, knowing that Cẩm Liên went whole into the new Cẩm Thạch."""

    __slots__ = ()

    def successors(self, code: str) -> tuple[Succession, ...]:
        if code != "15145":
            return ()
        return (Succession(former=UNITS[2], successor=UNITS[5], whole=True, effective=REFORM),)

    def predecessors(self, code: str) -> tuple[Succession, ...]:
        return ()


GAZETTEER = _Succeeding(UNITS, version="test")


def _dataset(*records: dict[str, Any], version: str = "2.0") -> dict[str, Any]:
    return {
        "type": "dataset",
        "id": "ds",
        "title": "t",
        "schema_version": version,
        "publisher": {"name": "p"},
        "records": list(records),
    }


def test_make_areas_writes_each_unit_once_parents_first() -> None:
    records = make_areas(["15145", "15142"], GAZETTEER, on=date(2021, 6, 1))
    assert [r["id"] for r in records] == ["area-38", "area-390", "area-15145", "area-15142"]
    assert records[2] == {
        "id": "area-15145",
        "type": "area",
        "name": "Xã Cẩm Liên",
        "level": "commune",
        "code": "15145",
        "code_list": "vn:2025-06-30",
        "parent": "area-390",
        "valid_to": "2025-07-01",
    }
    alone = make_areas(["15145"], GAZETTEER, on=date(2021, 6, 1), parents=False)
    assert [r["id"] for r in alone] == ["area-15145"]
    assert "parent" not in alone[0]


def test_make_areas_after_the_reform_names_the_successor_of_a_former_unit() -> None:
    with pytest.raises(UnknownAreaError) as caught:
        make_areas(["15145"], GAZETTEER, on=date(2025, 8, 1))
    assert caught.value.code == "15145"
    assert (
        "Xã Cẩm Liên (15145) is a former unit: it ceased on 2025-07-01, now part of "
        "Xã Cẩm Thạch (15142)" in str(caught.value)
    )
    assert ceased_into(GAZETTEER, "15145", date(2025, 6, 1)) == ()  # not yet ceased
    plain = StaticGazetteer(UNITS, version="plain")  # no succession data: no hint
    assert ceased_into(plain, "15145", date(2025, 8, 1)) == ()
    links = ceased_into(GAZETTEER, "15145", date(2025, 8, 1))
    assert former_unit_note(links, "vi").endswith(
        "không còn từ 2025-07-01, nay thuộc Xã Cẩm Thạch (15142)"
    )


def test_fill_completes_what_a_record_lacks_and_adds_its_parents() -> None:
    document = _dataset(
        {"id": "a-lien", "type": "area", "code": "15145", "valid_to": "2025-07-01"},
        {"id": "fig", "type": "figure"},
    )
    before = copy.deepcopy(document)
    result = fill_areas(document, GAZETTEER)
    assert document == before  # the input is not changed
    records = result.document["records"]
    assert records[0] == {
        "id": "a-lien",
        "type": "area",
        "code": "15145",
        "valid_to": "2025-07-01",
        "name": "Xã Cẩm Liên",
        "level": "commune",
        "code_list": "vn:2025-06-30",
        "parent": "area-390",
    }
    assert [r["id"] for r in records[2:]] == ["area-390", "area-38"]
    assert records[2]["parent"] == "area-38"
    kinds = [(n.kind, n.record_id) for n in result.notes]
    assert kinds == [
        ("filled", "a-lien"),
        ("added", "area-390"),
        ("filled", "area-390"),
        ("added", "area-38"),
    ]
    assert result.notes[0].pointer == "/records/0"
    assert "đã điền name, level, code_list, parent" in result.notes[0].message("vi")


def test_fill_uses_an_existing_parent_record_of_the_same_era() -> None:
    document = _dataset(
        {"id": "th-new", "type": "area", "name": "Tỉnh Thanh Hoá", "level": "province",
         "code": "38", "code_list": "vn:2025-07-01", "valid_from": "2025-07-01"},
        {"id": "th-old", "type": "area", "name": "Tỉnh Thanh Hoá", "level": "province",
         "code": "38", "code_list": "vn:2025-06-30", "valid_to": "2025-07-01"},
        {"id": "thach", "type": "area", "code": "15142", "valid_from": "2025-07-01"},
    )  # fmt: skip
    result = fill_areas(document, GAZETTEER)
    assert result.document["records"][2]["parent"] == "th-new"
    assert len(result.document["records"]) == 3  # nothing added
    assert result.ok, result.errors


def test_fill_never_overwrites_and_says_where_the_record_disagrees() -> None:
    document = _dataset(
        {"id": "x", "type": "area", "name": "Xã Cẩm Yên", "level": "district", "code": "15145",
         "code_list": "gso:2021-02-03"},
    )  # fmt: skip
    result = fill_areas(document, GAZETTEER, parents=False)
    record = result.document["records"][0]
    assert (record["name"], record["level"]) == ("Xã Cẩm Yên", "district")
    found = {n.params.get("field") for n in result.notes if n.kind == "disagrees"}
    assert found == {"name", "level"}


def test_a_name_without_a_code_is_found_tone_insensitively() -> None:
    document = _dataset(
        {"id": "x", "type": "area", "name": "xã Cẩm Liên", "level": "commune",
         "valid_to": "2025-07-01"},
    )  # fmt: skip
    result = fill_areas(document, GAZETTEER, parents=False)
    assert result.document["records"][0]["code"] == "15145"
    assert [n.kind for n in result.notes] == ["filled"]


@pytest.mark.parametrize(
    ("record", "kind"),
    [
        ({"id": "x", "type": "area", "name": "Xã Nowhere", "valid_to": "2025-07-01"}, "unknown"),
        ({"id": "x", "type": "area", "name": "Xã Cẩm Liên", "level": "commune"}, "undated"),
        ({"id": "x", "type": "area", "code": "99999", "valid_to": "2025-07-01"}, "unknown"),
    ],
)
def test_what_cannot_be_filled_is_a_note_and_the_record_stays(
    record: dict[str, Any], kind: str
) -> None:
    result = fill_areas(_dataset(record), GAZETTEER)
    assert [n.kind for n in result.notes] == [kind]
    assert result.document["records"] == [record]


def test_a_code_that_ceased_is_unknown_with_its_successor_named() -> None:
    record = {"id": "x", "type": "area", "name": "Xã Cẩm Liên", "code": "15145"}
    result = fill_areas(_dataset(record), GAZETTEER, on=date(2025, 8, 1))
    (note,) = result.notes
    assert note.kind == "unknown"
    assert "now part of Xã Cẩm Thạch (15142)" in note.message("en")


def test_several_matches_are_ambiguous_and_listed() -> None:
    twins = (*UNITS, _unit("15199", "Cẩm Liên", "Xã", "391"))
    gazetteer = StaticGazetteer(twins, version="twins")
    record = {"id": "x", "type": "area", "name": "Cẩm Liên", "valid_to": "2025-07-01"}
    (note,) = fill_areas(_dataset(record), gazetteer).notes
    assert note.kind == "ambiguous"
    assert "(15145)" in note.message("en")
    assert "(15199)" in note.message("en")
    # Within a parent whose code is known, the name is no longer ambiguous.
    parent = {"id": "d", "type": "area", "name": "Huyện Cẩm Thủy", "level": "district",
              "code": "390", "code_list": "vn:2025-06-30", "valid_to": "2025-07-01"}  # fmt: skip
    result = fill_areas(_dataset(parent, {**record, "parent": "d"}), gazetteer)
    assert result.document["records"][1]["code"] == "15145"


def test_a_1_0_document_and_an_array_of_records_are_filled_too() -> None:
    record = {"id": "x", "type": "area", "code": "15145", "code_list": "gso:2021-02-03"}
    v1 = fill_areas(_dataset(record, version="1.0"), GAZETTEER)
    assert v1.ok, v1.errors
    assert v1.document["records"][0]["name"] == "Xã Cẩm Liên"
    array = fill_areas([record], GAZETTEER)
    assert [r["id"] for r in array.document] == ["x", "area-390", "area-38"]
    assert array.ok, array.errors
    with pytest.raises(TypeError, match="dataset"):
        fill_areas({"type": "area"}, GAZETTEER)


def test_a_record_the_fill_cannot_complete_is_a_schema_error_of_the_result() -> None:
    record = {"id": "x", "type": "area", "code": "99999", "valid_to": "2025-07-01"}
    result = fill_areas(_dataset(record), GAZETTEER)
    assert not result.ok
    assert any(e.pointer == "/records/0" for e in result.errors)


def test_area_record_is_valid_in_both_versions() -> None:
    from antt_domain.io import schema_violations  # noqa: PLC0415

    record = area_record(UNITS[2], record_id="a", parent="p")
    assert schema_violations(record, "area", "1") == []
    assert schema_violations(record, "area", "2") == []


def test_the_national_gazetteer_fills_a_corpus_dataset() -> None:
    """With the plugin installed (as in CI): every administrative area of a corpus example
    gets its code, and nothing needs a person."""
    pytest.importorskip("antt_domain_gazetteer_vn")
    import json  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from antt_domain.plugins import plugin_manager  # noqa: PLC0415

    root = Path(__file__).resolve().parents[3]
    path = next((root / "examples" / "corpus").glob("R12-*/dataset.json"))
    document = json.loads(path.read_text(encoding="utf-8"))
    result = fill_areas(document, plugin_manager().gazetteer(), on=date(2023, 8, 3))
    assert result.ok, result.errors
    assert {n.kind for n in result.notes} == {"filled"}
    areas = [r for r in result.document["records"] if r["type"] == "area"]
    assert all("code" in r for r in areas if r.get("level") in {"province", "district", "commune"})
