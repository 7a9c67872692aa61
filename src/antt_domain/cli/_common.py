"""What every subcommand shares: language choice, output streams, errors that end a command."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from antt_domain.text_safety import no_workflow_commands, one_line

__all__ = [
    "ENV_DEBUG",
    "CommandError",
    "debugging",
    "default_lang",
    "emit_text",
    "err",
    "out",
    "read_document",
    "refuse_existing",
    "safe_text",
    "write_new",
]

#: ``1`` shows the traceback of any error, as ``--debug`` does.
ENV_DEBUG = "ANTT_DEBUG"


class CommandError(Exception):
    """The command cannot do its job; the message is shown and the exit code is 2."""


def debugging(argv: Sequence[str] = ()) -> bool:
    """Whether to show tracebacks: ``--debug`` among ``argv``, or ``ANTT_DEBUG=1``."""
    value = os.environ.get(ENV_DEBUG, "").strip().lower()
    return "--debug" in argv or value in {"1", "true", "yes", "on"}


def safe_text(text: str) -> str:
    """``text`` fit for a terminal and a CI log: each line's control characters, separators
    and bidirectional controls written as code points (``\\u001b``), and no line that GitHub
    Actions would read as a workflow command. Data (file names, record names, plugins' error
    messages) can hold anything; what antt prints about it must not act on the terminal."""
    return no_workflow_commands("\n".join(one_line(line) for line in text.split("\n")))


def default_lang() -> str:
    """``vi`` when the locale (LC_ALL, LC_MESSAGES, LANG) is Vietnamese, else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def _utf8(stream: TextIO) -> TextIO:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(stream, "reconfigure", None)
    if encoding != "utf8" and reconfigure is not None:
        reconfigure(encoding="utf-8", errors="replace")
    return stream


def out() -> TextIO:
    """Standard output, able to print Vietnamese whatever the locale."""
    return _utf8(sys.stdout)


def err() -> TextIO:
    """Standard error, able to print Vietnamese whatever the locale."""
    return _utf8(sys.stderr)


def read_document(path: str) -> Any:
    """The JSON value of the file at ``path``, read strictly; a :class:`CommandError` that
    says why not."""
    from antt_domain.io import JSONReadError, read_json  # noqa: PLC0415 - only for commands that read

    try:
        return read_json(path)
    except JSONReadError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"{path}: {exc.strerror or exc}") from None


def write_new(target: str, text: str, *, force: bool) -> None:
    """Write ``text`` to ``target`` atomically; an existing file only with ``--force``
    (the words of ``antt export``)."""
    from antt_domain.io import write_atomic  # noqa: PLC0415 - only for commands that write

    path = Path(target)
    if path.is_dir():
        raise CommandError(f"{target}: is a directory")
    if path.exists() and not force:
        raise CommandError(f"{target}: already exists (use --force to overwrite)")
    if not path.parent.is_dir():
        raise CommandError(f"{target}: the folder {path.parent} does not exist")
    try:
        write_atomic(path, text.encode("utf-8"), replace=force)
    except FileExistsError:
        raise CommandError(f"{target}: already exists (use --force to overwrite)") from None
    except OSError as exc:
        raise CommandError(f"{target}: {exc.strerror or exc}") from None


def emit_text(target: str, text: str, *, force: bool) -> TextIO:
    """Write ``text`` to ``target`` (``-``: standard output, else a new file as
    :func:`write_new` does); return the stream for messages about it (standard error when
    the text went to standard output)."""
    if target == "-":
        stream = out()
        stream.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return err()
    write_new(target, text, force=force)
    report = out()
    report.write(safe_text(target) + "\n")
    return report


def refuse_existing(target: str, *, force: bool) -> None:
    """Stop before any work when ``target`` exists and ``--force`` was not given."""
    if target != "-" and Path(target).exists() and not force:
        raise CommandError(f"{target}: already exists (use --force to overwrite)")
