"""Helpers of the antt-domain-docx tests: the example request, documents, datasets, the CLI."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
from docx.document import Document

from antt_domain import Dataset, loads_dataset
from antt_domain.plugins import ReportRequest

PLUGIN = Path(__file__).resolve().parents[1]
ROOT = PLUGIN.parents[1]
EXAMPLE = ROOT / "examples" / "cam-thuy-2021" / "dataset.json"
ANTT = str(Path(sys.executable).parent / ("antt.exe" if os.name == "nt" else "antt"))

#: The particulars of a real-looking report (as a district police would fill them in).
PARTICULARS = {
    "superior": "Công an tỉnh Thanh Hoá",
    "issuer": "Công an huyện Cẩm Thuỷ",
    "number": "15/BC-CAH",
    "place": "Cẩm Thuỷ",
    "date": "2022-03-05",
    "subject": "Kết quả thực hiện các nghị quyết liên tịch, chương trình phối hợp về ANTT",
    "recipients": "Công an tỉnh Thanh Hoá; Huyện uỷ, UBND huyện Cẩm Thuỷ; Lưu: VT",
    "position": "Trưởng Công an huyện",
    "signer": "Nguyễn Văn An",
}


def open_docx(data: bytes) -> Document:
    """The document python-docx reads from ``data``."""
    return docx.Document(io.BytesIO(data))


def all_text(document: Document) -> str:
    """Every paragraph's text, in the body and in every table cell, one per line."""
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines += [p.text for p in cell.paragraphs]
    return "\n".join(lines)


def request(dataset: Dataset, **options: str) -> ReportRequest:
    """A ``vi`` request for ``dataset`` with ``options``."""
    return ReportRequest(dataset=dataset, options=options)


def province_dataset() -> Dataset:
    """A province-sized generated dataset (``benchmarks/datagen.py``, seed 1)."""
    spec = importlib.util.spec_from_file_location(
        "antt_datagen", ROOT / "benchmarks" / "datagen.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data: dict[str, Any] = module.generate("province", 1)
    return loads_dataset(json.dumps(data).encode("utf-8"))


def install(target: Path) -> None:
    """Install this plugin into ``target`` with pip: offline, no dependencies, no isolation."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "--target",
            str(target),
            str(PLUGIN),
        ],
        check=True,
        capture_output=True,
    )


def antt(*args: str, site: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real ``antt`` with the plugin of ``site`` on PYTHONPATH; never a traceback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(PYTHONPATH=str(site), PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [ANTT, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result
