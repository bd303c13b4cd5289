"""The 简报 in Word: GB/T 9704 page, red masthead, ``— 1 —`` page numbers, distribution block.

All looks live in named styles (``Masthead``, ``Issue Number``, ``Issuer Line``,
``Classification Mark``, ``Editor Note``, ``Distribution``, ``Page Number
Odd``/``Even``), so an office can restyle its 简报 once in Word.  Fonts are
named as office PCs have them: body 仿宋 (FangSong), headings 黑体 (SimHei),
（一） 楷体 (KaiTi), masthead 宋体 bold (SimSun: 方正小标宋 is commercial and
often missing); the PDF embeds Noto Serif SC / Noto Sans SC Bold instead.

The distribution block is a ruled table floated to the bottom of the type
area (see :func:`add_distribution`).  Sizes and pitches are in
:func:`jjj_brief.writers.docx.looks.jianbao`.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, Twips

from jjj_brief.document import Distribution, Meta
from jjj_brief.writers.docx.table_styles import DISTRIBUTION_STYLE_NAME
from jjj_brief.writers.palette import ACCENT_ZH, hex_digits

MARGINS = {"top_margin": Mm(37), "bottom_margin": Mm(35), "left_margin": Mm(28), "right_margin": Mm(26)}
TYPE_AREA = Mm(156)


def set_up_jianbao_page(section: Any, settings: Any) -> None:
    """GB/T 9704 margins; odd and even footers differ (page numbers right, then left)."""
    for side, value in MARGINS.items():
        setattr(section, side, value)
    section.footer_distance = Mm(35) - Mm(7) - Pt(14)
    settings.odd_and_even_pages_header_footer = True


def add_page_numbers(section: Any, label: str, writer: Any) -> None:
    """``— PAGE —`` in every footer: odd (and first) pages at the right, even pages at the left."""
    from jjj_brief.writers.docx.page import add_page_label

    section.different_first_page_header_footer = False
    for footer, style in ((section.footer, "Page Number Odd"), (section.even_page_footer, "Page Number Even")):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        writer.set_style(paragraph, style)
        add_page_label(paragraph, label, writer)


def add_masthead(meta: Meta, writer: Any) -> None:
    """Mark top left, the red name, 第X期, issuing unit left and date right over a red rule, the title."""
    if meta.classification:
        writer.add_paragraph(meta.classification, "Classification Mark")
    writer.add_paragraph(meta.masthead or meta.title, "Masthead")
    if meta.issue_label:
        writer.add_paragraph(meta.issue_label, "Issue Number")
    writer.add_paragraph(f"{meta.issuer}\t{meta.dateline}", "Issuer Line")
    if meta.masthead and meta.title:
        writer.add_paragraph(meta.title, "Title")
    if meta.subtitle:
        writer.add_paragraph(meta.subtitle, "Subtitle")


def add_distribution(block: Distribution, writer: Any) -> None:
    """报/送/发 lines and 共印X份 as one ruled table, floated to the foot of the type area.

    A table, because both Word and LibreOffice draw a table style's rules
    (LibreOffice ignores paragraph borders inside a bottom-anchored frame);
    floated (``w:tblpPr``, bottom of the margin), because that is how both keep
    a block at the foot of a page however the text above reflows.  The empty
    paragraph after it is its anchor, which Word needs after a table.
    Outside the 简报's house style (no Distribution Block style) the lines are
    set as body text, so any valid Document can be written.
    """
    rows = [(f"{label}{who}", "Distribution") for label, who in block.entries]
    if block.copies:
        rows.append((block.copies, "Distribution Copies"))
    if DISTRIBUTION_STYLE_NAME not in writer.style_ids:
        for line, _ in rows:
            writer.add_paragraph(line, "Body Text")
    elif rows:
        _distribution_table(rows, writer)


def _distribution_table(rows: list[tuple[str, str]], writer: Any) -> None:
    """One full-width column of ``(text, style)`` rows, floated to the foot of the type area."""
    grid = writer.document.add_table(rows=len(rows), cols=1)
    grid._tbl.tblStyle_val = writer.style_ids[DISTRIBUTION_STYLE_NAME]
    grid.autofit = False
    width = int(TYPE_AREA.twips)
    tbl_pr = grid._tbl.tblPr
    tbl_pr.find(qn("w:tblStyle")).addnext(
        parse_xml(
            f'<w:tblpPr {nsdecls("w")} w:leftFromText="0" w:rightFromText="0" w:topFromText="{int(Pt(12).twips)}"'
            f' w:bottomFromText="0" w:vertAnchor="margin" w:horzAnchor="page"'
            f' w:tblpX="{int(MARGINS["left_margin"].twips)}"'
            ' w:tblpYSpec="bottom"/>'
        )
    )
    tbl_pr.find(qn("w:tblpPr")).addnext(parse_xml(f'<w:tblOverlap {nsdecls("w")} w:val="never"/>'))
    tbl_pr.find(qn("w:tblW")).set(qn("w:type"), "dxa")
    tbl_pr.find(qn("w:tblW")).set(qn("w:w"), str(width))
    grid.columns[0].width = Twips(width)
    for row, (text, style) in zip(grid.rows, rows):
        cell = row.cells[0]
        cell.width = Twips(width)
        paragraph = cell.paragraphs[0]
        writer.set_style(paragraph, style)
        writer.add_text(paragraph, text)
    writer.new_paragraph("Spacer")


def style_jianbao(styles: Any, house: Any) -> None:
    """What the 简报's looks do not say: the red rule, the date's tab stop, page-number insets."""
    issuer = styles["Issuer Line"].element.get_or_add_pPr()
    issuer.find(qn("w:spacing")).addprevious(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="4" w:color="{hex_digits(ACCENT_ZH)}"/>'
            "</w:pBdr>"
        )
    )
    issuer.find(qn("w:spacing")).addprevious(
        parse_xml(f'<w:tabs {nsdecls("w")}><w:tab w:val="right" w:pos="{int(TYPE_AREA.twips)}"/></w:tabs>')
    )
    styles["Distribution Copies"].paragraph_format.right_indent = Pt(14)
    styles["Page Number Odd"].paragraph_format.right_indent = Pt(14)
    styles["Page Number Even"].paragraph_format.left_indent = Pt(14)
    styles.register_table_style(DISTRIBUTION_STYLE_NAME)
