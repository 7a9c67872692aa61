"""One report path: a 1.0 dataset is reported as its 2.0 upgrade, made in memory.

The adding rule of the reports lives in :func:`antt_domain.aggregate.aggregate_v2` alone
(issue #19): a 1.0 dataset is upgraded on its JSON value (:func:`antt_domain.upgrade.upgrade`),
read as a 2.0 model, and aggregated like any 2.0 dataset. The 1.0 selections ``organisation``
(organiser or partner) and ``agreement`` are applied to the 1.0 records first, as the 1.0
:func:`antt_domain.aggregate.aggregate` applies them.
"""

from __future__ import annotations

import attrs

from antt_domain import convert
from antt_domain.aggregate import AggregationError
from antt_domain.convert import v2 as convert_v2
from antt_domain.model import Activity, Dataset, ModelInstance, Outcome
from antt_domain.model.v2 import Dataset as DatasetV2
from antt_domain.upgrade import upgrade

__all__ = ["as_v2", "report_dataset"]


def _admitted(record: object, organisation: str | None, agreement: str | None) -> bool:
    if not isinstance(record, (Activity, Outcome, ModelInstance)):
        return True  # areas, organisations, agreements, model types, sources: context
    if organisation is not None and (
        organisation != record.organiser and organisation not in record.partners
    ):
        return False
    return agreement is None or agreement in record.agreements


def as_v2(
    dataset: Dataset, *, organisation: str | None = None, agreement: str | None = None
) -> DatasetV2:
    """``dataset`` (Schema 1.x) as the 2.0 dataset ``antt upgrade`` would write, keeping only
    the figures and model instances that ``organisation`` organised or took part in and that
    were reported under ``agreement`` (``None``: no selection). Nothing is read or written."""
    if organisation is not None or agreement is not None:
        kept = [r for r in dataset.records if _admitted(r, organisation, agreement)]
        dataset = attrs.evolve(dataset, records=kept)
    result = upgrade(convert.unstructure(dataset))
    return convert_v2.structure_dataset(result.document)


def report_dataset(
    dataset: Dataset | DatasetV2, *, organisation: str | None, agreement: str | None
) -> DatasetV2:
    """The 2.0 dataset a report of ``dataset`` is made from: itself, or its upgrade. The
    selections ``organisation`` and ``agreement`` are 1.0 ones: refused on a 2.0 dataset."""
    if isinstance(dataset, DatasetV2):
        for name, value in (("organisation", organisation), ("agreement", agreement)):
            if value is not None:
                raise AggregationError(
                    name, value, "this selection is not available for a 2.0 dataset yet"
                )
        return dataset
    return as_v2(dataset, organisation=organisation, agreement=agreement)
