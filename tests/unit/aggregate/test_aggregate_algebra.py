"""Totals keep the qualifiers of the figures they add (docs/aggregation.md, "precision")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from antt_domain.aggregate import Total, sum_quantities
from antt_domain.model import Precision, Quantity

E, MT, AL = Precision.EXACT, Precision.MORE_THAN, Precision.AT_LEAST
AB, NE, AM, LT, RG = (
    Precision.ABOUT,
    Precision.NEARLY,
    Precision.AT_MOST,
    Precision.LESS_THAN,
    Precision.RANGE,
)


def q(value: int | float, precision: Precision = E, upper: int | None = None) -> Quantity:
    return Quantity(value=value, unit="person", precision=precision, upper=upper)


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        ([q(10), q(5)], Total(value=15)),
        ([q(10), q(5, MT)], Total(value=15, precision=MT)),
        ([q(10), q(5, AL)], Total(value=15, precision=AL)),
        ([q(5, AL), q(5, MT)], Total(value=10, precision=MT)),
        ([q(10), q(5, AB)], Total(value=15, precision=AB)),
        ([q(10), q(5, NE)], Total(value=15, precision=NE)),
        ([q(10, NE), q(5, AB)], Total(value=15, precision=AB)),
        ([q(10, NE), q(5, MT)], Total(value=15, precision=AB)),
        ([q(10, AB), q(10, RG, upper=20)], Total(value=25, precision=AB)),
        ([q(10, RG, upper=20), q(5)], Total(value=15, precision=RG, upper=25)),
        ([q(10, RG, upper=20), q(1, RG, upper=2)], Total(value=11, precision=RG, upper=22)),
        ([q(10, AM), q(5, AM)], Total(value=15, precision=AM)),
        ([q(10, AM), q(5, LT)], Total(value=15, precision=LT)),
        ([q(5), q(10, AM)], Total(value=5, precision=RG, upper=15)),
        ([q(5), q(10, LT)], Total(value=5, precision=RG, upper=15)),
        ([q(10, AM), q(5, MT)], Total(value=5, precision=MT)),
    ],
)
def test_a_total_keeps_the_qualifiers_of_its_terms(terms: list[Quantity], expected: Total) -> None:
    """exact+more_than is more_than, about makes about, ranges add bounds, ... (the table)."""
    assert expected == sum_quantities(terms)


@pytest.mark.parametrize("only", [q(7), q(7, MT), q(7, AB), q(0, RG, upper=10), q(7, LT), q(7, NE)])
def test_a_single_figure_is_its_own_total(only: Quantity) -> None:
    """One figure comes back exactly as reported, qualifier and bounds included."""
    expected = Total(value=only.value, precision=only.precision, upper=only.upper)
    assert expected == sum_quantities([only])


def test_decimals_add_exactly() -> None:
    """0.1 + 0.2 is 0.3, not 0.30000000000000004: floats are read through their repr."""
    assert Total(value=Decimal("0.3")) == sum_quantities([q(0.1), q(0.2)])


def test_whole_decimal_totals_become_integers() -> None:
    """2.5 + 2.5 is the integer 5."""
    total = sum_quantities([q(2.5), q(2.5)])
    assert (5, int) == (total.value, type(total.value))


def test_nothing_adds_up_to_an_exact_zero() -> None:
    """The empty total is exactly zero."""
    assert Total(value=0) == sum_quantities([])
