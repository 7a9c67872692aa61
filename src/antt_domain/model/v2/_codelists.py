"""Every code a 2.0 dataset may use, with its labels and where it was declared: the built-in
codelists, the codes plugins add to them, and the dataset's own ``vocabulary``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, final

import attrs

from antt_domain.model._codelists import Codelist
from antt_domain.model.v2._enums import FigureClass, UnitDimension
from antt_domain.model.v2._values import Vocabulary, VocabularyCode

__all__ = ["Codelists"]


def _declared(vocabulary: Vocabulary | None) -> dict[tuple[str, str], VocabularyCode]:
    if vocabulary is None:
        return {}
    return {(code.codelist, code.code): code for code in vocabulary.codes}


@final
@attrs.frozen(kw_only=True)
class Codelists:
    """The codes of one dataset's world: ``lists`` (the built-in 2.0 codelists, as plugins
    extended them; a plugin's codes are named in each list's ``origin``) and the dataset's
    ``vocabulary``. The one place that labels 2.0 codes: ``antt show``, the exporters'
    ``vocabulary`` table and the 2.0 reports all ask it.

    Build it with ``Codelists(lists=codelists("2"), vocabulary=dataset.vocabulary)`` (the
    bundled lists, from :func:`antt_domain.schemas.codelists`), or with
    :meth:`~antt_domain.plugins.AnttPluginManager.codelists_v2` for the plugins' codes too.

    :meth:`label` gives a label for any code: a code the dataset declares is labelled as the
    dataset says (the dataset wins for its own records, even where a plugin labels the same
    code otherwise), then a built-in or plugin code by its list, and an undeclared code by
    itself. Without ``codelist``, the lists are searched in name order.
    """

    lists: Mapping[str, Codelist] = attrs.field(factory=dict, hash=False)
    vocabulary: Vocabulary | None = None
    _declared: dict[tuple[str, str], VocabularyCode] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_declared", _declared(self.vocabulary))

    def _dataset_code(self, code: str, codelist: str | None) -> VocabularyCode | None:
        if codelist is not None:
            return self._declared.get((codelist, code))
        return next((v for (_, c), v in sorted(self._declared.items()) if c == code), None)

    def _listed(self, code: str, codelist: str | None) -> tuple[str, Any] | None:
        names = [codelist] if codelist is not None else sorted(self.lists)
        for name in names:
            found = self.lists.get(name)
            entry = found.get(code) if found is not None else None
            if entry is not None:
                return name, entry
        return None

    def label(self, code: str, lang: str = "en", *, codelist: str | None = None) -> str:
        """The label of ``code`` in ``lang`` (``"vi"`` or ``"en"``), or ``code`` itself.

        A dataset code without an English label is labelled in Vietnamese.
        """
        declared = self._dataset_code(code, codelist)
        if declared is not None:
            return declared.en if lang != "vi" and declared.en is not None else declared.vi
        listed = self._listed(code, codelist)
        return str(listed[1].label(lang)) if listed is not None else code

    def origin(self, code: str, *, codelist: str | None = None) -> str | None:
        """Who declared ``code``: ``"dataset"``, ``"plugin:NAME"``, ``"builtin"``, or ``None``
        when nobody did (the order :meth:`label` follows)."""
        if self._dataset_code(code, codelist) is not None:
            return "dataset"
        listed = self._listed(code, codelist)
        if listed is None:
            return None
        plugin = self.lists[listed[0]].origin.get(code)
        return f"plugin:{plugin}" if plugin is not None else "builtin"

    def __contains__(self, item: object) -> bool:
        """Whether ``(codelist, code)`` is declared by a list or by the dataset."""
        if not (isinstance(item, tuple) and len(item) == 2):
            return False
        codelist, code = item
        return self.origin(str(code), codelist=str(codelist)) is not None

    def _extra(self, code: str, codelist: str) -> Any:
        """A column of ``code`` beyond its labels (``dimension``, ``class``), from the
        dataset's declaration first, then from the lists."""
        declared = self._dataset_code(code, codelist)
        if declared is not None:
            return {
                "dimension": None if declared.dimension is None else declared.dimension.value,
                "class": None if declared.figure_class is None else declared.figure_class.value,
            }
        listed = self._listed(code, codelist)
        return {} if listed is None else listed[1].extra

    def dimension(self, unit: str) -> UnitDimension:
        """What may be summed with ``unit``; ``unknown`` for ``unstated``, an undeclared unit
        and a plugin's unit that gives no (or no known) dimension."""
        value = self._extra(unit, "units").get("dimension")
        try:
            return UnitDimension(value)
        except ValueError:
            return UnitDimension.UNKNOWN

    def figure_class(self, kind: str) -> FigureClass | None:
        """The class of a figure kind (activity, outcome, capacity, context), if known."""
        value = self._extra(kind, "figure_kinds").get("class")
        try:
            return FigureClass(value)
        except ValueError:
            return None

    def is_stock(self, kind: str) -> bool:
        """Capacity and context figures are stocks: never summed over time."""
        return self.figure_class(kind) in (FigureClass.CAPACITY, FigureClass.CONTEXT)
