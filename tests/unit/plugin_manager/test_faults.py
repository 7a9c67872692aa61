"""Every call into plugin code goes through one guard: a fault is a message naming the plugin,
the hook and the format or command, exit code 2 -- never a traceback, never a partial file.

The plugins are those of the fixture distribution tests/fixtures/plugins/antt-domain-faulty,
made importable here with a ``.dist-info`` of their entry points (the acceptance tests
install the same distribution with pip).
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from antt_domain import dump, load_example
from antt_domain.cli._main import main
from antt_domain.io import write_atomic
from antt_domain.plugins import (
    AnttPluginManager,
    ExportError,
    OutputExistsError,
    PluginFaultError,
    ReportFormatSpec,
    ReportRequest,
    export,
    hookimpl,
    plugin_manager,
    render_report,
    report,
)
from antt_domain.plugins._gazetteer import GuardedGazetteer

ROOT = Path(__file__).resolve().parents[3]
FAULTY = ROOT / "tests" / "fixtures" / "plugins" / "antt-domain-faulty"
EXAMPLE = str(ROOT / "examples" / "cam-thuy-2021" / "dataset.json")
ENTRY_POINTS = FAULTY.joinpath("pyproject.toml").read_text(encoding="utf-8")


@pytest.fixture
def faulty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The faulty distribution, found through its real entry points (all of them)."""
    site = tmp_path / "site"
    info = site / "antt_domain_faulty-0.0.3.dist-info"
    info.mkdir(parents=True)
    info.joinpath("METADATA").write_text(
        "Metadata-Version: 2.1\nName: antt-domain-faulty\nVersion: 0.0.3\n", encoding="utf-8"
    )
    start = ENTRY_POINTS.index("[project.entry-points.antt_domain]")
    section = ENTRY_POINTS[start:].split("\n\n")[0]
    points = section.replace("project.entry-points.", "").replace('"', "")  # TOML to INI
    info.joinpath("entry_points.txt").write_text(points + "\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.syspath_prepend(str(FAULTY / "src"))
    for name in (
        "ANTT_PLUGINS",
        "ANTT_STRICT_PLUGINS",
        "ANTT_DISABLE_PLUGIN_AUTOLOAD",
        "ANTT_DEBUG",
    ):
        monkeypatch.delenv(name, raising=False)
    yield
    for name in [m for m in sys.modules if m.startswith("antt_domain_faulty")]:
        del sys.modules[name]


@pytest.fixture
def manager(faulty: None) -> AnttPluginManager:
    """A manager holding the faulty plugins (and the built-ins)."""
    return plugin_manager(environ={})


# -- exporters ------------------------------------------------------------------------------


def test_an_exporter_closing_a_file_stream_leaves_nothing(
    manager: AnttPluginManager, tmp_path: Path
) -> None:
    """Not ``ValueError: flush of closed file``: an ExportError naming plugin, hook, format."""
    target = tmp_path / "out" / "x.txt"
    target.parent.mkdir()
    with pytest.raises(ExportError) as caught:
        export(load_example(), "closer", target, manager=manager)
    fault = caught.value
    assert (fault.plugin, fault.hook, fault.kind, fault.name, fault.cause) == (
        "faulty",
        "antt_register_exporters",
        "exporter",
        "closer",
        None,
    )
    assert "closed the output stream" in str(fault)
    assert list(target.parent.iterdir()) == []


def test_an_exporter_closing_a_memory_stream_is_an_export_error(
    manager: AnttPluginManager,
) -> None:
    """The same through the API with a stream of the caller's."""
    with pytest.raises(ExportError, match="exporter 'closer' of plugin 'faulty' failed"):
        export(load_example(), "closer", io.BytesIO(), manager=manager)


@pytest.mark.parametrize("target", ["-", "file"])
def test_the_cli_reports_a_closing_exporter(
    faulty: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    """``-o -`` and ``-o FILE``: a message, exit 2, nothing on standard output or on disk."""
    out = "-" if target == "-" else str(tmp_path / "out.txt")
    code = main(["export", EXAMPLE, "-f", "closer", "-o", out])
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    last = captured.err.splitlines()[-1]
    assert last.startswith("antt: error: exporter 'closer' of plugin 'faulty' failed")
    assert "Traceback" not in captured.err
    assert list(tmp_path.iterdir()) == [tmp_path / "site"]


# -- report formats ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("none-report", "returned None, not str"),
        ("int-report", "returned int 12, not str"),
        ("bytes-report", "returned bytes b'a text report, as bytes', not str"),
        ("boom", "raised RuntimeError: the boom report blew up"),
    ],
)
def test_a_renderer_returning_the_wrong_thing_is_named(
    manager: AnttPluginManager, name: str, reason: str
) -> None:
    """The return type is checked against the spec; the error says *report format*."""
    spec = manager.report_format(name)
    with pytest.raises(ExportError) as caught:
        render_report(spec, ReportRequest(dataset=load_example()))
    expected = (
        f"report format {name!r} of plugin 'faulty' failed (antt_register_report_formats): {reason}"
    )
    assert (str(caught.value), caught.value.kind) == (expected, "report format")


