"""Model types in scope and the instances launched of each."""

from __future__ import annotations

from antt_domain.aggregate._periods import place
from antt_domain.aggregate._result import ModelSummary
from antt_domain.aggregate._scope import Scope
from antt_domain.model import Dataset, Interval, ModelInstance, ModelType

__all__ = ["summarise_models"]


def summarise_models(
    dataset: Dataset, scope: Scope, wanted: Interval | None
) -> tuple[ModelSummary, ...]:
    """Each model type in scope (in dataset order) with its launches.

    A type is in scope when it has no area or its area is within the area filter; a type with
    launches in scope is listed even if it is defined elsewhere. A launch is attributed when its
    date (an interval inside ``wanted``, or an as-of date in it) is known; a launch whose time is
    not stated, or that spans ``wanted``'s bounds, is listed as unattributed; one outside
    ``wanted`` is left out.
    """
    attributed: dict[str, list[str]] = {}
    unattributed: dict[str, list[str]] = {}
    for instance in dataset.of_type(ModelInstance):
        if not scope.admits(
            instance.area, instance.organiser, instance.partners, instance.agreements
        ):
            continue
        placement = None if instance.launched is None else place(instance.launched, wanted)
        if instance.launched is not None and placement is None:
            continue
        target = attributed if placement is not None and placement.apart is None else unattributed
        target.setdefault(instance.model_type, []).append(instance.id)
    order = [
        t.id
        for t in dataset.of_type(ModelType)
        if t.area is None or scope.area_ids is None or scope.tree.within(t.area, scope.area_ids)
    ]
    for type_id in [*attributed, *unattributed]:
        if type_id not in order:
            order.append(type_id)
    return tuple(
        ModelSummary(
            model_type=type_id,
            instance_ids=tuple(attributed.get(type_id, ())),
            unattributed_ids=tuple(unattributed.get(type_id, ())),
        )
        for type_id in dict.fromkeys(order)
    )
