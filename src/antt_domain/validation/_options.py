"""How to validate: :class:`Options`, and the :data:`DEFAULT` marker ("the bundled one")."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Final, Literal, TypeAlias, final

import attrs

from antt_domain.model import Codelist
from antt_domain.schemas import SchemaVersion
from antt_domain.validation._faults import FAULT_CODES
from antt_domain.validation._rules import Rule
from antt_domain.vi import Gazetteer

__all__ = ["DEFAULT", "Codelists", "Default", "GazetteerOption", "Options", "Progress"]

#: ``progress(done, total)``: called as each piece of work of a run is done.
Progress = Callable[[int, int], None]


class _Default(enum.Enum):
    """The type of :data:`DEFAULT` (one member, as attrs' ``NOTHING``)."""

    DEFAULT = "DEFAULT"

    def __repr__(self) -> str:
        return "DEFAULT"


#: "Use the bundled one": the default for ``codelists``, ``codelists_v2`` and ``gazetteer``.
DEFAULT: Final = _Default.DEFAULT
#: The type of :data:`DEFAULT`, for annotations.
Default: TypeAlias = Literal[_Default.DEFAULT]
#: Codelists by name, or :data:`DEFAULT` (the bundled ones).
Codelists: TypeAlias = Mapping[str, Codelist] | Default
#: A gazetteer, ``None`` (no gazetteer check), or :data:`DEFAULT` (the bundled one).
GazetteerOption: TypeAlias = Gazetteer | Default | None


@final
@attrs.frozen(kw_only=True)
class Options:
    """How to validate.

    ``select``/``ignore`` are code prefixes (``"D"``, ``"V10"``, ``"S002"``): a finding is kept
    when it matches ``select`` (or ``select`` is empty) and matches no ``ignore``; rules whose
    codes would be dropped are not run at all. ``rules`` are added to the built-in ones (plugin
    rules). ``codelists`` (1.0), ``codelists_v2`` (2.0: with plugins' namespaced codes, see
    :meth:`~antt_domain.plugins.AnttPluginManager.codelists_v2`) and ``gazetteer`` default to
    the bundled ones; ``gazetteer=None`` skips the gazetteer check. ``schema_version`` is the
    major version records are read as (``None``: a dataset's own ``schema_version``, 1.0 for
    loose records; a dataset that declares another version than the one given is one S004
    finding).
    """

    force_type: str | None = None
    schema_version: SchemaVersion | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    codelists: Codelists = DEFAULT
    gazetteer: GazetteerOption = DEFAULT
    codelists_v2: Codelists = DEFAULT
    jobs: int = 1
    #: Keep at most this many findings (the first in report order) and count the others:
    #: memory then stays flat however many findings a large input has (0: count them only).
    max_findings: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.ge(0))
    )
    #: A rule that crashes raises :class:`~antt_domain.validation.RuleCrashError` at once,
    #: instead of becoming a V900/D900 finding in ``Report.faults`` while the run goes on.
    raise_on_crash: bool = False
    #: How many facts each store of a rule across records keeps in memory before moving them
    #: to a temporary SQLite file (``None``: the default of ``_facts.SPILL_AFTER``,
    #: 5,000; the findings follow the same limit). More takes more memory; on a large input
    #: it is not faster (see docs/performance.md).
    spill_after: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.ge(1))
    )

    def keeps(self, code: str) -> bool:
        """Whether findings of ``code`` are reported (a crashed rule always is)."""
        if code in FAULT_CODES:
            return True
        if self.select and not code.startswith(self.select):
            return False
        return not (self.ignore and code.startswith(self.ignore))
