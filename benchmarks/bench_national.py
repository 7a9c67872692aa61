"""Issue #18's targets, measured side by side in one run: national JSONL of the sizes asked,
validated with every rule, in a fresh measuring process each time.

For each size, ``gen_national.py`` writes the file (3,321 communes of the 2025 gazetteer,
quarter after quarter; ``--invalid-share`` of the figures spoiled, 0 for the valid-path
target), then this script runs, on the same file:

- ``antt validate`` with every rule, one job: seconds and peak RSS (target: <= 150 MB at
  1 GB and at 5 GB);
- the same with ``--jobs N`` (target with 2: >= 1.7x one job);
- ``--ignore D`` (no rule across records), one job: what the rules across records cost;
- the floor: a process that reads the lines and parses each with orjson, dropping it
  (target: antt with every rule, one job, at least 0.1x of the floor's speed).

Printed: one table a size, the ratios, and each target as met or missed. Nothing here is
asserted as a time; ``tests/unit/test_benchmarks_smoke.py`` runs a tiny size.

    python benchmarks/bench_national.py --mb 1000 --mb 5000 --schema 1.0 --invalid-share 0
    python benchmarks/bench_national.py --mb 150 --jobs 2
    python benchmarks/bench_national.py --mb 5000 --runs every-rule,jobs   # fewer runs
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import ANTT, run_command
from gen_national import write

#: Peak RSS the issue allows with every rule, in MB.
RSS_TARGET = 150
#: ``--jobs 2`` over one job, with every rule.
JOBS_TARGET = 1.7
#: antt's speed over the orjson floor's (time of the floor / time of antt).
FLOOR_TARGET = 0.1

_FLOOR = (
    "import sys, orjson\n"
    "loads = orjson.loads\n"
    "with open(sys.argv[1], 'rb') as f:\n"
    "    for line in f:\n"
    "        loads(line)\n"
)


def _validate(path: Path, report: Path, jobs: int, *extra: str) -> tuple[float, int]:
    """(seconds, peak RSS MB) of ``antt validate`` with every rule (or ``extra``'s)."""
    command = [ANTT, "validate", "--format", "json", "-j", str(jobs), *extra]
    seconds, code, rss = run_command([*command, "-o", str(report), str(path)])
    if code not in (0, 1):
        msg = f"antt validate exited {code} on {path.name}"
        raise SystemExit(msg)
    return seconds, rss


def _row(label: str, seconds: float, rss: int, speed: float) -> str:
    return f"| {label} | {seconds:.1f} | {rss} | {speed:.2f}x |"


def _target(what: str, value: str, target: str, *, met: bool) -> str:
    return f"- {what}: {value} (target {target}): {'met' if met else 'MISSED'}"


#: The runs this script can make, by name (``--runs``).
RUNS = ("every-rule", "jobs", "no-d", "floor")


def measure(path: Path, jobs: int, folder: Path, runs: tuple[str, ...] = RUNS) -> list[str]:
    """The rows for one file, and the targets' verdicts after them (the targets of the runs
    made; every rule on one job is always run: the others are measured against it)."""
    report = folder / "report.json"
    one, one_rss = _validate(path, report, 1)
    rows = [_row("antt validate, every rule, 1 job", one, one_rss, 1.0)]
    verdicts = [
        _target(
            "peak RSS, every rule, 1 job",
            f"{one_rss} MB",
            f"<= {RSS_TARGET} MB",
            met=one_rss <= RSS_TARGET,
        )
    ]
    if "jobs" in runs and jobs > 1:
        many, many_rss = _validate(path, report, jobs)
        rows.append(_row(f"antt validate, every rule, {jobs} jobs", many, many_rss, one / many))
        what = f"every rule, {jobs} jobs against 1 (peak RSS {many_rss} MB)"
        speedup = one / many
        verdicts.append(
            _target(what, f"{speedup:.2f}x", f">= {JOBS_TARGET}x", met=speedup >= JOBS_TARGET)
        )
    if "no-d" in runs:
        lean, lean_rss = _validate(path, report, 1, "--ignore", "D")
        rows.append(_row("antt validate --ignore D, 1 job", lean, lean_rss, one / lean))
    if "floor" in runs:
        floor, _, floor_rss = run_command([sys.executable, "-c", _FLOOR, str(path)])
        rows.append(_row("orjson, parse each line and drop it", floor, floor_rss, one / floor))
        verdicts.append(
            _target(
                "every rule, 1 job, against the orjson floor",
                f"{floor / one:.3f}x",
                f">= {FLOOR_TARGET}x",
                met=floor / one >= FLOOR_TARGET,
            )
        )
    return [*rows, "", *verdicts]


def main(argv: list[str] | None = None) -> int:
    """Write each size, measure it, print its table and verdicts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, action="append", help="file size (repeatable)")
    parser.add_argument("--schema", choices=("1.0", "2.0"), default="1.0")
    parser.add_argument("--invalid-share", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="the jobs row (default 2)")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    parser.add_argument(
        "--runs",
        default=",".join(RUNS),
        help=f"which runs, comma-separated, of {', '.join(RUNS)} (every-rule always runs)",
    )
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="antt-bench-national-"))
    try:
        for megabytes in args.mb or [150.0]:
            where = args.keep or folder
            share = f"{args.invalid_share:g}".replace(".", "_")
            path = where / f"national-{args.schema}-{megabytes:g}mb-{share}.jsonl"
            if not path.exists():
                with path.open("w", encoding="utf-8") as out:
                    write(
                        out,
                        args.schema,
                        mb=megabytes,
                        seed=args.seed,
                        invalid_share=args.invalid_share,
                    )
            with path.open("rb") as handle:
                lines = sum(1 for _ in handle)
            size = path.stat().st_size / 1_000_000
            print(
                f"\n### {size:,.1f} MB of {args.schema} JSONL, {lines:,} records, "
                f"{args.invalid_share:.0%} spoiled\n"
            )
            print("| run | seconds | peak RSS MB | speed vs every rule, 1 job |")
            print("|---|---:|---:|---:|")
            for row in measure(path, args.jobs, folder, tuple(args.runs.split(","))):
                print(row)
            if args.keep is None:
                path.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
