"""The 简报 in Word: GB/T 9704 page, red masthead, ``— 1 —`` page numbers, distribution block.

All looks live in named styles (``Masthead``, ``Issue Number``, ``Issuer Line``,
``Classification Mark``, ``Editor Note``, ``Distribution``, ``Page Number
Odd``/``Even``), so an office can restyle its 简报 once in Word.  Fonts are
named as office PCs have them: body 仿宋 (FangSong), headings 黑体 (SimHei),
（一） 楷体 (KaiTi), masthead 宋体 bold (SimSun: 方正小标宋 is commercial and
often missing); the PDF embeds Noto Serif SC / Noto Sans SC Bold instead.

The distribution block is a frame anchored to the bottom of the type area
(``w:framePr``), which is how Word keeps a block at the foot of a page however
the text above it reflows.
"""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor, Twips

from jjj_brief.document import Distribution, Meta

RED = RGBColor(0xB0, 0x00, 0x00)
MARGINS = {"top_margin": Mm(37), "bottom_margin": Mm(35), "left_margin": Mm(28), "right_margin": Mm(26)}
TYPE_AREA = Mm(156)
BODY_PITCH = Pt(29)  # 22 lines of 三号 on a 225 mm type area


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
    """报/送/发 lines and 共印X份, in one frame at the foot of the page, ruled by the styles.

    Outside the 简报's house style (no Distribution style) the lines are set as body text,
    so any valid Document can be written."""
    if "Distribution" not in writer.style_ids:
        for line in [*(f"{label}{who}" for label, who in block.entries), block.copies]:
            if line:
                writer.add_paragraph(line, "Body Text")
        return
    for label, who in block.entries:
        _frame(writer.add_paragraph(f"{label}{who}", "Distribution"))
    if block.copies:
        _frame(writer.add_paragraph(block.copies, "Distribution Copies"))


def _frame(paragraph: Any) -> None:
    """Anchor the paragraph in the bottom frame (identical ``framePr`` paragraphs share one frame)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(1, parse_xml(
        f'<w:framePr {nsdecls("w")} w:w="{int(TYPE_AREA.twips)}" w:wrap="notBeside" w:vAnchor="margin"'
        ' w:hAnchor="margin" w:xAlign="center" w:yAlign="bottom"/>'
    ))


def style_jianbao(styles: Any, house: Any, shape: Any, paragraph_style: Any) -> None:
    """Restyle body and headings to the 简报's sizes and add its own styles."""
    fang, hei, kai = house.serif, house.sans, house.kai
    body = styles["Body Text"]
    shape(body, fang, 16, after=0)
    body.paragraph_format.line_spacing = BODY_PITCH
    shape(styles["Heading 1"], hei, 16, bold=False, before=0, after=0)
    shape(styles["Heading 2"], kai, 16, bold=False, before=0, after=0)
    shape(styles["Title"], house.song, 22, bold=True, after=12)
    for name, fonts, size, align in (
        ("Classification Mark", hei, 16, WD_ALIGN_PARAGRAPH.LEFT),
        ("Masthead", house.song, 40, WD_ALIGN_PARAGRAPH.CENTER),
        ("Issue Number", fang, 16, WD_ALIGN_PARAGRAPH.CENTER),
        ("Issuer Line", fang, 14, WD_ALIGN_PARAGRAPH.LEFT),
        ("Editor Note", kai, 16, WD_ALIGN_PARAGRAPH.JUSTIFY),
        ("Distribution", fang, 14, WD_ALIGN_PARAGRAPH.LEFT),
        ("Distribution Copies", fang, 14, WD_ALIGN_PARAGRAPH.RIGHT),
        ("Page Number Odd", house.song, 14, WD_ALIGN_PARAGRAPH.RIGHT),
        ("Page Number Even", house.song, 14, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        style = paragraph_style(name)
        shape(style, fonts, size, after=0)
        style.paragraph_format.alignment = align
    masthead = styles["Masthead"]
    masthead.font.bold = True
    masthead.font.color.rgb = RED
    masthead.paragraph_format.space_before = Pt(18)
    styles["Issue Number"].paragraph_format.space_after = Pt(12)
    _rules(styles)


def _rules(styles: Any) -> None:
    """The red rule under the issuer line, the black rules of the distribution block, indents."""
    issuer = styles["Issuer Line"].element.get_or_add_pPr()
    issuer.append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="4" w:color="B00000"/></w:pBdr>'))
    issuer.append(parse_xml(
        f'<w:tabs {nsdecls("w")}><w:tab w:val="right" w:pos="{int(TYPE_AREA.twips)}"/></w:tabs>'))
    styles["Issuer Line"].paragraph_format.space_after = Pt(18)
    for name, top, bottom in (("Distribution", 8, 6), ("Distribution Copies", 6, 8)):
        ppr = styles[name].element.get_or_add_pPr()
        ppr.append(parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="{top}" w:space="1" w:color="000000"/>'
            f'<w:bottom w:val="single" w:sz="{bottom}" w:space="1" w:color="000000"/></w:pBdr>'))
        styles[name].paragraph_format.left_indent = Pt(14)
        styles[name].paragraph_format.right_indent = Pt(14)
    styles["Page Number Odd"].paragraph_format.right_indent = Pt(14)
    styles["Page Number Even"].paragraph_format.left_indent = Pt(14)
    note = styles["Editor Note"].element.get_or_add_pPr().get_or_add_ind()
    note.set(qn("w:left"), str(int(Twips(640))))
