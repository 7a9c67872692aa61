"""Codelists: codes with Vietnamese and English labels.

The model holds codelists as plain values; reading them from files is the schemas layer's job.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, final

import attrs

from antt_domain.model._checks import (
    check_code,
    check_code_entry,
    check_text,
    fail,
    optional_text,
)

__all__ = ["Code", "Codelist"]


@final
@attrs.frozen(kw_only=True)
class Code:
    """One code with its labels; ``extra`` holds further columns (a unit's ``dimension``).

    ``code`` is a bare code (``drone_patrol``) or, for a plugin's 2.0 extension of a codelist,
    ``namespace:code`` (``org.example:drone_patrol``); a
    :class:`~antt_domain.plugins.CodelistExtension` checks which one its codelist takes.
    """

    code: str = attrs.field(validator=check_code_entry)
    vi: str = attrs.field(validator=check_text)
    en: str = attrs.field(validator=check_text)
    description: str | None = optional_text()
    extra: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    def label(self, lang: str) -> str:
        """The label in ``lang`` (``"vi"`` or ``"en"``; anything else falls back to English)."""
        return self.vi if lang == "vi" else self.en


def _to_codes(codes: Iterable[Code]) -> tuple[Code, ...]:
    return tuple(codes)


@final
@attrs.frozen(kw_only=True)
class Codelist:
    """A named list of codes. A *closed* list changes only with a new schema version; an *open*
    one may be extended by plugins (see :meth:`extended`)."""

    name: str = attrs.field(validator=check_code)
    title_vi: str = attrs.field(validator=check_text)
    title_en: str = attrs.field(validator=check_text)
    closed: bool = attrs.field()
    codes: tuple[Code, ...] = attrs.field(converter=_to_codes)
    description: str | None = optional_text()
    origin: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    # Entries by code, for lookups in constant time (validation asks once per record).
    _index: Mapping[str, Code] = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Code] = {}
        for code in self.codes:
            if code.code in index:
                raise fail(self, "codes", f"code {code.code!r} appears twice in {self.name}")
            index[code.code] = code
        object.__setattr__(self, "_index", index)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._index

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def get(self, code: str) -> Code | None:
        """The entry for ``code``, or ``None``."""
        return self._index.get(code) if isinstance(code, str) else None

    def label(self, code: str, lang: str) -> str:
        """The label of ``code`` in ``lang``, or the code itself when it is not listed."""
        entry = self.get(code)
        return entry.label(lang) if entry else code

    def extended(self, codes: tuple[Code, ...], *, by: str) -> Codelist:
        """This list with ``codes`` added by the plugin ``by``; closed lists refuse.

        ``origin`` records which plugin added each code, so a clash can name both parties.
        """
        if self.closed:
            raise fail(self, "codes", f"{self.name} is a closed codelist; {by} cannot extend it")
        origin = dict(self.origin)
        for code in codes:
            if code.code in self:
                first = origin.get(code.code, "antt-domain")
                raise fail(
                    self,
                    "codes",
                    f"{by} adds {code.code!r} to {self.name}, already given by {first}",
                )
            origin[code.code] = by
        return attrs.evolve(self, codes=self.codes + codes, origin=origin)
