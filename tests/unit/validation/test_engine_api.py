"""The typed surface of validation: the DEFAULT marker, the engine's own module, the plugins
protocol, and a library run that leaves the process-wide collector alone."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest

from antt_domain import validation
from antt_domain.cli import _validate as cli_validate
from antt_domain.cli import main
from antt_domain.plugins import plugin_manager
from antt_domain.validation import Issue, RulePlugins, engine, record_rule, validate, validate_bytes
from antt_domain.vi import bundled_gazetteer

RECORD = {"id": "a1", "type": "activity", "kind": "other", "period": {"kind": "unstated"}}


def test_default_is_one_enum_member_typed_as_a_literal() -> None:
    """As attrs' NOTHING: one member of its own enum, named in reprs, usable in Literal."""
    assert repr(engine.DEFAULT) == "DEFAULT"
    assert list(type(engine.DEFAULT)) == [engine.DEFAULT]
    assert get_args(engine.Default) == (engine.DEFAULT,)
    assert engine.Options().codelists is engine.DEFAULT
    assert engine.Options().gazetteer is engine.DEFAULT


@pytest.mark.parametrize(
    ("setting", "refused", "kept"), [("spill_after", 0, 1), ("max_findings", -1, 0)]
)
def test_options_refuse_limits_the_cli_refuses(setting: str, refused: int, kept: int) -> None:
    """A store keeps at least one fact in memory and a report at least no finding: a limit
    below that is a ValueError when the options are made, not a run that silently keeps
    nothing (``antt validate`` refuses the same values)."""
    with pytest.raises(ValueError, match=setting):
        engine.Options(**{setting: refused})
    assert getattr(engine.Options(**{setting: kept}), setting) == kept


def test_engine_internals_are_in_the_engine_module_only() -> None:
    """validation.__all__ is the API of an application; the engine's pieces are in
    validation.engine, and the two lists of formats have names of their own."""
    internals = {"run", "Options", "DEFAULT", "discover", "InputSource", "render_parts"}
    internals |= {"make_finding", "finding_from"}
    assert not internals & set(validation.__all__)
    assert internals <= set(engine.__all__)
    assert "FORMATS" not in validation.__all__
    assert set(validation.REPORT_FORMATS) >= {"text", "json", "sarif"}
    assert set(engine.INPUT_FORMATS.values()) == {"json", "jsonl"}


def test_the_plugin_manager_is_what_validation_takes() -> None:
    """validate(plugins=...) takes any object with the four methods; the manager is one."""
    manager = plugin_manager(autoload=False)
    assert isinstance(manager, RulePlugins)
    data = json.dumps(RECORD).encode()
    assert validate_bytes(data, plugins=manager) == validate_bytes(data)


class _Plugins:
    """A minimal RulePlugins: one rule, the bundled lists, no gazetteer check."""

    def __init__(self) -> None:
        self.seen: list[object] = []

        @record_rule(
            code="XAP001",
            name="api-plugin-rule",
            severity="info",
            title=("x", "x"),
            explanation=("x", "x"),
            message=("{id}", "{id}"),
        )
        def rule(record: object, context: object) -> Iterator[Issue]:
            self.seen.append(getattr(context, "gazetteer", "?"))
            yield Issue(params={"id": getattr(record, "id", "")})

        self.rule = rule

    def rules(self) -> tuple[object, ...]:
        return (self.rule,)

    def codelists(self) -> dict[str, object]:
        from antt_domain.schemas import codelists  # noqa: PLC0415

        return dict(codelists())

    def codelists_v2(self) -> dict[str, object]:
        from antt_domain.schemas import codelists  # noqa: PLC0415

        return dict(codelists("2"))

    def gazetteer(self) -> object:
        return bundled_gazetteer()


def test_plugins_give_rules_and_context_unless_given(tmp_path: Path) -> None:
    """The plugins' rules are added; their gazetteer is used unless one is given."""
    plugins = _Plugins()
    path = tmp_path / "a.json"
    path.write_text(json.dumps(RECORD), encoding="utf-8")
    report = validate(path, plugins=plugins)  # type: ignore[arg-type]
    assert [f.code for f in report if f.code.startswith("X")] == ["XAP001"]
    assert plugins.seen == [bundled_gazetteer()]
    validate(path, plugins=plugins, gazetteer=None)  # type: ignore[arg-type]
    assert plugins.seen[-1] is None


def _thresholds_rule(seen: list[tuple[int, ...]]) -> object:
    @record_rule(
        code="XGC001",
        name="thresholds",
        severity="info",
        title=("x", "x"),
        explanation=("x", "x"),
        message=("x", "x"),
    )
    def rule(record: object, context: object) -> Iterator[Issue]:
        seen.append(gc.get_threshold())
        return iter(())

    return rule


def test_a_library_run_leaves_the_collector_alone(tmp_path: Path) -> None:
    """run() does not change the process-wide thresholds (another thread may rely on them)."""
    seen: list[tuple[int, ...]] = []
    before = gc.get_threshold()
    validate_bytes(json.dumps(RECORD).encode(), rules=[_thresholds_rule(seen)])  # type: ignore[list-item]
    assert seen == [before]
    assert gc.get_threshold() == before


def test_the_command_raises_the_thresholds_around_its_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """antt validate owns its process: the collector runs less often during the run, and its
    thresholds are back afterwards."""
    seen: list[tuple[int, ...]] = []
    real = engine.run

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli_validate, "run", spy)
    monkeypatch.setenv("ANTT_DISABLE_PLUGIN_AUTOLOAD", "1")
    path = tmp_path / "a.json"
    path.write_text(json.dumps(RECORD), encoding="utf-8")
    before = gc.get_threshold()
    assert main(["validate", str(path)]) in (0, 1)
    capsys.readouterr()
    assert [tuple(max(a, b) for a, b in zip(before, engine.GC_THRESHOLDS, strict=True))] == seen
    assert gc.get_threshold() == before


def test_a_small_run_feeds_its_rules_facts_and_keeps_no_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """By default no run keeps its sound records for the rules across records because it is
    small: fed compact facts it takes as long in less memory (docs/performance.md). Only a
    rule written as a function of the records makes a run keep them."""
    from antt_domain.validation import _workers  # noqa: PLC0415 - the plan, watched

    plans: list[bool] = []
    plan_run = _workers.plan_run

    def watched(*args: object, **kwargs: object) -> object:
        found = plan_run(*args, **kwargs)  # type: ignore[arg-type]
        plans.append(found[0].record_set)
        return found

    monkeypatch.setattr(_workers, "plan_run", watched)
    example = Path(__file__).resolve().parents[3] / "examples" / "cam-thuy-2021" / "dataset.json"
    report = validate(example)
    assert plans == [False]
    assert report.records
