"""What the upgrade says about a document: codes of open lists that 2.0 does not know, and
citations repeated in one record.

A 1.0 plugin could add bare codes to the open lists; 2.0 keeps them unchanged, but there an
extension code is ``namespace:code``, declared by the dataset's ``vocabulary`` or by a plugin
(design section 6). The upgrade does not invent a namespace: it names each such code.

1.0 let a record cite the same source with the same locator twice; 2.0 lists each citation
once, so the repeat (which says nothing more) is dropped and named.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs

from antt_domain.schemas import codelist

__all__ = ["NoteKind", "UpgradeNote", "notes_for"]

#: What a note is about: an open code that needs a namespace in 2.0, or a repeated citation.
NoteKind = Literal["needs_namespace", "duplicate_citation"]

_EN = (
    "{what} {code!r} ({codelist}) is not in the 2.0 catalogue: it is kept as it is, and "
    "needs a namespace (NAMESPACE:{code}) declared in the dataset's vocabulary or by a plugin"
)
_VI = (
    "{what_vi} {code!r} ({codelist}) không có trong danh mục 2.0: được giữ nguyên, và cần "
    "một không gian tên (NAMESPACE:{code}) khai báo trong vocabulary của bộ dữ liệu hoặc "
    "bởi một plugin"
)
_DUPLICATE_EN = (
    "a citation of source {code!r} was given twice with the same locator; 2.0 lists each "
    "citation once, so the repeat is dropped"
)
_DUPLICATE_VI = (
    "trích dẫn nguồn {code!r} được ghi hai lần với cùng vị trí; bản 2.0 ghi mỗi trích dẫn "
    "một lần, nên bỏ bản lặp"
)


@attrs.frozen(kw_only=True)
class UpgradeNote:
    """One thing the upgrade reports about the 2.0 document it made.

    ``kind`` says what it is about; ``pointer`` is a JSON pointer into the 2.0 document;
    ``record_id`` the record it is in; ``was`` the 1.0 record type (a figure kind keeps
    whether it was an activity or an outcome here, for its ``class``). For
    ``needs_namespace``, ``codelist`` and ``code`` name the open code 2.0 does not know; for
    ``duplicate_citation``, ``code`` is the id of the source cited twice.
    """

    kind: NoteKind
    pointer: str
    record_id: str | None
    was: str
    code: str
    codelist: str | None = None

    def message(self, lang: str = "en") -> str:
        """The note in ``lang`` (``"en"`` or ``"vi"``)."""
        if self.kind == "duplicate_citation":
            template = _DUPLICATE_VI if lang == "vi" else _DUPLICATE_EN
            return template.format(code=self.code)
        what = f"the {self.was} code" if self.codelist == "figure_kinds" else "the code"
        what_vi = "mã" if self.codelist != "figure_kinds" else f"mã ({self.was})"
        template = _VI if lang == "vi" else _EN
        return template.format(what=what, what_vi=what_vi, code=self.code, codelist=self.codelist)


#: 2.0 record type → (property path, codelist) of the open codes a 1.0 document can carry.
#: A path ending in ``*`` is a list of codes.
OPEN_CODES: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "figure": (
        (("kind",), "figure_kinds"),
        (("groups", "*"), "target_groups"),
        (("quantity", "unit"), "units"),
        (("quantity", "base_unit"), "units"),
        (("participants", "unit"), "units"),
        (("participants", "base_unit"), "units"),
    ),
    "document": ((("kind",), "document_kinds"),),
    "organisation": ((("kind",), "organisation_kinds"),),
    "model_type": ((("category",), "model_types"),),
    "source": ((("kind",), "source_kinds"),),
}


def _values(value: Any, path: tuple[str, ...], pointer: str) -> Iterator[tuple[str, Any]]:
    if not path:
        yield pointer, value
        return
    head, rest = path[0], path[1:]
    if head == "*" and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _values(item, rest, f"{pointer}/{index}")
    elif isinstance(value, dict) and head in value:
        yield from _values(value[head], rest, f"{pointer}/{head}")


def notes_for(record: Mapping[str, Any], pointer: str, was: str) -> list[UpgradeNote]:
    """The notes for one upgraded record at ``pointer`` (``was``: its 1.0 type)."""
    found: list[UpgradeNote] = []
    rid = record.get("id")
    for path, name in OPEN_CODES.get(str(record.get("type")), ()):
        known = codelist(name, version="2")
        for where, code in _values(record, path, pointer):
            if isinstance(code, str) and code not in known:
                found.append(
                    UpgradeNote(
                        kind="needs_namespace",
                        pointer=where,
                        record_id=rid if isinstance(rid, str) else None,
                        codelist=name,
                        code=code,
                        was=was,
                    )
                )
    return found
