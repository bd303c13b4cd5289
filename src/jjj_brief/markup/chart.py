"""``<chart>`` markup → :class:`~jjj_brief.document.Chart`: the reader's one case that needs numbers.

A chart carries two views of each value: the ``value`` attribute (the exact
decimal from the facts, which the writers only use for geometry) and the
element's text (the label printed on the chart, formatted by the
localization layer).  Every series must name the same categories in the same
order, since bars and points are placed by category.
"""

from __future__ import annotations

import math
from typing import Protocol

from lxml import etree

from jjj_brief import document as d
from jjj_brief.errors import MarkupError
from jjj_brief.markup.nodes import collapse, is_element, text_of

CHART_KINDS = ("bar", "line")


class ReaderLike(Protocol):
    """What this module needs from the markup reader: located errors and inline content."""

    def fail(self, el: etree._Element, message: str) -> MarkupError: ...

    def inlines(self, el: etree._Element) -> d.Inlines: ...


def read_chart(reader: ReaderLike, el: etree._Element) -> d.Chart:
    """A bar or line chart: caption, one or more series, value-axis ticks, source note."""
    kind = el.get("kind", "bar")
    if kind not in CHART_KINDS:
        raise reader.fail(el, f"chart kind must be one of {', '.join(CHART_KINDS)}, not {kind!r}")
    caption: d.Inlines = ()
    note: d.Inlines = ()
    series: list[tuple[d.ChartSeries, tuple[str, ...], etree._Element]] = []
    ticks: list[tuple[float, str]] = []
    for child in (c for c in el if is_element(c)):
        if child.tag == "caption":
            caption = reader.inlines(child)
        elif child.tag == "note":
            note = reader.inlines(child)
        elif child.tag == "series":
            series.append((*_series(reader, child), child))
        elif child.tag == "tick":
            ticks.append((_number(reader, child), _label(child)))
        else:
            raise reader.fail(child, f"<chart> may not hold <{child.tag}>")
    if not series:
        raise reader.fail(el, "<chart> has no <series>")
    categories = series[0][1]
    for _, names, where in series[1:]:
        if names != categories:
            raise reader.fail(
                where, f"series categories {list(names)} differ from the first series' {list(categories)}"
            )
    return d.Chart(
        kind,
        categories,
        tuple(s for s, _, _ in series),
        tuple(ticks),
        collapse(el.get("unit", "")).strip(),
        caption,
        note,
        _scale(reader, el),
        collapse(el.get("tick-format", "General")).strip() or "General",
    )


def _scale(reader: ReaderLike, el: etree._Element) -> float:
    """``scale=``, the divisor of the axis unit (``1e12`` for trillion yuan); 1 when not given."""
    if el.get("scale") is None:
        return 1.0
    scale = _number(reader, el, "scale")
    if scale <= 0:
        raise reader.fail(el, f"<chart> needs a positive number in scale=, not {el.get('scale')!r}")
    return scale


def _series(reader: ReaderLike, el: etree._Element) -> tuple[d.ChartSeries, tuple[str, ...]]:
    points = [c for c in el if is_element(c)]
    for point in points:
        if point.tag != "point":
            raise reader.fail(point, f"<series> may only hold <point>, not <{point.tag}>")
    if not points:
        raise reader.fail(el, "<series> has no <point>")
    series = d.ChartSeries(
        name=collapse(el.get("name", "")).strip(),
        values=tuple(_number(reader, p) for p in points),
        labels=tuple(_label(p) for p in points),
        facts=tuple(p.get("fact", "") for p in points),
    )
    return series, tuple(collapse(p.get("label", "")).strip() for p in points)


def _number(reader: ReaderLike, el: etree._Element, attribute: str = "value") -> float:
    raw = el.get(attribute)
    try:
        value = float(raw) if raw is not None else math.nan
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise reader.fail(el, f"<{el.tag}> needs a finite number in {attribute}=, not {raw!r}")
    return value


def _label(el: etree._Element) -> str:
    return collapse(text_of(el)).strip()
