"""A chart as a ``<figure>`` with an inline SVG, drawn from the same chart definition as the PDF's.

The geometry is :func:`~jjj_brief.writers.charts.drawing.chart_drawing`'s (one layout
for every edition: ticks, bars, points, legend), laid out on a narrower canvas than the
page's so that its text stays legible when a phone scales it down; the SVG's ``viewBox``
lets it grow to the column's width on a desktop.  Text is set from the picture's whole
labels (``text-anchor`` does the centring), not its per-face runs: the browser picks the
face from the page's font stack.  Each bar or point says which fact it shows
(``data-fact``); the figure lists them all (``data-facts``) for the audit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jjj_brief.document import Chart, Inlines
from jjj_brief.writers.charts.drawing import ChartLook, Picture, Shape, chart_drawing
from jjj_brief.writers.html.nodes import Element, element

# The canvas in points (SVG user units): narrower than a page's type area, so a phone shows
# the 8 pt ticks near their size; the stylesheet caps how wide a desktop stretches it.
CANVAS = (320.0, 150.0)
Inliner = Callable[[Element, Inlines], Element]


def chart_figure(chart: Chart, chinese: bool, inlines: Inliner, number: int = 1) -> Element:
    """``<figure>``: caption, the SVG, the source line; its facts in ``data-facts``."""
    facts = list(dict.fromkeys(fact for series in chart.series for fact in series.facts if fact))
    figure = element("figure", class_="chart", data_facts=" ".join(facts))
    caption_id = f"chart-{number}"
    if chart.caption:
        inlines(element("figcaption", figure, id=caption_id), chart.caption)
    picture = chart_drawing(chart, ChartLook(*CANVAS, chinese))
    figure.append(svg(picture, caption_id if chart.caption else ""))
    if chart.note:
        inlines(element("p", figure, class_="figure-note"), chart.note)
    return figure


def svg(picture: Picture, labelled_by: str) -> Element:
    """The picture as an ``<svg>`` element (HTML's inline SVG: no namespace prefix needed)."""
    width, height = picture.width, picture.height
    root = element(
        "svg",
        viewBox=f"0 0 {_n(width)} {_n(height)}",
        role="img",
        focusable="false",
        preserveAspectRatio="xMidYMid meet",
    )
    if labelled_by:
        root.set("aria-labelledby", labelled_by)
    for shape in picture.contents:
        if shape.kind != "String":  # text comes whole from the picture's labels below
            root.append(_shape(shape, height))
    for label in picture.labels:
        text = element(
            "text", root, label.text, x=_n(label.x), y=_n(height - label.y), font_size=_n(label.size), fill=label.color
        )
        if label.anchor != "start":
            text.set("text-anchor", label.anchor)
        if label.bold:
            text.set("font-weight", "bold")
    return root


def _shape(shape: Shape, height: float) -> Element:
    """One primitive, its y flipped (the picture's origin is bottom left, SVG's top left)."""
    args, style = shape.args, shape.style
    if shape.kind == "Rect":
        x, y, w, h = args
        node = element("rect", x=_n(x), y=_n(height - max(y, y + h)), width=_n(w), height=_n(abs(h)))
    elif shape.kind == "Line":
        x1, y1, x2, y2 = args
        node = element("line", x1=_n(x1), y1=_n(height - y1), x2=_n(x2), y2=_n(height - y2))
    elif shape.kind == "PolyLine":
        flat = args[0]
        points = " ".join(f"{_n(x)},{_n(height - y)}" for x, y in zip(flat[::2], flat[1::2]))
        node = element("polyline", points=points, fill="none")
    elif shape.kind == "Circle":
        cx, cy, r = args
        node = element("circle", cx=_n(cx), cy=_n(height - cy), r=_n(r))
    else:  # the picture's primitives are closed; String is handled by the caller
        raise ValueError(f"no SVG for a {shape.kind}")
    _paint(node, style)
    if shape.fact:
        node.set("data-fact", shape.fact)
    return node


def _paint(node: Element, style: dict[str, Any]) -> None:
    """Fill and stroke as reportlab names them (``fillColor``, ``strokeColor``, ``strokeWidth``)."""
    if "fillColor" in style:
        node.set("fill", style["fillColor"] or "none")
    if style.get("strokeColor"):
        node.set("stroke", style["strokeColor"])
        node.set("stroke-width", _n(style.get("strokeWidth", 1)))


def _n(value: float) -> str:
    """A coordinate, to a hundredth of a point: geometry, never a number a reader reads."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
