"""Pytest fixtures for plugin authors: enable with ``-p antt_domain.testing.pytest_plugin``.

Or, in your top-level ``conftest.py``: ``pytest_plugins = ["antt_domain.testing.pytest_plugin"]``.
Only fixtures, all prefixed ``antt_``; nothing runs unless a test asks for one.

It is deliberately not registered through a ``pytest11`` entry point: pytest would then
rewrite the asserts of every module of the antt-domain distribution in every test run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from antt_domain.plugins import AnttPluginManager, ExporterSpec, ReportFormatSpec, plugin_manager
from antt_domain.testing._kit import check_exporter, check_report_format

__all__ = ["antt_check_exporter", "antt_check_report_format", "antt_plugin_manager"]


@pytest.fixture
def antt_plugin_manager() -> AnttPluginManager:
    """A new plugin manager with every installed plugin (your plugin included)."""
    return plugin_manager()


@pytest.fixture
def antt_check_exporter(
    antt_plugin_manager: AnttPluginManager, tmp_path: Path
) -> Callable[..., ExporterSpec]:
    """``antt_check_exporter("tsv")``: :func:`~antt_domain.testing.check_exporter` writing
    under ``tmp_path`` and looking names up in ``antt_plugin_manager``."""

    def check(spec_or_name: ExporterSpec | str, **kwargs: Any) -> ExporterSpec:
        kwargs.setdefault("manager", antt_plugin_manager)
        kwargs.setdefault("workdir", tmp_path)
        return check_exporter(spec_or_name, **kwargs)

    return check


@pytest.fixture
def antt_check_report_format(
    antt_plugin_manager: AnttPluginManager,
) -> Callable[..., ReportFormatSpec]:
    """``antt_check_report_format("html")``: :func:`~antt_domain.testing.check_report_format`
    looking names up in ``antt_plugin_manager``."""

    def check(spec_or_name: ReportFormatSpec | str, **kwargs: Any) -> ReportFormatSpec:
        kwargs.setdefault("manager", antt_plugin_manager)
        return check_report_format(spec_or_name, **kwargs)

    return check
