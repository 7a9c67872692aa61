"""The validation pipeline (read, schema, structure): located, coded, bilingual findings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from antt_domain.validation import (
    CATALOGUE,
    InputError,
    Issue,
    RecordSet,
    RuleContext,
    Severity,
    dataset_rule,
    validate,
    validate_bytes,
    validate_value,
)
from antt_domain.validation._locate import locate

BAD_DATASET = """{"type": "dataset", "id": "x", "schema_version": "1.0", "title": "t",
 "publisher": {"name": "p"},
 "records": [
  {"id": "a1", "type": "activity", "kind": "mobile_outreach",
   "period": {"kind": "interval", "start": "2021-02-01", "end": "2021-01-01"}},
  {"id": "a2", "type": "activity", "kind": "Mobile", "perod": {},
   "quantity": {"value": -3, "unit": "session", "upper": 4}},
  {"id": "a3", "type": "activty"},
  {"id": "o1", "type": "outcome", "kind": "cases_mediated", "period": {"kind": "as_of"},
   "quantity": {"value": "17", "unit": "case"}}
 ]}
"""


def _codes(report: object) -> list[tuple[str, str | None, int | None, int | None]]:
    return [(f.code, f.pointer, f.line, f.column) for f in report]  # type: ignore[attr-defined]


def test_the_example_dataset_has_no_findings_but_the_upgrade_notice(example_path: Path) -> None:
    """The bundled example is clean; being 1.0, it gets V220 (upgrade available), once."""
    report = validate(example_path)
    assert [(f.code, f.severity, f.pointer, f.line) for f in report] == [
        ("V220", Severity.INFO, "/schema_version", 4)
    ]
    assert report.findings[0].message_en == (
        "this is a 1.0 document; `antt upgrade` writes it as 2.0"
    )
    assert report.findings[0].message_vi == (
        "đây là tài liệu 1.0; `antt upgrade` ghi lại ở bản 2.0"
    )
    assert report.ok()
    assert report.records == 38
    assert report.inputs[0].kind == "dataset"


def test_each_kind_of_problem_gets_its_code_pointer_line_and_column() -> None:
    """One finding per problem, in document order, each located in the text."""
    report = validate_bytes(BAD_DATASET.encode(), path="bad.json")
    assert _codes(report) == [
        ("V220", "/schema_version", 1, 32),
        ("T001", "/records/0/period/end", 5, 58),
        ("S001", "/records/1", 6, 3),
        ("S005", "/records/1/kind", 6, 36),
        ("S002", "/records/1/perod", 6, 54),
        ("S006", "/records/1/quantity/value", 7, 17),
        ("S008", "/records/1/quantity/upper", 7, 49),
        ("S010", "/records/2/type", 8, 16),
        ("S008", "/records/3/period", 9, 61),
        ("S003", "/records/3/quantity/value", 10, 17),
    ]
    assert all(f.path == "bad.json" for f in report)
    assert [f.record_id for f in report][:3] == [None, "a1", "a2"]
    assert not report.ok()
    assert report.counts()[Severity.ERROR] == 9


def test_messages_exist_in_vietnamese_and_english() -> None:
    """Every finding says the same thing in both languages."""
    report = validate_bytes(BAD_DATASET.encode(), path="bad.json")
    by_code = {f.code: f for f in report}
    assert by_code["S001"].message("en") == "missing required property 'period'"
    assert by_code["S001"].message("vi") == "thiếu trường bắt buộc 'period'"
    assert "did you mean 'period'" in by_code["S002"].message_en
    assert "có phải là 'period'" in by_code["S002"].message_vi
    for finding in report:
        assert finding.message_vi
        assert finding.message_en
        assert "{" not in finding.message_en


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [
        (b'{"a": 1,,}', "R001", 1),
        (b"\xff\xfe{\x00}\x00", "R002", None),
        (b'{"id": "a", "id": "b"}', "R003", None),
        (b'{"value": NaN}', "R004", None),
        (b"[" * 70 + b"]" * 70, "R005", None),
        (b"", "R007", None),
        (b"42", "R009", 1),
        (b"[1, 2]", "R009", 1),
    ],
)
def test_unreadable_documents_are_findings_not_exceptions(
    data: bytes, code: str, line: int | None
) -> None:
    """Malformed or hostile bytes give one read finding with a defined code."""
    report = validate_bytes(data, path="x.json")
    assert [f.code for f in report][:1] == [code]
    assert report.findings[0].line == line


def test_a_single_record_and_an_array_of_records_are_documents() -> None:
    """A record object or an array of them validates record by record."""
    record = {"id": "a", "type": "activity", "kind": "patrol", "period": {"kind": "unstated"}}
    assert validate_value(record).ok()
    report = validate_value([record, {**record, "id": "b", "kind": "X"}])
    assert [(f.code, f.pointer, f.record_id) for f in report] == [("S005", "/1/kind", "b")]
    assert report.inputs[0].kind == "records"


def test_forced_type_applies_one_schema_to_untyped_records() -> None:
    """--type lets a list of records without 'type' be checked as one type."""
    untyped = [{"id": "a", "kind": "patrol", "period": {"kind": "unstated"}}]
    assert validate_value(untyped, force_type="activity").ok()
    report = validate_value(untyped)
    assert [f.code for f in report] == ["S001"]
    mismatch = [{"id": "a", "type": "outcome"}]
    assert [f.code for f in validate_value(mismatch, force_type="activity")] == ["S004"]


def test_directories_are_searched_and_bad_paths_raise(tmp_path: Path, example_path: Path) -> None:
    """A directory yields its .json files; a missing path or an empty folder is an InputError."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.json").write_bytes(example_path.read_bytes())
    (tmp_path / "notes.txt").write_text("not json", encoding="utf-8")
    report = validate(tmp_path)
    assert [i.path for i in report.inputs] == [str(tmp_path / "sub" / "a.json")]
    with pytest.raises(InputError, match="no such file"):
        validate(tmp_path / "missing.json")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no file to validate"):
        validate(tmp_path / "empty")


