"""The catalogue of finding codes: one entry per code, the single source for messages, the
``antt codes`` listing and the generated documentation page.

Codes are stable: a code is never reused for a different problem. The letter says the stage:
``R`` read, ``S`` schema, ``T`` structure, ``V`` rules on one record, ``D`` dataset rules.
The codes of the read, schema and structure stages are written here; a rule's entry comes
with the rule (``antt_domain.validation.rules``), and :data:`CATALOGUE` gathers them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from antt_domain.validation._codeinfo import CodeInfo, finding_from
from antt_domain.validation._faults import FAULT_CODES
from antt_domain.validation._findings import Finding, Severity
from antt_domain.validation._rules import Rule
from antt_domain.validation.rules import BUILT_IN_RULES

__all__ = [
    "BASE_CODES",
    "CATALOGUE",
    "NOTICE_CODES",
    "CodeInfo",
    "catalogue",
    "finding_from",
    "make_finding",
]


def _entry(  # noqa: PLR0917 - a catalogue row reads best positionally
    code: str,
    name: str,
    severity: Severity,
    title: tuple[str, str],
    explanation: tuple[str, str],
    template: tuple[str, str],
) -> CodeInfo:
    stage = {"R": "read", "S": "schema", "T": "structure", "V": "rules", "D": "dataset"}[code[0]]
    return CodeInfo.bilingual(
        code=code,
        name=name,
        stage=stage,
        severity=severity,
        title=title,
        explanation=explanation,
        message=template,
    )


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741 - severity initials

_ENTRIES = [
    # -- read ----------------------------------------------------------------------------------
    _entry(
        "R001",
        "invalid-json",
        E,
        ("Invalid JSON", "JSON không hợp lệ"),
        (
            "The file is not well-formed JSON; nothing in it can be checked further.",
            "Tệp không phải JSON hợp lệ; không thể kiểm tra tiếp nội dung.",
        ),
        ("invalid JSON: {detail}", "JSON không hợp lệ: {detail}"),
    ),
    _entry(
        "R002",
        "encoding",
        E,
        ("Not UTF-8", "Không phải mã UTF-8"),
        (
            (
                "Records are exchanged as UTF-8 (a byte-order mark is accepted). Save the file as "
                "UTF-8; UTF-16 and legacy encodings such as TCVN3 or VNI are refused."
            ),
            (
                "Bản ghi được trao đổi ở mã UTF-8 (chấp nhận BOM). Hãy lưu tệp ở UTF-8; không "
                "chấp nhận UTF-16 hay các bảng mã cũ như TCVN3, VNI."
            ),
        ),
        ("{detail}", "{detail_vi}"),
    ),
    _entry(
        "R003",
        "duplicate-key",
        E,
        ("Duplicate key", "Khoá bị lặp"),
        (
            (
                "An object names the same key twice; JSON readers disagree on which value wins, so "
                "the document is ambiguous."
            ),
            (
                "Một đối tượng có cùng một khoá hai lần; các chương trình đọc JSON hiểu khác nhau "
                "về giá trị nào được dùng, nên tài liệu không rõ nghĩa."
            ),
        ),
        ("duplicate key {key!r} in an object", "khoá {key!r} bị lặp trong một đối tượng"),
    ),
    _entry(
        "R004",
        "bad-number",
        E,
        ("Number out of range", "Số không hợp lệ"),
        (
            "NaN, Infinity and numbers too large for a double are not JSON numbers.",
            "NaN, Infinity và số vượt quá phạm vi số thực không phải là số JSON.",
        ),
        ("{detail}", "số không hợp lệ: {detail}"),
    ),
    _entry(
        "R005",
        "too-deep",
        E,
        ("Nested too deeply", "Lồng quá sâu"),
        (
            "Arrays and objects are nested deeper than the limit; no record of ours needs it.",
            "Mảng và đối tượng lồng nhau sâu hơn giới hạn; không bản ghi nào cần như vậy.",
        ),
        ("nested deeper than {limit} levels", "lồng sâu quá {limit} cấp"),
    ),
    _entry(
        "R006",
        "too-large",
        E,
        ("File too large", "Tệp quá lớn"),
        (
            (
                "The input is over the size limit for a whole JSON document (a file, a device, a "
                "pipe or standard input alike: the bytes are counted as they are read), or one "
                "JSONL line is over it; split it, or use a JSONL file."
            ),
            (
                "Dữ liệu vượt giới hạn dung lượng của một tài liệu JSON (tệp, thiết bị, đường ống "
                "hay đầu vào chuẩn đều vậy: số byte được đếm khi đọc), hoặc một dòng JSONL vượt "
                "giới hạn đó; hãy chia nhỏ, hoặc dùng tệp JSONL."
            ),
        ),
        ("{detail}", "tệp quá lớn: {detail}"),
    ),
    _entry(
        "R007",
        "empty",
        E,
        ("Empty input", "Dữ liệu rỗng"),
        ("The file holds no JSON value at all.", "Tệp không chứa giá trị JSON nào."),
        ("the document is empty", "tài liệu rỗng"),
    ),
    _entry(
        "R008",
        "unreadable",
        E,
        ("Unreadable input", "Không đọc được"),
        (
            "The file could not be read (permissions, a broken link, a directory loop).",
            "Không đọc được tệp (quyền truy cập, liên kết hỏng, vòng lặp thư mục).",
        ),
        ("cannot read: {detail}", "không đọc được: {detail}"),
    ),
    _entry(
        "R009",
        "not-a-document",
        E,
        ("Not a dataset or record", "Không phải bộ dữ liệu hay bản ghi"),
        (
            "A document is a dataset object, one record object, or an array of record objects.",
            "Một tài liệu là một bộ dữ liệu, một bản ghi, hoặc một mảng các bản ghi.",
        ),
        ("{detail}", "{detail_vi}"),
    ),
    _entry(
        "R010",
        "not-unicode",
        E,
        ("Text that is not Unicode", "Văn bản không phải Unicode"),
        (
            (
                "A string or key holds a lone surrogate: an escape from \\uD800 to \\uDFFF "
                "without its partner (a pair such as \\uD83D\\uDE00 is one character and "
                "is fine). It is no character at all and cannot be written as UTF-8, so no "
                "report or export could hold it; the document (or JSONL line) is not read."
            ),
            (
                "Một chuỗi hay khoá chứa một nửa cặp thay thế (surrogate) đứng riêng: mã thoát "
                "từ \\uD800 đến \\uDFFF không có nửa kia (một cặp như \\uD83D\\uDE00 là "
                "một ký tự, hợp lệ). Nó không phải ký tự nào và không ghi được ở UTF-8, nên "
                "không báo cáo hay bản xuất nào chứa được; tài liệu (hoặc dòng JSONL) không "
                "được đọc."
            ),
        ),
        ("{detail}", "{detail_vi}"),
    ),
    # -- schema --------------------------------------------------------------------------------
    _entry(
        "S001",
        "missing-property",
        E,
        ("Required property missing", "Thiếu trường bắt buộc"),
        (
            "The schema of this record type requires the property.",
            "Lược đồ của loại bản ghi này yêu cầu trường đó.",
        ),
        ("missing required property {property!r}", "thiếu trường bắt buộc {property!r}"),
    ),
    _entry(
        "S002",
        "unknown-property",
        E,
        ("Unknown property", "Trường không xác định"),
        (
            (
                "Records are closed: a property the schema does not define is most often a typo. "
                "Data the schema does not cover belongs under 'extensions'."
            ),
            (
                "Bản ghi là đóng: một trường lược đồ không định nghĩa thường là lỗi gõ. Dữ liệu "
                "ngoài lược đồ hãy đặt trong 'extensions'."
            ),
        ),
        ("unknown property {property!r}{hint}", "trường không xác định {property!r}{hint_vi}"),
    ),
    _entry(
        "S003",
        "wrong-type",
        E,
        ("Wrong type", "Sai kiểu dữ liệu"),
        (
            "The value has the wrong JSON type (a string where a number is expected, ...).",
            "Giá trị sai kiểu JSON (chuỗi ở chỗ cần số, ...).",
        ),
        ("{value} is not of type {expected}", "{value} không phải kiểu {expected_vi}"),
    ),
    _entry(
        "S004",
        "not-in-codelist",
        E,
        ("Value not allowed", "Giá trị không được phép"),
        (
            "The value is not one of the codes the schema allows here.",
            "Giá trị không thuộc danh sách mã lược đồ cho phép ở đây.",
        ),
        ("{value} is not one of {allowed}", "{value} không thuộc {allowed}"),
    ),
    _entry(
        "S005",
        "bad-form",
        E,
        ("Wrong form", "Sai định dạng"),
        (
            "The text does not have the form the schema requires (an id, a code, a date, ...).",
            "Chuỗi không đúng định dạng lược đồ yêu cầu (mã định danh, mã, ngày, ...).",
        ),
        ("{value} is not a valid {what}", "{value} không phải {what_vi} hợp lệ"),
    ),
    _entry(
        "S006",
        "out-of-range",
        E,
        ("Out of range", "Ngoài phạm vi"),
        (
            "A number is below its minimum or above its maximum (counts cannot be negative).",
            "Số nhỏ hơn mức tối thiểu hoặc lớn hơn mức tối đa (số đếm không thể âm).",
        ),
        ("{value} is {relation} {limit}", "{value} {relation_vi} {limit}"),
    ),
    _entry(
        "S007",
        "bad-size",
        E,
        ("Wrong length or repeated item", "Sai độ dài hoặc phần tử lặp"),
        (
            "A string, list or object is too short or too long, or a list repeats an item.",
            "Chuỗi, danh sách hoặc đối tượng quá ngắn, quá dài, hoặc danh sách có phần tử lặp.",
        ),
        ("{detail}", "{detail_vi}"),
    ),
    _entry(
        "S008",
        "conflicting-properties",
        E,
        ("Properties that do not go together", "Các trường không đi cùng nhau"),
        (
            (
                "Some properties require or exclude others (an upper bound only for a range, a "
                "code only with its code list, an as-of period needs a date or the source's words)."
            ),
            (
                "Một số trường đòi hỏi hoặc loại trừ trường khác (cận trên chỉ cho khoảng, mã đơn "
                "vị phải kèm danh mục mã, thời điểm 'tính đến' cần ngày hoặc nguyên văn)."
            ),
        ),
        ("{detail}", "{detail_vi}"),
    ),
    _entry(
        "S009",
        "schema-other",
        E,
        ("Schema violation", "Vi phạm lược đồ"),
        ("Any other violation of the schema.", "Các vi phạm lược đồ khác."),
        ("{detail}", "{detail}"),
    ),
    _entry(
        "S010",
        "unknown-type",
        E,
        ("Unknown record type", "Loại bản ghi không xác định"),
        (
            "A record's 'type' chooses its schema; this one names no record type we know.",
            "Trường 'type' chọn lược đồ của bản ghi; giá trị này không là loại bản ghi nào.",
        ),
        (
            "unknown record type {value}; known: {allowed}{hint}",
            "loại bản ghi {value} không xác định; các loại: {allowed}{hint_vi}",
        ),
    ),
    # -- structure -----------------------------------------------------------------------------
    _entry(
        "T001",
        "impossible-value",
        E,
        ("Impossible value", "Giá trị không thể có"),
        (
            (
                "The record matches its schema but holds values the model cannot accept (an end "
                "date before its start, a date that does not exist, a range whose upper bound is "
                "not above its lower bound, ...)."
            ),
            (
                "Bản ghi đúng lược đồ nhưng có giá trị mô hình không chấp nhận (ngày kết thúc "
                "trước ngày bắt đầu, ngày không tồn tại, cận trên không lớn hơn cận dưới, ...)."
            ),
        ),
        ("{detail}", "giá trị không hợp lệ: {detail}"),
    ),
]

#: The codes of the read, schema and structure stages, in catalogue order. The rules' codes
#: come with the rules (:data:`CATALOGUE` has all of them).
BASE_CODES: dict[str, CodeInfo] = {e.code: e for e in _ENTRIES}

#: Codes of the rules stage that no rule raises: the pipeline reports them about a document
#: as a whole. V220 (a 1.x dataset document) is one per document, at its ``schema_version``.
NOTICE_CODES: dict[str, CodeInfo] = {
    "V220": _entry(
        "V220",
        "upgrade-available",
        I,
        ("Upgrade available", "Có thể nâng cấp"),
        (
            (
                "The dataset document is in Schema 1.x. It is read and checked as 1.x, and "
                "stays readable for the whole 2.x series; `antt upgrade PATH -o OUT` writes it "
                "as Schema 2.0, which says more about each figure (actors, links, lifecycle). "
                "Reported once per JSON dataset document, not for files of records, nor for a "
                "dataset an importer made from another format (an xlsx workbook)."
            ),
            (
                "Bộ dữ liệu ở Lược đồ 1.x. Tài liệu vẫn được đọc và kiểm tra theo 1.x, và còn "
                "đọc được trong suốt loạt 2.x; `antt upgrade PATH -o OUT` ghi lại ở Lược đồ "
                "2.0, nói được nhiều hơn về mỗi số liệu (các bên, liên kết, giai đoạn). Báo "
                "một lần cho mỗi tài liệu bộ dữ liệu JSON, không báo cho tệp bản ghi, cũng "
                "không báo cho bộ dữ liệu được nhập từ định dạng khác (tệp xlsx)."
            ),
        ),
        (
            "this is a {version} document; `antt upgrade` writes it as 2.0",
            "đây là tài liệu {version}; `antt upgrade` ghi lại ở bản 2.0",
        ),
    ),
}


def make_finding(
    code: str,
    params: dict[str, Any] | None = None,
    *,
    severity: Severity | None = None,
    path: str | None = None,
    line: int | None = None,
    column: int | None = None,
    pointer: str | None = None,
    record_id: str | None = None,
) -> Finding:
    """A finding of a read, schema or structure ``code``, its messages from the catalogue."""
    return finding_from(
        BASE_CODES[code],
        params,
        severity=severity,
        path=path,
        line=line,
        column=column,
        pointer=pointer,
        record_id=record_id,
    )


_RECORD_STAGE = sorted(
    {rule.code: rule.info for rule in BUILT_IN_RULES if rule.info.stage == "rules"}.items()
)
_DATASET_STAGE = sorted(
    {rule.code: rule.info for rule in BUILT_IN_RULES if rule.info.stage == "dataset"}.items()
)

#: Every built-in finding code by code, in catalogue order (R, S, T, V, D; a stage's crashed
#: rule code, V900 or D900, last in its stage). D005 and D008 have one entry for their 1.0
#: and 2.0 rules.
CATALOGUE: dict[str, CodeInfo] = {
    **BASE_CODES,
    **dict(sorted({**dict(_RECORD_STAGE), **NOTICE_CODES}.items())),
    "V900": FAULT_CODES["V900"],
    **dict(_DATASET_STAGE),
    "D900": FAULT_CODES["D900"],
}


def catalogue(extra_rules: Iterable[Rule] = ()) -> dict[str, CodeInfo]:
    """The built-in catalogue plus the codes of ``extra_rules`` (from plugins)."""
    found = dict(CATALOGUE)
    for rule in extra_rules:
        found.setdefault(rule.code, rule.info)
    return found
