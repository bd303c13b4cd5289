"""A :class:`~jjj_brief.document.Chart` laid out once as a :class:`Picture`: the one chart definition.

The layout is a list of five primitive shapes (``Rect``, ``Line``,
``PolyLine``, ``Circle``, ``String``, named and shaped like reportlab's).  The
PDF writer turns it into a reportlab ``Drawing`` (:func:`as_drawing`: vector
graphics, fonts embedded); the DOCX writer paints the *same* picture into a
PNG with :mod:`.chart_png`.  So both editions show the same geometry, labels
and colours, and the DOCX process never imports ``reportlab.graphics`` (which
pulls in platypus, ~0.17 s).  Every text comes from the model, already
localized; a label mixing Han and Latin (``2013年``) is set as one ``String``
per run, each in its own face (Noto Sans for Latin, the CJK face for Han), as
the paragraphs are.

The writers import this module only when a document has a chart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jjj_brief.document import Chart
from jjj_brief.writers.pdf.fonts import Forms, base_font_name
from jjj_brief.writers.pdf.lines import line_runs
from jjj_brief.writers.pdf.text import TextStyle, set_plain
from jjj_brief.writers.text.linebreak import Line as TextLine


@dataclass
class Shape:
    """One primitive: ``kind`` names the reportlab class it becomes; ``args`` and ``style`` its arguments."""

    kind: str
    args: tuple[Any, ...]
    style: dict[str, Any]
    fact: str = ""  # the fact a bar or point shows, for a renderer that can say so (SVG)


@dataclass(frozen=True)
class Label:
    """A text as placed, before it is cut into runs of one face: for a renderer that sets text
    itself (the HTML edition's SVG).  ``(x, y)`` is the anchor point on the baseline."""

    text: str
    x: float
    y: float
    size: float
    bold: bool
    color: str
    anchor: str = "start"  # start, middle or end


def _shape(kind: str) -> Any:
    def make(*args: Any, **style: Any) -> Shape:
        return Shape(kind, args, style)

    return make


Rect, Line, PolyLine, Circle, String = (_shape(k) for k in ("Rect", "Line", "PolyLine", "Circle", "String"))


@dataclass
class Picture:
    """A chart's shapes on a ``width`` × ``height`` point canvas, origin bottom left; colours ``#rrggbb``."""

    width: float
    height: float
    contents: list[Shape] = field(default_factory=list)
    initialFontName: str = ""
    labels: list[Label] = field(default_factory=list)  # every text, whole, beside its Strings

    def add(self, shape: Shape) -> None:
        self.contents.append(shape)

    def add_text(self, text: str, x: float, y: float, style: TextStyle, color: str, anchor: str = "start") -> None:
        """``text`` anchored at ``(x, y)``: as Strings (one per face) and as one :class:`Label`."""
        self.labels.append(Label(text, x, y, style.size, style.bold, color, anchor))
        for shape in text_shapes(text, x, y, style, color, anchor):
            self.add(shape)


def as_drawing(picture: Picture) -> Any:
    """The picture as a reportlab ``Drawing`` (a flowable), for the PDF."""
    from reportlab.graphics import shapes
    from reportlab.lib.colors import toColor as color

    drawing = shapes.Drawing(picture.width, picture.height)
    drawing.initialFontName = picture.initialFontName  # renderPDF would otherwise select Helvetica, unembedded
    for shape in picture.contents:
        style = {k: (color(v) if k.endswith("Color") and v is not None else v) for k, v in shape.style.items()}
        drawing.add(getattr(shapes, shape.kind)(*shape.args, **style))
    return drawing


PALETTE = ("#1F3A5F", "#C0504D", "#7F9CC0", "#C9A227")
PALETTE_ZH = ("#B00000", "#1F3A5F", "#E39A9A", "#C9A227")
GRID = "#D0D4DA"
AXIS = "#595959"
TICK_SIZE = 8.0
LABEL_SIZE = 8.5
SHRINK_FLOOR = 0.8
TEXT_TO_BODY = 0.7
"""Chart text against the body text: 8 pt beside an 11 pt research note, 11 pt beside a 16 pt 简报."""


@dataclass(frozen=True)
class ChartLook:
    """Sizes and faces of one chart; ``chinese`` sets quotes and dashes in the CJK face.

    ``tick_size`` is the size of the axis text; value and category labels are
    half a point larger.  The margins around the plot grow with it.
    """

    width: float
    height: float
    chinese: bool = False
    forms: Forms = "SC"  # Simplified or Traditional CJK faces
    tick_size: float = TICK_SIZE

    @property
    def label_size(self) -> float:
        return self.tick_size + LABEL_SIZE - TICK_SIZE

    @property
    def scale(self) -> float:
        """How much larger than the 8 pt design the chart's text (and the room for it) is."""
        return self.tick_size / TICK_SIZE

    @property
    def min_height(self) -> float:
        """The least height the PDF may give this chart to keep it beside its text (see ``pdf_float``):
        a fifth less than designed, never under 110 pt; below that the bars read as a strip."""
        return min(self.height, max(round(self.height * SHRINK_FLOOR, 1), 110.0))

    def text_style(self, size: float, bold: bool = False) -> TextStyle:
        return TextStyle("sans", size, size * 1.3, bold=bold, han_punctuation=self.chinese, han_forms=self.forms)


def text_shapes(text: str, x: float, y: float, style: TextStyle, color: str, anchor: str = "start") -> list[Shape]:
    """``text`` as Strings, one per run of one face, anchored at ``(x, y)`` (baseline)."""
    setting = set_plain(text, style)
    if not setting.text:
        return []
    width = setting.natural_width()
    x -= {"end": width, "middle": width / 2}.get(anchor, 0.0)
    shapes, start = [], 0
    for run, face, _ in line_runs(setting, TextLine(0, len(setting.text), width)):
        shapes.append(String(x, y, run, fontName=face, fontSize=style.size, fillColor=color))
        x += sum(setting.advances[start : start + len(run)])
        start += len(run)
    return shapes


def text_width(text: str, style: TextStyle) -> float:
    return set_plain(text, style).natural_width()


def chart_drawing(chart: Chart, look: ChartLook) -> Picture:
    """The whole chart: legend and unit on top, grid and ticks, bars or line, category labels."""
    drawing = Picture(look.width, look.height, initialFontName=base_font_name())
    tick_size = look.tick_size
    tick_style, label_style = look.text_style(tick_size), look.text_style(look.label_size)
    palette = PALETTE_ZH if look.chinese else PALETTE
    left = max([text_width(label, tick_style) for _, label in chart.ticks] + [8.0]) + 8
    plot = _plot_for(chart, left, look)
    for value, label in chart.ticks:
        y = plot.y(value)
        drawing.add(Line(plot.left, y, plot.right, y, strokeColor=GRID, strokeWidth=0.5))
        drawing.add_text(label, plot.left - 4, y - tick_size * 0.35, tick_style, AXIS, "end")
    zero = plot.y(0.0)  # the axis line is the zero line: bars stand on it or hang from it
    drawing.add(Line(plot.left, zero, plot.right, zero, strokeColor=AXIS, strokeWidth=0.8))
    if chart.axis_label:
        drawing.add_text(chart.axis_label, 0, plot.top + 10 * look.scale, tick_style, AXIS)
    slot = (plot.right - plot.left) / max(len(chart.categories), 1)
    for index, name in enumerate(chart.categories):
        drawing.add_text(name, plot.left + slot * (index + 0.5), 6 * look.scale, label_style, "#000000", "middle")
    marks = _bars if chart.kind == "bar" else _line
    marks(drawing, chart, plot, slot, palette, look)
    _legend(drawing, chart, plot, palette, look)
    return drawing


# Room under the plot for a value label hung below the lowest negative bar or point, so it
# does not run into the category labels.
BELOW_ROOM = 12.0


@dataclass(frozen=True)
class _Plot:
    """The plot area in points, and the value range (``low`` <= 0 <= ``high``) it spans."""

    left: float
    bottom: float
    right: float
    top: float
    low: float = 0.0
    high: float = 1.0

    def y(self, value: float) -> float:
        """Where ``value`` sits: one mapping for grid, bars and points, so negatives stay on the plot."""
        return self.bottom + (value - self.low) / (self.high - self.low) * (self.top - self.bottom)


def _plot_for(chart: Chart, left: float, look: ChartLook) -> _Plot:
    """The plot spanning every tick and value and 0; extra room below when something is negative."""
    values = [t for t, _ in chart.ticks] + [v for s in chart.series for v in s.values] + [0.0]
    low, high = min(values), max(values)
    bottom = (20.0 + (BELOW_ROOM if low < 0 else 0.0)) * look.scale
    return _Plot(left, bottom, look.width - 8, look.height - 26 * look.scale, low, high if high > low else low + 1.0)


def _showing(mark: Shape, facts: tuple[str, ...], index: int) -> Shape:
    """``mark`` remembering the fact of point ``index`` (when the series names its facts)."""
    mark.fact = facts[index] if index < len(facts) else ""
    return mark


def _label_y(y: float, value: float, gap: float, size: float) -> float:
    """Baseline of a value label: above a positive mark, below a negative one (clear of it)."""
    return y + gap if value >= 0 else y - gap - size * 0.75


def _bars(drawing: Picture, chart: Chart, plot: _Plot, slot: float, palette: tuple[str, ...], look: ChartLook) -> None:
    """Bars side by side per category, from the zero line up (or down, with a negative height),
    each with its value label at its end."""
    count = len(chart.series)
    bar = min(slot * 0.55 / count, 60.0)
    style = look.text_style(look.label_size, bold=True)
    zero = plot.y(0.0)
    for number, series in enumerate(chart.series):
        color = palette[number % len(palette)]
        for index, (value, label) in enumerate(zip(series.values, series.labels)):
            x = plot.left + slot * (index + 0.5) - bar * count / 2 + bar * number
            end = plot.y(value)
            drawing.add(
                _showing(Rect(x, zero, bar * 0.92, end - zero, fillColor=color, strokeColor=None), series.facts, index)
            )
            y = _label_y(end, value, 3, look.label_size)
            drawing.add_text(label, x + bar * 0.46, y, style, "#000000", "middle")


def _line(drawing: Picture, chart: Chart, plot: _Plot, slot: float, palette: tuple[str, ...], look: ChartLook) -> None:
    """A polyline per series with round markers and a value label above (below, if negative) each point."""
    style = look.text_style(look.label_size - 0.5)
    for number, series in enumerate(chart.series):
        color = palette[number % len(palette)]
        points = [(plot.left + slot * (i + 0.5), plot.y(v)) for i, v in enumerate(series.values)]
        flat = [c for point in points for c in point]
        drawing.add(PolyLine(flat, strokeColor=color, strokeWidth=1.6))
        for index, ((x, y), value, label) in enumerate(zip(points, series.values, series.labels)):
            drawing.add(
                _showing(
                    Circle(x, y, 2.4, fillColor=color, strokeColor="#FFFFFF", strokeWidth=0.6), series.facts, index
                )
            )
            drawing.add_text(label, x, _label_y(y, value, 5, look.label_size - 0.5), style, "#000000", "middle")


def _legend(drawing: Picture, chart: Chart, plot: _Plot, palette: tuple[str, ...], look: ChartLook) -> None:
    """Series names with a swatch, right-aligned above the plot; none for a single series (the caption
    names it, and a legend of one only repeats it)."""
    if len(chart.series) < 2:
        return
    style, k = look.text_style(look.label_size), look.scale
    x = plot.right
    for number, series in reversed(list(enumerate(chart.series))):
        if not series.name:
            continue
        color = palette[number % len(palette)]
        x -= text_width(series.name, style)
        drawing.add_text(series.name, x, plot.top + 10 * k, style, "#000000")
        x -= 12 * k
        if chart.kind == "bar":
            drawing.add(Rect(x, plot.top + 9 * k, 8 * k, 8 * k, fillColor=color, strokeColor=None))
        else:
            drawing.add(Line(x, plot.top + 13 * k, x + 9 * k, plot.top + 13 * k, strokeColor=color, strokeWidth=1.6))
        x -= 14 * k


def chart_look(width: float, lang_is_chinese: bool, forms: Forms = "SC", body_size: float = 11.0) -> ChartLook:
    """A chart as wide as ``width`` and about half as high (bars read well at that ratio), its text
    sized for body text of ``body_size`` (:data:`TEXT_TO_BODY`, never under 8 pt, in half points)."""
    tick_size = max(TICK_SIZE, round(body_size * TEXT_TO_BODY * 2) / 2)
    return ChartLook(width, round(min(width * 0.36, 170.0), 1), lang_is_chinese, forms, tick_size)
