"""The package: public API, layering rule, bundled data and the documentation's examples."""

from __future__ import annotations

import ast
import doctest
import json
from importlib import resources
from pathlib import Path

from antt_domain import vi

PACKAGE_DIR = Path(vi.__file__).parent
DOCS = Path(__file__).parents[3] / "docs" / "vietnamese.md"


def test_all_lists_exactly_the_public_names() -> None:
    """__all__ is sorted-unique and every name in it exists; no private module leaks out."""
    assert len(vi.__all__) == len(set(vi.__all__))
    expected: object = []
    assert expected == [name for name in vi.__all__ if not hasattr(vi, name)]
    # "@py_builtins" and the like appear when pytest rewrites assertions in plugin packages.
    public = {n for n in dir(vi) if not n.startswith(("_", "@")) and n != "annotations"}
    assert set(vi.__all__) == public


def test_imports_nothing_of_ours_but_errors() -> None:
    """antt_domain.vi imports only antt_domain.errors and its own modules from antt_domain."""
    imported: set[str] = set()
    for path in PACKAGE_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    ours = {m for m in imported if m.startswith("antt_domain")}
    assert set() == {
        m for m in ours if m != "antt_domain.errors" and not m.startswith("antt_domain.vi")
    }


def test_data_files_are_package_resources() -> None:
    """The codelist and gazetteer are read through importlib.resources and are valid JSON."""
    data = resources.files("antt_domain.vi").joinpath("data")
    names = sorted(p.name for p in data.iterdir() if p.name.endswith(".json"))
    expected: object = ["document_types.json", "gazetteer.json"]
    assert expected == names
    gazetteer = json.loads(data.joinpath("gazetteer.json").read_text("utf-8"))
    expected = (False, [])
    assert expected == (gazetteer["metadata"]["complete"], gazetteer["metadata"]["coverage"])


def test_docs_examples_run() -> None:
    """Every >>> example in docs/vietnamese.md gives the output shown."""
    parser = doctest.DocTestParser()
    test = parser.get_doctest(DOCS.read_text(encoding="utf-8"), {}, "vietnamese.md", str(DOCS), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    expected = (0, True)
    assert expected == (runner.failures, runner.tries > 20)


def test_module_docstring_examples_run() -> None:
    """The >>> examples in the modules' docstrings hold."""
    failures = 0
    for module in (vi._names, vi._symbols):
        failures += doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed
    expected = 0
    assert expected == failures
