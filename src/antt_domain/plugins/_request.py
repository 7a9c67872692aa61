"""What a report is asked for: :class:`ReportRequest`, handed to every report renderer.

A module of its own so that the arrows between the plugin modules point one way: the
renderer's protocol (``_protocols``) and the specs (``_specs``) both import it; it imports
only the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Literal, final

import attrs

from antt_domain.model import Codelist, Dataset
from antt_domain.model.v2 import Dataset as DatasetV2

__all__ = ["ReportRequest"]


def _options(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(value or {}))


def _lists(value: Mapping[str, Codelist] | None) -> Mapping[str, Codelist] | None:
    return None if value is None else MappingProxyType(dict(value))


def _check_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2999:
        msg = f"ReportRequest.period: {value!r} is not a year (1900-2999)"
        raise ValueError(msg)


def _to_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@final
@attrs.frozen(kw_only=True)
class ReportRequest:
    """What a report is asked for.

    Attributes:
        dataset: the data to report on: a 1.0 :class:`~antt_domain.model.Dataset` or a 2.0
            :class:`antt_domain.model.v2.Dataset` (only for a format whose spec lists ``"2"``
            in ``schema_versions``; :func:`report` refuses it otherwise).
        lang: ``"vi"`` or ``"en"``.
        period: a calendar year to restrict figures to, or ``None`` for all (figures whose
            period is unstated are never attributed to a year).
        area: an area's id to restrict figures to, or ``None``.
        by: dimensions to break figures down by (``("kind", "organiser")``), in order.
        options: ``KEY=VALUE`` options for the format, as given.
        codelists_v2: the 2.0 codelists to label codes with and to tell what may be added:
            :meth:`~antt_domain.plugins.AnttPluginManager.codelists_v2` (the bundled lists
            with the plugins' namespaced codes), as :func:`report` passes it; ``None``: the
            bundled lists only. A renderer labels through
            :class:`antt_domain.model.v2.Codelists` with it, the dataset's own vocabulary
            first, so a plugin's unit prints its label, never its code.
    """

    dataset: Dataset | DatasetV2 = attrs.field(
        validator=attrs.validators.instance_of((Dataset, DatasetV2))
    )
    lang: Literal["vi", "en"] = attrs.field(
        default="vi", validator=attrs.validators.in_(("vi", "en"))
    )
    period: int | None = attrs.field(default=None, validator=_check_year)
    area: str | None = None
    by: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    options: Mapping[str, str] = attrs.field(factory=dict, converter=_options, hash=False)
    codelists_v2: Mapping[str, Codelist] | None = attrs.field(
        default=None, converter=_lists, eq=False, hash=False, repr=False
    )
