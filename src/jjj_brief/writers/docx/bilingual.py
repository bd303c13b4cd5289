"""The bilingual edition as a DOCX: two languages side by side, passage by passage, on A4 landscape.

The same layout as the PDF's (see :mod:`jjj_brief.writers.pdf.bilingual` for why
landscape): the body is one borderless two-column table with a row per passage pair, so
the two versions of a passage start on the same line; rows may break across pages.  Each
column is written by the ordinary :class:`~.build.DocxBuilder` of its language into its
cell, the first language in the document's own styles and the second in its copies of
them (:mod:`.language_styles`).  Headers and footers carry each language's classification,
running title and page label, one line each.  Rows break across pages freely (see
:func:`_rows_break_freely`).  The sources list follows the table, once,
each entry in the first language with the second's under it.
"""

from __future__ import annotations

from typing import Any, BinaryIO

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Twips

from jjj_brief.clock import source_date_epoch
from jjj_brief.document import Meta
from jjj_brief.document.pairing import Bilingual
from jjj_brief.writers import WriterHooks
from jjj_brief.writers.docx.build import DocxBuilder
from jjj_brief.writers.docx.house import house_style_for
from jjj_brief.writers.docx.language_styles import add_language_styles
from jjj_brief.writers.docx.package import (
    drop_template_leftovers,
    save_package,
    set_core_properties,
)
from jjj_brief.writers.docx.page import add_footer_line, add_furniture
from jjj_brief.writers.docx.styles import apply_house_style

MARGIN = Mm(18)
GUTTER = int(Mm(10).twips)


def write(pair: Bilingual, out: BinaryIO, hooks: WriterHooks) -> None:
    """The writer contract for a pair (see :data:`jjj_brief.writers.PAIRED_WRITERS`)."""
    epoch = source_date_epoch()
    save_package(build_bilingual(pair, epoch, hooks.on_warning), out, epoch)


def build_bilingual(pair: Bilingual, epoch: int | None, warn: Any) -> Any:
    """A python-docx document holding both languages, not yet saved."""
    document = docx.Document()
    metas = (pair.first.meta, pair.second.meta)
    houses = [house_style_for(meta.lang) for meta in metas]
    first_ids = apply_house_style(document, houses[0])
    second_ids = add_language_styles(document, houses[1], metas[1].lang)
    _rows_break_freely(document)
    drop_template_leftovers(document)
    body = document.element.body
    for stray in body.findall(qn("w:p")):
        body.remove(stray)
    builders = [DocxBuilder(document, house, ids, warn) for house, ids in zip(houses, (first_ids, second_ids))]
    column = _set_up_landscape(document.sections[0])
    for builder in builders:
        builder.epoch, builder.type_area = epoch, column
    _furniture(document.sections[0], metas, builders)
    grid = builders[0].new_table(rows=0, cols=2)
    _lay_out(grid, column)
    _add_row(grid, builders, lambda side, builder: builder.add_title_block(metas[side]))
    for left, right in pair.passages:
        _add_row(grid, builders, lambda side, builder, pair_=(left, right): builder.add_block(pair_[side]))
    _sources(pair, builders)
    set_core_properties(document, metas[0], epoch)
    return document


def _rows_break_freely(document: Any) -> None:
    """No style keeps its paragraph with the next one here: in a table cell that keeps the whole
    row with the next row, and LibreOffice then moves a heading pair and the long passage after
    it (the key-figures table) to a new page together, leaving most of a page empty."""
    for keep in list(document.styles.element.iter(qn("w:keepNext"))):
        keep.getparent().remove(keep)


def _set_up_landscape(section: Any) -> int:
    """A4 landscape, 18 mm margins; the width of one column, in twips."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, MARGIN)
    section.header_distance = section.footer_distance = Mm(9)
    section.gutter = 0
    return (int(Mm(297 - 36).twips) - GUTTER) // 2


def _lay_out(grid: Any, column: int) -> None:
    """Two fixed columns, no borders, the gutter as cell margins."""
    grid.autofit = False
    tbl_pr = grid._tbl.tblPr
    tbl_pr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    half = GUTTER // 2
    tbl_pr.append(
        parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:left w:w="0" w:type="dxa"/>'
            f'<w:right w:w="{half}" w:type="dxa"/></w:tblCellMar>'
        )
    )
    for width, column_element in zip((column + half, column + half), grid.columns):
        column_element.width = Twips(width)


def _add_row(grid: Any, builders: list[DocxBuilder], fill: Any) -> None:
    """A row whose two cells each builder fills with its passage; a cell ends with a paragraph."""
    row = grid.add_row()
    for side, (cell, builder) in enumerate(zip(row.cells, builders)):
        tc = cell._tc
        for stray in tc.findall(qn("w:p")):
            tc.remove(stray)
        if side == 1:  # the gutter: half after the left column, half before the right
            cell._tc.get_or_add_tcPr().append(
                parse_xml(
                    f'<w:tcMar {nsdecls("w")}><w:left w:w="{GUTTER // 2}" w:type="dxa"/>'
                    f'<w:right w:w="0" w:type="dxa"/></w:tcMar>'
                )
            )
        with builder.writing_into(tc):
            fill(side, builder)
        if tc[-1].tag != qn("w:p"):  # Word wants a paragraph last in a cell (after a table)
            tc.append(parse_xml(f"<w:p {nsdecls('w')}/>"))


def _furniture(section: Any, metas: tuple[Meta, Meta], builders: list[DocxBuilder]) -> None:
    """The first language's header and footer, then the second's lines under them."""
    add_furniture(section, metas[0], builders[0])
    second, meta = builders[1], metas[1]
    if meta.title:  # the running title from page 2, as for the first language
        paragraph = section.header.add_paragraph()
        second.set_style(paragraph, "Header")
        second.add_text(paragraph, meta.title)
    for footer in (section.first_page_footer, section.footer):
        add_footer_line(footer.add_paragraph(), meta, second)


def _sources(pair: Bilingual, builders: list[DocxBuilder]) -> None:
    """Each source once: ``[n]``, a tab, the first language's entry, the second's on a new line."""
    first, second = builders
    for left, right in pair.sources:
        paragraph = first.new_paragraph("Source Entry")
        first.add_text(paragraph, f"[{left.number}]\t")
        first.add_inlines(paragraph, left.content)
        if right.content != left.content:
            second.add_text(paragraph, "\n\t")
            second.add_inlines(paragraph, right.content)
