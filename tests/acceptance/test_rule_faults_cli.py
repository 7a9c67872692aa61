"""`antt validate` with an installed plugin whose rules crash in every way: every other
finding is still reported in the format asked for, the faults are named, and the exit is 2."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers.cli import Run, install_offline

pytestmark = pytest.mark.smoke

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "tests" / "fixtures" / "plugins" / "antt-domain-crashing-rules"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The crashing-rules plugin installed offline into a folder for PYTHONPATH."""
    return install_offline(tmp_path_factory.mktemp("site"), PLUGIN)


def test_json_report_keeps_every_finding_and_names_each_fault(
    antt: Run, site: Path, crash_records: Path
) -> None:
    """JSON on stdout with the built-in, the working rule's and the fault findings; exit 2;
    stderr names rule, plugin, file, line and record; no traceback (checked by ``antt``)."""
    path = crash_records
    result = antt("validate", "--format", "json", str(path), env={"PYTHONPATH": str(site)})
    assert result.returncode == 2
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert codes.count("V900") == 3
    assert codes.count("D900") == 1
    assert "XCR001" in codes
    assert any(c.startswith("S") for c in codes)
    assert (
        f"rule XCR002 of crashing_rules crashed on {path}:21 (record 'act-boom') "
        "and was switched off: ZeroDivisionError: integer division or modulo by zero"
    ) in result.stderr
    assert "--debug" in result.stderr


def test_sarif_and_junit_files_are_written_despite_the_faults(
    antt: Run, site: Path, tmp_path: Path, crash_records: Path
) -> None:
    """-o still writes the whole report; the fault is a result/test case like any finding."""
    path = crash_records
    sarif = tmp_path / "s.sarif"
    result = antt(
        "validate", "--format", "sarif", "-o", str(sarif), str(path),
        env={"PYTHONPATH": str(site)},
    )  # fmt: skip
    assert result.returncode == 2
    results = json.loads(sarif.read_text("utf-8"))["runs"][0]["results"]
    assert {"V900", "D900", "XCR001"} <= {r["ruleId"] for r in results}
    junit = tmp_path / "j.xml"
    antt(
        "validate", "--format", "junit", "-o", str(junit), str(path), env={"PYTHONPATH": str(site)}
    )
    cases = ET.parse(junit).getroot().iter("testcase")  # noqa: S314 - our own output
    assert any("V900" in (c.get("name") or "") for c in cases)
