"""The real ``antt`` process against hostile input: a device that never ends, text that is
not Unicode on standard input. Exit codes and findings, never a traceback (the fixture checks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli import Run


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_validate_dev_zero_stops_at_the_real_limit(antt: Run) -> None:
    """The real 256 MiB limit, counted as read: R006 and exit 1, not MemoryError."""
    result = antt("validate", "/dev/zero")
    assert result.returncode == 1, result.stderr
    assert "/dev/zero: R006" in result.stdout
    assert "268435456 bytes" in result.stdout


def test_validate_a_lone_surrogate_on_standard_input(antt: Run) -> None:
    """JSONL on stdin: the line with the lone surrogate is R010, the others are read."""
    lines = [
        '{"id": "act-1", "type": "activity"}',
        '{"id": "act-\\ud800", "type": "activity"}',
        '{"id": "act-\\ud83d\\ude00", "type": "activity"}',
    ]
    result = antt("validate", "--format", "github", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 1, result.stderr
    read = [line for line in result.stdout.splitlines() if ",title=R" in line]
    assert len(read) == 1
    assert "line=2,col=13,title=R010" in read[0]
    assert "line=1,col=1,title=S001" in result.stdout  # read, then checked against the schema
    assert "line=3,col=1,title=S001" in result.stdout
