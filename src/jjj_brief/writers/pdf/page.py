"""Page furniture (running header, footer with "page X of Y") and the canvas that makes it possible.

"Page X of Y" needs the page count before any page is finished.  Rather
than laying the document out twice, :class:`BriefCanvas` holds each finished
page back, and when the story is done it draws the header and footer on every
held page and only then writes them.  Bookmarks name their page as the
layout goes, so the canvas keeps the document's page counter in step while it
holds pages back (``test_pdf_writer`` checks that outline entries point at
the right pages).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from jjj_brief.document import Meta
from jjj_brief.writers.pdf.lines import draw_plain
from jjj_brief.writers.pdf.styles import PdfHouse
from jjj_brief.writers.pdf.text import set_plain

HEADER_RAISE = 14.0
CHANGE_BAR_GAP = 6.0
FOOTER_DROP = 22.0


def page_label(pattern: str, page: int, pages: int) -> str:
    """Fill a ``Meta.page_label`` pattern; plain replacement, so other braces stay as written.

    >>> page_label("第{page}页 共{pages}页", 1, 2)
    '第1页 共2页'
    """
    return pattern.replace("{pages}", str(pages)).replace("{page}", str(page))


@dataclass(frozen=True)
class PageFurniture:
    """What every page carries besides the story: running header from page 2, footer on all."""

    meta: Meta
    house: PdfHouse

    def draw(self, canv: Canvas, page: int, pages: int, numbered: bool = True) -> None:
        """Furnish one page; ``numbered`` is False for a 简报's blank page and distribution page."""
        if self.house.jianbao is not None:
            from jjj_brief.writers.pdf.jianbao import draw_page_number

            if numbered:
                draw_page_number(canv, page_label(self.meta.page_label, page, pages), page, self.house)
            return
        style, geometry = self.house.furniture, self.house.page
        width, height = geometry.size
        left, right = geometry.left, width - geometry.right
        canv.saveState()
        canv.setStrokeColor(style.color)
        canv.setLineWidth(0.4)
        if page > 1:
            header_y = height - geometry.top + HEADER_RAISE
            draw_plain(canv, set_plain(self.meta.title, style), left, header_y, style.color)
            canv.line(left, header_y - 4, right, header_y - 4)
        footer_y = geometry.bottom - FOOTER_DROP
        canv.line(left, footer_y + style.leading, right, footer_y + style.leading)
        label = page_label(self.meta.page_label, page, pages)
        draw_plain(canv, set_plain(label, style), (left + right) / 2, footer_y, style.color, "center")
        if self.meta.classification:
            draw_plain(canv, set_plain(self.meta.classification, style), left, footer_y, style.color)
        if self.meta.dateline:
            draw_plain(canv, set_plain(self.meta.dateline, style), right, footer_y, style.color, "right")
        canv.restoreState()


class BriefCanvas(Canvas):
    """A canvas that holds pages back until it knows how many there are, then furnishes them."""

    def __init__(self, *args: Any, furniture: PageFurniture, on_figure: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held_pages: list[dict[str, Any]] = []
        self.on_figure = on_figure  # read by TextBlock when it draws a Figure
        self.change_bar_x = furniture.house.page.left - CHANGE_BAR_GAP  # change bars sit in the left margin
        self.unnumbered_pages: set[int] = set()  # filled by pdf.jianbao.UnnumberedPage as pages are laid out

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()
        self._doc.pageCounter += 1  # bookmarks on the next page must name that page

    def save(self) -> None:
        pages = len(self._held_pages)
        self._doc.pageCounter = 1
        for state in self._held_pages:
            self.__dict__.update(state)
            self._furniture.draw(self, self._pageNumber, pages, self._pageNumber not in self.unnumbered_pages)
            super().showPage()
        super().save()
