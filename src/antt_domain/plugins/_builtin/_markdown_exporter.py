"""The ``markdown`` exporter: the dataset as headed tables, one per record type, to read.

Only the columns that hold a value in at least one record of the type are shown. Labels
are the schemas' titles in ``lang`` (``vi`` or ``en``; default: the dataset's language when it
is one of them, else ``vi``). Every text is written with
:func:`antt_domain.text_safety.markdown_inline`: line breaks become ``<br>``; ``\\``, ``|``,
a backtick, ``[`` and ``]`` are escaped with ``\\`` and ``&``, ``<``, ``>`` written as entities, so
no HTML, link or extra cell comes from the data; other control characters are written as their
code point (``\\u001b``). The description, a paragraph of its own, cannot start a heading, list
or quote either.

A Schema 2.0 dataset gives one section per 2.0 table that has rows (:mod:`._tables_v2`:
``figures`` with ``quantity.value``, ``quantity.unit`` and ``quantity.as_written`` side by side,
then ``figure_actors``, ``figure_links``, ...), and a last section listing the codes used with
their labels (the ``vocabulary`` table).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, BinaryIO

import attrs

from antt_domain.model import Dataset
from antt_domain.model import v2 as model_v2
from antt_domain.plugins._builtin import _tables_v2
from antt_domain.plugins._builtin._options import choice
from antt_domain.plugins._builtin._tables import Column, columns, documents, record_types, text
from antt_domain.plugins._markers import hookimpl
from antt_domain.plugins._specs import ExporterSpec
from antt_domain.text_safety import markdown_block, markdown_inline

__all__ = ["antt_register_exporters", "export_markdown", "render_markdown"]

_WORDS = {
    "vi": {
        "records": "bản ghi",
        "none": "_Không có bản ghi._",
        "publisher": "Đơn vị công bố",
        "id": "Mã",
        "language": "Ngôn ngữ",
        "version": "Phiên bản lược đồ",
        "vocabulary": "Mã đã dùng",
    },
    "en": {
        "records": "records",
        "none": "_No records._",
        "publisher": "Publisher",
        "id": "Id",
        "language": "Language",
        "version": "Schema version",
        "vocabulary": "Codes used",
    },
}


def cell(value: str) -> str:
    """``value`` safe inside a Markdown table cell (or a heading, or a list item)."""
    return markdown_inline(value)


def _table(record_type: str, docs: list[dict[str, Any]], lang: str) -> list[str]:
    used = [c for c in columns(record_type) if any(c.value(d) is not None for d in docs)]
    lines = [
        "| " + " | ".join(cell(c.label(lang)) for c in used) + " |",
        "|" + "---|" * len(used),
    ]
    lines += ["| " + " | ".join(cell(text(c, c.value(d))) for c in used) + " |" for d in docs]
    return lines


def _table_v2(cols: tuple[Column, ...], docs: list[dict[str, Any]], lang: str) -> list[str]:
    used = [c for c in cols if any(c.value(d) is not None for d in docs)]
    lines = [
        "| " + " | ".join(cell(c.label(lang)) for c in used) + " |",
        "|" + "---|" * len(used),
    ]
    lines += [
        "| " + " | ".join(cell(_tables_v2.text(c, c.value(d))) for c in used) + " |" for d in docs
    ]
    return lines


def _sections_v2(dataset: model_v2.Dataset, lang: str) -> list[str]:
    words = _WORDS[lang]
    found = _tables_v2.rows(dataset)
    lines: list[str] = []
    for table in _tables_v2.tables():
        docs = found[table.name]
        if docs:
            lines += ["", f"## {cell(table.label(lang))} ({len(docs)})", ""]
            lines += _table_v2(table.columns, docs, lang)
    codes = [attrs.asdict(r) for r in _tables_v2.vocabulary(dataset, found)]
    if codes:
        lines += ["", f"## {words['vocabulary']} ({len(codes)})", ""]
        lines += _table_v2(_tables_v2.VOCABULARY_COLUMNS, codes, lang)
    return lines


def render_markdown(dataset: Dataset | model_v2.Dataset, lang: str) -> str:
    """The Markdown text of ``dataset`` (1.x or 2.0)."""
    words = _WORDS[lang]
    lines = [f"# {cell(dataset.title)}", ""]
    lines.append(f"- {words['id']}: `{dataset.id}`")
    lines.append(f"- {words['publisher']}: {cell(dataset.publisher.name)}")
    if dataset.language:
        lines.append(f"- {words['language']}: {dataset.language}")
    lines.append(f"- {words['version']}: {dataset.schema_version}")
    if dataset.description:
        lines += ["", markdown_block(dataset.description)]
    if not dataset.records:
        lines += ["", words["none"]]
    if isinstance(dataset, model_v2.Dataset):
        return "\n".join(lines + _sections_v2(dataset, lang)) + "\n"
    for kind in record_types():
        docs = documents(dataset, kind.type)
        if docs:
            lines += ["", f"## {kind.label(lang)} ({len(docs)} {words['records']})", ""]
            lines += _table(kind.type, docs, lang)
    return "\n".join(lines) + "\n"


def export_markdown(
    dataset: Dataset | model_v2.Dataset, out: BinaryIO, options: Mapping[str, str], /
) -> None:
    """Write the Markdown text, UTF-8."""
    default = dataset.language if dataset.language in ("vi", "en") else "vi"
    lang = choice(options, "lang", ("vi", "en"), default or "vi")
    out.write(render_markdown(dataset, lang).encode("utf-8"))


@hookimpl
def antt_register_exporters() -> list[ExporterSpec]:
    """Register ``markdown``."""
    return [
        ExporterSpec(
            name="markdown",
            title="Markdown tables, one per record type",
            media_type="text/markdown",
            extension="md",
            binary=False,
            export=export_markdown,
            options={"lang": "vi or en: the labels' language (default: the dataset's)"},
            schema_versions=("1", "2"),
        )
    ]
