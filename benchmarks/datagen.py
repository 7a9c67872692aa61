"""Deterministic generator of realistic antt-domain datasets, for benchmarks.

``generate(size, seed, invalid_share=0.0, *, scale=1)`` returns the dataset JSON (a ``dict``, as
``json.loads`` would give it): provinces split into districts and communes as they were in
2021, with their police, Front committees and Women's and Youth Unions, a joint resolution and
two coordination programmes per district, model types and launched instances, and several years
of activities and outcomes -- mostly dated flows, and also figures for "những năm qua" (unstated),
"đến nay" and dated stocks, intervals spanning two years, breakdowns (``part_of``), qualified
figures ("hơn", "khoảng"), participant-times and work reported without a count.

The same ``(size, seed, invalid_share, scale)`` always gives the same dataset (one seeded
``random.Random``, no clock, no set iteration). ``invalid_share`` (0-1) gives that share of the
figures one defect that the schema accepts but validation should report -- an area, organiser or
agreement id that resolves to nothing, or a unit not in the codelist; their ids are listed in
``extensions["benchmark"]["invalid"]``. ``scale`` multiplies the figures per commune and year
(``scale=10`` is ten times the figures over the same areas).

    python benchmarks/datagen.py --size province --seed 1 -o out.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

#: size -> (provinces, districts per province, communes per district, years)
SIZES: dict[str, tuple[int, int, int, int]] = {
    "tiny": (1, 1, 2, 1),
    "commune": (1, 1, 1, 3),
    "district": (1, 1, 17, 3),
    "province": (1, 27, 20, 3),
    "national": (63, 11, 16, 3),
}
FIRST_YEAR = 2019
FIGURES_PER_COMMUNE_YEAR = 8
DEFECTS = ("dangling_area", "dangling_organiser", "dangling_agreement", "unknown_unit")

# (record type, kind, unit, typical size) of the flows a commune reports.
_FLOWS = (
    ("activity", "mobile_outreach", "session", 40),
    ("activity", "loudspeaker_broadcast", "broadcast", 120),
    ("activity", "legal_training", "session", 6),
    ("activity", "commitment_signing", "household", 600),
    ("activity", "patrol", "session", 50),
    ("outcome", "cases_mediated", "case", 8),
    ("outcome", "tips_provided", "tip", 15),
    ("outcome", "offenders_reformed", "person", 3),
    ("outcome", "funds_mobilised", "vnd", 50_000_000),
    ("outcome", "households_participating", "percent", 90),
)
_MODEL_CATEGORIES = ("self_managed_clan", "lit_rural_roads", "safe_village_women_children")
_ORG_KINDS = (
    ("police", "Công an"),
    ("front_committee", "Uỷ ban MTTQ"),
    ("womens_union", "Hội LHPN"),
    ("youth_union", "Đoàn Thanh niên"),
)


class _Builder:
    def __init__(self, seed: int, scale: int, years: int) -> None:
        self.rng = random.Random(seed)
        self.scale = scale
        self.years = [FIRST_YEAR + i for i in range(years)]
        self.records: list[dict[str, Any]] = []
        self.figures: list[dict[str, Any]] = []
        self.serial = 0

    def next_id(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}-{self.serial}"

    def area(self, area_id: str, name: str, level: str, code: str, parent: str | None) -> None:
        record: dict[str, Any] = {
            "id": area_id,
            "type": "area",
            "name": name,
            "level": level,
            "code": code,
            "code_list": "gso:2021-02-03",
        }
        if parent:
            record["parent"] = parent
        if level != "province":
            record["valid_to"] = "2025-07-01"
        self.records.append(record)

    def organisations(self, area_id: str, level: str, name: str) -> dict[str, str]:
        found = {}
        for kind, prefix in _ORG_KINDS:
            org_id = f"org-{kind}-{area_id}"
            self.records.append(
                {
                    "id": org_id,
                    "type": "organisation",
                    "name": f"{prefix} {name}",
                    "kind": kind,
                    "level": level,
                    "area": area_id,
                }
            )
            found[kind] = org_id
        return found

    def agreements(self, district: str, orgs: dict[str, str]) -> list[str]:
        ids = []
        for kind, partner in (
            ("joint_resolution", "front_committee"),
            ("coordination_programme", "womens_union"),
            ("coordination_programme", "youth_union"),
        ):
            agreement_id = f"agr-{partner}-{district}"
            record: dict[str, Any] = {
                "id": agreement_id,
                "type": "agreement",
                "kind": kind,
                "level": "district",
                "parties": [orgs["police"], orgs[partner]],
            }
            if self.rng.random() < 0.5:
                record["symbol"] = f"{self.rng.randint(1, 99):02d}/CTr-CAH-{partner[:2].upper()}"
            self.records.append(record)
            ids.append(agreement_id)
        return ids

    def models(self, district: str, communes: list[str], police: str, agreement: str) -> None:
        for category in _MODEL_CATEGORIES:
            type_id = f"mt-{category}-{district}"
            self.records.append(
                {
                    "id": type_id,
                    "type": "model_type",
                    "name": category.replace("_", " "),
                    "category": category,
                    "area": district,
                }
            )
            for commune in communes:
                if self.rng.random() < 0.3:
                    self.records.append(
                        {
                            "id": self.next_id("mi"),
                            "type": "model_instance",
                            "model_type": type_id,
                            "area": commune,
                            "organiser": police,
                            "agreements": [agreement],
                            "launched": self.period(),
                        }
                    )

    def period(self) -> dict[str, Any]:
        roll = self.rng.random()
        year = self.rng.choice(self.years)
        if roll < 0.08:
            return {"kind": "unstated", "as_written": "những năm qua"}
        if roll < 0.11:
            end = date(year + 1, 6, 30)
            return {"kind": "interval", "start": f"{year}-07-01", "end": end.isoformat()}
        if roll < 0.5:
            return {"kind": "interval", "start": f"{year}-01-01", "end": f"{year}-12-31"}
        if roll < 0.75:
            month = self.rng.randint(1, 12)
            start = date(year, month, 1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            return {"kind": "interval", "start": start.isoformat(), "end": end.isoformat()}
        quarter = self.rng.randint(1, 4)
        start = date(year, 3 * quarter - 2, 1)
        end = (date(year, 3 * quarter, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return {"kind": "interval", "start": start.isoformat(), "end": end.isoformat()}

    def quantity(self, unit: str, typical: int) -> dict[str, Any]:
        value = max(1, int(self.rng.gauss(typical, typical / 3)))
        if unit == "percent":
            return {"value": round(self.rng.uniform(50, 100), 1), "unit": unit}
        roll = self.rng.random()
        body: dict[str, Any] = {"value": value, "unit": unit}
        if roll < 0.05:
            body["precision"] = "more_than"
        elif roll < 0.08:
            body["precision"] = "about"
        return body

    def figure(self, area: str, orgs: dict[str, str], agreements: list[str]) -> None:
        record_type, kind, unit, typical = self.rng.choice(_FLOWS)
        record: dict[str, Any] = {
            "id": self.next_id("act" if record_type == "activity" else "out"),
            "type": record_type,
            "kind": kind,
            "period": self.period(),
            "quantity": self.quantity(unit, typical),
            "organiser": orgs["police"],
            "partners": [orgs[self.rng.choice(("front_committee", "womens_union"))]],
            "area": area,
            "agreements": [self.rng.choice(agreements)],
        }
        if kind == "legal_training":
            attendance = record["quantity"]["value"] * self.rng.randint(40, 200)
            record["participants"] = {"value": attendance, "unit": "participant_time"}
        if record_type == "activity" and self.rng.random() < 0.03:
            del record["quantity"]
        self.records.append(record)
        self.figures.append(record)
        if kind == "tips_provided" and self.rng.random() < 0.2:
            part = dict(record, id=self.next_id("out"), part_of=record["id"])
            part["quantity"] = {"value": max(1, record["quantity"]["value"] // 2), "unit": "tip"}
            self.records.append(part)
            self.figures.append(part)

    def stock(self, area: str, police: str) -> None:
        year = self.rng.choice(self.years)
        period: dict[str, Any] = {"kind": "as_of", "date": f"{year}-12-31"}
        if self.rng.random() < 0.3:
            period = {"kind": "as_of", "as_written": "đến nay"}
        record = {
            "id": self.next_id("out"),
            "type": "outcome",
            "kind": "models_built",
            "period": period,
            "quantity": {"value": self.rng.randint(3, 20), "unit": "model_type"},
            "organiser": police,
            "area": area,
        }
        self.records.append(record)
        self.figures.append(record)


def _spoil(builder: _Builder, share: float) -> list[str]:
    count = round(len(builder.figures) * share)
    chosen = builder.rng.sample(builder.figures, count) if count else []
    for record in chosen:
        defect = builder.rng.choice(DEFECTS)
        if defect == "dangling_area":
            record["area"] = "area-missing"
        elif defect == "dangling_organiser":
            record["organiser"] = "org-missing"
        elif defect == "dangling_agreement":
            record["agreements"] = ["agr-missing"]
        elif "quantity" in record:
            record["quantity"] = dict(record["quantity"], unit="unknown_unit")
        else:
            record["area"] = "area-missing"
    return sorted(r["id"] for r in chosen)


def generate(size: str, seed: int, invalid_share: float = 0.0, *, scale: int = 1) -> dict[str, Any]:
    """The dataset JSON of ``size`` (a key of :data:`SIZES`) for ``seed``; see the module doc."""
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; known: {', '.join(SIZES)}")
    if not 0.0 <= invalid_share <= 1.0:
        raise ValueError(f"invalid_share must be between 0 and 1, not {invalid_share}")
    if scale < 1:
        raise ValueError(f"scale must be at least 1, not {scale}")
    provinces, districts, communes, years = SIZES[size]
    builder = _Builder(seed, scale, years)
    for p in range(provinces):
        province = f"area-p{p}"
        builder.area(province, f"Tỉnh {p + 1}", "province", f"{p + 1:02d}", None)
        for d in range(districts):
            district = f"area-p{p}-d{d}"
            code = f"{p * districts + d + 1:03d}"
            builder.area(district, f"Huyện {p + 1}.{d + 1}", "district", code, province)
            orgs = builder.organisations(district, "district", f"huyện {p + 1}.{d + 1}")
            agreements = builder.agreements(district, orgs)
            commune_ids = []
            for c in range(communes):
                commune = f"{district}-c{c}"
                serial = (p * districts + d) * communes + c + 1
                builder.area(
                    commune, f"Xã {p + 1}.{d + 1}.{c + 1}", "commune", f"{serial:05d}", district
                )
                commune_ids.append(commune)
                for _ in range(FIGURES_PER_COMMUNE_YEAR * years * scale):
                    builder.figure(commune, orgs, agreements)
                builder.stock(commune, orgs["police"])
            for _ in range(years * scale):
                builder.figure(district, orgs, agreements)
            builder.models(district, commune_ids, orgs["police"], agreements[0])
    invalid = _spoil(builder, invalid_share)
    dataset: dict[str, Any] = {
        "type": "dataset",
        "id": f"bench-{size}-{seed}-x{scale}",
        "schema_version": "1.0",
        "title": f"Dữ liệu thử nghiệm ({size}, seed {seed}, scale {scale})",
        "publisher": {"name": "antt-domain benchmarks"},
        "language": "vi",
        "records": builder.records,
    }
    if invalid_share > 0:
        dataset["extensions"] = {"benchmark": {"invalid": invalid}}
    return dataset


def main(argv: list[str] | None = None) -> int:
    """``python benchmarks/datagen.py --size province --seed 1 -o out.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="district")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--invalid-share", type=float, default=0.0)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    data = generate(args.size, args.seed, args.invalid_share, scale=args.scale)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
