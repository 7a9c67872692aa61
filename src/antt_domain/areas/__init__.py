"""Area records from a gazetteer, instead of by hand.

:func:`make_areas` writes the area records of some codes as they were on a date (with their
parents); :func:`fill_areas` completes the administrative area records of a dataset (name,
level, code, code list, validity, parent -- adding parent records it lacks) and says in an
:class:`AreaNote` what it filled, added, could not find, or found written otherwise. Both work
on JSON values of either schema version, with any :class:`~antt_domain.vi.Gazetteer` (the
bundled extract, or the national one of the ``antt-domain-gazetteer-vn`` plugin through
:meth:`~antt_domain.plugins.AnttPluginManager.gazetteer`). ``antt areas`` is the CLI.

>>> from datetime import date
>>> from antt_domain.vi import bundled_gazetteer
>>> [r["name"] for r in make_areas(["15145"], bundled_gazetteer(), on=date(2021, 6, 1))]
['Tỉnh Thanh Hóa', 'Huyện Cẩm Thủy', 'Xã Cẩm Liên']
"""

from __future__ import annotations

from antt_domain.areas._fill import (
    AreaFill,
    UnknownAreaError,
    area_record,
    code_list_of,
    fill_areas,
    make_areas,
)
from antt_domain.areas._notes import AreaNote, NoteKind

__all__ = [
    "AreaFill",
    "AreaNote",
    "NoteKind",
    "UnknownAreaError",
    "area_record",
    "code_list_of",
    "fill_areas",
    "make_areas",
]
