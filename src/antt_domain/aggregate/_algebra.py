"""Adding figures that were reported with qualifiers ("hơn 300", "khoảng 50", "10 - 20").

A figure stands for every value it allows: ``exact 10`` for {10}, ``more_than 5`` for (5, ∞),
``at_most 10`` for [0, 10], ``range 10-20`` for [10, 20]. A total is the smallest statement of
the same vocabulary that holds every possible sum, so a total is never more precise than the
figures it adds up:

* all exact → exact;
* any ``about`` (or ``nearly`` mixed with anything but exact) → ``about`` the sum of the central
  values (a range counts its midpoint, a one-sided bound its stated value);
  only ``nearly`` and exact terms → ``nearly`` the sum;
* otherwise add the lower bounds and the upper bounds: no upper bound → ``more_than`` the lower
  sum when a term was strict ("hơn"), else ``at_least``; a lower sum of 0 → ``less_than`` /
  ``at_most`` the upper sum; equal bounds → exact; else a ``range`` (a closed interval, so
  ``exact 5 + less_than 10`` gives ``range 5-15``, which holds every possible total).

A single figure is returned as reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import final

import attrs

from antt_domain.model import Precision, Quantity

__all__ = ["Total", "Value", "as_decimal", "normalise", "sum_quantities"]

#: A computed value: an ``int`` when whole, else an exact :class:`~decimal.Decimal`.
Value = int | Decimal

_APPROXIMATE = frozenset({Precision.ABOUT, Precision.NEARLY})


@final
@attrs.frozen(kw_only=True)
class Total:
    """The sum of figures: a value, how precisely it is known and, for a range, its upper bound."""

    value: Value
    precision: Precision = Precision.EXACT
    upper: Value | None = None


def as_decimal(number: int | float | Decimal) -> Decimal:
    """``number`` as an exact decimal (a float through its shortest repr: ``72.6`` → 72.6)."""
    if isinstance(number, float):
        return Decimal(repr(number))
    return Decimal(number)


def normalise(number: Decimal) -> Value:
    """An ``int`` when ``number`` is whole, else the decimal without trailing zeros."""
    if number == number.to_integral_value():
        return int(number)
    return number.normalize()


def _central(quantity: Quantity) -> Decimal:
    if quantity.precision is Precision.RANGE and quantity.upper is not None:
        return (as_decimal(quantity.value) + as_decimal(quantity.upper)) / 2
    return as_decimal(quantity.value)


def _bounds(quantity: Quantity) -> tuple[Decimal, bool, Decimal | None, bool]:
    """Lower bound, lower strict?, upper bound (``None`` = unbounded), upper strict?"""
    value = as_decimal(quantity.value)
    zero = Decimal(0)
    precision = quantity.precision
    if precision is Precision.AT_LEAST:
        return value, False, None, False
    if precision is Precision.MORE_THAN:
        return value, True, None, False
    if precision is Precision.AT_MOST:
        return zero, False, value, False
    if precision is Precision.LESS_THAN:
        return zero, False, value, True
    if precision is Precision.RANGE and quantity.upper is not None:
        return value, False, as_decimal(quantity.upper), False
    return value, False, value, False


def sum_quantities(quantities: Sequence[Quantity]) -> Total:
    """The total of ``quantities`` (of one unit; the caller groups by unit), by the rules above."""
    if not quantities:
        return Total(value=0)
    if len(quantities) == 1:
        (only,) = quantities
        upper = None if only.upper is None else normalise(as_decimal(only.upper))
        return Total(value=normalise(as_decimal(only.value)), precision=only.precision, upper=upper)
    precisions = {q.precision for q in quantities}
    if precisions & _APPROXIMATE:
        central = sum((_central(q) for q in quantities), Decimal(0))
        nearly_only = precisions <= {Precision.NEARLY, Precision.EXACT}
        return Total(
            value=normalise(central),
            precision=Precision.NEARLY if nearly_only else Precision.ABOUT,
        )
    return _bounded([_bounds(q) for q in quantities])


def _bounded(bounds: list[tuple[Decimal, bool, Decimal | None, bool]]) -> Total:
    lower = sum((b[0] for b in bounds), Decimal(0))
    uppers = [b[2] for b in bounds]
    if any(u is None for u in uppers):
        strict = any(b[1] for b in bounds)
        return Total(
            value=normalise(lower),
            precision=Precision.MORE_THAN if strict else Precision.AT_LEAST,
        )
    upper = sum((u for u in uppers if u is not None), Decimal(0))
    if upper == lower:
        return Total(value=normalise(lower))
    if lower == 0:
        strict = any(b[3] for b in bounds)
        return Total(
            value=normalise(upper),
            precision=Precision.LESS_THAN if strict else Precision.AT_MOST,
        )
    return Total(value=normalise(lower), precision=Precision.RANGE, upper=normalise(upper))
