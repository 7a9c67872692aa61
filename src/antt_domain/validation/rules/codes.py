"""V101: the codes of open codelists (kinds, units, target groups, roles) are known."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from antt_domain.model import Activity, Codelist, ModelType, Organisation, Outcome, Source
from antt_domain.validation._records import Issue, RuleContext
from antt_domain.validation._rules import record_rule
from antt_domain.validation.rules._fields_v2 import OPEN_CODES_V2
from antt_domain.validation.rules._quantities import codelists_for, quantities

__all__ = ["unknown_code"]

#: Open codelist fields of each record type: (attribute, codelist name).
_OPEN_CODES: dict[type, tuple[tuple[str, str], ...]] = {
    Organisation: (("kind", "organisation_kinds"),),
    ModelType: (("category", "model_types"),),
    Source: (("kind", "source_kinds"),),
    Activity: (("kind", "activity_kinds"), ("target_groups", "target_groups")),
    Outcome: (("kind", "outcome_kinds"), ("target_groups", "target_groups")),
}


@record_rule(
    code="V101",
    name="unknown-code",
    severity="warning",
    title=("Code not in its codelist", "Mã không có trong danh mục"),
    explanation=(
        (
            "Open codelists (kinds, units, target groups, ...) accept any well-formed code so that "
            "plugins can add codes, but a code that no installed codelist knows is most often a "
            "typo, and reports cannot label it."
        ),
        (
            "Danh mục mở (loại, đơn vị, đối tượng, ...) chấp nhận mọi mã đúng định dạng để plugin "
            "có thể bổ sung, nhưng mã không có trong danh mục nào thường là lỗi gõ và báo cáo "
            "không gọi được tên."
        ),
    ),
    message=(
        "{code!r} is not in the codelist {codelist}{hint}",
        "{code!r} không có trong danh mục {codelist}{hint_vi}",
    ),
    types=(*_OPEN_CODES, *OPEN_CODES_V2),
)
def unknown_code(record: object, context: RuleContext) -> Iterator[Issue]:
    """Codes of open codelists that no codelist (as extended by plugins) contains. In a 2.0
    record a namespaced code (``ns:code``) is left to the dataset's vocabulary."""
    codelists = codelists_for(context, record)
    fields = _OPEN_CODES.get(type(record)) or OPEN_CODES_V2.get(type(record), ())
    if type(record) in OPEN_CODES_V2:
        fields = (*fields, *_actor_roles(record))
    for field, name in fields:
        value = getattr(record, field) if "/" not in field else _at(record, field)
        codelist = codelists.get(name)
        if value is None or codelist is None:
            continue
        if isinstance(value, tuple):
            for index, code in enumerate(value):
                if code not in codelist and not _namespaced(code):
                    yield _unknown(code, codelist, f"/{field}/{index}")
        elif value not in codelist and not _namespaced(value):
            yield _unknown(value, codelist, f"/{field}")
    units = codelists.get("units")
    if units is None:
        return
    for pointer, quantity in quantities(record):
        if quantity.unit not in units and not _namespaced(quantity.unit):
            yield _unknown(quantity.unit, units, f"{pointer}/unit")
        base = quantity.base_unit
        if base is not None and base not in units and not _namespaced(base):
            yield _unknown(quantity.base_unit, units, f"{pointer}/base_unit")


def _namespaced(code: object) -> bool:
    """Whether ``code`` is a namespaced ``ns:code`` (2.0): a dataset vocabulary's, checked by
    the vocabulary rule, never V101 (1.0 codes have no colon)."""
    return isinstance(code, str) and ":" in code


def _actor_roles(record: object) -> tuple[tuple[str, str], ...]:
    """``(actors/N/role, roles)`` of each actor of a 2.0 record."""
    actors = getattr(record, "actors", ())
    return tuple((f"actors/{index}/role", "roles") for index in range(len(actors)))


def _at(record: object, field: str) -> Any:
    """The value at a field path (``kind``, ``actors/0/role``) of a record."""
    value: Any = record
    for part in field.split("/"):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    return value


#: A code longer than this gets no "did you mean" hint (codes are at most 64 characters by
#: the schema): difflib's work and memory grow with the text's length.
_HINT_CHARS = 128


def _unknown(code: object, codelist: Codelist, pointer: str) -> Issue:
    text = str(code)
    close = (
        difflib.get_close_matches(text, [c.code for c in codelist], n=1)
        if len(text) <= _HINT_CHARS
        else []
    )
    return Issue(
        pointer=pointer,
        params={
            "code": code,
            "codelist": codelist.name,
            "hint": f"; did you mean {close[0]!r}?" if close else "",
            "hint_vi": f"; có phải là {close[0]!r}?" if close else "",
        },
    )
