"""Vietnamese text utilities: names, numbers, dates, document symbols, administrative units.

This is the bottom layer of antt-domain: it imports nothing of ours except
:mod:`antt_domain.errors`. Every parser raises :class:`VietnameseParseError` (an
:class:`~antt_domain.errors.AnttError` and a :class:`ValueError`) rather than guessing.
"""

from __future__ import annotations

from antt_domain.vi._admin_unit import AdminLevel, AdminUnit
from antt_domain.vi._dates import (
    DateLine,
    format_date_line,
    format_dmy,
    format_long_date,
    month_name,
    parse_date_line,
    parse_dmy,
    parse_month,
    parse_quarter,
    quarter_name,
    quarter_of,
)
from antt_domain.vi._errors import VietnameseParseError
from antt_domain.vi._former import ceased_into, former_unit_note
from antt_domain.vi._gazetteer import (
    ChainGazetteer,
    StaticGazetteer,
    bundled_gazetteer,
    split_kind,
)
from antt_domain.vi._gazetteer_protocol import Gazetteer, SuccessionGazetteer
from antt_domain.vi._names import (
    UNIT_PREFIXES,
    ascii_key,
    fix_lookalikes,
    name_key,
    same_name,
    slug,
)
from antt_domain.vi._numbers import (
    PARSED_PRECISIONS,
    Lang,
    ParsedNumber,
    ParsedPrecision,
    ParsedQuantity,
    format_money,
    format_number,
    format_percent,
    format_quantity,
    parse_number,
    parse_quantity,
)
from antt_domain.vi._succession import REFORM_2025, Succession
from antt_domain.vi._symbols import (
    DeviationCode,
    DocumentSymbol,
    DocumentType,
    SymbolDeviation,
    SymbolFamily,
    document_type,
    document_types,
    normalise_symbol,
    parse_symbol,
    same_document,
)
from antt_domain.vi._tones import TONE_MARKS, ToneStyle, place_tones

__all__ = [
    "PARSED_PRECISIONS",
    "REFORM_2025",
    "TONE_MARKS",
    "UNIT_PREFIXES",
    "AdminLevel",
    "AdminUnit",
    "ChainGazetteer",
    "DateLine",
    "DeviationCode",
    "DocumentSymbol",
    "DocumentType",
    "Gazetteer",
    "Lang",
    "ParsedNumber",
    "ParsedPrecision",
    "ParsedQuantity",
    "StaticGazetteer",
    "Succession",
    "SuccessionGazetteer",
    "SymbolDeviation",
    "SymbolFamily",
    "ToneStyle",
    "VietnameseParseError",
    "ascii_key",
    "bundled_gazetteer",
    "ceased_into",
    "document_type",
    "document_types",
    "fix_lookalikes",
    "format_date_line",
    "format_dmy",
    "format_long_date",
    "format_money",
    "format_number",
    "format_percent",
    "format_quantity",
    "former_unit_note",
    "month_name",
    "name_key",
    "normalise_symbol",
    "parse_date_line",
    "parse_dmy",
    "parse_month",
    "parse_number",
    "parse_quantity",
    "parse_quarter",
    "parse_symbol",
    "place_tones",
    "quarter_name",
    "quarter_of",
    "same_document",
    "same_name",
    "slug",
    "split_kind",
]
