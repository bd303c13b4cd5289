"""Charts and boxes in the DOCX: the blocks that need more than a styled paragraph.

A chart is a native Word chart (:mod:`.chart`: Word and LibreOffice draw it, a
reader can restyle it and edit its data) whose fallback image is the PDF's chart
Drawing (:mod:`jjj_brief.writers.charts.drawing`, one definition for every
edition) painted to a 300 dpi PNG (:mod:`jjj_brief.writers.charts.png`), at the
type area's width, between its Caption and its Table Note (the source line).  A
box is a one-cell table in the ``Key Points Box`` table style, so
its frame and tint are one style a user can change.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from docx.shared import Twips

from jjj_brief.document import Box, Chart, Distribution
from jjj_brief.errors import BriefWarning
from jjj_brief.scripts import han_forms

POINTS_PER_TWIP = 1 / 20


def add_chart(builder: Any, chart: Chart) -> None:
    """Caption, the chart (a native Word chart over its picture, full type-area width), source line.

    The chart looks as the PDF's does: text sized for the edition's body, Traditional glyph forms
    for zh_Hant.  Its height is the *least* the PDF may give it (``ChartLook.min_height``): the PDF
    shrinks a chart to the room left on a page, or gives every chart that height when it tightens
    a layout to save a last page, but Word and LibreOffice cannot shrink a chart to fit, so at its
    full height the DOCX ran a page longer than its PDF (the 简报's 版记 on page 3, issue 12).
    """
    from jjj_brief.writers.charts.drawing import (
        PALETTE,
        PALETTE_ZH,
        chart_drawing,
        chart_look,
    )
    from jjj_brief.writers.charts.png import drawing_png
    from jjj_brief.writers.docx.chart import add_native_chart
    from jjj_brief.writers.docx.chart_space import ChartFaces

    if chart.caption:
        builder.add_paragraph(chart.caption, "Caption")
    width = builder.type_area * POINTS_PER_TWIP
    house = builder.house
    body_size = house.edition.look("Body Text").size
    look = chart_look(width, house.chinese, han_forms(house.east_asian_lang), body_size)
    drawing = chart_drawing(chart, replace(look, height=look.min_height))
    faces = ChartFaces(
        house.sans.latin,
        house.sans.east_asian,
        house.east_asian_lang if house.chinese else "en-US",
        PALETTE_ZH if house.chinese else PALETTE,
        look.tick_size,
        look.label_size,
    )
    paragraph = builder.new_paragraph("Figure")
    run = paragraph.add_run()
    add_native_chart(
        run._r,
        builder.document.part,
        chart,
        faces,
        (drawing.width, drawing.height),
        drawing_png(drawing),
        builder.epoch,
    )
    if chart.note:
        builder.add_paragraph(chart.note, "Table Note")


def add_box(builder: Any, box: Box) -> None:
    """A one-cell table in the Key Points Box style holding the title and the blocks."""
    grid = builder.new_table(rows=1, cols=1)
    grid._tbl.tblStyle_val = builder.style_ids["Key Points Box"]
    grid.autofit = False
    grid.columns[0].width = Twips(builder.type_area)  # the grid, not the page: a column of a bilingual page
    cell = grid.rows[0].cells[0]
    cell.width = Twips(builder.type_area)
    tc = cell._tc
    for stray in tc.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        tc.remove(stray)
    with builder.writing_into(tc):
        if box.title:
            builder.add_paragraph(box.title, "Box Title")
        for block in box.blocks:
            if isinstance(block, (Box, Distribution)):
                builder.warn(BriefWarning(f"docx: a {type(block).__name__} inside a box was left out"))
                continue
            builder.add_block(block)
    builder.new_paragraph("Spacer")  # Word merges adjacent tables; a paragraph keeps them apart
