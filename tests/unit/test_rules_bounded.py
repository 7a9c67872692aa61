"""Rules keep bounded memory on one long value (issue #14): D006 compares names through keys
of bounded cost; "did you mean" hints skip texts longer than any id or code."""

from __future__ import annotations

import json
import tracemalloc
import unicodedata
from typing import Any

import pytest

from antt_domain.validation import validate_bytes
from antt_domain.validation.rules.names import NAME_KEY_CHARS, _name_key
from antt_domain.vi import name_key


def _org(record_id: str, name: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": record_id,
        "type": "organisation",
        "name": name,
        "kind": "police",
        "level": "district",
        **extra,
    }


def _data(*records: dict[str, Any]) -> bytes:
    return json.dumps(list(records), ensure_ascii=False).encode("utf-8")


def _codes(data: bytes) -> list[tuple[str, str | None]]:
    return [(f.code, f.pointer) for f in validate_bytes(data, gazetteer=None)]


def _peak(data: bytes) -> tuple[float, list[tuple[str, str | None]]]:
    tracemalloc.start()
    try:
        codes = _codes(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / len(data), codes


@pytest.mark.parametrize(
    "name",
    [
        "Công an huyện Cẩm Thuỷ",
        unicodedata.normalize("NFD", "Công an huyện Cẩm Thủy"),
        "  UBND   xã  Cẩm Yên ",
        "Ðội dân phòng",
        "Thuỷ " * (NAME_KEY_CHARS // 5),  # just under the bound
        unicodedata.normalize("NFD", "Thủy " * 100),  # over the bound in NFD, not in NFC
    ],
)
def test_the_bounded_key_is_name_key_on_names_under_the_bound(name: str) -> None:
    """Same keys as today for every name up to the bound: the same D006 findings."""
    assert _name_key(name) == name_key(name)
    assert _name_key(name, strip_prefixes=True) == name_key(name, strip_prefixes=True)


def test_long_names_keep_their_meaning_past_the_bound() -> None:
    """Past the bound: Unicode form and case still match, different tails do not."""
    long = "Công an huyện Cẩm Thuỷ " * 100
    assert len(long) > NAME_KEY_CHARS
    assert _name_key(long) == _name_key(unicodedata.normalize("NFD", long).upper())
    assert _name_key(long) == _name_key(long.replace(" ", "   "))
    assert _name_key(long) != _name_key(long + "x")
    assert _name_key(long) != _name_key(long[:-30] + "Công an huyện Cẩm Yên  ")
    # tone-mark placement matches within the bound, as before
    assert _name_key("Thuỷ " + long) == _name_key("Thủy " + long)
    one_word = "x" * 5000
    assert _name_key(one_word) != _name_key(one_word[:-1] + "y")
    assert _name_key(one_word) == _name_key(one_word.upper())


def test_two_long_duplicate_names_are_still_d006() -> None:
    """D006 fires on two spellings of one long name, and not on two different ones."""
    long = "Công an huyện Cẩm Thuỷ, " * 200
    nfd = unicodedata.normalize("NFD", long)
    assert _codes(_data(_org("o1", long), _org("o2", nfd))) == [("D006", "/1/name")]
    assert _codes(_data(_org("o1", long), _org("o2", long + "A"))) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "x" * 3_000_000,  # one word: name_key costs ~200 bytes a character
        "Cẩm Thủy " * 300_000,  # many syllables
    ],
)
def test_a_name_of_megabytes_stays_within_bounded_memory(name: str) -> None:
    """A name of a few MB, twice (same key) with D006 on: peak well under 20x the input
    (the unbounded key took ~200x). Measured with tracemalloc, not a clock."""
    data = _data(_org("o1", name), _org("o2", name))
    ratio, codes = _peak(data)
    assert codes == [("D006", "/1/name")]
    assert ratio < 20, ratio


def test_a_huge_unknown_code_gets_no_hint_and_little_memory() -> None:
    """V101's "did you mean" skips a code longer than any code (difflib grows with it)."""
    record = {
        "id": "a1",
        "type": "activity",
        "kind": "propaganda",
        "period": {"kind": "unstated"},
        "quantity": {"value": 1, "unit": "u" * 2_000_000},
    }
    data = _data(record)
    ratio, codes = _peak(data)
    assert ratio < 20, ratio
    assert codes  # the unit is reported (schema or V103), never a crash
