"""The built wheel carries its schemas and example: no source tree, no network needed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.wheel, pytest.mark.slow, pytest.mark.smoke]

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, pathlib, sys
import antt_domain
from antt_domain import load_example, load_schema, codelists, validate
from antt_domain.schemas import schema_names
site = pathlib.Path(sys.argv[1]).resolve()
where = pathlib.Path(antt_domain.__file__).resolve()
assert site in where.parents, where
names = schema_names()
for name in names:
    load_schema(name)
dataset = load_example()
report = validate(pathlib.Path(sys.argv[2]))
print(json.dumps({"schemas": list(names), "codelists": len(codelists()),
                  "records": len(dataset), "findings": [f.code for f in report.findings]}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout (offline: no build isolation)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("antt_domain-*.whl")
    return built


def test_wheel_contains_schemas_codelists_example_and_typing_marker(wheel: Path) -> None:
    """Package data is inside the wheel, under antt_domain/_data."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "antt_domain/py.typed" in names
    assert "antt_domain/_data/schemas/v1/dataset.schema.json" in names
    assert "antt_domain/_data/schemas/v1/codelists/units.json" in names
    assert "antt_domain/_data/examples/cam-thuy-2021/dataset.json" in names
    assert "antt_domain/_data/examples/cam-thuy-2021/dataset-2.0.json" in names
    assert "antt_domain/vi/data/gazetteer.json" in names
    assert not any(n.startswith(("tests/", "src/")) for n in names)


def test_installed_wheel_works_outside_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    """Installed (not editable) into a fresh folder and run from elsewhere: everything loads."""
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    sample = ROOT / "examples" / "cam-thuy-2021" / "dataset.json"
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONSAFEPATH": "1"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(site), str(sample)],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"records": 38' in result.stdout
    assert '"findings": ["V220"]' in result.stdout  # a 1.0 dataset: upgrade available
    assert '"dataset"' in result.stdout
