"""docs/plugins.md cannot rot: every hook is documented, the tutorial is the example plugin."""

from __future__ import annotations

import re
import subprocess
import sys
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


EXAMPLES = re.findall(r"```python\n(# docs example: [^\n]*\n.*?)```", DOC, flags=re.DOTALL)


def test_the_page_has_a_rule_a_codelist_and_a_report_format_example() -> None:
    """The three kinds of plugin the tutorial does not cover each have an example."""
    titles = [block.splitlines()[0] for block in EXAMPLES]
    assert titles == [
        "# docs example: a rule plugin",
        "# docs example: a rule across records",
        "# docs example: a codelist plugin",
        "# docs example: a 2.0 codelist plugin",
        "# docs example: a report format",
    ]


@pytest.mark.parametrize("code", EXAMPLES, ids=lambda block: block.splitlines()[0][16:])
def test_the_examples_run(code: str) -> None:
    """Each example runs from the repository root, its own asserts included."""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_failure_table_names_every_kind_of_plugin_code() -> None:
    """The table of failures covers configure, registration, exporters, renderers,
    gazetteers, commands and rules."""
    section = DOC[DOC.index("## When plugin code fails") : DOC.index("## Hook reference")]
    rows = [line.split("|")[1].strip() for line in section.splitlines() if line.startswith("| ")]
    assert rows[1:] == [
        "`antt_configure`",
        "any `antt_register_*` hook itself",
        "an exporter (`ExporterSpec.export`)",
        "a report renderer (`ReportFormatSpec.render`)",
        "a gazetteer (`lookup`, `find`, `covers`, `version`)",
        "a command (`CommandSpec.add_arguments`, `run`)",
        "a rule (`Rule.check`)",
    ]
