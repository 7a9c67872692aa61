"""The benchmarks run, so they never rot: a tiny dataset, generated and aggregated.

No timing is asserted; only that the generator is deterministic and schema-valid and that the
benchmark prints its table.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Literal

import pytest

from antt_domain.io import loads_dataset

pytestmark = pytest.mark.slow

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@contextlib.contextmanager
def _importable() -> Iterator[None]:
    """benchmarks/ on ``sys.path`` meanwhile: the scripts import each other."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield
    finally:
        sys.path.remove(str(BENCHMARKS))


def _load(name: str) -> ModuleType:
    with _importable():
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module


@pytest.fixture(scope="module")
def datagen() -> ModuleType:
    """benchmarks/datagen.py, imported from its file."""
    return _load("datagen")


def test_the_generator_is_deterministic_and_seeded(datagen: ModuleType) -> None:
    """Same seed, same dataset; another seed, another dataset."""
    assert datagen.generate("tiny", 1) == datagen.generate("tiny", 1)
    assert datagen.generate("tiny", 1) != datagen.generate("tiny", 2)


def test_generated_datasets_match_the_schema(datagen: ModuleType) -> None:
    """The dataset loads through the schema check, with every record kept."""
    data = datagen.generate("tiny", 7, scale=2)
    dataset = loads_dataset(json.dumps(data))
    assert len(dataset) == len(data["records"])


def test_an_invalid_share_spoils_that_share_of_figures_and_lists_them(
    datagen: ModuleType,
) -> None:
    """invalid_share=0.5 lists half the figures as invalid; they still pass the schema."""
    data = datagen.generate("tiny", 3, 0.5)
    figures = [r for r in data["records"] if r["type"] in ("activity", "outcome")]
    invalid = data["extensions"]["benchmark"]["invalid"]
    assert len(invalid) == round(len(figures) * 0.5)
    assert set(invalid) <= {r["id"] for r in figures}
    loads_dataset(json.dumps(data))


