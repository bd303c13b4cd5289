"""The fact store's types: what a figure is, when it was, where, and who said so.

Values are :class:`~decimal.Decimal`, never binary floats, so ``2.43e12``
stays exactly 2.43 trillion through formatting and derivation.  Every
object that came from a file keeps its :class:`~jjj_brief.errors.Location`
so later checks can point back at the line a person has to edit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Literal

from jjj_brief.errors import Location
from jjj_brief.facts.digits import not_ascii

PeriodKind = Literal["year", "half", "quarter", "month", "span"]

QUALIFIERS = ("about", "almost", "more_than", "less_than", "record_high")
#: Whether a money figure (or a rate of change) is at current prices or at constant prices.
BASES = ("nominal", "real")
FORMULAS = ("growth", "cagr", "multiple")

_PERIOD_FORMS = (
    ("year", re.compile(r"(?P<year>\d{4})")),
    ("half", re.compile(r"(?P<year>\d{4})H(?P<n>[12])")),
    ("quarter", re.compile(r"(?P<year>\d{4})Q(?P<n>[1-4])")),
    ("month", re.compile(r"(?P<year>\d{4})-(?P<n>0[1-9]|1[0-2])")),
    ("span", re.compile(r"(?P<year>\d{4})/(?P<end>\d{4})")),
)


MIN_YEAR = 1000
"""No economic series starts before it, and a year written in four digits from 0000 would print as "in 0"."""


class PeriodFormError(ValueError):
    """A period string that is none of the accepted forms."""


@dataclass(frozen=True)
class Period:
    """A reporting period: a year, half, quarter, month, or a span of years.

    Equality and hashing use every field (2024Q1 and 2024-03 are different
    periods), but ordering is chronological, by :meth:`sort_key`: the year
    and month a period ends, so ``max(periods)`` is the latest one a template
    should show.  ``order=True`` would compare the kind by its *name* (half <
    month < quarter < year) and rank 2024H1 before 2024-03.

    >>> Period.parse("2024H1")
    Period(end=2024, start=2024, kind='half', n=1)
    >>> str(Period.parse("2014/2023"))
    '2014/2023'
    >>> [str(p) for p in sorted(map(Period.parse, ["2024H1", "2024Q1", "2024-03", "2023"]))]
    ['2023', '2024-03', '2024Q1', '2024H1']
    """

    end: int
    start: int
    kind: PeriodKind = "year"
    n: int = 0  # half (1-2), quarter (1-4) or month (1-12); 0 for years and spans

    @classmethod
    def parse(cls, text: str) -> Period:
        """A period from its text, in ASCII digits (see :mod:`.digits`), its years from 1000 on.

        A store of 20,000 facts names a few dozen periods: each text is parsed once."""
        return _parse_period(text.strip())

    @classmethod
    def _parse(cls, text: str) -> Period:
        wrong = not_ascii(text, "period")
        if wrong:
            raise PeriodFormError(wrong)
        for kind, pattern in _PERIOD_FORMS:
            match = pattern.fullmatch(text)
            if match:
                year = int(match["year"])
                if min(year, int(match.groupdict().get("end") or year)) < MIN_YEAR:
                    raise PeriodFormError(f"period {text!r} has a year before {MIN_YEAR}: write a year such as 2023")
                if kind == "span":
                    end = int(match["end"])
                    if end <= year:
                        raise PeriodFormError(f"span {text!r} must end after it starts")
                    return cls(end=end, start=year, kind="span")
                n = int(match.groupdict().get("n") or 0)
                return cls(end=year, start=year, kind=kind, n=n)  # type: ignore[arg-type]
        raise PeriodFormError(
            f"unknown period {text!r}: write a year (2023), a half (2024H1), "
            "a quarter (2024Q3), a month (2024-06) or a span (2014/2023)"
        )

    def __str__(self) -> str:
        if self.kind == "year":
            return f"{self.end}"
        if self.kind == "half":
            return f"{self.end}H{self.n}"
        if self.kind == "quarter":
            return f"{self.end}Q{self.n}"
        if self.kind == "month":
            return f"{self.end}-{self.n:02d}"
        return f"{self.start}/{self.end}"

    def sort_key(self) -> tuple[int, int, int, int, int]:
        """(end year, last month covered, coarseness, −start year, n): chronological order.

        Periods ending in the same month sort finer first (2024-03, 2024Q1, 2024H1;
        2024Q4 before 2024): the coarser period, which covers the finer one, is the
        later and more complete statement, so ``latest()`` prefers the full-year
        figure to the December one.  Spans ending together sort shorter first.
        Every field is in the key, so the order is total and agrees with ``==``.
        """
        return (self.end, _LAST_MONTH[self.kind](self.n), _COARSENESS[self.kind], -self.start, self.n)

    def __lt__(self, other: object) -> bool:
        return self.sort_key() < other.sort_key() if isinstance(other, Period) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.sort_key() <= other.sort_key() if isinstance(other, Period) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.sort_key() > other.sort_key() if isinstance(other, Period) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.sort_key() >= other.sort_key() if isinstance(other, Period) else NotImplemented


@lru_cache(maxsize=1024)
def _parse_period(text: str) -> Period:
    return Period._parse(text)  # Period is frozen, so one instance can serve every fact


#: The last month a period covers, from its ``n``: a half n ends in month 6n, a quarter in 3n.
_LAST_MONTH = {
    "month": lambda n: n,
    "quarter": lambda n: 3 * n,
    "half": lambda n: 6 * n,
    "year": lambda n: 12,
    "span": lambda n: 12,
}
#: Among periods that end in the same month, finer kinds come first.
_COARSENESS = {"month": 0, "quarter": 1, "half": 2, "year": 3, "span": 4}


@dataclass(frozen=True)
class Localized:
    """Words in each language, keyed by language code (``en``, ``zh``, ``zh_Hant``)."""

    by_lang: tuple[tuple[str, str], ...]
    location: Location | None = field(default=None, compare=False)  # the line a translator edits

    def get(self, lang: str) -> str | None:
        """The text in catalog language ``lang`` (``en``, ``zh``, ``zh_Hant``), or None.

        No fallback between languages: a Traditional Chinese briefing showing a Simplified
        label would be wrong without anyone noticing, so a missing text is an error upstream.
        """
        return dict(self.by_lang).get(lang)

    def langs(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.by_lang)

    def with_text(self, lang: str, text: str) -> Localized:
        """A copy that also has ``text`` in ``lang`` (a label filled in by conversion)."""
        return Localized((*self.by_lang, (lang, text)), self.location)


@dataclass(frozen=True)
class Region:
    key: str
    name: Localized
    in_text: Localized | None = None  # the form running text uses, when it differs from the name
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Source:
    key: str
    publisher: Localized
    title: Localized
    date: dt.date | None = None
    url: str = ""
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Derivation:
    """How a stated indicator follows from another one, so its facts can be checked.

    ``growth`` over ``2013/2023`` compares the 2013 and 2023 levels; ``multiple`` likewise;
    ``cagr`` over ``2014/2023`` is the average annual rate over the growth years 2014…2023,
    so its base is 2013 (the Chinese statistical convention of 年均增长).
    """

    formula: str  # one of FORMULAS
    of: str  # the indicator whose levels it is computed from


@dataclass(frozen=True)
class Indicator:
    key: str
    label: Localized
    unit: str  # an ISO 4217 code (CNY, USD), "percent", "multiple", or "count"
    derived: Derivation | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure as a source stated it (slotted: a large store holds tens of thousands)."""

    indicator: str
    region: str
    period: Period
    value: Decimal
    source: str
    qualifier: str | None = None
    note: str = ""
    location: Location | None = field(default=None, compare=False)
    basis: str | None = None  # "nominal" (current prices) or "real" (constant prices), when stated

    @property
    def id(self) -> str:
        """The stable id a figure carries into the document: ``indicator/region/period``."""
        return f"{self.indicator}/{self.region}/{self.period}"


