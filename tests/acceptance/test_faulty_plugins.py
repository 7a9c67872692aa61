"""The real ``antt`` with a plugin distribution that breaks in every way (antt-domain-faulty).

Each fault is a message naming the plugin, the hook and the format or command, and exit code
2 -- no traceback (the ``antt`` fixture checks that for every run), no partial file. Load-time
faults are warnings (exit 0) or, with ``--strict-plugins``, exit 2. The same cases are tested
in process in tests/unit/plugin_manager/test_faults.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.cli import Run, install_offline

pytestmark = pytest.mark.smoke

ROOT = Path(__file__).resolve().parents[2]
FAULTY = ROOT / "tests" / "fixtures" / "plugins" / "antt-domain-faulty"
EXAMPLE = str(ROOT / "examples" / "cam-thuy-2021" / "dataset.json")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The faulty distribution, installed once for the module (offline)."""
    return install_offline(tmp_path_factory.mktemp("site"), FAULTY)


def env(site: Path, only: str | None = "faulty") -> dict[str, str]:
    selected = {"ANTT_PLUGINS": only} if only else {}
    return {"PYTHONPATH": str(site), **selected}


def test_an_exporter_closing_its_stream(antt: Run, site: Path, tmp_path: Path) -> None:
    """To a file and to standard output: exit 2, the exporter named, nothing written."""
    out = tmp_path / "out"
    out.mkdir()
    expected = (
        "antt: error: exporter 'closer' of plugin 'faulty' failed (antt_register_exporters): "
        "closed the output stream it was given"
    )
    for target in (str(out / "x.txt"), "-"):
        result = antt("export", EXAMPLE, "-f", "closer", "-o", target, env=env(site))
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr.startswith(expected), result.stderr
    assert list(out.iterdir()) == []


def test_renderers_returning_the_wrong_thing(antt: Run, site: Path, tmp_path: Path) -> None:
    """None, an int, bytes from a text format, an exception: each a report-format error."""
    reasons = {
        "none-report": "returned None, not str",
        "int-report": "returned int 12, not str",
        "bytes-report": "returned bytes b'a text report, as bytes', not str",
        "boom": "raised RuntimeError: the boom report blew up",
    }
    for name, reason in reasons.items():
        target = tmp_path / f"{name}.txt"
        result = antt("report", EXAMPLE, "-f", name, "-o", str(target), env=env(site))
        expected = (
            f"antt: error: report format {name!r} of plugin 'faulty' failed "
            f"(antt_register_report_formats): {reason}\n"
        )
        assert (result.returncode, result.stderr, target.exists()) == (2, expected, False)


def test_faulty_commands(antt: Run, site: Path) -> None:
    """A command that raises, and one that returns no exit code."""
    crash = antt("crash", env=env(site))
    expected = (
        "antt: error: command 'crash' of plugin 'faulty' failed (antt_register_commands): "
        "raised KeyError: 'a key the command expected'\n"
    )
    assert (crash.returncode, crash.stderr) == (2, expected)
    no_code = antt("no-code", env=env(site))
    assert no_code.returncode == 2
    assert "returned None, not an exit code (int)" in no_code.stderr


def test_load_time_faults_and_plugin_codes(antt: Run, site: Path) -> None:
    """Every plugin of the distribution: the broken hooks are warnings naming their plugin,
    and ``antt codes --format json`` lists the working plugin rule's code with its plugin."""
    result = antt("codes", "--format", "json", env=env(site, only=None))
    assert result.returncode == 0
    warned = sorted(line.split("'")[1] for line in result.stderr.splitlines())
    assert warned == ["faulty-codelists", "faulty-configure", "faulty-gazetteer-hook"]
    rows = {row["code"]: row for row in json.loads(result.stdout)}
    assert (rows["XFA001"]["plugin"], rows["S001"]["plugin"]) == ("faulty-rule", None)
    strict = antt("codes", "--strict-plugins", env=env(site, only=None))
    assert (strict.returncode, strict.stdout) == (2, "")
    assert "3 plugin failure(s) in strict mode" in strict.stderr


def test_a_gazetteer_answering_garbage(antt: Run, site: Path) -> None:
    """``antt validate``: exit 2, and the gazetteer's plugin is named."""
    result = antt("validate", EXAMPLE, env=env(site, only="faulty-gazetteer"))
    assert result.returncode == 2
    named = "gazetteer 'GarbageGazetteer' of plugin 'faulty-gazetteer'"
    assert named in result.stdout + result.stderr
