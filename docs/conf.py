"""Sphinx configuration of the antt-domain documentation (furo theme, MyST Markdown).

Build (from the repository root; warnings are errors, references must resolve):

    python -m sphinx -W --keep-going -n -b html docs docs/_build/html

The reference pages (API, schemas, first-party plugin guides) are generated into
``docs/reference/`` by ``_ext/antt_docs.py`` at the start of each build. Nothing is fetched
from the network: no intersphinx, no remote images.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

from antt_domain import __version__  # noqa: E402 -- after the path of the local extension

project = "antt-domain"
author = "antt-domain developers"
copyright = "antt-domain developers, Apache-2.0"  # noqa: A001 -- the name Sphinx reads
version = release = __version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "antt_docs",  # also sets up sphinx.ext.napoleon, for callables' docstrings only
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "examples", "README.md"]

# MyST: headings get anchors (links such as plugins.md#the-conformance-kit), fenced directives.
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

# autodoc: public names only (the generator lists them), short names in signatures.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
add_module_names = False
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# Nitpicky mode (-n) checks every cross-reference. Types from the standard library and from
# our dependencies are documented elsewhere, and intersphinx would fetch their inventories
# from the network, so references to them are not checked.
nitpick_ignore_regex = [
    (r"py:.*", r"(typing|typing_extensions|collections|types|datetime|builtins)(\..*)?"),
    (r"py:.*", r"(decimal|pathlib|io|os|enum|abc|re|json|argparse|zipfile|sqlite3)(\..*)?"),
    (r"py:.*", r"(attr|attrs|cattrs|pluggy|jsonschema|referencing|babel|_pytest|pytest)(\..*)?"),
    (r"py:.*", r"(jsonschema_rs|orjson|importlib)(\..*)?"),
    (r"py:.*", r"(str|bytes|int|dict|list|tuple)\.\w+"),
    # Third-party types named unqualified in annotations (imported under TYPE_CHECKING).
    (r"py:.*", r"(FormatChecker|Draft202012Validator|Validator|Registry|Resource|Converter)"),
    (r"py:.*", r"(HookimplMarker|HookspecMarker|PluginManager|HookImpl|FixtureRequest)"),
    (
        r"py:.*",
        (
            r"(None|str|int|float|bool|bytes|object|list|dict|tuple|set|frozenset|type|"
            r"Exception|BaseException|ValueError|TypeError|KeyError|LookupError|AssertionError|"
            r"ExceptionGroup|BaseExceptionGroup|Ellipsis|NotImplemented)"
        ),
    ),
]

html_theme = "furo"
html_title = f"antt-domain {release}"
html_static_path: list[str] = []
html_show_sourcelink = False

# References in docstrings that name no documented public object. Each is a docstring to fix in
# src/ (then delete its line here); listed one by one so that no new one slips through.
nitpick_ignore = [
    ("py:class", "antt_domain.model._dataset._R"),  # Dataset.get's private TypeVar
    ("py:class", "antt_domain.model.v2._dataset._R"),  # the 2.0 Dataset.get's private TypeVar
    ("py:class", "antt_domain.validation._records._T"),  # RecordSet.derived's private TypeVar
    ("py:class", "antt_domain.validation._facts._V"),  # FactIndex's private TypeVar
    ("py:class", "antt_domain.validation._facts._R"),  # FactLog's private TypeVar
    ("py:class", "antt_domain.validation._repeats._R"),  # Repeats' private TypeVar
    ("py:meth", "covers"),  # vi.bundled_gazetteer: :meth:`covers` (Gazetteer.covers is meant)
    ("py:attr", "plugin"),  # plugins.ConflictError: :attr:`plugin` of a private base
    ("py:mod", "antt_domain.aggregate._algebra"),  # aggregate.Cell names a private module
    ("py:class", "antt_domain.validation._pipeline.Checked"),  # engine.Part: opaque to callers
    ("py:class", "antt_domain.validation._spilled.SortedSpill"),  # SpilledFindings: made by a run
]

# Keep quotes and dots as written: names ("Women's Union"), codes and "..." in codelists.
smartquotes = False
