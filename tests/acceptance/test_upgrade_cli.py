"""``antt upgrade``, in process: writes 2.0, refuses to overwrite without --force, writes to
standard output with ``-o -``, and refuses (exit 2) a 2.0 or an invalid 1.0 input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from antt_domain.cli._main import main
from antt_domain.schemas import validator_for


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["upgrade", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_upgrade_writes_a_valid_2_0_dataset(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_path: Path
) -> None:
    target = tmp_path / "dataset-2.0.json"
    code, out, err = _run(capsys, str(example_path), "-o", str(target))
    assert (code, err) == (0, "")
    assert out.splitlines() == [str(target)]
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["schema_version"] == "2.0"
    assert list(validator_for("dataset", version="2").iter_errors(document)) == []


def test_upgrade_refuses_to_overwrite_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_path: Path
) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = _run(capsys, str(example_path), "-o", str(target))
    assert code == 2
    assert f"{target}: already exists (use --force to overwrite)" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, _ = _run(capsys, str(example_path), "-o", str(target), "--force")
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == "2.0"


def test_upgrade_to_standard_output(capsys: pytest.CaptureFixture[str], example_path: Path) -> None:
    code, out, err = _run(capsys, str(example_path), "-o", "-")
    assert (code, err) == (0, "")
    assert json.loads(out)["schema_version"] == "2.0"


def test_a_2_0_input_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    target = tmp_path / "out.json"
    root = Path(__file__).resolve().parents[2]
    new.write_bytes((root / "examples" / "cam-thuy-2021" / "dataset-2.0.json").read_bytes())
    code, _, err = _run(capsys, str(new), "-o", str(target))
    assert code == 2
    assert "not a 1.x document (schema_version '2.0')" in err
    assert not target.exists()


def test_an_invalid_1_0_input_is_refused_with_the_gist(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_path: Path
) -> None:
    value = json.loads(example_path.read_text(encoding="utf-8"))
    value["records"][0]["perod"] = 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.json"
    code, _, err = _run(capsys, str(bad), "-o", str(target))
    assert code == 2
    assert "does not match the 1.0 schema" in err
    assert "/records/0" in err
    assert "perod" in err
    assert not target.exists()


def test_an_unreadable_input_exits_two(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert _run(capsys, str(broken), "-o", str(tmp_path / "o.json"))[0] == 2
    assert _run(capsys, str(tmp_path / "missing.json"), "-o", str(tmp_path / "o.json"))[0] == 2


def test_notes_are_printed_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record = {
        "id": "o1",
        "type": "outcome",
        "kind": "coffee_watch",
        "period": {"kind": "unstated"},
        "quantity": {"value": 3, "unit": "case"},
    }
    source = tmp_path / "record.json"
    source.write_text(json.dumps(record), encoding="utf-8")
    code, out, _ = _run(capsys, str(source), "-o", str(tmp_path / "en.json"), "--lang", "en")
    assert code == 0
    assert "note: the outcome code 'coffee_watch' (figure_kinds)" in out
    assert "[/kind]" in out
    code, out, _ = _run(capsys, str(source), "-o", str(tmp_path / "vi.json"), "--lang", "vi")
    assert code == 0
    assert "không gian tên" in out