def test_a_binary_renderer_returning_text_is_refused() -> None:
    """A binary format must give bytes."""
    spec = ReportFormatSpec(
        name="bin",
        title="Binary",
        media_type="application/octet-stream",
        extension="bin",
        binary=True,
        render=lambda request: "text",
    )
    with pytest.raises(
        ExportError, match=r"returned str 'text', not bytes \(the format is binary\)"
    ):
        render_report(spec, ReportRequest(dataset=load_example()))


@pytest.mark.parametrize("name", ["none-report", "int-report", "bytes-report", "boom"])
def test_the_cli_reports_a_faulty_renderer(
    faulty: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Exit 2, one message, no output file (an int never becomes zero bytes on disk)."""
    code = main(["report", EXAMPLE, "-f", name, "-o", str(tmp_path / "r.txt")])
    captured = capsys.readouterr()
    assert code == 2
    assert f"antt: error: report format {name!r} of plugin 'faulty' failed" in captured.err
    assert not (tmp_path / "r.txt").exists()


# -- commands, gazetteers, load-time hooks -------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        ("crash", "raised KeyError: 'a key the command expected'"),
        ("no-code", "returned None, not an exit code (int)"),
    ],
)
def test_a_faulty_command_is_exit_2(
    faulty: None, capsys: pytest.CaptureFixture[str], command: str, reason: str
) -> None:
    """The command's plugin and hook are named."""
    code = main([command])
    err = capsys.readouterr().err
    expected = (
        f"antt: error: command {command!r} of plugin 'faulty' failed (antt_register_commands): "
        f"{reason}"
    )
    assert (code, err.splitlines()[-1]) == (2, expected)


def test_load_time_faults_are_warnings_naming_the_plugin(
    faulty: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A raising codelist hook or configure hook, a gazetteer hook returning garbage: the
    plugin is dropped with a warning, the command goes on (exit 0)."""
    assert main(["codes", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert (
        "antt: warning: plugin 'faulty-codelists' (hook): antt_register_codelists raised "
        "OSError: the codelist file of faulty-codelists is missing"
    ) in err
    assert "plugin 'faulty-configure' (configure): antt_configure raised RuntimeError" in err
    assert "plugin 'faulty-gazetteer-hook' (hook): antt_register_gazetteers returned" in err


def test_load_time_faults_are_exit_2_in_strict_mode(
    faulty: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--strict-plugins`` turns them into an error."""
    assert main(["codes", "--strict-plugins"]) == 2
    assert "plugin failure(s) in strict mode" in capsys.readouterr().err


def test_a_gazetteer_answering_garbage_is_a_fault(manager: AnttPluginManager) -> None:
    """Each call of a plugin gazetteer is checked: a wrong type or an exception is a fault."""
    chain = manager.gazetteer()
    garbage = next(g for g in chain.sources if isinstance(g, GuardedGazetteer))  # type: ignore[attr-defined]
    assert garbage.plugin == "faulty-gazetteer"
    with pytest.raises(PluginFaultError) as caught:
        chain.lookup("390", date(2021, 1, 1))
    assert str(caught.value) == (
        "gazetteer 'GarbageGazetteer' of plugin 'faulty-gazetteer' failed "
        "(antt_register_gazetteers): lookup returned str 'unit 390', not an AdminUnit or None"
    )
    with pytest.raises(PluginFaultError, match="find raised LookupError: Cẩm Tân"):
        chain.find("Cẩm Tân")
    assert garbage.covers(date(2021, 1, 1)) is True
    assert garbage.version == "garbage-1"


def test_a_gazetteer_fault_stops_validate_naming_the_plugin(
    faulty: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``antt validate`` with the garbage gazetteer: exit 2, the plugin named, no traceback."""
    monkeypatch.setenv("ANTT_PLUGINS", "faulty-gazetteer")
    code = main(["validate", EXAMPLE])
    captured = capsys.readouterr()
    assert code == 2
    assert (
        "gazetteer 'GarbageGazetteer' of plugin 'faulty-gazetteer'" in captured.out + captured.err
    )
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("how", ["--debug", "ANTT_DEBUG"])
def test_a_crashing_rule_shows_its_traceback_with_debug(
    faulty: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    """A rule fault is one line on stderr (exit 2); --debug or ANTT_DEBUG=1 adds the
    traceback of the rule's crash, and the report is printed all the same."""
    monkeypatch.setenv("ANTT_PLUGINS", "faulty-rule")
    code = main(["validate", "--format", "json", EXAMPLE])
    quiet = capsys.readouterr()
    assert code == 2
    assert "rule XFA001 of faulty-rule crashed on" in quiet.err
    assert "Traceback" not in quiet.err
    if how == "ANTT_DEBUG":
        monkeypatch.setenv("ANTT_DEBUG", "1")
        code = main(["validate", "--format", "json", EXAMPLE])
    else:
        code = main(["--debug", "validate", "--format", "json", EXAMPLE])
    loud = capsys.readouterr()
    assert code == 2
    assert "Traceback (most recent call last)" in loud.err
    assert loud.out == quiet.out
    assert "V900" in loud.out


# -- antt codes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "XFA001 faulty-rule (warning, rules) [plugin faulty-rule]: A rule that crashes"),
        ("markdown", "| XFA001 | faulty-rule | faulty-rule | warning | rules | A rule that"),
        ("json", '"plugin": "faulty-rule"'),
    ],
)
def test_codes_lists_the_plugins_codes(
    faulty: None, capsys: pytest.CaptureFixture[str], fmt: str, expected: str
) -> None:
    """Every format of ``antt codes`` lists the plugins' rule codes with the plugin's name."""
    assert main(["codes", "--lang", "en", "--format", fmt]) == 0
    assert expected in capsys.readouterr().out


# -- the CLI's own faults -------------------------------------------------------------------


def test_debug_shows_the_traceback(
    faulty: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--debug`` (before or after the command) and ANTT_DEBUG=1 show where it failed."""
    for argv, env in ((["--debug", "crash"], None), (["crash", "--debug"], None), (["crash"], "1")):
        if env:
            monkeypatch.setenv("ANTT_DEBUG", env)
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "Traceback (most recent call last)" in err, argv
        assert "in _crash" in err
        assert err.splitlines()[-1].startswith("antt: error: command 'crash'")
    monkeypatch.delenv("ANTT_DEBUG")
    assert main(["crash"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_bug_of_ours_is_an_internal_error_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unexpected exception in any command: exit 2 (not 1), a message pointing at --debug."""
    import antt_domain.cli._codes as codes  # noqa: PLC0415 - the module whose run is replaced

    def broken(args: object) -> int:
        raise AttributeError("'NoneType' object has no attribute 'code'")

    monkeypatch.setattr(codes, "run", broken)
    assert main(["codes"]) == 2
    assert capsys.readouterr().err == (
        "antt: internal error: AttributeError: 'NoneType' object has no attribute 'code'; "
        "run with --debug for the traceback\n"
    )
    assert main(["codes", "--debug"]) == 2
    assert "Traceback" in capsys.readouterr().err


def test_help_has_no_stray_quote(capsys: pytest.CaptureFixture[str]) -> None:
    """``antt --help`` describes export and report without a dangling apostrophe."""
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "plugins'" not in text
    assert "(json, jsonl, csv, markdown, sqlite, or a plugin's)" in " ".join(text.split())


def test_the_cli_says_force_and_the_api_says_force_true(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each refusal to overwrite names the switch of its own interface."""
    target = tmp_path / "out.json"
    target.write_text("{}", encoding="utf-8")
    with pytest.raises(OutputExistsError, match=r"use force=True to overwrite\)$"):
        export(load_example(), "json", target, manager=plugin_manager(autoload=False))
    for command in ("export", "report"):
        assert main([command, EXAMPLE, "-f", "json", "-o", str(target)]) == 2
        err = capsys.readouterr().err
        assert err == f"antt: {target}: already exists (use --force to overwrite)\n"


# -- one atomic writer -------------------------------------------------------------------------


@pytest.fixture
def umask_027() -> Iterator[None]:
    """The process's umask is 027 for the test."""
    old = os.umask(0o027)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
@pytest.mark.usefixtures("umask_027")
def test_every_writer_gives_new_files_the_umask_mode(tmp_path: Path) -> None:
    """``write_atomic``, ``dump``, ``export`` and ``report``: 0o666 less the umask (0o640)."""
    dataset = load_example()
    manager = plugin_manager(autoload=False)
    write_atomic(tmp_path / "a.bin", b"x")
    dump(dataset, tmp_path / "b.json")
    export(dataset, "json", tmp_path / "c.json", manager=manager)
    report(dataset, "summary", tmp_path / "d.txt", manager=manager)
    assert {p.name: _mode(p) for p in tmp_path.iterdir()} == dict.fromkeys(
        ["a.bin", "b.json", "c.json", "d.txt"], 0o640
    )


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    """Overwriting keeps the mode the user gave the file."""
    target = tmp_path / "kept.json"
    target.write_bytes(b"{}")
    target.chmod(0o604)
    dump(load_example(), target)
    export(load_example(), "json", target, manager=plugin_manager(autoload=False), force=True)
    assert _mode(target) == 0o604


def test_write_atomic_takes_a_writer_and_refuses_to_replace(tmp_path: Path) -> None:
    """``data`` may be a function of the handle; ``replace=False`` never touches a file."""
    target = tmp_path / "w.txt"
    write_atomic(target, lambda handle: handle.write(b"one"))
    with pytest.raises(FileExistsError):
        write_atomic(target, b"two", replace=False)
    with pytest.raises(ZeroDivisionError):
        write_atomic(target, lambda handle: 1 / 0)
    assert (target.read_bytes(), [p.name for p in tmp_path.iterdir()]) == (b"one", ["w.txt"])


class _Gazetteer:
    """Gazetteer-shaped; ``version`` is what the test makes it."""

    def __init__(self, version: object) -> None:
        self._version = version

    @property
    def version(self) -> object:
        if isinstance(self._version, Exception):
            raise self._version
        return self._version

    def lookup(self, code: str, on: date) -> None:
        return None

    def find(self, name: str, **kwargs: object) -> tuple[()]:
        return ()

    def covers(self, on: date) -> bool:
        return False


def _with_gazetteer(version: object) -> AnttPluginManager:
    class Plugin:
        @hookimpl
        def antt_register_gazetteers(self) -> list[object]:
            return [_Gazetteer(version)]

    manager = plugin_manager(autoload=False)
    manager.register(Plugin(), name="odd")
    return manager


def test_a_gazetteer_whose_version_raises_is_a_load_error() -> None:
    """Checking the returned object's shape runs its code: a failure there names the plugin."""
    (error,) = _with_gazetteer(RuntimeError("no version file")).load_errors
    assert str(error) == (
        "plugin 'odd' (hook): antt_register_gazetteers returned an item that cannot be "
        "checked: raised RuntimeError: no version file"
    )


def test_a_gazetteer_version_of_the_wrong_type_is_listed_not_raised() -> None:
    """``antt plugins`` asks each gazetteer its version through the guard too."""
    info = next(i for i in _with_gazetteer(42).plugins() if i.name == "odd")
    assert info.gazetteers == ("(version returned int 42, not str)",)


class _Successions(_Gazetteer):
    """A gazetteer that knows the 2025 mapping, or answers it with garbage."""

    def __init__(self, answer: object) -> None:
        super().__init__("s-1")
        self._answer = answer

    def successors(self, code: str) -> object:
        return self._answer

    def predecessors(self, code: str) -> object:
        return self._answer


def test_successions_pass_through_the_guard() -> None:
    """successors/predecessors reach a plugin gazetteer that has them (checked), and are ()
    for one that has not."""
    from antt_domain.vi import AdminUnit, Succession  # noqa: PLC0415

    unit = AdminUnit(
        code="1", name="A", kind="Xã", level="commune", parent_code=None,
        valid_from=None, valid_to=None, version="v",
    )  # fmt: skip
    link = Succession(former=unit, successor=unit, whole=True, effective=date(2025, 7, 1))
    assert GuardedGazetteer("p", _Successions((link,))).successors("1") == (link,)
    assert GuardedGazetteer("p", _Successions([link])).predecessors("1") == (link,)
    assert GuardedGazetteer("p", _Gazetteer("v")).successors("1") == ()
    with pytest.raises(PluginFaultError, match="successors returned str"):
        GuardedGazetteer("p", _Successions("garbage")).successors("1")
