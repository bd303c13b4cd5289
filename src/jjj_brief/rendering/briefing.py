"""What a template can ask of the facts, and how a figure becomes markup.

Templates see one :class:`Briefing` (facts of the briefing's region, in the
render's language) and a handful of filters.  Every filter that prints a
number returns ``<num fact="…">text</num>`` markup, so a figure keeps its
origin through the document model; formatting itself is delegated to the
:class:`~jjj_brief.l10n.Localizer` of the render, so it happens once, in
the right locale.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from jjj_brief.errors import BriefError, BriefWarning, LanguageNotSupported, TemplateError
from jjj_brief.facts import derive
from jjj_brief.facts.derive import Derived
from jjj_brief.facts.model import Fact, FactStore, Localized, Period, PeriodFormError
from jjj_brief.rendering.figure_style import FigureStyle, plain_value
from jjj_brief.rendering.review import ADDED, UNCHANGED, Review

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

    def exchange_rate(self, item: Fact, currency: str) -> Fact:
        """The exchange-rate fact for converting ``item`` into ``currency``: same period if the
        facts have one, else the latest rate of the same year (any region: rates are national)."""
        unit = self.store.indicators[item.indicator].unit
        pairs = {f"{unit}/{currency}", f"{currency}/{unit}"}
        rates = [f for f in self.store.facts.values() if self.store.indicators[f.indicator].unit in pairs]
        same = [f for f in rates if f.period == item.period] or [
            f for f in rates if f.period.end == item.period.end
        ]
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
        return next(f for f in self.store.facts.values() if f.id == fact_id)

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


FILTER_NAMES = ("figure", "change", "period", "span", "year", "date", "capfirst", "join", "chart", "outline")
"""The filters every template may use (the environment registers them once; see
:func:`figure_filters` for what each does in one render)."""


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


def figure_filters(briefing: Briefing, loc: Any, review: Review | None = None) -> dict[str, Callable[..., Any]]:
    """The filters a template uses to print figures, bound to one render's facts and locale.

    ``review`` adds a reviewer's note (``--annotate``) and the text an older
    vintage printed (``--since``) to each figure.
    """
    printer = FigurePrinter(briefing, loc, review)
    return {
        "figure": printer.figure,
        "change": printer.change,
        "period": lambda p: loc.period(p.period if hasattr(p, "period") else p),
        "span": lambda first, last: loc.period_range(first.period, last.period),
        "year": lambda year: loc.period(Period(int(year), int(year))),
        "date": _guarded(loc.date),
        "capfirst": lambda s: s[:1].upper() + s[1:],
        "join": lambda items: loc.join(list(items)),
        "chart": lambda series: chart_data(briefing, loc, series),
        "outline": lambda n, level=1: loc.outline_number(int(level), int(n)),
    }


@dataclass
class FigurePrinter:
    """Prints facts and derived figures as ``<num>`` markup: the ``|figure`` and ``|change``
    filters of one render."""

    briefing: Briefing
    loc: Any
    review: Review | None = None

    def unit_of(self, item: Figureish) -> str:
        return item.unit if isinstance(item, Derived) else self.briefing.store.indicators[item.indicator].unit

    def figure(self, item: Figureish, digits: int | None = None, qualify: bool = True,
               scale: Any = None, style: str = "name") -> Markup:
        """A figure as the language prints it.  ``scale=`` a list of facts locks the unit
        of the whole series (0.9万亿元 … 1.7万亿元); ``style="symbol"`` writes ¥/US$."""
        unit = self.unit_of(item)
        default = 4 if "/" in unit else 1 if unit in ("percent", "points", "multiple") else 2
        if isinstance(scale, (list, tuple)):
            scale = self.loc.scale_for([f.value for f in scale], digits=_digits(digits, 2))
        divisor = scale.divisor if scale is not None else None

        def style_of(one: Figureish) -> FigureStyle:
            q = one.qualifier if qualify and one.qualifier != "record_high" else None
            return FigureStyle("figure", _digits(digits, default), q, scale=divisor, money=style)

        return self.printed(item, style_of)

    def change(self, item: Figureish, digits: int | None = None, basis: str | None = None) -> Markup:
        style = FigureStyle("change", _digits(digits, 1), basis=basis)
        return self.printed(item, lambda one: style)

    def printed(self, item: Figureish, style_of: Callable[[Figureish], FigureStyle]) -> Markup:
        """The figure's markup; ``style_of`` gives the style for an item (a qualifier is per
        item), so an older vintage's item is printed by the very same call."""
        self.briefing.cite(item)
        unit, style = self.unit_of(item), style_of(item)
        text = style.apply(self.loc, item.value, unit)
        extra = self.review_marks(item, text, style_of) if self.review is not None else {}
        return _num_markup(item, text, unit, style, extra)

    def review_marks(self, item: Figureish, text: str,
                     style_of: Callable[[Figureish], FigureStyle]) -> dict[str, str]:
        """The reviewer's note, and what an older vintage printed when that differs."""
        assert self.review is not None
        marks = {"note": self.review.note(item, self.unit_of(item))}
        older = self.review.older(item)
        if older is ADDED:
            marks["previous"] = ""
        elif older is not UNCHANGED:
            before = style_of(older).apply(self.loc, older.value, self.unit_of(older))
            if before != text:  # a revision lost in rounding moves nothing a reader sees
                marks["previous"] = before
        return marks


