"""How long the national gazetteer (plugin antt-domain-gazetteer-vn) takes to load, and how
much memory it keeps; each measurement in a fresh process, so imports are not shared.

    python benchmarks/bench_gazetteer.py [--runs 5]

Targets (issue #16): loading at most 0.2 s and 50 MB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

_CHILD = """
import json, sys, time, tracemalloc
from datetime import date
import antt_domain.vi
from antt_domain_gazetteer_vn import NationalGazetteer
if sys.argv[1] == "memory":  # tracemalloc slows allocation: times are taken without it
    tracemalloc.start()
g = NationalGazetteer()
start = time.perf_counter()
g.lookup("395", date(2021, 6, 1))
load = time.perf_counter() - start
start = time.perf_counter()
g.find("TT. Phong Sơn")
find = time.perf_counter() - start
start = time.perf_counter()
for _ in range(1000):
    g.lookup("15127", date(2025, 8, 1))
lookup = (time.perf_counter() - start) / 1000
current, peak = tracemalloc.get_traced_memory()
print(json.dumps({"load": load, "first_find": find, "lookup": lookup,
                  "kept_mb": current / 1e6, "peak_mb": peak / 1e6}))
"""


def measure(mode: str) -> dict[str, float]:
    """One fresh-process measurement (``mode`` ``"time"`` or ``"memory"``)."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, mode], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main(argv: list[str] | None = None) -> int:
    """Print the median time of ``--runs`` measurements and the memory of one more."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    times = [measure("time") for _ in range(args.runs)]
    memory = measure("memory")
    print("measure            median")
    for key, unit, scale in (
        ("load", "s", 1),
        ("first_find", "s", 1),
        ("lookup", "µs", 1e6),
        ("kept_mb", "MB", 1),
        ("peak_mb", "MB", 1),
    ):
        if unit == "MB":
            value = memory[key]
        else:
            value = statistics.median(run[key] for run in times) * scale
        print(f"{key:<18} {value:8.3f} {unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
