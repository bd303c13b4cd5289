"""The DOCX house style: every font, size and spacing lives in a named style.

A user who edits *Heading 1* in Word changes every heading, so the writer
puts nothing visual on paragraphs or runs except what the document model
says (bold, italic, a cell's alignment).  This module rewrites python-docx's
default template into that house style.

Why the template needs rewriting for Chinese (see
``docs/notes/cjk-typesetting.md``): its ``docDefaults`` and heading styles name
*theme* fonts (``asciiTheme``, ``eastAsiaTheme``, ...), which override any
explicit font name, its East Asian language is ``en-US`` and ``settings.xml``
says ``themeFontLang eastAsia="ja-JP"``; Chinese then falls back to a
Japanese face with Japanese glyph forms.  So every ``*Theme`` attribute in
``styles.xml`` is removed and replaced by explicit names, and the languages
are set to the document's.

Font mapping.  A DOCX *names* the fonts an office PC has; the PDF writer
must *embed* free fonts, so each DOCX name has a free counterpart with the
same role and similar metrics:

=================  ==========================  =============================
role               DOCX font (office PCs)      PDF counterpart (embedded)
=================  ==========================  =============================
Latin body         Times New Roman             Noto Serif
Latin headings     Arial                       Noto Sans (Bold)
zh-CN body         SimSun (宋体)               Noto Serif SC
zh-CN headings     SimHei (黑体)               Noto Sans SC Bold
zh-TW body         PMingLiU (新細明體)         Noto Serif TC
zh-TW headings     Microsoft JhengHei (微軟正黑體)  Noto Sans TC Bold
=================  ==========================  =============================

Body text is serif (Song), headings, captions and the lead are sans (Hei),
in both languages.  Sizes follow the Chinese 号 scale so both editions share
one rhythm: body 小四 12 pt, title 二号 22 pt, Heading 1 三号 16 pt,
Heading 2 四号 14 pt, captions, notes, tables and sources 五号 10.5 pt,
page furniture 小五 9 pt.  English documents name the Chinese faces as their
East Asian fonts too, so a stray Chinese name renders in the right face.
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor, Twips
from docx.styles.style import StyleFactory

from jjj_brief.writers.docx.house import FontPair, HouseStyle

THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
TABLE_STYLE_NAME = "Key Figures"
BOX_STYLE_NAME = "Key Points Box"
INK = RGBColor(0, 0, 0)
GREY = RGBColor(0x59, 0x59, 0x59)


# ------------------------------------------------------------------ XML bits


def set_fonts(rpr: Any, fonts: FontPair) -> None:
    """Name the faces explicitly on an ``w:rPr``, dropping theme references that would win."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in THEME_FONT_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), fonts.latin)
    rfonts.set(qn("w:eastAsia"), fonts.east_asian)


def set_lang(rpr: Any, house: HouseStyle) -> None:
    """``<w:lang w:val="en-US" w:eastAsia="zh-CN"/>``: picks glyph forms, proofing and kinsoku."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)  # w:lang is last but for elements this writer never uses
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), house.east_asian_lang)


def strip_theme_fonts(styles_element: Any, house: HouseStyle) -> None:
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
            style = StyleFactory(self.element.add_style_of_type(name, WD_STYLE_TYPE.PARAGRAPH, False))
            style.base_style = self._by_name[base]
            style.quick_style = True
            self._by_name[name] = style
        return self._by_name[name]


def _shape(style: Any, fonts: FontPair | None, size: float, bold: bool | None = None,
           after: float | None = None, before: float | None = None) -> None:
    """Set a style's face, size, weight and spacing in one call (colours are always ink)."""
    if fonts is not None:
        set_fonts(style.element.get_or_add_rPr(), fonts)
    style.font.size = Pt(size)
    style.font.color.rgb = INK
    if bold is not None:
        style.font.bold = bold
    if after is not None:
        style.paragraph_format.space_after = Pt(after)
    if before is not None:
        style.paragraph_format.space_before = Pt(before)


