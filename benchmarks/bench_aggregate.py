"""How aggregation time grows with the data: it should be linear.

For each size, the dataset of ``datagen.generate(size, seed)`` and the one with ten times the
figures over the same areas (``scale=10``) are aggregated (by district and year, with the Markdown
and JSON renderers left out so the table measures aggregation alone); the best of ``--repeat``
runs is kept. The last column is time at 10x ÷ time at 1x: about 10 means linear.

    python benchmarks/bench_aggregate.py --size district --size province
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datagen import SIZES, generate

from antt_domain.aggregate import aggregate
from antt_domain.convert import structure_dataset
from antt_domain.model import Dataset

BY = ("district", "year")


def _best(dataset: Dataset, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        aggregate(dataset, by=BY)
        best = min(best, time.perf_counter() - start)
    return best


def measure(size: str, seed: int, repeat: int) -> tuple[int, float, int, float]:
    """Records and seconds at 1x and at 10x for ``size``."""
    small = structure_dataset(generate(size, seed))
    large = structure_dataset(generate(size, seed, scale=10))
    return len(small), _best(small, repeat), len(large), _best(large, repeat)


def table(sizes: Sequence[str], seed: int, repeat: int) -> str:
    """The benchmark table, one row per size."""
    lines = [
        "| size | records 1x | s | records/s | records 10x | s | records/s | time 10x ÷ 1x |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        n1, t1, n10, t10 = measure(size, seed, repeat)
        lines.append(
            f"| {size} | {n1} | {t1:.4f} | {n1 / t1:,.0f} | {n10} | {t10:.4f} | "
            f"{n10 / t10:,.0f} | {t10 / t1:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the table for the sizes asked (default: commune, district, province)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", choices=sorted(SIZES), dest="sizes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(table(args.sizes or ["commune", "district", "province"], args.seed, args.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
