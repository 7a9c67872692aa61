"""Validation speed: antt-domain next to the tools people would pick instead, in one run.

Every tool gets the same records and the same schemas, generated deterministically by
``datagen.py``: activity records (with the organisations, areas and agreements they refer to)
of which ``--invalid-share`` carry a defect of a varied kind. Printed: records per second and
ratios against the baselines, peak memory of the command-line runs, the cost of one small file
(as pre-commit runs it), ``--jobs 2`` against one job, how the time grows at 10x (or
100x) the records, and a 2.0 JSONL file (figures made from the corpus's) on the jsonschema-rs
fast path against the pure ``jsonschema`` path. Nothing here is asserted as a time by a test;
``tests/unit/test_benchmarks_smoke.py`` runs a tiny size so the script never rots.

    python benchmarks/bench_validate.py                    # 20,000 records, and 10x
    python benchmarks/bench_validate.py --records 100000 --no-scaling
    python benchmarks/bench_validate.py --records 5000 --scale 10 --scale 100
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datagen import generate

BIN = Path(sys.executable).parent
ANTT = str(BIN / "antt")
CHECK_JSONSCHEMA = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which(
    "check-jsonschema"
)
MUTATIONS = ("bad-code", "negative", "no-period", "unknown-property", "fraction")


# -- inputs ------------------------------------------------------------------------------------


def _mutate(record: dict[str, Any], how: str) -> dict[str, Any]:
    record = json.loads(json.dumps(record))
    if how == "bad-code":
        record["kind"] = record["kind"].upper()
    elif how == "negative" and "quantity" in record:
        record["quantity"]["value"] = -record["quantity"]["value"] - 1
    elif how == "no-period":
        record.pop("period", None)
    elif how == "unknown-property":
        record["parnters"] = record.get("partners", [])
    elif how == "fraction" and "quantity" in record:
        record["quantity"]["value"] = 1.838
    return record


def activity(pool: list[dict[str, Any]], i: int, every: int) -> dict[str, Any]:
    """The ``i``-th benchmark activity: a copy of a generated one with its own id and figure,
    and a defect of a varied kind when ``i`` is a multiple of ``every``."""
    base = pool[i % len(pool)]
    record = {**base, "id": f"{base['id']}-{i}"}
    if "quantity" in record:  # unique figures: copies are not "counted twice" (D005)
        record["quantity"] = {**record["quantity"], "value": record["quantity"]["value"] + i}
        if "participants" in record:  # ... and keep participants at or above sessions (V104)
            extra = record["quantity"]["value"]
            record["participants"] = {
                **record["participants"],
                "value": record["participants"]["value"] + extra,
            }
    if every and i % every == every - 1:
        record = _mutate(record, MUTATIONS[(i // every) % len(MUTATIONS)])
    return record


def build_inputs(folder: Path, records: int, invalid_share: float, seed: int) -> dict[str, Any]:
    """Write the benchmark's files into ``folder`` and return what was written."""
    data = generate("province", seed)
    context = [r for r in data["records"] if r["type"] not in ("activity", "outcome")]
    pool = [r for r in data["records"] if r["type"] == "activity" and "quantity" in r]
    every = round(1 / invalid_share) if invalid_share else 0
    activities = [activity(pool, i, every) for i in range(records)]
    jsonl = folder / "records.jsonl"
    with jsonl.open("w", encoding="utf-8") as handle:
        for record in [*context, *activities]:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in activities]
    array = folder / "activities.json"
    array.write_text(json.dumps(activities, ensure_ascii=False), encoding="utf-8")
    small = folder / "small.json"
    small.write_text(json.dumps(activities[0], ensure_ascii=False), encoding="utf-8")
    return {
        "jsonl": jsonl,
        "array": array,
        "small": small,
        "lines": lines,
        "context": len(context),
        "activities": len(activities),
    }


#: Defects of 2.0 figures, in turn: an unknown member, a mistyped unit, no period, a negative
#: value, a period of an unknown kind.
MUTATIONS_V2 = ("unknown-property", "unit", "no-period", "negative", "period-kind")


