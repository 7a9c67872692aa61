"""Generate the reference pages of the antt-domain docs at build time, from their sources.

Nothing here is written by hand, so nothing here can rot:

- ``reference/api/*.rst`` -- one page per public package, one autodoc entry per name of its
  ``__all__`` (a name re-exported from another public package links to its home instead);
- ``reference/schemas.md`` and ``reference/schemas-v2.md`` -- every record type and shared
  definition of ``schemas/v1/`` and of ``schemas/v2/``, with each property's titles, type,
  constraints, required or not and codelist, then every codelist with its Vietnamese and
  English labels;
- ``reference/plugins/*.md`` -- the user guides (``README.md``) of the first-party plugins in
  ``plugins/``, for those that have one.

Two directives show the worked examples of ``examples/corpus/`` as they are, so a page that
quotes them cannot drift from them: ``antt-record`` prints records of a corpus dataset by id,
``antt-ledger`` prints facts of its ledger by fact number; an unknown example, id or fact fails
the build.

The pages are written into ``docs/reference/`` (ignored by git) when Sphinx reads its
configuration, and only when their text changes, so incremental builds stay incremental.
``docs/index.md`` lists ``performance`` in its table of contents only while
``docs/performance.md`` exists.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docutils.nodes import Element, TextElement
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
OUT = DOCS / "reference"
SCHEMAS = ROOT / "schemas" / "v1"
SCHEMAS_V2 = ROOT / "schemas" / "v2"
PLUGINS = ROOT / "plugins"
#: Where the repository's files are shown to readers (links only; nothing is fetched).
REPOSITORY = "https://github.com/antt-domain/antt-domain/blob/main/"
#: Subpackages that are not a Python API: the command is documented by its pages.
NOT_API = frozenset({"cli"})
#: Record schemas in the order a reader meets them; any other schema follows, sorted.
SCHEMA_ORDER = (
    "dataset",
    "record",
    "area",
    "organisation",
    "agreement",
    "model-type",
    "model-instance",
    "activity",
    "outcome",
    "source",
    "person",
    "document",
    "event",
    "figure",
    "award",
    "assessment",
    "plan",
    "common",
)


# --------------------------------------------------------------------------------------------
# The public API
# --------------------------------------------------------------------------------------------


def public_packages() -> list[str]:
    """``antt_domain`` and each of its public (sub)packages that declares ``__all__``.

    A public subpackage of a public package (``antt_domain.model.v2``) is listed after its
    parent.
    """
    import antt_domain  # noqa: PLC0415 -- imported when the pages are made, not at conf load

    names = ["antt_domain"]

    def walk(package: types.ModuleType) -> None:
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            if info.name.startswith("_") or info.name in NOT_API:
                continue
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            if hasattr(module, "__all__"):
                names.append(module.__name__)
                if hasattr(module, "__path__"):
                    walk(module)

    walk(antt_domain)
    return names


@dataclass(frozen=True)
class Entry:
    """One name of a package's ``__all__``: documented here, or a link to its home."""

    package: str
    name: str
    home: str  # the package whose page documents the object

    @property
    def documented_here(self) -> bool:
        return self.home == self.package


def api_entries() -> dict[str, list[Entry]]:
    """Every ``__all__`` name of every public package, with the package that documents it.

    An object listed under the same name by several packages is documented once: in the
    package its defining module belongs to (``antt_domain.model._records`` -> ``model``), or
    else in the first subpackage that lists it; the others link to it.
    """
    packages = public_packages()
    modules = {name: importlib.import_module(name) for name in packages}
    entries: dict[str, list[Entry]] = {}
    for package in packages:
        listed = []
        for name in modules[package].__all__:
            obj = getattr(modules[package], name)
            owners = [
                other
                for other in packages
                if name in modules[other].__all__ and getattr(modules[other], name) is obj
            ]
            defined_in = getattr(obj, "__module__", None) or ""
            by_module = sorted(
                (
                    o
                    for o in owners
                    if o != "antt_domain" and (defined_in == o or defined_in.startswith(f"{o}."))
                ),
                key=len,
                reverse=True,
            )
            sub_owners = [o for o in owners if o != "antt_domain"]
            home = (by_module or sub_owners or [package])[0]
            listed.append(Entry(package=package, name=name, home=home))
        entries[package] = listed
    return entries


