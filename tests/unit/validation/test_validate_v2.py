"""Validation reads Schema 2.0: the pipeline by version, ``--schema-version``, ``--jobs`` on
2.0, and the 1.0 rules ported to 2.0 records (same codes, same messages)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from antt_domain.cli import main
from antt_domain.validation import _workers as _engine
from antt_domain.validation import validate, validate_bytes, validate_value

ROOT = Path(__file__).resolve().parents[3]
CORPUS = sorted((ROOT / "examples" / "corpus").glob("*/dataset.json"))
CAM_THUY = ROOT / "examples" / "cam-thuy-2021"

SOURCE = {"id": "src-a", "type": "source", "kind": "article", "title": "Bài báo"}
AREA = {"id": "area-p", "type": "area", "name": "Tỉnh P", "level": "province"}
ORG = {"id": "org-ca", "type": "organisation", "name": "Công an tỉnh P", "kind": "police",
       "level": "province", "area": "area-p"}  # fmt: skip


def _figure(**changes: Any) -> dict[str, Any]:
    figure = {
        "id": "fig-1",
        "type": "figure",
        "kind": "mobile_outreach",
        "period": {"kind": "interval", "start": "2021-01-01", "end": "2021-12-31"},
        "quantity": {"value": 12, "unit": "session"},
        "area": "area-p",
        "actors": [{"role": "organiser", "organisation": "org-ca"}],
    }
    figure.update(changes)
    return {k: v for k, v in figure.items() if v is not None}


def _run(*records: dict[str, Any]) -> set[tuple[str, str | None]]:
    """(code, record id) of each finding on these 2.0 records, with the usual companions."""
    data = json.dumps([SOURCE, AREA, ORG, *records], ensure_ascii=False).encode()
    report = validate_bytes(data, format="json", schema_version="2")
    assert not report.faults
    return {(f.code, f.record_id) for f in report.findings}


def _codes(*records: dict[str, Any]) -> set[str]:
    return {code for code, _ in _run(*records)}


# -- the pipeline by version -------------------------------------------------------------------


def test_the_companions_alone_raise_nothing() -> None:
    assert _run(_figure()) == set()


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.parent.name)
def test_every_corpus_example_passes_with_only_its_expected_findings(path: Path) -> None:
    ledger = json.loads((path.parent / "ledger.json").read_text("utf-8"))
    expected = {(e["code"], e.get("record")) for e in ledger.get("expected_findings", [])}
    report = validate(path)
    assert not report.faults
    assert not [f for f in report.findings if f.severity.value == "error"]
    assert {(f.code, f.record_id) for f in report.findings} == expected


def test_the_cli_passes_a_2_0_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(CAM_THUY / "dataset-2.0.json")]) == 0
    assert "0 error(s)" in capsys.readouterr().out


def test_cam_thuy_gives_the_same_findings_in_1_0_and_2_0() -> None:
    """Apart from V220 (the 1.0 document may be upgraded), both say the same: nothing."""
    one = {(f.code, f.record_id) for f in validate(CAM_THUY / "dataset.json")}
    two = {(f.code, f.record_id) for f in validate(CAM_THUY / "dataset-2.0.json")}
    assert one - {("V220", None)} == two
    assert ("V220", None) in one


def test_a_2_0_record_read_as_1_0_hints_at_the_flag() -> None:
    record = json.dumps(_figure()).encode()
    report = validate_bytes(record, format="json")
    (finding,) = report.findings
    assert finding.code == "S010"
    assert "--schema-version 2" in finding.message_en
    assert "--schema-version 2" in finding.message_vi
    assert "Lược đồ 2.0" in finding.message_vi
    assert validate_bytes(record, format="json", schema_version="2", select=("S",)).findings == ()


def test_a_1_0_record_read_as_2_0_names_upgrade() -> None:
    record = {"id": "a-1", "type": "activity", "kind": "x"}
    (finding,) = validate_value(record, schema_version="2").findings
    assert finding.code == "S010"
    assert "antt upgrade" in finding.message_en


def test_an_unknown_type_gets_no_version_hint() -> None:
    (finding,) = validate_value({"id": "a-1", "type": "nothing"}).findings
    assert finding.code == "S010"
    assert "schema-version" not in finding.message_en


def test_a_dataset_whose_version_disagrees_with_the_flag_is_one_finding() -> None:
    one = CAM_THUY / "dataset.json"
    report = validate(one, schema_version="2")
    (finding,) = report.findings
    assert (finding.code, finding.pointer) == ("S004", "/schema_version")
    assert "--schema-version 2" in finding.message_en
    assert validate(CAM_THUY / "dataset-2.0.json", schema_version="2").findings == ()


def test_a_2_0_dataset_gets_2_0_schema_findings() -> None:
    value = json.loads((CAM_THUY / "dataset-2.0.json").read_text("utf-8"))
    value["records"][0]["kind"] = 5
    report = validate_value(value)
    assert [(f.code, f.pointer) for f in report.findings] == [("S003", "/records/0/kind")]


def _jsonl(folder: Path, count: int) -> Path:
    lines = []
    for i in range(count):
        lines.append(json.dumps(_figure(id=f"fig-{i}"), ensure_ascii=False))
        if i % 50 == 0:  # a finding of each stage now and then
            lines.append(json.dumps(_figure(id=f"bad-{i}", unknown=True)))
            lines.append(
                json.dumps(_figure(id=f"v102-{i}", quantity={"value": 1.5, "unit": "person"}))
            )
            lines.append(json.dumps(_figure(id=f"d002-{i}", area="area-missing")))
    lines += [json.dumps(r, ensure_ascii=False) for r in (SOURCE, AREA, ORG)]
    path = folder / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_jsonl_of_2_0_records_with_the_flag(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _jsonl(tmp_path, 3)
    assert main(["validate", "--schema-version", "2", "--format", "json", str(path)]) == 1
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert codes == {"S002", "V102", "V103", "D002", "D005"}  # the generated figures repeat
    assert main(["validate", "--format", "json", str(path)]) == 1
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert codes == {"S010"}


@pytest.mark.parametrize("ignore", [(), ("D",)])
def test_jobs_on_2_0_give_the_findings_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ignore: tuple[str, ...]
) -> None:
    """A 2.0 JSONL file over PARALLEL_BYTES is shared by two processes, which read it as 2.0
    and send the records back for the dataset rules: the report is the one process's."""
    path = _jsonl(tmp_path, 400)
    monkeypatch.setattr(_engine, "PARALLEL_BYTES", 8 * 1024)
    assert path.stat().st_size > _engine.PARALLEL_BYTES
    one = validate(path, schema_version="2", ignore=ignore)
    two = validate(path, schema_version="2", ignore=ignore, jobs=2)
    assert two.findings == one.findings
    codes = {f.code for f in one.findings}
    assert codes == {"S002", "V102", "V103"} | (set() if ignore else {"D002", "D005"})


