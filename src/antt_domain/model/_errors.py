"""The exception raised when a model object is given impossible values."""

from __future__ import annotations

from typing import final

from antt_domain.errors import AnttError

__all__ = ["ModelError"]


@final
class ModelError(AnttError, ValueError):
    """A model object was constructed with values it cannot hold.

    Attributes:
        cls: the name of the class being constructed (``"Quantity"``, ``"Activity"``, ...).
        field: the attribute at fault, or ``None`` when the problem spans several attributes.
        reason: what is wrong, in English, without the class and field (they are attributes).
    """

    def __init__(self, cls: str, field: str | None, reason: str) -> None:
        self.cls = cls
        self.field = field
        self.reason = reason
        where = f"{cls}.{field}" if field else cls
        super().__init__(f"{where}: {reason}")