def test_symlink_loops_do_not_hang(tmp_path: Path, example_path: Path) -> None:
    """A link that loops back is followed once; a dangling link is an unreadable finding."""
    (tmp_path / "a.json").write_bytes(example_path.read_bytes())
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    report = validate(tmp_path)
    assert [f.code for f in report] == ["V220", "R008"]  # a.json is a 1.0 dataset
    assert report.records == 38


def test_locate_points_members_at_their_key_and_items_at_their_value() -> None:
    """The source map handles escapes, nesting and unicode."""
    text = '{"a": [1, {"b~/": "x\\"y"}, [] ], "tên": {"c": "Cẩm"}}'
    positions = locate(text, ["/a/1/b~0~1", "/a/2", "/tên/c", "", "/missing"])
    assert positions == {"": (1, 1), "/a/1/b~0~1": (1, 12), "/a/2": (1, 28), "/tên/c": (1, 42)}


def test_every_code_is_catalogued_in_both_languages() -> None:
    """The catalogue is the one source of codes: titles and explanations in vi and en."""
    for code, info in CATALOGUE.items():
        assert info.code == code
        assert code[0] in "RSTVD"
        assert info.title_vi
        assert info.title_en
        assert info.explanation_vi
        assert info.explanation_en
        assert info.template_vi
        assert info.template_en


def test_valid_files_are_not_given_positions(example_path: Path) -> None:
    """Line and column are computed only where there are findings: records of a clean
    dataset have none (the dataset gets V220 only, as a 1.0 document)."""
    value = json.loads(example_path.read_text("utf-8"))
    report = validate_bytes(json.dumps(value).encode())
    assert [f.code for f in report.findings] == ["V220"]
    assert validate_bytes(json.dumps(value["records"]).encode()).findings == ()


def test_v220_is_for_json_dataset_documents_only(example_path: Path) -> None:
    """V220 (upgrade available) names a JSON dataset that `antt upgrade` can read: not a
    file of records, nor a dataset an importer made from a workbook."""
    data = example_path.read_bytes()
    for path in ("a.json", "A.JSON", "<stdin>", "no-suffix"):
        assert [f.code for f in validate_bytes(data, path=path)] == ["V220"], path
    assert validate_bytes(data, path="book.xlsx").findings == ()
    records = json.dumps(json.loads(data)["records"]).encode()
    assert validate_bytes(records, path="records.json").findings == ()


