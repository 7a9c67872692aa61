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


def test_plugin_codes_reach_the_rules_of_a_whole_run(tmp_path: Any, monkeypatch: Any) -> None:
    """``codelists_v2`` given to :func:`validate` reaches every rule, in this process and in
    the worker processes: a plugin's kind is declared (no D112), and its usual unit is
    checked (V103); without it the kind is undeclared and its unit is not checked."""
    import json  # noqa: PLC0415

    from antt_domain.model import Code  # noqa: PLC0415
    from antt_domain.schemas import codelists  # noqa: PLC0415
    from antt_domain.validation import _workers as _engine  # noqa: PLC0415
    from antt_domain.validation import validate  # noqa: PLC0415

    monkeypatch.setattr(_engine, "PARALLEL_BYTES", 0)  # small files, yet the workers check them
    monkeypatch.setattr(_engine, "SMALL_BYTES", 0)

    lists = dict(codelists("2"))
    boats = Code(
        code="org.th:boats_inspected", vi="Thuyền", en="Boats", extra={"units": ["vehicle"]}
    )
    lists["figure_kinds"] = lists["figure_kinds"].extended((boats,), by="th")
    for name in ("a", "b"):  # two files: with jobs=2 each goes to a worker
        document = {
            "type": "dataset",
            "id": f"ds-{name}",
            "schema_version": "2.0",
            "title": "Test",
            "publisher": {"name": "Test"},
            "records": [
                {
                    "type": "figure",
                    "id": f"fig-{name}",
                    "kind": "org.th:boats_inspected",
                    "quantity": {"value": 3, "unit": "person"},
                    "period": {"kind": "interval", "start": "2023-01-01", "end": "2023-12-31"},
                }
            ],
        }
        (tmp_path / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")
    for jobs in (1, 2):
        with_plugin = validate(tmp_path, codelists_v2=lists, jobs=jobs, select=("V103", "D112"))
        assert sorted(f.code for f in with_plugin.findings) == ["V103", "V103"], jobs
        without = validate(tmp_path, jobs=jobs, select=("V103", "D112"))
        assert sorted(f.code for f in without.findings) == ["D112", "D112"], jobs
