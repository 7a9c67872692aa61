"""Loading the bundled schemas into an offline registry and compiling validators once."""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from antt_domain._resources import schema_root
from antt_domain.errors import AnttError

if TYPE_CHECKING:  # jsonschema and referencing load only when a validator is built
    import referencing
    from jsonschema import Draft202012Validator, FormatChecker

__all__ = [
    "BASE_URI",
    "RECORD_SCHEMAS",
    "SchemaNotFoundError",
    "format_checker",
    "load_schema",
    "registry",
    "schema_names",
    "validator_for",
]

#: The base of every bundled schema's ``$id`` (an identifier, never fetched).
BASE_URI = "https://schemas.antt-domain.org/v1/"

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


class SchemaNotFoundError(AnttError, LookupError):
    """A schema name or ``$ref`` URI that antt-domain does not ship (it never fetches one)."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"no bundled schema {name!r} (antt-domain never fetches schemas)")


@functools.cache
def schema_names() -> tuple[str, ...]:
    """The names of the bundled schemas (``"activity"``, ``"dataset"``, ...), sorted."""
    folder = schema_root() / "v1"
    suffix = ".schema.json"
    return tuple(
        sorted(e.name[: -len(suffix)] for e in folder.iterdir() if e.name.endswith(suffix))
    )


@functools.cache
def _load(name: str) -> str:
    if name not in schema_names():
        raise SchemaNotFoundError(name)
    text: str = (schema_root() / "v1" / f"{name}.schema.json").read_text(encoding="utf-8")
    return text


def load_schema(name: str) -> dict[str, Any]:
    """A fresh copy of the bundled schema ``name`` (e.g. ``"dataset"``, ``"activity"``)."""
    schema: dict[str, Any] = json.loads(_load(name))
    return schema


def _refuse(uri: str) -> referencing.Resource[Any]:
    import referencing.exceptions  # noqa: PLC0415 - loaded when first needed

    raise referencing.exceptions.NoSuchResource(ref=uri)  # type: ignore[call-arg]


@functools.cache
def registry() -> referencing.Registry[Any]:
    """A registry of every bundled schema by ``$id``; unknown URIs fail closed, offline."""
    import referencing  # noqa: PLC0415 - loaded when first needed
    from referencing.jsonschema import DRAFT202012  # noqa: PLC0415

    resources = [
        referencing.Resource.from_contents(load_schema(name), default_specification=DRAFT202012)
        for name in schema_names()
    ]
    built: referencing.Registry[Any] = referencing.Registry(retrieve=_refuse)  # type: ignore[call-arg]
    pairs = [(uri, r) for r in resources if (uri := r.id()) is not None]
    return built.with_resources(pairs).crawl()


@functools.cache
def validator_for(name: str) -> Draft202012Validator:
    """The compiled Draft 2020-12 validator for schema ``name``, built once and reused."""
    from jsonschema import Draft202012Validator  # noqa: PLC0415 - loaded when first needed

    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry(), format_checker=format_checker())
