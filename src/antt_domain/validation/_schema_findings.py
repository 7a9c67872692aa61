"""Turning ``jsonschema`` errors into findings with codes and Vietnamese/English messages.

``jsonschema`` stays the authority on what is wrong; this module only words it for people,
in both languages, and picks the most useful place to point at.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

from antt_domain.validation._locate import escape_pointer

__all__ = ["SchemaProblem", "schema_problems"]

_TYPE_VI = {
    "string": "chuỗi",
    "number": "số",
    "integer": "số nguyên",
    "object": "đối tượng",
    "array": "mảng",
    "boolean": "đúng/sai",
    "null": "null",
}


@attrs.frozen(kw_only=True)
class SchemaProblem:
    """A schema error, worded: the code, where (a pointer in the validated value), parameters."""

    code: str
    pointer: str
    params: dict[str, Any] = attrs.field(hash=False)


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pointer(parts: Any) -> str:
    return "".join("/" + escape_pointer(str(p)) for p in parts)


def _what(schema: dict[str, Any]) -> tuple[str, str]:
    en = schema.get("title") or "value"
    vi = schema.get("x-title-vi") or "giá trị"
    return str(en).lower() if en != "URL" else "URL", str(vi).lower()


def _allowed(values: list[Any], limit: int = 12) -> str:
    shown = ", ".join(_short(v, 30) for v in values[:limit])
    return shown + (", …" if len(values) > limit else "")


def _required_missing(error: ValidationError) -> list[str]:
    instance = error.instance if isinstance(error.instance, dict) else {}
    required: Any = error.validator_value
    return [p for p in required if p not in instance]


def schema_problems(errors: list[ValidationError]) -> Iterator[SchemaProblem]:
    """One or more problems for each error, deduplicated and in document order.

    Two problems are the same when their code, pointer and parameters (as sorted JSON) are;
    the parameters are only written out when a code and pointer come twice, which is rare:
    an invalid record's problems usually each have their own place."""
    seen: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for error in errors:
        for problem in _word(error):
            place = (problem.code, problem.pointer)
            before = seen.get(place)
            if before is None:
                seen[place] = [problem.params]
                yield problem
                continue
            text = _params_key(problem.params)
            if any(_params_key(params) == text for params in before):
                continue
            before.append(problem.params)
            yield problem


def _params_key(params: dict[str, Any]) -> str:
    return json.dumps(params, sort_keys=True)


def _word(error: ValidationError) -> Iterator[SchemaProblem]:  # noqa: PLR0912 - one case per keyword
    keyword = str(error.validator)
    here = _pointer(error.absolute_path)
    instance = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    value: Any = error.validator_value

    if keyword == "required":
        missing = _required_missing(error) or [error.message.split("'")[1]]
        for name in missing:
            yield SchemaProblem(code="S001", pointer=here, params={"property": name})
    elif keyword in ("additionalProperties", "unevaluatedProperties"):
        known = set(schema.get("properties", {}))
        extras = [k for k in instance if k not in known] if isinstance(instance, dict) else []
        for name in extras:
            hint_en = hint_vi = ""
            close = _close_match(name, known)
            if close:
                hint_en = f"; did you mean {close!r}?"
                hint_vi = f"; có phải là {close!r}?"
            yield SchemaProblem(
                code="S002",
                pointer=f"{here}/{escape_pointer(name)}",
                params={"property": name, "hint": hint_en, "hint_vi": hint_vi},
            )
    elif keyword == "type":
        expected: list[str] = value if isinstance(value, list) else [value]
        yield SchemaProblem(
            code="S003",
            pointer=here,
            params={
                "value": _short(instance),
                "expected": " or ".join(expected),
                "expected_vi": " hoặc ".join(_TYPE_VI.get(t, t) for t in expected),
            },
        )
    elif keyword in ("enum", "const"):
        allowed: list[Any] = value if keyword == "enum" else [value]
        code = "S010" if error.absolute_path and error.absolute_path[-1] == "type" else "S004"
        if code == "S010" and keyword == "const":
            code = "S004"
        codelist = schema.get("x-codelist")
        shown = _allowed(allowed) + (f" (codelist {codelist})" if codelist else "")
        yield SchemaProblem(
            code=code,
            pointer=here,
            params={"value": _short(instance), "allowed": shown, "hint": "", "hint_vi": ""},
        )
    elif keyword in ("pattern", "format"):
        what_en, what_vi = _what(schema)
        if keyword == "format":
            what_en, what_vi = (
                "date (YYYY-MM-DD, a day that exists)",
                "ngày (YYYY-MM-DD, có thật)",
            )
        yield SchemaProblem(
            code="S005",
            pointer=here,
            params={"value": _short(instance), "what": what_en, "what_vi": what_vi},
        )
    elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        relation = {
            "minimum": ("below the minimum", "nhỏ hơn mức tối thiểu"),
            "maximum": ("above the maximum", "lớn hơn mức tối đa"),
            "exclusiveMinimum": ("not above", "không lớn hơn"),
            "exclusiveMaximum": ("not below", "không nhỏ hơn"),
        }[keyword]
        yield SchemaProblem(
            code="S006",
            pointer=here,
            params={
                "value": _short(instance),
                "relation": relation[0],
                "relation_vi": relation[1],
                "limit": value,
            },
        )
    elif keyword in (
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
    ):
        yield SchemaProblem(code="S007", pointer=here, params=_size_params(keyword, value))
    elif keyword in ("not", "anyOf", "oneOf", "dependentRequired", "dependentSchemas", "if"):
        yield from _combination(keyword, here, value, instance, error)
    elif keyword == "propertyNames":
        yield SchemaProblem(
            code="S005",
            pointer=here,
            params={
                "value": _short(instance),
                "what": "extension namespace (lower-case, e.g. 'thanh_hoa')",
                "what_vi": "tên không gian mở rộng (chữ thường, ví dụ 'thanh_hoa')",
            },
        )
    else:
        yield SchemaProblem(code="S009", pointer=here, params={"detail": error.message})


