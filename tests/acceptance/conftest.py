"""The ``antt`` fixtures: the command run in this process, or as the real installed command.

``antt`` runs ``antt_domain.cli.main`` in the test's process (fast) unless the test is marked
``smoke``: then, like ``antt_process`` always does, it runs the installed ``antt`` in a new
process. A test needs the real process for the console-script entry point, the locale and
encodings of a real interpreter, plugins installed with pip on PYTHONPATH, signals and pipes.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest

from helpers.cli import Run, run_in_process, run_process


@pytest.fixture
def antt_process(tmp_path: Path) -> Run:
    """``antt_process(*args, env=..., cwd=..., stdin=...)``: the installed command, in a new
    process, in ``tmp_path`` unless ``cwd`` says otherwise."""

    def run(
        *args: str,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        stdin: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        return run_process(*args, env=env, cwd=cwd or tmp_path, stdin=stdin)

    return run


@pytest.fixture
def antt(request: pytest.FixtureRequest, tmp_path: Path) -> Run:
    """``antt(*args, env=..., cwd=..., stdin=...)``: run ``antt`` and capture its text output.

    In this process unless the test is marked ``smoke`` (see the module's docstring).
    """
    runner = run_process if request.node.get_closest_marker("smoke") else run_in_process

    def run(
        *args: str,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        stdin: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        return runner(*args, env=env, cwd=cwd or tmp_path, stdin=stdin)

    return run
