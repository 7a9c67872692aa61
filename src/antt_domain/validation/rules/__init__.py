"""The built-in rules, one module per concern, each rule with its catalogue entry.

A rule on one record (``V`` codes) is a function ``check(record, context)``; a rule across
records (``D`` codes) is a function ``check(records, context)`` or a
:class:`~antt_domain.validation.Lifecycle` class (``start``, ``record``, ``end``) that keeps
compact indexes as the records go by. The modules, by what their rules look at:

- :mod:`.codes`: codes of open codelists (V101);
- :mod:`.quantities`: whole counts, units, participants, shares, numbers as written
  (V102-V106);
- :mod:`.records`: 2.0 figures' words, counted things, durations, inferences (V201, V206,
  V207, V209);
- :mod:`.plans`: awards, assessments and plans of 2.0 (V202-V205, V210);
- :mod:`.documents`: document symbols, figures within their agreement's period (V107, D007);
- :mod:`.places`: code lengths, hierarchies, assessed members' level (V108, D009, D107);
- :mod:`.references`: ids and references (D001-D003);
- :mod:`.existence`: organisations and areas existing at the time (D004, D108);
- :mod:`.figures`: figures counted twice, breakdowns above their whole (D005, D008);
- :mod:`.names`: probable duplicates by name (D006);
- :mod:`.gazetteer`: area codes against the gazetteer (D010);
- :mod:`.links`: links between 2.0 figures (D101-D106);
- :mod:`.vocabulary`: datasets' own extension codes (D110-D112);
- :mod:`.sources`: what sources say (D109, D113).

Private modules (``_``) hold what several rules read: the references records make, periods'
days, loops in chains, the values of 2.0 records.
"""

from __future__ import annotations

from antt_domain.validation._rules import Rule
from antt_domain.validation.rules.codes import unknown_code
from antt_domain.validation.rules.documents import document_symbol, outside_agreement
from antt_domain.validation.rules.existence import existence, unit_not_active
from antt_domain.validation.rules.figures import (
    BREAKDOWN_V2,
    COUNTED_TWICE_V2,
    breakdowns,
    counted_twice,
)
from antt_domain.validation.rules.gazetteer import gazetteer_codes
from antt_domain.validation.rules.links import (
    fewer_members,
    link_cycle,
    link_to_non_figure,
    part_in_other_unit,
    version_of_a_version,
    versions_disagree,
)
from antt_domain.validation.rules.names import duplicate_names
from antt_domain.validation.rules.places import code_length, hierarchy, member_level
from antt_domain.validation.rules.plans import (
    award_split,
    basis_not_the_scheme,
    phase_outside_plan,
    phases_overlap,
    results_add_up,
)
from antt_domain.validation.rules.quantities import (
    as_written_agrees,
    fractional_count,
    participants_vs_sessions,
    share_bounds,
    unit_fits_kind,
)
from antt_domain.validation.rules.records import (
    counted_fits,
    duration_disagrees,
    inferred_without_basis,
    vague_and_number,
)
from antt_domain.validation.rules.references import (
    dangling_references,
    duplicate_ids,
    wrong_types,
)
from antt_domain.validation.rules.sources import open_after_source, organiser_by_source
from antt_domain.validation.rules.vocabulary import (
    outside_namespace,
    undeclared_code,
    vocabulary_conflict,
)

__all__ = ["BUILT_IN_RULES", "RULES_V2"]

#: The built-in rules, in code order: record rules (V), then rules across records (D). D005
#: and D008 appear twice, for 1.0 and for 2.0 figures, with one catalogue entry.
BUILT_IN_RULES: tuple[Rule, ...] = (
    unknown_code,
    fractional_count,
    unit_fits_kind,
    participants_vs_sessions,
    share_bounds,
    as_written_agrees,
    document_symbol,
    code_length,
    vague_and_number,
    award_split,
    results_add_up,
    phase_outside_plan,
    phases_overlap,
    counted_fits,
    duration_disagrees,
    inferred_without_basis,
    basis_not_the_scheme,
    duplicate_ids,
    dangling_references,
    wrong_types,
    existence,
    counted_twice,
    COUNTED_TWICE_V2,
    duplicate_names,
    outside_agreement,
    breakdowns,
    BREAKDOWN_V2,
    hierarchy,
    gazetteer_codes,
    part_in_other_unit,
    link_cycle,
    link_to_non_figure,
    versions_disagree,
    version_of_a_version,
    fewer_members,
    member_level,
    unit_not_active,
    organiser_by_source,
    outside_namespace,
    vocabulary_conflict,
    undeclared_code,
    open_after_source,
)

#: The rules written for 2.0 records (design section 8), in code order; D001-D004, D006,
#: D007, D009 and D010 judge the records of both versions.
RULES_V2: tuple[Rule, ...] = (
    vague_and_number,
    award_split,
    results_add_up,
    phase_outside_plan,
    phases_overlap,
    counted_fits,
    duration_disagrees,
    inferred_without_basis,
    basis_not_the_scheme,
    COUNTED_TWICE_V2,
    BREAKDOWN_V2,
    part_in_other_unit,
    link_cycle,
    link_to_non_figure,
    versions_disagree,
    version_of_a_version,
    fewer_members,
    member_level,
    unit_not_active,
    organiser_by_source,
    outside_namespace,
    vocabulary_conflict,
    undeclared_code,
    open_after_source,
)
