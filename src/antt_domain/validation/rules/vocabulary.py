"""Built-in rules on extension codes (``namespace:code``, design section 6.4): a dataset's own
``vocabulary`` (D110, D111) and the namespaced codes its records use (D112).

A namespaced code is declared by the vocabulary of the dataset the record was read from or by
an installed plugin (whose codes are in ``context.codelists_v2``). Records read from a file
that is not a dataset document (JSONL) may use the codes of any dataset of the run.

The three are written as facts and a join (issue #18). D110 and D111 read each dataset
document's vocabulary as it comes (``document``) and keep nothing. D112 keeps the codes each
document declares (bounded by the vocabularies, not by the records) and, for records read
from another file, their undeclared namespaced codes until every document is known (in a
store that moves to disk past ``SPILL_AFTER`` entries).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from antt_domain.model import Dataset as DatasetV1
from antt_domain.model.v2 import RECORD_CLASSES, Dataset, Vocabulary
from antt_domain.validation._facts import FactLog
from antt_domain.validation._records import Issue, Located, RuleContext, Spot
from antt_domain.validation._rules import dataset_rule
from antt_domain.validation.rules._walk_v2 import codes_of

__all__ = ["outside_namespace", "undeclared_code", "vocabulary_conflict"]


def _vocabulary(dataset: DatasetV1 | Dataset) -> Vocabulary | None:
    """A 2.0 dataset document's vocabulary (``None``: none, or a 1.0 document)."""
    document: Any = dataset
    return document.vocabulary if isinstance(document, Dataset) else None


class _OutsideNamespace:
    """Every declared code starts with the vocabulary's namespace. Kept: nothing (each
    dataset document is judged as it comes); no record has facts."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> None:
        return None

    def start(self, context: RuleContext) -> None:
        pass

    def document(self, path: str, dataset: DatasetV1 | Dataset) -> Iterator[Issue]:
        vocabulary = _vocabulary(dataset)
        if vocabulary is None:
            return
        for index, code in enumerate(vocabulary.codes):
            namespace, colon, _ = code.code.partition(":")
            if not colon or namespace != vocabulary.namespace:
                yield Issue(
                    path=path,
                    pointer=f"/vocabulary/codes/{index}/code",
                    params={"code": code.code, "namespace": vocabulary.namespace},
                )

    def take(self, spot: Spot, facts: object) -> None:
        return None

    def end(self) -> tuple[Issue, ...]:
        return ()


outside_namespace = dataset_rule(
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
)(_OutsideNamespace)


class _VocabularyConflict:
    """Declared labels agree with a plugin's labels for the same code. Kept: the run's
    context (for the plugins' codelists); each dataset document is judged as it comes; no
    record has facts."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> None:
        return None

    def start(self, context: RuleContext) -> None:
        self.context = context

    def document(self, path: str, dataset: DatasetV1 | Dataset) -> Iterator[Issue]:
        vocabulary = _vocabulary(dataset)
        if vocabulary is None:
            return
        for index, code in enumerate(vocabulary.codes):
            codelist = self.context.codelists_v2.get(code.codelist)
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

    def take(self, spot: Spot, facts: object) -> None:
        return None

    def end(self) -> tuple[Issue, ...]:
        return ()


vocabulary_conflict = dataset_rule(
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
)(_VocabularyConflict)


#: A namespaced code a record uses: (pointer, codelist, code).
_Code = tuple[str, str, str]


class _UndeclaredCode:
    """Namespaced codes of 2.0 records are declared by their dataset or a plugin.

    Kept: the paths of the dataset documents read and the (codelist, code) pairs each one's
    vocabulary declares (bounded by the vocabularies); the Spot and undeclared-by-plugins
    codes of each record read from another file (a :class:`FactLog`: any dataset of the run
    may declare them, even one read later). A record's facts are its namespaced codes that
    no plugin declares (``None``: it has none).
    """

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[_Code, ...] | None:
        record = item.record
        if not isinstance(record, RECORD_CLASSES):
            return None
        found: list[_Code] | None = None
        for pointer, codelist, code in codes_of(record):
            if ":" not in code:
                continue
            plugin = context.codelists_v2.get(codelist)
            if plugin is not None and code in plugin:
                continue
            if found is None:
                found = []
            found.append((pointer, codelist, code))
        return None if found is None else tuple(found)

    def start(self, context: RuleContext) -> None:
        self.paths: set[str] = set()
        self.by_path: dict[str, frozenset[tuple[str, str]]] = {}
        self.later: FactLog[tuple[Spot, tuple[_Code, ...]]] = FactLog()

    def document(self, path: str, dataset: DatasetV1 | Dataset) -> None:
        self.paths.add(path)
        vocabulary = _vocabulary(dataset)
        if vocabulary is not None:
            self.by_path[path] = frozenset((code.codelist, code.code) for code in vocabulary.codes)

    def take(self, spot: Spot, facts: tuple[_Code, ...]) -> list[Issue] | None:
        if spot.path not in self.paths:
            self.later.append((spot, facts))
            return None
        return list(_undeclared(spot, facts, self.by_path.get(spot.path, frozenset())))

    def end(self) -> Iterator[Issue]:
        anywhere = frozenset().union(*self.by_path.values())
        try:
            for spot, facts in self.later:
                yield from _undeclared(spot, facts, anywhere)
        finally:
            self.later.close()


def _undeclared(
    spot: Spot, codes: Iterable[_Code], declared: frozenset[tuple[str, str]]
) -> Iterator[Issue]:
    """D112's issues on a record's ``codes`` that ``declared`` does not hold."""
    for pointer, codelist, code in codes:
        if (codelist, code) in declared:
            continue
        other = sorted(name for name, value in declared if value == code)
        yield Issue(
            at=spot,
            pointer=pointer,
            params={
                "code": code,
                "codelist": codelist,
                "elsewhere": f" (declared in {', '.join(other)})" if other else "",
                "elsewhere_vi": f" (khai báo trong {', '.join(other)})" if other else "",
            },
        )


undeclared_code = dataset_rule(
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
)(_UndeclaredCode)
