"""D005 (1.0 and 2.0), D006, D007, D010, D109 and D113 written as facts and a join (issue
#18): their findings are the same when every fact store has moved to disk (``SPILL_AFTER``
set to 1, read by the stores the rules make in ``start``) as in memory, and what they keep
after ``end`` is facts and places, never a record."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from antt_domain import load_dataset, model
from antt_domain.convert.v2 import structure_record
from antt_domain.model import v2
from antt_domain.validation import (
    FactIndex,
    FactLog,
    Issue,
    LifecycleCheck,
    Located,
    RecordIds,
    Repeats,
    RuleContext,
    Spot,
    validate,
    validate_bytes,
)
from antt_domain.validation import _facts as facts_module
from antt_domain.validation.rules import BUILT_IN_RULES
from antt_domain.validation.rules._chains import FirstRecords
from antt_domain.vi import AdminUnit, StaticGazetteer

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / "tests" / "fixtures" / "validation" / "rules.json"
CORPUS = sorted((ROOT / "examples" / "corpus").glob("R*/dataset.json"))
CAM_THUY = ROOT / "examples" / "cam-thuy-2021"
CODES = ("D005", "D006", "D007", "D010", "D109", "D113")


class _Complete(StaticGazetteer):
    """Claims to list every unit: a code it lacks is an error."""

    __slots__ = ()

    def covers(self, on: date) -> bool:
        return True


def _unit(code: str, name: str) -> AdminUnit:
    return AdminUnit(code=code, name=name, kind="Xã", level="commune", parent_code="390",
                     valid_from=None, valid_to=None, version="test")  # fmt: skip


GAZETTEER = _Complete([_unit("15178", "Cẩm Phong"), _unit("15145", "Cẩm Liên")], version="test")


def _figure(record_id: str, value: int = 12, **more: Any) -> dict[str, Any]:
    found: dict[str, Any] = {
        "type": "figure",
        "id": record_id,
        "kind": "mobile_outreach",
        "period": {"kind": "interval", "start": "2021-01-01", "end": "2021-12-31"},
        "quantity": {"value": value, "unit": "session"},
        "area": "area-p",
    }
    found.update(more)
    return found


def _source(record_id: str, published: str) -> dict[str, Any]:
    return {
        "type": "source",
        "id": record_id,
        "kind": "article",
        "title": "T",
        "published": published,
    }


def _document(record_id: str, start: str, end: str) -> dict[str, Any]:
    return {
        "type": "document",
        "id": record_id,
        "kind": "coordination_programme",
        "symbol": "09/CTr-BCA-BTTUBTWMTTQVN",
        "effective": {"kind": "interval", "start": start, "end": end},
    }


def _org(record_id: str, name: str) -> dict[str, Any]:
    return {"type": "organisation", "id": record_id, "name": name, "kind": "police",
            "level": "commune", "area": "area-p"}  # fmt: skip


def _area(record_id: str, code: str, name: str) -> dict[str, Any]:
    return {"type": "area", "id": record_id, "name": name, "level": "commune",
            "parent": "area-p", "code": code, "code_list": "test"}  # fmt: skip


OPEN = {"kind": "open", "start": "2023-05-01", "as_written": "từ tháng 5/2023 đến nay"}

#: 2.0 records breaking each rule of the group more than once, with the cases a rule keeps
#: apart: a link between two equal figures, a duplicate id read before the source or the
#: document it hides (no D113, no D007 then), an area used before and after it is listed.
RECORDS_V2: list[dict[str, Any]] = [
    {"type": "area", "id": "area-p", "name": "Tỉnh P", "level": "province"},
    _source("src-a", "2023-03"),
    _source("src-c", "2024"),
    _figure("src-b"),  # hides the source src-b below
    _source("src-b", "2020"),
    _document("doc-1", "2018-01-01", "2019-12-31"),
    _org("doc-2", "Công an xã Cẩm Yên"),  # hides the document doc-2 below
    _document("doc-2", "2018-01-01", "2019-12-31"),
    _org("org-1", "Công an xã Cẩm Thuỷ"),
    _org("org-2", "Công an xã Cẩm Thủy"),
    _org("org-3", "CÔNG AN XÃ CẨM THUỶ"),
    _figure("fig-a", actors=[{"role": "organiser", "organisation": "org-1"}]),
    _figure("fig-b", actors=[{"role": "organiser", "organisation": "org-1"}]),
    _figure("fig-c", area="area-c"),
    _figure("fig-v", links=[{"rel": "version_of", "to": "fig-c"}], area="area-c"),
    _figure("fig-d", 7, under=["doc-1", "doc-2"]),
    _figure("fig-e", 7, under=["doc-1"]),
    _figure("fig-o", 9, period=OPEN, sources=[{"source": "src-a"}, {"source": "src-b"}]),
    _figure("fig-p", 9, period=OPEN, sources=[{"source": "src-c"}, {"source": "src-a"}]),
    _area("area-c", "99999", "Xã C"),
    _area("area-l", "15145", "Xã Cẩm Liên"),
    _area("area-w", "15178", "Xã Cẩm Yên"),
    _figure("fig-w", 3, area="area-w", period={"kind": "as_of", "date": "2022-06-30"}),
    {
        "type": "event",
        "id": "ev",
        "kinds": ["festival"],
        "period": {"kind": "interval", "start": "2023-07-07", "end": "2023-07-07"},
        "actors": [
            {"role": "organiser", "organisation": "org-1", "sources": [{"source": "src-a"}]},
            {"role": "organiser", "organisation": "org-2", "sources": [{"source": "src-c"}]},
        ],
    },
]


def _spilled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facts_module, "SPILL_AFTER", 1)


def _v2_findings() -> list[Any]:
    data = json.dumps(RECORDS_V2, ensure_ascii=False).encode()
    report = validate_bytes(
        data, format="json", schema_version="2", select=CODES, gazetteer=GAZETTEER
    )
    assert not report.faults
    return list(report.findings)


def test_2_0_findings_are_the_same_once_the_facts_are_on_disk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    in_memory = _v2_findings()
    found = {(f.code, f.record_id, f.pointer) for f in in_memory}
    # Every rule of the group fires, and the hidden source and document do not count.
    assert {code for code, _, _ in found} == set(CODES)
    assert ("D005", "fig-b", "/12") in found
    assert not any(rid == "fig-v" for code, rid, _ in found if code == "D005")
    assert ("D006", "org-2", "/9/name") in found
    assert ("D007", "fig-d", "/15/under/0") in found
    assert ("D007", "fig-d", "/15/under/1") not in found  # doc-2 is hidden
    d113 = [(f.record_id, f.message_en) for f in in_memory if f.code == "D113"]
    assert [rid for rid, _ in d113] == ["fig-o", "fig-p"]  # src-a; src-b is hidden
    assert all("'src-a'" in message for _, message in d113)
    assert ("D109", "ev", "/23/actors/1") in found
    assert ("D010", "area-c", "/19/code") in found
    assert ("D010", "area-w", "/21/name") in found
    _spilled(monkeypatch)
    assert _v2_findings() == in_memory


def test_1_0_fixture_findings_are_the_same_once_the_facts_are_on_disk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runs = [
        validate(FIXTURE, select=CODES),
        validate(FIXTURE, select=CODES, gazetteer=GAZETTEER),
    ]
    in_memory = [list(report.findings) for report in runs]
    assert {f.code for f in in_memory[0]} == {"D005", "D006", "D007", "D010"}
    assert len({f.code for f in in_memory[1] if f.code == "D010"}) == 1
    _spilled(monkeypatch)
    again = [
        validate(FIXTURE, select=CODES),
        validate(FIXTURE, select=CODES, gazetteer=GAZETTEER),
    ]
    assert [list(report.findings) for report in again] == in_memory


def test_the_corpus_findings_are_the_same_once_the_facts_are_on_disk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = [*CORPUS, CAM_THUY / "dataset.json", CAM_THUY / "dataset-2.0.json"]
    in_memory = [list(validate(path, select=CODES).findings) for path in paths]
    assert any(f.code == "D109" for findings in in_memory for f in findings)
    _spilled(monkeypatch)
    assert [list(validate(path, select=CODES).findings) for path in paths] == in_memory


_RECORD_CLASSES = (
    Located,
    model.Activity,
    model.Outcome,
    model.Organisation,
    model.Area,
    model.Agreement,
    model.Source,
    model.ModelInstance,
    v2.Figure,
    v2.Event,
    v2.Organisation,
    v2.Area,
    v2.Document,
    v2.Source,
)


def _kept(value: object) -> Iterator[object]:
    """Everything reachable from a rule's state: the stores' entries, wherever they are."""
    yield value
    if isinstance(value, FactIndex):
        for pair in value.items():
            yield from _kept(pair)
    elif isinstance(value, (FactLog, Repeats)):
        for row in value:
            yield from _kept(row)
    elif isinstance(value, FirstRecords):
        for inner in vars(value).values():
            yield from _kept(inner)
    elif isinstance(value, (tuple, list)):
        for inner in value:
            yield from _kept(inner)
    elif isinstance(value, dict):
        for pair in value.items():
            yield from _kept(pair)


def _items() -> list[Located]:
    """The 2.0 records above, then the 1.0 fixture's."""
    return [
        Located(record=structure_record(dict(record)), path="x.json", pointer=f"/records/{n}")
        for n, record in enumerate(RECORDS_V2)
    ] + [
        Located(record=record, path="y.json", pointer=f"/records/{n}")
        for n, record in enumerate(load_dataset(FIXTURE).records)
    ]


