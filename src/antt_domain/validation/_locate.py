"""Every position of a finding: a source map for JSON text (JSON pointer → line and column),
and the functions that fill in the line and column of findings from it.

A document's findings are located in its text (:func:`locate_findings`); a JSONL record's in
its own line (:func:`locate_in_lines`, one streamed pass over the file); rule findings either
in the bytes of the piece of work they come from (:func:`locate_in_piece`) or, for those found
after the run has read everything, by reading again only the files that have some, as a
stream of findings sorted by file and line (:func:`locate_sorted`). The map is computed only
for text that has findings, so valid input pays nothing for it. The text has already parsed
(and its depth is bounded), so the scanner can trust its shape.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from antt_domain.io import JSONReadError, decode_text
from antt_domain.validation._findings import Finding, RuleFault
from antt_domain.validation._inputs import InputSource, read_source, source_lines

__all__ = [
    "Pending",
    "Position",
    "ancestry",
    "escape_pointer",
    "locate",
    "locate_faults",
    "locate_findings",
    "locate_in_lines",
    "locate_in_piece",
    "locate_rule_findings",
    "locate_sorted",
    "pending_order",
]

#: 1-based line and column (columns count characters, not bytes).
Position = tuple[int, int]
#: A finding not yet located, with the JSONL line of its record (``None``: not a JSONL line).
Pending = tuple[Finding, int | None]

_WS = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SCALAR = re.compile(r"[^\s,\]\}]+")
#: What a skipped container holds between strings and brackets (the scanner jumps over it).
_BORING = re.compile(r'[^"\[\]{}]*')


def escape_pointer(token: str) -> str:
    """One JSON pointer reference token, escaped (``~`` → ``~0``, ``/`` → ``~1``)."""
    return token.replace("~", "~0").replace("/", "~1")


class _AllFound(Exception):  # noqa: N818 - a signal, not an error
    """Every wanted pointer has been found."""


class _Scanner:
    def __init__(self, text: str, wanted: set[str]) -> None:
        self.text = text
        self.wanted = wanted
        self.prefixes = {
            p[:i] for p in wanted for i in range(len(p) + 1) if i == len(p) or p[i] == "/"
        }
        self.found: dict[str, int] = {}

    def ws(self, i: int) -> int:
        match = _WS.match(self.text, i)
        return match.end() if match else i

    def mark(self, pointer: str, offset: int) -> None:
        if pointer in self.wanted and pointer not in self.found:
            self.found[pointer] = offset
            if len(self.found) == len(self.wanted):
                raise _AllFound  # nothing more to look for: stop scanning

    def string(self, i: int) -> tuple[str, int]:
        match = _STRING.match(self.text, i)
        if match is None:  # pragma: no cover - the text has parsed already
            raise ValueError(i)
        raw = match.group()
        return (json.loads(raw) if "\\" in raw else raw[1:-1]), match.end()

    def skip(self, i: int) -> int:
        """Skip one value without recording anything inside it."""
        text = self.text
        char = text[i]
        if char == '"':
            return self.string(i)[1]
        if char not in "[{":
            match = _SCALAR.match(text, i)
            return match.end() if match else i + 1
        depth = 0
        boring = _BORING.match
        while True:
            char = text[i]
            if char == '"':
                i = _STRING.match(text, i).end()  # type: ignore[union-attr]
                continue
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
                if depth == 0:
                    return i + 1
            i = boring(text, i + 1).end()  # type: ignore[union-attr]

    def value(self, i: int, pointer: str) -> int:
        i = self.ws(i)
        self.mark(pointer, i)
        if pointer not in self.prefixes:
            return self.skip(i)
        char = self.text[i]
        if char == "{":
            i = self.ws(i + 1)
            if self.text[i] == "}":
                return i + 1
            while True:
                i = self.ws(i)
                key, after = self.string(i)
                child = f"{pointer}/{escape_pointer(key)}"
                self.mark(child, i)  # a member is located at its key
                i = self.ws(after) + 1  # the colon
                i = self.ws(self.value(i, child))
                if self.text[i] == ",":
                    i += 1
                    continue
                return i + 1
        if char == "[":
            i = self.ws(i + 1)
            if self.text[i] == "]":
                return i + 1
            index = 0
            while True:
                i = self.ws(self.value(i, f"{pointer}/{index}"))
                index += 1
                if self.text[i] == ",":
                    i += 1
                    continue
                return i + 1
        return self.skip(i)


def locate(text: str, pointers: Iterable[str]) -> dict[str, Position]:
    """The position of each of ``pointers`` in the JSON ``text`` (those it can find).

    An object member is located at its key; an array item or the root at its value. A pointer
    that does not exist in the text (a missing property) is left out: locate its parent.
    """
    wanted = set(pointers)
    if not wanted:
        return {}
    scanner = _Scanner(text, wanted)
    start = 1 if text.startswith("\ufeff") else 0
    with contextlib.suppress(_AllFound):
        scanner.value(start, "")
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    positions: dict[str, Position] = {}
    for pointer, offset in scanner.found.items():
        line = bisect.bisect_right(line_starts, offset)
        positions[pointer] = (line, offset - line_starts[line - 1] + 1)
    return positions


def ancestry(pointer: str) -> list[str]:
    """``/a/b/c`` → ``[/a/b/c, /a/b, /a, ""]``: a missing member is located at its parent."""
    found = [pointer]
    while pointer:
        pointer = pointer.rsplit("/", 1)[0]
        found.append(pointer)
    return found


def locate_findings(text: str, findings: list[Finding], first_line: int = 1) -> list[Finding]:
    """``findings`` with line and column filled in from ``text`` (where not yet known).

    ``first_line``: the line number of the text's first line (a JSONL record's line)."""
    pending = [f for f in findings if f.line is None and f.pointer is not None]
    if not pending:
        return findings
    wanted = {p for f in pending for p in ancestry(f.pointer or "")}
    positions = locate(text, wanted)
    located: list[Finding] = []
    for finding in findings:
        if finding.line is not None or finding.pointer is None:
            located.append(finding)
            continue
        for pointer in ancestry(finding.pointer):
            if pointer in positions:
                line, column = positions[pointer]
                line += first_line - 1
                finding = attrs.evolve(finding, line=line, column=column)  # noqa: PLW2901
                break
        located.append(finding)
    return located


def locate_in_line(raw: bytes, findings: list[Finding], number: int, path: str) -> list[Finding]:
    """Findings of the record on JSONL line ``number`` (its bytes ``raw``), located there.

    A finding with a line already counts it within the record; one that cannot be located
    gets the record's line. Each finding is copied once."""
    located = locate_findings(decode_text(raw, source=path), findings, first_line=number)
    fresh = {id(f) for f in findings}
    return [
        attrs.evolve(f, line=number + (f.line or 1) - 1) if id(f) in fresh else f for f in located
    ]


