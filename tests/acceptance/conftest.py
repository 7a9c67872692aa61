"""Run the real ``antt`` command of the environment under test, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
ANTT = str(BIN / ("antt.exe" if os.name == "nt" else "antt"))

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def antt(tmp_path: Path) -> Run:
    """``antt(*args, env=..., cwd=...)``: run the installed command, capture text output.

    Runs with a neutral English locale unless the test sets one; never inherits a TTY.
    """

    def run(
        *args: str,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        stdin: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
        environment["PYTHONIOENCODING"] = "utf-8"
        environment.update(env or {})
        result = subprocess.run(
            [ANTT, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=environment,
            cwd=cwd or tmp_path,
            input=stdin,
            timeout=120,
            check=False,
        )
        assert "Traceback" not in result.stderr, result.stderr
        return result

    return run


def install_offline(target: Path, *projects: Path) -> Path:
    """Install ``projects`` (plugin source folders) into ``target`` with pip, offline.

    No index, no dependencies, no build isolation: exactly the distributions given, found
    through their real entry points once ``target`` is on PYTHONPATH.
    """
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
            *map(str, projects),
        ],
        check=True,
        capture_output=True,
    )
    return target
