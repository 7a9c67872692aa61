"""The plugin manager: built-ins first, each plugin on its own, failures reported by name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from antt_domain.model import Code
from antt_domain.plugins import (
    AnttPluginManager,
    CodelistExtension,
    ConflictError,
    ExporterSpec,
    PluginConfig,
    PluginsFailedError,
    hookimpl,
    plugin_manager,
)
from antt_domain.plugins._gazetteer import GuardedGazetteer
from antt_domain.validation import Issue, Rule, record_rule
from antt_domain.vi import AdminUnit, ChainGazetteer, StaticGazetteer
from helpers.plugins import NO_ENV, exporter

BUILT_INS = ["json", "jsonl", "csv", "markdown", "sqlite"]


class Exporters:
    """A plugin object registering the specs it is given."""

    def __init__(self, *specs: ExporterSpec) -> None:
        self.specs = list(specs)

    @hookimpl
    def antt_register_exporters(self) -> list[ExporterSpec]:
        return self.specs


def make_rule(code: str) -> Rule:
    @record_rule(
        code=code,
        name="always-fine",
        severity="warning",
        title=("Fine", "Ổn"),
        explanation=("Never fires.", "Không bao giờ báo."),
        message=("fine", "ổn"),
    )
    def check(record: Any, context: Any) -> list[Issue]:
        return []

    return check


class Rules:
    def __init__(self, *codes: str) -> None:
        self.codes = codes

    @hookimpl
    def antt_register_rules(self) -> list[Rule]:
        return [make_rule(code) for code in self.codes]


def test_built_in_exporters_are_plugins_registered_first(manager: AnttPluginManager) -> None:
    """json, jsonl, csv, markdown and sqlite come from built-in plugins, through the hooks."""
    assert list(manager.exporters()) == BUILT_INS
    assert manager.exporter("csv").plugin == "antt_domain.csv"
    assert manager.load_errors == ()
    assert all(info.builtin and info.loaded for info in manager.plugins())


def test_each_spec_knows_the_plugin_that_gave_it(manager: AnttPluginManager) -> None:
    """Implementations are called one by one, so every spec carries its plugin's name."""
    assert manager.register(Exporters(exporter("tsv"), exporter("ods")), name="office")
    assert manager.register(Exporters(exporter("yaml")), name="yamlish")
    actual = {n: s.plugin for n, s in manager.exporters().items() if n not in BUILT_INS}
    assert actual == {"tsv": "office", "ods": "office", "yaml": "yamlish"}


def test_a_duplicate_exporter_name_is_an_error_naming_both_plugins(
    manager: AnttPluginManager,
) -> None:
    """The first plugin keeps the name; the clash names both; the rest keeps working."""
    manager.register(Exporters(exporter("csv"), exporter("tsv")), name="copycat")
    (error,) = manager.load_errors
    assert isinstance(error, ConflictError)
    assert (
        error.kind,
        error.name,
        error.first,
        error.second,
    ) == ("exporter", "csv", "antt_domain.csv", "copycat")
    assert "antt_domain.csv" in str(error)
    assert "copycat" in str(error)
    assert manager.exporter("csv").plugin == "antt_domain.csv"
    assert manager.exporter("tsv").plugin == "copycat"


def test_a_hook_that_raises_fails_its_plugin_only(manager: AnttPluginManager) -> None:
    """A registration hook that raises is a load error of that plugin, not a crash."""

    class Raising:
        @hookimpl
        def antt_register_exporters(self) -> list[ExporterSpec]:
            raise ZeroDivisionError("oops")

        @hookimpl
        def antt_register_rules(self) -> list[Rule]:
            return [make_rule("XOK001")]

    assert not manager.register(Raising(), name="raising")
    assert manager.register(Exporters(exporter("tsv")), name="fine")
    (error,) = manager.load_errors
    assert (error.plugin, error.stage) == ("raising", "hook")
    assert "ZeroDivisionError: oops" in error.reason
    assert "tsv" in manager.exporters()
    assert manager.rules() == ()  # nothing of a failed plugin is used
    info = next(i for i in manager.plugins() if i.name == "raising")
    assert (False, (error,)) == (info.loaded, info.errors)


@pytest.mark.parametrize("returned", [exporter("tsv"), ["tsv"], "tsv"])
def test_a_hook_returning_the_wrong_shape_fails_its_plugin(
    manager: AnttPluginManager, returned: object
) -> None:
    """A registration hook must return a list of specs."""

    class Wrong:
        @hookimpl
        def antt_register_exporters(self) -> object:
            return returned

    assert not manager.register(Wrong(), name="wrong")
    (error,) = manager.load_errors
    assert (error.plugin, error.stage) == ("wrong", "hook")
    assert "ExporterSpec" in error.reason


