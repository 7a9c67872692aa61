"""Document numbers and symbols (số, ký hiệu văn bản).

Three families are recognised:

* ``"legal"`` — legal documents ``number/year/TYPE-ISSUER`` (``124/2021/TT-BCA``,
  ``01/2008/NQLT-BCA-UBTWMTTQVN``; laws carry no type: ``80/2015/QH13``);
* ``"administrative"`` — ``number/TYPE-ISSUER[-UNIT]`` (``510/QĐ-BCA-V05``, ``09/CTr-BCA-MTTW``)
  and công văn, which have no type: ``number/ISSUER-UNIT``;
* ``"party"`` — ``number-TYPE/ISSUER`` (``09-CT/TW``, ``15-NQ/TU``).

Variant spellings are recognised and normalised; each difference is reported as a
:class:`SymbolDeviation` instead of failing. Input that fits no family raises
:class:`VietnameseParseError`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Literal, final

import attrs

from antt_domain.vi._errors import VietnameseParseError

__all__ = [
    "DeviationCode",
    "DocumentSymbol",
    "DocumentType",
    "SymbolDeviation",
    "SymbolFamily",
    "document_type",
    "document_types",
    "normalise_symbol",
    "parse_symbol",
    "same_document",
]

SymbolFamily = Literal["legal", "administrative", "party"]

DeviationCode = Literal[
    "label",
    "lookalike",
    "dash",
    "slash",
    "spacing",
    "missing-hyphen",
    "case",
    "missing-diacritic",
    "number-padding",
]
"""How a written symbol differs from its normal form:

