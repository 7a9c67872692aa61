"""The fact stores of rules across records (FactIndex, FactLog, Repeats): the same answers in memory
and once moved to disk, and a rule written as facts + take + end (issue #18)."""

from __future__ import annotations

import enum
from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from antt_domain import load_example
from antt_domain.io import dumps
from antt_domain.model import Activity, Organisation, Outcome
from antt_domain.validation import (
    FactIndex,
    FactLog,
    Issue,
    LifecycleCheck,
    Located,
    Repeats,
    RuleContext,
    Spot,
    dataset_rule,
    validate_bytes,
)
from antt_domain.validation._facts import SEEN

_KEYS = st.one_of(
    st.text(max_size=6), st.integers(), st.tuples(st.text(max_size=3), st.integers() | st.none())
)


@given(st.lists(st.tuples(_KEYS, st.integers(), st.booleans()), max_size=60), st.integers(0, 8))
def test_an_index_keeps_the_first_value_of_each_key_wherever_it_is(
    pairs: list[tuple[object, int, bool]], limit: int
) -> None:
    """Whether filed by ``setdefault`` (which answers) or ``add`` (which does not), mixed."""
    index: FactIndex[int] = FactIndex(limit=limit)
    expected: dict[object, int] = {}
    for key, value, answer in pairs:
        if answer:
            assert index.setdefault(key, value) == expected.setdefault(key, value)
        else:
            index.add(key, value)
            expected.setdefault(key, value)
            assert index.get(key) == expected[key]
    assert len(index) == len(expected)
    for key, value in expected.items():
        assert key in index
        assert index.get(key) == value
    assert "never a key" not in index
    assert dict(index.items()) == expected
    assert index.on_disk == (len(expected) > limit)
    index.close()
    assert len(index) == 0


@given(st.lists(st.tuples(st.text(max_size=4), st.integers()), max_size=60), st.integers(0, 8))
def test_a_log_gives_its_rows_back_in_order_wherever_they_are(
    rows: list[tuple[str, int]], limit: int
) -> None:
    log: FactLog[tuple[str, int]] = FactLog(limit=limit)
    for row in rows:
        log.append(row)
    assert list(log) == rows
    assert list(log) == rows  # read twice
    assert len(log) == len(rows)
    assert bool(log) == bool(rows)
    assert log.on_disk == (len(rows) > limit)
    log.close()
    assert list(log) == []


@given(
    st.lists(st.tuples(_KEYS, st.integers(), st.sampled_from(["add", "get"])), max_size=60),
    st.integers(0, 8),
)
def test_an_index_answers_again_what_it_answered_once(
    steps: list[tuple[object, int, str]], limit: int
) -> None:
    """Answers remembered from disk stay right as keys are filed again and stores spill."""
    index: FactIndex[int] = FactIndex(limit=limit)
    expected: dict[object, int] = {}
    for key, value, step in steps:
        if step == "add":
            index.add(key, value)
            expected.setdefault(key, value)
        assert index.get(key) == expected.get(key)
    for key, value in expected.items():
        assert index.get(key) == value


@given(st.lists(st.tuples(_KEYS, st.integers()), max_size=60), st.integers(0, 8))
def test_repeats_are_the_rows_of_keys_filed_before_wherever_they_are(
    rows: list[tuple[object, int]], limit: int
) -> None:
    """Each row whose key came before, with the first row of its key: by first rows in the
    order filed, then in the order filed; the same in memory and on disk."""
    repeats: Repeats[tuple[int, int]] = Repeats(limit=limit)
    first: dict[object, tuple[int, tuple[int, int]]] = {}
    expected: list[tuple[int, int, tuple[int, int], tuple[int, int]]] = []
    for n, (key, value) in enumerate(rows):
        repeats.add(key, (n, value))
        seen = first.setdefault(key, (n, (n, value)))
        if seen[0] != n:
            expected.append((seen[0], n, seen[1], (n, value)))
    expected.sort(key=lambda entry: entry[:2])
    assert list(repeats.repeats()) == [(one, other) for _, _, one, other in expected]
    assert list(repeats.repeats()) == [(one, other) for _, _, one, other in expected]  # again
    assert list(repeats) == [(n, value) for n, (_, value) in enumerate(rows)]
    assert repeats.on_disk == (len(rows) > limit)
    repeats.close()
    assert list(repeats) == []


