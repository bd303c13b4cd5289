"""The filters templates print with: how a figure becomes markup.

Every filter that prints a number returns ``<num ref="N">text</num>`` markup and puts the
figure (its facts, exact value, unit, period, style) into the render's
:class:`~jjj_brief.markup.figures.FigureTable`, so a figure keeps its origin through the
document model and no template can forge one; formatting itself is delegated to the
:class:`~jjj_brief.l10n.Localizer` of the render, so it happens once, in the right locale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from jjj_brief.document import Figure
from jjj_brief.errors import BriefError, TemplateError
from jjj_brief.facts.derive import Derived
from jjj_brief.facts.model import Period
from jjj_brief.l10n.axes import tick_format
from jjj_brief.markup.figures import FigureTable
from jjj_brief.rendering.briefing import Briefing, Figureish
from jjj_brief.rendering.figure_style import FigureStyle, plain_value
from jjj_brief.rendering.review import ADDED, UNCHANGED, Review

FILTER_NAMES = ("figure", "change", "period", "span", "year", "date", "capfirst", "join", "chart", "outline")
"""The filters every template may use (the environment registers them once; see
:func:`figure_filters` for what each does in one render)."""


def figure_filters(
    briefing: Briefing, loc: Any, review: Review | None = None, table: FigureTable | None = None
) -> dict[str, Callable[..., Any]]:
    """The filters a template uses to print figures, bound to one render's facts and locale.

    ``review`` adds a reviewer's note (``--annotate``) and the text an older
    vintage printed (``--since``) to each figure; ``table`` receives every figure printed
    (the markup reader takes them from it).
    """
    printer = FigurePrinter(briefing, loc, review, table if table is not None else FigureTable())
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
    table: FigureTable = field(default_factory=FigureTable)

    def unit_of(self, item: Figureish) -> str:
        return item.unit if isinstance(item, Derived) else self.briefing.store.indicators[item.indicator].unit

    def figure(
        self, item: Figureish, digits: int | None = None, qualify: bool = True, scale: Any = None, style: str = "name"
    ) -> Markup:
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
        return _num_markup(item, text, unit, style, extra, self.table)

    def review_marks(self, item: Figureish, text: str, style_of: Callable[[Figureish], FigureStyle]) -> dict[str, str]:
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

    ``unit`` is the axis unit (``万亿元``), ``scale`` its divisor (``1e12``), ``tick_format``
    the spreadsheet number format that prints the ticks as labelled, ``ticks`` round values
    labelled in the series' locked scale, and each series' ``points`` carry the category
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
    scale, ticks = loc.axis_scale(values, unit), loc.ticks(values, unit)
    return {
        "sources": publishers,
        "unit": loc.axis_unit(values, unit),
        "scale": str(scale),
        "tick_format": tick_format([value / scale for value, _ in ticks]),
        "ticks": [{"value": str(v), "label": label} for v, label in ticks],
        "series": [
            {
                "indicator": group[0].indicator,
                "points": [
                    {
                        "label": loc.period(f.period),
                        "value": str(f.value),
                        "text": loc.chart_value(f.value, values, unit),
                        "fact": f.id,
                    }
                    for f in group
                ],
            }
            for group in groups
        ],
    }


def _num_markup(
    item: Figureish, text: str, unit: str, style: FigureStyle, extra: dict[str, str], table: FigureTable
) -> Markup:
    """``<num ref="N">text</num>``: the figure itself (its facts, exact value, unit, period,
    style and review marks) goes into the render's table, out of the template's reach."""
    figure = Figure(
        text,
        tuple(item.facts) if isinstance(item, Derived) else (item.id,),
        item.formula if isinstance(item, Derived) else None,
        note=extra.get("note", ""),
        previous=extra.get("previous"),
        value=plain_value(item.value),
        unit=unit,
        period=str(item.period) if item.period is not None else None,
        style=str(style),
    )
    return Markup(f'<num ref="{table.add(figure)}">{escape(text)}</num>')


MAX_DIGITS = 8


def _digits(asked: int | None, default: int) -> int:
    """The decimal places asked for a figure: a whole number from 0 to :data:`MAX_DIGITS`."""
    if asked is None:
        return default
    if isinstance(asked, bool) or not isinstance(asked, int) or not 0 <= asked <= MAX_DIGITS:
        raise ValueError(f"digits= must be a whole number from 0 to {MAX_DIGITS}, not {asked!r}")
    return asked


def _guarded(fn: Callable[..., str]) -> Callable[..., str]:
    def call(value: Any, *args: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, (dt.date,)):
            raise BriefError(f"expected a date, got {value!r}")
        return fn(value, *args)

    return call