def test_a_misspelt_hook_is_caught_and_names_the_plugin(manager: AnttPluginManager) -> None:
    """An implementation with no specification is refused, with the hook it probably meant."""

    class Misspelt:
        @hookimpl
        def antt_register_exporter(self) -> list[ExporterSpec]:
            return [exporter("tsv")]

    assert not manager.register(Misspelt(), name="typo")
    (error,) = manager.load_errors
    assert (error.plugin, error.stage) == ("typo", "register")
    assert "did you mean antt_register_exporters?" in error.reason
    manager.check_pending()  # nothing unverified is left registered


def test_a_hook_with_unknown_arguments_is_refused(manager: AnttPluginManager) -> None:
    """pluggy's own validation (arguments the specification does not have) is a load error."""

    class BadArgs:
        @hookimpl
        def antt_configure(self, settings: object) -> None:
            """Asks for an argument that does not exist."""

    assert not manager.register(BadArgs(), name="badargs")
    assert [e.plugin for e in manager.load_errors] == ["badargs"]


def test_configure_receives_the_managers_config() -> None:
    """``antt_configure`` is called once per plugin with strict, autoload, only, settings."""
    seen: list[PluginConfig] = []

    class Configured:
        @hookimpl
        def antt_configure(self, config: PluginConfig) -> None:
            seen.append(config)

    manager = plugin_manager(autoload=False, settings={"agency": "ca-thanh-hoa"}, environ=NO_ENV)
    manager.register(Configured(), name="configured")
    (config,) = seen
    assert (
        config.strict,
        config.autoload,
        dict(config.settings),
    ) == (False, False, {"agency": "ca-thanh-hoa"})


def test_configure_raising_fails_the_plugin(manager: AnttPluginManager) -> None:
    """A plugin whose configuration fails contributes nothing."""

    class Unconfigurable(Exporters):
        @hookimpl
        def antt_configure(self, config: PluginConfig) -> None:
            raise KeyError("gazetteer_path")

    assert not manager.register(Unconfigurable(exporter("tsv")), name="unconf")
    assert [e.stage for e in manager.load_errors] == ["configure"]
    assert "tsv" not in manager.exporters()


def test_strict_mode_turns_a_failure_into_an_error() -> None:
    """With strict=True the first failure raises, listing it."""
    manager = plugin_manager(autoload=False, strict=True, environ=NO_ENV)
    with pytest.raises(PluginsFailedError) as caught:
        manager.register(Exporters(exporter("csv")), name="copycat")
    assert [e.plugin for e in caught.value.errors] == ["copycat"]


def test_plugin_rules_are_checked_and_carry_their_origin(manager: AnttPluginManager) -> None:
    """Built-in stage letters are refused, a code twice names both, origin is the plugin."""
    manager.register(Rules("XHN001", "V900", "D901"), name="hanoi")
    manager.register(Rules("XHN001", "XHP001"), name="haiphong")
    actual = [(r.code, r.origin) for r in manager.rules()]
    assert actual == [("XHN001", "hanoi"), ("XHP001", "haiphong")]
    reasons = [(e.plugin, e.stage) for e in manager.load_errors]
    assert reasons == [("hanoi", "conflict"), ("hanoi", "conflict"), ("haiphong", "conflict")]
    assert "built-in stage letter" in manager.load_errors[0].reason
    clash = manager.load_errors[2]
    assert isinstance(clash, ConflictError)
    assert (clash.first, clash.second) == ("hanoi", "haiphong")


class Codes:
    def __init__(self, codelist: str, *codes: str) -> None:
        self.extension = CodelistExtension(
            codelist=codelist, codes=[Code(code=c, vi=f"{c} (vi)", en=c) for c in codes]
        )

    @hookimpl
    def antt_register_codelists(self) -> list[CodelistExtension]:
        return [self.extension]


def test_plugins_extend_open_codelists_only(manager: AnttPluginManager) -> None:
    """Codes are added to open lists; closed lists, unknown lists and clashes are refused."""
    manager.register(Codes("activity_kinds", "drone_patrol"), name="drones")
    manager.register(Codes("area_levels", "hamlet"), name="hamlets")
    manager.register(Codes("activity_kinds", "drone_patrol"), name="copy")
    manager.register(Codes("no_such_list", "x"), name="lost")
    kinds = manager.codelists()["activity_kinds"]
    assert "drone_patrol" in kinds
    assert kinds.origin["drone_patrol"] == "drones"
    assert "hamlet" not in manager.codelists()["area_levels"]
    errors = {e.plugin: e.reason for e in manager.load_errors}
    assert sorted(errors) == ["copy", "hamlets", "lost"]
    assert "closed" in errors["hamlets"]
    assert "drones" in errors["copy"]
    info = next(i for i in manager.plugins() if i.name == "drones")
    assert info.codelists == ("activity_kinds",)


