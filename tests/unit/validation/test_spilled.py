"""A run's findings past what memory keeps (``--spill-after``) wait on disk in sorted runs and
come back in report order: the report is the one kept in memory, byte for byte, and its
findings a read-only sequence equal to their tuple."""

from __future__ import annotations

import pickle
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_domain.validation import (
    Finding,
    RenderOptions,
    Report,
    Severity,
    _facts,
    _spilled,
    _workers,
    render,
)
from antt_domain.validation._kept import in_memory
from antt_domain.validation._spilled import SortedSpill, SpilledFindings
from antt_domain.validation.engine import InputSource, Options, render_parts, run
from helpers.benchmarks import load, write_national


def _by_first(item: tuple[int, int]) -> int:
    return item[0]


@given(
    items=st.lists(st.tuples(st.integers(0, 4), st.integers()), max_size=80),
    limit=st.integers(1, 8),
    chunk=st.integers(1, 5),
    fan_in=st.integers(2, 4),
)
def test_a_spill_reads_back_as_a_stable_sort(
    items: list[tuple[int, int]], limit: int, chunk: int, fan_in: int
) -> None:
    """Whatever the limit, the size of a row and how many runs are merged into one: the items
    in ``sorted`` order (equal keys in the order added), before and after they are settled
    into one run."""
    before = _spilled._CHUNK, _spilled._FAN_IN
    _spilled._CHUNK, _spilled._FAN_IN = chunk, fan_in
    try:
        spill = SortedSpill(_by_first, limit=limit)
        spill.extend(items)
        expected = sorted(items, key=_by_first)
        assert len(spill) == len(items)
        assert spill.on_disk == (len(items) > limit)
        assert list(spill) == expected
        first, end = spill.settle()
        assert [item for n in range(first, end) for item in spill.chunk(n)] == expected
        assert list(spill) == expected
        assert len(spill) == len(items)
        spill.close()
        assert list(spill) == []
    finally:
        _spilled._CHUNK, _spilled._FAN_IN = before


