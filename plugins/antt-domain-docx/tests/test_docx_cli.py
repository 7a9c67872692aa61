"""``antt report --format docx`` with the plugin installed by pip, and LibreOffice reading it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx_plugin_support import EXAMPLE, PARTICULARS, all_text, antt, install, open_docx


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the plugin, installed as a user would (offline, no dependencies)."""
    target = tmp_path_factory.mktemp("site")
    install(target)
    return target


def test_antt_plugins_lists_the_docx_format(site: Path, tmp_path: Path) -> None:
    """Found through the ``antt_domain`` entry-point group, named ``docx``."""
    result = antt("plugins", site=site, cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    assert "docx (antt-domain-docx 0.1.0)" in result.stdout


def test_antt_report_writes_the_document(site: Path, tmp_path: Path) -> None:
    """``-f docx -o OUT -O key=value``: exit 0, the particulars in the document."""
    options = [arg for key, value in PARTICULARS.items() for arg in ("-O", f"{key}={value}")]
    out = tmp_path / "bao-cao.docx"
    result = antt(
        "report", str(EXAMPLE), "--lang", "vi", "-f", "docx", "-o", str(out), *options,
        site=site, cwd=tmp_path,
    )  # fmt: skip
    assert 0 == result.returncode, result.stderr
    text = all_text(open_docx(out.read_bytes()))
    assert "Cẩm Thuỷ, ngày 05 tháng 3 năm 2022" in text
    assert "Số: 15/BC-CAH" in text


def test_a_config_file_next_to_the_data(site: Path, tmp_path: Path) -> None:
    """``-O config=bao-cao.toml`` is read relative to the working folder."""
    (tmp_path / "bao-cao.toml").write_text(
        'issuer = "Công an huyện Cẩm Thuỷ"\nsigner = "Nguyễn Văn An"\n', encoding="utf-8"
    )
    out = tmp_path / "r.docx"
    result = antt(
        "report", str(EXAMPLE), "-f", "docx", "-o", str(out), "-O", "config=bao-cao.toml",
        site=site, cwd=tmp_path,
    )  # fmt: skip
    assert 0 == result.returncode, result.stderr
    assert "Nguyễn Văn An" in all_text(open_docx(out.read_bytes()))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-O", "date=31/02/2022"], "date"),
        (["-O", "colour=red"], "colour"),
        ([], "binary"),
    ],
)
def test_bad_requests_exit_2_with_a_message(
    site: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    """A bad particular, an unknown option, or a binary report to stdout: exit 2, no file."""
    out = ["-o", str(tmp_path / "x.docx")] if args else []
    result = antt("report", str(EXAMPLE), "-f", "docx", *out, *args, site=site, cwd=tmp_path)
    assert 2 == result.returncode
    assert message in result.stderr
    assert not (tmp_path / "x.docx").exists()


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_document_to_pdf(tmp_path: Path) -> None:
    """LibreOffice opens the document and writes a PDF of it (headless, own profile)."""
    from antt_domain_docx import render_docx

    from antt_domain import load_example
    from antt_domain.plugins import ReportRequest

    source = tmp_path / "bao-cao.docx"
    source.write_bytes(render_docx(ReportRequest(dataset=load_example(), options=PARTICULARS)))
    assert SOFFICE is not None
    result = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "bao-cao.pdf"
    assert (0, True) == (result.returncode, pdf.exists()), result.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        text = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "12.397" in text
    print(f"PDF written to {pdf}")  # noqa: T201 - the artifact's path, for a person to look at
