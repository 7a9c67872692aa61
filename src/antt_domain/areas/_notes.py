"""What filling areas from a gazetteer says about each area record it looked at."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

__all__ = ["AreaNote", "NoteKind"]

#: What a note is about:
#:
#: * ``filled``: properties the record lacked were taken from the gazetteer;
#: * ``added``: a record was added (the parent of an area the dataset names);
#: * ``unknown``: the gazetteer has no unit with this code (or name) on that date;
#: * ``ambiguous``: a name matches several units; the record is left as it is;
#: * ``undated``: no date to look the code up on (give one: ``on=`` / ``--on``);
#: * ``disagrees``: the record says something the gazetteer does not (kept as written).
NoteKind = Literal["filled", "added", "unknown", "ambiguous", "undated", "disagrees"]

_MESSAGES: Mapping[NoteKind, tuple[str, str]] = {
    "filled": (
        "filled {fields} from {unit} ({version})",
        "đã điền {fields} theo {unit} ({version})",
    ),
    "added": (
        "added {unit} ({version}), the parent of an area of the dataset",
        "đã thêm {unit} ({version}), đơn vị cấp trên của một địa bàn trong bộ dữ liệu",
    ),
    "unknown": (
        "no unit {what} on {on} in the gazetteer ({version})",
        "danh mục hành chính ({version}) không có đơn vị {what} vào ngày {on}",
    ),
    "ambiguous": (
        "{what} names {count} units on {on}: {candidates}; give the code",
        "{what} ứng với {count} đơn vị vào ngày {on}: {candidates}; hãy ghi mã",
    ),
    "undated": (
        (
            "no date to look {what} up on: give valid_from, valid_to or a dated code_list "
            "on the record, or a date (--on)"
        ),
        (
            "không có ngày để tra {what}: hãy ghi valid_from, valid_to hoặc code_list có "
            "ngày trong bản ghi, hoặc chỉ ra một ngày (--on)"
        ),
    ),
    "disagrees": (
        "{field} is {written!r} here but {expected!r} in the gazetteer ({unit}); kept as written",
        (
            "{field} ghi là {written!r} nhưng danh mục hành chính ghi {expected!r} ({unit}); "
            "giữ nguyên như đã ghi"
        ),
    ),
}


@attrs.frozen(kw_only=True)
class AreaNote:
    """One thing :func:`~antt_domain.areas.fill_areas` reports.

    ``pointer`` is a JSON pointer into the *result* document (the record filled, added or
    left alone); ``record_id`` its id; ``params`` fill the message templates.
    """

    kind: NoteKind
    pointer: str
    record_id: str | None
    params: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    def message(self, lang: str = "en") -> str:
        """The note in ``lang`` (``"vi"`` or ``"en"``)."""
        english, vietnamese = _MESSAGES[self.kind]
        return (vietnamese if lang == "vi" else english).format(**self.params)
