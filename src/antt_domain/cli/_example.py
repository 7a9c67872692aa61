"""``antt example``: write the bundled example dataset to a folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from antt_domain._resources import example_root
from antt_domain.cli._common import CommandError, out
from antt_domain.io import write_atomic

__all__ = ["add_parser"]

EXAMPLES = ("cam-thuy-2021",)


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``example``."""
    parser = commands.add_parser(
        "example",
        help="write the bundled example dataset",
        description="Write a bundled example dataset (Cẩm Thuỷ district, 2021) to a folder.",
    )
    parser.add_argument("name", nargs="?", default=EXAMPLES[0], choices=EXAMPLES)
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder to write to")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Copy every file of the example into --out."""
    source = example_root() / args.name
    target = Path(args.out)
    files = sorted((e for e in source.iterdir() if e.is_file()), key=lambda e: e.name)
    clashes = [f.name for f in files if (target / f.name).exists()]
    if clashes and not args.force:
        raise CommandError(f"{target}: would overwrite {', '.join(clashes)} (use --force)")
    try:
        target.mkdir(parents=True, exist_ok=True)
        for entry in files:
            write_atomic(target / entry.name, entry.read_bytes())
    except OSError as exc:
        raise CommandError(f"{target}: {exc.strerror or exc}") from None
    stream = out()
    for entry in files:
        stream.write(f"{target / entry.name}\n")
    return 0
