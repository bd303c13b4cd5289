"""The DOCX house style: every font, size and spacing lives in a named style.

A user who edits *Heading 1* in Word changes every heading, so the writer
puts nothing visual on paragraphs or runs except what the document model
says (bold, italic, a cell's alignment).  This module rewrites python-docx's
default template into that house style; the measurements come from
:mod:`.looks` (which mirrors the PDF), the faces from :mod:`.house`.

Why the template needs rewriting for Chinese (see
``docs/notes/cjk-typesetting.md``): its ``docDefaults`` and heading styles name
*theme* fonts (``asciiTheme``, ``eastAsiaTheme``, ...), which override any
explicit font name, its East Asian language is ``en-US`` and ``settings.xml``
says ``themeFontLang eastAsia="ja-JP"``; Chinese then falls back to a
Japanese face with Japanese glyph forms.  So every ``*Theme`` attribute in
``styles.xml`` is removed and replaced by explicit names, and the languages
are set to the document's.  The template's decorations that read badly in a
briefing go too: the Title's rule and tracking, the Subtitle's tracking,
italics and numbering, contextual spacing that swallowed the space between
list items.

Font mapping.  A DOCX *names* the fonts an office PC has; the PDF writer
must *embed* free fonts, so each DOCX name has a free counterpart with the
same role and similar metrics (``--embed-fonts`` puts those in the file):

=================  ==========================  =============================
role               DOCX font (office PCs)      PDF counterpart (embedded)
=================  ==========================  =============================
Latin body         Times New Roman             Noto Serif
Latin headings     Arial                       Noto Sans (Bold)
zh-CN body         SimSun (宋体)               Noto Serif SC
zh-CN headings     SimHei (黑体)               Noto Sans SC Bold
简报 body          FangSong (仿宋)             the bundled FangSong face
简报 （一）, 按语  KaiTi (楷体)                the bundled Kai face
zh-TW body         PMingLiU (新細明體)         Noto Serif TC
zh-TW headings     Microsoft JhengHei (微軟正黑體)  Noto Sans TC Bold
=================  ==========================  =============================
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from docx.styles.style import StyleFactory

from jjj_brief.writers.docx.house import DocxHouse, FontPair
from jjj_brief.writers.docx.looks import Look
from jjj_brief.writers.docx.table_styles import (
    BOX_STYLE_NAME,
    TABLE_STYLE_NAME,
    table_styles,
)
from jjj_brief.writers.palette import GREY, LEAD_FILL, hex_digits

THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
BASES = {"Lead": "Body Text", "Editor Note": "Body Text", "Table Note": "Note", "Source Entry": "Note"}
KEEP_WITH_NEXT = ("Caption", "Figure", "Box Title", "Heading 1", "Heading 2", "Heading 3")
TWIPS_PER_POINT = 20
__all__ = ["BOX_STYLE_NAME", "TABLE_STYLE_NAME", "apply_house_style", "set_fonts"]


# ------------------------------------------------------------------ XML bits


def set_fonts(rpr: Any, fonts: FontPair) -> None:
    """Name the faces explicitly on an ``w:rPr``, dropping theme references that would win."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in THEME_FONT_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), fonts.latin)
    rfonts.set(qn("w:eastAsia"), fonts.east_asian)


def set_lang(rpr: Any, house: DocxHouse) -> None:
    """``<w:lang w:val="en-US" w:eastAsia="zh-CN"/>``: picks glyph forms, proofing and kinsoku."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)  # w:lang is last but for elements this writer never uses
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), house.east_asian_lang)


def strip_theme_fonts(styles_element: Any, house: DocxHouse) -> None:
    """Replace every theme font reference in styles.xml by the house faces.

    All of them, not only the styles this writer uses: linked character styles
    (``Heading 1 Char``) and styles a user applies later must not bring the
    Japanese theme fallback back.  ``major*`` themes become sans, others serif.
    """
    for rfonts in styles_element.iter(qn("w:rFonts")):
        themes = [rfonts.get(qn(a)) for a in THEME_FONT_ATTRS]
        if not any(themes):
            continue
        major = any(t and t.startswith("major") for t in themes)
        set_fonts(rfonts.getparent(), house.sans if major else house.serif)


def _drop(parent: Any, *tags: str) -> None:
    """Remove the template's ``tags`` children from ``parent`` (a pPr or rPr)."""
    for tag in tags:
        for child in parent.findall(qn(tag)):
            parent.remove(child)


