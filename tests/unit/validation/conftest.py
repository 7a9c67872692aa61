"""Helpers for the 2.0 rule tests: 2.0 records built from JSON, wrapped in a RecordSet (with
their dataset, for its vocabulary) and checked by one rule, without the pipeline."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pytest

from antt_domain.convert.v2 import structure_dataset, structure_record
from antt_domain.model import Code
from antt_domain.schemas import codelists
from antt_domain.validation import Issue, Located, RecordSet, Rule, RuleContext, Spot
from antt_domain.validation.rules import RULES_V2

PATH = "data/dataset.json"

#: One problem found: (record id or document path, pointer, English message).
Found = tuple[str, str, str]


def rule_v2(code: str) -> Rule:
    """The 2.0 rule with ``code`` (D005 and D008: the one for 2.0 figures)."""
    return next(rule for rule in RULES_V2 if rule.code == code)


def figure(record_id: str, value: float | None = 10, unit: str = "tip", **more: Any) -> Any:
    """A 2.0 figure as JSON: ``value`` tips in 2023, with ``more`` properties."""
    found: dict[str, Any] = {
        "type": "figure",
        "id": record_id,
        "kind": "tips_provided",
        "period": {"kind": "interval", "start": "2023-01-01", "end": "2023-12-31"},
    }
    if value is not None:
        found["quantity"] = {"value": value, "unit": unit}
    found.update(more)
    return found


def with_plugin_codes(extra: Mapping[str, Iterable[tuple[str, str, str]]]) -> dict[str, Any]:
    """The bundled 2.0 codelists with (code, vi, en) entries from a plugin named "demo", as
    the plugin manager's ``codelists_v2()`` holds them."""
    found: dict[str, Any] = dict(codelists("2"))
    for name, codes in extra.items():
        added = tuple(Code(code=code, vi=vi, en=en) for code, vi, en in codes)
        found[name] = found[name].extended(added, by="demo")
    return found


def run(
    code: str,
    records: Iterable[Mapping[str, Any]],
    *,
    vocabulary: Mapping[str, Any] | None = None,
    codelists_v2: Mapping[str, Any] | None = None,
    document: bool = True,
) -> list[Found]:
    """What the 2.0 rule ``code`` finds in ``records`` (read from one dataset at ``PATH``)."""
    rule = rule_v2(code)
    items = [
        Located(record=structure_record(dict(record)), path=PATH, pointer=f"/records/{index}")
        for index, record in enumerate(records)
    ]
    documents = []
    if document:
        head: dict[str, Any] = {
            "type": "dataset",
            "id": "ds",
            "schema_version": "2.0",
            "title": "Test",
            "publisher": {"name": "Test"},
            "records": [],
        }
        if vocabulary is not None:
            head["vocabulary"] = dict(vocabulary)
        documents.append((PATH, structure_dataset(head)))
    context = RuleContext(
        codelists_v2=codelists("2") if codelists_v2 is None else codelists_v2,
    )
    records_set = RecordSet(items, documents=documents)
    issues: Iterable[Issue]
    if rule.scope == "record":
        found: list[Found] = []
        for item in items:
            if rule.applies_to(type(item.record)):
                for issue in rule.check(item.record, context):  # type: ignore[arg-type]
                    found.append((item.record.id, issue.pointer, _message(rule, issue)))
        return found
    issues = rule.check(records_set, context)  # type: ignore[arg-type]
    return [(_placed(issue), issue.pointer, _message(rule, issue)) for issue in issues]


def _placed(issue: Issue) -> str:
    """The id of the record an issue is on (placed with a Located or a Spot), or the path of
    the document it is about."""
    if isinstance(issue.at, Spot):
        return issue.at.record_id
    return issue.at.record.id if issue.at else issue.path or ""


def _message(rule: Rule, issue: Issue) -> str:
    vietnamese = rule.info.render("vi", dict(issue.params))
    assert "{" not in vietnamese, vietnamese  # every placeholder is filled in both languages
    return rule.info.render("en", dict(issue.params))


@pytest.fixture
def check() -> Callable[..., list[Found]]:
    """:func:`run` as a fixture."""
    return run


@pytest.fixture
def fig() -> Callable[..., Any]:
    """:func:`figure` as a fixture."""
    return figure


@pytest.fixture
def plugin_codes() -> Callable[..., dict[str, Any]]:
    """:func:`with_plugin_codes` as a fixture."""
    return with_plugin_codes
