"""The run's ids (:class:`RecordIds`): filed once, a piece at a time, and asked at a rule's end
for the number of the first record with each id -- in memory and on disk alike."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_domain.convert.v2 import structure_record
from antt_domain.validation import (
    BUILT_IN_RULES,
    LifecycleCheck,
    Located,
    RecordIds,
    RecordSet,
    RuleContext,
    _facts,
)
from antt_domain.validation import _ids as ids_module

_IDS = st.lists(st.sampled_from("abcdefgh"), max_size=60)


@given(
    pieces=st.lists(_IDS, max_size=6),
    wanted=st.lists(st.sampled_from("abcdefghxyz"), max_size=12),
    spill=st.sampled_from([1, 3, 50_000]),
    chunk=st.sampled_from([1, 4, 1024]),
)
def test_the_first_number_of_each_id_asked(
    pieces: list[list[str]], wanted: list[str], spill: int, chunk: int
) -> None:
    every = [record_id for piece in pieces for record_id in piece]
    expected: dict[str, int] = {}
    for number, record_id in enumerate(every):
        if record_id in wanted:
            expected.setdefault(record_id, number)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_facts, "SPILL_AFTER", spill)
        patch.setattr(ids_module, "CHUNK", chunk)
        ids = RecordIds()
        ids.keep()
        for piece in pieces:
            ids.extend(piece)
        assert ids.count == len(every)
        for _ in range(2):  # every rule of the run asks in turn
            firsts = ids.first(wanted)
            try:
                assert dict(firsts.items()) == expected
            finally:
                firsts.close()
        ids.close()


def test_ids_are_counted_but_kept_only_once_asked_to() -> None:
    """A run whose rules do not ask keeps no id (it still numbers the records)."""
    ids = RecordIds()
    ids.extend(["a", "b"])
    assert ids.count == 2
    assert not len(ids.first(["a"]))
    ids.keep()
    ids.extend(["a", "c"])
    firsts = ids.first(["a", "c", "z"])
    assert dict(firsts.items()) == {"a": 2, "c": 3}
    firsts.close()
    ids.close()


def _d113_items(hidden: bool) -> list[Located]:
    """A figure with an open period citing a source published before it started (D113),
    with, when ``hidden``, a figure read first with the source's id (which hides it)."""
    period = {"kind": "interval", "start": "2023-01-01", "end": "2023-12-31"}
    records: list[dict[str, Any]] = (
        [{"type": "figure", "id": "src-b", "kind": "tips_provided", "period": period}]
        if hidden
        else []
    )
    records += [
        {"type": "source", "id": "src-b", "kind": "article", "title": "T", "published": "2020"},
        {"type": "figure", "id": "fig-o", "kind": "tips_provided",
         "period": {"kind": "open", "start": "2023-05-01", "as_written": "từ 5/2023"},
         "sources": [{"source": "src-b"}]},
    ]  # fmt: skip
    return [
        Located(record=structure_record(record), path="x.jsonl", pointer="", line=n + 1)
        for n, record in enumerate(records)
    ]


@pytest.mark.parametrize("hidden", [True, False])
def test_a_rule_fed_in_batches_numbers_its_records_on(hidden: bool) -> None:
    """Fed a run's records in several batches (as the engine feeds pieces), a rule sees them
    numbered on from the batches before: it finds what it finds over them all at once."""
    rule = next(r for r in BUILT_IN_RULES if r.code == "D113")
    check = rule.check
    assert isinstance(check, LifecycleCheck)
    items = _d113_items(hidden)
    whole = [issue.at for issue in check(RecordSet(items), RuleContext())]
    assert len(whole) == (0 if hidden else 1)
    for cut in range(len(items) + 1):
        context = check.run_context(RuleContext())
        instance: Any = check.open(context)
        found = [*check.feed(instance, items[:cut], context)]
        found += check.feed(instance, items[cut:], context)
        found += instance.end()
        assert [issue.at for issue in found] == whole