# ------------------------------------------------------------------ styles


class StyleBook:
    """The document's styles by name, indexed once.

    python-docx finds a style by name with a linear scan of ~160 styles (about
    2 ms each time); a briefing looks styles up hundreds of times, so the
    writer keeps its own index.  It quacks like ``document.styles`` for the
    few operations used here.
    """

    def __init__(self, styles: Any) -> None:
        self.element = styles.element
        self._by_name = {style.name: style for style in styles}

    def __getitem__(self, name: str) -> Any:
        return self._by_name[name]

    def style_ids(self) -> dict[str, str]:
        """Each style's ``w:styleId`` (what ``w:pStyle``/``w:tblStyle`` name) by its name."""
        return {name: style.style_id for name, style in self._by_name.items()}

    def register_table_style(self, name: str) -> None:
        """Index a table style appended as raw XML."""
        element = self.element.get_by_name(name)
        self._by_name[name] = StyleFactory(element)

    def paragraph_style(self, name: str, base: str = "Normal") -> Any:
        """An existing paragraph style, or a new custom one based on ``base``."""
        if name not in self._by_name:
            style: Any = StyleFactory(self.element.add_style_of_type(name, WD_STYLE_TYPE.PARAGRAPH, False))
            style.base_style = self._by_name[base]
            style.quick_style = True
            self._by_name[name] = style
        return self._by_name[name]


def apply_look(style: Any, look: Look, house: DocxHouse) -> None:
    """Give a style its whole look, explicitly, so nothing is inherited by accident.

    Every property is written even when it equals the base style's, because a
    style based on Body Text would otherwise inherit its first-line indent.
    """
    set_fonts(style.element.get_or_add_rPr(), house.faces.pair(look.face))
    font, paragraph = style.font, style.paragraph_format
    font.size = Pt(look.size)
    font.bold = look.bold
    font.italic = False
    font.color.rgb = RGBColor.from_string(hex_digits(look.colour))
    paragraph.space_before, paragraph.space_after = Pt(look.before), Pt(look.after)
    paragraph.alignment = ALIGNMENTS[look.align]
    ppr = style.element.get_or_add_pPr()
    spacing = ppr.get_or_add_spacing()
    spacing.set(qn("w:line"), str(round(look.pitch * TWIPS_PER_POINT)) if look.pitch else "240")
    spacing.set(qn("w:lineRule"), "exact" if look.pitch else "auto")
    _drop(ppr, "w:contextualSpacing")
    _drop(style.element.get_or_add_rPr(), "w:spacing", "w:i", "w:iCs")
    if look.tracking:
        style.element.rPr.insert_element_before(
            parse_xml(f'<w:spacing {nsdecls("w")} w:val="{round(look.tracking * TWIPS_PER_POINT)}"/>'),
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
        )
    _indent(ppr, look)


def _indent(ppr: Any, look: Look) -> None:
    """Left indent, hanging line, or a first line indented by whole characters.

    A character indent is written twice, as Word does: ``firstLineChars``
    (what Word and LibreOffice 24+ use, in hundredths of a character) and
    ``firstLine`` in twips for readers that ignore it, computed from the
    style's own size so both say the same (two 16 pt characters are 640).
    """
    ind = ppr.get_or_add_ind()
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    ind.set(qn("w:left"), str(round(look.left * TWIPS_PER_POINT)))
    if look.hanging:
        ind.set(qn("w:hanging"), str(round(look.hanging * TWIPS_PER_POINT)))
    else:
        ind.set(qn("w:firstLineChars"), str(look.indent_chars * 100))
        ind.set(qn("w:firstLine"), str(round(look.indent_chars * look.size * TWIPS_PER_POINT)))


