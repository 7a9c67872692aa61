"""Pytest fixtures for plugin authors, all prefixed ``antt_``; nothing runs unless a test asks.

antt-domain registers this module as a ``pytest11`` entry point (named ``antt_domain``), so the
fixtures are there in any pytest run where antt-domain is installed, with nothing to enable.
As for every plugin installed that way, pytest rewrites the asserts of the antt-domain
distribution's own modules when it imports them; ``-p no:antt_domain`` turns the plugin off.
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
