"""``python -m antt_domain`` runs the ``antt`` command."""

from __future__ import annotations

from antt_domain.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
