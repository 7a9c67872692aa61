"""`antt validate` with the plugin installed: real codes of other provinces pass D010, a code
that does not exist is an error where the gazetteer is complete."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

DATASET: dict[str, Any] = {
    "type": "dataset",
    "id": "gazetteer-vn-check",
    "schema_version": "1.0",
    "title": "Địa bàn của nhiều tỉnh",
    "publisher": {"name": "tests"},
    "records": [
        {"id": "tx", "type": "area", "name": "Huyện Thọ Xuân", "level": "district",
         "code": "395", "code_list": "gso:2021-02-03", "valid_to": "2025-07-01"},
        {"id": "hg", "type": "area", "name": "Tỉnh Hà Giang", "level": "province",
         "code": "02", "code_list": "gso:2021-02-03", "valid_to": "2025-07-01"},
        {"id": "ct", "type": "area", "name": "Xã Cẩm Thủy", "level": "commune",
         "code": "15127", "code_list": "vn:2025-07-01", "valid_from": "2025-07-01"},
        {"id": "bad", "type": "area", "name": "Tỉnh Không Có", "level": "province",
         "code": "99", "code_list": "vn:2025-07-01", "valid_from": "2025-07-01"},
    ],
}  # fmt: skip


def _d010(tmp_path: Path, **env: str) -> list[str]:
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(DATASET, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-m", "antt_domain", "validate", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PYTHONIOENCODING": "utf-8", **env},
        check=False,
    )
    return [line.split(": ", 1)[1] for line in result.stdout.splitlines() if " D010 " in line]


def test_real_codes_pass_and_a_false_code_is_an_error(tmp_path: Path) -> None:
    """Thọ Xuân, Hà Giang and the new Cẩm Thủy are known; province 99 is not, after 2025-07-01."""
    expected = ["D010 error no unit with code 99 on 2025-07-01 in the gazetteer [/records/3/code]"]
    assert expected == _d010(tmp_path)


def test_without_the_plugin_the_extract_cannot_tell(tmp_path: Path) -> None:
    """The bundled extract alone knows only Cẩm Thủy and warns on the rest (as before #16)."""
    found = _d010(tmp_path, ANTT_DISABLE_PLUGIN_AUTOLOAD="1")
    expected = (3, True)
    assert expected == (len(found), all(" warning " in line for line in found))
