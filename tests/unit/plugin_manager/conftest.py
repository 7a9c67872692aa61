"""Helpers for the plugin tests: in-memory plugins and fake installed distributions."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from antt_domain.plugins import AnttPluginManager, plugin_manager
from helpers.plugins import NO_ENV


@pytest.fixture
def manager() -> AnttPluginManager:
    """Built-ins only: no entry point and no environment switch is read."""
    return plugin_manager(autoload=False, environ=NO_ENV)


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """``installed(dist, entry_name, module_source)``: a fake installed distribution.

    Writes the module and a ``.dist-info`` with an ``antt_domain`` entry point into a folder
    put at the front of ``sys.path`` -- what pip would do, without pip.
    """
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))

    def install(dist: str, entry: str, source: str, version: str = "1.2.3") -> None:
        module = dist.replace("-", "_")
        (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = site / f"{module}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            f"[antt_domain]\n{entry} = {module}\n", encoding="utf-8"
        )

    return install


@pytest.fixture(autouse=True)
def _own_current_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test runs in its own empty current folder.

    The conformance kit checks that nothing changed in the whole current folder: from the
    repository, that walks `.venv`, and counts what other test processes (``-n 2``) write
    there meanwhile (bytecode, coverage data, the hypothesis database).
    """
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
