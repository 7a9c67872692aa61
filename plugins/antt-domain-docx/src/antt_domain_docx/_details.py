"""The document's particulars (issuer, number, place, date, signer, ...) from options or a file.

Each comes from a report option (``-O issuer="CÔNG AN HUYỆN CẨM THUỶ"``) or from a config file
named by ``-O config=PATH`` (TOML or JSON, the same keys; ``recipients`` a list). An option
given on the command line wins over the file. Nothing is invented: a particular that is not
given is ``None`` and the document shows a marked blank in its place.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from antt_domain.errors import AnttError
from antt_domain.vi import VietnameseParseError, normalise_symbol, parse_dmy

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with tomli, a declared dependency there
    import tomli as tomllib

__all__ = ["FIELDS", "OPTIONS", "DetailsError", "DocumentDetails", "details_from"]

#: The particulars, name → description (each is also a key of the config file).
FIELDS: Mapping[str, str] = {
    "superior": "superior body, e.g. CÔNG AN TỈNH THANH HOÁ (cơ quan chủ quản)",
    "issuer": "issuing body, e.g. CÔNG AN HUYỆN CẨM THUỶ (cơ quan ban hành)",
    "number": "number and symbol, e.g. 15/BC-CAH (số, ký hiệu)",
    "place": "place of the date line, e.g. Cẩm Thuỷ (địa danh)",
    "date": "date of the report, YYYY-MM-DD or DD/MM/YYYY (ngày ban hành)",
    "subject": "subject line under BÁO CÁO (trích yếu); default: the dataset's title",
    "recipients": "recipients, separated by ';' (nơi nhận)",
    "position": "signer's position, e.g. TRƯỞNG CÔNG AN HUYỆN (chức vụ người ký)",
    "signer": "signer's full name (họ tên người ký)",
}

#: Every option the ``docx`` format accepts, name → description.
OPTIONS: Mapping[str, str] = {
    **FIELDS,
    "config": "a TOML or JSON file holding the particulars above (options given win)",
    "organisation": "only figures this organisation (id) organised or took part in",
    "agreement": "only figures reported under this agreement (id)",
}


class DetailsError(AnttError, ValueError):
    """A particular or the config file cannot be used; ``field`` names which."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"docx report: {field}: {reason}")
        self.field = field
        self.reason = reason


@attrs.frozen(kw_only=True)
class DocumentDetails:
    """What the document says about itself; ``None`` = not given (shown as a blank)."""

    superior: str | None = None
    issuer: str | None = None
    number: str | None = None
    place: str | None = None
    date: date | None = None
    subject: str | None = None
    recipients: tuple[str, ...] = ()
    position: str | None = None
    signer: str | None = None


def _read_config(path_text: str) -> dict[str, Any]:
    path = Path(path_text)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DetailsError("config", f"cannot read {path_text}: {exc.strerror}") from exc
    try:
        if path.suffix.lower() == ".toml":
            loaded: object = tomllib.loads(data.decode("utf-8"))
        elif path.suffix.lower() == ".json":
            loaded = json.loads(data.decode("utf-8"))
        else:
            raise DetailsError("config", f"{path_text}: the file must end in .toml or .json")
    except (UnicodeDecodeError, ValueError) as exc:
        if isinstance(exc, DetailsError):
            raise
        raise DetailsError("config", f"{path_text} is not valid: {exc}") from exc
    if not isinstance(loaded, dict):
        raise DetailsError("config", f"{path_text} must hold a table (object) of particulars")
    unknown = sorted(set(loaded) - set(FIELDS))
    if unknown:
        known = ", ".join(FIELDS)
        raise DetailsError("config", f"{path_text}: unknown key(s) {', '.join(unknown)}; {known}")
    return loaded


def _text(field: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise DetailsError(field, f"{value!r} is not text")
    return value.strip() or None


def _date(value: object) -> date | None:
    if isinstance(value, date):  # a TOML date
        return value
    text = _text("date", value)
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return parse_dmy(text)
    except VietnameseParseError as exc:
        raise DetailsError("date", f"{text!r} is not a date (YYYY-MM-DD or DD/MM/YYYY)") from exc


def _number(value: object) -> str | None:
    text = _text("number", value)
    if text is None:
        return None
    try:
        return normalise_symbol(text.removeprefix("Số:").strip())
    except VietnameseParseError as exc:
        raise DetailsError("number", f"{text!r} is not a number and symbol: {exc}") from exc


def _recipients(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    items: list[object]
    if isinstance(value, str):
        items = list(value.split(";"))
    elif isinstance(value, list):
        items = list(value)
    else:
        raise DetailsError("recipients", f"{value!r} is not a list of recipients")
    found = []
    for item in items:
        text = _text("recipients", item)
        if text:
            found.append(text.lstrip("-").strip().rstrip(";.").strip())
    return tuple(r for r in found if r)


def details_from(options: Mapping[str, str]) -> DocumentDetails:
    """The particulars given by ``options`` and the config file they name."""
    given: dict[str, Any] = {}
    if options.get("config"):
        given.update(_read_config(options["config"]))
    given.update({k: v for k, v in options.items() if k in FIELDS})
    return DocumentDetails(
        superior=_text("superior", given.get("superior")),
        issuer=_text("issuer", given.get("issuer")),
        number=_number(given.get("number")),
        place=_text("place", given.get("place")),
        date=_date(given.get("date")),
        subject=_text("subject", given.get("subject")),
        recipients=_recipients(given.get("recipients")),
        position=_text("position", given.get("position")),
        signer=_text("signer", given.get("signer")),
    )
