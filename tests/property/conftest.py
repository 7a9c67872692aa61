"""Every property test here is ``slow``: each runs hundreds of hypothesis examples (their own
``@settings`` win over the ``dev`` profile), so the fast run leaves this folder to CI."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the items of this folder (the hook sees every item of the session)."""
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.slow)
