"""Charts and boxes in the DOCX: the blocks that need more than a styled paragraph.

A chart is the PDF's chart Drawing (:mod:`.chart_drawing`, one definition for
both editions) painted to a 300 dpi PNG (:mod:`.chart_png`) and inserted at
the type area's width, between its Caption and its Table Note (the source
line).  A box is a one-cell table in the ``Key Points Box`` table style, so
its frame and tint are one style a user can change.
"""

from __future__ import annotations

import io
from typing import Any

from docx.shared import Twips

from jjj_brief.document import Box, Chart, Distribution
from jjj_brief.errors import BriefWarning

POINTS_PER_TWIP = 1 / 20


def add_chart(builder: Any, chart: Chart) -> None:
    """Caption, the picture (centred, full type-area width), source line."""
    from jjj_brief.writers.charts.drawing import chart_drawing, chart_look
    from jjj_brief.writers.charts.png import drawing_png

    if chart.caption:
        builder.add_paragraph(chart.caption, "Caption")
    width = builder.type_area * POINTS_PER_TWIP
    drawing = chart_drawing(chart, chart_look(width, builder.house.chinese))
    paragraph = builder.new_paragraph("Figure")
    paragraph.add_run().add_picture(io.BytesIO(drawing_png(drawing)), width=Twips(builder.type_area))
    if chart.note:
        builder.add_paragraph(chart.note, "Table Note")


def add_box(builder: Any, box: Box) -> None:
    """A one-cell table in the Key Points Box style holding the title and the blocks."""
    grid = builder.document.add_table(rows=1, cols=1)
    grid._tbl.tblStyle_val = builder.style_ids["Key Points Box"]
    grid.autofit = False
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
