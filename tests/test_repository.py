"""Promises the repository makes to a new user: the README commands, examples and docs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _sh_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", text, flags=re.DOTALL)


def test_readme_gives_exactly_two_fresh_machine_commands() -> None:
    """One installs and runs the main job on the example; one installs and runs the tests."""
    blocks = _sh_blocks(README)
    assert len(blocks) == 2
    main_job, tests = blocks
    assert "pip install ." in main_job
    assert "antt validate examples/cam-thuy-2021/dataset.json" in main_job
    assert "antt show" in main_job
    assert "python -m coverage run -m pytest" in tests
    assert "coverage report" in tests


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    """.ci/run contains the README's test command as one line, from a new venv."""
    test_command = _sh_blocks(README)[1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
    assert "python3 -m venv .venv" in test_command


def test_readme_python_example_runs() -> None:
    """The Python example in the README is executed as written."""
    (code,) = re.findall(r"```python\n(.*?)\n```", README, flags=re.DOTALL)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_codes_page_is_generated_from_the_catalogue() -> None:
    """docs/codes.md is exactly what `antt codes --format markdown` prints."""
    antt = Path(sys.executable).parent / ("antt.exe" if os.name == "nt" else "antt")
    result = subprocess.run(
        [str(antt), "codes", "--format", "markdown"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert (ROOT / "docs" / "codes.md").read_text(encoding="utf-8") == result.stdout


@pytest.mark.parametrize(
    "name", ["README.md", "CHANGELOG.md", "LICENSE", "docs/index.md", "docs/schemas.md"]
)
def test_documents_a_user_relies_on_exist(name: str) -> None:
    """The files a user opens first are there."""
    assert (ROOT / name).stat().st_size > 0


def test_nothing_reads_the_shared_folder() -> None:
    """The project contains what it needs: no code or test refers to the shared folder."""
    needle = "/".join(["..", "shared"])
    for path in [*ROOT.glob("src/**/*.py"), *ROOT.glob("tests/**/*.py"), ROOT / ".ci" / "run"]:
        assert needle not in path.read_text(encoding="utf-8"), path