``label`` a leading ``"Số:"``; ``lookalike`` ``Ð`` (U+00D0) for ``Đ``; ``dash`` an en dash or
other dash for ``-``; ``slash`` a look-alike of ``/``; ``spacing`` white space around ``/`` or
``-``; ``missing-hyphen`` a hyphen left out or typed as a space; ``case`` wrong letter case
(``CTR``, ``Ctr`` for ``CTr``); ``missing-diacritic`` ``D`` for ``Đ`` (``QD`` for ``QĐ``);
``number-padding`` a number below 10 without its leading zero (Decree 30/2020 writes ``09``).
"""


@final
@attrs.frozen(kw_only=True)
class DocumentType:
    """A document-type abbreviation from the bundled codelist (``data/document_types.json``)."""

    code: str
    vi: str
    en: str
    families: tuple[SymbolFamily, ...]
    source: str


@final
@attrs.frozen(kw_only=True)
class SymbolDeviation:
    """One difference between a symbol as written and its normal form."""

    code: DeviationCode
    found: str
    expected: str


@final
@attrs.frozen(kw_only=True)
class DocumentSymbol:
    """A parsed document number and symbol.

    Attributes:
        family: ``"legal"``, ``"administrative"`` or ``"party"``.
        number: the document number (``9`` for ``"09"``).
        year: the year of a legal document's symbol, else ``None``.
        type_code: the type abbreviation in its normal spelling (``"CTr"``), or ``None`` when
            the symbol has none (công văn, laws).
        issuers: issuing bodies in order; more than one for joint documents.
        units: drafting units or fields after the issuers (``("V05",)`` in ``510/QĐ-BCA-V05``).
        normal: the normal form, e.g. ``"09/CTr-BCA-MTTW"``.
        as_written: the input, unchanged.
        deviations: how ``as_written`` differs from ``normal``; empty when it is normal.

    Which trailing parts are issuers and which are units cannot be read from the syntax alone.
    The rule used: in legal symbols every part is an issuer; otherwise the first part is an
    issuer, and the first part that looks like a unit code (letters then digits, e.g. ``V05``,
    ``PV05``, ``PC06``) and everything after it are units; in công văn every part after the
    issuer is a unit.
    """

    family: SymbolFamily
    number: int
    year: int | None
    type_code: str | None
    issuers: tuple[str, ...]
    units: tuple[str, ...]
    normal: str
    as_written: str
    deviations: tuple[SymbolDeviation, ...] = ()

    @property
    def is_joint(self) -> bool:
        """Whether several bodies issued the document together."""
        return len(self.issuers) > 1

    @property
    def is_normal(self) -> bool:
        """Whether the symbol was written in its normal form."""
        return not self.deviations

    @property
    def document_type(self) -> DocumentType | None:
        """The codelist entry of :attr:`type_code`, if any."""
        return None if self.type_code is None else document_type(self.type_code, self.family)


@cache
def _codelist() -> tuple[tuple[DocumentType, ...], tuple[str, ...]]:
    raw = json.loads(
        resources.files("antt_domain.vi").joinpath("data/document_types.json").read_text("utf-8")
    )
    types = tuple(
        DocumentType(
            code=entry["code"],
            vi=entry["vi"],
            en=entry["en"],
            families=tuple(entry["families"]),
            source=entry["source"],
        )
        for entry in raw["types"]
    )
    return types, tuple(entry["code"] for entry in raw["issuers"])


def document_types() -> tuple[DocumentType, ...]:
    """Return the bundled document-type codelist (Decree 30/2020 Appendix III and others)."""
    return _codelist()[0]


def document_type(code: str, family: SymbolFamily | None = None) -> DocumentType | None:
    """Return the codelist entry of an exact type code (in a family, if given), or ``None``."""
    for entry in document_types():
        if entry.code == code and (family is None or family in entry.families):
            return entry
    return None


@cache
def _type_codes(family: SymbolFamily) -> tuple[str, ...]:
    codes = {entry.code for entry in document_types() if family in entry.families}
    return tuple(sorted(codes, key=lambda code: (-len(code), code)))


def _strip_d(text: str) -> str:
    return text.replace("Đ", "D").replace("đ", "d")


def _match_code(token: str, codes: tuple[str, ...]) -> tuple[str, list[SymbolDeviation]] | None:
    """Find ``token`` among ``codes`` exactly, up to case, or up to a missing ``Đ``."""
    if token in codes:
        return token, []
    for code in codes:
        if code.casefold() == token.casefold():
            return code, [SymbolDeviation(code="case", found=token, expected=code)]
    for code in codes:
        if _strip_d(code).casefold() == _strip_d(token).casefold():
            deviations = [SymbolDeviation(code="missing-diacritic", found=token, expected=code)]
            if _strip_d(code) != _strip_d(token):
                deviations.append(SymbolDeviation(code="case", found=token, expected=code))
            return code, deviations
    return None


_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe63\uff0d]")
_SLASHES = re.compile(r"[\u2044\u2215\uff0f]")
_LABEL = re.compile(r"^số\s*:?\s*(?=\d)", re.IGNORECASE)
_AROUND = re.compile(r"\s*([/-])\s*")
_PART = re.compile(r"[^\W_]+")
_UNIT = re.compile(r"[A-ZĐ]{1,3}\d{1,3}")
_QH = re.compile(r"(UBTVQH|QH)(\d+)", re.IGNORECASE)
_PARTY = re.compile(r"(?P<number>\d+)(?P<hyphen>-?)(?P<type>[^\W\d_][^/-]*)/(?P<rest>.+)")
_LEGAL = re.compile(r"(?P<number>\d+)/(?P<year>\d{4})/(?P<rest>.+)")
_ADMIN = re.compile(r"(?P<number>\d+)/(?P<rest>[^/]+)")


def _error(text: str, reason: str) -> VietnameseParseError:
    return VietnameseParseError(text, reason, kind="symbol")


def _clean(text: str, deviations: list[SymbolDeviation]) -> str:
    """Undo the typographic variants: look-alikes, dashes, slashes, label, spacing."""
    cleaned = unicodedata.normalize("NFC", text).strip()
    for fake, real in (("\u00d0", "Đ"), ("\u00f0", "đ")):
        if fake in cleaned:
            deviations.append(SymbolDeviation(code="lookalike", found=fake, expected=real))
            cleaned = cleaned.replace(fake, real)
    if (label := _LABEL.match(cleaned)) is not None:
        deviations.append(SymbolDeviation(code="label", found=label.group(), expected=""))
        cleaned = cleaned[label.end() :]
    variants: tuple[tuple[re.Pattern[str], DeviationCode, str], ...] = (
        (_DASHES, "dash", "-"),
        (_SLASHES, "slash", "/"),
    )
    for pattern, code, real in variants:
        for fake in sorted(set(pattern.findall(cleaned))):
            deviations.append(SymbolDeviation(code=code, found=fake, expected=real))
        cleaned = pattern.sub(real, cleaned)
    compact = _AROUND.sub(r"\1", cleaned)
    if compact != cleaned:
        deviations.append(SymbolDeviation(code="spacing", found=cleaned, expected=compact))
    if re.search(r"\s", compact):
        hyphenated = re.sub(r"\s+", "-", compact)
        deviations.append(
            SymbolDeviation(code="missing-hyphen", found=compact, expected=hyphenated)
        )
        compact = hyphenated
    return compact


def _split_lost_hyphen(
    token: str, family: SymbolFamily
) -> tuple[str, str, list[SymbolDeviation]] | None:
    """Split ``"TTBCA"`` into a known type and a known issuer when exactly one split works."""
    issuers = _codelist()[1]
    found: list[tuple[str, str, list[SymbolDeviation]]] = []
    for cut in range(1, len(token)):
        type_match = _match_code(token[:cut], _type_codes(family))
        issuer_match = _match_code(token[cut:], issuers)
        if type_match is not None and issuer_match is not None:
            found.append((type_match[0], issuer_match[0], type_match[1] + issuer_match[1]))
    if len(found) != 1:
        return None
    type_code, issuer, deviations = found[0]
    hyphen = SymbolDeviation(code="missing-hyphen", found=token, expected=f"{type_code}-{issuer}")
    return type_code, issuer, [hyphen, *deviations]


def _normal_part(part: str, deviations: list[SymbolDeviation]) -> str:
    matched = _match_code(part, _codelist()[1])
    if matched is not None:
        deviations.extend(matched[1])
        return matched[0]
    if (qh := _QH.fullmatch(part)) is not None:
        normal = qh.group(1).upper() + qh.group(2)
    else:
        normal = part.upper()
    if normal != part:
        deviations.append(SymbolDeviation(code="case", found=part, expected=normal))
    return normal


def _split_parties(
    parts: list[str], *, family: SymbolFamily, typed: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if family == "legal":
        return tuple(parts), ()
    if not typed:
        return tuple(parts[:1]), tuple(parts[1:])
    for index, part in enumerate(parts[1:], start=1):
        if _UNIT.fullmatch(part):
            return tuple(parts[:index]), tuple(parts[index:])
    return tuple(parts), ()


def _refuse_garbage(
    text: str, family: SymbolFamily, parts: list[str], type_token: str | None
) -> None:
    """Raise for shapes that fit a family's pattern but are no symbol (``"12/2021"``)."""
    codes = _type_codes(family)
    for part in parts:
        if not any(char.isalpha() for char in part):
            raise _error(text, f"part {part!r} has no letters: not an issuer or unit code")
    if family == "party" and type_token is not None and _match_code(type_token, codes) is None:
        raise _error(text, f"unknown Party document type {type_token!r}")
    if family == "administrative" and len(parts) == 1 and _match_code(parts[0], codes) is not None:
        raise _error(text, f"{parts[0]!r} is a document type, and no issuer follows it")


