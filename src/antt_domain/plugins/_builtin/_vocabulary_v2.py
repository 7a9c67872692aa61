"""The ``vocabulary`` table of the 2.0 exporters: every code a 2.0 dataset uses or declares,
with its labels and origin, as :class:`~antt_domain.model.v2.Codelists` gives them.

A code is labelled by the dataset's own ``vocabulary`` (``dataset``), a plugin's extension of
the 2.0 codelists (``plugin:NAME``) or the bundled lists (``builtin``); a namespaced code that
none declares is labelled by itself (origin ``undeclared``; ``antt validate`` reports it as
D112). The plugins' codes reach the built-in exporters through :func:`lists_in_use`, which
:func:`antt_domain.plugins.export` sets to its manager's
:meth:`~antt_domain.plugins.AnttPluginManager.codelists_v2` for the time of the call.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from typing import final

import attrs

from antt_domain.model import Codelist
from antt_domain.model import v2 as model_v2
from antt_domain.schemas import codelists

__all__ = ["VocabularyRow", "codelists_of", "lists_in_use", "rows_of"]

#: The 2.0 codelists the built-in exporters label with (``None``: the bundled ones).
_LISTS: ContextVar[Mapping[str, Codelist] | None] = ContextVar("antt_lists_v2", default=None)


@contextlib.contextmanager
def lists_in_use(lists: Mapping[str, Codelist]) -> Iterator[None]:
    """Label 2.0 codes with ``lists`` (a manager's ``codelists_v2()``) inside the block."""
    token = _LISTS.set(lists)
    try:
        yield
    finally:
        _LISTS.reset(token)


def codelists_of(dataset: model_v2.Dataset) -> model_v2.Codelists:
    """The codes of ``dataset``'s world: the lists in use, and its own vocabulary."""
    lists = _LISTS.get()
    return model_v2.Codelists(
        lists=codelists("2") if lists is None else lists, vocabulary=dataset.vocabulary
    )


@final
@attrs.frozen(kw_only=True)
class VocabularyRow:
    """One code used (or declared) by a dataset, with its labels and where they come from."""

    codelist: str
    code: str
    vi: str
    en: str
    origin: str


def _row(lists: model_v2.Codelists, codelist: str, code: str) -> VocabularyRow:
    return VocabularyRow(
        codelist=codelist,
        code=code,
        vi=lists.label(code, "vi", codelist=codelist),
        en=lists.label(code, "en", codelist=codelist),
        origin=lists.origin(code, codelist=codelist) or "undeclared",
    )


def rows_of(lists: model_v2.Codelists, used: Iterable[tuple[str, str]]) -> list[VocabularyRow]:
    """The rows of the ``(codelist, code)`` pairs ``used`` and of every code the dataset
    declares, each once, sorted by codelist and code."""
    pairs = set(used)
    if lists.vocabulary is not None:
        pairs |= {(c.codelist, c.code) for c in lists.vocabulary.codes}
    return [_row(lists, name, code) for name, code in sorted(pairs)]
