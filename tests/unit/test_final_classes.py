"""Which public classes are closed to subclassing (``typing.final``), and which stay open."""

from __future__ import annotations

import enum
import importlib
import sys
from typing import Protocol

import pytest

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="typing.final records __final__ from Python 3.11"
)

#: The public packages whose classes antt-domain closes.
PACKAGES = (
    "antt_domain.errors",
    "antt_domain.vi",
    "antt_domain.model",
    "antt_domain.model.v2",
    "antt_domain.io",
    "antt_domain.convert",
    "antt_domain.schemas",
    "antt_domain.plugins",
    "antt_domain.validation",
    "antt_domain.validation.engine",
    "antt_domain.aggregate",
    "antt_domain.reports",
)
#: Bases meant for extension: a plugin or a caller subclasses them.
OPEN = {
    "AnttError",
    "CodeEnum",
    "OutputError",
    "PluginError",
    "PluginFaultError",
    "PluginLoadError",
    "StaticGazetteer",
}


def _public_classes() -> list[tuple[str, type]]:
    found: dict[str, type] = {}
    for package in PACKAGES:
        module = importlib.import_module(package)
        for name in module.__all__:
            value = getattr(module, name)
            home = getattr(value, "__module__", "")
            if isinstance(value, type) and home.startswith(PACKAGES):
                found[f"{home}.{value.__qualname__}"] = value
    return sorted(found.items())


def _closed_by_design(cls: type) -> bool:
    """Protocols are for others to implement; an enum with members cannot be subclassed."""
    return Protocol in cls.__mro__ or (issubclass(cls, enum.Enum) and len(cls.__members__) > 0)


@pytest.mark.parametrize(("name", "cls"), _public_classes())
def test_a_public_class_is_final_unless_it_is_a_base(name: str, cls: type) -> None:
    if cls.__name__ in OPEN or _closed_by_design(cls):
        assert not getattr(cls, "__final__", False), f"{name} is a base: leave it open"
    else:
        assert getattr(cls, "__final__", False), f"{name}: mark it @typing.final, or list it OPEN"


def test_the_open_bases_are_subclassed_somewhere() -> None:
    """OPEN lists real classes (a rename would otherwise leave a stale name here)."""
    names = {cls.__name__ for _, cls in _public_classes()}
    assert names >= OPEN