def _comment_doc(package: str, name: str) -> list[str]:
    """The ``#:`` comment above a constant in the private module that defines it, if any."""
    from sphinx.pycode import ModuleAnalyzer  # noqa: PLC0415 -- only while Sphinx builds

    module = importlib.import_module(package)
    for info in pkgutil.iter_modules(getattr(module, "__path__", [])):
        analyzer = ModuleAnalyzer.for_module(f"{package}.{info.name}")
        lines = analyzer.find_attr_docs().get(("", name))
        if lines:
            return [line for line in lines if line]
    return []


def _directive(package: str, name: str, obj: Any) -> str:
    """The reST that documents one public object under its public name."""
    target = f"{package}.{name}"
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return f".. autoexception:: {target}\n   :members:\n"
    if inspect.isclass(obj):
        return f".. autoclass:: {target}\n   :members:\n"
    if inspect.isroutine(obj):
        return f".. autofunction:: {target}\n"
    # A constant or a type alias: its own type's docstring (dict's, str's) says nothing.
    lines = [f".. py:data:: {name}", f"   :module: {package}"]
    kind = type(obj)
    body: list[str] = []
    if isinstance(obj, types.UnionType):
        members = [f":py:obj:`~{a.__module__}.{a.__qualname__}`" for a in typing.get_args(obj)]
        body = ["A type alias: one of " + ", ".join(members) + "."]
    elif kind.__module__ == "typing" or isinstance(obj, types.GenericAlias):
        body = [f"A type alias: ``{_short_typing(obj)}``."]
    else:
        if kind.__module__ == "builtins":
            lines.append(f"   :type: {kind.__qualname__}")
        elif not kind.__module__.startswith("antt_domain"):
            lines.append(f"   :type: {kind.__module__}.{kind.__qualname__}")
        value = repr(obj)
        if len(value) <= 80 and "\n" not in value:
            lines.append(f"   :value: {value}")
    body = _comment_doc(package, name) + body
    return "\n".join([*lines, "", *(f"   {line}" for line in body), ""])


def _short_typing(obj: object) -> str:
    """``typing.Literal['vi', 'en']`` without the module paths of our private modules."""
    return re.sub(r"\b(?:antt_domain|typing|collections\.abc)(?:\.\w+)*\.(\w+)", r"\1", repr(obj))


def _title(text: str, char: str = "=") -> str:
    return f"{text}\n{char * len(text)}\n"


def api_pages() -> dict[str, str]:
    """``reference/api/<package>.rst`` for each public package, and the index of them."""
    entries = api_entries()
    pages: dict[str, str] = {}
    index = [
        _title("Python API reference"),
        "The public API is exactly what each package's ``__all__`` lists; this reference is",
        "generated from those lists and the docstrings when the documentation is built, so a",
        "new public name appears here by itself. Anything else (``_private`` modules, names",
        "outside ``__all__``) may change without notice. A class marked ``@final``",
        "(``typing.final``: the records, values, codelists, leaf errors, the plugin",
        "manager and specs, findings, rules and their issues, aggregates and report blocks)",
        "is not meant to be subclassed; type checkers say so, and a later release may",
        "change its internals freely. Protocols and bases (``AnttError``, ``PluginError``,",
        "``StaticGazetteer``, ``CodeEnum``) are meant for extension.",
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        "",
        *(f"   {package}" for package in entries),
        "",
    ]
    pages["index.rst"] = "\n".join(index)
    for package, listed in entries.items():
        module = importlib.import_module(package)
        body = [
            _title(f"``{package}``"),
            f".. automodule:: {package}",
            "   :no-members:",
            "",
        ]
        links = [e for e in listed if not e.documented_here]
        here = [e for e in listed if e.documented_here]
        if links:
            body += [
                "Names re-exported from other packages, documented there:",
                "",
                *(f"- :py:obj:`{e.name} <{e.home}.{e.name}>` (``{e.home}``)" for e in links),
                "",
            ]
        for entry in here:
            body.append(_directive(package, entry.name, getattr(module, entry.name)))
        pages[f"{package}.rst"] = "\n".join(body)
    return pages


