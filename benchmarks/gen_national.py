"""National-size JSONL streamed to disk: every commune of the 2025 gazetteer, each quarter.

The places are the 34 provinces and 3,321 communes in force from 2025-07-01 (the
``antt-domain-gazetteer-vn`` plugin's list; without the plugin, as many made-up communes under
34 made-up provinces). Each commune has its police; each reports ``FIGURES_PER_QUARTER``
figures a quarter from the third quarter of 2025 on -- sessions, patrols, cases, tips, persons,
đồng -- as 1.0 activities and outcomes or as 2.0 figures. A province's and a commune's records
are written just before the commune's first figure, so a file of any size refers only to
records it holds.

Lines are written one at a time until the file reaches ``--mb`` megabytes or ``--records``
records: memory stays flat whatever the size. The same arguments always give the same bytes
(one seeded ``random.Random``, no clock). ``--invalid-share`` (0-1) gives that share of the
figures one defect, of the kinds ``--defects`` names: ``schema`` (a negative value, an
unknown member, no period: the schema refuses them), ``reference`` (an area or an organisation
that is not in the file: only the rules across records see them) or ``mixed`` (both).

    python benchmarks/gen_national.py --schema 2.0 --mb 100 -o national-2.0.jsonl
    python benchmarks/gen_national.py --schema 1.0 --records 500000 --invalid-share 0.05 -o x.jsonl
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple, TextIO

COMMUNES_2025 = 3321
PROVINCES_2025 = 34
FIGURES_PER_QUARTER = 50
FIRST_QUARTER = (2025, 3)
SCHEMAS = ("1.0", "2.0")
SCHEMA_DEFECTS = ("negative", "unknown-property", "no-period")
REFERENCE_DEFECTS = ("dangling-area", "dangling-organisation")
DEFECTS = {
    "schema": SCHEMA_DEFECTS,
    "reference": REFERENCE_DEFECTS,
    "mixed": SCHEMA_DEFECTS + REFERENCE_DEFECTS,
}

# (1.0 record type, 1.0 kind, 1.0 unit, 2.0 kind, 2.0 unit, typical size)
_FLOWS = (
    ("activity", "mobile_outreach", "session", "outreach_sessions", "session", 12),
    ("activity", "patrol", "session", "outreach_sessions", "session", 20),
    ("activity", "legal_training", "session", "outreach_sessions", "session", 3),
    ("outcome", "cases_mediated", "case", "cases_mediated", "case", 3),
    ("outcome", "tips_provided", "tip", "tips_provided", "tip", 6),
    ("outcome", "offenders_reformed", "person", "persons_arrested", "person", 2),
    ("outcome", "funds_mobilised", "vnd", "assets_recovered", "vnd", 20_000_000),
)


class Commune(NamedTuple):
    """A commune of the 2025 list: its code and name, and its province's."""

    code: str
    name: str
    province_code: str
    province_name: str


class Written(NamedTuple):
    """What :func:`write` wrote."""

    records: int
    figures: int
    invalid: tuple[str, ...]
    bytes: int


def communes_2025() -> list[Commune]:
    """The 3,321 communes in force from 2025-07-01, ordered by code; made up without the
    gazetteer plugin (same count, 34 provinces)."""
    if importlib.util.find_spec("antt_domain_gazetteer_vn") is None:
        return [
            Commune(
                f"{90000 + i:05d}",
                f"Xã {i + 1}",
                f"{i % PROVINCES_2025 + 1:02d}",
                f"Tỉnh {i % PROVINCES_2025 + 1}",
            )
            for i in range(COMMUNES_2025)
        ]
    from antt_domain_gazetteer_vn import AFTER_VERSION, national_gazetteer  # noqa: PLC0415

    units = [u for u in national_gazetteer().units if u.version == AFTER_VERSION]
    provinces = {u.code: u.name for u in units if u.level == "province"}
    return sorted(
        Commune(u.code, u.name, u.parent_code or "", provinces.get(u.parent_code or "", ""))
        for u in units
        if u.level == "commune"
    )