@pytest.mark.parametrize("code", CODES)
def test_what_a_rule_keeps_is_facts_and_places(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    _spilled(monkeypatch)
    context = RuleContext(gazetteer=GAZETTEER)
    items = _items()
    issues: list[Issue] = []
    for rule in (r for r in BUILT_IN_RULES if r.code == code):
        check = rule.check
        assert isinstance(check, LifecycleCheck)
        assert check.splits
        run = check.run_context(context)
        state: Any = check.open(run)
        issues += check.feed(state, items, run)
        kept = list(_kept(vars(state)))
        stores = [value for value in kept if isinstance(value, (FactIndex, FactLog, Repeats))]
        if code != "D109":  # D109 keeps nothing: an event is judged alone
            assert any(store.on_disk for store in stores)
        issues += list(state.end())
        for value in [*kept, *_kept(vars(state))]:
            assert not isinstance(value, _RECORD_CLASSES), (code, value)
    assert issues
    assert all(isinstance(issue.at, Spot) for issue in issues if issue.at is not None)


def _first_records(
    told: Sequence[tuple[str, int | None]],
) -> tuple[RecordIds, FirstRecords[int]]:
    """A :class:`FirstRecords` told the records ``told`` as the engine tells it: every id
    filed in the run's :class:`RecordIds`, the records with a value (not ``None``) added."""
    ids = RecordIds()
    first: FirstRecords[int] = FirstRecords(RuleContext(ids=ids))
    ids.extend([record_id for record_id, _ in told])
    for number, (record_id, value) in enumerate(told):
        if value is not None:
            spot = Spot(path="x", pointer="", line=number + 1, record_id=record_id, number=number)
            first.add(spot, value)
    return ids, first


def test_the_first_record_of_an_id_decides_once_on_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    _spilled(monkeypatch)
    told = [("a", None), ("a", 1), ("b", 2), ("b", None), ("c", None), ("b", 3), ("e", 4)]
    ids, first = _first_records(told)
    assert ids.count == len(told)
    first.settle("abcde")
    assert [first.get(record_id) for record_id in "abcde"] == [None, 2, None, None, 4]


def test_first_records_need_the_numbered_spots_of_the_engine() -> None:
    """Made outside a run (no RecordIds) or told a Spot the engine did not number, it says
    so rather than answer wrong."""
    with pytest.raises(ValueError, match="RecordIds"):
        FirstRecords(RuleContext())
    for code in ("D004", "D007", "D108", "D113"):  # started by hand: each says what it needs
        check = next(r for r in BUILT_IN_RULES if r.code == code).check
        assert isinstance(check, LifecycleCheck)
        with pytest.raises(ValueError, match="run_context"):
            check.open(RuleContext())
    first: FirstRecords[int] = FirstRecords(RuleContext(ids=RecordIds()))
    with pytest.raises(ValueError, match="numbered"):
        first.add(Spot(path="x", pointer="", line=1, record_id="a"), 1)


def test_nothing_asked_reads_nothing_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked for no id, the first records are not looked for (the log is not read back)."""
    _spilled(monkeypatch)
    _, first = _first_records([("a", 1), ("b", None)])
    read: list[object] = []

    def reading(log: object) -> Iterator[object]:
        read.append(log)
        return iter(())

    monkeypatch.setattr(FactLog, "__iter__", reading)
    first.settle(())
    assert not read
    assert first.get("a") is None


def test_facts_are_plain_values() -> None:
    """Facts cross processes: plain tuples, strings, numbers and dates, no model object."""
    context = RuleContext(gazetteer=GAZETTEER)
    plain = (tuple, str, int, date, type(None))
    for rule in (r for r in BUILT_IN_RULES if r.code in CODES):
        check = rule.check
        assert isinstance(check, LifecycleCheck)
        made: Any = check.lifecycle  # a FactLifecycle class
        facts = made.facts
        for item in _items():
            fact = facts(item, context)
            assert all(isinstance(value, plain) for value in _kept(fact)), (rule.code, fact)
            assert pickle.loads(pickle.dumps(fact)) == fact  # noqa: S301 - our own bytes
