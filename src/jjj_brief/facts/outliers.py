"""The commonest spreadsheet slip: a value in the wrong unit of account.

Statistical tables mix 万元 and 亿元 (a factor of 10,000), thousands and
millions; a figure keyed in the wrong one sits a thousand times or more
above or below the rest of its series.  Real series do not jump like that
between periods (GDP does not grow a thousandfold), so ``facts check`` warns,
naming the fact's place, its value and its neighbours in the series.
"""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal
from statistics import median

from jjj_brief.facts.checks import Finding
from jjj_brief.facts.model import Fact, FactStore
from jjj_brief.rendering.figure_style import plain_value

#: How far from the rest of its series a value must be to be flagged: 10**3 either way.
FACTOR = Decimal(1000)


def check_magnitudes(store: FactStore) -> list[Finding]:
    """A warning for each value ≥ 1,000 times above or below the median of the rest of its series.

    When every value of a series would be flagged (two values far apart), the latest is:
    a slip is usually made in the newest row.  Percentages are left out: a growth rate
    near zero (0.01 %) next to ordinary ones is no slip.
    """
    series: dict[tuple[str, str], list[Fact]] = {}
    for fact in store.facts.values():
        indicator = store.indicators.get(fact.indicator)
        if indicator is None or indicator.unit == "percent":
            continue
        series.setdefault((fact.indicator, fact.region), []).append(fact)
    findings: list[Finding] = []
    for facts in series.values():
        facts.sort(key=lambda f: f.period)
        sizes = sorted(abs(f.value) for f in facts if f.value != 0)
        flagged = [f for f in facts if _far_from_rest(f, sizes)]
        if flagged and len(flagged) == len(facts):
            flagged = flagged[-1:]
        findings.extend(_finding(f, facts) for f in flagged)
    return findings


def _far_from_rest(fact: Fact, sizes: list[Decimal]) -> bool:
    """Whether ``fact`` is ``FACTOR`` times off the median of the rest of its series, given the
    sorted sizes of the series' nonzero values (the fact's own among them)."""
    if fact.value == 0 or len(sizes) < 2:
        return False
    typical = _median_without(sizes, abs(fact.value))
    ratio = abs(fact.value) / typical
    return ratio >= FACTOR or ratio <= 1 / FACTOR


def _median_without(sizes: list[Decimal], own: Decimal) -> Decimal:
    """The median of ``sizes`` less one occurrence of ``own``, read off the sorted list: one
    series of 25 years no longer sorts its values 25 times (``statistics.median`` does, per
    fact), so ``facts check`` of 20,000 facts stays linear in their number."""
    skip = bisect_left(sizes, own)

    def rest(i: int) -> Decimal:  # the i-th of the rest, in order
        return sizes[i if i < skip else i + 1]

    count = len(sizes) - 1
    middle = count // 2
    return rest(middle) if count % 2 else (rest(middle - 1) + rest(middle)) / 2


def _finding(fact: Fact, series: list[Fact]) -> Finding:
    rest = [abs(f.value) for f in series if f is not fact and f.value != 0]
    ratio = abs(fact.value) / Decimal(median(rest))
    direction = f"{_times(ratio)} times above" if ratio > 1 else f"{_times(1 / ratio)} times below"
    at = series.index(fact)
    neighbours = [f for f in (series[at - 1] if at else None, series[at + 1] if at + 1 < len(series) else None) if f]
    named = "; ".join(
        f"{f.period}: {plain_value(f.value)}" + (f" at {f.location}" if f.location else "") for f in neighbours
    )
    return Finding(
        False,
        f"{fact.id} is {plain_value(fact.value)}, {direction} the rest of its series "
        f"(neighbours {named}): check its scale (万 or 亿? thousand or million?)",
        fact.location,
    )


def _times(ratio: Decimal) -> str:
    """A round factor as a reviewer reads it: 10,000, 1,000, 3,200."""
    return f"{int(ratio.to_integral_value()):,}"