def test_the_generator_cli_writes_a_file(datagen: ModuleType, tmp_path: Path) -> None:
    """`datagen.py --size tiny --seed 1 -o out.json` writes what generate() returns."""
    out = tmp_path / "out.json"
    assert datagen.main(["--size", "tiny", "--seed", "1", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == datagen.generate("tiny", 1)


def test_the_benchmark_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    """bench_aggregate.py --size tiny prints a header and one row."""
    bench = _load("bench_aggregate")
    assert bench.main(["--size", "tiny", "--repeat", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("| size | records 1x |")
    assert lines[2].startswith("| tiny | ")
    assert len(lines) == 3


def test_the_validation_benchmark_runs_and_prints_its_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """bench_validate.py at a tiny size: every row and the summary lines are printed."""
    bench = _load("bench_validate")
    with _importable():
        assert bench.main(["--records", "60", "--no-scaling"]) == 0
    out = capsys.readouterr().out
    assert "60 activity records" in out
    for row in (
        "validate() API",
        "antt validate, whole process",
        "--jobs 2",
        "jsonschema",
        "json.loads alone",
    ):
        assert row in out
    assert "one small file, whole process" in out
    assert "2.0: 60 figures from the corpus's" in out
    assert "fast path vs pure path" in out or "one path only" in out


def test_the_2_0_benchmark_inputs_carry_the_defects_asked_for(tmp_path: Path) -> None:
    """The 2.0 JSONL file: one figure in twenty with a defect, each of the five a schema
    finding of its own."""
    bench = _load("bench_validate")
    with _importable():
        inputs = bench.build_inputs_v2(tmp_path, 100, 0.05)
    from antt_domain import validate  # noqa: PLC0415 - beside its one use

    report = validate(inputs["jsonl"], gazetteer=None, schema_version="2")
    schema_codes = sorted({f.code for f in report if f.code.startswith("S")})
    assert schema_codes == ["S001", "S002", "S004", "S005", "S006"]
    assert inputs["figures"] == 100


def test_the_validation_benchmark_inputs_carry_the_defects_asked_for(tmp_path: Path) -> None:
    """One record in twenty has a defect of a varied kind; antt reports each of them."""
    bench = _load("bench_validate")
    with _importable():
        inputs = bench.build_inputs(tmp_path, 100, 0.05, 1)
    from antt_domain import validate  # noqa: PLC0415 - beside its one use

    report = validate(inputs["jsonl"], gazetteer=None)
    assert sorted({f.code for f in report}) == ["S001", "S002", "S005", "S006", "V102"]


def test_the_memory_benchmark_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    """bench_memory.py on a tiny file: one row per mode, with the records written."""
    bench = _load("bench_memory")
    with _importable():
        assert bench.main(["--mb", "0.05", "--all-rules", "--max-findings", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("| JSONL | records |")
    modes = [line.split("|")[3].strip() for line in lines[2:]]
    assert modes == ["--ignore D", "--ignore D --max-findings 3", "every rule"]


@pytest.fixture(scope="module")
def national() -> ModuleType:
    """benchmarks/gen_national.py, imported from its file."""
    return _load("gen_national")


def _national_gazetteer() -> object:
    """The 2025 gazetteer the generator's places come from (None: skip the gazetteer rule)."""
    if importlib.util.find_spec("antt_domain_gazetteer_vn") is None:
        return None
    from antt_domain_gazetteer_vn import national_gazetteer  # noqa: PLC0415 - optional plugin

    return national_gazetteer()


def test_the_national_generator_covers_the_2025_communes(national: ModuleType) -> None:
    """3,321 communes under 34 provinces, whether from the gazetteer plugin or made up."""
    communes = national.communes_2025()
    assert len(communes) == national.COMMUNES_2025 == 3321
    assert len({c.province_code for c in communes}) == national.PROVINCES_2025 == 34
    assert len({c.code for c in communes}) == 3321


@pytest.mark.parametrize(("schema", "major"), [("1.0", "1"), ("2.0", "2")])
def test_national_lines_are_valid_but_for_the_defects_listed(
    national: ModuleType, schema: str, major: Literal["1", "2"], tmp_path: Path
) -> None:
    """validate() finds something on exactly the figures the generator spoiled, of every
    defect kind (the places' names and codes agree with the 2025 gazetteer)."""
    from antt_domain import validate  # noqa: PLC0415 - beside its use

    communes = national.communes_2025()[::600]  # six communes, six provinces
    path = tmp_path / "national.jsonl"
    with path.open("w", encoding="utf-8") as out:
        written = national.write(out, schema, max_records=700, invalid_share=0.3, communes=communes)
    assert written.records == 700
    assert len(path.read_text(encoding="utf-8").splitlines()) == 700
    assert 150 < len(written.invalid) < 270
    report = validate(path, schema_version=major, gazetteer=_national_gazetteer())
    assert {f.record_id for f in report} == set(written.invalid)
    assert {f.code for f in report} == {"S001", "S002", "S006", "D002"}


def test_national_lines_are_deterministic_and_stop_at_the_size_asked(
    national: ModuleType, tmp_path: Path
) -> None:
    """Same arguments, same bytes; ``mb`` stops at the first line past the size."""
    communes = national.communes_2025()[:3]
    texts = []
    for _ in range(2):
        path = tmp_path / "out.jsonl"
        with path.open("w", encoding="utf-8") as out:
            written = national.write(out, "2.0", mb=0.05, communes=communes)
        texts.append(path.read_bytes())
    assert texts[0] == texts[1]
    last = texts[0].splitlines(keepends=True)[-1]
    assert written.bytes == len(texts[0])
    assert written.bytes - len(last) < 50_000 <= written.bytes
    with path.open("w", encoding="utf-8") as out:
        national.write(out, "2.0", mb=0.05, seed=2, communes=communes)
    assert path.read_bytes() != texts[0]


def test_the_national_generator_cli_writes_jsonl(
    national: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`gen_national.py --schema 1.0 --records 80 -o out.jsonl` writes 80 lines and says so."""
    out = tmp_path / "out.jsonl"
    assert national.main(["--schema", "1.0", "--records", "80", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 80
    assert json.loads(lines[0])["type"] == "area"
    assert "80 records" in capsys.readouterr().out


def test_the_all_invalid_benchmark_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    """bench_invalid.py at a tiny size: one row a schema; antt finds every spoiled figure
    and as many problems as the plain jsonschema loop."""
    bench = _load("bench_invalid")
    with _importable():
        assert bench.main(["--records", "120"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| schema | records | invalid |")
    assert [row.split(" | ")[0] for row in rows[1:]] == ["| 1.0", "| 2.0"]
    for row in rows[1:]:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        records, invalid, findings, errors = int(cells[1]), cells[2], cells[5], cells[8]
        assert records == 120
        assert invalid == findings == errors
        assert cells[9].endswith("x")


def test_the_national_benchmark_prints_its_targets(capsys: pytest.CaptureFixture[str]) -> None:
    """bench_national.py at a tiny size: the four runs of one file and a verdict for each of
    the issue's three targets."""
    bench = _load("bench_national")
    with _importable():
        assert bench.main(["--mb", "0.05", "--jobs", "2"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| run | seconds | peak RSS MB |")
    assert [row.split(" | ")[0] for row in rows[1:]] == [
        "| antt validate, every rule, 1 job",
        "| antt validate, every rule, 2 jobs",
        "| antt validate --ignore D, 1 job",
        "| orjson, parse each line and drop it",
    ]
    verdicts = [line for line in out.splitlines() if line.startswith("- ")]
    assert len(verdicts) == 3
    assert all(line.endswith((": met", ": MISSED")) for line in verdicts)