class Namespaced:
    """A plugin adding ``codes`` to the 2.0 list ``codelist`` in ``namespace``."""

    def __init__(self, namespace: str, codelist: str, *codes: str) -> None:
        self.extension = CodelistExtension(
            codelist=codelist,
            namespace=namespace,
            codes=[Code(code=c, vi=f"{c} (vi)", en=c) for c in codes],
        )

    @hookimpl
    def antt_register_codelists(self) -> list[CodelistExtension]:
        return [self.extension]


def test_namespaced_codes_extend_the_2_0_lists_not_the_1_0_ones(
    manager: AnttPluginManager,
) -> None:
    """A namespaced extension reaches ``codelists_v2()`` and the rule context, with its
    plugin as origin; the 1.0 lists do not change."""
    manager.register(Namespaced("org.drones", "figure_kinds", "org.drones:flights"), name="drones")
    kinds = manager.codelists_v2()["figure_kinds"]
    assert "org.drones:flights" in kinds
    assert kinds.origin["org.drones:flights"] == "drones"
    assert manager.rule_context().codelists_v2["figure_kinds"] == kinds
    assert "figure_kinds" not in manager.codelists()
    assert manager.load_errors == ()
    info = next(i for i in manager.plugins() if i.name == "drones")
    assert info.codelists == ("figure_kinds (2.0)",)


def test_a_namespace_belongs_to_one_plugin(manager: AnttPluginManager) -> None:
    """A second plugin declaring a namespace is a conflict naming both, and keeps nothing of
    it; a plugin declaring a second namespace of its own is refused too."""
    manager.register(Namespaced("org.a", "units", "org.a:bao"), name="first")
    manager.register(Namespaced("org.a", "units", "org.a:thung"), name="second")

    class TwoNamespaces:
        @hookimpl
        def antt_register_codelists(self) -> list[CodelistExtension]:
            return [
                CodelistExtension(
                    codelist="units",
                    namespace=namespace,
                    codes=[Code(code=f"{namespace}:x", vi="x", en="x")],
                )
                for namespace in ("org.c", "org.d")
            ]

    manager.register(TwoNamespaces(), name="greedy")
    units = manager.codelists_v2()["units"]
    assert "org.a:bao" in units
    assert "org.a:thung" not in units
    assert "org.c:x" in units
    assert "org.d:x" not in units
    clash = next(e for e in manager.load_errors if e.plugin == "second")
    assert isinstance(clash, ConflictError)
    assert (clash.kind, clash.name, clash.first, clash.second) == (
        "codelist namespace",
        "org.a",
        "first",
        "second",
    )
    greedy = next(e for e in manager.load_errors if e.plugin == "greedy")
    assert "'org.d'" in greedy.reason
    assert "'org.c'" in greedy.reason


def test_namespaced_codes_reach_open_2_0_lists_only(manager: AnttPluginManager) -> None:
    """A closed 2.0 list refuses; a 2.0 list name without a namespace is a 1.0 extension and
    says that a namespace is needed."""
    manager.register(Namespaced("org.l", "link_relations", "org.l:twin"), name="closed")
    manager.register(Codes("figure_kinds", "flights"), name="bare")
    errors = {e.plugin: e.reason for e in manager.load_errors}
    assert "closed" in errors["closed"]
    assert "figure_kinds' is a 2.0 codelist: declare a namespace" in errors["bare"]
    assert "org.l:twin" not in manager.codelists_v2()["link_relations"]


def test_a_bare_2_0_code_fails_the_plugin_at_load(manager: AnttPluginManager) -> None:
    """A namespaced extension with a bare code raises where the plugin builds it: the plugin
    does not load, and the error says what a 2.0 code looks like."""

    class Bare:
        @hookimpl
        def antt_register_codelists(self) -> list[CodelistExtension]:
            return [
                CodelistExtension(
                    codelist="units",
                    namespace="org.bare",
                    codes=[Code(code="bao", vi="bao", en="sack")],
                )
            ]

    manager.register(Bare(), name="bare")
    error = next(e for e in manager.load_errors if e.plugin == "bare")
    assert "'bao' is not in the namespace 'org.bare'" in error.reason
    assert "bao" not in manager.codelists_v2()["units"]


