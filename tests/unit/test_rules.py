"""Rules on one record (V) and across records (D): each fires where it should, and only there."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from antt_domain.model import Activity, Source, Unstated
from antt_domain.validation import (
    BUILT_IN_RULES,
    CATALOGUE,
    Issue,
    RecordSet,
    RuleContext,
    RuleCrashError,
    Severity,
    dataset_rule,
    record_rule,
    validate,
    validate_bytes,
)
from antt_domain.validation.rules import RULES_V2
from antt_domain.vi import AdminUnit, StaticGazetteer

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "validation" / "rules.json"

EXPECTED = [
    ("V220", "/schema_version", Severity.INFO),  # a 1.0 dataset: an upgrade is available
    ("D002", "/publisher/organisation", Severity.ERROR),
    ("D010", "/records/3/code", Severity.WARNING),
    ("V108", "/records/3/code", Severity.WARNING),
    ("D010", "/records/4/name", Severity.WARNING),
    ("D009", "/records/4/parent", Severity.ERROR),
    ("D006", "/records/6/name", Severity.WARNING),
    ("V107", "/records/8/symbol", Severity.INFO),
    ("V107", "/records/9/symbol", Severity.WARNING),
    ("D003", "/records/9/parties/1", Severity.ERROR),
    ("V102", "/records/10/quantity/value", Severity.ERROR),
    ("V106", "/records/10/quantity/value", Severity.WARNING),
    ("V104", "/records/11/participants/value", Severity.WARNING),
    ("D001", "/records/12/id", Severity.ERROR),
    ("V101", "/records/12/kind", Severity.WARNING),
    ("V103", "/records/13/quantity/unit", Severity.WARNING),
    ("D004", "/records/13/organiser", Severity.WARNING),
    ("D004", "/records/13/area", Severity.WARNING),
    ("D007", "/records/13/agreements/0", Severity.WARNING),
    ("D008", "/records/15/quantity/value", Severity.ERROR),
    ("D005", "/records/16", Severity.WARNING),
    ("V105", "/records/17/quantity/value", Severity.WARNING),
    ("D002", "/records/17/organiser", Severity.ERROR),
    ("V105", "/records/18/quantity/value", Severity.WARNING),
    ("V106", "/records/18/quantity/value", Severity.WARNING),
    ("D003", "/records/18/models/0", Severity.ERROR),
]


def test_every_rule_fires_where_the_fixture_breaks_it() -> None:
    """The fixture breaks each built-in rule once or twice; nothing else is reported."""
    report = validate(FIXTURE)
    assert [(f.code, f.pointer, f.severity) for f in report] == EXPECTED
    rules_v1 = [r for r in BUILT_IN_RULES if r not in RULES_V2]  # 2.0 rules: test_rules_v2_*
    assert {code for code, _, _ in EXPECTED} - {"V220"} == {r.code for r in rules_v1}


def test_the_clean_example_breaks_no_rule(example_path: Path) -> None:
    """The Cẩm Thuỷ example passes every rule at every severity; being 1.0, it gets the one
    V220 info that says an upgrade to 2.0 is available."""
    report = validate(example_path)
    assert [(f.code, f.pointer) for f in report] == [("V220", "/schema_version")]
    assert validate(example_path, ignore=["V220"]).ok(Severity.INFO)


def test_rule_messages_name_the_fix() -> None:
    """Messages say what to do: the thousands reading, the close code, the normal symbol."""
    by_code: dict[str, list[str]] = {}
    for finding in validate(FIXTURE):
        by_code.setdefault(finding.code, []).append(finding.message_en)
    assert "it means 1838" in by_code["V102"][0]
    assert "did you mean 'legal_training'?" in by_code["V101"][0]
    assert "'09/CTr-BCA-TTTW'" in by_code["V107"][0]
    assert "Cẩm Tân" in by_code["D010"][1]
    vi = [f.message_vi for f in validate(FIXTURE) if f.code == "D004"]
    assert vi[0].startswith("Công an huyện Cẩm Thuỷ (org-ca) không tồn tại")


def test_select_and_ignore_take_code_prefixes() -> None:
    """--select D keeps dataset findings only; --ignore V10,D00 drops the rest."""
    assert {f.code[0] for f in validate(FIXTURE, select=["D"])} == {"D"}
    assert {f.code for f in validate(FIXTURE, select=["V102", "D001"])} == {"V102", "D001"}
    remaining = {f.code for f in validate(FIXTURE, ignore=["V10", "D00"])}
    assert remaining == {"D010", "V220"}
    assert "V220" not in {f.code for f in validate(FIXTURE, ignore=["V2"])}


def test_gazetteer_can_be_switched_off_or_replaced() -> None:
    """gazetteer=None skips D010; a complete gazetteer turns an unknown code into an error."""
    assert "D010" not in {f.code for f in validate(FIXTURE, gazetteer=None)}

    class Complete(StaticGazetteer):
        def covers(self, on: date) -> bool:
            return True

    unit = AdminUnit(
        code="15178",
        name="Cẩm Phong",
        kind="Xã",
        level="commune",
        parent_code="390",
        valid_from=None,
        valid_to=None,
        version="test",
    )
    gazetteer = Complete([unit], version="test", coverage="everything")
    d010 = [
        (f.pointer, f.severity) for f in validate(FIXTURE, gazetteer=gazetteer) if f.code == "D010"
    ]
    # 38, 390 and 1517 are not in this complete gazetteer; 15178 is, under the name the record
    # uses. 38 is used by no dated record: it is checked on the date of its code list.
    assert d010 == [
        ("/records/1/code", Severity.ERROR),
        ("/records/2/code", Severity.ERROR),
        ("/records/3/code", Severity.ERROR),
    ]


def _dataset(*records: dict[str, Any]) -> bytes:
    document = {
        "type": "dataset",
        "id": "d",
        "schema_version": "1.0",
        "title": "t",
        "publisher": {"name": "p"},
        "records": list(records),
    }
    return json.dumps(document, ensure_ascii=False).encode()


def _codes(data: bytes) -> list[tuple[str, str | None]]:
    # These 1.0 datasets all get V220 (upgrade available); it is tested on its own.
    return [(f.code, f.pointer) for f in validate_bytes(data, gazetteer=None, ignore=["V220"])]


def _figure(record_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": record_id,
        "type": "outcome",
        "kind": "tips_provided",
        "period": {"kind": "unstated"},
        "quantity": {"value": 10, "unit": "tip"},
        **extra,
    }


def test_breakdown_parts_together_cannot_exceed_their_whole() -> None:
    """Parts of 60 and 50 inside a whole of 100 break it together, not alone."""
    data = _dataset(
        _figure("whole", quantity={"value": 100, "unit": "tip"}),
        _figure("a", quantity={"value": 60, "unit": "tip"}, part_of="whole", description="a"),
        _figure("b", quantity={"value": 50, "unit": "tip"}, part_of="whole", description="b"),
    )
    assert _codes(data) == [("D008", "/records/2/part_of")]


def test_part_of_cycles_and_parent_cycles_are_reported_once() -> None:
    """a → b → a loops; an organisation that is its own grandparent loops."""
    data = _dataset(
        _figure("a", part_of="b", quantity={"value": 1, "unit": "tip"}),
        _figure("b", part_of="a", quantity={"value": 2, "unit": "tip"}),
        {
            "id": "o1",
            "type": "organisation",
            "name": "A",
            "kind": "police",
            "level": "district",
            "parent": "o2",
        },
        {
            "id": "o2",
            "type": "organisation",
            "name": "B",
            "kind": "police",
            "level": "district",
            "parent": "o1",
        },
    )
    codes = _codes(data)
    assert (
        codes.count(("D008", "/records/0/part_of")) + codes.count(("D008", "/records/1/part_of"))
        == 1
    )
    assert [c for c in codes if c[0] == "D009"] in (
        [("D009", "/records/2/parent")],
        [("D009", "/records/3/parent")],
    )


def test_names_differing_in_unicode_form_are_probable_duplicates() -> None:
    """NFD 'Cẩm Thuỷ' and NFC 'Cẩm Thuỷ' are the same name."""
    import unicodedata  # noqa: PLC0415 - only this test needs it

    nfd = unicodedata.normalize("NFD", "Công an huyện Cẩm Thuỷ")
    data = _dataset(
        {
            "id": "o1",
            "type": "organisation",
            "name": "Công an huyện Cẩm Thuỷ",
            "kind": "police",
            "level": "district",
        },
        {"id": "o2", "type": "organisation", "name": nfd, "kind": "police", "level": "district"},
        {
            "id": "o3",
            "type": "organisation",
            "name": "Công an huyện Cẩm Thuỷ",
            "kind": "police",
            "level": "commune",
        },
    )
    assert _codes(data) == [("D006", "/records/1/name")]


def test_references_across_files_resolve(tmp_path: Path) -> None:
    """Dataset rules see every file of a run: organisations in one, activities in another."""
    (tmp_path / "orgs.json").write_text(
        json.dumps(
            [
                {
                    "id": "o1",
                    "type": "organisation",
                    "name": "A",
                    "kind": "police",
                    "level": "district",
                }
            ]
        ),
        encoding="utf-8",
    )
    (tmp_path / "acts.jsonl").write_text(
        json.dumps(_figure("f1", organiser="o1"))
        + "\n"
        + json.dumps(_figure("f2", organiser="o9"))
        + "\n",
        encoding="utf-8",
    )
    report = validate(tmp_path, gazetteer=None)
    assert [(f.code, f.path, f.line, f.pointer) for f in report] == [
        ("D002", str(tmp_path / "acts.jsonl"), 2, "/organiser")
    ]


def test_plugin_rules_run_beside_the_built_ins() -> None:
    """A rule made with record_rule/dataset_rule reports under its own code and messages."""

    @record_rule(
        code="XHN001",
        name="needs-description",
        severity="info",
        title=("No description", "Không có mô tả"),
        explanation=("Describe figures.", "Hãy mô tả số liệu."),
        message=("{id} has no description", "{id} không có mô tả"),
        origin="antt-domain-hanoi",
    )
    def needs_description(record: Any, context: RuleContext) -> Iterator[Issue]:
        if isinstance(record, Activity) and record.description is None:
            yield Issue(params={"id": record.id})

    @dataset_rule(
        code="XHN002",
        name="few-records",
        severity="warning",
        title=("Few records", "Ít bản ghi"),
        explanation=("Too few.", "Quá ít."),
        message=("only {n} records", "chỉ có {n} bản ghi"),
    )
    def few(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
        first = records[0]
        yield Issue(at=first, params={"n": len(records)}, pointer="/kind")

    activity = {"id": "a", "type": "activity", "kind": "patrol", "period": {"kind": "unstated"}}
    report = validate_bytes(json.dumps(activity).encode(), rules=[needs_description, few])
    assert [(f.code, f.severity, f.message_en, f.message_vi, f.pointer) for f in report] == [
        ("XHN001", Severity.INFO, "a has no description", "a không có mô tả", ""),
        ("XHN002", Severity.WARNING, "only 1 records", "chỉ có 1 bản ghi", "/kind"),
    ]


def test_a_crashing_rule_is_named_not_a_traceback() -> None:
    """Asked to, a rule that raises stops the run with RuleCrashError naming rule and origin."""

    @record_rule(
        code="XBAD001",
        name="crashes",
        severity="error",
        title=("x", "x"),
        explanation=("x", "x"),
        message=("x", "x"),
        origin="antt-domain-broken",
    )
    def crashes(record: Any, context: RuleContext) -> Iterator[Issue]:
        raise ZeroDivisionError

    activity = {"id": "a", "type": "activity", "kind": "patrol", "period": {"kind": "unstated"}}
    with pytest.raises(RuleCrashError, match=r"XBAD001.*antt-domain-broken.*ZeroDivisionError"):
        validate_bytes(json.dumps(activity).encode(), rules=[crashes], raise_on_crash=True)


def test_rule_codes_must_be_letters_then_three_digits() -> None:
    """A malformed rule code is refused when the rule is made."""
    with pytest.raises(ValueError, match="three digits"):
        record_rule(
            code="hanoi-1",
            name="x",
            severity="info",
            title=("x", "x"),
            explanation=("x", "x"),
            message=("x", "x"),
        )(lambda record, context: ())


def test_every_built_in_rule_is_catalogued_with_a_rationale() -> None:
    """Each rule has a code, a default severity and an explanation in both languages."""
    for rule in BUILT_IN_RULES:
        assert CATALOGUE[rule.code] is rule.info
        assert len(rule.info.explanation_en) > 60
        assert len(rule.info.explanation_vi) > 60
        assert rule.info.stage == ("rules" if rule.code.startswith("V") else "dataset")


def test_record_rules_see_one_record_and_the_context() -> None:
    """The RuleContext carries the codelists; rules are plain callables."""
    (unknown,) = [r for r in BUILT_IN_RULES if r.code == "V101"]
    activity = Activity(id="a", kind="patroll", period=Unstated())
    context = RuleContext(codelists={})
    assert list(unknown.check(activity, context)) == []  # type: ignore[arg-type]
    from antt_domain.schemas import codelists  # noqa: PLC0415 - beside its one use

    issues = list(unknown.check(activity, RuleContext(codelists=codelists())))  # type: ignore[arg-type]
    assert [i.pointer for i in issues] == ["/kind"]
    assert list(unknown.check(Source(id="s", kind="article", title="t"), context)) == []  # type: ignore[arg-type]


def test_a_record_rule_with_types_sees_only_those_records() -> None:
    """``types=`` limits a record rule to some classes: the others never reach its check."""
    seen: list[str] = []

    @record_rule(
        code="XHN003",
        name="sources-only",
        severity="info",
        title=("x", "x"),
        explanation=("x", "x"),
        message=("{id}", "{id}"),
        types=(Source,),
    )
    def sources_only(record: Any, context: RuleContext) -> Iterator[Issue]:
        seen.append(type(record).__name__)
        yield Issue(params={"id": record.id})

    records = [
        {"id": "a", "type": "activity", "kind": "patrol", "period": {"kind": "unstated"}},
        {"id": "s", "type": "source", "kind": "article", "title": "Bài báo"},
    ]
    report = validate_bytes(json.dumps(records).encode(), rules=[sources_only])
    assert seen == ["Source"]
    assert [(f.code, f.record_id) for f in report if f.code == "XHN003"] == [("XHN003", "s")]
    assert sources_only.applies_to(Source)
    assert not sources_only.applies_to(Activity)
    assert all(r.scope == "dataset" or r.types for r in BUILT_IN_RULES), "built-ins say types"


def test_dangling_reference_hints_name_a_record_of_the_right_type_once_per_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'Did you mean' looks among records of the types the field takes, once per missing id
    (a file whose every record points at a missing one must not compare every pair)."""
    import difflib  # noqa: PLC0415 - spied on for this test

    calls: list[str] = []
    original = difflib.get_close_matches

    def spy(word: str, possibilities: Any, *args: Any, **kwargs: Any) -> list[str]:
        calls.append(word)
        return original(word, possibilities, *args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", spy)
    records: list[dict[str, Any]] = [
        {
            "id": "org-police",
            "type": "organisation",
            "name": "Công an",
            "kind": "police",
            "level": "district",
        },
        {"id": "org-polic", "type": "area", "name": "Xã", "level": "commune"},
    ]
    records += [
        {
            "id": f"a{i}",
            "type": "activity",
            "kind": "patrol",
            "period": {"kind": "unstated"},
            "organiser": "org-polce",
        }
        for i in range(300)
    ]
    report = validate_bytes(json.dumps(records).encode(), gazetteer=None)
    dangling = [f for f in report if f.code == "D002"]
    assert len(dangling) == 300
    assert "did you mean 'org-police'?" in dangling[0].message_en
    assert calls.count("org-polce") == 1
