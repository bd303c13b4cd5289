"""The document tree → python-docx paragraphs, runs and tables.

One case per node type.  Paragraphs and runs carry only what the model says:
a style name from the block type or ``Paragraph.role``, bold for
:class:`Strong`, italic for :class:`Emph` (dots below, 着重号, when the
text holds hanzi, which have no italics), a cell's alignment.  Everything
visual is in the styles of :mod:`jjj_brief.writers.docx.styles`.  All text
goes through :func:`~jjj_brief.writers.text.xml.xml_safe` first.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph as DocxParagraph

from jjj_brief.document import (
    Block,
    Box,
    BulletList,
    Cell,
    Chart,
    Distribution,
    Document,
    Emph,
    Figure,
    Heading,
    Inlines,
    Meta,
    Paragraph,
    SourceList,
    SourceRef,
    Strong,
    Table,
    Text,
)
from jjj_brief.errors import BriefWarning
from jjj_brief.scripts import is_han
from jjj_brief.writers import unhandled
from jjj_brief.writers.docx.fonts import declare_fonts, embedded
from jjj_brief.writers.docx.house import DocxHouse, house_style_for
from jjj_brief.writers.docx.measure import column_widths
from jjj_brief.writers.docx.package import (
    drop_template_leftovers,
    set_compatibility,
    set_core_properties,
    set_hyphenation,
)
from jjj_brief.writers.docx.page import TYPE_AREA_WIDTH, add_furniture, set_up_page
from jjj_brief.writers.docx.styles import TABLE_STYLE_NAME, apply_house_style
from jjj_brief.writers.text.xml import xml_safe

Warn = Callable[[BriefWarning], None]

ROLE_STYLES = {"body": "Body Text", "lead": "Lead", "note": "Note", "editor-note": "Editor Note"}
REVIEWER = ("jjj-brief", "JB")  # author and initials of the comments that carry figure notes
HEADING_STYLES = {1: "Heading 1", 2: "Heading 2"}
ALIGNMENTS = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}

_BREAKS = re.compile("(\t|\n)")
_BREAK_TAGS = {"\t": "w:tab", "\n": "w:br"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def build_document(doc: Document, epoch: int | None, warn: Warn, embed_fonts: bool = False) -> Any:
    """A python-docx document for ``doc``, in the house style of its language, not yet saved.

    With ``embed_fonts`` it names the bundled faces and carries them (subset
    to the document's characters) in the file; otherwise it names office faces.
    """
    document = blank_document()
    jianbao = doc.meta.house_style == "jianbao"
    house = house_style_for(doc.meta.lang, doc.meta.house_style)
    if embed_fonts:
        house = embedded(house)
    style_ids = apply_house_style(document, house)
    drop_template_leftovers(document)
    set_compatibility(document.settings)
    set_hyphenation(document.settings, house.chinese)
    body = document.element.body
    for stray in body.findall(qn("w:p")):
        body.remove(stray)  # the template's empty first paragraph
    builder = DocxBuilder(document, house, style_ids, warn)
    builder.epoch = epoch
    section = document.sections[0]
    set_up_page(section)
    if jianbao:
        from jjj_brief.writers.docx.jianbao import (
            TYPE_AREA,
            add_masthead,
            add_page_numbers,
            set_up_jianbao_page,
        )

        set_up_jianbao_page(section, document.settings)
        add_page_numbers(section, doc.meta.page_label, builder)
        builder.type_area = int(TYPE_AREA.twips)
        add_masthead(doc.meta, builder)
    else:
        add_furniture(section, doc.meta, builder)
        builder.add_title_block(doc.meta)
    for block in doc.blocks:
        builder.add_block(block)
    set_core_properties(document, doc.meta, epoch)
    declare_fonts(document, house)
    return document


@cache
def _pristine_template() -> Any:
    """python-docx's default template, parsed once per process and never handed out."""
    return docx.Document()


def blank_document() -> Any:
    """A fresh python-docx document: a deep copy of the parsed default template costs a
    third of parsing it again (its zip and ten XML parts), for every document after the first."""
    return copy.deepcopy(_pristine_template())


def _element(tag: str, **attrs: str) -> Any:
    """A WordprocessingML element; attribute names are given without the ``w:`` prefix."""
    return OxmlElement(tag, {qn(f"w:{name}"): value for name, value in attrs.items()})


class DocxBuilder:
    """Appends blocks to one python-docx document in one house style.

    Paragraphs and runs are built as XML elements directly: python-docx's
    friendly setters look styles up by a linear scan and insert each child
    by probing ~40 possible successors, which cost more than everything else
    in a briefing.
    """

    def __init__(self, document: Any, house: DocxHouse, style_ids: dict[str, str], warn: Warn) -> None:
        self.document = document
        self.house = house
        self.style_ids = style_ids
        self.warn = warn
        self._body_end = document.element.body.sectPr
        self._container: Any = None  # a table cell being filled (a box), else the body
        self.type_area = int(TYPE_AREA_WIDTH.twips)
        self.epoch: int | None = None  # SOURCE_DATE_EPOCH: dates inside embedded chart workbooks

    @contextmanager
    def writing_into(self, container: Any) -> Iterator[None]:
        """Send new paragraphs into ``container`` (a ``w:tc``) instead of the body, for a while."""
        self._container, previous = container, self._container
        try:
            yield
        finally:
            self._container = previous

    def new_table(self, rows: int, cols: int) -> Any:
        """A python-docx table where writing goes on: the body's end, or the open cell."""
        grid = self.document.add_table(rows=rows, cols=cols)
        if self._container is not None:
            self._container.append(grid._tbl)  # a box's cell, or a bilingual edition's column
        return grid

    def set_style(self, paragraph: Any, style: str) -> None:
        """Name the paragraph's style by id (python-docx's by-name setter scans every style)."""
        paragraph._p.style = self.style_ids[style]

    # ------------------------------------------------------------ inlines

    def _run_properties(
        self, text: str, bold: bool, italic: bool, changed: bool = False, figure: bool = False
    ) -> list[Any]:
        """``w:rPr`` children in schema order: rFonts, b, i, noProof, highlight, em, lang.

        Chinese editions mark each run East Asian (``w:hint``, ``w:lang``) so
        quotes and dashes, which Unicode leaves ambiguous, take the Chinese
        face; the face itself comes from the paragraph's style.  Hanzi have no
        italics (Word would slant them): Chinese marks emphasis with dots below
        (着重号, GB/T 15834).  LibreOffice 7.4 does not draw them in PDF; Word does.
        A figure is never hyphenated (``1.7 tril-lion``), as in the PDF: Word
        leaves text it does not proof (``w:noProof``) whole, LibreOffice text of
        no language (``zxx``, in a Latin edition; a Chinese one hyphenates nothing).
        """
        chinese = self.house.chinese
        props = [_element("w:rFonts", hint="eastAsia")] if chinese else []
        if bold:
            props.append(_element("w:b"))
        hanzi_emphasis = italic and any(is_han(ch) for ch in text)
        if italic and not hanzi_emphasis:
            props.append(_element("w:i"))
        if figure:
            props.append(_element("w:noProof"))
        if changed:
            props.append(_element("w:highlight", val="yellow"))
        if hanzi_emphasis:
            props.append(_element("w:em", val="underDot"))
        if chinese:
            props.append(_element("w:lang", val="en-US", eastAsia=self.house.east_asian_lang))
        elif figure:
            props.append(_element("w:lang", val="zxx"))  # no language: LibreOffice's "never hyphenate"
        return props

    def add_text(
        self,
        paragraph: Any,
        text: str,
        bold: bool = False,
        italic: bool = False,
        changed: bool = False,
        figure: bool = False,
    ) -> Any:
        """Append one run (tabs as ``w:tab``, newlines as ``w:br``) and return its element."""
        run = _element("w:r")
        props = self._run_properties(text, bold, italic, changed, figure)
        if props:
            rpr = _element("w:rPr")
            rpr.extend(props)
            run.append(rpr)
        for piece in _BREAKS.split(xml_safe(text)):
            if piece in _BREAK_TAGS:
                run.append(_element(_BREAK_TAGS[piece]))
            elif piece:
                t = _element("w:t")
                t.text = piece
                if piece != piece.strip():
                    t.set(_XML_SPACE, "preserve")
                run.append(t)
        paragraph._p.append(run)
        return run

    def add_inlines(self, paragraph: Any, content: Inlines, bold: bool = False, italic: bool = False) -> None:
        """Each Text, Figure and SourceRef is its own run, so a figure can carry a comment later."""
        for node in content:
            if isinstance(node, Figure):
                self.add_figure(paragraph, node, bold, italic)
            elif isinstance(node, Text):
                self.add_text(paragraph, node.text, bold, italic)
            elif isinstance(node, SourceRef):
                self.add_text(paragraph, f"[{node.number}]", bold, italic)
            elif isinstance(node, Strong):
                self.add_inlines(paragraph, node.children, True, italic)
            elif isinstance(node, Emph):
                self.add_inlines(paragraph, node.children, bold, True)
            else:
                unhandled(node, self.warn, "DOCX")

    def add_figure(self, paragraph: Any, figure: Figure, bold: bool, italic: bool) -> None:
        """A figure's run; highlighted when it changed since an older vintage (``previous``),
        with a Word comment when it carries a reviewer's ``note``."""
        run = self.add_text(paragraph, figure.text, bold, italic, changed=figure.previous is not None, figure=True)
        if figure.note:
            from docx.text.run import Run

            author, initials = REVIEWER
            self.document.add_comment(Run(run, paragraph), text=xml_safe(figure.note), author=author, initials=initials)

    def new_paragraph(self, style: str) -> DocxParagraph:
        """An empty paragraph in ``style``, placed before the section properties (or in the open box)."""
        p = _element("w:p")
        ppr = _element("w:pPr")
        ppr.append(_element("w:pStyle", val=self.style_ids[style]))
        p.append(ppr)
        if self._container is not None:
            self._container.append(p)
        else:
            self._body_end.addprevious(p)
        return DocxParagraph(p, self.document._body)

    def add_paragraph(self, content: Inlines | str, style: str) -> Any:
        """A body paragraph in ``style`` holding inlines, or plain text from Meta."""
        paragraph = self.new_paragraph(style)
        if isinstance(content, str):
            self.add_text(paragraph, content)
        else:
            self.add_inlines(paragraph, content)
        return paragraph

    # ------------------------------------------------------------- blocks

    def add_title_block(self, meta: Meta) -> None:
        """Title, subtitle and dateline from Meta; empty ones are left out."""
        for style, text in (("Title", meta.title), ("Subtitle", meta.subtitle), ("Dateline", meta.dateline)):
            if text:
                self.add_paragraph(text, style)

    def add_block(self, block: Block) -> None:
        """Dispatch on the closed set of block types; an unknown one is a warning, not a crash."""
        if isinstance(block, Heading):
            self.add_heading(block)
        elif isinstance(block, Paragraph):
            self.add_body_paragraph(block)
        elif isinstance(block, BulletList):
            for item in block.items:
                self.add_paragraph(item, "List Bullet")
        elif isinstance(block, Table):
            self.add_table(block)
        elif isinstance(block, SourceList):
            self.add_sources(block)
        elif isinstance(block, Chart):
            from jjj_brief.writers.docx.blocks import add_chart

            add_chart(self, block)
        elif isinstance(block, Box):
            from jjj_brief.writers.docx.blocks import add_box

            add_box(self, block)
        elif isinstance(block, Distribution):
            from jjj_brief.writers.docx.jianbao import add_distribution

            add_distribution(block, self)
        else:
            unhandled(block, self.warn, "DOCX")

    def add_heading(self, heading: Heading) -> None:
        """Levels 1 and 2 map to Heading 1/2; other levels are clamped (and warned)."""
        level = min(max(heading.level, 1), 2)
        if level != heading.level:
            self.warn(BriefWarning(f"docx: heading level {heading.level} set as level {level}"))
        self.add_paragraph(heading.content, HEADING_STYLES[level])

    def add_body_paragraph(self, paragraph: Paragraph) -> None:
        """The role picks the style; an unknown role is set as body text (and warned)."""
        style = ROLE_STYLES.get(paragraph.role)
        if style is None:
            self.warn(BriefWarning(f"docx: paragraph role {paragraph.role!r} unknown; set as body"))
            style = ROLE_STYLES["body"]
        self.add_paragraph(paragraph.content, style)

    def add_sources(self, sources: SourceList) -> None:
        """``[n]`` then a tab to the hanging indent, so wrapped lines align with the text."""
        for entry in sources.entries:
            paragraph = self.new_paragraph("Source Entry")
            self.add_text(paragraph, f"[{entry.number}]\t")
            self.add_inlines(paragraph, entry.content)

    # ------------------------------------------------------------- tables

    def add_table(self, table: Table) -> None:
        """Caption above (Caption), the grid in the Key Figures style, the note below (Table Note)."""
        rows = (table.header, *table.rows)
        columns = max(len(row) for row in rows)
        if table.caption:
            self.add_paragraph(table.caption, "Caption")
        if columns == 0:
            self.warn(BriefWarning("docx: a table without cells was left out"))
        else:
            grid = self.new_table(rows=len(rows), cols=columns)
            grid._tbl.tblStyle_val = self.style_ids[TABLE_STYLE_NAME]
            _lay_out_grid(grid, column_widths(rows, columns, self.type_area, self.house))
            for docx_row, row in zip(grid.rows, rows):
                for docx_cell, cell in zip(docx_row.cells, row):
                    self.add_cell(docx_cell, cell)
        if table.note:
            self.add_paragraph(table.note, "Table Note")

    def add_cell(self, docx_cell: Any, cell: Cell) -> None:
        """A cell's single paragraph, aligned as the model says (right for figures)."""
        paragraph = docx_cell.paragraphs[0]
        if cell.align != "left":
            paragraph.alignment = ALIGNMENTS.get(cell.align, WD_ALIGN_PARAGRAPH.LEFT)
        self.add_inlines(paragraph, cell.content)


def _lay_out_grid(grid: Any, widths: list[int]) -> None:
    """Fixed column widths, full type-area width, header row repeated on each page."""
    tbl_pr = grid._tbl.tblPr
    tbl_pr.find(qn("w:tblW")).set(qn("w:type"), "dxa")
    tbl_pr.find(qn("w:tblW")).set(qn("w:w"), str(sum(widths)))
    grid.autofit = False
    look = tbl_pr.find(qn("w:tblLook"))
    for attr, value in (("w:firstColumn", "0"), ("w:noHBand", "1"), ("w:val", "0420")):
        look.set(qn(attr), value)
    for column, width in zip(grid.columns, widths):
        column.width = Twips(width)
    for index, row in enumerate(grid.rows):
        for cell, width in zip(row.cells, widths):
            cell.width = Twips(width)
        row_props = "<w:cantSplit/><w:tblHeader/>" if index == 0 else "<w:cantSplit/>"
        row._tr.insert(0, parse_xml(f"<w:trPr {nsdecls('w')}>{row_props}</w:trPr>"))
