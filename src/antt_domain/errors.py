"""The one root exception of antt-domain.

This module sits beneath everything else in the package (it imports nothing of ours), so that
every layer -- the model, the Vietnamese utilities, the schemas, validation, plugins and the
CLI -- raises exceptions that a caller can catch with a single ``except AnttError``.
"""

from __future__ import annotations

__all__ = ["AnttError"]


class AnttError(Exception):
    """Root of every exception antt-domain raises on purpose.

    Subclasses carry structured attributes (codes, pointers, lists of problems) so that callers
    never need to parse the message.
    """
