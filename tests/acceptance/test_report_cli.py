"""`antt report`: the built-in report formats through the plugin hook, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.cli import Run

F1_F13_VI = [
    "1.838 buổi",
    "2.543 lượt",  # as the source wrote it, not the unit label "lượt phát"
    "35 buổi",
    "5.592 lượt người",
    "14 loại mô hình",
    "Dòng họ tự quản về ANTT",
    "Ánh sáng đường quê gắn với ANTT",
    "Xứ đạo bình yên - Gia đình văn hoá",
    "9 người",
    "17 vụ việc",
    "23 nguồn tin",
    "12.397 hộ gia đình",
    "Làng quê an toàn cho phụ nữ và trẻ em",
    "Xã Cẩm Yên, Xã Cẩm Tân, Xã Cẩm Liên",
    "Thanh niên tự quản về ANTT",
    "23 người",
]


def test_summary_in_vietnamese_shows_every_figure(antt: Run, example_path: Path) -> None:
    """The default report (summary, vi) shows F1-F13 with Vietnamese number formats."""
    result = antt("report", "--lang", "vi", str(example_path))
    assert result.returncode == 0, result.stderr
    for figure in F1_F13_VI:
        assert figure in result.stdout, figure
    said = "“1.838 buổi”, “những năm qua” (do Công an huyện Cẩm Thuỷ; không cộng: không rõ"
    assert said in result.stdout
    assert "Số liệu từng năm riêng" in result.stdout  # several years: each apart, and said
    assert "5.592 người" not in result.stdout


def test_summary_in_english_keeps_2021_apart_from_recent_years(
    antt: Run, example_path: Path
) -> None:
    """--period 2021: the 2021 outcomes counted, 'những năm qua' figures not attributed to it."""
    result = antt("report", "--lang", "en", "--period", "2021", str(example_path))
    text = result.stdout
    assert "Figures for the year 2021" in text
    assert "Cases settled by mediation: 17 cases, the year 2021" in text
    said = "“1.838 buổi”, “những năm qua” (by Công an huyện Cẩm Thuỷ; not added: period not stated)"
    assert said in text
    assert "“14 loại mô hình”, “đến nay”" in text


def test_json_report_has_provenance_that_resolves(antt: Run, example_path: Path) -> None:
    """--format json: every cell lists records of the dataset."""
    result = antt("report", "-f", "json", "--by", "year", str(example_path))
    report = json.loads(result.stdout)
    dataset = json.loads(example_path.read_text(encoding="utf-8"))
    ids = {r["id"] for r in dataset["records"]}
    assert report["version"] == 2
    cells = report["cells"]
    assert cells
    assert all(set(c["records"]) <= ids for c in cells)
    assert {a["record"] for a in report["apart"]} <= ids


def test_report_to_a_file_is_atomic_and_not_overwritten(
    antt: Run, example_path: Path, tmp_path: Path
) -> None:
    """-o FILE writes the report; again without --force is refused with exit 2."""
    target = tmp_path / "bao-cao.md"
    first = antt("report", "-f", "markdown", "-o", str(target), str(example_path))
    assert first.returncode == 0
    assert target.read_text(encoding="utf-8").startswith("# ")
    again = antt("report", "-f", "markdown", "-o", str(target), str(example_path))
    assert again.returncode == 2
    assert "--force" in again.stderr or "exists" in again.stderr


def test_bad_requests_exit_two_with_a_reason(antt: Run, example_path: Path) -> None:
    """An unknown format lists the available ones; an unknown area or dimension is named."""
    unknown = antt("report", "-f", "pdf", str(example_path))
    assert unknown.returncode == 2
    assert "summary" in unknown.stderr
    area = antt("report", "--area", "99", str(example_path))
    assert area.returncode == 2
    assert "99" in area.stderr
    dims = antt("report", "--by", "colour", str(example_path))
    assert dims.returncode == 2
    assert "colour" in dims.stderr
    year = antt("report", "--period", "21", str(example_path))
    assert year.returncode == 2


def test_plugins_lists_the_built_in_report_formats(antt: Run) -> None:
    """The report formats are plugins: `antt plugins --json` shows them."""
    listing = json.loads(antt("plugins", "--json").stdout)
    formats = {f for p in listing["plugins"] for f in p["report_formats"]}
    assert {"summary", "markdown", "json"} <= formats
