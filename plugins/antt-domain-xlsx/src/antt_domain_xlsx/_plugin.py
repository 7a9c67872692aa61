"""The plugin's hook implementations: the ``xlsx`` exporter and the ``antt xlsx`` command."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import BinaryIO

from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.plugins import CommandSpec, ExporterSpec, hookimpl

__all__ = ["antt_register_commands", "antt_register_exporters", "export_xlsx"]

_LANGS = ("vi", "en")


def export_xlsx(
    dataset: Dataset | model_v2.Dataset, out: BinaryIO, options: Mapping[str, str], /
) -> None:
    """Write ``dataset`` (1.0 or 2.0) as a workbook (option ``lang=vi|en``, default ``vi``)."""
    lang = options.get("lang", "vi").strip().lower()
    if lang not in _LANGS:
        msg = f"option lang={options['lang']!r} is not one of {', '.join(_LANGS)}"
        raise ValueError(msg)
    from antt_domain_xlsx._write import dataset_bytes  # noqa: PLC0415 - openpyxl, when used

    out.write(dataset_bytes(dataset, lang=lang))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``antt xlsx``'s arguments (the command's module loads only when it is asked for)."""
    from antt_domain_xlsx._commands import add_arguments as add  # noqa: PLC0415

    add(parser)


def run(args: argparse.Namespace) -> int:
    """Run ``antt xlsx``."""
    from antt_domain_xlsx._commands import run as run_command  # noqa: PLC0415

    return run_command(args)


@hookimpl
def antt_register_exporters() -> list[ExporterSpec]:
    """Register ``xlsx``."""
    return [
        ExporterSpec(
            name="xlsx",
            title="Excel workbook, one sheet per record type",
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            extension="xlsx",
            binary=True,
            export=export_xlsx,
            options={"lang": "vi (default) or en: the headings' and sheet names' language"},
            description="Headings from the schemas' labels, dropdowns for codes, a metadata "
            "sheet; `antt xlsx import` reads it back. Schema 1.0 and 2.0 datasets.",
            schema_versions=("1", "2"),
        )
    ]


@hookimpl
def antt_register_commands() -> list[CommandSpec]:
    """Register ``antt xlsx template|import``."""
    return [
        CommandSpec(
            name="xlsx",
            help="Excel workbooks: make a template to fill in, import a filled one",
            description="antt xlsx template -o mau-bao-cao.xlsx [--schema-version 2] writes a "
            "workbook to fill in; "
            "antt xlsx import FILE.xlsx -o dataset.json reads it back, validates it and "
            "reports every mistake at its cell (Sheet!C12).",
            add_arguments=add_arguments,
            run=run,
        )
    ]
