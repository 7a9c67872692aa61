"""The plugin's hook: registers the national gazetteer (its data load on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from antt_domain.plugins import hookimpl

from antt_domain_gazetteer_vn._gazetteer import national_gazetteer

if TYPE_CHECKING:
    from antt_domain.vi import Gazetteer

__all__ = ["antt_register_gazetteers"]


@hookimpl
def antt_register_gazetteers() -> list[Gazetteer]:
    """The national gazetteer, asked before the bundled Cẩm Thuỷ extract."""
    return [national_gazetteer()]
