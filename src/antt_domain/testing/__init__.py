"""The conformance kit for plugin authors, and test datasets.

Call it from your own tests::

    from antt_domain.testing import check_exporter

    def test_my_exporter_conforms(tmp_path):
        check_exporter("tsv", workdir=tmp_path)

With pytest, ``-p antt_domain.testing.pytest_plugin`` (or ``pytest_plugins`` in your
conftest) gives the fixtures ``antt_plugin_manager``, ``antt_check_exporter`` and
``antt_check_report_format``.
"""

from __future__ import annotations

from antt_domain.testing._datasets import (
    empty_dataset,
    empty_dataset_v2,
    large_dataset,
    vietnamese_dataset,
    vietnamese_dataset_v2,
)
from antt_domain.testing._kit import (
    ConformanceError,
    check_exporter,
    check_report_format,
    conformance_datasets,
)

__all__ = [
    "ConformanceError",
    "check_exporter",
    "check_report_format",
    "conformance_datasets",
    "empty_dataset",
    "empty_dataset_v2",
    "large_dataset",
    "vietnamese_dataset",
    "vietnamese_dataset_v2",
]
