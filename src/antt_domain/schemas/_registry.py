"""Loading the bundled schemas into an offline registry and compiling validators once.

Two major versions ship side by side: 1.0 under ``schemas/v1/`` (the default everywhere) and
2.0 under ``schemas/v2/`` (``version="2"``). One registry holds both; the ``$id`` of each differs
(``/v1/``, ``/v2/``), so a ``$ref`` always resolves within its own version.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any, Literal, final, get_args

from antt_domain._resources import schema_root
from antt_domain.errors import AnttError

if TYPE_CHECKING:  # jsonschema and referencing load only when a validator is built
    import referencing
    from jsonschema import Draft202012Validator, FormatChecker

__all__ = [
    "BASE_URI",
    "RECORD_SCHEMAS",
    "SCHEMA_VERSIONS",
    "V2_BASE_URI",
    "V2_RECORD_SCHEMAS",
    "SchemaNotFoundError",
    "SchemaVersion",
    "format_checker",
    "load_schema",
    "registry",
    "schema_names",
    "validator_for",
]

#: A major schema version that antt-domain ships: ``"1"`` (the default) or ``"2"``.
SchemaVersion = Literal["1", "2"]

#: The shipped major versions, oldest first.
SCHEMA_VERSIONS: tuple[SchemaVersion, ...] = get_args(SchemaVersion)

#: The base of every bundled 1.0 schema's ``$id`` (an identifier, never fetched).
BASE_URI = "https://schemas.antt-domain.org/v1/"

#: The base of every bundled 2.0 schema's ``$id``.
V2_BASE_URI = "https://schemas.antt-domain.org/v2/"

#: Record ``type`` → schema name.
RECORD_SCHEMAS: dict[str, str] = {
    "area": "area",
    "organisation": "organisation",
    "agreement": "agreement",
    "model_type": "model-type",
    "model_instance": "model-instance",
    "activity": "activity",
    "outcome": "outcome",
    "source": "source",
}

#: Record ``type`` → schema name, for 2.0 (``schemas/v2/``).
V2_RECORD_SCHEMAS: dict[str, str] = {
    "area": "area",
    "organisation": "organisation",
    "person": "person",
    "document": "document",
    "model_type": "model-type",
    "model_instance": "model-instance",
    "event": "event",
    "figure": "figure",
    "award": "award",
    "assessment": "assessment",
    "plan": "plan",
    "source": "source",
}


def _folder(version: str) -> str:
    """``"v1"`` or ``"v2"``; anything else is refused (never guessed)."""
    if version not in SCHEMA_VERSIONS:
        msg = f"no schema version {version!r}; known: {', '.join(SCHEMA_VERSIONS)}"
        raise ValueError(msg)
    return f"v{version}"


@functools.cache
def format_checker() -> FormatChecker:
    """The formats the schemas claim, checked for real: only ``date`` (stdlib, no optional
    dependency). Other formats are not claimed; URLs are checked by pattern."""
    from jsonschema import FormatChecker  # noqa: PLC0415 - loaded when first needed

    return FormatChecker(formats=("date",))


def __getattr__(name: str) -> Any:
    if name == "FORMAT_CHECKER":  # the constant of earlier versions, built on first use
        return format_checker()
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


@final
class SchemaNotFoundError(AnttError, LookupError):
    """A schema name or ``$ref`` URI that antt-domain does not ship (it never fetches one)."""

    def __init__(self, name: str, version: str = "1") -> None:
        self.name = name
        self.version = version
        where = "" if version == "1" else f" in schema version {version}"
        super().__init__(f"no bundled schema {name!r}{where} (antt-domain never fetches schemas)")


def schema_names(version: SchemaVersion = "1") -> tuple[str, ...]:
    """The names of the bundled schemas of ``version`` (``"activity"``, ``"dataset"``, ...),
    sorted."""
    return _schema_names(version)


@functools.cache
def _schema_names(version: SchemaVersion) -> tuple[str, ...]:
    folder = schema_root() / _folder(version)
    suffix = ".schema.json"
    return tuple(
        sorted(e.name[: -len(suffix)] for e in folder.iterdir() if e.name.endswith(suffix))
    )


@functools.cache
def _load(name: str, version: SchemaVersion) -> str:
    if name not in schema_names(version):
        raise SchemaNotFoundError(name, version)
    path = schema_root() / _folder(version) / f"{name}.schema.json"
    text: str = path.read_text(encoding="utf-8")
    return text


def load_schema(name: str, version: SchemaVersion = "1") -> dict[str, Any]:
    """A fresh copy of the bundled schema ``name`` (e.g. ``"dataset"``, ``"activity"``);
    ``version="2"`` reads the 2.0 schemas (``"figure"``, ``"event"``, ...)."""
    schema: dict[str, Any] = json.loads(_load(name, version))
    return schema


def _refuse(uri: str) -> referencing.Resource[Any]:
    import referencing.exceptions  # noqa: PLC0415 - loaded when first needed

    raise referencing.exceptions.NoSuchResource(ref=uri)  # type: ignore[call-arg]


@functools.cache
def registry() -> referencing.Registry[Any]:
    """A registry of every bundled schema (1.0 and 2.0) by ``$id``; unknown URIs fail
    closed, offline."""
    import referencing  # noqa: PLC0415 - loaded when first needed
    from referencing.jsonschema import DRAFT202012  # noqa: PLC0415

    resources = [
        referencing.Resource.from_contents(
            load_schema(name, version), default_specification=DRAFT202012
        )
        for version in SCHEMA_VERSIONS
        for name in schema_names(version)
    ]
    built: referencing.Registry[Any] = referencing.Registry(retrieve=_refuse)  # type: ignore[call-arg]
    pairs = [(uri, r) for r in resources if (uri := r.id()) is not None]
    return built.with_resources(pairs).crawl()


def validator_for(name: str, version: SchemaVersion = "1") -> Draft202012Validator:
    """The compiled Draft 2020-12 validator for schema ``name`` of ``version``, built once
    and reused."""
    return _validator(name, version)


@functools.cache
def _validator(name: str, version: SchemaVersion) -> Draft202012Validator:
    from jsonschema import Draft202012Validator  # noqa: PLC0415 - loaded when first needed

    schema = load_schema(name, version)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry(), format_checker=format_checker())
