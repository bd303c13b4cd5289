"""The PDF house style: page geometry and one :class:`TextStyle` per role, per language.

Roles map to face classes here (body → serif, headings → sans bold; the
简报's FangSong, Kai and display Song), and :mod:`.fonts` maps each class to
its Latin and CJK files, Simplified or Traditional by the document's
language (:func:`jjj_brief.scripts.han_forms`), so a Chinese research note's body is
Noto Serif SC (Song style) with Noto Serif for Latin letters and digits, and
its headings Noto Sans SC Bold (Hei style).  Sizes follow the Chinese 号
scale the DOCX writer uses, so both editions share one rhythm: title 二号
22 pt, Heading 1 三号 16 pt, Heading 2 四号 14 pt, Chinese body 小四 12 pt,
tables, notes and sources 五号 10.5 pt, page furniture 小五 9 pt.  English
body text is a little smaller (11 pt) because Latin letters are narrower
than the Han em.  The 简报 is set as GB/T 9704 sets a 公文 (see :func:`_jianbao`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from jjj_brief.scripts import han_forms, is_chinese
from jjj_brief.writers.palette import (  # noqa: F401 - shared with the DOCX writer; PDF modules import them here
    ACCENT_EN,
    ACCENT_ZH,
    GREY,
    INK,
    LEAD_FILL,
    ZEBRA_FILL,
)
from jjj_brief.writers.pdf.text import TextStyle


@dataclass(frozen=True)
class PageGeometry:
    """A4 with the type area; margins leave room for the running header and footer."""

    size: tuple[float, float] = A4
    left: float = 25 * mm
    right: float = 25 * mm
    top: float = 28 * mm
    bottom: float = 27 * mm

    @property
    def frame_width(self) -> float:
        return self.size[0] - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.size[1] - self.top - self.bottom


@dataclass(frozen=True)
class PdfHouse:
    """Every text style the writer uses for one language, plus colours and geometry."""

    title: TextStyle
    subtitle: TextStyle
    dateline: TextStyle
    heading1: TextStyle
    heading2: TextStyle
    body: TextStyle
    lead: TextStyle
    note: TextStyle
    bullet: TextStyle
    source: TextStyle
    caption: TextStyle
    cell: TextStyle
    head_cell: TextStyle
    furniture: TextStyle
    accent: str
    page: PageGeometry = PageGeometry()
    bullet_mark: str = "•"
    jianbao: JianbaoStyle | None = None  # set for the Chinese 简报 house style only

    def paragraph(self, role: str) -> TextStyle:
        """The style of a paragraph role; an unknown role reads as body text."""
        editor_note = self.jianbao.editor_note if self.jianbao else self.lead
        return {"lead": self.lead, "note": self.note, "editor-note": editor_note}.get(role, self.body)


@dataclass(frozen=True)
class JianbaoStyle:
    """What only a 简报 has: the red masthead, the mark top left, 按语, the distribution block."""

    mark: TextStyle
    masthead: TextStyle
    issue: TextStyle
    issuer: TextStyle
    editor_note: TextStyle
    distribution: TextStyle
    page_number: TextStyle
    red: str = ACCENT_ZH


TIGHT_SPACING = 0.5


def tightened(house: PdfHouse) -> PdfHouse:
    """``house`` with half the space before and after each block: a layout that saves a last page."""

    def tight(style: TextStyle) -> TextStyle:
        return replace(
            style, space_before=style.space_before * TIGHT_SPACING, space_after=style.space_after * TIGHT_SPACING
        )

    names = (
        "title",
        "subtitle",
        "dateline",
        "heading1",
        "heading2",
        "body",
        "lead",
        "note",
        "bullet",
        "source",
        "caption",
    )
    changes: dict[str, Any] = {name: tight(getattr(house, name)) for name in names}
    return replace(house, **changes)


def ragged_latin(house: PdfHouse) -> PdfHouse:
    """``house`` with its justified Latin-script text styles set ragged right (Chinese stays on its grid)."""

    def ragged(style: TextStyle) -> TextStyle:
        return replace(style, align="left") if style.align == "justify" and not style.han_punctuation else style

    names = ("body", "lead", "note", "bullet", "source", "caption", "cell")
    changes: dict[str, Any] = {name: ragged(getattr(house, name)) for name in names}
    return replace(house, **changes)


# GB/T 9704-2012: A4, top 37 mm, bottom 35, left 28, right 26 (type area 156 x 225 mm).
GB_9704 = PageGeometry(left=28 * mm, right=26 * mm, top=37 * mm, bottom=35 * mm)


def house_style(lang: str, name: str = "research") -> PdfHouse:
    """The house style for a BCP 47 language tag and a ``Meta.house_style`` (research or jianbao)."""
    if name == "jianbao":
        return _jianbao(lang)
    return _chinese(lang) if is_chinese(lang) else _english(lang)


def _english(lang: str = "en-US") -> PdfHouse:
    """Justified body text hyphenated with the language's dictionary (``hyphenate``: only justified
    styles use it); everything small or in the sans is set ragged right."""
    body = TextStyle("serif", 11, 15.5, space_after=6, hyphenate=lang)
    small = replace(body, size=9.5, leading=12.5, align="left", space_after=0)
    sans = replace(body, family="sans", align="left", space_after=0)
    return PdfHouse(
        title=replace(sans, size=22, leading=28, bold=True, color=ACCENT_EN),
        subtitle=replace(sans, size=13, leading=18, color=GREY),
        dateline=replace(sans, size=10.5, leading=15, color=GREY, space_after=4),
        heading1=replace(sans, size=16, leading=20, bold=True, color=ACCENT_EN, space_before=10, space_after=4),
        heading2=replace(sans, size=13, leading=17, bold=True, space_before=8, space_after=3),
        body=body,
        lead=replace(sans, size=11.5, leading=16, align="justify", fill=LEAD_FILL, padding=7, space_after=10),
        note=replace(small, size=9, leading=12, color=GREY, space_after=6),
        bullet=replace(body, left_indent=16, space_after=3),
        source=replace(small, left_indent=22, space_after=2),
        caption=replace(sans, size=10, leading=14, bold=True, space_before=6, space_after=3),
        cell=replace(small, size=9.5),
        head_cell=replace(small, family="sans", size=9.5, bold=True),
        furniture=replace(sans, size=8.5, leading=11, color=GREY),
        accent=ACCENT_EN,
    )


def _chinese(lang: str) -> PdfHouse:
    body = TextStyle("serif", 12, 21, first_indent=24, space_after=2, han_punctuation=True, han_forms=han_forms(lang))
    small = replace(body, size=10.5, leading=16, first_indent=0, align="left", space_after=0)
    sans = replace(body, family="sans", first_indent=0, align="left", space_after=0)
    return PdfHouse(
        title=replace(body, size=22, leading=32, bold=True, first_indent=0, align="center", color=ACCENT_ZH),
        subtitle=replace(body, size=14, leading=21, first_indent=0, align="center", space_after=0),
        dateline=replace(small, color=GREY, align="center", space_after=4),
        heading1=replace(sans, size=16, leading=24, bold=True, space_before=10, space_after=4),
        heading2=replace(sans, size=14, leading=21, bold=True, space_before=6, space_after=2),
        body=body,
        lead=replace(body, leading=20, fill=LEAD_FILL, padding=7, space_after=10),
        note=replace(small, color=GREY, space_after=4),
        bullet=replace(body, first_indent=0, left_indent=18, space_after=2),
        source=replace(small, left_indent=24, space_after=2),
        caption=replace(sans, size=10.5, leading=16, bold=True, space_before=6, space_after=3),
        cell=replace(small, leading=15),
        head_cell=replace(small, family="sans", leading=15, bold=True),
        furniture=replace(small, size=9, leading=12, color=GREY),
        accent=ACCENT_ZH,
    )


GRID_CHARACTERS = 28
GRID_LINES = 22


def _jianbao(lang: str) -> PdfHouse:
    """The 简报, set as GB/T 9704-2012 sets a 公文: 22 lines of 28 characters of 三号 (16 pt) type.

    The type area is 156 mm (442.2 pt) wide, and 28 characters of 16 pt would
    need 448 pt.  The standard keeps the size (三号 is a size, and print
    shops measure it) and fits the characters to the grid: Word does it with
    the document grid (``w:docGrid w:type="linesAndChars"``), which sets each
    character in a cell of the measure / 28 = 15.79 pt while drawing the
    glyph at 16 pt, i.e. 0.21 pt of negative letter spacing.  So do we
    (``han_tracking``), rather than a 15.8 pt font that would no longer be
    三号: every Han character and full-width mark advances 15.79 pt, the
    two-character indents are two cells, and a line of Han text holds 28.
    Lines are the type area's height / 22 (28.99 pt) apart.

    Faces (notes/briefing-formats.md; :mod:`.fonts` for what is embedded):
    body 仿宋 (Zhuque Fangsong), 一、 headings 黑体 (Noto Sans Bold), （一）
    headings and the 按语 楷体 (LXGW WenKai), masthead and title 小标宋 (Noto
    Serif Black, the heaviest open Song), page numbers 宋体 digits.  Both
    heading levels are indented two characters, like paragraphs.
    """
    forms = han_forms(lang)
    pitch = GB_9704.frame_width / GRID_CHARACTERS
    body = TextStyle(
        "fangsong",
        16,
        GB_9704.frame_height / GRID_LINES,
        first_indent=2 * pitch,
        han_punctuation=True,
        han_forms=forms,
        han_tracking=pitch - 16,
    )
    plain = replace(body, first_indent=0, align="left", han_tracking=0.0)
    display = replace(plain, family="display", bold=True, align="center")
    base = _chinese(lang)
    return replace(
        base,
        title=replace(display, size=22, leading=36, space_before=10, space_after=6),
        subtitle=replace(plain, align="center", space_after=6),
        heading1=replace(body, family="sans", bold=True, align="left"),
        heading2=replace(body, family="kai", align="left"),
        body=body,
        lead=body,
        bullet=replace(body, first_indent=0, left_indent=2 * pitch),
        page=GB_9704,
        jianbao=JianbaoStyle(
            mark=replace(plain, family="sans", bold=True),
            masthead=replace(display, size=40, leading=56, color=ACCENT_ZH),
            issue=replace(plain, align="center", space_after=10),
            issuer=replace(plain, size=14, leading=22),
            editor_note=replace(body, family="kai", left_indent=2 * pitch, first_indent=0, space_after=8),
            distribution=replace(plain, size=14, leading=24, left_indent=14),
            page_number=replace(plain, family="serif", size=14, leading=18),
        ),
    )
