"""Arrows point down only: each package of ``antt_domain`` imports only the layers below it.

The imports are read with :mod:`ast` from the source files, including the ones inside
functions (lazy imports) and under ``TYPE_CHECKING``, so an upward arrow cannot hide. The table
below is the architecture; the paragraph of ``docs/index.md`` that describes it names the
packages in the same order, bottom up (checked too).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import antt_domain

SRC = Path(antt_domain.__file__).resolve().parent
ROOT = Path(__file__).resolve().parents[1]

#: The layers, bottom up. A package may import its own modules and any package of a LOWER
#: layer, never one of its own layer or above. The private leaf modules import nothing of ours.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("_version", "_resources", "_accel"),
    ("errors",),
    ("model", "vi", "text_safety"),
    ("schemas", "convert"),
    ("io",),
    ("upgrade", "areas", "aggregate"),
    ("validation", "reports"),
    ("plugins", "distributed"),
    ("testing",),
    ("cli",),
    ("__main__",),
)
#: The package's own ``__init__`` is the public facade: it may import any layer but ``cli``.
FACADE_MAY_NOT = {"cli", "__main__", "testing"}

#: Upward imports that exist today, each to be removed (xfail strict: it fails once gone).
KNOWN_UPWARD: dict[tuple[str, str], str] = {}

LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}


def _part(path: Path) -> str:
    """The top-level part of ``antt_domain`` that ``path`` belongs to (``""``: ``__init__``)."""
    first = path.relative_to(SRC).parts[0]
    return "" if first == "__init__.py" else first.removesuffix(".py")


def _module(path: Path) -> list[str]:
    """The dotted name of ``path`` as a list, ``__init__`` standing for its package."""
    parts = ["antt_domain", *path.relative_to(SRC).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imported(path: Path) -> Iterator[tuple[int, str]]:
    """``(line, top-level part)`` of every ``antt_domain`` import in ``path``."""
    here = _module(path)
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            # `from antt_domain import convert` names a package; `from . import x` a module.
            names = [f"{module}.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] != "antt_domain":
                continue
            if len(parts) == 1 or not _exists(parts[1]):
                yield node.lineno, ""  # the root package itself
            else:
                yield node.lineno, parts[1]


def _exists(part: str) -> bool:
    return (SRC / part).is_dir() or (SRC / f"{part}.py").is_file()


def _sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _edges() -> dict[tuple[str, str], list[str]]:
    """``(importer, imported)`` -> where, for every import between two different parts."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in _sources():
        me = _part(path)
        for line, other in _imported(path):
            if other != me:
                found.setdefault((me, other), []).append(f"{path.relative_to(SRC)}:{line}")
    return found


def test_the_table_names_every_part_of_the_package() -> None:
    """A new package or top-level module must be given its layer here."""
    parts = {_part(path) for path in _sources()} - {""}
    assert parts == set(LEVEL)


def test_the_reader_finds_lazy_and_relative_imports() -> None:
    """The reader is not blind: it sees imports inside functions and relative ones."""
    edges = _edges()
    lazy = "from antt_domain import reports  # noqa: PLC0415"
    assert any(lazy in p.read_text(encoding="utf-8") for p in (SRC / "plugins").rglob("*.py")), (
        "the lazy import this test relies on has moved: pick another"
    )
    assert ("plugins", "reports") in edges
    assert ("__main__", "cli") in edges  # `from antt_domain.cli import ...` at any depth
    assert ("reports", "convert") in edges  # `from antt_domain import convert`


def _cases() -> list[object]:
    cases: list[object] = []
    for (me, other), where in sorted(_edges().items()):
        marks: list[pytest.MarkDecorator] = []
        if (me, other) in KNOWN_UPWARD:
            marks.append(pytest.mark.xfail(reason=KNOWN_UPWARD[me, other], strict=True))
        cases.append(pytest.param(me, other, where, id=f"{me or '__init__'}->{other}", marks=marks))
    return cases


@pytest.mark.parametrize(("importer", "imported", "where"), _cases())
def test_each_import_points_down(importer: str, imported: str, where: list[str]) -> None:
    """Every import between two parts goes to a lower layer (the facade: anything but cli)."""
    if importer == "":
        assert imported not in FACADE_MAY_NOT, where
        return
    assert imported != "", f"{importer} imports the root package antt_domain: {where}"
    assert LEVEL[imported] < LEVEL[importer], (
        f"antt_domain.{importer} (layer {LEVEL[importer]}) imports antt_domain.{imported} "
        f"(layer {LEVEL[imported]}) at {where}"
    )


def test_docs_index_names_the_layers_in_the_same_order() -> None:
    """The architecture paragraph of docs/index.md lists every public package, bottom up."""
    text = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    (paragraph,) = [p for p in text.split("\n\n") if p.startswith("The architecture, from the")]
    named = list(dict.fromkeys(re.findall(r"`antt_domain\.([a-z_]+)`", paragraph)))
    public = [name for name in LEVEL if not name.startswith("_")]
    assert sorted(named) == sorted(public)
    levels = [LEVEL[name] for name in named]
    assert levels == sorted(levels), named
