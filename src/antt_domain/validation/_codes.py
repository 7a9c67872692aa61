"""Every finding code antt-domain itself defines: the stages' codes and the built-in rules'."""

from __future__ import annotations

from collections.abc import Iterable

from antt_domain.validation._catalogue import BASE_CODES, NOTICE_CODES, CodeInfo
from antt_domain.validation._dataset_rules import DATASET_RULES
from antt_domain.validation._faults import FAULT_CODES
from antt_domain.validation._record_rules import RECORD_RULES
from antt_domain.validation._rules import Rule

__all__ = ["BUILT_IN_RULES", "CATALOGUE", "catalogue"]

#: The built-in rules, record rules first, in code order.
BUILT_IN_RULES: tuple[Rule, ...] = (*RECORD_RULES, *DATASET_RULES)

#: Every built-in finding code by code, in catalogue order (R, S, T, V, D; a stage's crashed
#: rule code, V900 or D900, last in its stage).
CATALOGUE: dict[str, CodeInfo] = {
    **BASE_CODES,
    **dict(sorted({**{rule.code: rule.info for rule in RECORD_RULES}, **NOTICE_CODES}.items())),
    "V900": FAULT_CODES["V900"],
    **{rule.code: rule.info for rule in DATASET_RULES},
    "D900": FAULT_CODES["D900"],
}


def catalogue(extra_rules: Iterable[Rule] = ()) -> dict[str, CodeInfo]:
    """The built-in catalogue plus the codes of ``extra_rules`` (from plugins)."""
    found = dict(CATALOGUE)
    for rule in extra_rules:
        found.setdefault(rule.code, rule.info)
    return found
