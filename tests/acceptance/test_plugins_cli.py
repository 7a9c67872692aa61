"""``antt export`` and ``antt plugins`` with real plugins, discovered through entry points.

The example plugin and two broken ones are installed with pip (offline) into a folder put on
PYTHONPATH, exactly as a user's environment would hold them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from antt_domain import load_example, loads_dataset
from helpers.cli import Run, install_offline

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = [
    ROOT / "examples" / "plugins" / "antt-domain-example",
    ROOT / "tests" / "fixtures" / "plugins" / "antt-domain-broken",
    ROOT / "tests" / "fixtures" / "plugins" / "antt-domain-halfway",
]
EXAMPLE = str(ROOT / "examples" / "cam-thuy-2021" / "dataset.json")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the three plugins installed (no network, no build isolation)."""
    return install_offline(tmp_path_factory.mktemp("site"), *PLUGINS)


def with_plugins(site: Path, **extra: str) -> dict[str, str]:
    return {"PYTHONPATH": str(site), **extra}


@pytest.mark.smoke
def test_plugins_lists_built_ins_the_example_and_the_broken_one(antt: Run, site: Path) -> None:
    """Entry points are found: name, distribution and version, hooks, exporters, errors."""
    result = antt("plugins", env=with_plugins(site))
    assert result.returncode == 0, result.stderr
    assert "example (antt-domain-example 0.1.0)" in result.stdout
    assert "    exporters: tsv" in result.stdout
    assert "broken (antt-domain-broken 0.0.1, NOT LOADED)" in result.stdout
    assert "antt_domain_broken is broken on purpose" in result.stdout
    assert "antt_domain.csv (antt-domain " in result.stdout


@pytest.mark.smoke
def test_plugins_json_is_for_machines(antt: Run, site: Path) -> None:
    """``--json``: version 1 and one object per plugin."""
    result = antt("plugins", "--json", env=with_plugins(site))
    doc = json.loads(result.stdout)
    by_name = {p["name"]: p for p in doc["plugins"]}
    assert doc["version"] == 1
    example = by_name["example"]
    assert (
        example["distribution"],
        example["version"],
        example["exporters"],
        example["hooks"],
        example["errors"],
    ) == ("antt-domain-example", "0.1.0", ["tsv"], ["antt_register_exporters"], [])
    assert [{"stage": e["stage"]} for e in by_name["broken"]["errors"]] == [{"stage": "import"}]


@pytest.mark.smoke
def test_export_uses_the_example_plugins_format(antt: Run, site: Path, tmp_path: Path) -> None:
    """``--format tsv`` comes from the installed example plugin; one row per figure."""
    target = tmp_path / "figures.tsv"
    result = antt("export", EXAMPLE, "--format", "tsv", "-o", str(target), env=with_plugins(site))
    assert result.returncode == 0, result.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id\ttype\tkind\tvalue\tunit\tperiod\torganiser\tarea"
    assert "act-tuyen-truyen-luu-dong\tactivity\tmobile_outreach\t1838\tsession" in lines[1]
    assert len(lines) == 1 + 7 + 5
    assert "plugin 'broken' (import)" in result.stderr  # warned, and carried on


@pytest.mark.smoke
def test_built_ins_keep_working_next_to_a_broken_plugin(
    antt: Run, site: Path, tmp_path: Path
) -> None:
    """A plugin that fails to import is a warning naming it; the export succeeds."""
    target = tmp_path / "out.json"
    result = antt("export", EXAMPLE, "-o", str(target), env=with_plugins(site))
    assert result.returncode == 0, result.stderr
    assert "antt: warning: plugin 'broken' (import)" in result.stderr
    assert load_example() == loads_dataset(target.read_bytes())


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--strict-plugins", "plugins"], {}),
        (["plugins", "--strict-plugins"], {}),
        (["plugins"], {"ANTT_STRICT_PLUGINS": "1"}),
    ],
)
def test_strict_mode_makes_a_broken_plugin_exit_2(
    antt: Run, site: Path, args: list[str], env: dict[str, str]
) -> None:
    """``--strict-plugins`` (before or after the command) or ANTT_STRICT_PLUGINS=1."""
    result = antt(*args, env=with_plugins(site, **env))
    assert result.returncode == 2
    assert "plugin 'broken' (import)" in result.stderr


@pytest.mark.smoke
def test_an_exporter_failing_midway_leaves_no_file(antt: Run, site: Path, tmp_path: Path) -> None:
    """Exit 2, the plugin named, and nothing at all written in the folder."""
    out = tmp_path / "out"
    out.mkdir()
    result = antt(
        "export", EXAMPLE, "--format", "halfway", "-o", str(out / "x.txt"), env=with_plugins(site)
    )
    assert result.returncode == 2
    assert "exporter 'halfway' of plugin 'halfway' failed" in result.stderr
    assert "disk of the halfway exporter is full" in result.stderr
    assert list(out.iterdir()) == []


