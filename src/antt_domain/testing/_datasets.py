"""Datasets that put an exporter to the test: empty, Vietnamese text at its trickiest, large."""

from __future__ import annotations

import unicodedata
from datetime import date

from antt_domain.model import (
    Activity,
    Area,
    AreaLevel,
    AsOf,
    Citation,
    Dataset,
    Interval,
    Organisation,
    OrganisationLevel,
    Outcome,
    Precision,
    Publisher,
    Quantity,
    Source,
    Unstated,
)
from antt_domain.model import v2 as model_v2

__all__ = [
    "empty_dataset",
    "empty_dataset_v2",
    "large_dataset",
    "vietnamese_dataset",
    "vietnamese_dataset_v2",
]

_PUBLISHER = Publisher(name="antt-domain (bộ kiểm thử)")

#: Text that breaks naive writers: every tone mark, đ/Đ, decomposed (NFD) letters, a
#: character outside the BMP, quotes, separators, a line break, markup and a formula start.
TRICKY = (
    'Hội "Liên hiệp" Phụ nữ; xã Cẩm Tân, huyện Cẩm Thuỷ | Đoàn | ạ ả ã á à ặ ẳ ẵ ắ ằ '
    "ậ ẩ ẫ ấ ầ ẹ ẻ ẽ é è ệ ể ễ ế ề ị ỉ ĩ í ì ọ ỏ õ ó ò ộ ổ ỗ ố ồ ợ ở ỡ ớ ờ "
    "ụ ủ ũ ú ù ự ử ữ ứ ừ ỵ ỷ ỹ ý ỳ\nDòng thứ hai <b>&amp;</b> \\ 📢"
)


def empty_dataset() -> Dataset:
    """A dataset with metadata and no records."""
    return Dataset(id="empty", title="Bộ dữ liệu trống", publisher=_PUBLISHER)


def vietnamese_dataset() -> Dataset:
    """A small valid dataset whose texts are as hard on an exporter as Vietnamese gets."""
    nfd = unicodedata.normalize("NFD", "Xã Cẩm Tân")
    records = [
        Source(
            id="src-bao",
            kind="article",
            title='=HYPERLINK("http://x") Bài báo: ' + TRICKY,
            authors=("Hà Phương", "Nguyễn Thị Ánh; Tuyết"),
            language="vi",
        ),
        Area(
            id="area-15178",
            name="Xã Cẩm Tân",
            level=AreaLevel.COMMUNE,
            code="15178",
            code_list="gso:2021-02-03",
            alt_names=(nfd, "+Xa Cam Tan"),
            description=TRICKY,
        ),
        Organisation(
            id="org-phu-nu",
            name="Hội Liên hiệp Phụ nữ xã Cẩm Tân",
            kind="womens_union",
            level=OrganisationLevel.COMMUNE,
            area="area-15178",
            abbreviation="-Hội LHPN",
            description="@" + TRICKY,
        ),
        Activity(
            id="act-tuyen-truyen",
            kind="mobile_outreach",
            period=Unstated(as_written="những năm qua"),
            organiser="org-phu-nu",
            area="area-15178",
            quantity=Quantity(value=1838, unit="session", as_written="1.838 buổi"),
            participants=Quantity(
                value=300,
                unit="participant_time",
                precision=Precision.MORE_THAN,
                as_written="hơn 300 lượt người",
            ),
            target_groups=("women", "households"),
            sources=(Citation(source="src-bao", locator="đoạn 2; trang 3"),),
            description="\t" + TRICKY,
            extensions={"thanh_hoa": {"ghi_chú": "Đã xác minh", "số": [1, 2.5]}},
        ),
        Outcome(
            id="out-an-toan",
            kind="units_recognised_safe",
            period=AsOf(as_written="đến nay"),
            quantity=Quantity(value=72.6, unit="percent", base_unit="residential_area"),
            area="area-15178",
            description="\r" + TRICKY,
        ),
        Outcome(
            id="out-hoa-giai",
            kind="cases_mediated",
            period=Interval.year(2021, as_written="năm 2021"),
            quantity=Quantity(value=17, unit="case", as_written="17 vụ việc"),
            organiser="org-phu-nu",
        ),
    ]
    return Dataset(
        id="tieng-viet",
        title="Kiểm thử tiếng Việt: " + TRICKY,
        publisher=_PUBLISHER,
        language="vi",
        description=TRICKY,
        sources=("src-bao",),
        records=records,
    )


