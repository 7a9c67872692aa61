"""The callables a plugin hands over, as Protocols (any function of the right shape fits)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, BinaryIO, Protocol

if TYPE_CHECKING:
    from antt_domain.model import Dataset
    from antt_domain.plugins._request import ReportRequest

__all__ = ["Exporter", "ReportRenderer"]


class Exporter(Protocol):
    """Writes ``dataset`` to ``out`` in one format.

    * ``out`` is a binary stream; textual formats write UTF-8. Do not close it, seek in it or
      write anywhere else: :func:`~antt_domain.plugins.export` makes the write atomic.
    * ``options`` holds the ``KEY=VALUE`` options the user gave, already checked against the
      spec's declared ``options`` (values are strings; parse them yourself).
    * Be deterministic: the same dataset and options give the same bytes (no timestamps).
    * Raise any exception to fail; the caller reports it with the plugin's name.
    """

    def __call__(self, dataset: Dataset, out: BinaryIO, options: Mapping[str, str], /) -> None:
        """Write ``dataset`` to ``out``."""


class ReportRenderer(Protocol):
    """Renders a report for ``request``: ``str`` for textual formats, ``bytes`` for binary."""

    def __call__(self, request: ReportRequest, /) -> str | bytes:
        """The report's content."""