def test_large_jsonl_split_across_jobs_reports_the_same_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSONL file cut into byte ranges for several processes keeps exact line numbers."""
    from antt_domain.validation import _workers as _engine  # noqa: PLC0415 - patched here only

    record = {"id": "a", "type": "activity", "kind": "patrol", "period": {"kind": "unstated"}}
    lines = [json.dumps({**record, "id": f"a{i}"}) for i in range(300)]
    lines[17] = json.dumps({**record, "id": "a17", "kind": "Bad"})
    lines[250] = "{oops"
    lines[299] = json.dumps({**record, "id": "a3", "kind": "mobile_outreach"})  # D001: differs
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(_engine, "CHUNK_BYTES", 1000)
    one = validate(path, jobs=1)
    two = validate(path, jobs=2)
    assert [(f.code, f.line) for f in two] == [("S005", 18), ("R001", 251), ("D001", 300)]
    assert two.findings == one.findings
    assert two.records == one.records == 300


def _sees_all(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    yield from ()


_SEES_ALL = dataset_rule(
    code="XSA001",
    name="sees-all",
    severity="info",
    title=("Sees all", "Xem hết"),
    explanation=("Looks at every record.", "Xem mọi bản ghi."),
    message=("never", "không bao giờ"),
)(_sees_all)


def test_without_dataset_rules_records_stream_through_and_findings_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--ignore D drops records once checked (flat memory) yet reports the same V findings."""
    from antt_domain.validation import _workers as _engine  # noqa: PLC0415 - patched here only

    record = {
        "id": "a",
        "type": "activity",
        "kind": "legal_training",
        "period": {"kind": "unstated"},
        "quantity": {"value": 35, "unit": "session"},
    }
    lines = [json.dumps({**record, "id": f"a{i}"}) for i in range(200)]
    lines[50] = json.dumps({**record, "id": "a50", "quantity": {"value": 1.838, "unit": "session"}})
    lines[150] = json.dumps(
        {**record, "id": "a150", "participants": {"value": 3, "unit": "person"}}
    )
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(_engine, "CHUNK_BYTES", 2000)
    kept: list[int] = []
    original = _engine.results

    def spy(*args: object, **kwargs: object) -> Iterator[object]:
        count = 0
        for part in original(*args, **kwargs):  # type: ignore[arg-type]
            count += len(part.checked.records)
            yield part
        kept.append(count)

    monkeypatch.setattr(_engine, "results", spy)
    streamed = validate(path, ignore=["D"])
    everything = validate(path)
    # A rule across records written as a function sees every record: they are kept for it.
    recorded = validate(path, rules=[_SEES_ALL])
    assert kept[0] == 0
    assert kept[2] == 200
    assert recorded.findings == everything.findings
    assert [(f.code, f.line) for f in streamed] == [("V102", 51), ("V104", 151)]
    assert streamed.findings == tuple(f for f in everything if not f.code.startswith("D"))


def _mixed_inputs(tmp_path: Path) -> list[Path]:
    """A JSONL file of every kind of finding, the rules fixture (a dataset) and an array."""
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "validation" / "rules.json"
    records = json.loads(fixture.read_text(encoding="utf-8"))["records"]
    base = {
        "id": "x",
        "type": "activity",
        "kind": "legal_training",
        "period": {"kind": "interval", "start": "2021-01-01", "end": "2021-12-31"},
        "quantity": {"value": 35, "unit": "session"},
    }
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    for i in range(1, 400):
        record = {**base, "id": f"x{i}", "quantity": {"value": i, "unit": "session"}}
        if i % 37 == 0:
            record["quantity"] = {"value": 1.838, "unit": "session"}  # V102
        if i % 41 == 0:
            record["organiser"] = "org-nowhere"  # D002
        if i % 43 == 0:
            record["kind"] = "Bad"  # S005
        if i % 47 == 0:
            record["id"] = "x1"  # D001
        lines.append(json.dumps(record))
    lines.insert(200, "{broken")
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    array = tmp_path / "array.json"
    array.write_text(json.dumps(records[:5], ensure_ascii=False, indent=2), encoding="utf-8")
    return [jsonl, fixture, array]


@pytest.mark.parametrize("ignore", [(), ("D",), ("V101", "D002")])
def test_jobs_give_the_findings_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ignore: tuple[str, ...]
) -> None:
    """Record rules run in the worker processes and sound records come back as bytes for the
    rules across records: the report is the same as in one process, to the line and column."""
    from antt_domain.validation import _workers as _engine  # noqa: PLC0415 - patched here
    from antt_domain.validation import record_rule  # noqa: PLC0415

    seen: list[str] = []

    @record_rule(
        code="XJB001",
        name="plugin-rule",
        severity="info",
        title=("x", "x"),
        explanation=("x", "x"),
        message=("{id}", "{id}"),
    )
    def plugin_rule(record: object, context: object) -> Iterator[Issue]:
        seen.append("called")
        if getattr(record, "id", "") == "x3":
            yield Issue(pointer="/id", params={"id": "x3"})

    monkeypatch.setattr(_engine, "CHUNK_BYTES", 4000)
    monkeypatch.setattr(_engine, "PARALLEL_BYTES", 4000)
    monkeypatch.setattr(_engine, "SMALL_BYTES", 0)  # small files go to the workers too
    inputs = _mixed_inputs(tmp_path)
    one = validate(*inputs, jobs=1, ignore=list(ignore), rules=[plugin_rule])
    two = validate(*inputs, jobs=2, ignore=list(ignore), rules=[plugin_rule])
    assert two.findings == one.findings
    assert two.inputs == one.inputs
    codes = {f.code for f in one}
    assert {"R001", "S005", "V102", "XJB001"} <= codes
    assert ("D001" in codes) == ("D" not in ignore)
    assert all(f.line is not None and f.column is not None for f in one if f.path == str(inputs[0]))
    assert len(_engine._units([_source(inputs[0])], 2)) > 4  # the file was shared out


