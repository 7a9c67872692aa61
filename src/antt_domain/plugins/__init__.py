"""Plugins: exporters, report formats, rules, codelists, gazetteers and commands, via pluggy.

The pluggy project name and the entry-point group are both ``antt_domain``; hooks are
prefixed ``antt_``. A plugin is a module (or object) with functions marked :data:`hookimpl`,
published under the entry-point group::

    [project.entry-points.antt_domain]
    tsv = "antt_domain_tsv"

The built-in exporters (json, jsonl, csv, markdown, sqlite) are plugins registered through
the same hooks. See docs/plugins.md for the tutorial and the reference.
"""

from __future__ import annotations

from antt_domain.plugins._config import (
    ENV_DISABLE_AUTOLOAD,
    ENV_ONLY,
    ENV_STRICT,
    PluginConfig,
)
from antt_domain.plugins._errors import (
    ConflictError,
    ExportError,
    OutputError,
    OutputExistsError,
    PluginError,
    PluginFaultError,
    PluginLoadError,
    PluginsFailedError,
    UnknownFormatError,
    UnknownOptionError,
    UnsupportedVersionError,
)
from antt_domain.plugins._export import export, run_exporter
from antt_domain.plugins._hookspecs import HOOKS, REGISTRATION_HOOKS
from antt_domain.plugins._listing import PluginInfo
from antt_domain.plugins._manager import AnttPluginManager, plugin_manager
from antt_domain.plugins._markers import ENTRY_POINT_GROUP, PROJECT, hookimpl, hookspec
from antt_domain.plugins._protocols import Exporter, ReportRenderer
from antt_domain.plugins._report import render_report, report
from antt_domain.plugins._specs import (
    BUILTIN_COMMANDS,
    CodelistExtension,
    CommandSpec,
    ExporterSpec,
    ReportFormatSpec,
    ReportRequest,
)

__all__ = [
    "BUILTIN_COMMANDS",
    "ENTRY_POINT_GROUP",
    "ENV_DISABLE_AUTOLOAD",
    "ENV_ONLY",
    "ENV_STRICT",
    "HOOKS",
    "PROJECT",
    "REGISTRATION_HOOKS",
    "AnttPluginManager",
    "CodelistExtension",
    "CommandSpec",
    "ConflictError",
    "ExportError",
    "Exporter",
    "ExporterSpec",
    "OutputError",
    "OutputExistsError",
    "PluginConfig",
    "PluginError",
    "PluginFaultError",
    "PluginInfo",
    "PluginLoadError",
    "PluginsFailedError",
    "ReportFormatSpec",
    "ReportRenderer",
    "ReportRequest",
    "UnknownFormatError",
    "UnknownOptionError",
    "UnsupportedVersionError",
    "export",
    "hookimpl",
    "hookspec",
    "plugin_manager",
    "render_report",
    "report",
    "run_exporter",
]
