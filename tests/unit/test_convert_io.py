"""JSON in and out: strict reading, schema first, lossless round trips, atomic writing."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest

import antt_domain
from antt_domain.convert import ConversionError, structure_dataset, structure_record, unstructure
from antt_domain.errors import AnttError
from antt_domain.io import (
    JSONReadError,
    SchemaViolationError,
    decode_text,
    dump,
    dumps,
    load_dataset,
    load_record,
    loads_dataset,
    loads_record,
    parse_json,
    read_json,
    write_atomic,
)
from antt_domain.model import Activity, Interval, Quantity, Unstated


def test_example_round_trips_to_identical_json(
    example_json: dict[str, Any], example_path: Path
) -> None:
    """JSON → model → JSON gives back the same document, key for key."""
    dataset = load_dataset(example_path)
    assert json.loads(dumps(dataset)) == example_json
    assert structure_dataset(unstructure(dataset)) == dataset


def test_canonical_form_leaves_out_defaults() -> None:
    """An explicit default ('precision': 'exact') is dropped; a dataset keeps its version."""
    record = structure_record(
        {
            "id": "a",
            "type": "activity",
            "kind": "legal_training",
            "period": {"kind": "unstated"},
            "quantity": {"value": 35, "unit": "session", "precision": "exact"},
        }
    )
    assert unstructure(record) == {
        "id": "a",
        "type": "activity",
        "kind": "legal_training",
        "period": {"kind": "unstated"},
        "quantity": {"value": 35, "unit": "session"},
    }


def test_numbers_keep_their_json_type() -> None:
    """1838 stays an int, 72.6 a float; 1.838 is never read as 1838 nor the reverse."""
    record = structure_record(
        {
            "id": "a",
            "type": "outcome",
            "kind": "other",
            "period": {"kind": "unstated"},
            "quantity": {"value": 72.6, "unit": "percent"},
        }
    )
    assert record.quantity == Quantity(value=72.6, unit="percent")  # type: ignore[union-attr]
    assert isinstance(unstructure(Quantity(value=1838, unit="session"))["value"], int)


@pytest.mark.parametrize(
    ("value", "pointer", "words"),
    [
        (
            {"period": {"kind": "interval", "start": "2021-02-01", "end": "2021-01-01"}},
            "/period/end",
            "before",
        ),
        (
            {"period": {"kind": "interval", "start": "2021-02-30", "end": "2021-03-01"}},
            "/period/start",
            "",
        ),
        ({"period": {"kind": "sometime"}}, "/period", "sometime"),
        ({"period": {"kind": "unstated"}, "colour": "red"}, "/colour", "unknown property"),
        ({"period": {"kind": "unstated"}, "partners": "org"}, "/partners", "not a list"),
        (
            {"period": {"kind": "unstated"}, "quantity": {"value": "12", "unit": "x"}},
            "/quantity/value",
            "not a number",
        ),
        (
            {"period": {"kind": "unstated"}, "quantity": {"value": True, "unit": "x"}},
            "/quantity/value",
            "not a number",
        ),
    ],
)
def test_structuring_errors_say_where(value: dict[str, Any], pointer: str, words: str) -> None:
    """Every structuring failure is a ConversionError with a JSON pointer, never a half object."""
    document = {"id": "a", "type": "activity", "kind": "other", **value}
    with pytest.raises(ConversionError) as caught:
        structure_record(document)
    assert isinstance(caught.value, AnttError)
    assert pointer in [p.pointer for p in caught.value.problems]
    assert words in str(caught.value)


def test_unknown_record_type_is_a_conversion_error() -> None:
    """The type chooses the class; an unknown one is refused."""
    with pytest.raises(ConversionError, match="unknown tag"):
        structure_record({"id": "a", "type": "meeting"})
    with pytest.raises(ConversionError):
        structure_record(["not", "a", "record"])
    with pytest.raises(ConversionError):
        structure_dataset({"type": "record"})


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"a": 1,}', "syntax"),
        (b'{"a": 1, "a": 2}', "duplicate-key"),
        (b'{"a": NaN}', "number"),
        (b'{"a": Infinity}', "number"),
        (b'{"a": 1e400}', "number"),
        (b"\xff\xfe{\x00}\x00", "encoding"),
        ('{"a": "Cẩm Thuỷ"}'.encode("utf-16-le"), "encoding"),
        (b'{"a": "C\xe1m"}', "encoding"),
        (b"[" * 100 + b"]" * 100, "depth"),
        (b"[" * 100_000 + b"]" * 100_000, "depth"),
    ],
)
def test_bad_json_is_refused_with_a_reason_code(data: bytes, code: str) -> None:
    """Malformed, ambiguous or hostile JSON is a JSONReadError with a stable code."""
    with pytest.raises(JSONReadError) as caught:
        parse_json(decode_text(data))
    assert caught.value.code == code


def test_syntax_errors_carry_line_and_column() -> None:
    """The position of a syntax error is reported."""
    with pytest.raises(JSONReadError) as caught:
        parse_json('{\n  "a": 1,\n  "b": oops\n}')
    assert (caught.value.line, caught.value.column) == (3, 8)


def test_utf8_bom_is_accepted() -> None:
    """Excel and Notepad write a BOM; it is accepted and dropped."""
    assert parse_json(decode_text(codecs.BOM_UTF8 + '{"tên": "Cẩm"}'.encode())) == {"tên": "Cẩm"}


def test_read_json_limits_size_and_reports_unreadable_files(tmp_path: Path) -> None:
    """A file over the limit is refused before it is read; a missing one is 'unreadable'."""
    big = tmp_path / "big.json"
    big.write_text("[" + "1," * 100 + "1]", encoding="utf-8")
    with pytest.raises(JSONReadError) as caught:
        read_json(big, max_bytes=50)
    assert caught.value.code == "size"
    with pytest.raises(JSONReadError) as caught:
        read_json(tmp_path / "missing.json")
    assert caught.value.code == "unreadable"


def test_loading_checks_the_schema_before_structuring(tmp_path: Path) -> None:
    """A document that breaks the schema raises with every violation; no object is built."""
    with pytest.raises(SchemaViolationError) as caught:
        loads_record('{"id": "a", "type": "activity", "kind": "X", "period": {}}')
    pointers = {v.pointer for v in caught.value.violations}
    assert {"/kind", "/period"} <= pointers
    with pytest.raises(SchemaViolationError):
        loads_dataset(b'{"type": "dataset"}')
    path = tmp_path / "record.json"
    path.write_text(
        '{"id": "a", "type": "activity", "kind": "patrol", "period": {"kind": "unstated"}}',
        encoding="utf-8",
    )
    assert load_record(path) == Activity(id="a", kind="patrol", period=Unstated())


def test_dump_writes_canonical_utf8_json_atomically(tmp_path: Path) -> None:
    """Vietnamese text is written as characters, not escapes; the file ends with a newline."""
    record = Activity(
        id="a",
        kind="legal_training",
        period=Interval.year(2021, as_written="năm 2021"),
        description="Tập huấn",
    )
    target = tmp_path / "a.json"
    dump(record, target)
    text = target.read_text(encoding="utf-8")
    assert "năm 2021" in text
    assert text.endswith("}\n")
    assert loads_record(text) == record
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_write_atomic_leaves_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure part-way leaves the previous content and no temporary file."""
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", boom)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b"new content")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_top_level_api_exposes_what_all_says() -> None:
    """Every name in antt_domain.__all__ resolves, and nothing else is promised."""
    for name in antt_domain.__all__:
        assert getattr(antt_domain, name) is not None
    with pytest.raises(AttributeError):
        _ = antt_domain.no_such_name  # type: ignore[attr-defined]


