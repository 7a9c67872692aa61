"""Regenerate ``src/antt_domain_gazetteer_vn/data/units.json.gz`` from the source package.

The data come from the ``vietnamadminunits`` wheel (MIT, Tran Ngoc Minh Hieu), read straight
out of the wheel file, so its heavy dependencies (shapely, geopy) are never installed::

    pip download --no-deps -d /tmp/vau vietnamadminunits==1.0.4
    python scripts/refresh.py /tmp/vau/vietnamadminunits-1.0.4-py3-none-any.whl

The output is deterministic: the same wheel gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sqlite3
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "src/antt_domain_gazetteer_vn/data/units.json.gz"
REFORM = "2025-07-01"
PROVINCE_BASIS = "Nghị quyết 202/2025/QH15"
_KINDS = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Tỉnh", "Huyện", "Quận", "Phường", "Xã")


def _split(full: str) -> tuple[str, str]:
    """``"Thị trấn Phong Sơn"`` -> ``("Thị trấn", "Phong Sơn")``."""
    for kind in _KINDS:  # the source writes "Thành Phố Bắc Kạn" once: compare case-blind
        if full.casefold().startswith(kind.casefold() + " "):
            return kind, full[len(kind) + 1 :]
    raise SystemExit(f"no kind word in {full!r}")


def _read_wheel(wheel: Path) -> tuple[str, dict[str, Any], Path]:
    version = re.match(r"vietnamadminunits-([^-]+)-", wheel.name)
    if version is None:
        raise SystemExit(f"not a vietnamadminunits wheel: {wheel}")
    with zipfile.ZipFile(wheel) as archive:
        converter = json.loads(archive.read("vietnamadminunits/data/converter_2025.json"))
        database = Path(tempfile.mkdtemp()) / "dataset.db"
        database.write_bytes(archive.read("vietnamadminunits/data/dataset.db"))
    return version.group(1), converter, database


def _add_districts(pairs: dict[tuple[str, str], bool], district_of: dict[str, str]) -> None:
    """Add each district's successors to ``pairs``."""
    # A district's successors: those of its communes; whole only when there is one successor
    # and every commune went into it whole.
    by_district: dict[str, dict[str, bool]] = defaultdict(dict)
    for (old, new), whole in pairs.items():
        if old in district_of:
            shares = by_district[district_of[old]]
            shares[new] = shares.get(new, True) and whole
    for district, shares in by_district.items():
        single = len(shares) == 1
        for new, whole in shares.items():
            pairs[(district, new)] = single and whole


def build(wheel: Path) -> dict[str, Any]:
    """The data file's content, from the wheel."""
    version, converter, database = _read_wheel(wheel)
    connection = sqlite3.connect(database)
    legacy = connection.execute(
        "select province, provinceCode, provinceKey, district, districtCode, districtKey,"
        " ward, wardCode, wardKey from admin_units_legacy"
    ).fetchall()
    current = connection.execute(
        "select province, provinceCode, provinceKey, ward, wardCode, wardKey from admin_units"
    ).fetchall()
    connection.close()

    before: dict[str, list[Any]] = {}
    old_key_code: dict[str, str] = {}
    old_province_code: dict[str, str] = {}
    district_of: dict[str, str] = {}
    for province, p_code, p_key, district, d_code, d_key, ward, w_code, w_key in legacy:
        before.setdefault(p_code, [p_code, *_split(province), None])
        before.setdefault(d_code, [d_code, *_split(district), p_code])
        old_province_code[p_key] = p_code
        key = f"{p_key}_{d_key}_{w_key or ''}"
        if ward is None:  # an island district without communes: it maps as a whole
            old_key_code[key] = d_code
            continue
        before[w_code] = [w_code, *_split(ward), d_code]
        old_key_code[key] = w_code
        district_of[w_code] = d_code

    after: dict[str, list[Any]] = {}
    new_key_code: dict[tuple[str, str], str] = {}
    new_province_code: dict[str, str] = {}
    for province, p_code, p_key, ward, w_code, w_key in current:
        after.setdefault(p_code, [p_code, *_split(province), None])
        after[w_code] = [w_code, *_split(ward), p_code]
        new_key_code[(p_key, w_key)] = w_code
        new_province_code[p_key] = p_code

    # (former code, successor code) -> whole
    pairs: dict[tuple[str, str], bool] = {}
    for new_p, olds in converter["DICT_PROVINCE"].items():
        for old_p in olds:
            pairs[(old_province_code[old_p], new_province_code[new_p])] = True
    for new_p, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, olds in wards.items():
            for old in olds:
                pairs[(old_key_code[old], new_key_code[(new_p, new_w)])] = True
    for new_p, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            for part in parts:
                pairs[(old_key_code[old], new_key_code[(new_p, part["newWardKey"])])] = False
    _add_districts(pairs, district_of)

    def rows(units: dict[str, list[Any]]) -> list[list[Any]]:
        return sorted(units.values(), key=lambda row: (len(row[0]), row[0]))

    return {
        "metadata": {
            "source": "vietnamadminunits (https://github.com/tranngocminhhieu/vietnamadminunits)",
            "source_version": version,
            "licence": "MIT; Copyright (c) 2025 Tran Ngoc Minh Hieu",
            "before_as_of": "2025-06-30",
            "after_as_of": REFORM,
            "province_legal_basis": PROVINCE_BASIS,
            "row": ["code", "kind", "name", "parent_code"],
            "succession_row": ["former_code", "successor_code", "whole (1) or part (0)"],
        },
        "before": rows(before),
        "after": rows(after),
        "successions": [
            [old, new, int(whole)]
            for (old, new), whole in sorted(pairs.items(), key=lambda item: item[0])
        ],
    }


def main(argv: list[str] | None = None) -> int:
    """Write the data file and print its counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="the vietnamadminunits wheel file")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = build(args.wheel)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.output.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(  # noqa: T201 - a command-line script reports what it wrote
        f"{args.output}: {len(data['before'])} units before, {len(data['after'])} after, "
        f"{len(data['successions'])} successions, {args.output.stat().st_size} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
