"""What a former administrative unit had become by a date, said in a sentence: one place for
the hint that ``antt areas`` and rule D010 give about a unit that ceased in the 2025 reform."""

from __future__ import annotations

from datetime import date

from antt_domain.vi._gazetteer_protocol import Gazetteer, SuccessionGazetteer
from antt_domain.vi._succession import Succession

__all__ = ["ceased_into", "former_unit_note"]


def ceased_into(gazetteer: Gazetteer, code: str, on: date) -> tuple[Succession, ...]:
    """The links by which the former unit ``code`` had passed into its successors by ``on``:
    empty when the gazetteer knows no successions (it is no
    :class:`~antt_domain.vi.SuccessionGazetteer`) or the unit had not ceased by then."""
    if not isinstance(gazetteer, SuccessionGazetteer):
        return ()
    return tuple(s for s in gazetteer.successors(code) if s.effective <= on)


def former_unit_note(links: tuple[Succession, ...], lang: str = "en") -> str:
    """ "Xã Cẩm Liên (15145) is a former unit: it ceased on 2025-07-01, now part of Xã Cẩm
    Thạch (15142)" for the links of :func:`ceased_into` (not empty), in ``lang`` ("vi" or
    "en"); a successor that took only part of the unit is marked so."""
    former = links[0].former
    ended = links[0].effective.isoformat()
    part = " một phần" if lang == "vi" else ", part"
    names = ", ".join(
        f"{s.successor.full_name} ({s.successor.code}{'' if s.whole else part})" for s in links
    )
    if lang == "vi":
        return (
            f"{former.full_name} ({former.code}) là đơn vị cũ: không còn từ {ended}, nay thuộc "
            f"{names}"
        )
    return (
        f"{former.full_name} ({former.code}) is a former unit: it ceased on {ended}, now part "
        f"of {names}"
    )
