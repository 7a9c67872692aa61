"""``render_json``: the aggregate with its provenance, as JSON text."""

from __future__ import annotations

import json
from collections.abc import Sequence

from antt_domain.aggregate import to_json
from antt_domain.model import Dataset, Interval
from antt_domain.model.v2 import Dataset as DatasetV2
from antt_domain.reports._context import build
from antt_domain.reports._v2_markdown import refuse_v1_options
from antt_domain.reports._v2_text import render_json_v2
from antt_domain.text_safety import json_safe

__all__ = ["render_json"]


def render_json(
    dataset: Dataset | DatasetV2,
    *,
    lang: str = "vi",
    period: Interval | int | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    organisation: str | None = None,
    agreement: str | None = None,
) -> str:
    """The aggregate as JSON text (shape ``version: 1``, docs/aggregation.md), cells labelled
    in ``lang``; keys in a fixed order, two-space indent, UTF-8 text, a final newline. DEL, C1
    controls, line separators and bidirectional controls are written as ``\\u`` escapes
    (:func:`antt_domain.text_safety.json_safe`)."""
    if isinstance(dataset, DatasetV2):
        refuse_v1_options(organisation, agreement)
        return render_json_v2(dataset, lang=lang, period=period, area=area, by=by)
    ctx = build(
        dataset,
        lang=lang,
        period=period,
        area=area,
        by=by,
        organisation=organisation,
        agreement=agreement,
    )
    body = to_json(ctx.result, lang=ctx.words.lang)
    return json_safe(json.dumps(body, ensure_ascii=False, indent=2)) + "\n"
