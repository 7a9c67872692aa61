"""`antt validate` against bad and hostile input, in every output format, as CI runs it.

The contract for every input: a defined exit code, a located message, never a traceback
(the ``antt`` fixture fails any run whose stderr holds one), never a hang.
"""

from __future__ import annotations

import codecs
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers.cli import Run

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "validation" / "rules.json"
RECORD = {"id": "a1", "type": "activity", "kind": "patrol", "period": {"kind": "unstated"}}


@pytest.mark.parametrize(
    ("content", "code", "where"),
    [
        (b'{"id": "a1",\n "type": }', "R001", ":2:10:"),
        (b'{"id": "a1", "kind": "C\xe1m"}', "R002", ":1:24:"),
        ('{"id": "a1"}'.encode("utf-16"), "R002", ": R002"),
        (codecs.BOM_UTF32_LE + '{"a": 1}'.encode("utf-32-le"), "R002", ": R002"),
        (b'{"id": "a1", "id": "a2"}', "R003", ": R003"),
        (b'{"value": NaN}', "R004", ": R004"),
        (b'{"value": -Infinity}', "R004", ": R004"),
        (b'{"value": 1e999}', "R004", ": R004"),
        (b'{"value": ' + b"9" * 5000 + b"}", "R004", ": R004"),
        (
            (
                b'{"id": "o", "type": "outcome", "kind": "other", "period": {"kind": "unstated"}, '
                b'"quantity": {"value": 123456789012345678901234567890, "unit": "case"}}'
            ),
            "S006",
            ":1:94:",
        ),
        (b"[" * 100 + b"]" * 100, "R005", ": R005"),
        (b"[" * 200_000 + b"]" * 200_000, "R005", ": R005"),
        (b"", "R007", ": R007"),
        (b"  \n\t ", "R007", ": R007"),
        (b'"just a string"', "R009", ":1:1:"),
        (b'{"id": "x", "type": "meeting"}', "S010", ":1:13:"),
        (b'[{"id": "x"}]', "S001", ":1:2:"),
    ],
)
def test_bad_input_is_a_located_finding_with_exit_one(
    antt: Run, tmp_path: Path, content: bytes, code: str, where: str
) -> None:
    """Malformed, mis-encoded, ambiguous, hostile or unknown input: exit 1 and the code."""
    path = tmp_path / "input.json"
    path.write_bytes(content)
    result = antt("validate", str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{code} error" in result.stdout
    assert where in result.stdout.splitlines()[0]


def test_utf8_bom_is_accepted(antt: Run, tmp_path: Path) -> None:
    """A UTF-8 byte-order mark (Excel, Notepad) is not a finding."""
    path = tmp_path / "bom.json"
    path.write_bytes(codecs.BOM_UTF8 + json.dumps(RECORD).encode())
    assert antt("validate", str(path)).returncode == 0


def test_unreadable_inputs_are_findings(antt: Run, tmp_path: Path) -> None:
    """A dangling link, a link loop and a directory named like a file: R008, exit 1."""
    (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    result = antt("validate", str(tmp_path / "dangling.json"), str(tmp_path / "loop.json"))
    assert result.returncode == 1
    assert result.stdout.count("R008 error cannot read") == 2


def test_paths_that_cannot_be_used_exit_two(antt: Run, tmp_path: Path) -> None:
    """A missing path or a directory with nothing to validate: exit 2 and why."""
    missing = antt("validate", str(tmp_path / "nope.json"))
    assert (missing.returncode, missing.stdout) == (2, "")
    assert "no such file or directory" in missing.stderr
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("x", encoding="utf-8")
    empty = antt("validate", str(tmp_path / "empty"))
    assert empty.returncode == 2
    assert "no file to validate" in empty.stderr


def test_jsonl_findings_carry_exact_line_numbers(antt: Run, tmp_path: Path) -> None:
    """JSONL: one record per line; each finding on its own line number, blank lines skipped."""
    lines = [
        json.dumps(RECORD),
        "",
        json.dumps({**RECORD, "id": "a2", "kind": "Patrol"}),
        "{broken",
        json.dumps({**RECORD, "id": "a1", "kind": "mobile_outreach"}),  # D001: another content
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = antt("validate", "--format", "json", str(path))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [(f["code"], f["line"], f["pointer"]) for f in report["findings"]] == [
        ("S005", 3, "/kind"),
        ("R001", 4, ""),
        ("D001", 5, "/id"),
    ]
    assert report["inputs"] == [{"path": str(path), "kind": "jsonl", "records": 4}]


def test_stdin_is_read_with_a_dash(antt: Run) -> None:
    """`-` reads standard input, a JSON document or JSONL, and names it <stdin>."""
    document = antt("validate", "-", stdin=json.dumps({**RECORD, "kind": "X"}))
    assert document.returncode == 1
    assert document.stdout.startswith("<stdin>:1:")
    jsonl = antt(
        "validate", "-", stdin=json.dumps(RECORD) + "\n" + json.dumps({**RECORD, "id": "b"})
    )
    assert jsonl.returncode == 0
    assert "1 file(s), 2 record(s)" in jsonl.stdout


def test_directories_with_include_and_exclude(antt: Run, tmp_path: Path) -> None:
    """Directories are searched recursively; globs choose and drop files."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "good.json").write_text(json.dumps(RECORD), encoding="utf-8")
    (tmp_path / "a" / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({**RECORD, "id": "b"}) + "\n", encoding="utf-8")
    everything = antt("validate", str(tmp_path))
    assert "3 file(s), 2 record(s)" in everything.stdout
    good_only = antt("validate", "--exclude", "bad.json", str(tmp_path))
    assert good_only.returncode == 0
    assert "2 file(s), 2 record(s)" in good_only.stdout
    jsonl_only = antt("validate", "--include", "*.jsonl", str(tmp_path))
    assert "1 file(s), 1 record(s)" in jsonl_only.stdout


def test_fail_on_and_max_findings(antt: Run) -> None:
    """--fail-on raises or lowers the bar; --max-findings cuts the list, not the exit code."""
    errors_only = antt("validate", "--select", "V103", str(FIXTURE))
    assert errors_only.returncode == 0  # one warning, below the default bar
    strict = antt("validate", "--select", "V103", "--fail-on", "warning", str(FIXTURE))
    assert strict.returncode == 1
    capped = antt("validate", "--max-findings", "2", str(FIXTURE))
    assert capped.returncode == 1
    # The fixture is a 1.0 dataset: its first finding is V220 (upgrade available).
    assert capped.stdout.count(": V220") + capped.stdout.count(": D0") == 2
    assert "(24 more finding(s) not shown)" in capped.stdout
    full = json.loads(antt("validate", "--format", "json", str(FIXTURE)).stdout)
    cut = antt("validate", "--format", "json", "--max-findings", "2", str(FIXTURE))
    report = json.loads(cut.stdout)
    assert report["findings"] == full["findings"][:2]
    assert report["summary"] == {**full["summary"], "not_shown": 24}
    assert cut.returncode == 1


def test_spill_after_moves_facts_to_disk_and_finds_the_same(
    antt: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--spill-after 1: every store of the rules across records goes to disk at once, and the
    report is the default run's, byte for byte; 0 is refused."""
    from antt_domain.validation import _facts  # noqa: PLC0415 - the stores, watched

    made: list[str] = []
    table = _facts._table

    def watched() -> tuple[object, str]:
        found = table()
        made.append(found[1])
        return found

    monkeypatch.setattr(_facts, "_table", watched)
    default = antt("validate", "--format", "json", str(FIXTURE))
    assert not made  # a small file: every fact stays in memory
    spilled = antt("validate", "--format", "json", "--spill-after", "1", str(FIXTURE))
    assert made  # on disk
    assert spilled.stdout == default.stdout
    assert spilled.returncode == default.returncode == 1
    assert _facts.SPILL_AFTER == 5_000  # the run's setting ends with the run
    refused = antt("validate", "--spill-after", "0", str(FIXTURE))
    assert refused.returncode == 2


def test_select_and_ignore_accept_comma_lists(antt: Run) -> None:
    """--select D001,V102 keeps those codes only; --ignore drops prefixes."""
    result = antt("validate", "--format", "json", "--select", "d001,V102", str(FIXTURE))
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == {"D001", "V102"}
    ignored = antt("validate", "--format", "json", "--ignore", "V", "--ignore", "D", str(FIXTURE))
    assert json.loads(ignored.stdout)["findings"] == []


def test_github_annotations(antt: Run, tmp_path: Path) -> None:
    """--format github: one workflow command per finding, escaped, then the summary."""
    result = antt("validate", "--format", "github", str(FIXTURE))
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"::notice file={FIXTURE},line=4,col=3,title=V220 upgrade-available::"
        "this is a 1.0 document; `antt upgrade` writes it as 2.0 [/schema_version]"
    )
    assert lines[1] == (
        f"::error file={FIXTURE},line=6,col=34,title=D002 dangling-reference::"
        "'org-missing' names no record (expected organisation) [/publisher/organisation]"
    )
    assert any(line.startswith("::notice ") for line in lines)
    assert any(line.startswith("::warning ") for line in lines)
    assert lines[-1].startswith("1 file(s), 19 record(s)")


def test_sarif_is_sarif_2_1_0_with_rules_and_regions(antt: Run, tmp_path: Path) -> None:
    """--format sarif -o FILE: one run, rules described from the catalogue, located results."""
    target = tmp_path / "report.sarif"
    result = antt(
        "validate",
        "--format",
        "sarif",
        "-o",
        str(target),
        "tests/fixtures/validation/rules.json",
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 1
    assert result.stdout == ""
    sarif = json.loads(target.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "antt-domain"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids == sorted(set(rule_ids))
    d002 = driver["rules"][rule_ids.index("D002")]
    assert d002["name"] == "DanglingReference"
    assert d002["defaultConfiguration"] == {"level": "error"}
    notice, first = run["results"][:2]
    assert (notice["ruleId"], notice["level"]) == ("V220", "note")  # a 1.0 dataset
    assert first["ruleId"] == "D002"
    assert rule_ids[first["ruleIndex"]] == "D002"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "tests/fixtures/validation/rules.json"
    assert location["region"] == {"startLine": 6, "startColumn": 34}
    assert {r["level"] for r in run["results"]} == {"error", "warning", "note"}


def test_junit_xml_has_a_suite_per_file_and_failures_at_the_bar(antt: Run, tmp_path: Path) -> None:
    """--format junit: parseable XML; failures counted at or above --fail-on."""
    clean = tmp_path / "clean.json"
    clean.write_text(json.dumps(RECORD), encoding="utf-8")
    # Only the bundled gazetteer: with antt-domain-gazetteer-vn installed the fixture's bad
    # code 1517 is an error rather than a warning (its own tests check that), and the counts
    # here are about the JUnit format, not about which plugins are installed.
    no_plugins = {"ANTT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    result = antt("validate", "--format", "junit", str(FIXTURE), str(clean), env=no_plugins)
    root = ET.fromstring(result.stdout)  # noqa: S314 - our own output, not untrusted data
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {str(FIXTURE), str(clean)}
    assert suites[str(FIXTURE)].get("failures") == "8"
    assert suites[str(clean)].get("failures") == "0"
    assert root.get("failures") == "8"
    failure = suites[str(FIXTURE)].find("testcase/failure")
    assert failure is not None
    assert failure.get("type") == "D002 error"


def test_vietnamese_output_in_every_format(antt: Run) -> None:
    """--lang vi reaches text, json, github, sarif and junit."""
    for fmt in ("text", "json", "github", "sarif", "junit"):
        result = antt("validate", "--lang", "vi", "--format", fmt, "--select", "D002", str(FIXTURE))
        assert "không phải mã của bản ghi nào" in result.stdout, fmt


def test_jobs_give_the_same_report(antt: Run, tmp_path: Path) -> None:
    """--jobs 2 reports exactly what one job reports."""
    for index in range(4):
        shutil_copy = tmp_path / f"copy{index}.json"
        shutil_copy.write_bytes(FIXTURE.read_bytes())
    one = antt("validate", "--format", "json", str(tmp_path))
    two = antt("validate", "--format", "json", "--jobs", "2", str(tmp_path))
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_no_colour_when_piped_and_no_progress_bar_in_ci(antt: Run) -> None:
    """Output captured by a pipe has no escape codes; stderr stays empty."""
    result = antt("validate", str(FIXTURE), env={"CI": "true"})
    assert "\033[" not in result.stdout
    assert result.stderr == ""


def test_output_file_is_written_atomically_and_errors_exit_two(antt: Run, tmp_path: Path) -> None:
    """-o into a folder that does not exist: exit 2, nothing written."""
    target = tmp_path / "missing" / "report.json"
    result = antt("validate", "--format", "json", "-o", str(target), str(FIXTURE))
    assert result.returncode == 2
    assert not target.exists()
    assert "report.json" in result.stderr


@pytest.mark.smoke
def test_validation_needs_no_network(antt: Run, example_path: Path) -> None:
    """With every socket refused (as in this test run), validation still works end to end."""
    env = {"ANTT_TEST_NO_NETWORK": "1"}
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n    raise OSError('network used')\n"
        "socket.socket = refuse\nsocket.create_connection = refuse\n"
        "from antt_domain.cli import main\n"
        f"raise SystemExit(main(['validate', {str(example_path)!r}]))\n"
    )
    import subprocess  # noqa: PLC0415 - this one test runs Python directly
    import sys  # noqa: PLC0415 - this one test runs Python directly

    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )
    assert result.returncode == 0, result.stderr
