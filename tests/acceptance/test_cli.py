"""The ``antt`` command as people and CI use it: outputs, languages and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from antt_domain import __version__
from helpers.cli import Run

BAD = (
    '{"id": "a2", "type": "activity", "kind": "Mobile", "perod": {},\n'
    ' "quantity": {"value": -3, "unit": "session"}}\n'
)


@pytest.mark.smoke
def test_version(antt: Run) -> None:
    """--version names the package and its version."""
    result = antt("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"antt-domain {__version__}"


@pytest.mark.smoke
def test_python_dash_m_runs_the_same_command() -> None:
    """`python -m antt_domain` is `antt`."""
    result = subprocess.run(
        [sys.executable, "-m", "antt_domain", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_validate_the_example_exits_zero(antt: Run, example_path: Path) -> None:
    """A clean 1.0 dataset: exit 0, the V220 info (an upgrade is available) and a summary."""
    result = antt("validate", str(example_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        (
            f"{example_path}:4:3: V220 info this is a 1.0 document; `antt upgrade` writes it "
            "as 2.0 [/schema_version]"
        ),
        "",
        "1 file(s), 38 record(s): 0 error(s), 0 warning(s), 1 info",
    ]


def test_validate_reports_located_findings_and_exits_one(antt: Run, tmp_path: Path) -> None:
    """`path:line:col: CODE severity message [pointer]` per finding, then a summary; exit 1."""
    bad = tmp_path / "bad.json"
    bad.write_text(BAD, encoding="utf-8")
    result = antt("validate", str(bad))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{bad}:1:1: S001 error missing required property 'period' []".replace(
        " []", ""
    )
    assert f"{bad}:1:34: S005 error" in lines[1]
    assert any("S002 error unknown property 'perod'; did you mean 'period'?" in ln for ln in lines)
    assert any(
        ":2:15: S006 error -3 is below the minimum 0 [/quantity/value]" in ln for ln in lines
    )
    assert lines[-1] == "1 file(s), 1 record(s): 4 error(s), 0 warning(s), 0 info"


@pytest.mark.smoke
def test_validate_speaks_vietnamese_by_flag_or_locale(antt: Run, tmp_path: Path) -> None:
    """--lang vi, or a Vietnamese locale, gives Vietnamese messages."""
    bad = tmp_path / "bad.json"
    bad.write_text(BAD, encoding="utf-8")
    by_flag = antt("validate", "--lang", "vi", str(bad))
    by_locale = antt("validate", str(bad), env={"LANG": "vi_VN.UTF-8"})
    for result in (by_flag, by_locale):
        assert "thiếu trường bắt buộc 'period'" in result.stdout
        assert result.stdout.splitlines()[-1] == "1 tệp, 1 bản ghi: 4 lỗi, 0 cảnh báo, 0 thông tin"


def test_validate_json_output_has_the_documented_shape(antt: Run, tmp_path: Path) -> None:
    """--format json: version, ok, summary, inputs and findings with every field."""
    bad = tmp_path / "bad.json"
    bad.write_text(BAD, encoding="utf-8")
    result = antt("validate", "--format", "json", str(bad))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["ok"] is False
    assert report["summary"] == {
        "files": 1,
        "records": 1,
        "error": 4,
        "warning": 0,
        "info": 0,
        "not_shown": 0,
    }
    first = report["findings"][0]
    assert set(first) == {
        "code",
        "severity",
        "path",
        "line",
        "column",
        "pointer",
        "record_id",
        "message",
        "message_vi",
        "message_en",
    }
    assert (first["code"], first["line"], first["record_id"]) == ("S001", 1, "a2")


def test_fail_on_controls_the_exit_code(antt: Run, example_path: Path) -> None:
    """--fail-on accepts the severities; a clean 1.0 file passes at error and warning, and
    at info only without its V220 (upgrade available)."""
    for level in ("error", "warning"):
        assert antt("validate", "--fail-on", level, str(example_path)).returncode == 0
    assert antt("validate", "--fail-on", "info", str(example_path)).returncode == 1
    quiet = antt("validate", "--fail-on", "info", "--ignore", "V220", str(example_path))
    assert quiet.returncode == 0


def test_validate_cannot_do_its_job_exits_two(antt: Run, tmp_path: Path) -> None:
    """A missing path, no path at all, or an unknown option: exit 2, a message, no traceback."""
    missing = antt("validate", str(tmp_path / "missing.json"))
    assert missing.returncode == 2
    assert "no such file or directory" in missing.stderr
    assert antt("validate").returncode == 2
    assert antt("validate", "--format", "yaml", "x.json").returncode == 2
    assert antt("no-such-command").returncode == 2
    assert antt().returncode == 2


def test_malformed_json_is_a_located_finding(antt: Run, tmp_path: Path) -> None:
    """A syntax error is reported at its line and column with exit 1, not a crash."""
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "id": "a",\n  "type": oops\n}\n', encoding="utf-8")
    result = antt("validate", str(broken))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{broken}:3:11: R001 error invalid JSON: Expecting value")


def test_show_prints_the_figures_in_each_language(antt: Run, example_path: Path) -> None:
    """Vietnamese numbers in vi (1.838 buổi), English in en (1,838 session)."""
    vi = antt("show", "--lang", "vi", str(example_path))
    assert vi.returncode == 0
    assert "Tuyên truyền lưu động: 1.838 buổi" in vi.stdout
    assert "35 buổi + 5.592 lượt người" in vi.stdout
    assert "không nêu thời gian ('những năm qua')" in vi.stdout
    en = antt("show", "--lang", "en", str(example_path))
    assert "Mobile outreach session: 1,838 session" in en.stdout
    assert "12,397 household" in en.stdout


def test_show_refuses_an_invalid_dataset_with_exit_two(antt: Run, tmp_path: Path) -> None:
    """`show` needs a valid dataset; it says why it cannot show one."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "dataset"}', encoding="utf-8")
    result = antt("show", str(bad))
    assert result.returncode == 2
    assert "does not match the dataset schema" in result.stderr