# -- the ported record rules --------------------------------------------------------------------


def test_v101_unknown_code_and_namespaced_codes() -> None:
    assert ("V101", "fig-1") in _run(_figure(kind="mobile_outreachh"))
    assert _codes(_figure(kind="xhn:tuan_tra")) == {"D112"}  # undeclared, but not V101
    assert ("V101", "fig-1") in _run(_figure(quantity={"value": 3, "unit": "sesion"}))
    actors = [{"role": "organisr", "organisation": "org-ca"}]
    assert ("V101", "fig-1") in _run(_figure(actors=actors))


def test_v102_fractional_count() -> None:
    assert ("V102", "fig-1") in _run(_figure(quantity={"value": 1.838, "unit": "session"}))
    assert "V102" not in _codes(_figure(quantity={"value": 1838, "unit": "session"}))


def test_v103_unit_for_the_kind() -> None:
    assert ("V103", "fig-1") in _run(_figure(quantity={"value": 3, "unit": "case"}))
    assert "V103" not in _codes(_figure(quantity={"value": 30, "unit": "percent"}))


def test_v104_participants_fewer_than_sessions() -> None:
    few = {"value": 5, "unit": "person"}
    assert ("V104", "fig-1") in _run(_figure(participants=few))
    assert "V104" not in _codes(_figure(participants={"value": 50, "unit": "person"}))


def test_v105_share_above_its_whole_on_every_quantity() -> None:
    figure = _figure(kind="teams", quantity={"value": 120, "unit": "percent"})
    assert ("V105", "fig-1") in _run(figure)
    award = {
        "id": "aw-1",
        "type": "award",
        "forms": ["certificate_of_merit"],
        "recipients": [
            {
                "kind": "collective",
                "quantity": {"value": 12, "denominator": 11, "unit": "household"},
            }
        ],
    }
    assert ("V105", "aw-1") in _run(award)
    assert "V105" not in _codes(_figure(kind="teams", quantity={"value": 57.69, "unit": "percent"}))


def test_v106_as_written_disagrees() -> None:
    wrong = {"value": 300, "unit": "session", "as_written": "hơn 300 buổi"}
    assert ("V106", "fig-1") in _run(_figure(quantity=wrong))
    right = {
        "value": 300,
        "unit": "session",
        "precision": "more_than",
        "as_written": "hơn 300 buổi",
    }
    assert "V106" not in _codes(_figure(quantity=right))


def _document(symbol: str) -> dict[str, Any]:
    return {"id": "doc-1", "type": "document", "kind": "coordination_programme", "symbol": symbol}


def test_v107_document_symbol() -> None:
    assert ("V107", "doc-1") in _run(_document("09/Ctr-BCA-TTTW"))
    assert "V107" not in _codes(_document("09/CTr-BCA-BTTUBTWMTTQVN"))