# --------------------------------------------------------------------------------------------
# The schemas and codelists
# --------------------------------------------------------------------------------------------


def _cell(text: object) -> str:
    """A Markdown table cell: pipes escaped, line breaks flattened."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _code(text: object) -> str:
    """Inline code that may hold backticks or pipes (MyST reads ``` `` x `` ```)."""
    raw = str(text).replace("|", "\\|")
    return f"`` {raw} ``" if "`" in raw else f"`{raw}`"


_CONSTRAINTS = (
    ("minLength", "length ≥ {}"),
    ("maxLength", "length ≤ {}"),
    ("minimum", "≥ {}"),
    ("exclusiveMinimum", "> {}"),
    ("maximum", "≤ {}"),
    ("exclusiveMaximum", "< {}"),
    ("minItems", "at least {} item(s)"),
    ("maxItems", "at most {} item(s)"),
    ("format", "format {}"),
)


def _describe(
    schema: dict[str, Any], prefix: str = "", here: str = "common.schema.json"
) -> tuple[str, list[str]]:
    """The type of a property, and its constraints, in words a reader scans quickly.

    ``prefix`` starts every anchor of the page (``v2-`` on the 2.0 reference), so that the
    two references' anchors stay distinct; ``here`` is the schema file a ``#/$defs/`` reference
    without a file name points into.
    """
    constraints: list[str] = []
    kind = schema.get("type", "")
    ref = schema.get("$ref")
    if ref:
        target = ref.split("#/$defs/")[-1] if "#/$defs/" in ref else ref
        file = ref.split("#")[0] or here
        anchor = prefix + _anchor(file, target if "#/$defs/" in ref else None)
        kind = f"[{target}](#{anchor})"
    elif kind == "array":
        inner, inner_constraints = _describe(schema.get("items", {}), prefix, here)
        kind = f"array of {inner}"
        constraints += inner_constraints
    for key in ("oneOf", "anyOf"):
        parts = [_describe(s, prefix, here)[0] for s in schema.get(key, [])]
        if parts and all(p != "any JSON value" for p in parts):
            kind = kind or " or ".join(parts)
    if not kind and schema.get("allOf"):  # a shared type, narrowed: [actor] with role issuer
        parts = [_describe(s, prefix, here)[0] for s in schema["allOf"]]
        kind = " and ".join(p for p in parts if p != "any JSON value")
        for part in schema["allOf"]:
            for name, prop in part.get("properties", {}).items():
                if "const" in prop:
                    value = _code(json.dumps(prop["const"], ensure_ascii=False))
                    constraints.append(f"`{name}` always {value}")
    if not kind and "const" in schema:
        kind = {str: "string", bool: "boolean", int: "integer"}.get(type(schema["const"]), "")
    if not kind and schema.get("enum") and all(isinstance(v, str) for v in schema["enum"]):
        kind = "string"
    return kind or "any JSON value", constraints + _constraints(schema)


def _constraints(schema: dict[str, Any]) -> list[str]:
    """The constraints a schema puts on a value, in words."""
    constraints = []
    if "const" in schema:
        constraints.append(f"always {_code(json.dumps(schema['const'], ensure_ascii=False))}")
    if "enum" in schema:
        constraints.append("one of " + ", ".join(_code(v) for v in schema["enum"]))
    if "pattern" in schema:
        constraints.append(f"pattern {_code(schema['pattern'])}")
    constraints += [template.format(schema[key]) for key, template in _CONSTRAINTS if key in schema]
    if schema.get("uniqueItems"):
        constraints.append("no repeated item")
    if "default" in schema:
        constraints.append(f"default {_code(schema['default'])}")
    if schema.get("additionalProperties") is False:
        constraints.append("no other property")
    return constraints


def _anchor(file: str, definition: str | None) -> str:
    stem = file.removesuffix(".schema.json")
    return f"schema-{stem}" + (f"-{definition}" if definition else "").replace("_", "-")


def _properties_table(
    schema: dict[str, Any], prefix: str = "", here: str = "common.schema.json"
) -> list[str]:
    properties = schema.get("properties", {})
    if not properties:
        return []
    required = set(schema.get("required", []))
    rows = [
        "| property | title | tiêu đề | type | constraints | required | codelist |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, prop in properties.items():
        kind, constraints = _describe(prop, prefix, here)
        codelist = prop.get("x-codelist") or prop.get("items", {}).get("x-codelist")
        rows.append(
            "| "
            + " | ".join(
                [
                    f"`{name}`",
                    _cell(prop.get("title", "")),
                    _cell(prop.get("x-title-vi", "")),
                    _cell(kind),
                    _cell("; ".join(constraints)),
                    "yes" if name in required else "no",
                    f"[{codelist}](#{prefix}codelist-{codelist.replace('_', '-')})"
                    if codelist
                    else "",
                ]
            )
            + " |"
        )
    return rows


def _block(
    schema: dict[str, Any],
    anchor: str,
    heading: str,
    prefix: str = "",
    here: str = "common.schema.json",
) -> list[str]:
    lines = [f"({anchor})=", heading, ""]
    titles = [schema.get("title"), schema.get("x-title-vi")]
    if any(titles):
        lines += [" / ".join(f"*{t}*" for t in titles if t), ""]
    if schema.get("description"):
        lines += [schema["description"], ""]
    extra = []
    if "required" in schema and not schema.get("properties"):
        extra.append("requires " + ", ".join(f"`{r}`" for r in schema["required"]))
    kind, constraints = _describe(
        {k: v for k, v in schema.items() if k != "properties"}, prefix, here
    )
    if not schema.get("properties") and kind:
        extra.append(f"type: {kind}")
    extra += constraints
    for key in ("if", "dependentSchemas", "allOf", "oneOf", "anyOf"):
        if key in schema:
            extra.append(f"has `{key}` conditions (see the schema)")
    if extra:
        lines += ["- " + item for item in extra] + [""]
    table = _properties_table(schema, prefix, here)
    if table:
        lines += [*table, ""]
    return lines


def _intro(version: str) -> list[str]:
    """The opening of the schema reference of one major version."""
    folder = f"schemas/v{version}/"
    if version == "1":
        return [
            "# Schema reference",
            "",
            f"Generated from the JSON Schemas in `{folder}` and their codelists each time the",
            "documentation is built. For what the schemas promise across versions, see",
            "[the version policy](../schemas.md#version-policy); for the conventions,",
            "[Schemas and codelists](../schemas.md). Schema 2.0 has its own",
            "[reference](schemas-v2.md).",
            "",
            "*Tham chiếu lược đồ: mỗi loại bản ghi, mỗi trường (tên tiếng Anh và tiếng Việt, kiểu,",
            "ràng buộc, bắt buộc hay không, danh mục mã) và mỗi danh mục mã với nhãn tiếng Việt và",
            f"tiếng Anh, sinh tự động từ thư mục `{folder}`.*",
            "",
        ]
    return [
        f"# Schema {version}.0 reference",
        "",
        f"Generated from the JSON Schemas in `{folder}` and their codelists each time the",
        "documentation is built. What changed from 1.0, and how documents of both versions are",
        "read, is in [Schemas and codelists](../schemas.md) (section *Schema 2.0*); the 1.0",
        "contract has its own [reference](schemas.md). An open codelist of 2.0 also accepts",
        "namespaced extension codes (`namespace:code`) declared by the dataset's `vocabulary`",
        "or by a plugin.",
        "",
        f"*Tham chiếu lược đồ {version}.0: mỗi loại bản ghi, mỗi trường (tên tiếng Anh và tiếng",
        "Việt, kiểu, ràng buộc, bắt buộc hay không, danh mục mã) và mỗi danh mục mã với nhãn",
        f"tiếng Việt và tiếng Anh, sinh tự động từ thư mục `{folder}`.*",
        "",
    ]


def _value_cell(value: object) -> str:
    """A codelist's extra column: a list as its items, comma-separated."""
    if isinstance(value, list):
        return _cell(", ".join(str(v) for v in value))
    return _cell(value)


