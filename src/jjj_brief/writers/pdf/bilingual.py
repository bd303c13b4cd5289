"""The bilingual edition as a PDF: two languages side by side, passage by passage, on A4 landscape.

Layout choice: A4 *landscape*, two columns of about 124 mm with a 10 mm gutter.  A
portrait page would leave two columns of 77 mm: too narrow for the key-figures table and
for a chart's labels in either language; landscape gives each language about the measure
of a portrait page's column in the research note, so its own house style (faces, sizes,
the 2-character indent of Chinese body text) applies unchanged.

Each passage pair is one row of a two-cell table, so the two versions of a passage start
on the same line, and the next pair starts under the longer of the two.  A row taller than
the room left on a page splits inside its cells (``splitInRow``), paragraph by paragraph.
Each column is laid out by the ordinary :class:`~.blocks.StoryWriter` of its language,
told that its frame is one column wide (a house style whose page geometry is the
column's), and the page furniture is each language's, drawn over its own column.  The
sources list is not a pair: it is set once, across both columns, each entry in the first
language with the second language's entry under it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle
from reportlab.platypus.doctemplate import ActionFlowable

from jjj_brief.clock import source_date_epoch
from jjj_brief.document.pairing import Bilingual
from jjj_brief.writers import WriterHooks
from jjj_brief.writers.pdf import _template
from jjj_brief.writers.pdf.blocks import StoryWriter, text_block
from jjj_brief.writers.pdf.fonts import base_font_name
from jjj_brief.writers.pdf.page import BriefCanvas, PageFurniture
from jjj_brief.writers.pdf.styles import PageGeometry, PdfHouse, house_style
from jjj_brief.writers.pdf.text import set_plain

PAGE = PageGeometry(size=landscape(A4), left=18 * mm, right=18 * mm, top=24 * mm, bottom=22 * mm)
GUTTER = 10 * mm
COLUMN = (PAGE.frame_width - GUTTER) / 2
KEEP_WITH_HEADING = 60.0  # the least of the next passage a heading pair needs below it on its page


def write(pair: Bilingual, out: BinaryIO, hooks: WriterHooks) -> None:
    """The writer contract for a pair (see :data:`jjj_brief.writers.PAIRED_WRITERS`)."""
    from functools import partial

    metas = (pair.first.meta, pair.second.meta)
    houses = [_column_house(meta.lang, side) for side, meta in enumerate(metas)]
    writers = [
        StoryWriter(house, hooks.on_warning, floats=True, outline_key=f"{side}h") for side, house in enumerate(houses)
    ]
    story: list[Flowable] = [_row(*(w.title_block(m) for w, m in zip(writers, metas)))]
    rows = [_row(writers[0].block(left), writers[1].block(right)) for left, right in pair.passages]
    for row, after in zip(rows, [*rows[1:], None]):
        if row.keepWithNext and after is not None:  # a heading pair: never last on a page
            row.keepWithNext = False  # (platypus would move it and a long passage whole to the next page)
            story.append(CondPageBreak(_height(row) + min(_height(after), KEEP_WITH_HEADING)))
        story.append(row)
    story.extend(_sources(pair, houses))
    template = _template(out, pair.first.meta, PAGE, source_date_epoch() is not None)
    furniture = _Furniture(metas[0], houses[0], tuple(PageFurniture(meta, house) for meta, house in zip(metas, houses)))
    template.build(story, canvasmaker=partial(BriefCanvas, furniture=furniture, on_figure=hooks.on_figure))


def _column_house(lang: str, side: int) -> PdfHouse:
    """A language's research-note house style on a page whose type area is one column."""
    inner = PAGE.left + COLUMN + GUTTER  # where the right column starts
    column = replace(
        PAGE, left=PAGE.left if side == 0 else inner, right=PAGE.right + (COLUMN + GUTTER if side == 0 else 0)
    )
    return replace(house_style(lang), page=column)


def _row(left: list[Flowable], right: list[Flowable]) -> Table:
    """One passage pair: a two-cell row, each cell the column's flowables, tops aligned."""
    cells = [[f for f in side if not isinstance(f, ActionFlowable)] for side in (left, right)]
    row = Table(
        [cells],
        colWidths=[COLUMN + GUTTER / 2, COLUMN + GUTTER / 2],
        splitInRow=1,
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), base_font_name()),  # else Table names Helvetica, unembedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), GUTTER / 2),
                ("LEFTPADDING", (1, 0), (1, 0), GUTTER / 2),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), _space_before(cells)),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    row.keepWithNext = any(getattr(f, "keepWithNext", False) for side in cells for f in side[-1:])
    return row


def _space_before(cells: list[list[Flowable]]) -> float:
    """The space a cell's first flowable asks above it (a heading's), which a cell would drop."""
    return max((float(side[0].getSpaceBefore()) for side in cells if side), default=0.0)


def _height(row: Table) -> float:
    return float(row.wrap(PAGE.frame_width, PAGE.frame_height)[1])


def _sources(pair: Bilingual, houses: list[PdfHouse]) -> list[Flowable]:
    """The sources once, across the page: ``[n]`` and the first language's entry, the second's
    under it at the same indent (left out when it reads the same)."""
    first = replace(houses[0].source, space_after=0)
    second = replace(houses[1].source, left_indent=first.left_indent)
    story: list[Flowable] = []
    for left, right in pair.sources:
        story.append(text_block(left.content, first, marker=set_plain(f"[{left.number}]", first)))
        if right.content != left.content:
            story.append(text_block(right.content, second))
    return story


@dataclass(frozen=True)
class _Furniture(PageFurniture):
    """Each language's header and footer, drawn over its own column (``meta`` and ``house`` are
    the left column's: the canvas puts change bars in its left margin)."""

    parts: tuple[PageFurniture, ...] = ()

    def draw(self, canv: Any, page: int, pages: int, numbered: bool = True) -> None:
        for part in self.parts:
            part.draw(canv, page, pages, numbered)
