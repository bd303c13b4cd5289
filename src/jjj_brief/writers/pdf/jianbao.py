"""The parts of a Chinese 简报 page a research note does not have: masthead, distribution block, page numbers.

Conventions (``docs/notes/briefing-formats.md``): the classification mark top
left; the briefing's name large, red and centred; ``第X期`` under it; the
issuing unit left and the date right on one line; a red rule across the type
area.  The distribution block (报/送/发, 共印X份) sits at the foot of the last
page between rules (first and last 0.35 mm, the ones between 0.25 mm), or,
when the text leaves no room for it, on the following even page, unnumbered
(:class:`DistributionBreak`).  Page
numbers read ``— 1 —``, 7 mm under the type area, odd pages right and even
pages left, one character in from the edge.  Every string comes from Meta.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.flowables import HRFlowable, Spacer

from jjj_brief.document import Distribution, Meta
from jjj_brief.writers.pdf.lines import draw_plain
from jjj_brief.writers.pdf.paragraph import TextBlock
from jjj_brief.writers.pdf.styles import JianbaoStyle, PdfHouse
from jjj_brief.writers.pdf.text import TextStyle, set_plain

THICK_RULE = 0.35 * mm
THIN_RULE = 0.25 * mm
PAGE_NUMBER_DROP = 7 * mm
FUZZ = 1e-6


def _plain(text: str, style: TextStyle) -> TextBlock:
    return TextBlock(set_plain(text, style), style)


class SplitLine(Flowable):
    """One line with a text at the left and another at the right (issuing unit, date)."""

    def __init__(self, left: str, right: str, style: TextStyle) -> None:
        super().__init__()
        self.left, self.right, self.style = set_plain(left, style), set_plain(right, style), style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.style.leading

    def draw(self) -> None:
        baseline = self.style.leading * 0.3
        draw_plain(self.canv, self.left, 0, baseline, self.style.color)
        draw_plain(self.canv, self.right, self.width, baseline, self.style.color, "right")


def masthead(meta: Meta, house: PdfHouse) -> list[Flowable]:
    """Mark, masthead, issue, issuer and date, the red rule, then the article's title and subtitle."""
    style = house.jianbao
    assert style is not None
    story: list[Flowable] = []
    if meta.classification:
        story.append(_plain(meta.classification, style.mark))
    story.append(Spacer(1, 6))
    story.append(_plain(meta.masthead or meta.title, style.masthead))
    if meta.issue_label:
        story.append(_plain(meta.issue_label, style.issue))
    story.append(SplitLine(meta.issuer, meta.dateline, style.issuer))
    story.append(HRFlowable(width="100%", thickness=1.5, color=style.red, spaceBefore=2, spaceAfter=14))
    if meta.masthead and meta.title:
        story.append(_plain(meta.title, house.title))
    if meta.subtitle:
        story.append(_plain(meta.subtitle, house.subtitle))
    return story


class DistributionBlock(Flowable):
    """The 报/送/发 lines and 共印X份, pinned to the foot of the frame it lands in.

    It asks for all the height left in the frame (or its own, if more), so
    nothing can follow it on that page and it draws itself at the bottom.
    A chart still held back for the next page is placed before it (``flushes_floats``).
    Its height is its line boxes and nothing more: the rules lie on their
    edges, the last one on the foot of the type area, as GB/T 9704 puts it.
    """

    flushes_floats = True

    def __init__(self, block: Distribution, style: JianbaoStyle) -> None:
        super().__init__()
        text_style = style.distribution
        self.rows = [TextBlock(set_plain(label + who, text_style), text_style) for label, who in block.entries]
        self.copies = set_plain(block.copies, text_style) if block.copies else None
        self.text_style = text_style

    def _row_heights(self, width: float) -> list[float]:
        return [row.wrap(width, 10_000)[1] for row in self.rows]

    def needed(self, width: float) -> float:
        """The height the block draws at ``width``."""
        return sum(self._row_heights(width)) + (self.text_style.leading if self.copies else 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = max(self.needed(availWidth), availHeight)
        return availWidth, self.height

    def draw(self) -> None:
        canv, width, y = self.canv, self.width, 0.0
        canv.saveState()
        canv.setStrokeColor("#000000")
        canv.setLineWidth(THICK_RULE)
        canv.line(0, y, width, y)
        if self.copies is not None:
            draw_plain(
                canv,
                self.copies,
                width - self.text_style.size,
                y + self.text_style.leading * 0.3,
                self.text_style.color,
                "right",
            )
            y += self.text_style.leading
        for row, height in reversed(list(zip(self.rows, self._row_heights(width)))):
            if y > 0:
                canv.setLineWidth(THIN_RULE)
                canv.line(0, y, width, y)
            row.drawOn(canv, 0, y)
            y += height
        canv.setLineWidth(THICK_RULE)
        canv.line(0, y, width, y)
        canv.restoreState()


class DistributionBreak(Flowable):
    """Put before the :class:`DistributionBlock`: sends it to the next even page when it cannot end this one.

    GB/T 9704-2012 puts the distribution block (版记) on the last page of a
    document, its last rule on the foot of the type area.  When the body
    leaves too little room under it, the block goes to the following even
    page (the back of the last sheet), after a blank page if the body ends on
    an even one; the blank page and the block's page carry no page number.
    It has no height; when the block does not fit it queues those page breaks
    as generated content, as platypus's own ``CondPageBreak`` does.
    """

    flushes_floats = True  # a held chart is placed before the decision, not after it
    _ZEROSIZE = True  # measured even when the page is full

    def __init__(self, block: DistributionBlock) -> None:
        super().__init__()
        self.block = block
        self.fits = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.fits = self.block.needed(availWidth) <= availHeight + FUZZ
        return availWidth, 0.0

    def draw(self) -> None:
        if self.fits:
            return
        content: list[Flowable] = [PageBreak(), UnnumberedPage()]
        if self.canv.getPageNumber() % 2 == 0:  # the page after this one is odd: it stays blank
            content = [PageBreak(), UnnumberedPage(), *content]
        self._frame.add_generated_content(*content)


class UnnumberedPage(Flowable):
    """A mark with no size: the page it lands on gets no page number (``canvas.unnumbered_pages``)."""

    _ZEROSIZE = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, 0.0

    def draw(self) -> None:
        self.canv.unnumbered_pages.add(self.canv.getPageNumber())


def distribution(block: Distribution, style: JianbaoStyle) -> list[Flowable]:
    """The flowables of a 简报's distribution block: the break decision, then the block."""
    pinned = DistributionBlock(block, style)
    return [DistributionBreak(pinned), pinned]


def draw_page_number(canv: Any, meta_label: str, page: int, house: PdfHouse) -> None:
    """``— 1 —`` under the type area: odd pages at the right, even pages at the left, 1 字 in."""
    style = house.jianbao.page_number if house.jianbao else house.furniture
    geometry = house.page
    width, _ = geometry.size
    setting = set_plain(meta_label, style)
    y = geometry.bottom - PAGE_NUMBER_DROP - style.size * 0.8
    if page % 2:
        draw_plain(canv, setting, width - geometry.right - style.size, y, style.color, "right")
    else:
        draw_plain(canv, setting, geometry.left + style.size, y, style.color)
