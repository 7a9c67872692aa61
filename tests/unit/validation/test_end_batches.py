"""Issues a rule across records gives at its end are taken in batches (capped as they come),
not held whole: a file of dangling references would otherwise hold every issue at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from antt_domain import load_example
from antt_domain.io import dumps
from antt_domain.validation import Issue, Located, RuleContext, Spot, _feeds, _workers
from antt_domain.validation import dataset_rule as rule_of
from antt_domain.validation.engine import InputSource, Options, run


class _EveryRecordAtTheEnd:
    """One issue a record, all given at the end."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> str:
        return item.record.id

    def start(self, context: RuleContext) -> None:
        self.spots: list[Spot] = []

    def take(self, spot: Spot, facts: str) -> None:
        self.spots.append(spot)

    def end(self) -> Iterator[Issue]:
        for spot in self.spots:
            yield Issue(at=spot, pointer="/id")


AT_THE_END = rule_of(
    code="XEB001",
    name="every-record-at-the-end",
    severity="info",
    title=("At the end", "Cuối cùng"),
    explanation=("Every record, at the end.", "Mọi bản ghi, ở cuối."),
    message=("record", "bản ghi"),
)(_EveryRecordAtTheEnd)


def _report(cap: int | None) -> object:
    source = InputSource(name="x.json", format="json", data=dumps(load_example()).encode())
    return run([source], Options(rules=(AT_THE_END,), max_findings=cap))


@pytest.mark.parametrize("cap", [None, 3])
def test_end_issues_come_in_batches_and_report_the_same(
    monkeypatch: pytest.MonkeyPatch, cap: int | None
) -> None:
    monkeypatch.setattr(_workers, "RECORD_SET_BYTES", 0)  # the facts path, as a large input
    whole = _report(cap)
    taken: list[int] = []
    take_raised = _feeds.Feeds.take_raised

    def watched(self: _feeds.Feeds) -> list[object]:
        found = take_raised(self)
        taken.append(len(found))
        return list(found)

    monkeypatch.setattr(_feeds, "_BATCH", 5)
    monkeypatch.setattr(_feeds.Feeds, "take_raised", watched)
    batched = _report(cap)
    assert batched == whole
    assert max(taken) <= 5
    assert len([n for n in taken if n == 5]) >= len(load_example().records) // 5
