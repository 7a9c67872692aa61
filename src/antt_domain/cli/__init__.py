"""The ``antt`` command: validate, show, export, report, list plugins, print schemas.

This package is the only place that prints, reads ``sys.argv`` or decides the exit code:
0 nothing at or above the failing severity, 1 findings, 2 the command could not do its job.
"""

from __future__ import annotations

from antt_domain.cli._main import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main"]