class _IdleBySpot:
    """Organisations organising nothing, as facts: ids and names in an index, organisers in
    a log, joined at the end; each issue placed with the organisation's Spot."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[str, str] | None:
        record = item.record
        if isinstance(record, Organisation):
            return ("org", record.name)
        if isinstance(record, (Activity, Outcome)) and record.organiser is not None:
            return ("by", record.organiser)
        return None

    def start(self, context: RuleContext) -> None:
        self.names: FactIndex[tuple[Spot, str]] = FactIndex(limit=2)
        self.organisers: FactLog[str] = FactLog(limit=2)

    def take(self, spot: Spot, facts: tuple[str, str]) -> None:
        kind, value = facts
        if kind == "org":
            self.names.setdefault(spot.record_id, (spot, value))
        else:
            self.organisers.append(value)

    def end(self) -> Iterator[Issue]:
        busy = set(self.organisers)
        for record_id, (spot, name) in sorted(self.names.items()):
            if record_id not in busy:
                yield Issue(at=spot, pointer="/name", params={"name": name})


IDLE = dataset_rule(
    code="XFT001",
    name="idle-by-facts",
    severity="info",
    title=("Idle", "Không chủ trì"),
    explanation=("Organises nothing.", "Không chủ trì gì."),
    message=("{name} organises no figure", "{name} không chủ trì số liệu nào"),
)(_IdleBySpot)


def test_a_rule_written_as_facts_reports_each_record_where_it_was_read() -> None:
    assert isinstance(IDLE.check, LifecycleCheck)
    assert IDLE.check.splits
    records = load_example().records
    busy = {r.organiser for r in records if isinstance(r, (Activity, Outcome))}
    idle = {r.id for r in records if isinstance(r, Organisation) and r.id not in busy}
    assert idle
    report = validate_bytes(dumps(load_example()).encode(), path="x.json", rules=[IDLE])
    found = [f for f in report if f.code == "XFT001"]
    assert {f.record_id for f in found} == idle
    assert all(f.path == "x.json" and f.line and (f.pointer or "").endswith("/name") for f in found)


def test_spot_is_where_a_located_record_was_read() -> None:
    record = load_example().records[0]
    item = Located(record=record, path="a.jsonl", pointer="", line=7)
    assert item.spot == Spot(path="a.jsonl", pointer="", line=7, record_id=record.id)


def test_stores_share_one_scratch_database_and_drop_their_tables() -> None:
    from antt_domain.validation import _facts  # noqa: PLC0415 - the private database, looked at

    index: FactIndex[int] = FactIndex(limit=0)
    log: FactLog[int] = FactLog(limit=0)
    index.setdefault("a", 1)
    log.append(1)
    assert index.on_disk
    assert log.on_disk
    db = _facts._database()
    assert db is not None

    def tables() -> set[str]:
        return {name for (name,) in db.execute("SELECT name FROM sqlite_master")}

    names = {index._name, log._name}
    assert names <= tables()
    index.close()
    del log  # collected: its table goes too
    assert not names & tables()


class Kind(str, enum.Enum):
    """A str enum, as the model's codes are."""

    SESSION = "session"


def test_equal_keys_meet_on_disk_however_they_were_built() -> None:
    """A tuple holding one string object twice pickles unlike one holding two equal strings,
    and a str enum unlike its string: the disk index compares a canonical encoding."""
    first = "x" * 5
    index: FactIndex[int] = FactIndex(limit=0)
    index.setdefault((first, first), 1)
    index.setdefault(Kind.SESSION, 2)
    index.setdefault((True, None), 3)
    assert index.on_disk
    assert index.get(("x" * 5, "".join(["x"] * 5))) == 1
    assert index.get("session") == 2
    assert index.get((1, None)) == 3
    assert index.get(("x" * 5,)) is None


def test_ids_with_numbers_and_seen_are_stored_plain_and_come_back_as_given() -> None:
    """An ASCII id with an integer or SEEN is stored as SQLite text and integer; an integer
    SQLite cannot hold (past 64 bits), a bool or a non-ASCII id is pickled: each comes back
    as it was given."""
    index: FactIndex[object] = FactIndex(limit=0)
    entries = {
        "a": 7,
        "b": SEEN,
        "c": 2**64,
        "d": -(2**63) - 1,
        "e": False,
        "đ": 3,
        "f": -(2**63),
    }
    for key, value in entries.items():
        index.add(key, value)
    assert index.on_disk
    for key, value in entries.items():
        found = index.get(key)
        assert found == value
        assert type(found) is type(value)
    assert dict(index.items()) == entries
    assert {type(v) for v in dict(index.items()).values()} == {int, bool}
