"""Running ``antt`` from tests: in this process (fast) or as the real installed command.

Both runners take ``(*args, env=..., cwd=..., stdin=...)`` and give a
:class:`subprocess.CompletedProcess` with text ``stdout`` and ``stderr``, so a test reads the
same result whichever runs it. Both start from a neutral English locale (no ``LC_*`` or
``LANG`` variable unless the test sets one) and check that nothing printed a traceback.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

BIN = Path(sys.executable).parent
ANTT = str(BIN / ("antt.exe" if os.name == "nt" else "antt"))

Run = Callable[..., subprocess.CompletedProcess[str]]

#: What only a fresh interpreter takes into account: in-process runs refuse them.
FRESH_INTERPRETER_ONLY = ("PYTHONPATH", "PYTHONSAFEPATH", "PYTHONIOENCODING", "PYTHONUTF8")


def environment(env: Mapping[str, str] | None) -> dict[str, str]:
    """The environment of a run: ours without locale variables, UTF-8 I/O, then ``env``."""
    result = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    result["PYTHONIOENCODING"] = "utf-8"
    result.update(env or {})
    return result


def run_process(
    *args: str,
    env: Mapping[str, str] | None = None,
    cwd: Path,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``antt`` command in a new process; never inherits a TTY."""
    result = subprocess.run(
        [ANTT, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment(env),
        cwd=cwd,
        input=stdin,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


class _Kept(io.BytesIO):
    """A byte stream that keeps what was written after it is closed (``antt`` closes stderr
    when its reader went away)."""

    kept = b""

    def close(self) -> None:
        if not self.closed:
            self.kept = self.getvalue()
        super().close()

    def text(self) -> str:
        """What was written, decoded as the text mode of :mod:`subprocess` does."""
        data = self.kept if self.closed else self.getvalue()
        return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=None).read()


@contextmanager
def _applied(env: Mapping[str, str], cwd: Path) -> Iterator[None]:
    """``os.environ`` set to ``env`` and the working folder to ``cwd``, both restored after."""
    saved_env = dict(os.environ)
    saved_cwd = Path.cwd()
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def run_in_process(
    *args: str,
    env: Mapping[str, str] | None = None,
    cwd: Path,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``antt_domain.cli.main(args)`` here, with the standard streams captured.

    The streams are UTF-8 text over bytes, as ``antt`` writes both text and bytes
    (``sys.stdout.buffer``). Environment, working folder and streams are restored after.
    """
    from antt_domain.cli import main  # noqa: PLC0415 - the package under test, when used

    fresh = sorted(set(env or {}) & set(FRESH_INTERPRETER_ONLY))
    assert not fresh, f"{fresh} need a fresh interpreter: mark the test `smoke`"
    out, err = _Kept(), _Kept()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    sys.stdin = io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    try:
        with _applied(environment(env), cwd):
            code = main(list(args))
        for stream in (sys.stdout, sys.stderr):
            if not stream.closed:
                stream.flush()
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
    result = subprocess.CompletedProcess(["antt", *args], code, out.text(), err.text())
    assert "Traceback" not in result.stderr, result.stderr
    return result


def install_offline(target: Path, *projects: Path) -> Path:
    """Install ``projects`` (plugin source folders) into ``target`` with pip, offline.

    No index, no dependencies, no build isolation: exactly the distributions given, found
    through their real entry points once ``target`` is on PYTHONPATH (so only by a new
    process: tests that use it run ``antt`` as a real process).
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
