"""Page geometry and furniture of the DOCX: A4, margins, header, footer, page fields.

Page numbers are real ``PAGE`` / ``NUMPAGES`` fields, so Word and LibreOffice
count the pages themselves after the text reflows in the user's fonts; the
words around them come from ``Meta.page_label`` (``第{page}页 共{pages}页``),
never from this module.  Geometry and furniture follow the PDF
(:mod:`jjj_brief.writers.pdf.page`): the same type area, the running title
from page 2, and a three-part footer.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Twips

from jjj_brief.document import Meta

PAGE_FIELDS = {"{page}": "PAGE", "{pages}": "NUMPAGES"}
_PLACEHOLDER = re.compile(r"(\{page\}|\{pages\})")

# A4 in twentieths of a point, exactly as Word writes it (210 x 297 mm).
A4_WIDTH, A4_HEIGHT = Twips(11906), Twips(16838)
MARGIN = Twips(1417)  # 25 mm left and right, as the PDF
TOP, BOTTOM = Mm(28), Mm(27)  # the PDF's type area: room for the running header and the footer
HEADER_DISTANCE, FOOTER_DISTANCE = Mm(20), Mm(18.5)  # header baseline 14 pt over the type area, footer 22 pt under
TYPE_AREA_WIDTH = Twips(11906 - 2 * 1417)


class FurnitureWriter(Protocol):
    """What this module needs from the tree writer: runs as it writes them, styles by name."""

    def add_text(self, paragraph: Any, text: str) -> Any: ...

    def set_style(self, paragraph: Any, style: str) -> None: ...


def set_up_page(section: Any) -> None:
    """A4 portrait with the PDF's margins, header and footer where the PDF draws them."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin, section.bottom_margin = TOP, BOTTOM
    section.header_distance, section.footer_distance = HEADER_DISTANCE, FOOTER_DISTANCE
    section.gutter = 0


def add_field(paragraph: Any, instruction: str, shown: str = "1") -> None:
    """Append a complex field (begin, instruction, separate, cached result, end).

    The cached result is what readers that do not compute fields show; Word
    and LibreOffice recompute PAGE and NUMPAGES when they lay out the page.
    """
    runs = (
        '<w:fldChar w:fldCharType="begin"/>',
        f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        f"<w:t>{shown}</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    )
    for content in runs:
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{content}</w:r>"))


def add_page_label(paragraph: Any, label: str, writer: FurnitureWriter) -> None:
    """Write ``label`` into ``paragraph``: text pieces as runs, placeholders as fields."""
    for piece in _PLACEHOLDER.split(label):
        if piece in PAGE_FIELDS:
            add_field(paragraph, PAGE_FIELDS[piece])
        elif piece:
            writer.add_text(paragraph, piece)


def add_furniture(section: Any, meta: Meta, writer: FurnitureWriter) -> None:
    """The PDF's furniture: from page 2 the running title over a rule; on every page a footer
    with the classification at the left, the page label in the middle and the date at the right.

    The footer is one paragraph with a centre and a right tab stop, so the
    three parts stay on one line whatever their lengths.
    """
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    writer.set_style(section.first_page_header.paragraphs[0], "Normal")  # empty: no Header rule on page 1
    header = section.header
    header.is_linked_to_previous = False
    if meta.title:
        writer.set_style(header.paragraphs[0], "Header")
        writer.add_text(header.paragraphs[0], meta.title)
    for footer in (section.first_page_footer, section.footer):
        footer.is_linked_to_previous = False
        add_footer_line(footer.paragraphs[0], meta, writer)


def add_footer_line(paragraph: Any, meta: Meta, writer: FurnitureWriter) -> None:
    """Classification, page label and date on one footer line (centre and right tab stops)."""
    width = int(TYPE_AREA_WIDTH.twips)  # tab stops are in twips (an int Length would be EMU)
    writer.set_style(paragraph, "Footer")
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:tabs {nsdecls("w")}><w:tab w:val="center" w:pos="{width // 2}"/>'
            f'<w:tab w:val="right" w:pos="{width}"/></w:tabs>'
        )
    )
    writer.add_text(paragraph, f"{meta.classification}\t")
    add_page_label(paragraph, meta.page_label, writer)
    writer.add_text(paragraph, f"\t{meta.dateline}")
