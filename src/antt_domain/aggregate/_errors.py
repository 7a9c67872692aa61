"""The one exception of the aggregation layer."""

from __future__ import annotations

from typing import final

from antt_domain.errors import AnttError

__all__ = ["AggregationError"]


@final
class AggregationError(AnttError, ValueError):
    """A request the aggregation cannot answer without guessing.

    ``parameter`` names the argument at fault (``"by"``, ``"area"``, ``"period"``, ...),
    ``value`` is what was given, ``reason`` says why it was refused and ``candidates`` lists what
    would have been accepted (the area ids an ambiguous code names, the known dimensions, ...).
    """

    def __init__(
        self,
        parameter: str,
        value: object,
        reason: str,
        *,
        candidates: tuple[str, ...] = (),
    ) -> None:
        self.parameter = parameter
        self.value = value
        self.reason = reason
        self.candidates = candidates
        message = f"{parameter}={value!r}: {reason}"
        if candidates:
            message += f" (candidates: {', '.join(candidates)})"
        super().__init__(message)