def chart_data(briefing: Briefing, loc: Any, series: Any) -> dict[str, Any]:
    """What a ``<chart>`` element needs for one series of facts, or several (a list of lists).

    ``unit`` is the axis unit (``万亿元``), ``ticks`` round values labelled in the
    series' locked scale, and each series' ``points`` carry the category
    (the period), the exact value, the printed label and the fact id.  All
    series of a chart share one unit and one scale; the sources are cited.
    """
    groups = [list(s) for s in series] if series and isinstance(series[0], (list, tuple)) else [list(series)]
    facts = [f for group in groups for f in group]
    if not facts:
        raise TemplateError("a chart needs at least one fact", hint="guard the chart with has(...)")
    units = {briefing.store.indicators[f.indicator].unit for f in facts}
    if len(units) != 1:
        raise TemplateError(f"a chart's series must share one unit, not {', '.join(sorted(units))}")
    unit = units.pop()
    values = [f.value for f in facts]
    for fact in facts:
        briefing.cite(fact)
    publishers = []
    for fact in facts:
        source = briefing.store.sources[fact.source]
        name = briefing.words(source.publisher, f"publisher of source {fact.source!r}")
        publishers.extend([name] if name not in publishers else [])
    return {
        "sources": publishers,
        "unit": loc.axis_unit(values, unit),
        "ticks": [{"value": str(v), "label": label} for v, label in loc.ticks(values, unit)],
        "series": [{"indicator": group[0].indicator, "points": [
            {"label": loc.period(f.period), "value": str(f.value), "text": loc.chart_value(f.value, values, unit),
             "fact": f.id} for f in group]} for group in groups],
    }


def _num_markup(item: Figureish, text: str, unit: str, style: FigureStyle, extra: dict[str, str]) -> Markup:
    """``<num>`` with the figure's origin and what was printed, for the document model."""
    attributes = {
        "fact": " ".join(item.facts) if isinstance(item, Derived) else item.id,
        "formula": item.formula if isinstance(item, Derived) else None,
        "value": plain_value(item.value),
        "unit": unit,
        "period": str(item.period) if item.period is not None else None,
        "style": str(style),
        **extra,
    }
    written = "".join(f' {k}="{escape(v)}"' for k, v in attributes.items() if v is not None)
    return Markup(f"<num{written}>{escape(text)}</num>")


def _digits(asked: int | None, default: int) -> int:
    return default if asked is None else int(asked)


def _guarded(fn: Callable[..., str]) -> Callable[..., str]:
    def call(value: Any, *args: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, (dt.date,)):
            raise BriefError(f"expected a date, got {value!r}")
        return fn(value, *args)

    return call


def _cited_title(title: Localized, lang: str) -> str:
    """A source's title in the document's language, else in the language it was published in
    (the first one given), as bibliographies cite an untranslated title."""
    found = title.get(lang)
    if found is not None:
        return found
    return title.by_lang[0][1] if title.by_lang else ""
