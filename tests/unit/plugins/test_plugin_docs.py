"""docs/plugins.md cannot rot: every hook is documented, the tutorial is the example plugin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import antt_domain.plugins
from antt_domain.plugins import HOOKS

ROOT = Path(__file__).resolve().parents[3]
DOC = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
EXAMPLE = ROOT / "examples" / "plugins" / "antt-domain-example"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_reference_section(hook: str) -> None:
    """Each hook specification has its own heading in the reference."""
    assert f"### `{hook}" in DOC


def test_every_documented_hook_exists() -> None:
    """No section documents a hook that is not specified."""
    documented = set(re.findall(r"^### `(antt_\w+)", DOC, flags=re.MULTILINE))
    assert set(HOOKS) == documented


@pytest.mark.parametrize(
    "name", [n for n in antt_domain.plugins.__all__ if n[0].isupper() or n[0].islower()]
)
def test_every_public_name_is_mentioned(name: str) -> None:
    """Every name of antt_domain.plugins.__all__ appears in the page."""
    assert f"`{name}" in DOC or f"{name}(" in DOC or f" {name}" in DOC


@pytest.mark.parametrize("path", ["pyproject.toml", "src/antt_domain_example/__init__.py"])
def test_the_tutorial_shows_the_example_plugin_verbatim(path: str) -> None:
    """The code blocks of the tutorial are the files of examples/plugins/antt-domain-example."""
    blocks = re.findall(r"```(?:python|toml)\n(.*?)```", DOC, flags=re.DOTALL)
    assert (EXAMPLE / path).read_text(encoding="utf-8") in blocks
