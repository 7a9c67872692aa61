"""A compiled "is it valid?" check per schema, from jsonschema-rs when it is installed.

Both major versions are served (``version="1"``, the default, or ``"2"``): one jsonschema-rs
registry holds every bundled schema, as the ``referencing`` registry does.

jsonschema-rs follows ECMA-262 for patterns, like the schemas themselves, and checks the
``date`` format when asked; it resolves ``$ref`` only from the bundled schemas (offline).
The ``jsonschema`` package stays the authority that explains findings: a document the fast
check passes is valid, and one it fails is handed to ``jsonschema`` for the details --
through :func:`explainer_for`, which lets ``jsonschema`` skip the members that jsonschema-rs
finds valid, so that explaining one wrong property does not cost walking the whole record.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from antt_domain._accel import accelerator
from antt_domain.schemas._registry import (
    SCHEMA_VERSIONS,
    SchemaVersion,
    format_checker,
    load_schema,
    registry,
    schema_names,
    validator_for,
)

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

__all__ = ["explainer_for", "fast_check"]


def _bundled() -> Iterator[dict[str, Any]]:
    """Every bundled schema of every version (their ``$id`` differ by version)."""
    for version in SCHEMA_VERSIONS:
        for name in schema_names(version):
            yield load_schema(name, version)


@functools.cache
def _rs_registry() -> Any:
    rs: Any = accelerator("jsonschema_rs")
    return rs.Registry([(schema["$id"], schema) for schema in _bundled()])


def _rs_validator(schema: Any, base_uri: str | None = None) -> Callable[[Any], bool] | None:
    rs = accelerator("jsonschema_rs")
    if rs is None:
        return None
    try:
        validator = rs.Draft202012Validator(
            schema,
            registry=_rs_registry(),
            validate_formats=True,
            offline=True,
            base_uri=base_uri,
        )
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - an old jsonschema-rs
        return None
    check: Callable[[Any], bool] = validator.is_valid
    return check


@functools.cache
def _compiled(name: str, version: SchemaVersion) -> Callable[[Any], bool] | None:
    return _rs_validator(load_schema(name, version))


def fast_check(name: str, version: SchemaVersion = "1") -> Callable[[Any], bool] | None:
    """A compiled validity check for schema ``name`` of ``version``, or ``None`` on the
    pure-Python path."""
    if accelerator("jsonschema_rs") is None:
        return None
    return _compiled(name, version)


def _bases(root: dict[str, Any]) -> dict[int, str]:
    """``id()`` of every schema object reachable by ``root``'s validator → its base URI."""
    found: dict[int, str] = {}
    stack: list[tuple[Any, str]] = [(root, root["$id"])]
    stack += [(registry().contents(schema["$id"]), "") for schema in _bundled()]
    while stack:
        node, base = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("$id"), str):
                base = urljoin(base, node["$id"])
            found[id(node)] = base
            stack.extend((value, base) for value in node.values())
        elif isinstance(node, list):
            stack.extend((value, base) for value in node)
    return found


class _Pruner:
    """Compiled checks of the subschemas met under ``properties``, by object identity."""

    def __init__(self, root: dict[str, Any]) -> None:
        self._bases = _bases(root)
        self._checks: dict[int, Callable[[Any], bool] | None] = {}

    def valid(self, instance: Any, schema: Any) -> bool:
        """Whether jsonschema-rs finds ``instance`` valid against the subschema ``schema``."""
        key = id(schema)
        if key not in self._checks:
            base = self._bases.get(key)
            ok = isinstance(schema, dict) and base is not None
            self._checks[key] = _rs_validator(schema, base) if ok else None
        check = self._checks[key]
        return check is not None and check(instance)


def explainer_for(name: str, version: SchemaVersion = "1") -> Draft202012Validator:
    """A ``jsonschema`` validator for schema ``name`` of ``version`` that gives exactly the
    errors of :func:`~antt_domain.schemas.validator_for`, faster.

    Under ``properties``, a member that jsonschema-rs finds valid is not walked: ``jsonschema``
    would find no error there; a ``$ref`` is resolved once, not on every record. Without
    jsonschema-rs this is :func:`validator_for` itself.
    """
    return _explainer(name, version)


@functools.cache
def _explainer(name: str, version: SchemaVersion) -> Draft202012Validator:
    if accelerator("jsonschema_rs") is None:
        return validator_for(name, version)
    from jsonschema import Draft202012Validator, validators  # noqa: PLC0415 - when first needed

    plain = validator_for(name, version)
    root: Any = plain.schema
    pruner = _Pruner(root)

    def properties(
        validator: Any, properties: dict[str, Any], instance: Any, _schema: Any
    ) -> Iterator[Any]:
        if not validator.is_type(instance, "object"):
            return
        for member, subschema in properties.items():
            if member in instance and not pruner.valid(instance[member], subschema):
                yield from validator.descend(
                    instance[member], subschema, path=member, schema_path=member
                )

    resolved: dict[tuple[str, str], Any] = {}

    def ref(validator: Any, ref: str, instance: Any, _schema: Any) -> Iterator[Any]:
        # ``$ref`` resolved once per (base URI, reference), not on every record: ``jsonschema``
        # joins and looks up the URI each time. The bundled schemas have no ``$dynamicRef``, so
        # the dynamic scope a lookup carries does not matter. Anything unexpected (another
        # jsonschema or referencing, a reference that does not resolve) takes the plain path.
        base = getattr(getattr(validator, "_resolver", None), "_base_uri", None)
        found = resolved.get((base, ref)) if isinstance(base, str) else None
        if found is None:
            try:
                found = validator._resolver.lookup(ref)
            except Exception:  # noqa: BLE001 - the plain path raises its own error
                yield from validator._validate_reference(ref=ref, instance=instance)
                return
            if isinstance(base, str):
                resolved[base, ref] = found
        yield from validator.descend(instance, found.contents, resolver=found.resolver)

    pruning = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"properties": properties, "$ref": ref}
    )
    explainer: Draft202012Validator = pruning(
        plain.schema, registry=registry(), format_checker=format_checker()
    )
    return explainer
