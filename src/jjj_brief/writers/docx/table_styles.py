"""The table styles of the DOCX: key figures, key-points box, the 简报's distribution block.

A table's frame, rules, tints and cell padding live in a named table style,
as a paragraph's look lives in its paragraph style, so an office restyles
every table of a kind at once.  Measurements mirror the PDF
(:mod:`jjj_brief.writers.pdf.blocks`): cells padded 4 pt × 2.5 pt, the
three-line table's rules in the edition's accent colour (0.9 pt outer,
0.5 pt under the header), every other body row tinted; the box framed in the
accent colour, tinted, padded 8 pt.  Border widths are in eighths of a point.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from jjj_brief.writers.docx.house import DocxHouse
from jjj_brief.writers.docx.looks import Look
from jjj_brief.writers.palette import LEAD_FILL, ZEBRA_FILL, hex_digits

TABLE_STYLE_NAME = "Key Figures"
BOX_STYLE_NAME = "Key Points Box"
DISTRIBUTION_STYLE_NAME = "Distribution Block"
CELL_PAD_X, CELL_PAD_Y, BOX_PAD = 80, 50, 160  # twips: 4 pt, 2.5 pt, 8 pt
OUTER_RULE, HEADER_RULE, BOX_RULE = 7, 4, 6  # eighths of a point: 0.9, 0.5, 0.8 pt
THICK_RULE, THIN_RULE = 8, 6  # the 简报's distribution block: 0.35 mm and 0.25 mm


def _run(fonts: Any, look: Look) -> str:
    """A table style's ``w:rPr`` for a look: faces, weight, size (half-points)."""
    half_points = round(look.size * 2)
    bold = "<w:b/><w:bCs/>" if look.bold else '<w:b w:val="0"/>'
    return (
        f'<w:rPr><w:rFonts w:ascii="{fonts.latin}" w:hAnsi="{fonts.latin}" w:cs="{fonts.latin}"'
        f' w:eastAsia="{fonts.east_asian}"/>{bold}<w:sz w:val="{half_points}"/>'
        f'<w:szCs w:val="{half_points}"/></w:rPr>'
    )


def _paragraph(look: Look) -> str:
    """A table style's ``w:pPr``: no space between cell paragraphs, the look's exact pitch."""
    pitch = round((look.pitch or look.size * 1.2) * 20)
    return (
        f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="{pitch}" w:lineRule="exact"/>'
        '<w:ind w:left="0" w:firstLine="0" w:firstLineChars="0"/></w:pPr>'
    )


def _rule(side: str, size: int, colour: str) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="{colour}"/>'


def _margins(top: int, side: int, bottom: int) -> str:
    return (
        f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{side}" w:type="dxa"/>'
        f'<w:bottom w:w="{bottom}" w:type="dxa"/><w:right w:w="{side}" w:type="dxa"/></w:tblCellMar>'
    )


def _style(style_id: str, name: str, body: str) -> Any:
    return parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
        f"{body}</w:style>"
    )


def key_figures_style(house: DocxHouse) -> Any:
    """A three-line table (三线表): rules above, below the header row and at the foot; zebra rows.

    It is the convention for statistical tables in Chinese and reads well in
    English; the header row's weight and face come from here, not from runs.
    The top rule is drawn on the header row's cells too, so the header row
    that repeats on a continuation page is ruled like the first.
    """
    edition, accent = house.edition, hex_digits(house.edition.accent)
    cell, head = edition.cell, edition.head_cell
    return _style(
        "KeyFigures",
        TABLE_STYLE_NAME,
        _paragraph(cell)
        + _run(house.faces.pair(cell.face), cell)
        + f"<w:tblPr><w:tblBorders>{_rule('top', OUTER_RULE, accent)}{_rule('bottom', OUTER_RULE, accent)}"
        f"</w:tblBorders>{_margins(CELL_PAD_Y, CELL_PAD_X, CELL_PAD_Y)}</w:tblPr>"
        '<w:tblStylePr w:type="firstRow">'
        + _run(house.faces.pair(head.face), head)
        + f"<w:tcPr><w:tcBorders>{_rule('top', OUTER_RULE, accent)}{_rule('bottom', HEADER_RULE, accent)}"
        "</w:tcBorders></w:tcPr></w:tblStylePr>"
        '<w:tblStylePr w:type="band2Horz"><w:tcPr>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{hex_digits(ZEBRA_FILL)}"/></w:tcPr></w:tblStylePr>',
    )


def key_points_box_style(house: DocxHouse) -> Any:
    """A one-cell table framed in the edition's accent colour, tinted like the PDF's box."""
    accent = hex_digits(house.edition.accent)
    frame = "".join(_rule(side, BOX_RULE, accent) for side in ("top", "left", "bottom", "right"))
    return _style(
        "KeyPointsBox",
        BOX_STYLE_NAME,
        f"<w:tblPr><w:tblBorders>{frame}</w:tblBorders>{_margins(BOX_PAD, BOX_PAD, BOX_PAD)}</w:tblPr>"
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{hex_digits(LEAD_FILL)}"/></w:tcPr>',
    )


def distribution_style() -> Any:
    """The 版记's rules: thick above and below the block, thin between its lines (GB/T 9704)."""
    rules = (
        _rule("top", THICK_RULE, "000000")
        + _rule("bottom", THICK_RULE, "000000")
        + _rule("insideH", THIN_RULE, "000000")
    )
    return _style(
        "DistributionBlock",
        DISTRIBUTION_STYLE_NAME,
        f"<w:tblPr><w:tblBorders>{rules}</w:tblBorders>{_margins(0, 0, 0)}</w:tblPr>",
    )


def table_styles(house: DocxHouse) -> list[Any]:
    """Every table style an edition uses."""
    found = [key_figures_style(house), key_points_box_style(house)]
    if house.jianbao:
        found.append(distribution_style())
    return found
