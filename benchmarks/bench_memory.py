"""Peak memory of ``antt validate`` on JSONL files of growing size (the flat-memory claim).

Writes JSONL files of the sizes asked for (a generated province's organisations, areas and
agreements, then activity records, each with its own id and figure, one in twenty with a
defect) and runs ``antt validate --format json -o FILE`` on
each in a fresh measuring process: wall time and peak RSS. By default the rules across
records are left out (``--ignore D``), which is when memory should stay flat; ``--all-rules``
measures the default run too, which keeps every sound record for those rules. Nothing here
is asserted by a test except that a tiny run prints its table.

    python benchmarks/bench_memory.py --mb 37 --mb 150 --mb 1024
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import ANTT, activity, run_command
from datagen import generate


def write_jsonl(path: Path, megabytes: float, invalid_share: float, seed: int) -> int:
    """Write about ``megabytes`` of JSONL to ``path``: the organisations, areas and agreements
    of a generated province, then activity records (as ``bench_validate.py`` makes them).
    Return how many records were written."""
    data = generate("province", seed)
    context = [r for r in data["records"] if r["type"] not in ("activity", "outcome")]
    pool = [r for r in data["records"] if r["type"] == "activity" and "quantity" in r]
    every = round(1 / invalid_share) if invalid_share else 0
    target = int(megabytes * 1024 * 1024)
    written = count = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in context:
            line = json.dumps(record, ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode())
        while written < target:
            line = json.dumps(activity(pool, count, every), ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode())
            count += 1
    return len(context) + count


def main(argv: list[str] | None = None) -> int:
    """Write each size, validate it, print one table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, action="append", help="file size (repeatable)")
    parser.add_argument("--invalid-share", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--all-rules", action="store_true", help="also run with the D rules")
    parser.add_argument(
        "--max-findings", type=int, help="also run with --max-findings N (findings kept)"
    )
    args = parser.parse_args(argv)
    sizes = args.mb or [37.0, 150.0]

    folder = Path(tempfile.mkdtemp(prefix="antt-bench-memory-"))
    try:
        modes = [("--ignore D", ["--ignore", "D"])]
        if args.max_findings:
            cap = ["--max-findings", str(args.max_findings)]
            modes.append((f"--ignore D {' '.join(cap)}", ["--ignore", "D", *cap]))
        if args.all_rules:
            modes.append(("every rule", []))
        print("| JSONL | records | rules | jobs | seconds | peak RSS |")
        print("|---:|---:|---|---:|---:|---:|")
        for megabytes in sizes:
            path = folder / f"records-{megabytes:g}mb.jsonl"
            records = write_jsonl(path, megabytes, args.invalid_share, args.seed)
            size = path.stat().st_size / 1024 / 1024
            for label, extra in modes:
                report = str(folder / "report.json")
                command = [ANTT, "validate", "--format", "json", "-j", str(args.jobs), *extra]
                seconds, code, rss = run_command([*command, "-o", report, str(path)])
                if code not in (0, 1):
                    print(f"antt validate exited {code} on {path.name}", file=sys.stderr)
                    return 1
                print(
                    f"| {size:,.0f} MB | {records:,} | {label} | {args.jobs} | "
                    f"{seconds:.1f} | {rss} MB |"
                )
            path.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
