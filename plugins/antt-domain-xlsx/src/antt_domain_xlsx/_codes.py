"""The finding codes of the workbook importer (``XLS001`` ...), in Vietnamese and English.

Codes follow antt-domain's convention for plugins: letters then three digits, not starting
with a built-in stage letter (R, S, T, V, D). Messages start with the cell they concern
(``Hoạt động!C12 (Số lượng: Giá trị): ...``), added by the importer.
"""

from __future__ import annotations

from antt_domain.validation import CodeInfo, Severity

__all__ = ["CODES", "STAGE"]

STAGE = "xlsx"

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741 - severity initials


def _code(  # noqa: PLR0917 - a catalogue row reads best positionally
    code: str,
    name: str,
    severity: Severity,
    title: tuple[str, str],
    explanation: tuple[str, str],
    template: tuple[str, str],
) -> CodeInfo:
    return CodeInfo.bilingual(
        code=code,
        name=name,
        stage=STAGE,
        severity=severity,
        title=title,
        explanation=explanation,
        message=template,
    )


_ENTRIES = (
    _code(
        "XLS001",
        "not-a-workbook",
        E,
        ("Not an Excel workbook", "Không phải tệp Excel"),
        (
            (
                "The file is not an .xlsx workbook, or it is damaged or cut short. Save it again "
                "from Excel as 'Excel Workbook (*.xlsx)'."
            ),
            (
                "Tệp không phải sổ tính .xlsx, hoặc bị hỏng, bị cắt cụt. Hãy lưu lại từ Excel "
                "dưới dạng 'Excel Workbook (*.xlsx)'."
            ),
        ),
        ("not an Excel workbook: {detail}", "không phải tệp Excel (.xlsx): {detail}"),
    ),
    _code(
        "XLS002",
        "workbook-too-large",
        E,
        ("Workbook too large", "Tệp Excel quá lớn"),
        (
            (
                "The workbook would unpack to more than the importer's limits (total size, "
                "compression ratio, number of parts): it is refused before it is opened, so a "
                "'zip bomb' cannot exhaust memory."
            ),
            (
                "Tệp Excel khi giải nén vượt giới hạn (tổng dung lượng, tỷ lệ nén, số thành "
                "phần): bị từ chối trước khi mở, để tệp 'bom nén' không làm cạn bộ nhớ."
            ),
        ),
        ("workbook refused: {detail}", "tệp Excel bị từ chối: {detail}"),
    ),
    _code(
        "XLS003",
        "unsafe-xml",
        E,
        ("Unsafe XML in the workbook", "Tệp Excel chứa XML không an toàn"),
        (
            (
                "A part of the workbook declares XML entities or a document type (as in the "
                "'billion laughs' attack). Excel never writes these; the file was made by hand "
                "or tampered with, and is not read."
            ),
            (
                "Một phần của tệp khai báo thực thể XML hoặc kiểu tài liệu (như kiểu tấn công "
                "'billion laughs'). Excel không bao giờ ghi như vậy; tệp không được đọc."
            ),
        ),
        ("unsafe XML refused: {detail}", "từ chối XML không an toàn: {detail}"),
    ),
    _code(
        "XLS004",
        "unknown-sheet",
        W,
        ("Sheet not read", "Trang tính không được đọc"),
        (
            (
                "The sheet's name is not a record type (nor the metadata sheet), so nothing in it "
                "is read. Rename it to one of the template's sheet names."
            ),
            (
                "Tên trang tính không phải một loại bản ghi (cũng không phải trang thông tin "
                "chung), nên không đọc gì trong đó. Hãy đặt lại tên như trong mẫu."
            ),
        ),
        (
            "sheet {sheet!r} is not a record type and is not read{hint}",
            "trang tính {sheet!r} không phải loại bản ghi nào, không được đọc{hint_vi}",
        ),
    ),
    _code(
        "XLS005",
        "unknown-heading",
        E,
        ("Unknown column heading", "Tiêu đề cột không xác định"),
        (
            (
                "A column's heading is not one of the sheet's columns (in Vietnamese, English or "
                "as a key), so its cells cannot be read. Correct the heading: the values are not "
                "imported until then."
            ),
            (
                "Tiêu đề cột không phải cột nào của trang tính (tiếng Việt, tiếng Anh hoặc mã), "
                "nên không đọc được các ô của cột. Hãy sửa tiêu đề: giá trị chưa được nhập."
            ),
        ),
        (
            "unknown heading {heading!r}; its column is not read{hint}",
            "tiêu đề {heading!r} không xác định; cột không được đọc{hint_vi}",
        ),
    ),
    _code(
        "XLS006",
        "duplicate-column",
        E,
        ("Column twice", "Cột bị lặp"),
        (
            (
                "Two columns of a sheet are the same field; which one holds the value would be a "
                "guess. Delete one of them."
            ),
            (
                "Hai cột của một trang tính là cùng một trường; không thể biết cột nào đúng. "
                "Hãy xoá một cột."
            ),
        ),
        (
            "column {key!r} appears again (first in column {first}); this one is not read",
            "cột {key!r} xuất hiện lần nữa (lần đầu ở cột {first}); cột này không được đọc",
        ),
    ),
    _code(
        "XLS007",
        "empty-required-cell",
        E,
        ("Required cell is empty", "Ô bắt buộc bị để trống"),
        (
            (
                "The schema requires this field (in a row that has data, or in a group such as "
                "Quantity once any of its cells is filled)."
            ),
            (
                "Lược đồ yêu cầu trường này (ở dòng có dữ liệu, hoặc trong một nhóm như Số lượng "
                "khi đã điền một ô của nhóm)."
            ),
        ),
        ("required cell is empty", "ô bắt buộc bị để trống"),
    ),
    _code(
        "XLS008",
        "formula",
        E,
        ("Formula instead of a value", "Ô chứa công thức"),
        (
            (
                "The importer reads values, never formulas: a formula's result depends on the "
                "program that computes it. Copy the cells and paste them as values (Paste "
                "Special → Values)."
            ),
            (
                "Chương trình chỉ đọc giá trị, không đọc công thức. Hãy sao chép và dán đặc biệt "
                "dưới dạng giá trị (Paste Special → Values)."
            ),
        ),
        (
            "the cell holds a formula ({formula}); paste its value instead",
            "ô chứa công thức ({formula}); hãy dán giá trị thay cho công thức",
        ),
    ),
    _code(
        "XLS009",
        "bad-number",
        E,
        ("Not a number", "Không phải số"),
        (
            (
                "A number column holds text that is not a number as written in Vietnamese "
                "(1.838 is one thousand eight hundred thirty-eight; 72,6 has a decimal comma)."
            ),
            (
                "Cột số chứa chữ không đọc được thành số theo cách viết tiếng Việt (1.838 là một "
                "nghìn tám trăm ba mươi tám; 72,6 có dấu phẩy thập phân)."
            ),
        ),
        ("{value!r} is not a number: {detail}", "{value!r} không phải số: {detail}"),
    ),
    _code(
        "XLS010",
        "number-from-text",
        I,
        ("Number read from text", "Số được đọc từ chữ"),
        (
            (
                "The cell holds text, read as a number the Vietnamese way; check that this is "
                "what was meant, and type numbers as numbers to be sure."
            ),
            (
                "Ô chứa chữ, được đọc thành số theo cách viết tiếng Việt; hãy kiểm tra lại, và "
                "nên nhập số ở dạng số."
            ),
        ),
        ("text {value!r} read as {read}", "chữ {value!r} được đọc là {read}"),
    ),
    _code(
        "XLS011",
        "bad-date",
        E,
        ("Not a date", "Không phải ngày"),
        (
            (
                "A date column holds something that is not a date: type a date cell, or text "
                "as dd/mm/yyyy or yyyy-mm-dd."
            ),
            (
                "Cột ngày chứa giá trị không phải ngày: hãy nhập ô kiểu ngày, hoặc chữ dạng "
                "dd/mm/yyyy hay yyyy-mm-dd."
            ),
        ),
        ("{value!r} is not a date: {detail}", "{value!r} không phải ngày: {detail}"),
    ),
    _code(
        "XLS012",
        "date-from-text",
        I,
        ("Date read from text", "Ngày được đọc từ chữ"),
        (
            "The cell holds a date written as text dd/mm/yyyy, read day first.",
            "Ô chứa ngày viết bằng chữ dạng dd/mm/yyyy, đọc ngày trước tháng.",
        ),
        ("text {value!r} read as {read}", "chữ {value!r} được đọc là ngày {read}"),
    ),
    _code(
        "XLS013",
        "unknown-code",
        E,
        ("Not in the list", "Không có trong danh mục"),
        (
            (
                "The cell should hold an entry of the column's list (its dropdown): a Vietnamese "
                "or English label, or the code itself."
            ),
            (
                "Ô cần chứa một mục của danh mục của cột (danh sách thả xuống): nhãn tiếng Việt, "
                "tiếng Anh hoặc chính mã."
            ),
        ),
        (
            "{value!r} is not in the list {codelist}{hint}",
            "{value!r} không có trong danh mục {codelist}{hint_vi}",
        ),
    ),
    _code(
        "XLS014",
        "number-in-text-column",
        W,
        ("Number in a text column", "Số trong cột chữ"),
        (
            (
                "A text column holds a number cell; it is read as its digits, but leading zeros "
                "(area codes such as 0038) are lost. Format the column as Text and type it again."
            ),
            (
                "Cột chữ chứa ô kiểu số; được đọc theo các chữ số, nhưng các số 0 ở đầu (mã như "
                "0038) bị mất. Hãy định dạng cột là Text và nhập lại."
            ),
        ),
        ("number {value} read as text {read!r}", "số {value} được đọc thành chữ {read!r}"),
    ),
    _code(
        "XLS015",
        "bad-cell",
        E,
        ("Cell cannot be read", "Không đọc được ô"),
        (
            (
                "The cell holds something its column cannot take: an Excel error (#N/A, "
                "#VALUE!), a true/false value, or a malformed list or JSON value."
            ),
            (
                "Ô chứa giá trị cột không nhận được: lỗi Excel (#N/A, #VALUE!), giá trị "
                "đúng/sai, hoặc danh sách hay JSON sai dạng."
            ),
        ),
        ("{detail}", "{detail_vi}"),
    ),
    _code(
        "XLS016",
        "too-many-rows",
        E,
        ("Too many rows", "Quá nhiều dòng"),
        (
            (
                "A sheet has more data rows than the importer reads; the rest are not imported. "
                "Split the workbook."
            ),
            (
                "Trang tính có nhiều dòng dữ liệu hơn giới hạn; phần còn lại không được nhập. "
                "Hãy tách tệp."
            ),
        ),
        (
            "more than {limit} data rows; the rest are not read",
            "hơn {limit} dòng dữ liệu; phần còn lại không được đọc",
        ),
    ),
    _code(
        "XLS017",
        "data-without-heading",
        E,
        ("Data in a column without heading", "Dữ liệu ở cột không có tiêu đề"),
        (
            (
                "A column holds values but has no heading, so they cannot be read. Give it the "
                "right heading, or move the values to their column."
            ),
            (
                "Một cột có giá trị nhưng không có tiêu đề nên không đọc được. Hãy đặt đúng "
                "tiêu đề, hoặc chuyển giá trị sang đúng cột."
            ),
        ),
        (
            "values in a column without heading are not read",
            "giá trị ở cột không có tiêu đề không được đọc",
        ),
    ),
    _code(
        "XLS018",
        "column-beyond-limit",
        E,
        ("Data beyond the last column read", "Dữ liệu ngoài cột cuối cùng được đọc"),
        (
            (
                "A column lies beyond the last column the importer reads (Limits.columns, 256 "
                "by default: column IV), so its values are not read. No template has that many "
                "columns: move the values to their column."
            ),
            (
                "Một cột nằm ngoài cột cuối cùng được đọc (Limits.columns, mặc định 256: cột "
                "IV), nên giá trị của cột không được đọc. Mẫu không có nhiều cột như vậy: hãy "
                "chuyển giá trị sang đúng cột."
            ),
        ),
        (
            "values beyond column {limit} are not read",
            "giá trị ngoài cột thứ {limit} không được đọc",
        ),
    ),
    _code(
        "XLS019",
        "reader-warning",
        W,
        ("The workbook reader warned", "Trình đọc tệp Excel cảnh báo"),
        (
            (
                "openpyxl, which reads the workbook, warned about something in it (a feature "
                "it drops, a malformed part). The values were read; check that nothing is "
                "missing."
            ),
            (
                "openpyxl, thư viện đọc tệp Excel, cảnh báo về một phần của tệp (tính năng bị "
                "bỏ qua, thành phần sai dạng). Các giá trị đã được đọc; hãy kiểm tra không "
                "thiếu gì."
            ),
        ),
        ("the workbook reader warned: {detail}", "trình đọc tệp Excel cảnh báo: {detail}"),
    ),
)

#: Every finding code of the importer by code.
CODES: dict[str, CodeInfo] = {info.code: info for info in _ENTRIES}
