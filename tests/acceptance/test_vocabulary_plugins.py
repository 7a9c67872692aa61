"""A plugin's namespaced 2.0 codes, end to end: an installed plugin (``thanhhoa``) declares
``thanhhoa:boat`` (units) and ``thanhhoa:boats_inspected`` (figure_kinds); a 2.0 dataset uses
both and labels ``thanhhoa:boat`` itself, otherwise than the plugin."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from helpers.cli import Run, install_offline

pytestmark = pytest.mark.smoke

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "tests" / "fixtures" / "plugins" / "antt-domain-thanhhoa"
NO_PLUGINS = {"ANTT_DISABLE_PLUGIN_AUTOLOAD": "1"}

DATASET: dict[str, Any] = {
    "type": "dataset",
    "id": "th-boats",
    "schema_version": "2.0",
    "title": "Thuyền ở xã Thử Nghiệm",
    "publisher": {"name": "test"},
    "language": "vi",
    "vocabulary": {
        "namespace": "thanhhoa",
        "codes": [
            {
                "codelist": "units",
                "code": "thanhhoa:boat",
                "vi": "chiếc thuyền",
                "en": "boat",
                "dimension": "count",
            }
        ],
    },
    "records": [
        {"id": "area-1", "type": "area", "name": "xã Thử Nghiệm", "level": "commune"},
        {
            "id": "fig-1",
            "type": "figure",
            "kind": "thanhhoa:boats_inspected",
            "quantity": {"value": 12, "unit": "thanhhoa:boat", "as_written": "12 thuyền"},
            "period": {"kind": "interval", "start": "2024-01-01", "end": "2024-12-31"},
            "area": "area-1",
        },
    ],
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin installed offline into a folder for PYTHONPATH."""
    return install_offline(tmp_path_factory.mktemp("site"), PLUGIN)


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "boats.json"
    path.write_text(json.dumps(DATASET, ensure_ascii=False), encoding="utf-8")
    return path


def _findings(result: Any) -> list[tuple[str, str]]:
    return [(f["code"], f["pointer"]) for f in json.loads(result.stdout)["findings"]]


def test_validate_knows_the_plugin_codes_and_reports_a_label_conflict(
    antt: Run, site: Path, dataset: Path
) -> None:
    """Without the plugin its kind is undeclared (D112); with it the kind is declared, and
    the dataset's other label for the plugin's unit is D111, naming the plugin."""
    without = antt("validate", "--format", "json", str(dataset), env=NO_PLUGINS)
    assert _findings(without) == [("D112", "/records/1/kind")]
    with_plugin = antt("validate", "--format", "json", str(dataset), env={"PYTHONPATH": str(site)})
    findings = json.loads(with_plugin.stdout)["findings"]
    assert [(f["code"], f["pointer"]) for f in findings] == [("D111", "/vocabulary/codes/0/vi")]
    assert "'thuyền' in thanhhoa" in findings[0]["message"]
    assert with_plugin.returncode == 0  # a warning


def test_show_labels_the_plugin_code_and_the_dataset_wins_for_its_own(
    antt: Run, site: Path, dataset: Path
) -> None:
    """The kind is labelled as the plugin says; the unit as the dataset says."""
    without = antt("show", "--lang", "vi", str(dataset), env=NO_PLUGINS)
    assert "thanhhoa:boats_inspected" in without.stdout
    shown = antt("show", "--lang", "vi", str(dataset), env={"PYTHONPATH": str(site)})
    assert shown.returncode == 0, shown.stderr
    line = next(x for x in shown.stdout.splitlines() if "[fig-1]" in x)
    assert "Thuyền được kiểm tra" in line
    assert "thanhhoa:boats_inspected" not in line
    assert "chiếc thuyền" in line


def test_the_csv_vocabulary_names_the_plugin_as_origin(
    antt: Run, site: Path, dataset: Path, tmp_path: Path
) -> None:
    """vocabulary.csv: the plugin's kind has origin plugin:thanhhoa, the unit the dataset
    declares has origin dataset; without the plugin the kind is undeclared."""

    def vocabulary(env: dict[str, str], name: str) -> dict[str, dict[str, str]]:
        out = tmp_path / name
        result = antt("export", "-o", str(out), str(dataset), env=env)
        assert result.returncode == 0, result.stderr
        with zipfile.ZipFile(out) as archive:
            text = archive.read("vocabulary.csv").decode("utf-8-sig")
        return {row["code"]: row for row in csv.DictReader(io.StringIO(text))}

    rows = vocabulary({"PYTHONPATH": str(site)}, "with.zip")
    kind = rows["thanhhoa:boats_inspected"]
    assert (kind["origin"], kind["vi"], kind["en"]) == (
        "plugin:thanhhoa",
        "Thuyền được kiểm tra",
        "Boats inspected",
    )
    assert (rows["thanhhoa:boat"]["origin"], rows["thanhhoa:boat"]["vi"]) == (
        "dataset",
        "chiếc thuyền",
    )
    bare = vocabulary(NO_PLUGINS, "without.zip")
    assert bare["thanhhoa:boats_inspected"]["origin"] == "undeclared"
