"""`antt report` on Schema 2.0 datasets: every corpus dataset reports, each figure in the
source's words with one Vietnamese word for its unit; unlike figures never share a total."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from antt_domain.io import load_any_dataset
from antt_domain.model.v2 import Codelists, Dataset, Figure
from antt_domain.reports import Table, parse_markdown
from antt_domain.schemas import codelists
from helpers.cli import Run

ROOT = Path(__file__).resolve().parents[2]
DATASETS = [
    *sorted((ROOT / "examples" / "corpus").glob("*/dataset.json")),
    ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json",
]


def _one_word(label: str) -> str:
    """What follows a number: the first term of a unit label listing synonyms, without a
    trailing gloss ("người" of "người, cá nhân, đối tượng, thành viên")."""
    bare = label.split(" (", maxsplit=1)[0] if not label.startswith("(") else label
    return bare.split(",")[0].rstrip("… ")


def expected_words(path: Path) -> list[str]:
    """Each figure's ``as_written`` and the one Vietnamese word for its counted unit: the
    classifier the source counted with, else the head term of the unit's label."""
    dataset = load_any_dataset(path)
    assert isinstance(dataset, Dataset)
    vocab = Codelists(lists=codelists("2"), vocabulary=dataset.vocabulary)
    found: list[str] = []
    for figure in dataset.of_type(Figure):
        quantity = figure.quantity
        if quantity is not None:
            if quantity.classifier is not None:
                found.append(vocab.label(quantity.classifier, "vi", codelist="classifiers"))
            elif quantity.unit not in ("percent", "vnd"):
                found.append(_one_word(vocab.label(quantity.unit, "vi", codelist="units")))
            if quantity.as_written:
                found.append(quantity.as_written)
    return found


def _text(markdown: str) -> str:
    parts: list[str] = []
    for block in parse_markdown(markdown):
        if isinstance(block, Table):
            parts += [cell for row in block.rows for cell in row]
        else:
            parts.append(block.text)
    return "\n".join(parts)


@pytest.mark.parametrize("path", DATASETS, ids=lambda p: p.parent.name)
def test_markdown_report_prints_every_figure_as_written(antt: Run, path: Path) -> None:
    result = antt("report", "--format", "markdown", "--lang", "vi", str(path))
    assert result.returncode == 0, result.stderr
    text = _text(result.stdout)
    missing = [w for w in expected_words(path) if w not in text]
    assert missing == []


def test_json_report_of_cam_thuy_2_0_has_the_1_0_totals(antt: Run) -> None:
    """One report path: the 1.0 file is reported as its 2.0 upgrade, with the same totals."""
    folder = ROOT / "examples" / "cam-thuy-2021"
    one = json.loads(antt("report", "-f", "json", str(folder / "dataset.json")).stdout)
    two = json.loads(antt("report", "-f", "json", str(folder / "dataset-2.0.json")).stdout)
    assert one["version"] == two["version"] == 2
    totals_one = sorted((c["records"], c["value"]) for c in one["cells"])
    totals_two = sorted((c["records"], c["value"]) for c in two["cells"])
    assert totals_one == totals_two
    assert totals_one


def test_summary_of_a_2_0_dataset_says_figures_in_the_source_words(antt: Run) -> None:
    path = ROOT / "examples" / "corpus" / "R14-que-loc-nong-son-quang-nam-2023" / "dataset.json"
    result = antt("report", "--lang", "vi", str(path))
    assert result.returncode == 0, result.stderr
    assert "8 suất quà" in result.stdout
    assert "Khen thưởng" in result.stdout


def test_1_x_and_2_0_files_are_not_merged_into_one_report(antt: Run) -> None:
    one = ROOT / "examples" / "cam-thuy-2021" / "dataset.json"
    result = antt("report", "-f", "markdown", str(one), str(DATASETS[0]))
    assert result.returncode == 2
    assert "cannot merge them (run `antt upgrade` on the 1.x file first)" in result.stderr


def test_1_0_selections_are_refused_on_2_0_data_not_ignored(antt: Run) -> None:
    result = antt("report", "-f", "markdown", "-O", "organisation=org-x", str(DATASETS[0]))
    assert result.returncode == 2
    assert "not available for a 2.0 dataset" in result.stderr


def test_period_and_by_year_select_and_bucket_2_0_figures(antt: Run) -> None:
    path = ROOT / "examples" / "corpus" / "R15-tp-ho-chi-minh-2023" / "dataset.json"
    only = antt("report", "-f", "json", "--period", "2022", str(path))
    assert only.returncode == 0, only.stderr
    cells = json.loads(only.stdout)["cells"]
    assert [(c["records"], c["value"]) for c in cells] == [(["fig-r15-pham-toi-2022"], 4266)]
    yearly = json.loads(antt("report", "-f", "json", "--by", "year", str(path)).stdout)
    years = sorted((c["key"]["period"], c["value"]) for c in yearly["cells"])
    assert years == [("2013", 6218), ("2022", 4266)]
    refused = antt("report", "-f", "markdown", "--by", "district", str(path))
    assert refused.returncode == 2
    assert "unknown dimension(s) district; known: area, year, quarter, month" in refused.stderr


def test_each_figure_row_names_who_organised_it(antt: Run) -> None:
    """Issue #19: the organiser of a counted figure is shown, in the table and the summary."""
    path = ROOT / "examples" / "cam-thuy-2021" / "dataset-2.0.json"
    result = antt("report", "-f", "markdown", "--lang", "vi", str(path))
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if "| out-hoa-giai |" in line]
    assert len(rows) == 1
    assert "| Mặt trận Tổ quốc các cấp huyện Cẩm Thuỷ |" in rows[0]
    assert "Đơn vị thực hiện" in result.stdout
    summary = antt("report", "--lang", "vi", str(path))
    assert summary.returncode == 0, summary.stderr
    assert "do Công an huyện Cẩm Thuỷ" in summary.stdout