def schema_page(schemas: Path = SCHEMAS, version: str = "1") -> str:
    """The schema and codelist reference of one major version, from the JSON files themselves.

    The anchors of a version other than 1 start with ``v{version}-``.
    """
    prefix = "" if version == "1" else f"v{version}-"
    files = {p.name.removesuffix(".schema.json"): p for p in schemas.glob("*.schema.json")}
    order = [n for n in SCHEMA_ORDER if n in files] + sorted(set(files) - set(SCHEMA_ORDER))
    lines = [*_intro(version), "## Record types and documents", ""]
    for stem in order:
        schema = json.loads(files[stem].read_text(encoding="utf-8"))
        heading = f"### {schema.get('title', stem)} (`{stem}.schema.json`)"
        here = f"{stem}.schema.json"
        lines += _block(schema, prefix + _anchor(here, None), heading, prefix, here)
        lines += [f"`$id`: `{schema.get('$id', '')}`", ""]
        for name, definition in schema.get("$defs", {}).items():
            lines += _block(
                definition,
                prefix + _anchor(f"{stem}.schema.json", name),
                f"#### `{name}` ({stem}.schema.json)",
                prefix,
                here,
            )
    lines += ["## Codelists", ""]
    codelist_files = sorted((schemas / "codelists").glob("*.json"))
    lines += ["| codelist | closed? | title | tiêu đề | codes |", "|---|---|---|---|---|"]
    codelists = [json.loads(p.read_text(encoding="utf-8")) for p in codelist_files]
    for data in codelists:
        name = data["name"]
        lines.append(
            f"| [{name}](#{prefix}codelist-{name.replace('_', '-')}) | "
            f"{'closed' if data.get('closed') else 'open'} | "
            f"{_cell(data['title']['en'])} | {_cell(data['title']['vi'])} | {len(data['codes'])} |"
        )
    lines.append("")
    for data in codelists:
        name = data["name"]
        closed = data.get("closed")
        lines += [
            f"({prefix}codelist-{name.replace('_', '-')})=",
            f"### `{name}`",
            "",
            f"*{data['title']['en']}* / *{data['title']['vi']}* — "
            + (
                "**closed**: changes only with a new schema version."
                if closed
                else "**open**: plugins may add codes."
            ),
            "",
        ]
        if data.get("description"):
            lines += [data["description"], ""]
        extra = sorted({k for c in data["codes"] for k in c} - {"code", "vi", "en"})
        lines += [
            "| code | vi | en |" + "".join(f" {k} |" for k in extra),
            "|---|---|---|" + "---|" * len(extra),
        ]
        for code in data["codes"]:
            cells = [f"`{code['code']}`", _cell(code["vi"]), _cell(code["en"])]
            cells += [_value_cell(code.get(k, "")) for k in extra]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# The first-party plugins' own guides