def _quarters() -> Iterator[tuple[str, str]]:
    year, quarter = FIRST_QUARTER
    while True:
        start = date(year, 3 * quarter - 2, 1)
        end = (date(year, 3 * quarter, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        yield start.isoformat(), end.isoformat()
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def _places(commune: Commune, schema: str, *, new_province: bool) -> list[dict[str, Any]]:
    province = {"id": f"area-{commune.province_code}", "type": "area", "name": ""}
    province.update(name=commune.province_name, level="province", code=commune.province_code)
    area = {"id": f"area-{commune.code}", "type": "area", "name": commune.name}
    area.update(level="commune", code=commune.code, parent=province["id"])
    police = {"id": f"org-ca-{commune.code}", "type": "organisation", "kind": "police"}
    police.update(name=f"Công an {commune.name}", level="commune", area=area["id"])
    for record in (province, area):
        record["code_list"] = "vn-2025-07-01"
        if schema == "1.0":
            record["valid_from"] = "2025-07-01"
    return [province, area, police] if new_province else [area, police]


def _figure(  # noqa: PLR0917 - private, called once, in the order the loop knows them
    rng: random.Random,
    schema: str,
    number: int,
    commune: Commune,
    quarter: tuple[str, str],
    used: set[tuple[str, int]],
) -> dict[str, Any]:
    """A figure; ``used`` holds the (kind, value) pairs of this commune and quarter, so that no
    two are the same figure told twice (D005)."""
    kind_1, kind_1_name, unit_1, kind_2, unit_2, typical = rng.choice(_FLOWS)
    kind = kind_1_name if schema == "1.0" else kind_2
    value = max(1, int(rng.gauss(typical, typical / 3)))
    while (kind, value) in used:
        value += 1
    used.add((kind, value))
    period = {"kind": "interval", "start": quarter[0], "end": quarter[1]}
    if schema == "1.0":
        return {
            "id": f"{'act' if kind_1 == 'activity' else 'out'}-{number}",
            "type": kind_1,
            "kind": kind_1_name,
            "period": period,
            "quantity": {"value": value, "unit": unit_1},
            "organiser": f"org-ca-{commune.code}",
            "area": f"area-{commune.code}",
        }
    return {
        "id": f"fig-{number}",
        "type": "figure",
        "kind": kind_2,
        "quantity": {"value": value, "unit": unit_2},
        "period": period,
        "area": f"area-{commune.code}",
        "actors": [{"role": "performer", "organisation": f"org-ca-{commune.code}"}],
    }


def _spoil(record: dict[str, Any], defect: str) -> None:
    if defect == "negative":
        record["quantity"]["value"] = -record["quantity"]["value"]
    elif defect == "unknown-property":
        record["soures"] = []
    elif defect == "no-period":
        del record["period"]
    elif defect == "dangling-area":
        record["area"] = "area-missing"
    elif "organiser" in record:  # dangling-organisation, 1.0
        record["organiser"] = "org-missing"
    else:  # dangling-organisation, 2.0
        record["actors"][0]["organisation"] = "org-missing"


def records(
    schema: str,
    *,
    seed: int = 1,
    invalid_share: float = 0.05,
    defects: str = "mixed",
    communes: list[Commune] | None = None,
    invalid: list[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Every record, endlessly (quarter after quarter); the ids of spoiled figures are appended
    to ``invalid`` when it is given."""
    if schema not in SCHEMAS:
        raise ValueError(f"schema must be one of {', '.join(SCHEMAS)}, not {schema!r}")
    if not 0.0 <= invalid_share <= 1.0:
        raise ValueError(f"invalid_share must be between 0 and 1, not {invalid_share}")
    if defects not in DEFECTS:
        raise ValueError(f"defects must be one of {', '.join(DEFECTS)}, not {defects!r}")
    rng = random.Random(seed)
    places = communes if communes is not None else communes_2025()
    provinces: set[str] = set()
    number = 0
    for index, quarter in enumerate(_quarters()):
        for commune in places:
            if index == 0:
                yield from _places(
                    commune, schema, new_province=commune.province_code not in provinces
                )
                provinces.add(commune.province_code)
            used: set[tuple[str, int]] = set()
            for _ in range(FIGURES_PER_QUARTER):
                number += 1
                record = _figure(rng, schema, number, commune, quarter, used)
                if invalid_share and rng.random() < invalid_share:
                    _spoil(record, rng.choice(DEFECTS[defects]))
                    if invalid is not None:
                        invalid.append(record["id"])
                yield record


def write(
    out: TextIO,
    schema: str,
    *,
    mb: float | None = None,
    max_records: int | None = None,
    seed: int = 1,
    invalid_share: float = 0.05,
    defects: str = "mixed",
    communes: list[Commune] | None = None,
) -> Written:
    """Write JSONL lines to ``out`` until ``mb`` megabytes or ``max_records`` records."""
    if mb is None and max_records is None:
        raise ValueError("give a size: mb or max_records")
    limit = int(mb * 1_000_000) if mb is not None else None
    invalid: list[str] = []
    count = figures = size = 0
    stream = records(
        schema,
        seed=seed,
        invalid_share=invalid_share,
        defects=defects,
        communes=communes,
        invalid=invalid,
    )
    for record in stream:
        if (limit is not None and size >= limit) or count == max_records:
            if invalid and invalid[-1] == record["id"]:  # spoiled, but not written
                invalid.pop()
            break
        line = json.dumps(record, ensure_ascii=False) + "\n"
        out.write(line)
        size += len(line.encode())
        count += 1
        figures += record["type"] in ("activity", "outcome", "figure")
    return Written(count, figures, tuple(invalid), size)


def main(argv: list[str] | None = None) -> int:
    """``python benchmarks/gen_national.py --schema 2.0 --mb 100 -o out.jsonl``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", choices=SCHEMAS, default="2.0")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--mb", type=float, help="stop at this many megabytes")
    size.add_argument("--records", type=int, help="stop at this many records")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--invalid-share", type=float, default=0.05)
    parser.add_argument("--defects", choices=sorted(DEFECTS), default="mixed")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the JSONL file")
    args = parser.parse_args(argv)
    with args.output.open("w", encoding="utf-8") as out:
        written = write(
            out,
            args.schema,
            mb=args.mb,
            max_records=args.records,
            seed=args.seed,
            invalid_share=args.invalid_share,
            defects=args.defects,
        )
    print(
        f"{args.output}: {written.records:,} records ({written.figures:,} figures, "
        f"{len(written.invalid):,} with a defect), {written.bytes / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
