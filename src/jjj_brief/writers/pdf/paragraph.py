"""The paragraph flowable: text laid out by :mod:`.linebreak` instead of reportlab's wrapper.

It behaves like any platypus flowable, so it works in the story, in table
cells and across page breaks (``split`` hands back the lines that fit and a
continuation without the first-line indent).  It can carry a hanging marker
(bullet, ``[n]``), a background box (lead paragraphs) and an outline entry
(headings).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus.flowables import Flowable

from jjj_brief.writers.pdf.lines import Spacing, draw_line, draw_plain, justify
from jjj_brief.writers.pdf.text import FigureMark, SetText, TextStyle
from jjj_brief.writers.text.linebreak import Line

CHANGE_BAR = "#D04A02"

BASELINE_RAISE = 0.36
"""Baseline offset from the middle of the line box, in em: centres Han and Latin glyph bodies."""


@dataclass(frozen=True)
class OutlineEntry:
    """A PDF bookmark for a heading; ``level`` counts from 0 and never jumps by more than 1."""

    key: str
    title: str
    level: int


class TextBlock(Flowable):
    """One paragraph (or the part of one that fits) of mixed-script text."""

    def __init__(
        self,
        setting: SetText,
        style: TextStyle,
        *,
        marker: SetText | None = None,
        marker_x: float = 0.0,
        outline: OutlineEntry | None = None,
        continued: bool = False,
        keep_with_next: bool = False,
    ) -> None:
        super().__init__()
        self.setting = setting
        self.style = style
        self.marker = marker
        self.marker_x = marker_x
        self.outline = outline
        self.continued = continued  # the rest of a paragraph after a page break
        self.keepWithNext = keep_with_next
        self.ends_paragraph = True
        self._fixed: list[Line] | None = None
        self._memo: tuple[float, list[Line]] | None = None
        self._start = 0  # where this part's text starts in the shared setting (see _own_text)

    # -------------------------------------------------------------- layout

    def _room(self, avail_width: float) -> tuple[float, float]:
        """Room on the first line and on the others, in points."""
        width = avail_width - self.style.left_indent - 2 * self.style.padding
        first = width if self.continued else width - self.style.first_indent
        return first, width

    def lines(self, avail_width: float) -> list[Line]:
        """The lines at this width (memoised: tables and frames ask more than once)."""
        if self._fixed is not None:
            return self._fixed
        if self._memo is None or self._memo[0] != avail_width:
            self._own_text()
            first, width = self._room(avail_width)
            lines = self.setting.break_lines(max(width, 1.0), max(first, 1.0))
            self._memo = (avail_width, lines)
        return self._memo[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading + 2 * self.style.padding
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return 0.0 if self.continued else self.style.space_before

    def getSpaceAfter(self) -> float:
        return self.style.space_after if self.ends_paragraph else 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The lines that fit here and the rest; no single first or last line left alone.

        So a paragraph of two or three lines moves whole: a page that ends on
        one line of it, or starts on one, reads as a mistake (and the text that
        floats up past a held chart, see :mod:`.pdf_float`, must not leave one).
        """
        lines = self.lines(availWidth)
        fit = int((availHeight - 2 * self.style.padding + 1e-6) // self.style.leading)
        if len(lines) - fit == 1:
            fit -= 1  # no widow
        if fit == 1:
            fit = 0  # no orphan
        if fit <= 0 or fit >= len(lines):
            return []
        head = self._with(continued=self.continued, outline=self.outline, marker=self.marker)
        head._fixed = lines[:fit]
        head.ends_paragraph = False
        tail = self._with(continued=True, outline=None, marker=None)
        tail._memo, tail._start = (availWidth, lines[fit:]), lines[fit].start
        return [head, tail]

    def _own_text(self) -> None:
        """Cut the setting down to this part's text, before breaking it afresh.

        The parts of a split paragraph share its setting and its lines (by index), so
        a paragraph of n characters over many pages costs O(n): slicing the text and
        breaking the rest again on every page cost O(n) per page, O(n²) in all (a
        256k-character word took 11 s).  Keeping the lines also keeps the paragraph as
        it was broken whole, so a page break never changes where its lines end; only a
        continuation that lands at another width is broken again.
        """
        if self._start:
            self.setting, self._start = self.setting.slice(self._start), 0

    def _with(self, *, continued: bool, outline: OutlineEntry | None, marker: SetText | None) -> TextBlock:
        return TextBlock(
            self.setting,
            self.style,
            marker=marker,
            marker_x=self.marker_x,
            outline=outline,
            continued=continued,
            keep_with_next=bool(self.keepWithNext),
        )

    # ------------------------------------------------------------- drawing

    def draw(self) -> None:
        style, canv = self.style, self.canv
        if style.fill:
            canv.saveState()
            canv.setFillColor(style.fill)
            canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            canv.restoreState()
        if self.outline is not None:
            canv.bookmarkHorizontal(self.outline.key, 0, self.height)
            canv.addOutlineEntry(self.outline.title, self.outline.key, self.outline.level, closed=False)
        lines = self.lines(self.width)
        first_room, room = self._room(self.width)
        top = self.height - style.padding
        drop = style.leading / 2 + BASELINE_RAISE * style.size
        for number, line in enumerate(lines):
            first = number == 0 and not self.continued
            last = number == len(lines) - 1 and self.ends_paragraph
            self._draw_one(line, first, last, first_room if first else room, top - number * style.leading - drop)
        if self.marker is not None and not self.continued:
            draw_plain(canv, self.marker, self.marker_x, top - drop, style.color)

    def _draw_one(self, line: Line, first: bool, last: bool, room: float, baseline: float) -> None:
        style = self.style
        x = style.padding + style.left_indent + (style.first_indent if first else 0.0)
        spacing = Spacing()
        if (style.align == "justify" and not last) or line.width > room:  # a pushed-in line is squeezed
            spacing = justify(self.setting, line, room)
        elif style.align == "right":
            x += room - line.width
        elif style.align == "center":
            x += (room - line.width) / 2
        draw_line(self.canv, self.setting, line, x, baseline, style.color, spacing)
        for mark in self.setting.marks:
            if line.start <= mark.start < line.end:
                self._report_figure(mark, line, x, baseline)

    def _report_figure(self, mark: FigureMark, line: Line, x: float, baseline: float) -> None:
        """Tell the canvas's listener where a figure is drawn; annotate it; bar it if it changed.

        The listener (``canvas.on_figure``, set by :func:`~.pdf.write_pdf`) gets
        each figure with the page it is drawn on.  A figure with a ``note`` gets a
        PDF text annotation over it; one with a ``previous`` vintage gets a change
        bar in the left margin beside its line (at ``canvas.change_bar_x``).
        """
        canv, figure, setting = self.canv, mark.figure, self.setting
        listener = getattr(canv, "on_figure", None)
        if listener is not None:
            listener(figure, canv.getPageNumber())
        left = x + sum(setting.advances[line.start : mark.start])  # a Han–Latin gap before it included
        width = setting.width(mark.start, min(mark.end, line.end))  # one after it not
        size = self.style.size
        if figure.note:
            canv.textAnnotation(
                figure.note,
                Rect=(left, baseline - 0.25 * size, left + width, baseline + size),
                relative=1,
                Name="/Comment",
            )  # reportlab writes it verbatim: a PDF name
        bar_x = getattr(canv, "change_bar_x", None)
        if figure.previous is not None and bar_x is not None:
            origin_x, _ = canv.absolutePosition(0, 0)
            canv.saveState()
            canv.setStrokeColor(CHANGE_BAR)
            canv.setLineWidth(1.5)
            canv.line(bar_x - origin_x, baseline - 0.3 * size, bar_x - origin_x, baseline + 0.9 * size)
            canv.restoreState()