def _defaults(styles_element: Any, house: HouseStyle) -> None:
    """docDefaults: serif faces, 12 pt, languages, spacing; Normal itself stays empty."""
    rpr = styles_element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, house.serif)
    rpr.get_or_add_sz().val = Pt(12)
    set_lang(rpr, house)
    ppr = styles_element.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.get_or_add_spacing()
    # Figures stay tight (2023年, 2.43万亿元) as official text sets them and as the PDF does;
    # Word's default autoSpaceDN would gap them.  autoSpaceDE (Han-Latin letters) stays on.
    spacing.addprevious(parse_xml(f'<w:autoSpaceDN {nsdecls("w")} w:val="0"/>'))
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), str(house.line_spacing))
    spacing.set(qn("w:lineRule"), "auto")


def _title_block(styles: Any, house: HouseStyle) -> None:
    """Title, Subtitle and Dateline: the head of page one."""
    title = styles["Title"]
    _shape(title, house.sans, 22, bold=True, after=6)
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    title.paragraph_format.alignment = house.title_alignment
    for tracking in title.element.get_or_add_rPr().findall(qn("w:spacing")):
        tracking.getparent().remove(tracking)  # the template's letter-spacing hurts Chinese
    subtitle = styles["Subtitle"]
    _shape(subtitle, house.serif, 14, after=6)
    subtitle.font.italic = not house.chinese  # CJK faces have no italics
    for numpr in subtitle.element.get_or_add_pPr().findall(qn("w:numPr")):
        numpr.getparent().remove(numpr)
    subtitle.paragraph_format.alignment = house.title_alignment
    dateline = styles.paragraph_style("Dateline")
    _shape(dateline, house.serif, 12, after=18)
    dateline.paragraph_format.alignment = house.title_alignment
    dateline.element.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="8" w:space="6" w:color="000000"/></w:pBdr>'
    ))


def _headings(styles: Any, house: HouseStyle) -> None:
    """Heading 1 and 2 in the sans faces; Heading 3 too, should a user add one."""
    for name, size, before in (("Heading 1", 16, 18), ("Heading 2", 14, 12), ("Heading 3", 12, 10)):
        _shape(styles[name], house.sans, size, bold=True, before=before, after=6)


def _body(styles: Any, house: HouseStyle) -> None:
    """Body Text (with the Chinese 2-character indent), Lead, Note, List Bullet."""
    body = styles.paragraph_style("Body Text")
    _shape(body, house.serif, 12, after=6)
    if house.chinese:  # Chinese is set justified; English notes ragged right (no rivers)
        body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        ind = body.element.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLine"), "480")  # fallback for readers that ignore *Chars
        ind.set(qn("w:firstLineChars"), "200")
    lead = styles.paragraph_style("Lead", "Body Text")
    _shape(lead, house.sans, 12, after=12)
    note = styles.paragraph_style("Note")
    _shape(note, house.serif, 10.5, after=4)
    note.paragraph_format.line_spacing = 1.0
    bullet = styles["List Bullet"]
    _shape(bullet, house.serif, 12, after=3)


def _tables_and_sources(styles: Any, house: HouseStyle) -> None:
    """Caption above a table, Table Note below it, Source Entry with a hanging number."""
    caption = styles["Caption"]
    _shape(caption, house.sans, 10.5, bold=True, before=6, after=4)
    caption.paragraph_format.keep_with_next = True
    table_note = styles.paragraph_style("Table Note", "Note")
    _shape(table_note, None, 9, before=3, after=10)
    source = styles.paragraph_style("Source Entry", "Note")
    source.paragraph_format.left_indent = Twips(567)
    source.paragraph_format.first_line_indent = Twips(-567)
    styles.element.append(_key_figures_style(house))