def pending_order(entry: Pending) -> tuple[str, bool, int]:
    """The order :func:`locate_sorted` takes rule findings in: by file, then by line (those
    of no line last)."""
    finding, line = entry
    return (finding.path or "", line is None, line or 0)


def locate_in_lines(source: InputSource, entries: Sequence[Pending]) -> list[Finding]:
    """Locate JSONL findings: one streamed pass over the source, one scan of each line."""
    return list(_in_lines(source, iter(sorted(entries, key=lambda e: e[1] or 0))))


def _in_lines(source: InputSource, entries: Iterator[Pending]) -> Iterator[Finding]:
    """The findings of ``entries`` (in order of their line), located on their lines of
    ``source`` as it is read once; those whose line cannot be read stay as they are."""
    groups = itertools.groupby(entries, key=lambda e: e[1] or 0)
    number, findings = _next_line(groups)
    try:
        for at, line in source_lines(source):
            while findings and number < at:  # a line the source does not have
                yield from findings
                number, findings = _next_line(groups)
            if not findings:
                break
            if number == at:
                yield from locate_in_line(line, findings, number, source.name)
                number, findings = _next_line(groups)
    except (OSError, JSONReadError):
        pass
    while findings:  # not read (the source ended, or could not be read)
        yield from findings
        number, findings = _next_line(groups)


def _next_line(groups: Iterator[tuple[int, Iterator[Pending]]]) -> tuple[int, list[Finding]]:
    """The next line's number and findings (``[]`` after the last)."""
    for number, entries in groups:
        return number, [finding for finding, _ in entries]
    return 0, []


def _locate_in_text(
    source: InputSource, data: bytes | None, findings: list[Finding]
) -> list[Finding]:
    """Locate findings of a JSON document in its bytes (read again when ``data`` is None)."""
    try:
        raw = read_source(source) if data is None else data
        return locate_findings(decode_text(raw, source=source.name), findings)
    except JSONReadError:
        return findings


def locate_in_piece(source: InputSource, data: bytes | None, found: list[Pending]) -> list[Finding]:
    """Locate rule findings in ``data``, the bytes of the piece of ``source`` they come from
    (the lines of ``found`` count from the start of the piece)."""
    if not found or data is None:
        return [f for f, _ in found]
    here = InputSource(name=source.name, format=source.format, data=data)
    if any(line is not None for _, line in found):
        return locate_in_lines(here, found)
    return _locate_in_text(here, data, [f for f, _ in found])


def locate_sorted(found: Iterable[Pending], sources: Sequence[InputSource]) -> Iterator[Finding]:
    """Line and column for rule findings given in :func:`pending_order`, reading again only
    the files that have some, each once, as a stream (a run's many findings are never all
    held here)."""
    by_name = {s.name: s for s in sources}
    for path, entries in itertools.groupby(found, key=lambda e: e[0].path or ""):
        source = by_name.get(path)
        if source is None:
            yield from (f for f, _ in entries)
            continue
        for plain, group in itertools.groupby(entries, key=lambda e: e[1] is None):
            if plain:
                yield from _locate_in_text(source, None, [f for f, _ in group])
            else:
                yield from _in_lines(source, group)


def locate_rule_findings(found: list[Pending], sources: Sequence[InputSource]) -> list[Finding]:
    """Line and column for rule findings, reading again only the files that have some."""
    return list(locate_sorted(sorted(found, key=pending_order), sources))


def locate_faults(
    faults: Iterable[tuple[RuleFault, int | None]], sources: Sequence[InputSource]
) -> tuple[RuleFault, ...]:
    """The faults of a run, each finding with its line and column (there are few: a rule
    crashes at most once a run)."""
    located: list[RuleFault] = []
    for fault, line in faults:
        (finding,) = locate_rule_findings([(fault.finding, line)], sources)
        located.append(attrs.evolve(fault, finding=finding))
    return tuple(located)
