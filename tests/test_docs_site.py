"""The documentation site builds cleanly and documents everything a user can meet.

The site is built once, with Sphinx as CI builds it (warnings are errors, every reference must
resolve), into a temporary folder; the tests then read the built HTML. A hook, a finding code,
a codelist, a schema property, a command or a public name that the site does not document
fails a test here.
"""

from __future__ import annotations

import html
import importlib
import importlib.util
import inspect
import json
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest

import antt_domain
from antt_domain.plugins import HOOKS
from antt_domain.plugins import _hookspecs as hookspecs
from antt_domain.schemas import SchemaVersion, codelists
from antt_domain.validation import CATALOGUE

pytestmark = [pytest.mark.docs, pytest.mark.slow, pytest.mark.xdist_group("docs")]

ROOT = Path(__file__).resolve().parents[1]
ANTT = Path(sys.executable).parent / ("antt.exe" if os.name == "nt" else "antt")
#: The packages the API reference must cover at least (more appear by themselves).
PUBLIC_PACKAGES = [
    "antt_domain",
    "antt_domain.model",
    "antt_domain.model.v2",
    "antt_domain.vi",
    "antt_domain.schemas",
    "antt_domain.convert",
    "antt_domain.convert.v2",
    "antt_domain.io",
    "antt_domain.upgrade",
    "antt_domain.validation",
    "antt_domain.aggregate",
    "antt_domain.reports",
    "antt_domain.plugins",
    "antt_domain.distributed",
    "antt_domain.testing",
]
#: The command CI runs, with the output folder last.
BUILD = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html", "docs"]


def _public_packages() -> list[str]:
    """The listed packages, and any other public subpackage that declares ``__all__``."""
    found = list(PUBLIC_PACKAGES)
    for info in pkgutil.iter_modules(antt_domain.__path__):
        name = f"antt_domain.{info.name}"
        if info.name.startswith("_") or info.name == "cli" or name in found:
            continue
        if hasattr(importlib.import_module(name), "__all__"):
            found.append(name)
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built as CI builds it; the build must succeed without a single warning."""
    missing = [m for m in ("sphinx", "furo", "myst_parser") if importlib.util.find_spec(m) is None]
    assert not missing, f"install the docs tools ({', '.join(missing)}): pip install '.[docs]'"
    out = tmp_path_factory.mktemp("site")
    doctrees = tmp_path_factory.mktemp("doctrees")
    result = subprocess.run(
        [*BUILD[:-1], "-d", str(doctrees), "docs", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


def _page(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def _text(markup: str) -> str:
    """The words of a page, without tags, entities decoded, blanks collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _squeezed(text: str) -> str:
    """Text without any blank, for words that markup may space differently."""
    return "".join(text.split())


def test_the_site_builds_with_warnings_as_errors(site: Path) -> None:
    """sphinx-build -W -n succeeds and writes the front page and the generated references."""
    pages = ["index.html", "reference/schemas.html", "reference/schemas-v2.html"]
    for page in [*pages, "reference/api/index.html"]:
        assert (site / page).stat().st_size > 0


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_generated_reference(site: Path, hook: str) -> None:
    """The plugin guide shows each hook's specification, with its docstring, from the code."""
    assert inspect.getdoc(getattr(hookspecs, hook)), f"{hook} has no docstring"
    page = _page(site, "plugins.html")
    anchor = f'id="antt_domain.plugins._hookspecs.{hook}"'
    assert anchor in page
    entry = page[page.index(anchor) :].split("</dl>", 1)[0]
    first_line = inspect.getdoc(getattr(hookspecs, hook)).splitlines()[0]  # type: ignore[union-attr]
    assert _squeezed(first_line.replace("``", "")) in _squeezed(_text(entry))


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_finding_code_has_a_section(site: Path, code: str) -> None:
    """Each code of the rule catalogue has its own section on the codes page."""
    assert f'id="{code.lower()}-' in _page(site, "codes.html")


#: Each major version's schema reference, and the prefix of its anchors.
REFERENCES: dict[SchemaVersion, tuple[str, str]] = {
    "1": ("reference/schemas.html", ""),
    "2": ("reference/schemas-v2.html", "v2-"),
}


