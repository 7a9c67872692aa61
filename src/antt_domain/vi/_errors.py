"""The exception raised by :mod:`antt_domain.vi` when Vietnamese text cannot be read."""

from __future__ import annotations

from typing import final

from antt_domain.errors import AnttError

__all__ = ["VietnameseParseError"]


@final
class VietnameseParseError(AnttError, ValueError):
    """Vietnamese text (a number, a date, a document symbol, ...) could not be parsed.

    The parsers never guess: ambiguous input such as ``"1,838"`` (thousands or decimal?) raises
    this error instead of returning a plausible value.

    Attributes:
        text: the input exactly as given.
        reason: why it could not be parsed, in English, as one sentence.
        position: the 0-based index in ``text`` where the problem was found, if known.
        kind: what was being parsed: ``"number"``, ``"date"``, ``"date-line"``, ``"symbol"``,
            ``"month"``, ``"quarter"``.
    """

    text: str
    reason: str
    position: int | None
    kind: str

    def __init__(self, text: str, reason: str, *, kind: str, position: int | None = None) -> None:
        self.text = text
        self.reason = reason
        self.position = position
        self.kind = kind
        where = "" if position is None else f" at position {position}"
        super().__init__(f"cannot parse {kind} {text!r}{where}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        """Keep the error picklable despite the keyword-only constructor arguments."""
        return (_rebuild, (self.text, self.reason, self.kind, self.position))


def _rebuild(text: str, reason: str, kind: str, position: int | None) -> VietnameseParseError:
    return VietnameseParseError(text, reason, kind=kind, position=position)


VietnameseParseError.__module__ = "antt_domain.vi"  # shown and pickled under its public name
