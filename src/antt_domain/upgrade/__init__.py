"""Upgrade a 1.x document to Schema 2.0 (design section 7), on JSON values.

:func:`upgrade` takes a parsed 1.x dataset, record or list of records and returns an
:class:`UpgradeResult`: the 2.0 value, the :class:`UpgradeNote` s it made (open codes that
2.0 does not know and that will need a namespace, citations given twice) and the 2.0 schema
errors of the result (none expected). It needs no plugin and changes nothing on disk;
``antt upgrade`` is its CLI.
"""

from __future__ import annotations

from antt_domain.upgrade._api import TARGET_VERSION, UpgradeResult, upgrade
from antt_domain.upgrade._errors import InvalidVersionOneError, NotVersionOneError, UpgradeError
from antt_domain.upgrade._notes import NoteKind, UpgradeNote

__all__ = [
    "TARGET_VERSION",
    "InvalidVersionOneError",
    "NotVersionOneError",
    "NoteKind",
    "UpgradeError",
    "UpgradeNote",
    "UpgradeResult",
    "upgrade",
]