def _size_params(keyword: str, limit: Any) -> dict[str, Any]:
    words = {
        "minLength": ("shorter than {n} characters", "ngắn hơn {n} ký tự"),
        "maxLength": ("longer than {n} characters", "dài hơn {n} ký tự"),
        "minItems": (
            "fewer than {n} items (leave the property out instead of an empty list)",
            "ít hơn {n} phần tử (hãy bỏ trường thay vì để danh sách rỗng)",
        ),
        "maxItems": ("more than {n} items", "nhiều hơn {n} phần tử"),
        "uniqueItems": ("an item is listed twice", "có phần tử bị lặp"),
        "minProperties": ("fewer than {n} properties", "ít hơn {n} trường"),
        "maxProperties": ("more than {n} properties", "nhiều hơn {n} trường"),
    }[keyword]
    return {"detail": words[0].format(n=limit), "detail_vi": words[1].format(n=limit)}


def _combination(
    keyword: str, here: str, value: Any, instance: Any, error: ValidationError
) -> Iterator[SchemaProblem]:
    if keyword == "not" and isinstance(value, dict) and "required" in value:
        names = ", ".join(value["required"])
        yield SchemaProblem(
            code="S008",
            pointer=f"{here}/{escape_pointer(value['required'][0])}",
            params={
                "detail": f"{names} is not allowed here (an upper bound is only for a range)"
                if names == "upper"
                else f"{names} is not allowed here",
                "detail_vi": f"không được có {names} ở đây (cận trên chỉ dùng cho khoảng)"
                if names == "upper"
                else f"không được có {names} ở đây",
            },
        )
    elif keyword in ("anyOf", "oneOf") and all(
        isinstance(s, dict) and set(s) == {"required"} for s in value
    ):
        names = " or ".join(n for s in value for n in s["required"])
        names_vi = " hoặc ".join(n for s in value for n in s["required"])
        yield SchemaProblem(
            code="S008",
            pointer=here,
            params={"detail": f"needs {names}", "detail_vi": f"cần có {names_vi}"},
        )
    elif keyword == "dependentRequired":
        for name, needed in value.items():
            if isinstance(instance, dict) and name in instance:
                for other in needed:
                    if other not in instance:
                        yield SchemaProblem(
                            code="S008",
                            pointer=f"{here}/{escape_pointer(name)}",
                            params={
                                "detail": f"{name} needs {other}",
                                "detail_vi": f"có {name} thì phải có {other}",
                            },
                        )
    elif keyword == "dependentSchemas" and isinstance(instance, dict) and "base_unit" in value:
        yield SchemaProblem(
            code="S008",
            pointer=f"{here}/base_unit",
            params={
                "detail": "base_unit is only for a percentage (unit 'percent')",
                "detail_vi": "base_unit chỉ dùng cho tỉ lệ phần trăm (đơn vị 'percent')",
            },
        )
    else:
        yield SchemaProblem(code="S009", pointer=here, params={"detail": error.message})


def _close_match(name: str, known: set[str]) -> str | None:
    """The known property closest to ``name`` (difflib, cutoff 0.75), or ``None``.

    A broken file tends to repeat its mistake on every record: the answer is remembered for
    the last few thousand (name, known properties) pairs, so that ``difflib`` runs once."""
    return _closest(name, tuple(sorted(known)))


@functools.lru_cache(maxsize=4096)
def _closest(name: str, known: tuple[str, ...]) -> str | None:
    import difflib  # noqa: PLC0415 - only needed when a property is unknown

    matches = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    return matches[0] if matches else None