@dataclass(frozen=True)
class FactIndex:
    """Lookups over a store's facts, built once in one pass, so every query is a dict lookup.

    With 20,000 facts a scan per query made a briefing (dozens of lookups) and
    ``facts check`` (a rate against every fact) quadratic; the index keeps them linear.
    """

    size: int
    by_id: dict[str, Fact]
    series: dict[tuple[str, str], tuple[Fact, ...]]  # (indicator, region) → oldest period first
    by_indicator: dict[str, tuple[Fact, ...]]  # in file order

    @cached_property
    def position(self) -> dict[str, int]:
        """Fact id → place in file order (made when first asked: few queries need it)."""
        return {fact_id: n for n, fact_id in enumerate(self.by_id)}

    @classmethod
    def of(cls, facts: dict[tuple[str, str, Period], Fact]) -> FactIndex:
        by_id: dict[str, Fact] = {}
        series: dict[tuple[str, str], list[Fact]] = {}
        by_indicator: dict[str, list[Fact]] = {}
        for fact in facts.values():
            by_id[fact.id] = fact
            series.setdefault((fact.indicator, fact.region), []).append(fact)
            by_indicator.setdefault(fact.indicator, []).append(fact)
        return cls(
            size=len(facts),
            by_id=by_id,
            series={key: tuple(sorted(found, key=_period_of)) for key, found in series.items()},
            by_indicator={key: tuple(found) for key, found in by_indicator.items()},
        )


@dataclass
class FactStore:
    """All facts and the vocabularies they refer to, merged from one or more files.

    Add facts with :meth:`add`; queries go through an index built on first use
    (and rebuilt if the number of facts changed since).
    """

    regions: dict[str, Region] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    facts: dict[tuple[str, str, Period], Fact] = field(default_factory=dict)
    lists: dict[str, tuple[Localized, ...]] = field(default_factory=dict)
    settings: dict[str, str | Localized] = field(default_factory=dict)
    _index: FactIndex | None = field(default=None, init=False, repr=False, compare=False)

    def add(self, fact: Fact) -> None:
        """Store ``fact`` under its (indicator, region, period), replacing any fact there."""
        self.facts[(fact.indicator, fact.region, fact.period)] = fact
        self._index = None

    def index(self) -> FactIndex:
        if self._index is None or self._index.size != len(self.facts):
            self._index = FactIndex.of(self.facts)
        return self._index

    def series(self, indicator: str, region: str) -> list[Fact]:
        """Facts of one indicator and region, oldest period first."""
        return list(self.index().series.get((indicator, region), ()))

    def get(self, indicator: str, region: str, period: Period) -> Fact | None:
        return self.facts.get((indicator, region, period))

    def by_id(self, fact_id: str) -> Fact | None:
        """The fact a figure's id (``indicator/region/period``) names, or None."""
        return self.index().by_id.get(fact_id)

    def of_indicator(self, indicator: str) -> tuple[Fact, ...]:
        """Every region's facts of ``indicator``, in file order."""
        return self.index().by_indicator.get(indicator, ())


def _period_of(fact: Fact) -> Period:
    return fact.period
