"""D006: organisations or areas of one kind, level and place whose names match once tone-mark
placement, Unicode form and case are set aside -- probably one body recorded twice.

D006 is written as facts and a join (:class:`~antt_domain.validation.FactLifecycle`): each
organisation or area gives its key (kind, level, place and the bounded matching key of its
name, as one string) and name where it is read; kept is each key with the id and name of the
first record that had it, in a store that spills to disk."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from antt_domain.model import Area, Organisation, v2
from antt_domain.validation._facts import FactIndex
from antt_domain.validation._records import Issue, Located, RuleContext, Spot
from antt_domain.validation._rules import dataset_rule
from antt_domain.vi import fix_lookalikes, name_key

__all__ = ["NAME_KEY_CHARS", "duplicate_names"]


#: Names are compared (D006, D010) through :func:`~antt_domain.vi.name_key` of their first
#: words, up to this many characters (after Unicode NFC and white space collapsed); the rest
#: of a longer name is compared by a digest of its case-folded words, so memory and time stay
#: linear in the name whatever its length (``name_key`` of one long word costs ~200 bytes a
#: character). No real name comes near the bound.
NAME_KEY_CHARS = 512

_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
_CHUNK = 64 * 1024


def _name_key(name: str, *, strip_prefixes: bool = False) -> str:
    """:func:`~antt_domain.vi.name_key` of ``name``, bounded: equal to it for a name of at
    most :data:`NAME_KEY_CHARS` characters, and for a longer name ``name_key`` of its first
    words plus a digest of the others (case-folded; tone-mark placement is not matched there)."""
    if len(name) <= NAME_KEY_CHARS:
        return name_key(name, strip_prefixes=strip_prefixes)
    if "\u00d0" in name or "\u00f0" in name:  # str.translate is slow on a long text
        name = fix_lookalikes(name)
    text = unicodedata.normalize("NFC", name)
    head: list[str] = []
    size = -1
    rest = len(text)  # where the words past the bound start
    for match in _WORD.finditer(text):
        if size + 1 + match.end() - match.start() > NAME_KEY_CHARS:
            rest = match.start()
            if not head:  # one word longer than the bound: its start is the head
                head.append(text[rest : rest + NAME_KEY_CHARS])
                rest += NAME_KEY_CHARS
            break
        head.append(match.group())
        size += 1 + match.end() - match.start()
    key = name_key(" ".join(head), strip_prefixes=strip_prefixes)
    digest = hashlib.blake2b(digest_size=16)
    words = 0
    while rest < len(text):
        # A chunk ends at white space, so no word is cut (a word longer than a chunk is
        # taken whole): each word is hashed followed by one space, whatever the spacing.
        space = _SPACE.search(text, rest + _CHUNK)
        stop = space.start() if space else len(text)
        chunk = text[rest:stop].split()
        if chunk:
            words += len(chunk)
            digest.update(" ".join(chunk).casefold().encode("utf-8", "surrogatepass") + b" ")
        rest = stop
    return f"{key}\x00{words}:{digest.hexdigest()}" if words else key


def _part(value: str | None) -> str:
    """One part of a key as text that no other value gives (its length first)."""
    return "-" if value is None else f"{len(value)}:{value}"


class _DuplicateNames:
    """Organisations and areas whose matching keys collide. Kept: each key (one string) with
    the id and name of the first record that had it, in a store that spills to disk."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> tuple[str, str] | None:
        record = item.record
        parts: tuple[str | None, ...]
        if isinstance(record, (Organisation, v2.Organisation)):
            parts = ("o", record.kind, record.level.value, record.area)
        elif isinstance(record, (Area, v2.Area)):
            level = None if record.level is None else record.level.value
            parts = ("a", level, record.parent, record.code_list)
        else:
            return None
        # The key is one string (levels by their code: a 1.0 level equals the 2.0 one), so
        # that equal keys are equal once on disk too.
        key = "".join(_part(part) for part in parts) + _name_key(record.name)
        return (key, record.name)

    def start(self, context: RuleContext) -> None:
        self.seen: FactIndex[tuple[str, str]] = FactIndex()

    def take(self, spot: Spot, facts: tuple[str, str]) -> list[Issue] | None:
        key, name = facts
        first = self.seen.setdefault(key, (spot.record_id, name))
        if first[0] == spot.record_id:
            return None  # the first with this key, or a copy of it under its id
        issue = Issue(
            at=spot,
            pointer="/name",
            params={"name": name, "first_name": first[1], "first": first[0]},
        )
        return [issue]

    def end(self) -> tuple[Issue, ...]:
        self.seen.close()
        return ()


duplicate_names = dataset_rule(
    code="D006",
    name="probable-duplicate-name",
    severity="warning",
    title=("Probably the same organisation or area twice", "Có thể là một đơn vị bị ghi hai lần"),
    explanation=(
        (
            "Two organisations (or areas) of the same kind, level and place whose names differ "
            "only in tone-mark placement ('Thuỷ'/'Thủy'), Unicode form (NFC/NFD) or case are "
            "probably one body recorded twice, which splits its figures in reports."
        ),
        (
            "Hai cơ quan (hoặc địa bàn) cùng loại, cấp, nơi mà tên chỉ khác vị trí dấu thanh "
            "('Thuỷ'/'Thủy'), dạng Unicode (NFC/NFD) hoặc chữ hoa thường có lẽ là một đơn vị bị "
            "ghi hai lần, làm số liệu bị tách khi tổng hợp."
        ),
    ),
    message=(
        "{name!r} is probably {first_name!r} ({first})",
        "{name!r} có lẽ là {first_name!r} ({first})",
    ),
)(_DuplicateNames)
