"""What a template can ask of the facts: the one object ``b`` every template sees.

A :class:`Briefing` is the facts of the briefing's region, in the render's
language: labels, series, derived figures that keep their facts and formula, and
the sources cited so far.  It prints nothing itself; the filters of
:mod:`jjj_brief.rendering.filters` turn what it returns into figure markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from jjj_brief.errors import BriefWarning, LanguageNotSupported, TemplateError
from jjj_brief.facts import derive
from jjj_brief.facts.derive import Derived
from jjj_brief.facts.model import Fact, FactStore, Localized, Period, PeriodFormError

Figureish = Fact | Derived


@dataclass
class Briefing:
    """The facts of one region, seen in one language; templates call its methods."""

    store: FactStore
    region_key: str
    lang: str
    missing: list[BriefWarning] = field(default_factory=list)
    used_sources: list[str] = field(default_factory=list)

    # -- words from the facts -------------------------------------------

    def words(self, text: Localized, what: str) -> str:
        found = text.get(self.lang)
        if found is None:
            raise TemplateError(f"{what} has no text in {self.lang!r} (it has: {', '.join(text.langs())})")
        return found

    @property
    def region(self) -> str:
        """The region's name as a title or table uses it."""
        return self.words(self.store.regions[self.region_key].name, f"region {self.region_key!r}")

    @property
    def region_in_text(self) -> str:
        """The region's name as running text uses it: the facts' ``in_text`` when given, else
        the name, with the English article that names like "… region" take."""
        region = self.store.regions[self.region_key]
        found = region.in_text.get(self.lang) if region.in_text else None
        if found:
            return found
        return with_article(self.region) if self.lang == "en" else self.region

    def label(self, indicator: str) -> str:
        return self.words(self.store.indicators[indicator].label, f"indicator {indicator!r}")

    def items(self, list_key: str) -> list[str]:
        """The entries of a named list (``key_industrial_chains``), empty when the facts lack it."""
        if list_key not in self.store.lists:
            self.missing.append(BriefWarning(f"list {list_key!r} is not in the facts; its passage is left out"))
            return []
        return [self.words(item, f"an item of list {list_key!r}") for item in self.store.lists[list_key]]

    def setting(self, key: str, default: str = "") -> str:
        """A build setting from the facts' ``briefing:`` section (issuer, issue, classification…),
        in this language when it is given per language; ``default`` when the facts lack it."""
        value = self.store.settings.get(key)
        if isinstance(value, Localized):
            value = value.get(self.lang)  # given for other languages only: not set for this one
        return default if value is None else str(value)

    def require_language(self, *codes: str) -> str:
        """Refuse to render a template in a language it is not written for (the 简报 is zh only)."""
        if self.lang not in codes:
            raise LanguageNotSupported(
                f"this template is written for {', '.join(codes)} only, not {self.lang!r}",
                hint=f"build it with --lang {codes[0]}",
            )
        return ""

    # -- facts ------------------------------------------------------------

    def has(self, *indicators: str) -> bool:
        """True when the region has facts for every indicator; records what a passage lacked."""
        lacking = [i for i in indicators if not self.store.series(i, self.region_key)]
        for indicator in lacking:
            warning = BriefWarning(
                f"no facts for {indicator} in region {self.region_key!r}: passages that need it are left out"
            )
            if warning not in self.missing:
                self.missing.append(warning)
        return not lacking

    def series(self, indicator: str) -> list[Fact]:
        return self.store.series(indicator, self.region_key)

    def latest(self, indicator: str) -> Fact:
        return self._ends(indicator)[-1]

    def earliest(self, indicator: str) -> Fact:
        return self._ends(indicator)[0]

    def fact(self, indicator: str, period: str) -> Fact:
        try:
            key = Period.parse(str(period))
        except PeriodFormError as exc:
            raise TemplateError(str(exc)) from None
        found = self.store.get(indicator, self.region_key, key)
        if found is None:
            raise TemplateError(
                f"the template asks for {indicator} in region {self.region_key!r} for period {key}, "
                "which the facts lack",
                hint="add the fact, or guard the passage with has(...)",
            )
        return found

    def find(self, indicator: str, period: Period | None = None) -> Fact | None:
        """The fact for ``period`` (or the latest), or None: for optional details like conversions."""
        series = self.series(indicator)
        if period is None:
            return series[-1] if series else None
        return next((f for f in series if f.period == period), None)

    def _ends(self, indicator: str) -> list[Fact]:
        series = self.series(indicator)
        if not series:
            raise TemplateError(
                f"the template asks for {indicator} in region {self.region_key!r}, which the facts lack",
                hint="add the facts, or guard the passage with has(...)",
            )
        return series

    def facts_of(self, *indicators: str) -> list[Fact]:
        """All facts of the given indicators (all indicators when none given), in file order.

        Exchange rates of the region are included: a key-figures table may show the rate
        its conversions use, and ``|figure`` prints a rate as one (``6.1932 yuan per U.S. dollar``)."""
        keys = indicators or tuple(self.store.indicators)
        return [f for k in keys for f in self.series(k)]

    # -- derived figures -------------------------------------------------

    def growth(self, a: Fact, b: Fact) -> Derived:
        return derive.growth(a, b)

    def cagr(self, a: Fact, b: Fact) -> Derived:
        return derive.cagr(a, b)

    def share(self, part: Fact, whole: Fact) -> Derived:
        return derive.share(part, whole)

    def multiple(self, a: Fact, b: Fact) -> Derived:
        return derive.multiple(a, b)

    def trend(self, first: Figureish, last: Figureish | None = None) -> str:
        """``'up'``, ``'down'`` or ``'flat'``: from ``first`` to ``last``, or the sign of ``first``
        alone (a growth rate), so a template chooses "rose" or "fell" by the data.

        A sentence that assumes the direction printed "rose from 1.7 trillion yuan to -2.43
        trillion yuan" for facts that fell; a template asks instead, and words each case.
        """
        items = (first,) if last is None else (first, last)
        for item in items:
            if not isinstance(item, (Fact, Derived)):
                raise TemplateError(f"trend() takes facts or derived figures, not {type(item).__name__}")
        units = {
            item.unit if isinstance(item, Derived) else self.store.indicators[item.indicator].unit for item in items
        }
        if len(units) > 1:
            raise TemplateError(f"trend() compares figures of one unit, not {' and '.join(sorted(units))}")
        change = first.value if last is None else last.value - first.value
        return "up" if change > 0 else "down" if change < 0 else "flat"

    def exchange_rate(self, item: Fact, currency: str) -> Fact:
        """The exchange-rate fact for converting ``item`` into ``currency``: same period if the
        facts have one, else the latest rate of the same year (any region: rates are national)."""
        unit = self.store.indicators[item.indicator].unit
        pairs = {f"{unit}/{currency}", f"{currency}/{unit}"}
        position = self.store.index().position
        rates = sorted(
            (
                f
                for ind in self.store.indicators.values()
                if ind.unit in pairs
                for f in self.store.of_indicator(ind.key)
            ),
            key=lambda f: position[f.id],
        )
        same = [f for f in rates if f.period == item.period] or [f for f in rates if f.period.end == item.period.end]
        if not same:
            raise TemplateError(
                f"no exchange rate between {unit} and {currency} for {item.period} in the facts",
                hint=f"add a fact whose indicator has unit {currency}/{unit} or {unit}/{currency}",
            )
        return max(same, key=lambda f: f.period)

    def convert(self, item: Fact, currency: str) -> Derived:
        """``item`` converted into ``currency`` with :meth:`exchange_rate`; the figure keeps
        both facts, so its origin (and the rate's date) can be shown."""
        rate = self.exchange_rate(item, currency)
        units = self.store.indicators
        return derive.convert(item, rate, units[item.indicator].unit, units[rate.indicator].unit, currency)

    # -- sources ----------------------------------------------------------

    def cite(self, item: Figureish) -> None:
        """Note the sources behind a figure, so the sources section lists only what was used."""
        for fact_id in item.facts if isinstance(item, Derived) else (item.id,):
            fact = self._by_id(fact_id)
            if fact.source not in self.used_sources:
                self.used_sources.append(fact.source)

    def _by_id(self, fact_id: str) -> Fact:
        found = self.store.by_id(fact_id)
        if found is None:  # a figure carries only ids of facts it was made from
            raise TemplateError(f"the figure cites fact {fact_id}, which the facts lack")
        return found

    def sources(self) -> list[dict[str, Any]]:
        """The sources cited so far, in order of first use, as plain values for the template."""
        out = []
        for key in self.used_sources:
            src = self.store.sources[key]
            out.append(
                {
                    "id": key,
                    "publisher": self.words(src.publisher, f"publisher of source {key!r}"),
                    "title": _cited_title(src.title, self.lang),
                    "date": src.date,
                    "url": src.url,
                }
            )
        return out


#: English names of this kind take "the" in running text ("the Yangtze River Delta").
_TAKES_ARTICLE = re.compile(r"\b(region|area|delta|zone|belt|circle|corridor|basin|bay)$", re.IGNORECASE)


def with_article(name: str) -> str:
    """``name`` as English running text writes it.

    >>> with_article("Chengdu-Chongqing region"), with_article("Greater Bay Area"), with_article("Hebei")
    ('the Chengdu-Chongqing region', 'the Greater Bay Area', 'Hebei')
    >>> with_article("The Pearl River Delta")
    'The Pearl River Delta'
    """
    if name.lower().startswith("the ") or not _TAKES_ARTICLE.search(name.strip()):
        return name
    return f"the {name}"


def _cited_title(title: Localized, lang: str) -> str:
    """A source's title in the document's language, else in the language it was published in
    (the first one given), as bibliographies cite an untranslated title."""
    found = title.get(lang)
    if found is not None:
        return found
    return title.by_lang[0][1] if title.by_lang else ""
