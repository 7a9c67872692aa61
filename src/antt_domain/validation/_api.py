"""The public entry points: validate paths, bytes or parsed values into one report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from antt_domain.model import Codelist
from antt_domain.schemas import SchemaVersion
from antt_domain.validation._findings import Report
from antt_domain.validation._inputs import InputSource, discover
from antt_domain.validation._options import (
    DEFAULT,
    Codelists,
    GazetteerOption,
    Options,
    Progress,
)
from antt_domain.validation._pipeline import Checked, check_value
from antt_domain.validation._rules import Rule
from antt_domain.validation._run import run
from antt_domain.vi import Gazetteer

__all__ = ["RulePlugins", "validate", "validate_bytes", "validate_value"]


@runtime_checkable
class RulePlugins(Protocol):
    """What validation takes from plugins: their rules, their codes added to the open
    codelists, and their gazetteers. :class:`~antt_domain.plugins.AnttPluginManager` is one
    (validation sits below plugins, so it names only what it needs)."""

    def rules(self) -> tuple[Rule, ...]:
        """The plugins' rules."""
        ...  # pragma: no cover - a protocol

    def codelists(self) -> Mapping[str, Codelist]:
        """The 1.0 codelists, extended with the plugins' codes."""
        ...  # pragma: no cover - a protocol

    def codelists_v2(self) -> Mapping[str, Codelist]:
        """The 2.0 codelists, extended with the plugins' namespaced codes."""
        ...  # pragma: no cover - a protocol

    def gazetteer(self) -> Gazetteer:
        """The plugins' gazetteers, then the bundled one."""
        ...  # pragma: no cover - a protocol


def _options(
    *,
    force_type: str | None,
    select: Iterable[str],
    ignore: Iterable[str],
    rules: Iterable[Rule],
    codelists: Codelists,
    gazetteer: GazetteerOption,
    codelists_v2: Codelists,
    plugins: RulePlugins | None,
    jobs: int = 1,
    max_findings: int | None = None,
    raise_on_crash: bool = False,
    schema_version: SchemaVersion | None = None,
) -> Options:
    """The options of a run; what is left at :data:`DEFAULT` comes from ``plugins`` when
    given (as ``antt validate`` takes it from the installed plugins)."""
    if plugins is not None:
        rules = (*plugins.rules(), *rules)
        codelists = plugins.codelists() if codelists is DEFAULT else codelists
        codelists_v2 = plugins.codelists_v2() if codelists_v2 is DEFAULT else codelists_v2
        gazetteer = plugins.gazetteer() if gazetteer is DEFAULT else gazetteer
    return Options(
        force_type=force_type,
        schema_version=schema_version,
        select=tuple(select),
        ignore=tuple(ignore),
        rules=tuple(rules),
        codelists=codelists,
        codelists_v2=codelists_v2,
        gazetteer=gazetteer,
        jobs=max(1, jobs),
        max_findings=max_findings,
        raise_on_crash=raise_on_crash,
    )


def validate(
    *paths: str | Path,
    force_type: str | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    rules: Iterable[Rule] = (),
    codelists: Codelists = DEFAULT,
    gazetteer: GazetteerOption = DEFAULT,
    jobs: int = 1,
    progress: Progress | None = None,
    max_findings: int | None = None,
    raise_on_crash: bool = False,
    schema_version: SchemaVersion | None = None,
    codelists_v2: Codelists = DEFAULT,
    plugins: RulePlugins | None = None,
) -> Report:
    """Validate JSON and JSONL files (and directories of them) at ``paths``.

    Returns the same report ``antt validate`` prints when given the same ``plugins`` (an
    :class:`~antt_domain.plugins.AnttPluginManager`, as ``antt validate`` uses: its rules are
    added to ``rules``, and its codelists and gazetteer are used unless given). Problems
    with the data are findings; only a path that cannot be used at all raises
    :class:`InputError`. A rule that crashes is
    switched off for the rest of the run and reported as a V900/D900 finding and in
    ``Report.faults`` (``antt validate`` then exits with 2); with ``raise_on_crash=True`` it
    raises :class:`RuleCrashError` instead. ``select``/``ignore`` take code prefixes; ``rules``,
    ``codelists``, ``codelists_v2`` (2.0 lists with the plugins' namespaced codes) and
    ``gazetteer`` come from plugins (see ``antt_domain.plugins``).
    ``max_findings`` keeps only the first findings in report order and counts the others
    (``Report.omitted``), so that memory stays flat whatever the number of findings.
    ``schema_version`` (``"1"`` or ``"2"``) reads loose records (a record, an array, JSONL)
    as that major version; by default they are 1.0, and a dataset is read by its own
    ``schema_version`` (a dataset declaring another version than the one given is one S004).
    """
    sources = discover(paths, include=include, exclude=exclude)
    options = _options(
        force_type=force_type,
        select=select,
        ignore=ignore,
        rules=rules,
        codelists=codelists,
        gazetteer=gazetteer,
        codelists_v2=codelists_v2,
        plugins=plugins,
        jobs=jobs,
        max_findings=max_findings,
        raise_on_crash=raise_on_crash,
        schema_version=schema_version,
    )
    return run(sources, options, progress)


def validate_bytes(
    data: bytes,
    *,
    path: str = "<bytes>",
    format: str = "auto",  # noqa: A002 - the natural name, as in the CLI's --format of inputs
    force_type: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    rules: Iterable[Rule] = (),
    codelists: Codelists = DEFAULT,
    gazetteer: GazetteerOption = DEFAULT,
    raise_on_crash: bool = False,
    schema_version: SchemaVersion | None = None,
    codelists_v2: Codelists = DEFAULT,
    plugins: RulePlugins | None = None,
) -> Report:
    """Validate one document given as bytes (``format``: ``json``, ``jsonl`` or ``auto``);
    crashing rules, ``schema_version`` and ``plugins`` as in :func:`validate`."""
    source = InputSource(name=path, format=format, data=data)  # type: ignore[arg-type]
    options = _options(
        force_type=force_type,
        select=select,
        ignore=ignore,
        rules=rules,
        codelists=codelists,
        gazetteer=gazetteer,
        codelists_v2=codelists_v2,
        plugins=plugins,
        raise_on_crash=raise_on_crash,
        schema_version=schema_version,
    )
    return run([source], options)


def validate_value(
    value: Any,
    *,
    path: str = "<value>",
    force_type: str | None = None,
    schema_version: SchemaVersion | None = None,
) -> Report:
    """Check the read, schema and structure stages of an already parsed JSON value
    (``schema_version`` as in :func:`validate`).

    There is no text, so findings have no line or column, and no rules run: use
    :func:`validate_bytes` for the whole pipeline.
    """
    checked = Checked(path=path)
    check_value(value, checked, force_type=force_type, schema_version=schema_version)
    return Report(findings=checked.findings, inputs=(checked.summary(),))
