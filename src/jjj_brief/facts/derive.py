"""Figures computed from facts: growth, compound annual growth, shares, multiples.

A derived figure is never typed into a template; it is computed here, in
exact decimal arithmetic, and keeps the ids of the facts it came from and
the formula that combined them, so the document can say where it came from.

>>> from jjj_brief.facts.model import Fact, Period
>>> a = Fact("gdp", "jjj", Period.parse("2013"), Decimal("1.7e12"), "s")
>>> b = Fact("gdp", "jjj", Period.parse("2023"), Decimal("2.43e12"), "s")
>>> growth(a, b).value.quantize(Decimal("0.01"))
Decimal('42.94')
>>> cagr(a, b).value.quantize(Decimal("0.01"))
Decimal('3.64')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from jjj_brief.errors import BriefError
from jjj_brief.facts.model import Fact, Period

HUNDRED = Decimal(100)


class DerivationError(BriefError):
    """A derived figure that cannot be computed from the facts given (e.g. a zero base)."""


@dataclass(frozen=True)
class Derived:
    """A computed figure with its inputs' ids and the formula that combined them."""

    value: Decimal
    unit: str
    facts: tuple[str, ...]
    formula: str
    period: Period | None = None
    qualifier: str | None = None

    @property
    def id(self) -> str:
        return self.formula


def _ratio(a: Fact, b: Fact) -> Decimal:
    if a.value == 0:
        raise DerivationError(f"cannot compare with {a.id}: its value is zero", a.location)
    return b.value / a.value


#: Qualifiers that make a figure inexact; "record_high" says nothing about the number itself.
INEXACT = ("about", "almost", "more_than", "less_than")


def carried_qualifier(*inputs: Fact) -> str | None:
    """The qualifier a figure computed from ``inputs`` honestly has: "about" when any input is
    not exact (a growth from "about 238 billion" is itself about so much), else none.

    >>> from jjj_brief.facts.model import Fact, Period
    >>> a = Fact("x", "r", Period.parse("2013"), Decimal(1), "s", qualifier="more_than")
    >>> b = Fact("x", "r", Period.parse("2023"), Decimal(2), "s", qualifier="record_high")
    >>> carried_qualifier(a, b), carried_qualifier(b, b)
    ('about', None)
    """
    return "about" if any(f.qualifier in INEXACT for f in inputs) else None


def _span(a: Fact, b: Fact) -> Period:
    return Period(end=b.period.end, start=a.period.start, kind="span")


def growth(a: Fact, b: Fact) -> Derived:
    """Percent change from ``a`` to ``b``: ``(b / a − 1) × 100``."""
    value = (_ratio(a, b) - 1) * HUNDRED
    return Derived(value, "percent", (a.id, b.id), f"growth({a.id}, {b.id})", _span(a, b), carried_qualifier(a, b))


def cagr(a: Fact, b: Fact) -> Derived:
    """Compound annual growth in percent over the years between ``a`` and ``b``.

    >>> from jjj_brief.facts.model import Fact, Period
    >>> a = Fact("gdp", "jjj", Period.parse("2013"), Decimal("1.7e12"), "s")
    >>> b = Fact("gdp", "jjj", Period.parse("2023"), Decimal("2.43e12"), "s")
    >>> str(cagr(a, b).period)
    '2014/2023'
    """
    years = b.period.end - a.period.end
    if years <= 0:
        raise DerivationError(f"{b.id} must be later than {a.id} for an annual rate", b.location)
    with localcontext() as ctx:
        ctx.prec = 28
        value = (_ratio(a, b) ** (Decimal(1) / Decimal(years)) - 1) * HUNDRED
    return Derived(
        value, "percent", (a.id, b.id), f"cagr({a.id}, {b.id})", _growth_years(a, b), carried_qualifier(a, b)
    )


def _growth_years(a: Fact, b: Fact) -> Period:
    """The years whose growth an annual rate averages: 2014/2023 for base 2013, end 2023.

    That is how sources label 年均增长 and how stated rates are keyed in the facts (and
    what :func:`jjj_brief.facts.checks` looks the base up from), so a computed rate can be
    found beside a stated one.  A single growth year is that year, not a one-year span.
    """
    first = a.period.end + 1
    if first == b.period.end:
        return Period(end=first, start=first)
    return Period(end=b.period.end, start=first, kind="span")


def share(part: Fact, whole: Fact) -> Derived:
    """``part`` as a percentage of ``whole``."""
    value = _ratio(whole, part) * HUNDRED
    return Derived(
        value,
        "percent",
        (part.id, whole.id),
        f"share({part.id}, {whole.id})",
        part.period,
        carried_qualifier(part, whole),
    )


def multiple(a: Fact, b: Fact) -> Derived:
    """How many times ``a`` the value ``b`` is (2.0 for a doubling)."""
    # "multiple", not "count": the localizer prints it as "1.4 times" / "doubled" / "翻一番".
    return Derived(
        _ratio(a, b), "multiple", (a.id, b.id), f"multiple({a.id}, {b.id})", _span(a, b), carried_qualifier(a, b)
    )


def difference(a: Fact, b: Fact, unit: str) -> Derived:
    """``b − a``; for two rates (``unit == "percent"``) the result is in percentage points."""
    result_unit = "points" if unit == "percent" else unit
    formula = f"difference({a.id}, {b.id})"
    return Derived(b.value - a.value, result_unit, (a.id, b.id), formula, _span(a, b), carried_qualifier(a, b))


def convert(amount: Fact, rate: Fact, amount_unit: str, rate_unit: str, target: str) -> Derived:
    """``amount`` (in ``amount_unit``) in currency ``target``, at exchange rate ``rate``.

    ``rate_unit`` ``CNY/USD`` means yuan per dollar: CNY → USD divides, USD → CNY multiplies.
    """
    quote, _, base = rate_unit.partition("/")
    if (amount_unit, target) == (quote, base):
        value = _ratio(rate, amount)  # amount / rate
    elif (amount_unit, target) == (base, quote):
        value = amount.value * rate.value
    else:
        raise DerivationError(f"rate {rate.id} ({rate_unit}) cannot convert {amount_unit} into {target}", rate.location)
    formula = f"convert({amount.id}, {rate.id})"
    qualifier = amount.qualifier if amount.qualifier in INEXACT else carried_qualifier(rate)
    return Derived(value, target, (amount.id, rate.id), formula, amount.period, qualifier)
