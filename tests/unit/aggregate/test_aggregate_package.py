"""The package's public face: ``__all__`` and the example in its docstring."""

from __future__ import annotations

import doctest

import antt_domain.aggregate
import antt_domain.reports


def test_the_docstring_example_runs() -> None:
    """The ``>>>`` example of antt_domain.aggregate gives the output shown."""
    result = doctest.testmod(antt_domain.aggregate, optionflags=doctest.ELLIPSIS)
    assert (result.attempted, result.failed) == (3, 0)


def test_every_public_name_exists() -> None:
    """Everything ``__all__`` lists is importable; the renderers are three plain functions,
    beside the reader of the Markdown report for formats built on it."""
    for module in (antt_domain.aggregate, antt_domain.reports):
        for name in module.__all__:
            assert hasattr(module, name), name
    renderers = [n for n in antt_domain.reports.__all__ if n.startswith("render_")]
    assert renderers == ["render_aggregate_json", "render_markdown", "render_summary"]
    assert "parse_markdown" in antt_domain.reports.__all__
    # Issue #17: one name, one job; validation's JSON renderer keeps ``render_json``.
    assert "render_json" not in antt_domain.reports.__all__
