"""Labels of 2.0 codes, and the ``vocabulary`` table: every code a 2.0 dataset uses.

A code is labelled from the bundled 2.0 codelists (``builtin``), a plugin's extension of them
(``plugin:NAME``, from :attr:`~antt_domain.model.Codelist.origin`), or the dataset's own
``vocabulary`` (``dataset``); a namespaced code that none declares is labelled by itself
(origin ``undeclared``; ``antt validate`` reports it as V214).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from antt_domain.model import Codelist
from antt_domain.model import v2 as model_v2
from antt_domain.schemas import codelists

__all__ = ["CodeLabels", "VocabularyRow"]


@attrs.frozen(kw_only=True)
class VocabularyRow:
    """One code used (or declared) by a dataset, with its labels and where they come from."""

    codelist: str
    code: str
    vi: str
    en: str
    origin: str


@attrs.frozen
class CodeLabels:
    """Labels for the codes of one 2.0 dataset (see the module's documentation)."""

    vocabulary: model_v2.Vocabulary | None = None
    lists: Mapping[str, Codelist] = attrs.field(factory=lambda: codelists("2"))

    def row(self, codelist: str, code: str) -> VocabularyRow:
        """``code`` of ``codelist`` with its labels and origin."""
        found = self.lists.get(codelist)
        entry = found.get(code) if found is not None else None
        if found is not None and entry is not None:
            by = found.origin.get(code)
            origin = f"plugin:{by}" if by else "builtin"
            return VocabularyRow(
                codelist=codelist, code=code, vi=entry.vi, en=entry.en, origin=origin
            )
        for declared in self.vocabulary.codes if self.vocabulary else ():
            if declared.codelist == codelist and declared.code == code:
                return VocabularyRow(
                    codelist=codelist,
                    code=code,
                    vi=declared.vi,
                    en=declared.en or declared.vi,
                    origin="dataset",
                )
        return VocabularyRow(codelist=codelist, code=code, vi=code, en=code, origin="undeclared")

    def label(self, codelist: str, code: str, lang: str) -> str:
        """The label of ``code`` in ``lang`` (``vi`` or ``en``), or the code itself."""
        row = self.row(codelist, code)
        return row.vi if lang == "vi" else row.en

    def rows(self, used: Iterable[tuple[str, str]]) -> list[VocabularyRow]:
        """The rows of the ``(codelist, code)`` pairs ``used`` and of every code the dataset
        declares, each once, sorted by codelist and code."""
        pairs = set(used)
        if self.vocabulary is not None:
            pairs |= {(c.codelist, c.code) for c in self.vocabulary.codes}
        return [self.row(name, code) for name, code in sorted(pairs)]
