"""A compiled "is it valid?" check per schema, from jsonschema-rs when it is installed.

jsonschema-rs follows ECMA-262 for patterns, like the schemas themselves, and checks the
``date`` format when asked; it resolves ``$ref`` only from the bundled schemas (offline).
The ``jsonschema`` package stays the authority that explains findings: a document the fast
check passes is valid, and one it fails is handed to ``jsonschema`` for the details.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from antt_domain._accel import accelerator
from antt_domain.schemas._registry import load_schema, schema_names

__all__ = ["fast_check"]


@functools.cache
def _compiled(name: str) -> Callable[[Any], bool] | None:
    rs = accelerator("jsonschema_rs")
    if rs is None:
        return None
    try:
        registry = rs.Registry([(load_schema(n)["$id"], load_schema(n)) for n in schema_names()])
        validator = rs.Draft202012Validator(
            load_schema(name), registry=registry, validate_formats=True, offline=True
        )
    except (AttributeError, TypeError):  # pragma: no cover - a jsonschema-rs too old for this
        return None
    check: Callable[[Any], bool] = validator.is_valid
    return check


def fast_check(name: str) -> Callable[[Any], bool] | None:
    """A compiled validity check for schema ``name``, or ``None`` on the pure-Python path."""
    if accelerator("jsonschema_rs") is None:
        return None
    return _compiled(name)
