"""The upgrade works on JSON values: it may use ``schemas``, ``io`` and ``errors`` of antt-domain,
never ``validation``, ``plugins`` or ``cli`` (arrows point down only)."""

from __future__ import annotations

import ast
from pathlib import Path

from antt_domain import upgrade as package

ALLOWED = {"antt_domain.schemas", "antt_domain.io", "antt_domain.errors", "antt_domain.upgrade"}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_upgrade_imports_only_the_layers_below_it() -> None:
    files = sorted(Path(package.__file__).parent.glob("*.py"))
    assert len(files) >= 4
    for path in files:
        ours = {m for m in _imports(path) if m.startswith("antt_domain")}
        wrong = {m for m in ours if not any(m.startswith(a) for a in ALLOWED)}
        assert not wrong, f"{path.name} imports {sorted(wrong)}"