def _defaults(styles_element: Any, house: DocxHouse) -> None:
    """docDefaults: serif faces, the body's size, languages; no spacing between Han and Latin.

    Figures stay tight (``2023年``, ``2.43万亿元``) as official text sets them
    and as the PDF does: both Word switches are off, ``autoSpaceDN``
    (Han–digits) and ``autoSpaceDE`` (Han–Latin), since LibreOffice maps the
    two to one paragraph setting that reads ``autoSpaceDE`` only.
    """
    rpr = styles_element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, house.serif)
    rpr.get_or_add_sz().val = Pt(house.edition.look("Body Text").size)
    set_lang(rpr, house)
    ppr = styles_element.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.get_or_add_spacing()
    spacing.addprevious(parse_xml(f'<w:autoSpaceDE {nsdecls("w")} w:val="0"/>'))
    spacing.addprevious(parse_xml(f'<w:autoSpaceDN {nsdecls("w")} w:val="0"/>'))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")


def _decorate(styles: StyleBook, house: DocxHouse) -> None:
    """What a look does not say: rules, tints, numbering, tab stops, keep-with-next."""
    accent, rule = hex_digits(house.edition.accent), hex_digits(GREY)
    for name in ("Title", "Subtitle"):
        ppr = styles[name].element.get_or_add_pPr()
        _drop(ppr, "w:pBdr", "w:numPr")
    _border(styles["Dateline"], "bottom", accent, size=10, space=6)
    styles["Lead"].element.get_or_add_pPr().find(qn("w:spacing")).addprevious(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{hex_digits(LEAD_FILL)}"/>')
    )
    for name in ("Header", "Footer"):
        _drop(styles[name].element.get_or_add_pPr(), "w:tabs")
    _border(styles["Header"], "bottom", rule, size=3, space=2)
    _border(styles["Footer"], "top", rule, size=3, space=2)
    for name in KEEP_WITH_NEXT:
        styles[name].paragraph_format.keep_with_next = True


def _border(style: Any, side: str, colour: str, size: int, space: int) -> None:
    """A rule above or below a style's paragraphs; ``size`` in eighths of a point."""
    ppr = style.element.get_or_add_pPr()
    _drop(ppr, "w:pBdr")
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{colour}"/></w:pBdr>'
    )
    anchor = ppr.find(qn("w:spacing"))
    if anchor is not None:
        anchor.addprevious(border)  # schema order: … pBdr, shd, tabs, … spacing, ind …
    else:
        ppr.append(border)


_STYLED: dict[DocxHouse, tuple[bytes, dict[str, str]]] = {}


def apply_house_style(document: Any, house: DocxHouse) -> dict[str, str]:
    """Turn python-docx's default template into the house style; return style ids by name.

    Styling takes longer than the rest of a small briefing, and its result is
    the same for every document of a language, so the finished ``styles.xml``
    is kept per house style and swapped into later documents.
    """
    styles_part = document.part._styles_part
    if house in _STYLED:
        blob, style_ids = _STYLED[house]
        styles_part._element = parse_xml(blob)  # XmlPart keeps its tree here; .blob serializes it
    else:
        style_ids = _style_from_template(StyleBook(document.styles), house)
        _STYLED[house] = (etree_bytes(styles_part.element), style_ids)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), house.east_asian_lang)
    return style_ids


def _style_from_template(styles: StyleBook, house: DocxHouse) -> dict[str, str]:
    """Rewrite every style the writer uses (and the theme fonts of all others)."""
    _defaults(styles.element, house)
    strip_theme_fonts(styles.element, house)
    for name, look in house.edition.looks:
        apply_look(styles.paragraph_style(name, BASES.get(name, "Normal")), look, house)
    _decorate(styles, house)
    for element in table_styles(house):
        styles.element.append(element)
    styles.register_table_style(TABLE_STYLE_NAME)
    styles.register_table_style(BOX_STYLE_NAME)
    if house.jianbao:
        from jjj_brief.writers.docx.jianbao import style_jianbao

        style_jianbao(styles, house)
    return styles.style_ids()


def etree_bytes(element: Any) -> bytes:
    """An element as UTF-8 XML, for the styles cache."""
    from lxml import etree

    return etree.tostring(element, encoding="UTF-8")
