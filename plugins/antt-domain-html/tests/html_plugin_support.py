"""Helpers of the antt-domain-html tests: parsing the page, headless Chromium, the CLI."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs

from antt_domain import Dataset, loads_dataset

PLUGIN = Path(__file__).resolve().parents[1]
ROOT = PLUGIN.parents[1]
EXAMPLE = ROOT / "examples" / "cam-thuy-2021" / "dataset.json"
ANTT = str(Path(sys.executable).parent / ("antt.exe" if os.name == "nt" else "antt"))
CHROMIUM = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")


class Elements(HTMLParser):
    """Every start tag as ``(tag, attributes)``, and the text inside each ``<title>``."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.titles: list[str] = []
        self._title: list[str] | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "title":
            self._title = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title is not None:
            self.titles.append("".join(self._title))
            self._title = None

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        """The attributes of every ``tag`` element."""
        return [a for t, a in self.tags if t == tag]


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


@attrs.frozen
class Browsed:
    """What headless Chromium made of a page."""

    dom: str
    console: list[str]
    requests: list[str]


_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-pings",
]


def browse(page: Path, workdir: Path, *extra: str) -> Browsed:
    """Open ``page`` in headless Chromium (its own profile) and collect the DOM after load,
    the page's console messages and every network request the page itself made.

    Console messages come from Chromium's log (``--enable-logging=stderr --v=1``: lines with
    ``:CONSOLE``); requests from its NetLog (``--log-net-log``): a request started for the
    page is one whose network isolation key is the page's own site (``file://``), which tells
    it apart from the browser's own background traffic.
    """
    assert CHROMIUM is not None
    netlog = workdir / "netlog.json"
    result = subprocess.run(
        [
            CHROMIUM,
            *_FLAGS,
            f"--user-data-dir={workdir / 'profile'}",
            "--enable-logging=stderr",
            "--v=1",
            f"--log-net-log={netlog}",
            *extra,
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=180,
        check=False,
    )
    assert 0 == result.returncode, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    log = json.loads(netlog.read_text(encoding="utf-8"))
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    requests = []
    for event in log["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) != "URL_REQUEST_START_JOB":
            continue
        if str(params.get("network_isolation_key", "")).startswith("file://"):
            requests.append(str(params.get("url")))
    return Browsed(dom=result.stdout, console=console, requests=requests)


def screenshot(page: Path, workdir: Path, out: Path) -> None:
    """A PNG of ``page`` as Chromium draws it, 1200 px wide."""
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            *_FLAGS,
            f"--user-data-dir={workdir / 'shot-profile'}",
            "--hide-scrollbars",
            "--window-size=1200,1600",
            f"--screenshot={out}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )


def install(target: Path) -> None:
    """Install this plugin into ``target`` with pip: offline, no dependencies, no isolation."""
    subprocess.run(
        [
            sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
            "--no-build-isolation", "--target", str(target), str(PLUGIN),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip


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
