"""The built-in plugins: registered through the same hooks a third-party plugin uses.

Each ``(plugin name, module)`` of :data:`BUILTIN_PLUGINS` is registered, in this order, before
any entry-point plugin.
"""

from __future__ import annotations

__all__ = ["BUILTIN_PLUGINS"]

BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("antt_domain.json", "antt_domain.plugins._builtin._json_exporter"),
    ("antt_domain.jsonl", "antt_domain.plugins._builtin._jsonl_exporter"),
    ("antt_domain.csv", "antt_domain.plugins._builtin._csv_exporter"),
    ("antt_domain.markdown", "antt_domain.plugins._builtin._markdown_exporter"),
    ("antt_domain.sqlite", "antt_domain.plugins._builtin._sqlite_exporter"),
    ("antt_domain.reports", "antt_domain.plugins._builtin._report_formats"),
)
