"""``antt show``: what a dataset holds, for a person to read."""

from __future__ import annotations

import argparse
from collections import Counter
from decimal import Decimal
from typing import Any

from antt_domain.cli._common import default_lang, err, out, safe_text
from antt_domain.cli._load import load_one
from antt_domain.cli._plugins import manager_for, warn_load_errors
from antt_domain.cli._show_v2 import render_v2
from antt_domain.model import (
    Activity,
    Agreement,
    AsOf,
    Dataset,
    Interval,
    ModelInstance,
    ModelType,
    Outcome,
    Period,
    Quantity,
    Recurring,
    Unstated,
)
from antt_domain.schemas import codelist
from antt_domain.vi import format_number

__all__ = ["add_parser", "describe_period", "describe_quantity", "render"]


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``show``."""
    parser = commands.add_parser(
        "show",
        help="print what a dataset holds",
        description="Print a dataset's metadata, its records by type and every figure.",
    )
    parser.add_argument("path", metavar="PATH", help="a dataset JSON file")
    parser.add_argument("--lang", choices=("vi", "en"), default=None)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load (which checks the document against its version's schema) and print."""
    dataset = load_one(args.path)
    lang = args.lang or default_lang()
    if isinstance(dataset, Dataset):
        out().write(render(dataset, lang))
        return 0
    # A 2.0 dataset may use codes that plugins declare: label them as the plugins do.
    manager = manager_for(args)
    warn_load_errors(manager, err())
    out().write(render_v2(dataset, lang, manager.codelists_v2()))
    return 0


_WORDS = {
    "en": {
        "records": "Records",
        "figures": "Figures",
        "agreements": "Agreements",
        "models": "Model types",
        "instances": "Model instances",
        "number_unknown": "number not given",
        "unstated": "period not stated",
        "as_of": "as of",
        "every": "every",
        "no_count": "no count given",
        "with": "with",
        "in": "in",
    },
    "vi": {
        "records": "Bản ghi",
        "figures": "Số liệu",
        "agreements": "Văn bản phối hợp",
        "models": "Loại mô hình",
        "instances": "Mô hình đã ra mắt",
        "number_unknown": "không rõ số, ký hiệu",
        "unstated": "không nêu thời gian",
        "as_of": "tính đến",
        "every": "định kỳ",
        "no_count": "không nêu số lượng",
        "with": "phối hợp với",
        "in": "tại",
    },
}


def describe_period(period: Period, lang: str) -> str:
    """A period in words, keeping the source's own words when it gave them."""
    words = _WORDS[lang]
    said = f" ({period.as_written!r})" if period.as_written else ""
    if isinstance(period, Interval):
        return f"{period.start.isoformat()} - {period.end.isoformat()}{said}"
    if isinstance(period, AsOf):
        when = period.date.isoformat() if period.date else ""
        return f"{words['as_of']} {when}{said}".replace("  ", " ").strip()
    if isinstance(period, Recurring):
        label = codelist("frequencies").label(period.frequency.value, lang)
        return f"{words['every']}: {label}{said}"
    assert isinstance(period, Unstated)  # noqa: S101 - the four kinds are exhaustive
    return f"{words['unstated']}{said}"


def _number(value: float, lang: str) -> str:
    exact = value if isinstance(value, int) else Decimal(repr(value))
    return format_number(exact, lang="vi" if lang == "vi" else "en")


def describe_quantity(quantity: Quantity, lang: str) -> str:
    """``1.838 buổi`` / ``1,838 session``, with a qualifier when the figure was not exact."""
    unit = codelist("units").label(quantity.unit, lang)
    value = _number(quantity.value, lang)
    text = f"{value} {unit}"
    if quantity.upper is not None:
        text = f"{value}-{_number(quantity.upper, lang)} {unit}"
    if quantity.denominator is not None:
        text = f"{value}/{_number(quantity.denominator, lang)} {unit}"
    if not quantity.is_exact and quantity.upper is None:
        text = f"{codelist('precisions').label(quantity.precision.value, lang).lower()} {text}"
    return text


def render(dataset: Dataset, lang: str) -> str:
    """The text ``antt show`` prints."""
    words = _WORDS[lang]
    index = dataset.index()

    def name(record_id: str | None) -> str:
        record = index.get(record_id) if record_id else None
        return getattr(record, "name", None) or record_id or "?"

    lines = [
        dataset.title,
        f"{dataset.publisher.name} · {dataset.id} · schema {dataset.schema_version}",
        "",
    ]
    types = Counter(type(r).TYPE for r in dataset)
    record_types = codelist("record_types")
    lines.append(f"{words['records']} ({len(dataset)}):")
    lines += [f"  {record_types.label(t, lang)}: {n}" for t, n in sorted(types.items())]
    lines += ["", f"{words['figures']}:"]
    for record in dataset:
        if not isinstance(record, (Activity, Outcome)):
            continue
        kinds = codelist("activity_kinds" if isinstance(record, Activity) else "outcome_kinds")
        amount = describe_quantity(record.quantity, lang) if record.quantity else words["no_count"]
        if isinstance(record, Activity) and record.participants is not None:
            amount += f" + {describe_quantity(record.participants, lang)}"
        who = name(record.organiser)
        if record.partners:
            who += f" {words['with']} " + ", ".join(name(p) for p in record.partners)
        lines.append(f"  [{record.id}] {kinds.label(record.kind, lang)}: {amount}")
        where = f"{words['in']} {name(record.area)}"
        lines.append(f"      {describe_period(record.period, lang)} · {who} · {where}")
    agreements = dataset.of_type(Agreement)
    if agreements:
        kinds = codelist("agreement_kinds")
        lines += ["", f"{words['agreements']}:"]
        for agreement in agreements:
            symbol = agreement.symbol or words["number_unknown"]
            parties = ", ".join(name(p) for p in agreement.parties)
            label = kinds.label(agreement.kind.value, lang)
            lines.append(f"  [{agreement.id}] {label} ({symbol}): {parties}")
    model_types = dataset.of_type(ModelType)
    if model_types:
        lines += ["", f"{words['models']}:"]
        lines += [f"  [{m.id}] {m.name}" for m in model_types]
    instances = dataset.of_type(ModelInstance)
    if instances:
        lines += ["", f"{words['instances']}:"]
        lines += [
            f"  [{m.id}] {name(m.model_type)} · {words['in']} {name(m.area)}" for m in instances
        ]
    return safe_text("\n".join(lines)) + "\n"
