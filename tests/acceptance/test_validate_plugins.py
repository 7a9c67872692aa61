"""`antt validate` with a plugin that adds a rule, a code to an open codelist and a gazetteer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.cli import Run, install_offline
from helpers.plugins import THANHHOA_RECORDS, write_records

pytestmark = pytest.mark.smoke

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "tests" / "fixtures" / "plugins" / "antt-domain-thanhhoa"
BROKEN = ROOT / "tests" / "fixtures" / "plugins" / "antt-domain-broken"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin (and a broken one) installed offline into a folder for PYTHONPATH."""
    return install_offline(tmp_path_factory.mktemp("site"), PLUGIN, BROKEN)


def _records(tmp_path: Path) -> Path:
    return write_records(tmp_path / "records.json", *THANHHOA_RECORDS)


def test_plugin_rules_codes_and_gazetteer_are_used(antt: Run, site: Path, tmp_path: Path) -> None:
    """The plugin's rule reports, its unit is known, its gazetteer confirms the area code."""
    path = _records(tmp_path)
    without = antt(
        "validate", "--format", "json", str(path), env={"ANTT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    )
    assert [f["code"] for f in json.loads(without.stdout)["findings"]] == ["V101", "D010"]
    with_plugin = antt(
        "validate", "--format", "json", "--lang", "vi", str(path), env={"PYTHONPATH": str(site)}
    )
    findings = json.loads(with_plugin.stdout)["findings"]
    assert [(f["code"], f["message"]) for f in findings] == [("XTH001", "a1 chưa có mô tả")]
    assert "broken" in with_plugin.stderr  # reported by name, and validation went on
    assert with_plugin.returncode == 0


def test_strict_plugins_turns_a_broken_plugin_into_exit_two(
    antt: Run, site: Path, tmp_path: Path
) -> None:
    """--strict-plugins: the broken plugin stops the command with exit 2 and its name."""
    result = antt(
        "validate", "--strict-plugins", str(_records(tmp_path)), env={"PYTHONPATH": str(site)}
    )
    assert result.returncode == 2
    assert "broken" in result.stderr
    assert result.stdout == ""


def test_plugin_rule_codes_reach_sarif_and_the_catalogue(
    antt: Run, site: Path, tmp_path: Path
) -> None:
    """SARIF describes the plugin's rule from its own catalogue entry."""
    result = antt(
        "validate", "--format", "sarif", str(_records(tmp_path)), env={"PYTHONPATH": str(site)}
    )
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rules == [
        {
            "id": "XTH001",
            "name": "ActivityNeedsDescription",
            "shortDescription": {"text": "Activity without a description"},
            "fullDescription": {
                "text": "Thanh Hoá asks for a short description of every activity."
            },
            "defaultConfiguration": {"level": "warning"},
            "properties": {"stage": "rules"},
        }
    ]