@pytest.mark.parametrize(
    ("version", "name"), [(v, n) for v in REFERENCES for n in sorted(codelists(v))]
)
def test_every_codelist_is_in_the_schema_reference(
    site: Path, version: SchemaVersion, name: str
) -> None:
    """Each codelist of each version has a section listing every code with its Vietnamese and
    English label, on that version's reference."""
    file, prefix = REFERENCES[version]
    page = _page(site, file)
    anchor = f'id="{prefix}codelist-{name.replace("_", "-")}"'
    assert anchor in page
    section = _text(page[page.index(anchor) :].split("</section>", 1)[0])
    codelist = codelists(version)[name]
    assert ("closed" if codelist.closed else "open") in section
    for code in codelist.codes:
        assert f"{code.code} {_text(code.vi)} {_text(code.en)}" in section


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "schemas").glob("v*/*.schema.json")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_every_schema_property_is_in_the_schema_reference(site: Path, path: Path) -> None:
    """Each property of each schema of each version appears with its English and Vietnamese
    titles, on that version's reference."""
    version: Literal["1", "2"] = "2" if path.parent.name == "v2" else "1"
    page = _text(_page(site, REFERENCES[version][0]))
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert path.name in page
    for name, prop in schema.get("properties", {}).items():
        title = " ".join(t for t in (prop.get("title"), prop.get("x-title-vi")) if t)
        assert f"{name} {title}".strip() in page, (path.name, name)


def _commands() -> list[str]:
    """The subcommands `antt --help` lists."""
    result = subprocess.run(
        [str(ANTT), "--help"], capture_output=True, text=True, encoding="utf-8", check=True
    )
    commands = re.findall(r"(?m)^ {4}([a-z][a-z0-9-]*)(?: {2,}|$)", result.stdout)
    assert "validate" in commands, result.stdout
    return commands


def test_every_command_is_documented(site: Path) -> None:
    """Each command of `antt --help` (plugins' included) is shown as `antt NAME` somewhere."""
    words = " ".join(_text(p.read_text(encoding="utf-8")) for p in site.rglob("*.html"))
    missing = [c for c in _commands() if f"antt {c}" not in words]
    assert not missing


@pytest.mark.parametrize("package", _public_packages())
def test_every_public_name_is_in_the_api_reference(site: Path, package: str) -> None:
    """Each name of a package's __all__ is documented on its page, or linked to its home."""
    page = _page(site, f"reference/api/{package}.html")
    everything = {p: p.read_text(encoding="utf-8") for p in (site / "reference/api").glob("*.html")}
    for name in importlib.import_module(package).__all__:
        if f'id="{package}.{name}"' in page:
            continue
        link = re.search(rf'href="(antt_domain[\w.]*)\.html#(antt_domain[\w.]*\.{name})"', page)
        assert link, f"{package}.{name} is neither documented nor linked"
        home = site / "reference/api" / f"{link[1]}.html"
        assert f'id="{link[2]}"' in everything[home], f"{package}.{name} links to nothing"


def test_performance_is_listed_exactly_when_its_page_exists(site: Path) -> None:
    """The table of contents lists the performance page while docs/performance.md exists."""
    exists = (ROOT / "docs" / "performance.md").exists()
    assert ('href="performance.html"' in _page(site, "index.html")) == exists
    assert (site / "performance.html").exists() == exists


def test_each_first_party_plugin_guide_is_a_page(site: Path) -> None:
    """Each plugins/*/README.md is a page of the site, listed on the plugins' index."""
    index = _page(site, "reference/plugins/index.html")
    for readme in sorted((ROOT / "plugins").glob("*/README.md")):
        assert (site / "reference/plugins" / f"{readme.parent.name}.html").exists()
        assert f'href="{readme.parent.name}.html"' in index


def test_the_changelog_is_included(site: Path) -> None:
    """The changelog page is CHANGELOG.md, included, not copied."""
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first_entry = next(line for line in changelog.splitlines() if line.startswith("- "))
    words = re.sub(r"[`*]", "", first_entry[2:])
    assert _squeezed(" ".join(words.split()[:8])) in _squeezed(_text(_page(site, "changelog.html")))
