"""The PDF house style: page geometry and one :class:`TextStyle` per role, per language.

Roles map to faces here (body → serif, headings → sans bold), and
:mod:`.fonts` maps each face to its Latin and CJK files, so a Chinese body is
Noto Serif SC (Song style) with Noto Serif for Latin letters and digits, and
its headings Noto Sans SC Bold (Hei style).  Sizes follow the Chinese 号
scale the DOCX writer uses, so both editions share one rhythm (Chinese regular text other than headings stays in the Song
face, so a Chinese document parses just two CJK faces): title 二号
22 pt, Heading 1 三号 16 pt, Heading 2 四号 14 pt, Chinese body 小四 12 pt,
tables, notes and sources 五号 10.5 pt, page furniture 小五 9 pt.  English
body text is a little smaller (11 pt) because Latin letters are narrower
than the Han em.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from jjj_brief.scripts import is_chinese
from jjj_brief.writers.pdf.text import TextStyle

INK = "#000000"
GREY = "#595959"
ACCENT_ZH = "#B00000"  # the red rule of a Chinese 简报 masthead
ACCENT_EN = "#1F3A5F"
LEAD_FILL = "#EEF2F7"
ZEBRA_FILL = "#F2F4F7"


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
class HouseStyle:
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


# GB/T 9704-2012: A4, top 37 mm, bottom 35, left 28, right 26 (type area 156 x 225 mm).
GB_9704 = PageGeometry(left=28 * mm, right=26 * mm, top=37 * mm, bottom=35 * mm)


def house_style(lang: str, name: str = "research") -> HouseStyle:
    """The house style for a BCP 47 language tag and a ``Meta.house_style`` (research or jianbao)."""
    if name == "jianbao":
        return _jianbao()
    return _chinese() if is_chinese(lang) else _english()


def _english() -> HouseStyle:
    body = TextStyle("serif", 11, 15.5, space_after=6)
    small = replace(body, size=9.5, leading=12.5, align="left", space_after=0)
    sans = replace(body, family="sans", align="left", space_after=0)
    return HouseStyle(
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


def _chinese() -> HouseStyle:
    body = TextStyle("serif", 12, 21, first_indent=24, space_after=2, han_punctuation=True)
    small = replace(body, size=10.5, leading=16, first_indent=0, align="left", space_after=0)
    sans = replace(body, family="sans", first_indent=0, align="left", space_after=0)
    return HouseStyle(
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


def _jianbao() -> HouseStyle:
    """The 简报: body 三号 (16 pt) on a ~29 pt pitch, headings 黑体, title 二号, page numbers 四号.

    The PDF embeds free faces in the roles of the ones office PCs have: Noto
    Serif SC for 仿宋/宋体 body text, Noto Sans SC Bold for 黑体 headings, the
    masthead (小标宋 in print) and the （一） level (楷体 in print: no free Kai
    face is bundled, so it is set like a heading one size down in weight).
    """
    body = TextStyle("serif", 16, 29, first_indent=32, han_punctuation=True)
    plain = replace(body, first_indent=0, align="left")
    base = _chinese()
    return replace(
        base,
        title=replace(plain, size=22, leading=36, bold=True, align="center", space_before=10, space_after=6),
        subtitle=replace(plain, align="center", space_after=6),
        heading1=replace(plain, family="sans", bold=True, space_before=0),
        heading2=replace(plain, bold=True),
        body=body,
        lead=body,
        bullet=replace(body, first_indent=0, left_indent=32),
        page=GB_9704,
        jianbao=JianbaoStyle(
            mark=replace(plain, family="sans", bold=True),
            masthead=replace(plain, size=40, leading=56, bold=True, align="center", color=ACCENT_ZH),
            issue=replace(plain, align="center", space_after=10),
            issuer=replace(plain, size=14, leading=22),
            editor_note=replace(body, left_indent=32, first_indent=0, space_after=8),
            distribution=replace(plain, size=14, leading=24, left_indent=14),
            page_number=replace(plain, size=14, leading=18),
        ),
    )