def test_plugin_gazetteers_are_consulted_before_the_bundled_one(
    manager: AnttPluginManager,
) -> None:
    """The chain asks plugin gazetteers first, in plugin order, then the bundled extract."""
    national = StaticGazetteer(
        [
            AdminUnit(
                code="15178",
                name="Cẩm Tân",
                kind="xã",
                level="commune",
                parent_code="390",
                valid_from=None,
                valid_to=None,
                version="national-2024",
            )
        ],
        version="national-2024",
    )

    class National:
        @hookimpl
        def antt_register_gazetteers(self) -> list[Any]:
            return [national]

    manager.register(National(), name="national")
    chain = manager.gazetteer()
    assert isinstance(chain, ChainGazetteer)
    first = chain.sources[0]
    assert isinstance(first, GuardedGazetteer)  # called through the plugin guard
    assert (first.wrapped, first.plugin) == (national, "national")
    assert len(chain.sources) == 2
    assert chain.lookup("15178", date(2021, 6, 1)).version == "national-2024"  # type: ignore[union-attr]
    context = manager.rule_context()
    assert manager.codelists() == context.codelists
    info = next(i for i in manager.plugins() if i.name == "national")
    assert info.gazetteers == ("national-2024",)


def test_entry_points_load_after_built_ins_with_their_distribution(
    installed: Callable[..., None],
) -> None:
    """An installed entry point is found, named, versioned and listed with its hooks."""
    installed(
        "antt-domain-tsv",
        "tsv",
        """
        from antt_domain.plugins import ExporterSpec, hookimpl

        def export(dataset, out, options, /):
            out.write(b"tsv")

        @hookimpl
        def antt_register_exporters():
            return [ExporterSpec(name="tsv", title="TSV", media_type="text/plain",
                                 extension="tsv", binary=False, export=export)]
        """,
    )
    # ANTT_PLUGINS keeps this test to its own plugin whatever else is installed (the
    # first-party plugins are, in the project's test environment).
    manager = plugin_manager(environ={"ANTT_PLUGINS": "tsv"})
    assert [*BUILT_INS, "tsv"] == list(manager.exporters())
    info = manager.plugins()[-1]
    assert (
        info.name,
        info.distribution,
        info.version,
        info.builtin,
        info.loaded,
    ) == ("tsv", "antt-domain-tsv", "1.2.3", False, True)
    assert (info.hooks, info.exporters) == (("antt_register_exporters",), ("tsv",))
    assert manager.exporter("tsv").plugin == "tsv"


def test_a_plugin_that_fails_to_import_is_reported_and_the_rest_work(
    installed: Callable[..., None],
) -> None:
    """Each entry point loads in its own try: the broken one is listed with its error."""
    installed("antt-domain-broken", "broken", "raise ImportError('no module named lxml')\n")
    manager = plugin_manager(environ={"ANTT_PLUGINS": "broken"})
    (error,) = manager.load_errors
    assert (error.plugin, error.stage) == ("broken", "import")
    assert "no module named lxml" in error.reason
    assert list(manager.exporters()) == BUILT_INS
    assert manager.plugins()[-1].distribution == "antt-domain-broken"


def test_environment_switches(installed: Callable[..., None]) -> None:
    """ANTT_DISABLE_PLUGIN_AUTOLOAD skips entry points; ANTT_PLUGINS picks some; the
    strict switch raises; a name in ANTT_PLUGINS that is not installed is a failure."""
    installed("antt-domain-broken", "broken", "raise RuntimeError('boom')\n")
    assert plugin_manager(environ={"ANTT_DISABLE_PLUGIN_AUTOLOAD": "1"}).load_errors == ()
    only = plugin_manager(environ={"ANTT_PLUGINS": "nothere"})
    assert [(e.plugin, e.stage) for e in only.load_errors] == [("nothere", "missing")]
    assert plugin_manager(only=[], environ=NO_ENV).load_errors == ()
    with pytest.raises(PluginsFailedError, match="broken"):
        plugin_manager(environ={"ANTT_STRICT_PLUGINS": "1"})


def test_there_is_no_global_manager() -> None:
    """Each call makes a new manager: registering in one does not leak into another."""
    first = plugin_manager(autoload=False, environ=NO_ENV)
    first.register(Exporters(exporter("tsv")), name="tsv")
    second = plugin_manager(autoload=False, environ=NO_ENV)
    assert "tsv" not in second.exporters()


@pytest.mark.parametrize("spec_class", ["ExporterSpec", "ReportFormatSpec"])
def test_a_spec_says_which_schema_versions_it_reads(spec_class: str) -> None:
    """1.0 by default (plugins written before 2.0); only "1" and "2" are accepted."""
    from antt_domain import plugins  # noqa: PLC0415

    cls = getattr(plugins, spec_class)
    call = "export" if spec_class == "ExporterSpec" else "render"
    common: dict[str, object] = {
        "name": "x",
        "title": "X",
        "media_type": "text/plain",
        "extension": "txt",
    }
    common |= {"binary": False, call: lambda *a: None}
    assert cls(**common).schema_versions == ("1",)
    assert cls(**common, schema_versions=["2", "1", "2"]).schema_versions == ("1", "2")
    for bad in (["3"], [], "12"):
        with pytest.raises(ValueError, match="schema_versions"):
            cls(**common, schema_versions=bad)