def test_v108_area_code_length() -> None:
    area = {"id": "area-d", "type": "area", "name": "Huyện D", "level": "district",
            "parent": "area-p", "code": "3901", "code_list": "gso:2021-02-03"}  # fmt: skip
    assert ("V108", "area-d") in _run(area)
    assert "V108" not in _codes({**area, "code": "390"})


# -- the ported dataset rules ---------------------------------------------------------------


def test_d001_duplicate_ids() -> None:
    # An identical copy (the same record in two files) is one record; another content is not.
    assert "D001" not in _codes(_figure(), _figure())
    assert ("D001", "fig-1") in _run(_figure(), _figure(description="another figure"))
    assert "D001" not in _codes(_figure(), _figure(id="fig-2"))


def test_d002_dangling_references_in_nested_fields() -> None:
    found = validate_bytes(
        json.dumps(
            [SOURCE, AREA, ORG, _figure(actors=[{"role": "organiser", "organisation": "org-x"}])]
        ).encode(),
        format="json",
        schema_version="2",
    )
    (finding,) = found.findings
    assert (finding.code, finding.pointer) == ("D002", "/3/actors/0/organisation")
    links = [{"rel": "part_of", "to": "fig-none"}]
    assert ("D002", "fig-1") in _run(_figure(links=links, under=["doc-none"]))
    assert _codes(_figure(links=[{"rel": "part_of", "to": "fig-2"}]), _figure(id="fig-2")) == set()


def test_d003_reference_to_the_wrong_type() -> None:
    assert ("D003", "fig-1") in _run(_figure(area="org-ca"))
    assert "D003" not in _codes(_figure(area="area-p"))


def test_d004_organisation_that_did_not_exist_then() -> None:
    old = {**ORG, "id": "org-old", "valid_to": "2020-01-01"}
    actors = [{"role": "organiser", "organisation": "org-old"}]
    assert ("D004", "fig-1") in _run(old, _figure(actors=actors))
    assert "D004" not in _codes({**old, "valid_to": "2025-03-01"}, _figure(actors=actors))


def test_d006_duplicate_names() -> None:
    one = {**ORG, "id": "org-1", "name": "Công an xã Cẩm Thuỷ"}
    two = {**ORG, "id": "org-2", "name": "Công an xã Cẩm Thủy"}
    assert ("D006", "org-2") in _run(one, two)
    assert "D006" not in _codes(one, {**two, "name": "Công an xã Cẩm Yên"})


def test_d007_outside_the_document_period() -> None:
    document = {
        **_document("09/CTr-BCA-BTTUBTWMTTQVN"),
        "effective": {"kind": "interval", "start": "2018-01-01", "end": "2019-12-31"},
    }
    assert ("D007", "fig-1") in _run(document, _figure(under=["doc-1"]))
    inside = {
        **document,
        "effective": {"kind": "interval", "start": "2021-01-01", "end": "2023-12-31"},
    }
    assert "D007" not in _codes(inside, _figure(under=["doc-1"]))


def test_d009_hierarchy_cycle() -> None:
    one = {"id": "area-1", "type": "area", "name": "Xã 1", "level": "commune", "parent": "area-2"}
    two = {"id": "area-2", "type": "area", "name": "Xã 2", "level": "commune", "parent": "area-1"}
    assert "D009" in _codes(one, two)
    assert "D009" not in _codes({**one, "parent": "area-p"})


def test_d010_gazetteer_codes_on_2_0_areas() -> None:
    area = {"id": "area-c", "type": "area", "name": "Xã C", "level": "commune", "parent": "area-p",
            "code": "99999", "code_list": "gso:2021-02-03", "valid_from": "2021-01-01"}  # fmt: skip
    assert ("D010", "area-c") in _run(area)
    data = json.dumps([SOURCE, AREA, ORG, area]).encode()
    report = validate_bytes(data, format="json", schema_version="2", gazetteer=None)
    assert "D010" not in {f.code for f in report.findings}


def test_d002_on_2_0_dataset_metadata_with_a_hint() -> None:
    value = json.loads((CAM_THUY / "dataset-2.0.json").read_text("utf-8"))
    value["area"] = "area-39"
    report = validate_bytes(json.dumps(value, ensure_ascii=False).encode())
    (finding,) = report.findings
    assert (finding.code, finding.pointer) == ("D002", "/area")
    assert "did you mean 'area-390'" in finding.message_en


@pytest.mark.parametrize("version", [None, "2"])
def test_a_jsonl_line_whose_type_is_not_text_is_a_finding_not_a_crash(
    version: str | None,
) -> None:
    """The fast path looks a line's ``type`` up among the record types: a list or an object
    there is S010, on either version (it raised ``TypeError: unhashable type``)."""
    data = b'{"id": "a", "type": []}\n{"type": {}}\n'
    report = validate_bytes(data, format="jsonl", schema_version=version)  # type: ignore[arg-type]
    assert [(f.code, f.line, f.pointer) for f in report.findings] == [
        ("S010", 1, "/type"),
        ("S010", 2, "/type"),
    ]
