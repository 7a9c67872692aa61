"""Datasets for the round-trip property: the repository's own strategies when this plugin is
tested inside the antt-domain repository, else a small local strategy over the example."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import attrs
from antt_domain import load_example
from antt_domain.model import Dataset, Publisher
from hypothesis import strategies as st

_REPO = Path(__file__).resolve().parents[3] / "tests" / "property" / "strategies.py"


def _repository_datasets() -> Any:
    spec = importlib.util.spec_from_file_location("_antt_repo_strategies", _REPO)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.datasets


def _local_datasets() -> st.SearchStrategy[Dataset]:
    example = load_example()
    tricky = st.sampled_from(
        ["=1+1", "+84 912", "-", "@x", "a;b\\c", "Cẩm Thuỷ", "  lề  ", "dòng\nmới", "\x01"]
    )
    return st.builds(
        lambda records, title: attrs.evolve(
            example, records=tuple(records), title=title, publisher=Publisher(name=title)
        ),
        st.lists(st.sampled_from(example.records), unique_by=lambda r: r.id, max_size=10),
        tricky,
    )


def datasets() -> st.SearchStrategy[Dataset]:
    """Valid datasets of every shape the model accepts."""
    found = _repository_datasets() if _REPO.is_file() else None
    return found if found is not None else _local_datasets()
