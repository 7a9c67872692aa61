"""The pre-commit hook in .pre-commit-hooks.yaml, tried with `pre-commit try-repo`.

pre-commit installs the hook into a fresh environment with pip. Tests never use the network,
so pip is pointed at a local wheelhouse (``ANTT_TEST_WHEELHOUSE``) that the README's test
command fills beforehand; without one, the test is skipped and says why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WHEELHOUSE = os.environ.get("ANTT_TEST_WHEELHOUSE")
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

pytestmark = [
    pytest.mark.skipif(
        not WHEELHOUSE or not PRE_COMMIT.exists() or shutil.which("git") is None,
        reason="needs ANTT_TEST_WHEELHOUSE (see README's test command), pre-commit and git",
    ),
    pytest.mark.wheel,
    pytest.mark.slow,
    pytest.mark.smoke,
]


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_antt_validate_hook_fails_bad_files_and_passes_good_ones(tmp_path: Path) -> None:
    """The hook reports the located finding of a bad record and passes once it is fixed."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    record = {"id": "a1", "type": "activity", "kind": "patrol", "period": {"kind": "unstated"}}
    (repo / "good.json").write_text(json.dumps(record), encoding="utf-8")
    (repo / "bad.json").write_text(
        json.dumps({**record, "id": "a2", "kind": "Patrol"}), encoding="utf-8"
    )
    (repo / "notes.txt").write_text("not checked", encoding="utf-8")
    _git("add", ".", cwd=repo)
    env = {
        **os.environ,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(Path(WHEELHOUSE or "").resolve()),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "try-repo", str(ROOT), "antt-validate", "--all-files"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    failing = try_repo()
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "bad.json:1:" in failing.stdout
    assert "S005 error" in failing.stdout
    assert "Traceback" not in failing.stdout + failing.stderr
    (repo / "bad.json").write_text(json.dumps({**record, "id": "a2"}), encoding="utf-8")
    _git("add", ".", cwd=repo)
    passing = try_repo()
    assert passing.returncode == 0, passing.stdout + passing.stderr