def _mutate_v2(record: dict[str, Any], how: str) -> dict[str, Any]:
    record = json.loads(json.dumps(record))
    quantity = record.get("quantity")
    if how == "unknown-property":
        record["soures"] = record.get("sources", [])
    elif how == "unit" and quantity:
        quantity["unit"] = "Người"
    elif how == "no-period":
        record.pop("period", None)
    elif how == "negative" and quantity and quantity.get("value") is not None:
        quantity["value"] = -quantity["value"] - 1
    elif how == "period-kind":
        record["period"] = {"kind": "sometime"}
    return record


def build_inputs_v2(folder: Path, records: int, invalid_share: float) -> dict[str, Any]:
    """A 2.0 JSONL file: the corpus's records, then ``records`` figures copied from its
    figures with their own ids and values (one in ``1 / invalid_share`` with a defect)."""
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    context = [
        record
        for path in sorted(corpus.glob("R*/dataset.json"))
        for record in json.loads(path.read_text(encoding="utf-8"))["records"]
    ]
    pool = [r for r in context if r["type"] == "figure" and r.get("quantity", {}).get("value")]
    every = round(1 / invalid_share) if invalid_share else 0
    figures = []
    for i in range(records):
        base = pool[i % len(pool)]
        figure = {**base, "id": f"{base['id']}-{i}"}
        figure.pop("links", None)  # links would join copies to copies of other figures
        figure["quantity"] = {**base["quantity"], "value": base["quantity"]["value"] + i}
        figure["quantity"].pop("as_written", None)
        if every and i % every == every - 1:
            figure = _mutate_v2(figure, MUTATIONS_V2[(i // every) % len(MUTATIONS_V2)])
        figures.append(figure)
    jsonl = folder / "records-2.0.jsonl"
    with jsonl.open("w", encoding="utf-8") as handle:
        for record in [*context, *figures]:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return {"jsonl": jsonl, "context": len(context), "figures": len(figures)}


def schema_2_0(folder: Path, records: int, invalid_share: float, repeat: int) -> None:
    """Print validate() on a 2.0 JSONL file, fast path against the pure path."""
    import attrs  # noqa: PLC0415 - after sys.path

    from antt_domain import validate  # noqa: PLC0415
    from antt_domain.schemas import fast_check, validator_for  # noqa: PLC0415
    from antt_domain.validation import _versions  # noqa: PLC0415 - to switch the path off

    inputs = build_inputs_v2(folder, records, invalid_share)
    n = inputs["figures"]
    print(f"\n2.0: {n} figures from the corpus's ({invalid_share:.0%} with a defect) and its")
    print(f"{inputs['context']} records, one JSONL file, validate(schema_version='2')")
    if fast_check("figure", "2") is None:
        print("(jsonschema-rs is not installed: one path only)")
        return
    fast_profile = _versions._V2  # the 2.0 profile, switched to the pure path and back
    pure_profile = attrs.evolve(
        fast_profile,
        fast=lambda _name: None,
        explainer=lambda name: validator_for(name, "2"),
    )
    timings = {}
    for label, chosen in (("fast", fast_profile), ("pure", pure_profile)):
        _versions._V2 = chosen
        try:
            timings[label] = best_of(
                repeat,
                lambda: validate(inputs["jsonl"], schema_version="2"),
            )
        finally:
            _versions._V2 = fast_profile
    for label, what in (("fast", "jsonschema-rs, then jsonschema"), ("pure", "jsonschema only")):
        seconds = timings[label]
        print(f"  {what:<32} {seconds:6.2f} s {n / seconds:>10,.0f} records/s")
    print(f"  fast path vs pure path: {timings['pure'] / timings['fast']:.2f}x")


def bundled_schema(name: str) -> dict[str, Any]:
    """Schema ``name`` with every $ref inlined: check-jsonschema would fetch them otherwise."""
    from antt_domain.schemas import load_schema, registry  # noqa: PLC0415 - after sys.path

    schema = load_schema(name)
    resolver = registry().resolver(base_uri=schema["$id"])

    def inline(node: Any, res: Any) -> Any:
        if isinstance(node, list):
            return [inline(n, res) for n in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            found = res.lookup(node["$ref"])
            target = inline(found.contents, found.resolver)
            rest = {k: inline(v, res) for k, v in node.items() if k != "$ref"}
            return {"allOf": [target, rest]} if rest else target
        return {k: inline(v, res) for k, v in node.items() if k not in ("$id", "$defs")}

    return inline(schema, resolver)


# -- measuring ---------------------------------------------------------------------------------


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The best wall time of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def run_command(args: list[str]) -> tuple[float, int, int]:
    """(seconds, exit code, peak RSS in MB) of a command run in a fresh measuring process."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "d = time.perf_counter() - t\n"
        "print(d, p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True
    )
    seconds, code, rss_kb = result.stdout.split()
    return float(seconds), int(code), int(rss_kb) // 1024


def baselines(inputs: dict[str, Any], repeat: int) -> Iterator[tuple[str, str, float]]:
    """(name, what, seconds) for the in-process baselines, on the activity records."""
    import jsonschema  # noqa: PLC0415 - measured tools load only here

    from antt_domain.schemas import validator_for  # noqa: PLC0415

    lines: list[bytes] = inputs["lines"]
    reference = validator_for("activity")
    yield (
        "jsonschema",
        "json.loads + iter_errors, per record",
        best_of(repeat, lambda: [list(reference.iter_errors(json.loads(b))) for b in lines]),
    )
    _ = jsonschema
    if importlib.util.find_spec("pydantic"):
        from pydantic_activity import Activity  # noqa: PLC0415 - optional baseline

        def pydantic_loop() -> None:
            for b in lines:
                with contextlib.suppress(ValueError):
                    Activity.model_validate_json(b)

        yield ("pydantic v2", "model_validate_json, per record", best_of(repeat, pydantic_loop))
    if importlib.util.find_spec("jsonschema_rs") and importlib.util.find_spec("orjson"):
        import orjson  # noqa: PLC0415

        from antt_domain.schemas import fast_check  # noqa: PLC0415

        is_valid = fast_check("activity")
        if is_valid is None:
            return
        parsed = [orjson.loads(b) for b in lines]
        yield (
            "jsonschema-rs",
            "is_valid on parsed records (the near limit)",
            best_of(repeat, lambda: [is_valid(v) for v in parsed]),
        )
        yield (
            "orjson",
            "loads alone (the floor)",
            best_of(repeat, lambda: [orjson.loads(b) for b in lines]),
        )
    yield ("json", "json.loads alone", best_of(repeat, lambda: [json.loads(b) for b in lines]))


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 - a script that reads top to bottom
    """Run the benchmark and print one table per section."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--invalid-share", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling runs")
    parser.add_argument(
        "--scale",
        type=int,
        action="append",
        dest="scales",
        help="also validate this many times the records, to show how cost grows (default 10)",
    )
    args = parser.parse_args(argv)

    from antt_domain import __version__, validate  # noqa: PLC0415 - after sys.path

    folder = Path(tempfile.mkdtemp(prefix="antt-bench-"))
    try:
        inputs = build_inputs(folder, args.records, args.invalid_share, args.seed)
        n = inputs["activities"]
        machine = f"{platform.machine()}, {os.cpu_count()} cores"
        print(f"antt-domain {__version__}, Python {platform.python_version()}, {machine}")
        share = f"{args.invalid_share:.0%} with a defect"
        print(f"{n} activity records ({share}) and {inputs['context']} records they refer to\n")

        rows: list[tuple[str, str, float, int | None]] = []
        api = best_of(args.repeat, lambda: validate(inputs["jsonl"]))
        rows.append(("antt-domain", "validate() API: all stages, located findings", api, None))
        cli, code, rss = run_command([ANTT, "validate", "--format", "json", str(inputs["jsonl"])])
        rows.append(("antt-domain", f"antt validate, whole process (exit {code})", cli, rss))
        cli2, _, rss2 = run_command(
            [ANTT, "validate", "-j", "2", "--format", "json", str(inputs["jsonl"])]
        )
        rows.append(("antt-domain", "antt validate --jobs 2, whole process", cli2, rss2))
        no_d = [ANTT, "validate", "--ignore", "D", "--format", "json", str(inputs["jsonl"])]
        cli_nd, _, rss_nd = run_command(no_d)
        rows.append(("antt-domain", "antt validate --ignore D, whole process", cli_nd, rss_nd))
        cli2_nd, _, rss2_nd = run_command([*no_d[:2], "-j", "2", *no_d[2:]])
        rows.append(("antt-domain", "antt validate --ignore D --jobs 2", cli2_nd, rss2_nd))
        rows += [(a, b, c, None) for a, b, c in baselines(inputs, args.repeat)]
        check = None
        if CHECK_JSONSCHEMA:
            schema = folder / "array.schema.json"
            schema.write_text(
                json.dumps({"type": "array", "items": bundled_schema("activity")}), encoding="utf-8"
            )
            check, ccode, crss = run_command(
                [CHECK_JSONSCHEMA, "--schemafile", str(schema), str(inputs["array"])]
            )
            rows.append(("check-jsonschema", f"CLI, whole process (exit {ccode})", check, crss))
        by_name = {(r[0], r[1].split(",")[0]): r[2] for r in rows}
        pydantic = next((r[2] for r in rows if r[0] == "pydantic v2"), None)
        floor = next((r[2] for r in rows if r[0] == "orjson"), None)

        heads = ("seconds", "records/s", "vs check-js", "vs pydantic", "vs floor", "peak MB")
        widths = (8, 10, 11, 11, 9, 8)
        print(
            f"{'tool':<17} {'what':<52} "
            + " ".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))
        )
        for name, what, seconds, mem in rows:
            rate = n / seconds
            ratios = [
                f"{check / seconds:.2f}x" if check else "-",
                f"{pydantic / seconds:.2f}x" if pydantic else "-",
                f"{floor / seconds:.2f}x" if floor else "-",
            ]
            cells = (f"{seconds:.2f}", f"{rate:,.0f}", *ratios, "" if mem is None else str(mem))
            print(
                f"{name:<17} {what:<52} "
                + " ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True))
            )

        small = [run_command([ANTT, "validate", str(inputs["small"])])[0] for _ in range(5)]
        print(
            f"\none small file, whole process (median of 5): antt {statistics.median(small):.3f} s",
            end="",
        )
        if CHECK_JSONSCHEMA:
            schema = folder / "activity.schema.json"
            schema.write_text(json.dumps(bundled_schema("activity")), encoding="utf-8")
            theirs = [
                run_command([CHECK_JSONSCHEMA, "--schemafile", str(schema), str(inputs["small"])])[
                    0
                ]
                for _ in range(5)
            ]
            ratio = statistics.median(small) / statistics.median(theirs)
            print(f", check-jsonschema {statistics.median(theirs):.3f} s, ratio {ratio:.2f}")
        else:
            print(" (check-jsonschema not installed)")
        print(f"--jobs 2 vs one job, whole process: {cli / cli2:.2f}x", end="")
        print(f" (without the rules across records: {cli_nd / cli2_nd:.2f}x)")

        schema_2_0(folder, args.records, args.invalid_share, args.repeat)

        for scale in [] if args.no_scaling else (args.scales or [10]):
            big = folder / f"x{scale}"
            big.mkdir()
            scaled = build_inputs(big, args.records * scale, args.invalid_share, args.seed)
            seconds = best_of(1, lambda: validate(scaled["jsonl"]))  # noqa: B023 - run at once
            print(
                f"{scale}x the records, validate() with dataset rules: "
                f"{seconds / api:.2f}x the time"
            )
            shutil.rmtree(big, ignore_errors=True)
        _ = by_name
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