def _source(path: Path) -> object:
    from antt_domain.validation._inputs import InputSource  # noqa: PLC0415

    return InputSource(name=str(path), format="jsonl", path=path)


@pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork",
    reason="the crashing rule is patched into this process; workers must be forked from it",
)
def test_a_rule_crashing_in_a_worker_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked to, a built-in record rule that raises in a worker stops the run with
    RuleCrashError naming it."""
    from antt_domain.validation import RuleCrashError  # noqa: PLC0415
    from antt_domain.validation import _workers as _engine  # noqa: PLC0415 - patched here
    from antt_domain.validation._rules import Rule  # noqa: PLC0415

    def crash(record: object, context: object) -> Iterator[Issue]:
        raise ZeroDivisionError

    (v104,) = [r for r in _engine.BUILT_IN_RULES if r.code == "V104"]
    broken = Rule(info=v104.info, scope="record", check=crash)
    patched = tuple(broken if r is v104 else r for r in _engine.BUILT_IN_RULES)
    monkeypatch.setattr(_engine, "BUILT_IN_RULES", patched)
    monkeypatch.setattr(_engine, "CHUNK_BYTES", 4000)
    monkeypatch.setattr(_engine, "PARALLEL_BYTES", 4000)
    monkeypatch.setattr(_engine, "SMALL_BYTES", 0)  # small pieces go to the workers
    with pytest.raises(RuleCrashError, match=r"V104.*ZeroDivisionError"):
        validate(_mixed_inputs(tmp_path)[0], jobs=2, raise_on_crash=True)


@pytest.mark.parametrize("max_findings", [None, 2])
def test_the_json_report_is_written_finding_by_finding_as_one_document(
    max_findings: int | None,
) -> None:
    """render_json writes findings one at a time; the text is json.dumps of report_json."""
    from antt_domain.validation._formats import (  # noqa: PLC0415 - the private pieces
        RenderOptions,
        render_json,
        report_json,
    )

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "validation" / "rules.json"
    clean = b'{"id": "s", "type": "source", "kind": "article", "title": "t"}'
    for report in (validate(fixture), validate_bytes(clean)):
        options = RenderOptions(lang="vi", max_findings=max_findings)
        expected = json.dumps(report_json(report, options), ensure_ascii=False, indent=2) + "\n"
        assert render_json(report, options) == expected


def _many_findings(tmp_path: Path) -> Path:
    """A JSONL file with 1,500 rule findings (V102) and 300 schema findings (S005)."""
    base = {
        "id": "x",
        "type": "activity",
        "kind": "legal_training",
        "period": {"kind": "unstated"},
        "quantity": {"value": 1.5, "unit": "session"},
    }
    lines = []
    for i in range(1800):
        record = {**base, "id": f"x{i}"}
        if i % 6 == 5:
            record["kind"] = "Bad"
        lines.append(json.dumps(record))
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("jobs", "ignore"), [(1, ()), (1, ("D",)), (2, ("D",))])
def test_max_findings_keeps_the_first_and_counts_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int, ignore: tuple[str, ...]
) -> None:
    """A capped run keeps exactly the first findings of the full report; counts and the
    verdict still cover every finding."""
    from antt_domain.validation import _workers as _engine  # noqa: PLC0415 - patched here only

    monkeypatch.setattr(_engine, "PARALLEL_BYTES", 4000)
    monkeypatch.setattr(_engine, "SMALL_BYTES", 0)  # small pieces go to the workers
    path = _many_findings(tmp_path)
    full = validate(path, jobs=jobs, ignore=list(ignore))
    capped = validate(path, jobs=jobs, ignore=list(ignore), max_findings=7)
    assert len(full) >= 1800
    assert capped.findings == full.findings[:7]
    assert capped.counts() == full.counts()
    assert capped.ok() == full.ok()
    assert capped.truncated
    assert sum(capped.omitted.values()) == len(full) - 7
    assert not full.truncated
