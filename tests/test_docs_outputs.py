"""Outputs shown in the docs come from real runs: each block is re-run and compared.

Python examples run; the corpus records and ledger facts that pages print exist.

Set ANTT_REGENERATE_DOCS=1 to rewrite the blocks instead (then review the diff).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ANTT = Path(sys.executable).parent / "antt"
BLOCK = re.compile(
    r"<!-- output: (?P<cmd>antt [^>]*?) -->\n```(?P<lang>\w*)\n(?P<body>.*?)```", re.S
)
#: Hand-written pages (generated ones under docs/reference/ and the build are not read).
SOURCES = sorted(
    p for p in [*ROOT.glob("docs/*.md"), *ROOT.glob("docs/vi/*.md")] if p.name not in {"README.md"}
)
#: Every page that shows command output; validation.md and the getting-started pages at least.
PAGES = sorted(
    {"docs/validation.md", "docs/getting-started.md", "docs/vi/bat-dau.md"}
    | {p.relative_to(ROOT).as_posix() for p in SOURCES if "<!-- output: " in p.read_text("utf-8")}
)


def _run(command: str) -> str:
    args = shlex.split(command)[1:]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    result = subprocess.run(
        [str(ANTT), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.mark.parametrize("page", PAGES)
def test_shown_outputs_match_real_runs(page: str) -> None:
    """Every `<!-- output: antt ... -->` block holds exactly what that command prints."""
    path = ROOT / page
    text = path.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    assert blocks, f"{page} shows no output"

    def replace(match: re.Match[str]) -> str:
        return f"<!-- output: {match['cmd']} -->\n```{match['lang']}\n{_run(match['cmd'])}```"

    expected = BLOCK.sub(replace, text)
    if os.environ.get("ANTT_REGENERATE_DOCS"):
        path.write_text(expected, encoding="utf-8")
    assert text == expected


@pytest.mark.parametrize(
    "page",
    [
        p.relative_to(ROOT).as_posix()
        for p in SOURCES
        # plugins.md shows the example plugin's files, which
        # tests/unit/plugin_manager/test_plugin_docs.py runs;
        # vietnamese.md's examples are doctests (tests/unit/vi/test_package.py).
        if p.name not in {"plugins.md", "vietnamese.md"}
    ],
)
def test_python_examples_in_the_docs_run(page: str) -> None:
    """Every ```python block of the page runs from the repository root without an error."""
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / page).read_text(encoding="utf-8"), re.S)
    for code in blocks:
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{page}: {result.stderr}"


def test_the_getting_started_pages_run_python() -> None:
    """Both getting-started pages (English and Vietnamese) hold a Python example."""
    for page in ["docs/getting-started.md", "docs/vi/bat-dau.md"]:
        assert "```python\n" in (ROOT / page).read_text(encoding="utf-8")


#: ```{antt-record} EXAMPLE ID... and ```{antt-ledger} EXAMPLE FACT... (docs/_ext/antt_docs.py).
EXAMPLE_DIRECTIVE = re.compile(r"(?m)^```\{antt-(?P<kind>record|ledger)\} (?P<args>[^\n]+)$")
#: The "can it hold my report?" pages, in English and Vietnamese.
CAN_IT_HOLD = ["docs/can-it-hold-my-report.md", "docs/vi/du-lieu-cua-toi.md"]


def _shown_examples(page: str) -> list[tuple[str, str, list[str]]]:
    text = (ROOT / page).read_text(encoding="utf-8")
    return [
        (m["kind"], m["args"].split()[0], m["args"].split()[1:])
        for m in EXAMPLE_DIRECTIVE.finditer(text)
    ]


@pytest.mark.parametrize("page", [p.relative_to(ROOT).as_posix() for p in SOURCES])
def test_every_example_record_and_fact_shown_exists(page: str) -> None:
    """Each record id and ledger fact a page prints from examples/corpus/ is in that file.

    (The build fails on one that is not; this says which, without building the site.)
    """
    for kind, example, names in _shown_examples(page):
        folder = ROOT / "examples" / "corpus" / example
        assert names, f"{page}: {example} shows nothing"
        if kind == "record":
            document = json.loads((folder / "dataset.json").read_text(encoding="utf-8"))
            known = {record["id"] for record in document["records"]}
        else:
            ledger = json.loads((folder / "ledger.json").read_text(encoding="utf-8"))
            known = {fact["fact"] for fact in ledger["facts"]} | {"expected_findings"}
        missing = sorted(set(names) - known)
        assert not missing, f"{page}: {example}/{kind} has no {missing}"


@pytest.mark.parametrize("page", CAN_IT_HOLD)
def test_the_can_it_hold_pages_show_five_examples_with_their_ledgers(page: str) -> None:
    """Both languages show the same five or more corpus examples, each with records."""
    shown = _shown_examples(page)
    examples = {example for kind, example, _ in shown if kind == "record"}
    assert len(examples) >= 5, examples
    assert any(kind == "ledger" for kind, _, _ in shown)
    assert shown == _shown_examples(CAN_IT_HOLD[0])
