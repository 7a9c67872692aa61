"""The 2.0 rules on extension codes (design section 6.4): D110, D111, D112."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Check = Callable[..., list[tuple[str, str, str]]]
Fig = Callable[..., Any]
Plugin = Callable[..., dict[str, Any]]

VOCABULARY = {
    "namespace": "daknong",
    "codes": [
        {"codelist": "qualifiers", "code": "daknong:coffee", "vi": "Cà phê", "en": "Coffee"},
        {"codelist": "units", "code": "daknong:bao", "vi": "bao", "dimension": "count"},
    ],
}


def test_d110_vocabulary_code_of_another_namespace(check: Check) -> None:
    assert check("D110", [], vocabulary=VOCABULARY) == []
    other = {
        "namespace": "daknong",
        "codes": [{"codelist": "qualifiers", "code": "gialai:coffee", "vi": "Cà phê"}],
    }
    found = check("D110", [], vocabulary=other)
    assert found == [
        (
            "data/dataset.json",
            "/vocabulary/codes/0/code",
            "'gialai:coffee' is not in the dataset's namespace 'daknong'",
        )
    ]


def test_d111_dataset_and_plugin_label_a_code_differently(
    check: Check, plugin_codes: Plugin
) -> None:
    same = plugin_codes({"qualifiers": [("daknong:coffee", "Cà phê", "Coffee")]})
    assert check("D111", [], vocabulary=VOCABULARY, codelists_v2=same) == []
    other = plugin_codes({"qualifiers": [("daknong:coffee", "Cà phê", "Coffee crop")]})
    found = check("D111", [], vocabulary=VOCABULARY, codelists_v2=other)
    assert found == [
        (
            "data/dataset.json",
            "/vocabulary/codes/0/en",
            "'daknong:coffee' is 'Coffee' here, 'Coffee crop' in demo",
        )
    ]


def test_d112_declared_codes_pass(check: Check, fig: Fig) -> None:
    record = fig("f1", 3, "daknong:bao", qualifiers=["daknong:coffee"])
    assert check("D112", [record], vocabulary=VOCABULARY) == []


def test_d112_undeclared_code(check: Check, fig: Fig) -> None:
    record = fig("f1", 3, "tip", qualifiers=["daknong:tea"], movements=["antq"])
    found = check("D112", [record], vocabulary=VOCABULARY)
    assert found == [("f1", "/qualifiers/0", "'daknong:tea' is not declared in qualifiers")]


def test_d112_code_declared_in_another_codelist(check: Check, fig: Fig) -> None:
    record = fig("f1", 3, "tip", topics=["daknong:coffee"])
    found = check("D112", [record], vocabulary=VOCABULARY)
    assert found == [
        ("f1", "/topics/0", "'daknong:coffee' is not declared in topics (declared in qualifiers)")
    ]


def test_d112_a_plugins_code_is_declared(check: Check, fig: Fig, plugin_codes: Plugin) -> None:
    record = fig("f1", 3, "tip", qualifiers=["demo:night"])
    assert [p for _, p, _ in check("D112", [record])] == ["/qualifiers/0"]
    codelists_v2 = plugin_codes({"qualifiers": [("demo:night", "Ban đêm", "At night")]})
    assert check("D112", [record], codelists_v2=codelists_v2) == []


def test_d112_finds_codes_nested_in_quantities_and_actors(check: Check, fig: Fig) -> None:
    record = fig(
        "f1",
        quantity={"value": 4, "unit": "item", "classifier": "x:khau", "counted": ["x:gun"]},
        actors=[{"role": "x:helper", "as_written": "nhân dân"}],
    )
    found = check("D112", [record], vocabulary=VOCABULARY)
    assert [pointer for _, pointer, _ in found] == [
        "/quantity/classifier",
        "/quantity/counted/0",
        "/actors/0/role",
    ]


def test_d112_records_outside_a_document_use_any_dataset_of_the_run(check: Check, fig: Fig) -> None:
    record = fig("f1", 3, "tip", qualifiers=["daknong:coffee"])
    assert [p for _, p, _ in check("D112", [record], document=False)] == ["/qualifiers/0"]
