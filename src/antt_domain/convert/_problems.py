"""Why plain values could not become model objects (importable without cattrs)."""

from __future__ import annotations

from typing import final

import attrs

from antt_domain.errors import AnttError

__all__ = ["ConversionError", "Problem"]


@final
@attrs.frozen(kw_only=True)
class Problem:
    """One reason a value could not be structured: where (a JSON pointer) and what."""

    pointer: str
    message: str


@final
class ConversionError(AnttError, ValueError):
    """Plain values could not become model objects; ``problems`` says where and why.

    No half-built object is ever returned: structuring either succeeds whole or raises this.
    """

    def __init__(self, what: str, problems: list[Problem]) -> None:
        self.what = what
        self.problems = problems
        lines = "; ".join(f"{p.pointer or '/'}: {p.message}" for p in problems)
        super().__init__(f"cannot read {what}: {lines}")