def test_example_writes_the_bundled_dataset_and_never_overwrites_silently(
    antt: Run, tmp_path: Path, example_path: Path
) -> None:
    """`antt example --out DIR` writes the files; again without --force is refused."""
    target = tmp_path / "out"
    first = antt("example", "--out", str(target))
    assert first.returncode == 0
    written = target / "dataset.json"
    assert written.read_bytes() == example_path.read_bytes()
    again = antt("example", "--out", str(target))
    assert again.returncode == 2
    assert "--force" in again.stderr
    assert antt("example", "--out", str(target), "--force").returncode == 0
    assert antt("validate", str(written)).returncode == 0


def test_schema_prints_schemas_and_codelists(antt: Run) -> None:
    """`antt schema NAME` prints the bundled JSON Schema; --codelist prints a codelist."""
    listing = antt("schema")
    assert "dataset" in listing.stdout.split()
    schema = json.loads(antt("schema", "dataset").stdout)
    assert schema["$id"].endswith("/v1/dataset.schema.json")
    units = json.loads(antt("schema", "--codelist", "units").stdout)
    assert {"code": "participant_time", "vi": "lượt người"}.items() <= units["codes"][2].items()
    assert antt("schema", "nope").returncode == 2


def test_codes_lists_the_catalogue(antt: Run) -> None:
    """`antt codes` lists every finding code; --json for machines."""
    text = antt("codes").stdout
    assert "S001 missing-property (error, schema)" in text
    rows = json.loads(antt("codes", "--format", "json").stdout)
    assert {"R001", "S001", "T001"} <= {r["code"] for r in rows}
    assert all(r["title"]["vi"] and r["title"]["en"] for r in rows)
