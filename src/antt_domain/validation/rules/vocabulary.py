"""Built-in rules on extension codes (``namespace:code``, design section 6.4): a dataset's own
``vocabulary`` (D110, D111) and the namespaced codes its records use (D112).

A namespaced code is declared by the vocabulary of the dataset the record was read from or by
an installed plugin (whose codes are in ``context.codelists_v2``). Records read from a file
that is not a dataset document (JSONL) may use the codes of any dataset of the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from antt_domain.model.v2 import RECORD_CLASSES, Dataset
from antt_domain.validation._rules import Issue, RecordSet, RuleContext, dataset_rule
from antt_domain.validation.rules._walk_v2 import codes_of, vocabulary_of

__all__ = ["outside_namespace", "undeclared_code", "vocabulary_conflict"]


def _vocabularies(records: RecordSet) -> Iterator[tuple[str, Dataset]]:
    for path, dataset in records.documents:
        document: Any = dataset
        if isinstance(document, Dataset) and document.vocabulary is not None:
            yield path, document


@dataset_rule(
    code="D110",
    name="vocabulary-outside-namespace",
    severity="error",
    title=("Vocabulary code outside its namespace", "Mã bổ sung nằm ngoài không gian tên"),
    explanation=(
        (
            "A dataset's vocabulary declares codes in its one namespace only "
            "('daknong:coffee_watch' in namespace 'daknong'): a bare code would clash with the "
            "built-in codes, a code of another namespace with another publisher's."
        ),
        (
            "Bộ từ vựng của một bộ dữ liệu chỉ khai báo mã trong không gian tên của nó "
            "('daknong:coffee_watch' trong 'daknong'): mã không có tiền tố sẽ trùng mã có sẵn, "
            "mã của không gian tên khác sẽ trùng mã của đơn vị khác."
        ),
    ),
    message=(
        "{code!r} is not in the dataset's namespace {namespace!r}",
        "{code!r} không thuộc không gian tên {namespace!r} của bộ dữ liệu",
    ),
)
def outside_namespace(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Every declared code starts with the vocabulary's namespace."""
    for path, dataset in _vocabularies(records):
        vocabulary = dataset.vocabulary
        assert vocabulary is not None  # noqa: S101 - _vocabularies yields declared ones only
        for index, code in enumerate(vocabulary.codes):
            namespace, colon, _ = code.code.partition(":")
            if not colon or namespace != vocabulary.namespace:
                yield Issue(
                    path=path,
                    pointer=f"/vocabulary/codes/{index}/code",
                    params={"code": code.code, "namespace": vocabulary.namespace},
                )


@dataset_rule(
    code="D111",
    name="vocabulary-conflict",
    severity="warning",
    title=(
        "Dataset and plugin label a code differently",
        "Bộ dữ liệu và plugin đặt tên mã khác nhau",
    ),
    explanation=(
        (
            "A code declared both by the dataset's vocabulary and by an installed plugin has "
            "different labels in the two. The dataset's labels are used for its own records; "
            "align them, or use another code if they mean different things."
        ),
        (
            "Một mã được khai báo cả trong bộ từ vựng của bộ dữ liệu và trong plugin nhưng có "
            "tên gọi khác nhau. Tên của bộ dữ liệu được dùng cho bản ghi của nó; hãy thống "
            "nhất, hoặc dùng mã khác nếu hai nghĩa khác nhau."
        ),
    ),
    message=(
        "{code!r} is {label!r} here, {other!r} in {origin}",
        "{code!r} ở đây là {label!r}, trong {origin} là {other!r}",
    ),
)
def vocabulary_conflict(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Declared labels agree with a plugin's labels for the same code."""
    for path, dataset in _vocabularies(records):
        assert dataset.vocabulary is not None  # noqa: S101 - yielded only with a vocabulary
        for index, code in enumerate(dataset.vocabulary.codes):
            codelist = context.codelists_v2.get(code.codelist)
            entry = codelist.get(code.code) if codelist is not None else None
            if entry is None:
                continue
            for lang in ("vi", "en"):
                mine = getattr(code, lang)
                if mine is not None and mine != entry.label(lang):
                    origin = codelist.origin.get(code.code, "a plugin") if codelist else "?"
                    yield Issue(
                        path=path,
                        pointer=f"/vocabulary/codes/{index}/{lang}",
                        params={
                            "code": code.code,
                            "label": mine,
                            "other": entry.label(lang),
                            "origin": origin,
                        },
                    )


@dataset_rule(
    code="D112",
    name="undeclared-extension-code",
    severity="warning",
    title=("Extension code not declared", "Mã bổ sung chưa được khai báo"),
    explanation=(
        (
            "A namespaced code ('daknong:coffee_watch') must be declared, with its labels, in "
            "the same codelist by the dataset's vocabulary or by an installed plugin. An "
            "undeclared code stays usable and shows as itself, but cannot be labelled or "
            "checked."
        ),
        (
            "Mã có không gian tên ('daknong:coffee_watch') phải được khai báo kèm tên gọi, "
            "trong đúng danh mục, ở bộ từ vựng của bộ dữ liệu hoặc trong một plugin đã cài. "
            "Mã chưa khai báo vẫn dùng được và hiện nguyên mã, nhưng không có tên gọi và không "
            "kiểm tra được."
        ),
    ),
    message=(
        "{code!r} is not declared in {codelist}{elsewhere}",
        "{code!r} chưa được khai báo trong {codelist}{elsewhere_vi}",
    ),
)
def undeclared_code(records: RecordSet, context: RuleContext) -> Iterator[Issue]:
    """Namespaced codes of records are declared by their dataset or a plugin."""
    by_path = {path: vocabulary_of(dataset) for path, dataset in _vocabularies(records)}
    paths = {path for path, _ in records.documents}
    anywhere: dict[tuple[str, str], Any] = {}
    for declared in by_path.values():
        anywhere.update(declared)
    for item in records:
        if not isinstance(item.record, RECORD_CLASSES):
            continue
        declared = by_path.get(item.path, {}) if item.path in paths else anywhere
        for pointer, codelist, code in codes_of(item.record):
            if ":" not in code or (codelist, code) in declared:
                continue
            plugin = context.codelists_v2.get(codelist)
            if plugin is not None and code in plugin:
                continue
            other = sorted(name for name, value in declared if value == code)
            yield Issue(
                at=item,
                pointer=pointer,
                params={
                    "code": code,
                    "codelist": codelist,
                    "elsewhere": f" (declared in {', '.join(other)})" if other else "",
                    "elsewhere_vi": f" (khai báo trong {', '.join(other)})" if other else "",
                },
            )
