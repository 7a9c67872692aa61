"""``validate(path, plugins=manager)`` gives exactly the report ``antt validate`` prints, with
a plugin installed that adds a rule, a code to an open codelist and a gazetteer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from antt_domain.plugins import plugin_manager
from antt_domain.validation import RenderOptions, RulePlugins, catalogue, render, validate
from helpers.cli import Run, install_offline
from helpers.plugins import THANHHOA_RECORDS, write_records

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.smoke  # the plugin is found on PYTHONPATH: a new process

PLUGIN = ROOT / "tests" / "fixtures" / "plugins" / "antt-domain-thanhhoa"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin installed offline into a folder for PYTHONPATH."""
    return install_offline(tmp_path_factory.mktemp("site"), PLUGIN)


def _records(tmp_path: Path) -> Path:
    return write_records(
        tmp_path / "records.json",
        *THANHHOA_RECORDS,
        {"id": "a2", "type": "activity", "kind": "Bad", "period": {"kind": "unstated"}},
    )


def test_the_api_with_the_plugins_gives_the_report_of_the_command(
    antt: Run, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same findings, to the message and position, as the command's JSON report; without
    the plugins the API reports what the plugin's codes and gazetteer would have settled."""
    path = _records(tmp_path)
    command = antt("validate", "--format", "json", str(path), env={"PYTHONPATH": str(site)})
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("ANTT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.delenv("ANTT_PLUGINS", raising=False)
    manager = plugin_manager()
    assert isinstance(manager, RulePlugins)
    report = validate(path, plugins=manager)
    options = RenderOptions(catalogue=catalogue(manager.rules()))
    assert json.loads(render(report, "json", options)) == json.loads(command.stdout)
    assert "XTH001" in {f.code for f in report}
    without = {f.code for f in validate(path)}
    assert {"V101", "D010"} <= without
    assert "XTH001" not in without