@pytest.mark.smoke
def test_plugin_selection_switches(antt: Run, site: Path, tmp_path: Path) -> None:
    """ANTT_PLUGINS=example loads only it; ANTT_DISABLE_PLUGIN_AUTOLOAD=1 loads none."""
    only = antt("plugins", env=with_plugins(site, ANTT_PLUGINS="example"))
    assert ("example (" in only.stdout, "broken" in only.stdout) == (True, False)
    none = antt(
        "export",
        EXAMPLE,
        "-f",
        "tsv",
        "-o",
        str(tmp_path / "x.tsv"),
        env=with_plugins(site, ANTT_DISABLE_PLUGIN_AUTOLOAD="1"),
    )
    assert none.returncode == 2
    assert "no exporter 'tsv'; available: csv, json, jsonl, markdown, sqlite" in none.stderr


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("json", "json"),
        ("jsonl", "jsonl"),
        ("csv", "zip"),
        ("markdown", "md"),
        ("sqlite", "sqlite"),
    ],
)
def test_export_every_built_in_format(antt: Run, tmp_path: Path, name: str, suffix: str) -> None:
    """Each built-in writes a file; the format is guessed from the extension when not given."""
    target = tmp_path / f"out.{suffix}"
    result = antt("export", EXAMPLE, "-o", str(target))
    assert (0, f"{target}\n") == (result.returncode, result.stdout), result.stderr
    assert target.stat().st_size > 0
    again = antt("export", EXAMPLE, "--format", name, "-o", str(target), "--force")
    assert again.returncode == 0, again.stderr


def test_export_to_standard_output_for_text_only(antt: Run) -> None:
    """``-o -`` prints textual formats; a binary format is refused with exit 2."""
    text = antt("export", EXAMPLE, "-f", "jsonl", "-o", "-")
    assert text.returncode == 0
    assert len(text.stdout.splitlines()) == 1 + 38
    binary = antt("export", EXAMPLE, "-f", "sqlite", "-o", "-")
    assert binary.returncode == 2
    assert "binary" in binary.stderr


def test_export_refuses_to_overwrite_without_force(antt: Run, tmp_path: Path) -> None:
    """An existing file is kept and the exit code is 2."""
    target = tmp_path / "out.json"
    target.write_text("keep", encoding="utf-8")
    result = antt("export", EXAMPLE, "-o", str(target))
    assert result.returncode == 2
    assert "already exists" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep"


def test_export_options_and_usage_errors(antt: Run, tmp_path: Path) -> None:
    """Options reach the exporter; unknown options, bad values and bad input exit 2."""
    ok = antt("export", EXAMPLE, "-o", str(tmp_path / "x.zip"), "-O", "bom=yes")
    assert ok.returncode == 0, ok.stderr
    for args, message in [
        (["-O", "sep=;"], "has no option 'sep'"),
        (["-O", "bom=maybe"], "is not yes or no"),
        (["-O", "bom"], "expected KEY=VALUE"),
    ]:
        result = antt("export", EXAMPLE, "-o", str(tmp_path / "y.zip"), *args)
        assert result.returncode == 2
        assert message in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "dataset"}', encoding="utf-8")
    result = antt("export", str(bad), "-o", str(tmp_path / "z.json"))
    assert result.returncode == 2
    assert f"{bad}: does not match the dataset schema" in result.stderr
    assert not (tmp_path / "z.json").exists()


def test_several_inputs_are_merged(antt: Run, tmp_path: Path) -> None:
    """Records of every file, the first file's metadata; an id that differs is an error."""
    doc = json.loads(Path(EXAMPLE).read_text(encoding="utf-8"))
    extra = dict(doc, id="other", records=[dict(doc["records"][0]), *[]])
    extra["records"].append(
        {"id": "src-2", "type": "source", "kind": "report", "title": "Báo cáo năm 2022"}
    )
    second = tmp_path / "second.json"
    second.write_text(json.dumps(extra, ensure_ascii=False), encoding="utf-8")
    result = antt("export", EXAMPLE, str(second), "-f", "jsonl", "-o", "-")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (json.loads(lines[0])["id"], len(lines)) == ("cam-thuy-2021", 1 + 38 + 1)
    extra["records"][0]["title"] = "Another title"
    second.write_text(json.dumps(extra, ensure_ascii=False), encoding="utf-8")
    clash = antt("export", EXAMPLE, str(second), "-f", "json", "-o", "-")
    assert clash.returncode == 2
    assert "record 'src-article' differs between" in clash.stderr
