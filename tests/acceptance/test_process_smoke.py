"""What only a real ``antt`` process shows: a reader that goes away, and an ASCII locale.

The other CLI tests run ``main(argv)`` in the test's process; these start the installed
command, as a shell pipeline or a minimal locale would.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from helpers.cli import ANTT

pytestmark = pytest.mark.smoke

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cam-thuy-2021" / "dataset.json"


def test_a_reader_that_went_away_is_not_an_error(tmp_path: Path) -> None:
    """`antt show ... | head` where head has already gone: exit 0, no traceback, no message.

    The read end of the pipe is closed before ``antt`` writes anything, so its first write
    fails with a broken pipe whatever the size of the output.
    """
    read, write = os.pipe()
    os.close(read)
    with os.fdopen(write, "wb") as stdout:
        result = subprocess.run(
            [ANTT, "show", str(EXAMPLE)],
            stdout=stdout,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""


def test_vietnamese_is_printed_as_utf_8_under_an_ascii_locale(tmp_path: Path) -> None:
    """The C locale without coercion gives Python ASCII streams; ``antt`` still prints UTF-8."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHON"))}
    env |= {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    result = subprocess.run(
        [ANTT, "show", "--lang", "vi", str(EXAMPLE)],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Cẩm Thuỷ" in result.stdout.decode("utf-8")
