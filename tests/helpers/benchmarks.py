"""The scripts of ``benchmarks/`` as modules, for tests that use their data generators."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["BENCHMARKS", "load", "write_national"]

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"


def load(name: str) -> ModuleType:
    """``benchmarks/<name>.py``, imported from its file (with its folder on ``sys.path``
    meanwhile, for the modules it imports from there)."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCHMARKS))
    return module


def write_national(path: Path, schema: str, **options: Any) -> Path:
    """``path``, written by ``gen_national.write(out, schema, **options)`` (national JSONL)."""
    with path.open("w", encoding="utf-8") as out:
        load("gen_national").write(out, schema, **options)
    return path
