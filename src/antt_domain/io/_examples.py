"""The bundled example datasets."""

from __future__ import annotations

from antt_domain._resources import example_root
from antt_domain.io._load import loads_dataset
from antt_domain.model import Dataset

__all__ = ["example_names", "load_example"]

#: The file of each example that holds the dataset document.
DATASET_FILE = "dataset.json"


def example_names() -> tuple[str, ...]:
    """The names of the bundled examples (``"cam-thuy-2021"``)."""
    root = example_root()
    return tuple(sorted(e.name for e in root.iterdir() if (e / DATASET_FILE).is_file()))


def load_example(name: str = "cam-thuy-2021") -> Dataset:
    """The bundled example dataset ``name``, loaded and checked like any other file."""
    if name not in example_names():
        msg = f"no example {name!r}; known: {', '.join(example_names())}"
        raise KeyError(msg)
    data = (example_root() / name / DATASET_FILE).read_bytes()
    return loads_dataset(data, source=f"example:{name}")