def parse_symbol(text: str) -> DocumentSymbol:
    """Parse, validate and normalise a document number and symbol.

    >>> parse_symbol("09/Ctr-BCA-MTTW").normal
    '09/CTr-BCA-MTTW'

    Raises:
        VietnameseParseError: the text fits none of the three families, a part is empty,
            holds other than letters and digits or no letter at all (``"12/2021"``), a Party
            symbol's type is not in the codelist (``"1-a/b"``), an administrative symbol has
            a type but no issuer (``"09/QĐ"``), the number is 0, or the year is implausible.
    """
    deviations: list[SymbolDeviation] = []
    cleaned = _clean(text, deviations)
    family: SymbolFamily
    year: int | None = None
    type_token: str | None = None
    if (legal := _LEGAL.fullmatch(cleaned)) is not None:
        family, number_text, rest = "legal", legal["number"], legal["rest"]
        year = int(legal["year"])
        if not 1945 <= year <= 2100:
            raise _error(text, f"implausible year {year} in a legal document symbol")
    elif (admin := _ADMIN.fullmatch(cleaned)) is not None:
        family, number_text, rest = "administrative", admin["number"], admin["rest"]
    elif (party := _PARTY.fullmatch(cleaned)) is not None:
        family, number_text, rest = "party", party["number"], party["rest"]
        type_token = party["type"]
        if not party["hyphen"]:
            deviations.append(
                SymbolDeviation(
                    code="missing-hyphen",
                    found=f"{number_text}{type_token}",
                    expected=f"{number_text}-{type_token}",
                )
            )
    else:
        raise _error(
            text,
            "not a document symbol: expected number/year/TYPE-ISSUER, number/TYPE-ISSUER or "
            "number-TYPE/ISSUER",
        )
    parts = rest.split("-")
    for part in [*parts, *([type_token] if type_token is not None else [])]:
        if not _PART.fullmatch(part):
            raise _error(text, f"empty or invalid part {part!r} (letters and digits only)")
    _refuse_garbage(text, family, parts, type_token)
    number = int(number_text)
    if number == 0:
        raise _error(text, "the document number must not be 0")
    if number_text != f"{number:02d}":
        deviations.append(
            SymbolDeviation(code="number-padding", found=number_text, expected=f"{number:02d}")
        )
    type_code = _resolve_type(type_token, parts, family, deviations)
    normal_parts = [_normal_part(part, deviations) for part in parts]
    issuers, units = _split_parties(normal_parts, family=family, typed=type_code is not None)
    joined = "-".join(normal_parts)
    if family == "party":
        normal = f"{number:02d}-{type_code}/{joined}"
    else:
        head = f"{number:02d}/" if year is None else f"{number:02d}/{year}/"
        normal = head + (joined if type_code is None else f"{type_code}-{joined}")
    return DocumentSymbol(
        family=family,
        number=number,
        year=year,
        type_code=type_code,
        issuers=issuers,
        units=units,
        normal=normal,
        as_written=text,
        deviations=tuple(deviations),
    )


