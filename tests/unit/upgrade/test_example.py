"""The bundled Cẩm Thuỷ 1.0 example upgrades to a valid 2.0 document that agrees with it figure
by figure, and ``examples/cam-thuy-2021/dataset-2.0.json`` is exactly what the upgrade writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from antt_domain.io import dumps
from antt_domain.schemas import validator_for
from antt_domain.upgrade import upgrade

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "examples" / "cam-thuy-2021"
LIFECYCLE = {
    "model_launch": "launched",
    "models_built": "new",
    "model_replication": "replicated",
    "model_consolidation": "consolidated",
}


def _old() -> dict[str, Any]:
    value: dict[str, Any] = json.loads((FOLDER / "dataset.json").read_text(encoding="utf-8"))
    return value


def _organisations(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(role, organisation) of a 1.0 record's organiser and partners, in order."""
    found = [("organiser", record["organiser"])] if "organiser" in record else []
    return found + [("partner", p) for p in record.get("partners", ())]


def test_the_example_upgrades_to_a_valid_2_0_document_with_no_note() -> None:
    result = upgrade(_old())
    assert result.ok, result.errors
    assert result.notes == ()
    assert list(validator_for("dataset", version="2").iter_errors(result.document)) == []


def test_the_example_agrees_figure_by_figure() -> None:
    old = _old()
    new = upgrade(old).document
    figures = {r["id"]: r for r in new["records"] if r["type"] == "figure"}
    olds = [r for r in old["records"] if r["type"] in ("activity", "outcome")]
    assert sorted(figures) == sorted(r["id"] for r in olds)
    assert olds, "the example has activities and outcomes"
    for record in olds:
        figure = figures[record["id"]]
        assert figure.get("quantity") == record.get("quantity"), record["id"]
        if "quantity" in record:
            quantity = figure["quantity"]
            assert quantity["value"] == record["quantity"]["value"]
            assert quantity["unit"] == record["quantity"]["unit"]
            assert quantity.get("as_written") == record["quantity"].get("as_written")
        assert figure.get("participants") == record.get("participants")
        assert figure["period"] == record["period"]
        assert figure.get("area") == record.get("area")
        actors = [(a["role"], a["organisation"]) for a in figure.get("actors", ())]
        assert actors == _organisations(record), record["id"]
        assert figure.get("under") == record.get("agreements")
        assert figure.get("groups") == record.get("target_groups")
        assert figure.get("models") == record.get("models")
        assert figure.get("sources") == record.get("sources")
        kind = record["kind"]
        if kind in LIFECYCLE:
            assert (figure["kind"], figure["lifecycle"]) == ("models", [LIFECYCLE[kind]])
        else:
            assert figure["kind"] == kind


def test_every_other_record_keeps_its_id_and_its_values() -> None:
    old = _old()
    new = upgrade(old).document
    assert [r["id"] for r in new["records"]] == [r["id"] for r in old["records"]]
    for before, after in zip(old["records"], new["records"], strict=True):
        if before["type"] in ("area", "organisation", "model_type"):
            assert after == before
        if before["type"] == "agreement":
            assert after["type"] == "document"
            assert after.get("title_as_written") == before.get("title")
    meta_old = {k: v for k, v in old.items() if k not in ("records", "schema_version")}
    meta_new = {k: v for k, v in new.items() if k not in ("records", "schema_version")}
    assert meta_new == meta_old


def test_the_bundled_2_0_file_is_what_the_upgrade_writes() -> None:
    written = (FOLDER / "dataset-2.0.json").read_bytes()
    assert written == dumps(upgrade(_old()).document).encode("utf-8")
