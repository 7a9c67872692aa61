"""Every finding code antt-domain itself defines: the stages' codes and the built-in rules'."""

from __future__ import annotations

from collections.abc import Iterable

from antt_domain.validation._across_v2 import ACROSS_RULES_V2
from antt_domain.validation._catalogue import BASE_CODES, NOTICE_CODES, CodeInfo
from antt_domain.validation._dataset_rules import DATASET_RULES
from antt_domain.validation._faults import FAULT_CODES
from antt_domain.validation._figures_v2 import BREAKDOWN_V2, COUNTED_TWICE_V2
from antt_domain.validation._links_v2 import LINK_RULES_V2
from antt_domain.validation._plans_v2 import PLAN_RULES_V2
from antt_domain.validation._record_rules import RECORD_RULES
from antt_domain.validation._rules import Rule
from antt_domain.validation._rules_v2 import RECORD_RULES_V2
from antt_domain.validation._vocabulary_v2 import VOCABULARY_RULES_V2

__all__ = ["BUILT_IN_RULES", "CATALOGUE", "RULES_V2", "catalogue"]

#: The rules on 2.0 records (design section 8): one record, then across records. D005 and
#: D008 appear twice in :data:`BUILT_IN_RULES`: once for 1.0 figures, once for 2.0 figures,
#: with one catalogue entry.
RULES_V2: tuple[Rule, ...] = (
    *RECORD_RULES_V2,
    *PLAN_RULES_V2,
    COUNTED_TWICE_V2,
    BREAKDOWN_V2,
    *LINK_RULES_V2,
    *ACROSS_RULES_V2,
    *VOCABULARY_RULES_V2,
)

#: The built-in rules, record rules first, in code order.
BUILT_IN_RULES: tuple[Rule, ...] = (
    *RECORD_RULES,
    *(rule for rule in RULES_V2 if rule.scope == "record"),
    *DATASET_RULES,
    *(rule for rule in RULES_V2 if rule.scope == "dataset"),
)

_RECORD_STAGE = (*RECORD_RULES, *(rule for rule in RULES_V2 if rule.info.stage == "rules"))
_DATASET_STAGE = sorted(
    (*DATASET_RULES, *(rule for rule in RULES_V2 if rule.info.stage == "dataset")),
    key=lambda rule: rule.code,
)

#: Every built-in finding code by code, in catalogue order (R, S, T, V, D; a stage's crashed
#: rule code, V900 or D900, last in its stage).
CATALOGUE: dict[str, CodeInfo] = {
    **BASE_CODES,
    **dict(sorted({**{rule.code: rule.info for rule in _RECORD_STAGE}, **NOTICE_CODES}.items())),
    "V900": FAULT_CODES["V900"],
    **{rule.code: rule.info for rule in _DATASET_STAGE},
    "D900": FAULT_CODES["D900"],
}


def catalogue(extra_rules: Iterable[Rule] = ()) -> dict[str, CodeInfo]:
    """The built-in catalogue plus the codes of ``extra_rules`` (from plugins)."""
    found = dict(CATALOGUE)
    for rule in extra_rules:
        found.setdefault(rule.code, rule.info)
    return found
