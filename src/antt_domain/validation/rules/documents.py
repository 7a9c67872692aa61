"""Rules on documents: V107 (a document's symbol in its normal form) and D007 (figures
within the period of effect of the agreement they are reported under).

D007 is written as facts and a join (:class:`~antt_domain.validation.FactLifecycle`); it keeps,
in stores that spill to disk, each agreement's interval of effect, the ids of the other
records (a duplicate id hides an agreement) and each dated figure's references to agreements.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from antt_domain.model import Activity, Agreement, Interval, ModelInstance, Outcome, Source, v2
from antt_domain.validation._facts import FactLog
from antt_domain.validation._findings import Severity
from antt_domain.validation._records import Issue, Located, RuleContext, Spot
from antt_domain.validation._rules import dataset_rule, record_rule
from antt_domain.validation.rules._chains import FirstRecords
from antt_domain.validation.rules._spans import span, when
from antt_domain.vi import VietnameseParseError, parse_symbol

__all__ = ["document_symbol", "outside_agreement"]


@record_rule(
    code="V107",
    name="document-symbol",
    severity="info",
    title=("Document symbol not in its normal form", "Số, ký hiệu văn bản chưa đúng chuẩn"),
    explanation=(
        (
            "Agreements are matched to their documents by number and symbol, which are written in "
            "many ways ('09/Ctr-BCA-TTTW', '09/CTR-BCA-MTTW'). A symbol that deviates from the "
            "Decree 30/2020 form is reported with its normal form; one that cannot be read at all "
            "is a warning."
        ),
        (
            "Văn bản phối hợp được đối chiếu qua số, ký hiệu, vốn được viết nhiều cách "
            "('09/Ctr-BCA-TTTW', '09/CTR-BCA-MTTW'). Ký hiệu lệch chuẩn Nghị định 30/2020 được "
            "báo kèm dạng chuẩn; ký hiệu không đọc được là cảnh báo."
        ),
    ),
    message=("{detail}", "{detail_vi}"),
    types=(Agreement, Source, v2.Document, v2.Source),
)
def document_symbol(record: object, context: RuleContext) -> Iterator[Issue]:
    """Agreement, document and source symbols parse; deviations name the normal form."""
    if not isinstance(record, (Agreement, Source, v2.Document, v2.Source)) or record.symbol is None:
        return
    try:
        symbol = parse_symbol(record.symbol)
    except VietnameseParseError as exc:
        yield Issue(
            pointer="/symbol",
            severity=Severity.WARNING,
            params={
                "detail": f"{record.symbol!r} cannot be read as a document symbol: {exc.reason}",
                "detail_vi": f"không đọc được ký hiệu văn bản {record.symbol!r}",
            },
        )
        return
    if symbol.deviations:
        kinds = ", ".join(sorted({d.code for d in symbol.deviations}))
        yield Issue(
            pointer="/symbol",
            params={
                "detail": f"{record.symbol!r} in normal form is {symbol.normal!r} ({kinds})",
                "detail_vi": f"{record.symbol!r} viết đúng chuẩn là {symbol.normal!r} ({kinds})",
            },
        )


#: D007's facts of an agreement (2.0: a document) with an interval of effect: its first and
#: last day.
_Effect = tuple[date, date]
#: D007's facts of a dated figure under agreements: the field naming them, their ids, and the
#: figure's first and last day.
_Under = tuple[str, tuple[str, ...], date, date]


class _OutsideAgreement:
    """Figures dated entirely outside an agreement's interval of effect (2.0: figures and
    events outside the ``effective`` interval of a document they are ``under``), as the first
    record with the agreement's id says. Kept: the interval of effect of each agreement, with
    its number (:class:`FirstRecords`: a duplicate id of another kind hides an agreement,
    which the run's ids tell), and the figures' references to agreements with their dates,
    judged at the end (an agreement may come later)."""

    @staticmethod
    def facts(item: Located, context: RuleContext) -> _Effect | _Under | None:
        record = item.record
        if isinstance(record, (Activity, Outcome, ModelInstance)):
            field, documents = "agreements", record.agreements
        elif isinstance(record, (v2.Figure, v2.Event)):
            field, documents = "under", record.under
        else:
            if isinstance(record, (Agreement, v2.Document)):
                effective = record.effective
                if isinstance(effective, (Interval, v2.Interval)):
                    return (effective.start, effective.end)
            return None  # its id may hide an agreement's: the run's ids tell
        if documents:
            dates = span(when(record))
            if dates is not None and dates[0] is not None and dates[1] is not None:
                return (field, tuple(documents), dates[0], dates[1])
        return None

    def start(self, context: RuleContext) -> None:
        self.effect: FirstRecords[_Effect] = FirstRecords(context)
        self.under: FactLog[tuple[Spot, _Under]] = FactLog()

    def take(self, spot: Spot, facts: _Effect | _Under) -> None:
        if len(facts) == 2:  # an agreement
            self.effect.add(spot, facts)
        else:  # a figure under agreements
            self.under.append((spot, facts))

    def end(self) -> Iterator[Issue]:
        try:
            self.effect.settle(doc for _, (_, docs, _, _) in self.under for doc in docs)
            for spot, (field, documents, first, last) in self.under:
                for index, agreement_id in enumerate(documents):
                    effect = self.effect.get(agreement_id)
                    if effect is not None and (last < effect[0] or first > effect[1]):
                        yield Issue(
                            at=spot,
                            pointer=f"/{field}/{index}",
                            params={
                                "first": first.isoformat(),
                                "last": last.isoformat(),
                                "agreement": agreement_id,
                                "start": effect[0].isoformat(),
                                "end": effect[1].isoformat(),
                            },
                        )
        finally:
            self.effect.close()
            self.under.close()


outside_agreement = dataset_rule(
    code="D007",
    name="outside-agreement-period",
    severity="warning",
    title=("Outside the agreement's period", "Ngoài thời gian hiệu lực của văn bản"),
    explanation=(
        (
            "A figure reported under an agreement should fall within the agreement's period of "
            "effect; otherwise it belongs to another agreement, or its dates are wrong."
        ),
        (
            "Số liệu báo cáo theo một văn bản phối hợp cần nằm trong thời gian hiệu lực của văn "
            "bản; nếu không, nó thuộc văn bản khác hoặc thời gian bị ghi sai."
        ),
    ),
    message=(
        "{first} to {last} is outside {agreement!r} ({start} to {end})",
        "{first} đến {last} nằm ngoài hiệu lực của {agreement!r} ({start} đến {end})",
    ),
)(_OutsideAgreement)
