"""Stated against computed: does what a source says add up?

Sources often state a derived figure beside the levels it comes from (the
seed article gives 1.7 and 2.43 trillion yuan *and* "a cumulative growth of
43 percent").  An indicator that declares ``derived: {formula, of}`` is
recomputed here from the levels of ``of`` and compared *at the precision the
source stated it*: 43 against 42.94 is consistent at integer precision.
When the levels are missing, two stated figures over the same years are
compared with each other instead (a compound annual rate implies a multiple).
Findings are data: ``facts check`` prints them, nothing here stops a build.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jjj_brief.errors import Location
from jjj_brief.facts import derive
from jjj_brief.facts.derive import HUNDRED
from jjj_brief.facts.model import Fact, FactStore, Period
from jjj_brief.facts.numbers import round_half_up  # the rounding printed figures use


@dataclass(frozen=True)
class Finding:
    """One comparison: ``consistent`` findings are notes, the others warnings."""

    consistent: bool
    message: str
    location: Location | None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        kind = "note" if self.consistent else "warning"
        return f"{where}{kind}: {self.message}"


def stated_digits(value: Decimal) -> int:
    """How many decimals a source gave: 43 → 0, 5.8 → 1, 2.43e12 → 0."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -int(exponent))


def within_statement(stated: Fact, computed: Decimal) -> bool:
    """Whether ``computed`` agrees with what ``stated`` says, qualifier included."""
    digits = stated_digits(stated.value)
    rounded = round_half_up(computed, digits)
    if stated.qualifier == "more_than":
        return computed > stated.value
    if stated.qualifier == "less_than":
        return computed < stated.value
    if stated.qualifier == "almost":
        tolerance = stated.value * Decimal("0.05")  # "almost 2" means just under 2: within 5 %
        return stated.value - tolerance <= computed <= stated.value
    if stated.qualifier == "about":
        return abs(computed - stated.value) <= stated.value * Decimal("0.05")
    return rounded == stated.value


def check_consistency(store: FactStore) -> list[Finding]:
    """Every derived indicator's stated facts, compared with what the levels give."""
    findings: list[Finding] = []
    for fact in store.facts.values():
        indicator = store.indicators.get(fact.indicator)
        if indicator is None or indicator.derived is None or fact.period.kind != "span":
            continue
        findings.extend(_against_levels(store, fact, indicator.derived.formula, indicator.derived.of))
    findings.extend(_rate_against_multiple(store))
    return findings


def _base_year(formula: str, period: Period) -> int:
    return period.start - 1 if formula == "cagr" else period.start


def _against_levels(store: FactStore, stated: Fact, formula: str, of: str) -> Iterator[Finding]:
    base = store.get(of, stated.region, Period(_base_year(formula, stated.period), _base_year(formula, stated.period)))
    end = store.get(of, stated.region, Period(stated.period.end, stated.period.end))
    if base is None or end is None:
        return
    computed = getattr(derive, formula)(base, end).value
    digits = stated_digits(stated.value)
    unit = store.indicators[stated.indicator].unit
    shown = _show_value(round_half_up(computed, max(digits, 1)), unit)
    verdict = (
        f"consistent at {_precision(digits)}"
        if within_statement(stated, computed)
        else "they disagree: check both against the source"
    )
    yield Finding(
        within_statement(stated, computed),
        f"{stated.id} states {_show(stated, unit)}, {formula} of {base.id} and {end.id} gives {shown}: {verdict}",
        stated.location,
    )


def _rate_against_multiple(store: FactStore) -> Iterator[Finding]:
    """A stated average annual rate and a stated multiple over the same years must agree.

    The multiples are indexed by (levels indicator, region, first year, last year) in one
    pass, so each rate finds its multiples by lookup: linear in the number of facts."""
    multiples: dict[tuple[str, str, int, int], list[Fact]] = {}
    for of, multiple in _derived_facts(store, "multiple"):
        multiples.setdefault((of, multiple.region, multiple.period.start, multiple.period.end), []).append(multiple)
    for of, rate in _derived_facts(store, "cagr"):
        for multiple in multiples.get((of, rate.region, rate.period.start - 1, rate.period.end), ()):
            yield _compare_rate_and_multiple(rate, multiple)


def _derived_facts(store: FactStore, formula: str) -> list[tuple[str, Fact]]:
    """(levels indicator, fact) for the facts of indicators derived by ``formula``, in file order."""
    found = [
        (indicator.derived.of, fact)
        for indicator in store.indicators.values()
        if indicator.derived is not None and indicator.derived.formula == formula
        for fact in store.of_indicator(indicator.key)
    ]
    position = store.index().position
    return sorted(found, key=lambda pair: position[pair[1].id])


def _compare_rate_and_multiple(rate: Fact, multiple: Fact) -> Finding:
    """Compare, unless the facts say the two are on different bases (a real rate against a
    nominal multiple): then they need not agree, and templates print each one's basis."""
    years = rate.period.end - rate.period.start + 1
    implied = (1 + rate.value / HUNDRED) ** years
    ok = within_statement(multiple, implied)
    if not ok and rate.basis and multiple.basis and rate.basis != multiple.basis:
        ok, advice = (
            True,
            (
                f"not comparable, as the facts say: the rate is {rate.basis}, the multiple "
                f"{multiple.basis} (briefings print each one's basis)"
            ),
        )
    elif ok:
        advice = "consistent"
    else:
        advice = (
            "they disagree; a real (inflation-adjusted) growth rate and a nominal ratio are not "
            "comparable: say which each one is with 'basis: real' or 'basis: nominal'"
        )
    message = (
        f"{rate.id} states {_show(rate, 'percent')} a year over {years} years, which implies "
        f"{_show_value(round_half_up(implied, 2), 'multiple')}; {multiple.id} states "
        f"{_show(multiple, 'multiple')}: {advice}"
    )
    return Finding(ok, message, rate.location)


def _show(fact: Fact, unit: str) -> str:
    """A stated fact as a reviewer reads it: ``almost 2 times``, ``43%``."""
    words = {"more_than": "more than ", "less_than": "less than ", "about": "about ", "almost": "almost "}
    return words.get(fact.qualifier or "", "") + _show_value(fact.value, unit)


def _show_value(value: Decimal, unit: str) -> str:
    number = f"{value.normalize():f}"
    return {"percent": f"{number}%", "multiple": f"{number} times"}.get(unit, number)


def _precision(digits: int) -> str:
    return "integer precision" if digits == 0 else f"{digits}-decimal precision"
