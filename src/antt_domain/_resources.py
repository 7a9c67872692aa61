"""Where the bundled data lives: schemas, codelists and the example dataset.

In an installed wheel they are package data under ``antt_domain/_data`` (the build copies the
top-level ``schemas/`` and ``examples/`` there). In a source checkout without a build (an
editable install, or ``PYTHONPATH=src``) the top-level folders are used directly. Nothing here
touches the network.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = ["data_root", "example_root", "schema_root"]


def data_root() -> Traversable:
    """The folder holding ``schemas/`` and ``examples/``."""
    packaged = resources.files("antt_domain") / "_data"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "schemas").is_dir():
        return checkout
    msg = "antt-domain's bundled data is missing: reinstall the package"  # pragma: no cover
    raise FileNotFoundError(msg)  # pragma: no cover


def schema_root() -> Traversable:
    """The folder of the bundled schemas (``v1/``, ``v1/codelists/``)."""
    return data_root() / "schemas"


def example_root() -> Traversable:
    """The folder of the bundled example datasets (``cam-thuy-2021/``)."""
    root = data_root()
    # In the wheel the examples sit in _data/examples/<name>; in a checkout, examples/<name>.
    return root / "examples"