def _resolve_type(
    type_token: str | None,
    parts: list[str],
    family: SymbolFamily,
    deviations: list[SymbolDeviation],
) -> str | None:
    """Find the type code (removing it from ``parts`` for legal/administrative symbols)."""
    codes = _type_codes(family)
    if type_token is not None:  # party: the type sits between the number and the slash
        matched = _match_code(type_token, codes)
        if matched is None:
            return type_token
        deviations.extend(matched[1])
        return matched[0]
    matched = _match_code(parts[0], codes) if len(parts) > 1 else None
    if matched is not None:
        deviations.extend(matched[1])
        del parts[0]
        return matched[0]
    split = _split_lost_hyphen(parts[0], family)
    if split is not None:
        type_code, issuer, split_deviations = split
        deviations.extend(split_deviations)
        parts[0] = issuer
        return type_code
    return None


def normalise_symbol(text: str) -> str:
    """Return the normal form of a document symbol (see :func:`parse_symbol`)."""
    return parse_symbol(text).normal


def same_document(a: str | DocumentSymbol, b: str | DocumentSymbol) -> bool:
    """Return whether two symbols are spellings of the same number and symbol.

    Symbols are compared by their normal forms, so ``"09/Ctr-BCA-MTTW"`` and
    ``"09/CTr-BCA-MTTW"`` are the same, but ``"09/CTr-BCA-TTTW"`` is not: this function does
    not know which issuer abbreviations name the same body, and equal symbols can still name
    different documents if an issuer reused a number in another year (administrative symbols
    carry no year).
    """
    first = a if isinstance(a, DocumentSymbol) else parse_symbol(a)
    second = b if isinstance(b, DocumentSymbol) else parse_symbol(b)
    return first.normal == second.normal