def large_dataset(records: int = 5000) -> Dataset:
    """A valid dataset of ``records`` records (one area, one organisation, then activities)."""
    area = Area(id="area-390", name="Huyện Cẩm Thuỷ", level=AreaLevel.DISTRICT)
    police = Organisation(
        id="org-ca-huyen",
        name="Công an huyện Cẩm Thuỷ",
        kind="police",
        level=OrganisationLevel.DISTRICT,
        area="area-390",
    )
    activities = [
        Activity(
            id=f"act-{n:06d}",
            kind="outreach_meeting",
            period=Interval.year(2000 + n % 25),
            organiser="org-ca-huyen",
            area="area-390",
            quantity=Quantity(value=n, unit="session", as_written=f"{n} buổi"),
            description=f"Buổi tuyên truyền số {n} tại huyện Cẩm Thuỷ",
        )
        for n in range(max(records - 2, 0))
    ]
    everything = [area, police, *activities][:records]
    return Dataset(
        id="lon",
        title=f"Bộ dữ liệu lớn ({records} bản ghi)",
        publisher=_PUBLISHER,
        records=everything,
    )


def empty_dataset_v2() -> model_v2.Dataset:
    """A Schema 2.0 dataset with metadata and no records."""
    return model_v2.Dataset(id="empty-v2", title="Bộ dữ liệu trống (2.0)", publisher=_PUBLISHER)


def vietnamese_dataset_v2() -> model_v2.Dataset:
    """A small Schema 2.0 dataset whose texts (the source's words above all) are as hard on
    an exporter as Vietnamese gets: a figure with ``as_written`` words, a vague amount, a
    dataset-declared unit, actors and a link."""
    cite = (model_v2.Citation(source="src-bao", locator="đoạn 2; " + TRICKY),)
    vocabulary = model_v2.Vocabulary(
        namespace="kiemthu",
        codes=(
            model_v2.VocabularyCode(
                codelist="units",
                code="kiemthu:bao",
                vi="bao; " + TRICKY,
                en="sack",
                dimension=model_v2.UnitDimension.COUNT,
            ),
        ),
    )
    records = [
        model_v2.Source(id="src-bao", kind="article", title="=Bài báo: " + TRICKY, language="vi"),
        model_v2.Area(
            id="area-cam-tan",
            name=unicodedata.normalize("NFD", "Xã Cẩm Tân"),
            level=model_v2.AreaLevel.COMMUNE,
        ),
        model_v2.Organisation(
            id="org-hoi",
            name=TRICKY,
            kind="womens_union",
            level=OrganisationLevel.COMMUNE,
            area="area-cam-tan",
        ),
        model_v2.Figure(
            id="fig-buoi",
            kind="outreach_sessions",
            kind_as_written="+tuyên truyền",
            quantity=model_v2.Quantity(
                value=1838, unit="session", as_written="1.838 buổi; " + TRICKY
            ),
            period=model_v2.Interval(
                start=date(2021, 1, 1), end=date(2021, 12, 31), as_written="năm 2021 | cả năm"
            ),
            area="area-cam-tan",
            actors=(model_v2.Actor(role="organiser", organisation="org-hoi", as_written=TRICKY),),
            sources=cite,
        ),
        model_v2.Figure(
            id="fig-bao",
            kind="outreach_sessions",
            quantity=model_v2.Quantity(
                unit="kiemthu:bao",
                precision=model_v2.Precision.VAGUE,
                magnitude=model_v2.VagueMagnitude.THOUSANDS,
                as_written="hàng nghìn bao",
            ),
            period=model_v2.Unstated(as_written="@gần đây"),
            links=(
                model_v2.Link(
                    rel=model_v2.LinkRelation.PART_OF, to="fig-buoi", as_written="trong đó"
                ),
            ),
            sources=cite,
        ),
    ]
    return model_v2.Dataset(
        id="vietnamese-v2",
        title="Số liệu 2.0: " + TRICKY,
        publisher=_PUBLISHER,
        language="vi",
        description=TRICKY,
        vocabulary=vocabulary,
        records=records,
    )
