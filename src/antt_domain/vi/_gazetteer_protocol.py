"""The gazetteer extension point: anything that can look administrative units up by date."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from datetime import date

    from antt_domain.vi._admin_unit import AdminLevel, AdminUnit
    from antt_domain.vi._succession import Succession

__all__ = ["Gazetteer", "SuccessionGazetteer"]


@runtime_checkable
class Gazetteer(Protocol):
    """A source of administrative units (a national list from a plugin, the bundled extract).

    Semantics a validation rule relies on:

    * ``lookup(code, on)`` is the unit that carried ``code`` on ``on``, or ``None``.
    * ``covers(on)`` is ``True`` only if the gazetteer claims to list *every* unit that
      existed on ``on``. When ``lookup`` returns ``None`` and ``covers(on)`` is ``True``, the
      code is unknown (an error); when ``covers(on)`` is ``False`` the gazetteer simply cannot
      tell (a warning at most). A partial extract therefore returns ``False``.
    """

    @property
    def version(self) -> str:
        """Identifies the data (e.g. ``"gso-2021-02-03"`` or a plugin's release)."""
        ...

    def lookup(self, code: str, on: date) -> AdminUnit | None:
        """Return the unit that carried ``code`` on ``on``, or ``None``."""
        ...

    def find(
        self, name: str, *, on: date | None = None, level: AdminLevel | None = None
    ) -> tuple[AdminUnit, ...]:
        """Return every unit whose name matches (across tone styles, case and Unicode form).

        A query with a kind word (``"Xã Cẩm Tân"``) matches the kind too; a bare name
        (``"Cẩm Tân"``) matches any kind. ``on`` keeps units valid on that date; ``level``
        keeps one tier.
        """
        ...

    def covers(self, on: date) -> bool:
        """Whether the gazetteer is complete for ``on`` (see the class docstring)."""
        ...


@runtime_checkable
class SuccessionGazetteer(Gazetteer, Protocol):
    """A :class:`Gazetteer` that also knows which units succeeded which (the 2025 reform).

    The two methods are optional for a gazetteer: one without them is still a
    :class:`Gazetteer`, and callers test ``isinstance(g, SuccessionGazetteer)`` (or use
    :meth:`ChainGazetteer.successors`, which skips sources without them).

    Codes were reused in the reform, so each method says which side its code is on.
    """

    def successors(self, code: str) -> tuple[Succession, ...]:
        """The units the *former* unit ``code`` (one that ceased) passed into; ``()`` when
        the code names no former unit or its successors are not known."""
        ...

    def predecessors(self, code: str) -> tuple[Succession, ...]:
        """The former units that passed into the *new* unit ``code``; ``()`` when unknown."""
        ...