def test_top_level_names_are_listed_once_and_read_lazily() -> None:
    """The TYPE_CHECKING imports of antt_domain/__init__.py are the one list: ``__all__``,
    ``dir()`` and ``import *`` agree with them, and importing the package imports none."""
    import ast  # noqa: PLC0415 - only this test reads the source
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    tree = ast.parse(Path(antt_domain.__file__).read_text(encoding="utf-8"))
    (block,) = [n for n in tree.body if isinstance(n, ast.If)]
    written = {
        a.asname or a.name for s in block.body if isinstance(s, ast.ImportFrom) for a in s.names
    }
    assert set(antt_domain.__all__) == written | {"__version__"}
    assert dir(antt_domain) == sorted(antt_domain.__all__)
    star: dict[str, object] = {}
    exec("from antt_domain import *", star)  # noqa: S102 - a fixed statement, the point of the test
    assert set(star) - {"__builtins__"} == set(antt_domain.__all__)
    probe = "import antt_domain, sys; print(sorted(m for m in sys.modules if 'antt' in m))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['antt_domain', 'antt_domain._version']"


def test_a_2_0_document_is_told_it_is_not_read_here_yet() -> None:
    """Loading a 2.0 dataset (the corpus examples) says so in one line, instead of listing
    every way it does not match the 1.0 schema."""
    from pathlib import Path  # noqa: PLC0415

    from antt_domain.io import SchemaViolationError, load_dataset  # noqa: PLC0415

    root = Path(__file__).resolve().parents[2]
    path = next((root / "examples" / "corpus").glob("R12-*/dataset.json"))
    with pytest.raises(SchemaViolationError) as caught:
        load_dataset(path)
    (violation,) = caught.value.violations
    assert violation.pointer == "/schema_version"
    assert "Schema 2.0 document" in violation.message


def test_either_major_version_loads_by_its_schema_version(tmp_path: Path) -> None:
    """``load_any_dataset`` reads a 1.x document as the 1.0 model and a 2.x one as the 2.0
    model; ``dumps`` writes either back canonically."""
    from antt_domain.io import (  # noqa: PLC0415
        SchemaViolationError,
        load_any_dataset,
        load_dataset_v2,
        loads_any_dataset,
        major_version,
    )
    from antt_domain.model import Dataset, v2  # noqa: PLC0415

    root = Path(__file__).resolve().parents[2]
    v2_path = next((root / "examples" / "corpus").glob("R12-*/dataset.json"))
    v1_path = root / "examples" / "cam-thuy-2021" / "dataset.json"
    assert isinstance(load_any_dataset(v1_path), Dataset)
    loaded = load_any_dataset(v2_path)
    assert isinstance(loaded, v2.Dataset)
    assert json.loads(dumps(loaded)) == json.loads(v2_path.read_text(encoding="utf-8"))
    assert load_dataset_v2(v2_path) == loaded
    assert major_version({"schema_version": "2.0"}) == "2"
    assert major_version({"schema_version": "1.0"}) == major_version([]) == "1"
    broken = json.loads(v2_path.read_text(encoding="utf-8"))
    broken["records"][0]["outlet"] = 5
    with pytest.raises(SchemaViolationError) as caught:
        loads_any_dataset(json.dumps(broken))
    assert caught.value.schema == "2.0 dataset"
    assert any(v.pointer == "/records/0/outlet" for v in caught.value.violations)
