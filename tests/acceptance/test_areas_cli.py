"""``antt areas make`` and ``antt areas fill``, in process, with the bundled extract (and the
national gazetteer where the plugin is installed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from antt_domain.cli._main import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["areas", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_make_prints_the_records_of_a_code_with_its_parents(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, "make", "15145", "--on", "2021-06-01")
    assert (code, err) == (0, "")
    records = json.loads(out)
    assert [r["id"] for r in records] == ["area-38", "area-390", "area-15145"]
    assert records[-1]["name"] == "Xã Cẩm Liên"


def test_make_refuses_an_unknown_code_and_a_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "make", "99999", "--on", "2021-06-01")
    assert (code, out) == (2, "")
    assert "no unit with code '99999' on 2021-06-01" in err
    code, _, err = _run(capsys, "make", "15145", "--on", "June")
    assert code == 2
    assert "'June' is not a date (YYYY-MM-DD)" in err


def test_fill_writes_the_completed_dataset_and_says_what_it_did(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "in.json"
    record = {"id": "lien", "type": "area", "code": "15145", "code_list": "gso:2021-02-03"}
    dataset = {
        "type": "dataset",
        "id": "ds",
        "title": "t",
        "schema_version": "2.0",
        "publisher": {"name": "p"},
        "records": [record],
    }
    source.write_text(json.dumps(dataset), encoding="utf-8")
    target = tmp_path / "out.json"
    code, out, _ = _run(capsys, "fill", str(source), "-o", str(target), "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == str(target)
    (filled,) = [line for line in lines if "/records/0]" in line]
    assert "note: filled name, level, " in filled
    assert "parent from Xã Cẩm Liên" in filled
    written = json.loads(target.read_text(encoding="utf-8"))
    assert [r["id"] for r in written["records"]] == ["lien", "area-390", "area-38"]
    # It refuses to overwrite without --force, and writes nothing then.
    code, _, err = _run(capsys, "fill", str(source), "-o", str(target))
    assert code == 2
    assert "already exists (use --force to overwrite)" in err


def test_fill_exits_1_when_an_area_needs_a_person(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps([{"id": "x", "type": "area", "name": "Xã Cẩm Liên", "level": "commune"}]),
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "fill", str(source), "-o", "-", "--lang", "en")
    assert code == 1
    assert json.loads(out)[0]["id"] == "x"
    assert "check: no date to look 'Xã Cẩm Liên' up on" in err


def test_fill_refuses_what_is_not_a_dataset(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "in.json"
    source.write_text('{"type": "area"}', encoding="utf-8")
    code, _, err = _run(capsys, "fill", str(source), "-o", str(tmp_path / "o.json"))
    assert code == 2
    assert "takes a dataset" in err
    assert not (tmp_path / "o.json").exists()
    source.write_text("{", encoding="utf-8")
    code, _, err = _run(capsys, "fill", str(source), "-o", str(tmp_path / "o.json"))
    assert code == 2
    assert "invalid JSON" in err
