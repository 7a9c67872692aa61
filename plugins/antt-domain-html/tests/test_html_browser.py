"""The ``html`` report in a real headless Chromium, and ``antt report --format html``."""

from __future__ import annotations

from pathlib import Path

import pytest
from antt_domain_html import render_html
from html_plugin_support import (
    CHROMIUM,
    EXAMPLE,
    Elements,
    antt,
    browse,
    install,
    province_dataset,
    screenshot,
)

from antt_domain import load_example
from antt_domain.plugins import ReportRequest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium)"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the plugin, installed as a user would (offline, no dependencies)."""
    target = tmp_path_factory.mktemp("site")
    install(target)
    return target


@needs_chromium
def test_the_harness_sees_console_errors_and_requests(tmp_path: Path) -> None:
    """A page that throws and loads an image from a (loopback) server is caught by both
    checks -- so that their silence about the report means something."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><title>bad</title><img alt="" src="http://127.0.0.1:9/x.png">'
        '<script>throw new Error("broken on purpose")</script>',
        encoding="utf-8",
    )
    seen = browse(bad, tmp_path)
    assert ["http://127.0.0.1:9/x.png"] == seen.requests
    assert 1 == len([line for line in seen.console if "broken on purpose" in line])


@needs_chromium
def test_chromium_renders_the_report_offline_without_errors(tmp_path: Path) -> None:
    """No console message, no network request, the charts in the DOM; a screenshot is kept."""
    page = tmp_path / "bao-cao.html"
    # Charts compare one key over areas (issue #19): a province by area has some.
    source = render_html(ReportRequest(dataset=province_dataset(), period=2020, by=("area",)))
    page.write_text(source, encoding="utf-8")
    seen = browse(page, tmp_path)
    assert ([], []) == (seen.console, seen.requests)
    charts = Elements(seen.dom).named("svg")
    assert (source.count("<svg"), {"img"}) == (len(charts), {svg["role"] for svg in charts})
    assert charts
    bars = seen.dom.count('<g class="bar">')
    assert (source.count('<g class="bar">'), True) == (bars, bars >= 2 * len(charts))
    shot = tmp_path / "bao-cao.png"
    screenshot(page, tmp_path, shot)
    assert shot.read_bytes().startswith(b"\x89PNG")
    print(f"screenshot: {shot}")  # noqa: T201 - the artifact's path, for a person to look at


@needs_chromium
def test_chromium_prints_the_report_to_pdf(tmp_path: Path) -> None:
    """The print stylesheet: Chromium prints the page (A4) to a PDF without errors."""
    page = tmp_path / "report.html"
    page.write_text(render_html(ReportRequest(dataset=load_example(), lang="en")), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    seen = browse(page, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert ([], []) == (seen.console, seen.requests)
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_antt_plugins_lists_the_html_format(site: Path, tmp_path: Path) -> None:
    """Found through the ``antt_domain`` entry-point group, named ``html``."""
    result = antt("plugins", site=site, cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    assert "html (antt-domain-html 0.1.0)" in result.stdout


def test_antt_report_writes_the_page(site: Path, tmp_path: Path) -> None:
    """``-f html -o OUT``: exit 0 and the page; to stdout too (a text format)."""
    out = tmp_path / "bao-cao.html"
    result = antt(
        "report", str(EXAMPLE), "--lang", "vi", "-f", "html", "-o", str(out), site=site,
        cwd=tmp_path,
    )  # fmt: skip
    assert 0 == result.returncode, result.stderr
    assert "12.397 hộ gia đình" in out.read_text(encoding="utf-8")
    piped = antt("report", str(EXAMPLE), "--lang", "vi", "-f", "html", site=site, cwd=tmp_path)
    assert (0, out.read_text(encoding="utf-8")) == (piped.returncode, piped.stdout)


def test_an_unknown_option_exits_2(site: Path, tmp_path: Path) -> None:
    """An option the format does not take: exit 2 with a message, no traceback."""
    result = antt("report", str(EXAMPLE), "-f", "html", "-O", "colour=red", site=site, cwd=tmp_path)
    assert 2 == result.returncode
    assert "colour" in result.stderr
