"""Every figure invalid: antt-domain's validate() next to a plain jsonschema iter_errors loop.

The worst case for a validator that takes a fast path on valid records: here every figure
carries a schema defect (a negative value, an unknown member or no period, in turn), so antt
must explain each one. The input is a national JSONL file from ``gen_national.py`` (the
places and police are valid; the figures are not), in 1.0 and in 2.0. The baseline is what
one would write by hand: for each line, ``json.loads``, pick the record type's validator,
``list(validator.iter_errors(record))``. Printed: seconds, records per second and the
baseline's time over antt's (above 1: antt is faster), with the findings and errors counted.
Nothing here is asserted as a time; ``tests/unit/test_benchmarks_smoke.py`` runs a tiny size.

    python benchmarks/bench_invalid.py                     # 20,000 records, 1.0 and 2.0
    python benchmarks/bench_invalid.py --records 100000 --schema 2.0 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import best_of
from gen_national import SCHEMAS, write


def jsonschema_loop(path: Path, version: str) -> int:
    """The hand-written baseline: the number of schema errors in the file."""
    from antt_domain.schemas import validator_for  # noqa: PLC0415 - after sys.path

    validators: dict[str, Any] = {}
    errors = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            name = record["type"]
            if name not in validators:
                validators[name] = validator_for(name.replace("_", "-"), version)
            errors += len(list(validators[name].iter_errors(record)))
    return errors


def measure(folder: Path, schema: str, records: int, seed: int, repeat: int) -> dict[str, Any]:
    """Write the file for ``schema`` and time both ways over it."""
    from antt_domain import validate  # noqa: PLC0415 - after sys.path

    path = folder / f"invalid-{schema}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        written = write(
            out, schema, max_records=records, seed=seed, invalid_share=1.0, defects="schema"
        )
    version = schema.split(".", maxsplit=1)[0]
    found: dict[str, int] = {}

    def antt() -> None:
        found["findings"] = len(validate(path, schema_version=version, gazetteer=None).findings)

    def loop() -> None:
        found["errors"] = jsonschema_loop(path, version)

    return {
        "schema": schema,
        "records": written.records,
        "invalid": len(written.invalid),
        "antt": best_of(repeat, antt),
        "loop": best_of(repeat, loop),
        **found,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--schema", choices=SCHEMAS, action="append", dest="schemas")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)

    from antt_domain import __version__  # noqa: PLC0415 - after sys.path

    machine = f"{platform.machine()}, {os.cpu_count()} cores"
    print(f"antt-domain {__version__}, Python {platform.python_version()}, {machine}\n")
    print(
        "| schema | records | invalid | antt validate() s | records/s | findings "
        "| jsonschema loop s | records/s | errors | loop ÷ antt |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    folder = Path(tempfile.mkdtemp(prefix="antt-bench-invalid-"))
    try:
        for schema in args.schemas or list(SCHEMAS):
            row = measure(folder, schema, args.records, args.seed, args.repeat)
            n = row["records"]
            print(
                f"| {schema} | {n} | {row['invalid']} | {row['antt']:.2f} "
                f"| {n / row['antt']:,.0f} | {row['findings']} | {row['loop']:.2f} "
                f"| {n / row['loop']:,.0f} | {row['errors']} | {row['loop'] / row['antt']:.2f}x |"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