# --------------------------------------------------------------------------------------------

_LINK = re.compile(r"(?P<bang>!?)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)\)")


def _rewrite_links(text: str, readme: Path) -> str:
    """Relative links of a README work from its generated page.

    A link to a page of ``docs/`` becomes a link to that page; a link to any other file of
    the repository becomes a link to it on the repository's site; images are made relative to
    the generated page (they are copied into the site by Sphinx).
    """

    def fix(match: re.Match[str]) -> str:
        target = match["target"]
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith(("#", "/")):
            return match[0]
        path, _, fragment = target.partition("#")
        resolved = (readme.parent / path).resolve()
        try:
            inside = resolved.relative_to(ROOT)
        except ValueError:
            return match[0]
        suffix = f"#{fragment}" if fragment else ""
        if match["bang"]:
            return f"![{match['text']}](../../../{inside.as_posix()})"
        if inside.parts[:1] == ("docs",) and inside.suffix == ".md":
            return f"[{match['text']}](../../{Path(*inside.parts[1:]).as_posix()}{suffix})"
        return f"[{match['text']}]({REPOSITORY}{inside.as_posix()}{suffix})"

    return _LINK.sub(fix, text)


def plugin_readmes(plugins: Path = PLUGINS) -> dict[str, Path]:
    """The first-party plugins that have a user guide, by directory name."""
    return {p.parent.name: p for p in sorted(plugins.glob("*/README.md"))}


