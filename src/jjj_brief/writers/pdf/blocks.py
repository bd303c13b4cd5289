"""Document blocks → platypus flowables: one case per node type, as in a pandoc writer.

Nothing here picks a word or formats a number: every string comes from the
Document.  A node set differently from the model (an unknown paragraph role,
a heading deeper than 2, a ragged table row) becomes a :class:`BriefWarning`
and is laid out as well as possible, never a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import HRFlowable

from jjj_brief.document import (
    Block,
    Box,
    BulletList,
    Cell,
    Chart,
    Distribution,
    Heading,
    Inlines,
    Meta,
    Paragraph,
    SourceList,
    inline_text,
)
from jjj_brief.document import (
    Table as TableBlock,
)
from jjj_brief.errors import BriefWarning
from jjj_brief.writers import unhandled
from jjj_brief.writers.pdf.fonts import base_font_name
from jjj_brief.writers.pdf.paragraph import OutlineEntry, TextBlock
from jjj_brief.writers.pdf.styles import LEAD_FILL, ZEBRA_FILL, PdfHouse, ragged_latin
from jjj_brief.writers.pdf.text import TextStyle, set_plain, set_text, spans

Warn = Callable[[BriefWarning], None]

CELL_PAD_X = 4.0
CELL_PAD_Y = 2.5
MARKER_GAP = 6.0
SHORT_LIST = 6
PARAGRAPH_ROLES = frozenset({"body", "lead", "note", "editor-note"})
BOX_PAD = 8.0


def text_block(content: Inlines, style: TextStyle, **options: Any) -> TextBlock:
    """A paragraph flowable for a run of inlines in ``style``."""
    return TextBlock(set_text(spans(content), style), style, **options)


@dataclass
class StoryWriter:
    """Turns blocks into flowables, remembering the outline level so bookmarks never jump."""

    house: PdfHouse
    warn: Warn
    outline_level: int = -1
    headings: int = 0
    floats: bool = False  # the float placement is in the story
    charts_at_least_height: bool = False  # a tightened layout (see write_pdf): charts as low as they may go
    outline_key: str = "h"  # bookmark keys are <outline_key><n>: two writers in one PDF need two prefixes

    def title_block(self, meta: Meta) -> list[Flowable]:
        """Title, subtitle (region), dateline, then a rule in the accent colour; a 简报 has its masthead."""
        house = self.house
        if house.jianbao is not None:
            from jjj_brief.writers.pdf.jianbao import masthead

            return masthead(meta, house)
        story: list[Flowable] = [TextBlock(set_plain(meta.title, house.title), house.title)]
        for text, style in ((meta.subtitle, house.subtitle), (meta.dateline, house.dateline)):
            if text:
                story.append(TextBlock(set_plain(text, style), style))
        story.append(HRFlowable(width="100%", thickness=1.2, color=house.accent, spaceBefore=2, spaceAfter=10))
        return story

    def block(self, block: Block) -> list[Flowable]:
        """The flowables for one block."""
        if isinstance(block, Heading):
            return [self.heading(block)]
        if isinstance(block, Paragraph):
            return [self.paragraph(block)]
        if isinstance(block, BulletList):
            return self.bullets(block)
        if isinstance(block, TableBlock):
            return self.table(block)
        if isinstance(block, SourceList):
            return self.sources(block)
        if isinstance(block, Box):
            return [self.box(block)]
        if isinstance(block, Chart):
            return self.chart(block)
        if isinstance(block, Distribution):
            return self.distribution(block)
        unhandled(block, self.warn, "PDF")
        return []

    def heading(self, heading: Heading) -> TextBlock:
        if heading.level > 2:
            self.warn(BriefWarning(f"heading level {heading.level} set as level 2 in the PDF"))
        style = self.house.heading1 if heading.level <= 1 else self.house.heading2
        self.outline_level = max(0, min(heading.level - 1, self.outline_level + 1))
        self.headings += 1
        entry = OutlineEntry(f"{self.outline_key}{self.headings}", inline_text(heading.content), self.outline_level)
        return text_block(heading.content, style, outline=entry, keep_with_next=True)

    def paragraph(self, paragraph: Paragraph) -> TextBlock:
        if paragraph.role not in PARAGRAPH_ROLES:
            self.warn(BriefWarning(f"paragraph role {paragraph.role!r} set as body text in the PDF"))
        return text_block(paragraph.content, self.house.paragraph(paragraph.role))

    def bullets(self, bullets: BulletList) -> list[Flowable]:
        """Items with a hanging bullet: every line starts at the same indent; kept on one page if they fit."""
        style = self.house.bullet
        marker = set_plain(self.house.bullet_mark, replace(style, han_punctuation=False))  # a Latin bullet
        x = style.left_indent - MARKER_GAP - marker.natural_width()
        return _kept_together([text_block(item, style, marker=marker, marker_x=x) for item in bullets.items])

    def sources(self, sources: SourceList) -> list[Flowable]:
        """Numbered ``[n]`` entries with a hanging indent, kept on one page if they fit."""
        style = self.house.source
        return _kept_together(
            [
                text_block(entry.content, style, marker=set_plain(f"[{entry.number}]", style))
                for entry in sources.entries
            ]
        )

    def box(self, box: Box) -> Flowable:
        """A framed, tinted panel (the key points): its title, then its blocks, kept on one page.

        Latin text in it is set ragged right: its measure is narrower than the
        page's, and short bullets justified there open wide word gaps.
        """
        inner: list[Flowable] = []
        placed = self.floats  # a chart in a box is laid out in place: no float placement inside a table cell
        page_house, self.house = self.house, ragged_latin(self.house)
        if box.title:
            inner.append(
                text_block(
                    box.title, replace(self.house.heading2, color=self.house.accent, space_before=0, space_after=2)
                )
            )
        for block in box.blocks:
            if isinstance(block, (Box, Distribution)):
                self.warn(BriefWarning(f"a {type(block).__name__} inside a box was left out of the PDF"))
                continue
            inner.extend(f for f in self.block(block) if not isinstance(f, ActionFlowable))
        self.floats, self.house = placed, page_house
        frame = Table(
            [[inner]],
            colWidths=[self.house.page.frame_width],
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), base_font_name()),  # else Table names Helvetica, unembedded
                    ("BOX", (0, 0), (-1, -1), 0.8, self.house.accent),
                    ("BACKGROUND", (0, 0), (-1, -1), LEAD_FILL),
                    *[
                        (side, (0, 0), (-1, -1), BOX_PAD)
                        for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
                    ],
                ]
            ),
        )
        frame.spaceAfter = 10
        return frame

    def chart(self, chart: Chart) -> list[Flowable]:
        """Caption above, the vector drawing, the source line below: one :class:`~.pdf_float.ChartFloat`.

        It shrinks a little or floats to the next page rather than leave a hole
        (see :mod:`.pdf_float`); the first chart of a story brings the placement
        with it.
        """
        from jjj_brief.writers.charts.drawing import as_drawing, chart_drawing, chart_look
        from jjj_brief.writers.pdf.floating import ChartFloat, FloatPlacement

        above = [text_block(chart.caption, self.house.caption)] if chart.caption else []
        below = [text_block(chart.note, replace(self.house.note, space_before=3))] if chart.note else []
        body = self.house.body
        look = chart_look(self.house.page.frame_width, body.han_punctuation, body.han_forms, body.size)

        def drawing_at(height: float) -> Flowable:
            drawing = as_drawing(chart_drawing(chart, replace(look, height=height)))
            drawing.hAlign = "CENTER"
            return drawing

        story: list[Flowable] = []
        if not self.floats:
            self.floats = True
            story.append(FloatPlacement())
        height = look.min_height if self.charts_at_least_height else look.height
        story.append(ChartFloat(above, drawing_at, height, look.min_height, below))
        return story

    def distribution(self, block: Distribution) -> list[Flowable]:
        """The 简报's distribution block at the foot of the page; in a research note, plain lines."""
        if self.house.jianbao is not None:
            from jjj_brief.writers.pdf.jianbao import distribution

            return distribution(block, self.house.jianbao)
        style = self.house.note
        lines = [f"{label}{who}" for label, who in block.entries] + ([block.copies] if block.copies else [])
        return [TextBlock(set_plain(line, style), style) for line in lines]

    def table(self, table: TableBlock) -> list[Flowable]:
        """Caption above (kept with the table), header row repeated on each page, note below."""
        story: list[Flowable] = []
        if table.caption:
            story.append(text_block(table.caption, self.house.caption, keep_with_next=True))
        grid = self._grid(table)
        if grid:
            widths = column_widths(grid, self.house.page.frame_width)
            story.append(Table(grid, colWidths=widths, repeatRows=1, style=self._table_style(len(grid))))
        if table.note:
            story.append(text_block(table.note, replace(self.house.note, space_before=3)))
        return story

    def _grid(self, table: TableBlock) -> list[list[TextBlock]]:
        rows = [table.header, *table.rows] if table.header else list(table.rows)
        width = max((len(row) for row in rows), default=0)
        if width == 0:
            self.warn(BriefWarning("an empty table left out of the PDF"))
            return []
        if any(len(row) != width for row in rows):
            self.warn(BriefWarning("a table row with missing cells padded in the PDF"))
        grid = []
        for number, row in enumerate(rows):
            style = self.house.head_cell if number == 0 and table.header else self.house.cell
            cells = [*row, *[Cell(())] * (width - len(row))]
            grid.append([text_block(cell.content, replace(style, align=cell.align)) for cell in cells])
        return grid

    def _table_style(self, row_count: int) -> TableStyle:
        """Thin rules above and below the header and under the last row; light zebra rows."""
        rules = self.house.accent
        commands = [
            ("FONTNAME", (0, 0), (-1, -1), base_font_name()),  # else Table names Helvetica, unembedded
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
            ("LINEABOVE", (0, 0), (-1, 0), 0.9, rules),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, rules),
            ("LINEBELOW", (0, -1), (-1, -1), 0.9, rules),
        ]
        if row_count > 2:
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), ["#FFFFFF", ZEBRA_FILL]))
        return TableStyle(commands)


def _kept_together(items: list[TextBlock]) -> list[Flowable]:
    """Chain a short list with keep-with-next, so it (and a heading before it) moves as one.

    Chaining, not ``KeepTogether``: platypus will not group a heading's
    keep-with-next with a ``KeepTogether`` container.
    """
    if len(items) <= SHORT_LIST:
        for item in items[:-1]:
            item.keepWithNext = True
    return list(items)


def column_widths(grid: list[list[TextBlock]], room: float) -> list[float]:
    """Widths that fill ``room``: natural and minimum widths measured here, shared by the rule
    both writers use (:func:`jjj_brief.writers.text.columns.share_columns`)."""
    from jjj_brief.writers.text.columns import share_columns

    pad = 2 * CELL_PAD_X + 0.5
    count = len(grid[0])
    natural = [max(row[c].setting.natural_width() for row in grid) + pad for c in range(count)]
    minimum = [max(row[c].setting.min_width() for row in grid) + pad for c in range(count)]
    return share_columns(natural, minimum, room)