def test_runs_of_one_size_are_merged_so_they_stay_few(monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 items spilled 10 at a time, 4 runs of a size merged into one: never more than
    3 runs of each size (here: a handful, not a hundred), and the rows of merged runs are
    dropped from the file."""
    monkeypatch.setattr(_spilled, "_FAN_IN", 4)
    monkeypatch.setattr(_spilled, "_CHUNK", 5)
    spill = SortedSpill(_by_first, limit=10)
    most = 0
    for n in range(1000):
        spill.add(((n * 7919) % 13, n))
        most = max(most, len(spill._runs))
    assert 4 <= most <= 12
    assert list(spill) == sorted(((n * 7919) % 13, n) for n in range(1000))
    db, name = spill._db, spill._name
    assert db is not None
    (rows,) = db.execute(f"SELECT COUNT(*) FROM {name}").fetchone()  # noqa: S608
    assert rows == sum(end - first for first, end in spill._runs)


def _findings(count: int) -> list[Finding]:
    """Findings in no order, with many equal sort keys (told apart only by their messages)."""
    severities = list(Severity)
    return [
        Finding(
            code=f"X{n % 7:03d}",
            severity=severities[n % 3],
            message_en=f"finding {n}",
            message_vi=f"phát hiện {n}",
            path=f"f{n % 3}.jsonl",
            line=(n * 37) % 50 or None,
            pointer="/id" if n % 2 else None,
        )
        for n in range(count)
    ]


@pytest.fixture
def spilled(monkeypatch: pytest.MonkeyPatch) -> tuple[SpilledFindings, tuple[Finding, ...]]:
    """1,000 findings kept 40 at a time in memory, rows of 16 on disk; and their sorted
    tuple."""
    monkeypatch.setattr(_spilled, "_CHUNK", 16)
    found = _findings(1000)
    spill = SortedSpill(Finding.sort_key, limit=40)
    spill.extend(found)
    return SpilledFindings.of(spill), tuple(sorted(found, key=Finding.sort_key))


def test_spilled_findings_are_a_sequence_equal_to_their_tuple(
    spilled: tuple[SpilledFindings, tuple[Finding, ...]],
) -> None:
    got, expected = spilled
    assert len(got) == len(expected)
    assert list(got) == list(expected)
    assert got == expected
    assert expected == got
    assert got != expected[:-1]
    assert got != "not findings"
    assert hash(got) == hash(expected)
    assert [got[i] for i in (0, 15, 16, 17, 999, -1, -1000)] == [
        expected[i] for i in (0, 15, 16, 17, 999, -1, -1000)
    ]
    for index in (1000, -1001):
        with pytest.raises(IndexError):
            got[index]
    assert got[15:49] == expected[15:49]
    assert got[990:2000] == expected[990:2000]
    assert got[40:30] == ()
    assert got[::7] == expected[::7]
    assert list(got[100:300][10:20]) == list(expected[110:120])
    assert got.index(expected[500]) == expected.index(expected[500])
    assert expected[3] in got
    assert "1000 findings" in repr(got)


def test_spilled_findings_count_and_pickle_as_a_tuple(
    spilled: tuple[SpilledFindings, tuple[Finding, ...]],
) -> None:
    got, expected = spilled
    counted = Counter(f.severity for f in expected)
    assert got.severities() == counted
    assert got.part(0, 100).severities() == Counter(f.severity for f in expected[:100])
    again = pickle.loads(pickle.dumps(got))  # noqa: S301 - our own bytes
    assert type(again) is tuple
    assert again == expected


def test_a_report_keeps_spilled_findings_as_they_are(
    spilled: tuple[SpilledFindings, tuple[Finding, ...]],
) -> None:
    """A report of spilled findings is the report of their tuple (which it sorts)."""
    got, expected = spilled
    report = Report(findings=got)
    assert report.findings is got
    shuffled = Report(findings=list(reversed(_findings(1000))))
    assert isinstance(shuffled.findings, tuple)
    assert report == Report(findings=expected)
    assert report.counts() == shuffled.counts()
    assert report.at_or_above(Severity.ERROR) == shuffled.at_or_above(Severity.ERROR)


@pytest.mark.parametrize("name", ["text", "json", "github"])
def test_text_json_and_github_come_in_parts_that_make_the_whole(name: str) -> None:
    """A large report's text, JSON and GitHub annotations are written a part at a time
    (findings of no file among them): the parts make what ``render`` gives, in more than one
    part."""
    found = [*_findings(2500), *(attrs.evolve(f, path=None) for f in _findings(30))]
    report = Report(findings=found)
    parts = list(render_parts(report, name, RenderOptions()))
    assert len(parts) > 2
    assert "".join(parts) == render(report, name, RenderOptions())
    blank = Report(findings=[attrs.evolve(f, path=None) for f in _findings(3)])
    assert "".join(render_parts(blank, name, RenderOptions())) == render(
        blank, name, RenderOptions()
    )


@pytest.fixture(scope="module", params=["1.0", "2.0"])
def national(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A national JSONL file of 2,000 records, a tenth with a defect of any kind (findings
    of the pieces and of the rules across records: dangling references, duplicates)."""
    path = tmp_path_factory.mktemp("national") / f"national-{request.param}.jsonl"
    communes = load("gen_national").communes_2025()[::400]
    return write_national(
        path, request.param, max_records=2000, invalid_share=0.1, communes=communes
    )


def _run(path: Path, cap: int | None) -> Report:
    major = "1" if path.stem.endswith("1.0") else "2"
    source = InputSource(name=str(path), format="jsonl", path=path)
    return run([source], Options(schema_version=major, max_findings=cap))


@pytest.mark.parametrize("facts", [False, True], ids=["records", "facts"])
@pytest.mark.parametrize("cap", [None, 4, 60, 100_000])
def test_a_run_whose_findings_spill_reports_the_same(
    national: Path, cap: int | None, facts: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Findings past 25 in memory (the pieces' and the rule findings waiting to be
    located) go to disk: the same report in every format, with no cap, a cap below the limit
    (kept as before: trimmed in memory) and caps above it (the first ``cap`` read from
    disk)."""
    if facts:
        monkeypatch.setattr(_workers, "RECORD_SET_BYTES", 0)
    expected = _run(national, cap)
    monkeypatch.setattr(_facts, "SPILL_AFTER", 25)
    assert in_memory() == 25
    got = _run(national, cap)
    assert len(expected.findings) + sum(expected.omitted.values()) > 60
    assert isinstance(got.findings, SpilledFindings) == (cap != 4)
    assert isinstance(expected.findings, tuple)
    assert any(f.code.startswith("D") for f in got.findings)
    assert got == expected
    for name in ("json", "text", "sarif", "junit", "github"):
        assert render(got, name, RenderOptions()) == render(expected, name, RenderOptions())
    assert render(got, "json", RenderOptions(max_findings=7)) == render(
        expected, "json", RenderOptions(max_findings=7)
    )


def test_each_thread_has_its_own_scratch_database() -> None:
    here = _facts._database()
    assert _facts._database() is here
    with ThreadPoolExecutor(1) as pool:
        there = pool.submit(_facts._database).result()
    assert there is not here


def test_runs_in_threads_at_once_report_what_each_does_alone(
    national: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four runs at once in threads of one process (a server validating uploads), their facts
    and findings spilling: each gives the report it gives alone (each thread's stores are in
    its own scratch database, so one run's transactions never meet another's)."""
    monkeypatch.setattr(_workers, "RECORD_SET_BYTES", 0)
    monkeypatch.setattr(_facts, "SPILL_AFTER", 8)
    alone = render(_run(national, None), "json", RenderOptions())

    def report(_: int) -> str:
        return render(_run(national, None), "json", RenderOptions())

    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(report, range(4)))
    assert together == [alone] * 4
