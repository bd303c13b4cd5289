"""Page geometry and furniture of the DOCX: A4, margins, header, footer, page fields.

Page numbers are real ``PAGE`` / ``NUMPAGES`` fields, so Word and LibreOffice
count the pages themselves after the text reflows in the user's fonts; the
words around them come from ``Meta.page_label`` (``第{page}页 共{pages}页``),
never from this module.
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
MARGIN = Twips(1417)  # 25 mm
TYPE_AREA_WIDTH = Twips(11906 - 2 * 1417)


class FurnitureWriter(Protocol):
    """What this module needs from the tree writer: runs as it writes them, styles by name."""

    def add_text(self, paragraph: Any, text: str) -> Any: ...

    def set_style(self, paragraph: Any, style: str) -> None: ...


def set_up_page(section: Any) -> None:
    """A4 portrait with 25 mm margins, like a ministry note; header and footer 12 mm from the edge."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, MARGIN)
    section.header_distance = section.footer_distance = Mm(12)
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
        paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}>{content}</w:r>'))


def add_page_label(paragraph: Any, label: str, writer: FurnitureWriter) -> None:
    """Write ``label`` into ``paragraph``: text pieces as runs, placeholders as fields."""
    for piece in _PLACEHOLDER.split(label):
        if piece in PAGE_FIELDS:
            add_field(paragraph, PAGE_FIELDS[piece])
        elif piece:
            writer.add_text(paragraph, piece)


def _fill_header(header: Any, meta: Meta, show_title: bool, writer: FurnitureWriter) -> None:
    """Classification first (it must be the first thing a reader sees), then the title."""
    header.is_linked_to_previous = False
    first = header.paragraphs[0]
    lines = []
    if meta.classification:
        lines.append(("Classification", meta.classification))
    if show_title and meta.title:
        lines.append(("Header", meta.title))
    for index, (style, text) in enumerate(lines):
        paragraph = first if index == 0 else header.add_paragraph()
        writer.set_style(paragraph, style)
        writer.add_text(paragraph, text)


def add_furniture(section: Any, meta: Meta, writer: FurnitureWriter) -> None:
    """Headers and footers: page one carries no running title, since its Title says it already."""
    section.different_first_page_header_footer = True
    _fill_header(section.first_page_header, meta, False, writer)
    _fill_header(section.header, meta, True, writer)
    for footer in (section.first_page_footer, section.footer):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        writer.set_style(paragraph, "Footer")
        add_page_label(paragraph, meta.page_label, writer)