def plugin_pages(plugins: Path = PLUGINS) -> dict[str, str]:
    """One page per first-party plugin guide, and their index."""
    readmes = plugin_readmes(plugins)
    pages = {
        name: _rewrite_links(path.read_text(encoding="utf-8"), path)
        for name, path in readmes.items()
    }
    index = [
        "# First-party plugins",
        "",
        "The plugins in `plugins/` are separate distributions that register through the public",
        "entry-point group, exactly as a third party's would (see the",
        "[plugin guide](../../plugins.md)).",
        "Each one's guide is its own `README.md`, shown here as written.",
        "",
    ]
    if pages:
        index += ["```{toctree}", ":maxdepth: 1", "", *pages, "```", ""]
    else:
        index += ["No first-party plugin in this checkout has a guide yet.", ""]
    return {"index.md": "\n".join(index), **{f"{n}.md": t for n, t in pages.items()}}


# --------------------------------------------------------------------------------------------
# The worked examples, quoted from their files
# --------------------------------------------------------------------------------------------

CORPUS = ROOT / "examples" / "corpus"


class ExampleError(LookupError):
    """An example, a record or a ledger fact that a page names and that does not exist."""


def _example_file(example: str, name: str) -> Path:
    path = CORPUS / example / name
    if not example or "/" in example or not path.is_file():
        raise ExampleError(f"no corpus example {example!r} with {name} in examples/corpus/")
    return path


def corpus_records(example: str, ids: list[str]) -> list[dict[str, Any]]:
    """The records of ``examples/corpus/EXAMPLE/dataset.json`` with these ids, in this order."""
    document = json.loads(_example_file(example, "dataset.json").read_text(encoding="utf-8"))
    records = {r["id"]: r for r in document.get("records", [])}
    missing = [i for i in ids if i not in records]
    if missing:
        raise ExampleError(f"{example}/dataset.json has no record {', '.join(missing)}")
    return [records[i] for i in ids]


def ledger_facts(example: str, facts: list[str]) -> list[dict[str, Any]]:
    """The facts of ``examples/corpus/EXAMPLE/ledger.json`` with these numbers, in this order.

    ``expected_findings`` names the ledger's list of the findings the dataset may raise.
    """
    ledger = json.loads(_example_file(example, "ledger.json").read_text(encoding="utf-8"))
    by_number: dict[str, Any] = {f["fact"]: f for f in ledger.get("facts", [])}
    by_number["expected_findings"] = {"expected_findings": ledger.get("expected_findings", [])}
    missing = [f for f in facts if f not in by_number]
    if missing:
        raise ExampleError(f"{example}/ledger.json has no fact {', '.join(missing)}")
    return [by_number[f] for f in facts]


def _example_directive(kind: str) -> type:
    """``antt-record EXAMPLE ID...`` or ``antt-ledger EXAMPLE FACT...``: JSON blocks, verbatim."""
    from docutils import nodes  # noqa: PLC0415 -- only while Sphinx builds
    from sphinx.directives.code import container_wrapper  # noqa: PLC0415 -- only while building
    from sphinx.util.docutils import SphinxDirective  # noqa: PLC0415 -- only while Sphinx builds

    read = corpus_records if kind == "record" else ledger_facts
    file = "dataset.json" if kind == "record" else "ledger.json"

    class ExampleDirective(SphinxDirective):
        required_arguments = 2
        optional_arguments = 50
        has_content = False

        def run(self) -> list[nodes.Node]:
            example, *names = self.arguments
            try:
                values = read(example, names)
            except ExampleError as error:
                raise self.error(str(error)) from error
            self.env.note_dependency(str(CORPUS / example / file))
            blocks: list[nodes.Node] = []
            for name, value in zip(names, values, strict=True):
                text = json.dumps(value, ensure_ascii=False, indent=2)
                block = nodes.literal_block(text, text, language="json")
                self.set_source_info(block)
                caption = f"examples/corpus/{example}/{file}: {name}"
                blocks.append(container_wrapper(self, block, caption))
            return blocks

    return ExampleDirective


# --------------------------------------------------------------------------------------------
# Sphinx glue
# --------------------------------------------------------------------------------------------


def generated_pages() -> dict[Path, str]:
    """Every generated page, by path (all under ``docs/reference/``)."""
    pages = {
        OUT / "schemas.md": schema_page(),
        OUT / "schemas-v2.md": schema_page(SCHEMAS_V2, version="2"),
    }
    pages |= {OUT / "api" / name: text for name, text in api_pages().items()}
    pages |= {OUT / "plugins" / name: text for name, text in plugin_pages().items()}
    return pages


