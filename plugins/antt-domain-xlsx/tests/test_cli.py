"""The real ``antt`` with the plugin installed alone (pip, offline) into a folder on PYTHONPATH."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from antt_domain import load_example, structure_dataset

PLUGIN = Path(__file__).resolve().parents[1]
ANTT = str(Path(sys.executable).parent / ("antt.exe" if os.name == "nt" else "antt"))
EXAMPLE = load_example()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin installed with pip, no network, no dependencies fetched."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "--target",
            str(target),
            str(PLUGIN),
        ],
        check=True,
        capture_output=True,
    )
    return target


def antt(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update({"PYTHONPATH": str(site), "PYTHONIOENCODING": "utf-8", "ANTT_PLUGINS": "xlsx"})
    result = subprocess.run(
        [ANTT, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_plugins_lists_the_exporter_and_the_command(site: Path, tmp_path: Path) -> None:
    """``antt plugins --json`` shows the xlsx exporter and command from the installed plugin."""
    doc = json.loads(antt(site, tmp_path, "plugins", "--json").stdout)
    xlsx = next(p for p in doc["plugins"] if p["name"] == "xlsx")
    expected = ("antt-domain-xlsx", ["xlsx"], ["xlsx"], [])
    assert expected == (xlsx["distribution"], xlsx["exporters"], xlsx["commands"], xlsx["errors"])


def test_template_then_import_of_the_untouched_template(site: Path, tmp_path: Path) -> None:
    """The template is written; importing it untouched reports the empty metadata, exit 1."""
    made = antt(site, tmp_path, "xlsx", "template", "-o", "mau-bao-cao.xlsx")
    assert (made.returncode, made.stderr) == (0, "")
    result = antt(site, tmp_path, "xlsx", "import", "mau-bao-cao.xlsx", "-o", "out.json")
    assert result.returncode == 1
    assert "mau-bao-cao.xlsx:2:2: XLS007 error Thông tin chung!B2 (Mã định danh)" in result.stdout
    assert not (tmp_path / "out.json").exists()


def test_export_then_import_gives_the_dataset_back(site: Path, tmp_path: Path) -> None:
    """``antt export -f xlsx`` then ``antt xlsx import``: exit 0 and the same dataset."""
    source = tmp_path / "in.json"
    source.write_text(json.dumps(json.loads(__import__("antt_domain").dumps(EXAMPLE))), "utf-8")
    assert antt(site, tmp_path, "export", str(source), "-f", "xlsx", "-o", "b.xlsx").returncode == 0
    result = antt(site, tmp_path, "xlsx", "import", "b.xlsx", "-o", "back.json")
    assert result.returncode == 0, result.stdout
    back = json.loads((tmp_path / "back.json").read_text("utf-8"))
    assert structure_dataset(back) == EXAMPLE


def test_a_file_that_is_not_a_workbook_exits_2(site: Path, tmp_path: Path) -> None:
    """Exit code 2 and the reason on standard error."""
    (tmp_path / "x.xlsx").write_text("not a workbook", encoding="utf-8")
    result = antt(site, tmp_path, "xlsx", "import", "x.xlsx", "-o", "y.json")
    assert result.returncode == 2
    assert "XLS001" in result.stderr
