"""What the built-in rules on links between 2.0 figures that compare a figure with its
targets share (D101, D104-D106, in ``rules.links``): their facts and their join. No rule
lives here."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Any

from antt_domain.model.v2 import Figure, LinkRelation
from antt_domain.validation._facts import FactLog
from antt_domain.validation._records import Issue, Located, RuleContext, Spot
from antt_domain.validation.rules._chains import FirstRecords
from antt_domain.validation.rules._walk_v2 import FigureEdge, figure_edges

__all__ = ["FigureJoin", "Summary", "join_facts"]


#: What a rule of the join keeps of a figure (never ``None``; a tuple).
Summary = tuple[Any, ...]


def join_facts(
    item: Located, relations: Collection[LinkRelation], summary: Callable[[Figure], Summary]
) -> tuple[Summary, tuple[FigureEdge, ...]] | None:
    """The facts of one record for a rule joining linked figures: ``(summary, edges)`` for a
    2.0 figure (``edges``: its links of ``relations``), ``None`` for any other record (the
    engine files its id: a record of another kind with a figure's id hides it)."""
    record = item.record
    if not isinstance(record, Figure):
        return None
    return summary(record), figure_edges(record, relations)


class FigureJoin:
    """A rule comparing each figure with the figures its links point to (the first record of
    each target id, when that is a 2.0 figure), link by link in input order.

    Kept: the summary and number of each figure, in input order (:class:`FirstRecords`: in
    chunks, nothing looked up as they come; at the end, the first record of each id a link
    names, by the run's ids); the :class:`Spot`, summary and edges of each figure with
    a link the rule compares, in a :class:`FactLog`. A subclass gives ``facts`` and
    ``compare``."""

    def start(self, context: RuleContext) -> None:
        self.first: FirstRecords[Summary] = FirstRecords(context)
        self.linking: FactLog[tuple[Spot, Summary, tuple[FigureEdge, ...]]] = FactLog()

    def take(self, spot: Spot, facts: Any) -> None:
        summary, edges = facts
        self.first.add(spot, summary)
        if edges:
            self.linking.append((spot, summary, edges))

    def compare(self, spot: Spot, mine: Summary, edge: FigureEdge, theirs: Summary) -> Issue | None:
        """The issue of one link from a figure (``mine``) to a figure (``theirs``), if any."""
        raise NotImplementedError

    def end(self) -> Iterator[Issue]:
        try:
            self.first.settle(edge[2] for _, _, edges in self.linking for edge in edges)
            for spot, mine, edges in self.linking:
                for edge in edges:
                    theirs = self.first.get(edge[2])
                    if theirs is None:
                        continue
                    found = self.compare(spot, mine, edge, theirs)
                    if found is not None:
                        yield found
        finally:
            self.first.close()
            self.linking.close()