def _key_figures_style(house: HouseStyle) -> Any:
    """A three-line table (三线表): rules above, below the header row and at the foot.

    It is the convention for statistical tables in Chinese and reads well in
    English; the header row's weight and face come from here, not from runs.
    The top rule is drawn on the header row's cells too, so the header row
    that repeats on a continuation page is ruled like the first.
    """
    serif, sans = house.serif, house.sans
    rule = 'w:val="single" w:space="0" w:color="000000"'
    return parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="KeyFigures">'
        f'<w:name w:val="{TABLE_STYLE_NAME}"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{serif.latin}" w:hAnsi="{serif.latin}" w:cs="{serif.latin}"'
        f' w:eastAsia="{serif.east_asian}"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr>'
        f'<w:tblPr><w:tblBorders><w:top {rule} w:sz="12"/><w:bottom {rule} w:sz="12"/></w:tblBorders>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        '</w:tblPr>'
        '<w:tblStylePr w:type="firstRow">'
        f'<w:rPr><w:rFonts w:ascii="{sans.latin}" w:hAnsi="{sans.latin}" w:cs="{sans.latin}"'
        f' w:eastAsia="{sans.east_asian}"/><w:b/><w:bCs/></w:rPr>'
        f'<w:tcPr><w:tcBorders><w:top {rule} w:sz="12"/><w:bottom {rule} w:sz="6"/></w:tcBorders></w:tcPr>'
        '</w:tblStylePr></w:style>'
    )


def _page_furniture(styles: Any, house: HouseStyle) -> None:
    """Header (title, right), Classification (bold, left) and Footer (page label, centred)."""
    header = styles["Header"]
    _shape(header, house.serif, 9)
    header.font.color.rgb = GREY
    header.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    classification = styles.paragraph_style("Classification", "Header")
    _shape(classification, house.sans, 10.5, bold=True, after=4)
    classification.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    footer = styles["Footer"]
    _shape(footer, house.serif, 9)
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for style in (header, footer):
        for tabs in style.element.get_or_add_pPr().findall(qn("w:tabs")):
            tabs.getparent().remove(tabs)  # Letter-size tab stops; unused here


def _figures_and_boxes(styles: Any, house: HouseStyle) -> None:
    """Figure (a chart picture, centred), Box Title, Editor Note and the Key Points Box table style."""
    figure = styles.paragraph_style("Figure")
    _shape(figure, None, 10.5, after=2)
    figure.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    figure.paragraph_format.keep_with_next = True
    box_title = styles.paragraph_style("Box Title")
    _shape(box_title, house.sans, 12, bold=True, before=2, after=4)
    editor_note = styles.paragraph_style("Editor Note", "Body Text")
    _shape(editor_note, None, 12, after=8)
    styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="KeyPointsBox">'
        f'<w:name w:val="{BOX_STYLE_NAME}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        '<w:tblPr><w:tblBorders>'
        + "".join(f'<w:{side} w:val="single" w:sz="8" w:space="0" w:color="1F3A5F"/>'
                  for side in ("top", "left", "bottom", "right"))
        + '</w:tblBorders><w:tblCellMar><w:top w:w="113" w:type="dxa"/><w:left w:w="170" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="170" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEF2F7"/></w:tcPr></w:style>'
    ))


_STYLED: dict[HouseStyle, tuple[bytes, dict[str, str]]] = {}


def apply_house_style(document: Any, house: HouseStyle) -> dict[str, str]:
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


def _style_from_template(styles: StyleBook, house: HouseStyle) -> dict[str, str]:
    """Rewrite every style the writer uses (and the theme fonts of all others)."""
    _defaults(styles.element, house)
    strip_theme_fonts(styles.element, house)
    _title_block(styles, house)
    _headings(styles, house)
    _body(styles, house)
    _tables_and_sources(styles, house)
    _page_furniture(styles, house)
    _figures_and_boxes(styles, house)
    styles.register_table_style(TABLE_STYLE_NAME)
    styles.register_table_style(BOX_STYLE_NAME)
    if house.jianbao:
        from jjj_brief.writers.docx.jianbao import style_jianbao

        style_jianbao(styles, house, _shape, styles.paragraph_style)
    return styles.style_ids()


def etree_bytes(element: Any) -> bytes:
    """An element as UTF-8 XML, for the styles cache."""
    from lxml import etree

    return etree.tostring(element, encoding="UTF-8")
