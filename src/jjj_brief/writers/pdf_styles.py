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

from .fonts import is_chinese
from .pdf_text import TextStyle

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

    def paragraph(self, role: str) -> TextStyle:
        """The style of a paragraph role; an unknown role reads as body text."""
        return {"lead": self.lead, "note": self.note}.get(role, self.body)


def house_style(lang: str) -> HouseStyle:
    """The house style for a BCP 47 language tag: Chinese rules for ``zh*``, English otherwise."""
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
