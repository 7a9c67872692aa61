"""Codes and their labels, both ways: the dropdowns' entries and what a cell's text means.

A code cell shows its code's label (``vi`` or ``en``); reading takes a label of either
language or the code itself. The labels of a codelist are its bundled entries plus, in 2.0,
the codes the dataset's vocabulary declares for it. A label that would read back as another
code (two codes with the same label, or a label that is another code) is never written:
the code is written instead, so that what is written always reads back the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs
from antt_domain.model import Codelist
from antt_domain.vi import name_key

__all__ = ["Entry", "Labels"]

#: ``(code, vi, en)``.
Entry = tuple[str, str, str]


@attrs.define
class Labels:
    """The entries of each codelist, with the declared (vocabulary) ones added."""

    lists: Mapping[str, Codelist]
    declared: dict[str, list[Entry]] = attrs.field(factory=dict)
    _indexes: dict[str, dict[str, str]] = attrs.field(factory=dict, init=False)
    _shown: dict[tuple[str, str], dict[str, str]] = attrs.field(factory=dict, init=False)

    def declare(self, codelist: str, entries: Iterable[Entry]) -> None:
        """Add declared codes to ``codelist``."""
        self.declared.setdefault(codelist, []).extend(entries)
        self._indexes.pop(codelist, None)
        for lang in ("vi", "en"):
            self._shown.pop((codelist, lang), None)

    def entries(self, codelist: str) -> list[Entry]:
        """The entries of ``codelist``: bundled, then declared."""
        found = self.lists.get(codelist)
        bundled = [(c.code, c.vi, c.en) for c in found.codes] if found is not None else []
        return bundled + self.declared.get(codelist, [])

    def index(self, codelist: str) -> dict[str, str]:
        """Matching key (of a label of either language, or the code) → code."""
        if codelist not in self._indexes:
            index: dict[str, str] = {}
            entries = self.entries(codelist)
            for code, vi, en in entries:
                for label in (en, vi):
                    index.setdefault(name_key(label), code)
            for code, _, _ in entries:
                index[name_key(code)] = code  # a code always reads as itself
            self._indexes[codelist] = index
        return self._indexes[codelist]

    def label(self, codelist: str | None, code: str, lang: str) -> str:
        """What a cell shows for ``code``: its label in ``lang`` when that reads back as
        ``code``, else the code."""
        if codelist is None:
            return code
        shown = self._shown.get((codelist, lang))
        if shown is None:
            index = self.index(codelist)
            shown = {}
            for entry_code, vi, en in self.entries(codelist):
                label = vi if lang == "vi" else en
                if index.get(name_key(label)) == entry_code:
                    shown.setdefault(entry_code, label)
            self._shown[(codelist, lang)] = shown
        return shown.get(code, code)

    def names(self) -> list[str]:
        """Every codelist with entries, sorted."""
        return sorted(set(self.lists) | set(self.declared))