def write_pages(pages: dict[Path, str]) -> None:
    """Write the pages that changed and delete stale ones, so Sphinx rebuilds only those."""
    for stale in [p for p in OUT.rglob("*") if p.is_file() and p not in pages]:
        stale.unlink()
    for path, text in pages.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def _on_config_inited(app: Sphinx, config: Config) -> None:
    write_pages(generated_pages())


def _on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Adjust hand-written pages as they are read (the files on disk stay as they are).

    - ``index``: drop ``performance`` from the table of contents while the page is absent;
    - every Markdown page: relative links to files outside ``docs/`` (written so that they
      work when the page is read on the repository's site) point at the generated guide of a
      first-party plugin, or at the file on the repository's site;
    - ``plugins``: under each ``### `antt_...``` heading of the hook reference, the hook's
      specification and docstring, generated by autodoc from
      ``antt_domain.plugins._hookspecs``.
    """
    if docname == "index" and not (Path(app.srcdir) / "performance.md").exists():
        source[0] = re.sub(r"(?m)^performance\n", "", source[0])
    page = Path(app.srcdir) / f"{docname}.md"
    if page.exists() and not docname.startswith("reference/"):
        source[0] = _rewrite_outside_links(source[0], page)
    if docname == "plugins":
        source[0] = inject_hook_specs(source[0])


def _rewrite_outside_links(text: str, page: Path) -> str:
    guides = plugin_readmes()

    def fix(match: re.Match[str]) -> str:
        target = match["target"]
        if match["bang"] or re.match(r"^[a-z][a-z0-9+.-]*:", target) or target[:1] in "#/":
            return match[0]
        path, _, fragment = target.partition("#")
        resolved = (page.parent / path).resolve()
        try:
            inside = resolved.relative_to(ROOT)
        except ValueError:
            return match[0]
        if inside.parts[:1] == ("docs",):
            return match[0]
        suffix = f"#{fragment}" if fragment else ""
        for name, readme in guides.items():
            if resolved == readme.resolve():
                generated = OUT / "plugins" / f"{name}.md"
                relative = Path(_relative(generated, page.parent))
                return f"[{match['text']}]({relative.as_posix()}{suffix})"
        kind = "tree" if resolved.is_dir() else "blob"
        url = REPOSITORY.replace("/blob/", f"/{kind}/") + inside.as_posix()
        return f"[{match['text']}]({url}{suffix})"

    return _LINK.sub(fix, text)


def _relative(path: Path, start: Path) -> str:
    import os  # noqa: PLC0415 -- the one use of os.path.relpath

    return os.path.relpath(path, start)


_HOOK_HEADING = re.compile(r"(?m)^### `(?P<hook>antt_\w+)[^\n]*\n")


def inject_hook_specs(text: str) -> str:
    """Put the generated specification under each hook's heading of the plugin guide."""
    from antt_domain.plugins import HOOKS  # noqa: PLC0415 -- imported when pages are read

    def add(match: re.Match[str]) -> str:
        hook = match["hook"]
        if hook not in HOOKS:
            # A section about no hook (tests/unit/plugin_manager/test_plugin_docs.py).
            return match[0]
        directive = f".. autofunction:: antt_domain.plugins._hookspecs.{hook}"
        return f"{match[0]}\n```{{eval-rst}}\n{directive}\n```\n"

    return _HOOK_HEADING.sub(add, text)


def _on_process_docstring(  # noqa: PLR0917 -- Sphinx's autodoc-process-docstring signature
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Read Google-style sections (``Args:``, ``Returns:``) in callables' docstrings only.

    The docstrings of attributes, properties and enum members are plain sentences, often
    with a colon that napoleon would take for a type (``A stock as of "đến nay": ...``).
    """
    if what in {"function", "method", "class", "exception"}:
        from sphinx.ext.napoleon import _process_docstring  # noqa: PLC0415 -- Sphinx is loaded

        lines[:] = _returns_as_field(lines)
        _process_docstring(app, what, name, obj, options, lines)


def _returns_as_field(lines: list[str]) -> list[str]:
    """A ``Returns:`` section as a ``:returns:`` field, its text kept whole.

    napoleon would read the text before the first colon of the section as the return type
    (``Nothing. Raising ... (stage "configure")``); our docstrings describe, they do not type.
    """
    if "Returns:" not in lines:
        return lines
    start = lines.index("Returns:")
    end = start + 1
    while end < len(lines) and (not lines[end] or lines[end][:1].isspace()):
        end += 1
    body = [line.strip() for line in lines[start + 1 : end]]
    while body and not body[-1]:
        body.pop()
    field = [f":returns: {body[0]}" if body else ":returns:"] + [f"   {b}" for b in body[1:]]
    return [*lines[:start], *field, "", *lines[end:]]


def _public_targets(env: BuildEnvironment) -> dict[str, list[str]]:
    """Documented public objects by their last name component."""
    by_name: dict[str, list[str]] = {}
    for fullname in env.get_domain("py").objects:  # type: ignore[attr-defined]
        if "._" not in fullname:
            by_name.setdefault(fullname.rsplit(".", 1)[-1], []).append(fullname)
    return by_name


def _on_missing_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: TextElement
) -> Element | None:
    """Resolve names written as their private path or unqualified to their public home.

    Annotations name an object where it is defined (``antt_domain.model._records.Area``) or
    as written in the source (``Area``); the reference documents it once, under its public
    package (``antt_domain.model.Area``). Only an unambiguous public match is used.
    """
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    if target.startswith("antt_domain.") and "._" not in target:
        return None
    if not target.startswith("antt_domain.") and "." in target:
        return None
    candidates = _public_targets(env).get(target.rsplit(".", 1)[-1], [])
    chosen = _choose(candidates, node.get("py:module") or "")
    if chosen is None:
        return None
    node["reftarget"] = chosen
    return env.get_domain("py").resolve_xref(  # type: ignore[no-any-return]
        env, node["refdoc"], app.builder, node["reftype"], chosen, node, contnode
    )


def _is_v2(name: str) -> bool:
    return ".v2." in f"{name}." or name.endswith(".v2")


def _choose(candidates: list[str], context: str) -> str | None:
    """The one public object a short name means, read from the module that names it.

    The 1.0 and 2.0 models share class names (``Area``, ``Dataset``, ``Interval``): a name
    written in ``antt_domain.model.v2`` or ``antt_domain.convert.v2`` means the 2.0 class, a
    name written anywhere else the 1.0 class.
    """
    if len(candidates) > 1:
        candidates = [c for c in candidates if _is_v2(c) == _is_v2(context)]
    return candidates[0] if len(candidates) == 1 else None


def _disambiguation() -> type:
    """A post-transform that resolves short names shared by the 1.0 and 2.0 models first.

    Sphinx's own search would find both classes and warn; it runs after this one.
    """
    from sphinx.addnodes import pending_xref  # noqa: PLC0415 -- only while Sphinx builds
    from sphinx.transforms.post_transforms import SphinxPostTransform  # noqa: PLC0415

    class Disambiguate(SphinxPostTransform):
        default_priority = 5  # before sphinx.transforms.post_transforms.ReferencesResolver

        def run(self, **kwargs: Any) -> None:
            targets = _public_targets(self.env)
            for node in self.document.findall(pending_xref):
                target = node.get("reftarget", "")
                if node.get("refdomain") != "py" or "." in target:
                    continue
                candidates = targets.get(target, [])
                if len(candidates) > 1:
                    chosen = _choose(candidates, node.get("py:module") or "")
                    if chosen is not None:
                        node["reftarget"] = chosen
                        node["refspecific"] = False

    return Disambiguate


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx.ext.autodoc")
    app.setup_extension("sphinx.ext.napoleon")
    # napoleon's own listener reads every docstring; ours reads only callables' (see above).
    listeners = app.events.listeners["autodoc-process-docstring"]
    listeners[:] = [lis for lis in listeners if lis.handler.__module__ != "sphinx.ext.napoleon"]
    app.connect("autodoc-process-docstring", _on_process_docstring)
    app.connect("config-inited", _on_config_inited)
    app.connect("source-read", _on_source_read)
    app.connect("missing-reference", _on_missing_reference)
    app.add_post_transform(_disambiguation())
    app.add_directive("antt-record", _example_directive("record"))
    app.add_directive("antt-ledger", _example_directive("ledger"))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
