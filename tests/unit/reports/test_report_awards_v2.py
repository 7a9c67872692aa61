"""Awards in a 2.0 report (issue #19): each listed as written (what, level, by whom, who,
how many, when); only like awards are added (same form, level, kind of recipient and unit);
assessments are listed as written and never added."""

from __future__ import annotations

from datetime import date

from antt_domain.model import Publisher
from antt_domain.model.v2 import (
    Actor,
    Assessment,
    AssessmentResult,
    Award,
    Dataset,
    Interval,
    Organisation,
    OrganisationLevel,
    Quantity,
    Recipient,
    RecipientKind,
)
from antt_domain.reports import Table, parse_markdown, render_markdown, render_summary

JUNE = Interval(start=date(2023, 6, 1), end=date(2023, 6, 30), as_written="tháng 6/2023")


def _org(oid: str, name: str, level: OrganisationLevel) -> Organisation:
    return Organisation(id=oid, name=name, kind="people_committee", level=level)


def _award(aid: str, form: str, issuer: str, collectives: int, persons: int) -> Award:
    return Award(
        id=aid,
        forms=(form,),
        form_as_written=form.replace("_", " "),
        issuers=(Actor(role="issuer", organisation=issuer),),
        period=JUNE,
        recipients=(
            Recipient(
                kind=RecipientKind.COLLECTIVE, quantity=Quantity(value=collectives, unit="group")
            ),
            Recipient(
                kind=RecipientKind.INDIVIDUAL, quantity=Quantity(value=persons, unit="person")
            ),
        ),
    )


def _dataset() -> Dataset:
    records = (
        _org("ubnd-tinh", "UBND tỉnh", OrganisationLevel.PROVINCE),
        _org("mttq-tinh", "Ủy ban MTTQ tỉnh", OrganisationLevel.PROVINCE),
        _org("ubnd-huyen", "UBND huyện", OrganisationLevel.DISTRICT),
        _award("a1", "certificate_of_merit", "ubnd-tinh", 17, 18),
        _award("a2", "certificate_of_merit", "mttq-tinh", 48, 1),
        _award("a3", "certificate_of_merit", "ubnd-huyen", 5, 5),  # another level
        _award("a4", "certificate_of_commendation", "ubnd-tinh", 40, 20),  # another form
        Assessment(
            id="s1",
            scheme="safe_commune",
            period=JUNE,
            results=(
                AssessmentResult(
                    outcome="achieved",
                    outcome_as_written="đạt chuẩn an toàn về ANTT",
                    quantity=Quantity(value=12, unit="commune", as_written="12 xã"),
                ),
                AssessmentResult(
                    outcome="not_achieved",
                    quantity=Quantity(value=3, unit="commune", as_written="3 xã"),
                ),
            ),
        ),
    )
    return Dataset(id="ds", title="T", publisher=Publisher(name="P"), records=records)


def _tables(markdown: str) -> list[Table]:
    return [b for b in parse_markdown(markdown) if isinstance(b, Table)]


def test_each_award_is_listed_with_its_level_issuer_recipients_and_date() -> None:
    tables = _tables(render_markdown(_dataset(), lang="vi"))
    (awards,) = [t for t in tables if "Cấp khen" in t.header and "Đơn vị khen" in t.header]
    rows = {row[-1]: dict(zip(awards.header, row, strict=True)) for row in awards.rows}
    assert sorted(rows) == ["a1", "a2", "a3", "a4"]
    assert rows["a1"]["Cấp khen"] == "Cấp tỉnh"
    assert rows["a3"]["Cấp khen"] == "Cấp huyện"
    assert "UBND tỉnh" in rows["a1"]["Đơn vị khen"]
    assert "17" in rows["a1"]["Đối tượng được khen"]
    assert "“tháng 6/2023”" in rows["a1"]["Thời gian"]
    assert "“certificate of merit”" in rows["a1"]["Hình thức"]


def test_only_like_awards_are_added() -> None:
    """a1 + a2 (Bằng khen, provincial): 65 collectives and 19 persons; the district's and
    the Giấy khen stay out of every total."""
    tables = _tables(render_markdown(_dataset(), lang="vi"))
    (totals,) = [t for t in tables if any("chỉ cộng cùng hình thức" in h for h in t.header)]
    assert sorted(totals.rows) == [
        ("Bằng khen", "Cấp tỉnh", "Cá nhân: 19", "a1, a2"),
        ("Bằng khen", "Cấp tỉnh", "Tập thể: 65", "a1, a2"),
    ]
    summary = render_summary(_dataset(), lang="vi")
    assert "Bằng khen (Cấp tỉnh), Tập thể: 65" in summary
    assert "70" not in summary  # 17 + 48 + 5: never across levels


def test_assessments_are_listed_as_written_never_added() -> None:
    tables = _tables(render_markdown(_dataset(), lang="vi"))
    (assessed,) = [t for t in tables if "Hình thức đánh giá" in t.header]
    numbers = [row[assessed.header.index("Số lượng")] for row in assessed.rows]
    assert numbers == ["12 (“12 xã”)", "3 (“3 xã”)"]
    assert "(“đạt chuẩn an toàn về ANTT”)" in assessed.rows[0][2]
    assert "15" not in render_markdown(_dataset(), lang="vi")
