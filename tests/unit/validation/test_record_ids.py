"""The run's ids (:class:`RecordIds`): filed once, a piece at a time, and asked at a rule's end
for the number of the first record with each id -- in memory and on disk alike."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_domain.validation import RecordIds, _facts
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
