"""Any 2.0 figure exports to CSV and SQLite, each figure id exactly once."""

from __future__ import annotations

import csv
import io
import sqlite3
import tempfile
import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antt_domain.model import Publisher
from antt_domain.model import v2 as m
from antt_domain.plugins import export

from .strategies import texts

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_IDS = st.from_regex(r"fig-[a-z0-9]{1,8}", fullmatch=True)
_UNITS = st.sampled_from(["person", "session", "case", "household", "ns:bao"])
_DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def quantities(draw: st.DrawFn) -> m.Quantity:
    words = draw(st.none() | texts)
    unit = draw(_UNITS)
    if draw(st.booleans()):
        magnitude = draw(st.sampled_from(m.VagueMagnitude))
        return m.Quantity(
            unit=unit, precision=m.Precision.VAGUE, magnitude=magnitude, as_written=words
        )
    value = draw(st.integers(min_value=0, max_value=10**9) | st.floats(0, 1e6))
    precision = draw(st.sampled_from([m.Precision.EXACT, m.Precision.ABOUT, m.Precision.AT_LEAST]))
    return m.Quantity(unit=unit, value=value, precision=precision, as_written=words)


@st.composite
def periods(draw: st.DrawFn) -> Any:
    words = draw(st.none() | texts)
    start = draw(_DATES)
    return draw(
        st.sampled_from(
            [
                m.Interval(start=start, end=start + timedelta(days=30), as_written=words),
                m.AsOf(date=start, as_written=words),
                m.Open(start=start, as_written=words),
                m.Unstated(as_written=words),
            ]
        )
    )


@st.composite
def figures(draw: st.DrawFn, figure_id: str) -> m.Figure:
    return m.Figure(
        id=figure_id,
        kind=draw(st.sampled_from(["outreach_sessions", "ns:thing"])),
        kind_as_written=draw(st.none() | texts),
        quantity=draw(st.none() | quantities()),
        period=draw(periods()),
        actors=tuple(
            m.Actor(role="organiser", as_written=w)
            for w in draw(st.lists(texts, max_size=2, unique=True))
        ),
    )


@st.composite
def datasets(draw: st.DrawFn) -> m.Dataset:
    ids = draw(st.lists(_IDS, min_size=1, max_size=5, unique=True))
    records = [draw(figures(i)) for i in ids]
    return m.Dataset(id="prop", title="t", publisher=Publisher(name="p"), records=records)


@SETTINGS
@given(datasets())
def test_any_figures_export_to_csv_and_sqlite_once_each(dataset: m.Dataset) -> None:
    """figures.csv has each figure id once, as the figures table does; the quantity's
    as_written survives in both."""
    ids = [f.id for f in dataset.records]
    buffer = io.BytesIO()
    export(dataset, "csv", buffer)
    with zipfile.ZipFile(buffer) as archive, archive.open("figures.csv") as handle:
        rows = list(csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8", newline="")))
    assert [r["id"] for r in rows] == ids
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.sqlite"
        export(dataset, "sqlite", target)
        db = sqlite3.connect(target)
        try:
            found = [i for (i,) in db.execute("select id from figures order by rowid")]
            written = dict(db.execute('select id, "quantity_as_written" from figures').fetchall())
        finally:
            db.close()
    assert found == ids
    for figure in dataset.records:
        assert isinstance(figure, m.Figure)
        expected = figure.quantity.as_written if figure.quantity else None
        assert written[figure.id] == expected
