"""What refuses an upgrade: a document that is not 1.x, or one that breaks the 1.0 schema."""

from __future__ import annotations

from collections.abc import Sequence

from antt_domain.errors import AnttError
from antt_domain.io import SchemaViolation

__all__ = ["InvalidVersionOneError", "NotVersionOneError", "UpgradeError"]


class UpgradeError(AnttError, ValueError):
    """A document that :func:`~antt_domain.upgrade.upgrade` cannot upgrade (nothing is made)."""


class NotVersionOneError(UpgradeError):
    """The document is not a 1.x document: ``found`` is what it says it is (a
    ``schema_version``, a 2.0 record type, or a description of the value)."""

    def __init__(self, found: str, detail: str) -> None:
        self.found = found
        super().__init__(f"not a 1.x document ({detail}); only 1.x documents are upgraded")


class InvalidVersionOneError(UpgradeError):
    """The document claims 1.x but breaks the 1.0 schema; ``violations`` lists every place
    (pointers into the input). Upgrading invalid input silently would hide its faults."""

    def __init__(self, violations: Sequence[SchemaViolation]) -> None:
        self.violations = tuple(violations)
        shown = "; ".join(f"{v.pointer or '/'}: {v.message}" for v in self.violations[:5])
        more = f" (and {len(self.violations) - 5} more)" if len(self.violations) > 5 else ""
        super().__init__(
            f"does not match the 1.0 schema, so it is not upgraded: {shown}{more} "
            "(antt validate lists the findings)"
        )
