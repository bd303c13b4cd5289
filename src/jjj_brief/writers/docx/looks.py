"""How each DOCX paragraph style looks, edition by edition, measured to match the PDF.

The numbers mirror the PDF house style (:mod:`jjj_brief.writers.pdf.styles`)
role by role: the same size, the same line pitch, the same space before and
after, the same colours.  Lines are set at an *exact* pitch
(``w:lineRule="exact"``, Word's 固定值) rather than a multiple of the font's
own height: Noto, SimSun and Times have very different ascents, so "single"
spacing would give every reader (and every fallback face) its own page count.
An exact pitch also puts every baseline of a table row at the same height,
whatever face a cell is set in (LibreOffice places the baseline at 80 % of an
exact line), so a Latin-only cell no longer sits higher than its Chinese
neighbour.  Pictures are the exception: an exact pitch would clip them, so the
``Figure`` style keeps single spacing.

Kept apart from :mod:`.house` (which faces an edition uses) and from
:mod:`.styles` (which turns these into Word styles).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from jjj_brief.writers.palette import ACCENT_EN, ACCENT_ZH, GREY, INK

BOX_GAP = 10.0  # the PDF's space under the key-points box
GRID_PITCH = 579 / 20  # 28.95 pt: 22 lines on GB/T 9704's 225 mm type area, in whole twips
GRID_TRACKING = -0.25  # 28 characters of 16 pt on its 156 mm line
BULLET_AT = 8.0  # where the PDF draws a list's bullet: 6 pt and the bullet's width before the text
Face = Literal["serif", "sans", "kai", "song"]
Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Look:
    """One paragraph style: face role, size and exact pitch in points, spacing, colour, indents."""

    face: Face = "serif"
    size: float = 12.0
    pitch: float | None = 18.0  # exact line pitch; None keeps single spacing (pictures)
    bold: bool = False
    colour: str = INK
    before: float = 0.0
    after: float = 0.0
    align: Align = "left"
    indent_chars: int = 0  # a first-line indent in characters (Chinese 首行缩进两字)
    left: float = 0.0  # left indent
    hanging: float = 0.0  # a hanging first line (a source's [n])
    tracking: float = 0.0  # letter spacing (the 简报 fits 28 characters of 16 pt to its line)


Looks = tuple[tuple[str, Look], ...]


@dataclass(frozen=True)
class Edition:
    """What the styles of one edition need besides faces: every style's look and the accents."""

    looks: Looks
    accent: str  # title, rules, box border, table rules
    cell: Look  # the Key Figures table's cells; its header row is ``head_cell``
    head_cell: Look

    def look(self, name: str) -> Look:
        """The look of the style ``name``; KeyError for a style this edition does not set."""
        return dict(self.looks)[name]


def english() -> Edition:
    """The English research note: Noto Serif 11/15.5 body, Noto Sans headings in navy."""
    body = Look("serif", 11, 15.5, after=6)
    sans = Look("sans", 11, 15.5)
    small = replace(body, size=9.5, pitch=12.5, after=0)
    note = replace(small, size=9, pitch=12, colour=GREY, after=6)
    return Edition(
        looks=_research(
            title=replace(sans, size=22, pitch=28, bold=True, colour=ACCENT_EN),
            subtitle=replace(sans, size=13, pitch=18, colour=GREY),
            dateline=replace(sans, size=10.5, pitch=15, colour=GREY, after=10),
            heading1=replace(sans, size=16, pitch=20, bold=True, colour=ACCENT_EN, before=10, after=4),
            heading2=replace(sans, size=13, pitch=17, bold=True, before=8, after=3),
            body=body,
            lead=replace(sans, size=11.5, pitch=16, align="justify", after=10),
            note=note,
            bullet=replace(body, left=16, hanging=16 - BULLET_AT, after=3),
            source=replace(small, left=22, hanging=22, after=2),
            caption=replace(sans, size=10, pitch=14, bold=True, before=6, after=3),
            furniture=replace(sans, size=8.5, pitch=11, colour=GREY),
            accent=ACCENT_EN,
        ),
        accent=ACCENT_EN,
        cell=small,
        head_cell=replace(small, face="sans", bold=True),
    )


def chinese() -> Edition:
    """The Chinese research note: Song 12/21 body indented two characters, Hei headings, red title."""
    body = Look("serif", 12, 21, after=2, align="justify", indent_chars=2)
    plain = replace(body, indent_chars=0, align="left", after=0)
    small = replace(plain, size=10.5, pitch=16)
    return Edition(
        looks=_research(
            title=replace(plain, face="sans", size=22, pitch=32, bold=True, align="center", colour=ACCENT_ZH),
            subtitle=replace(plain, size=14, pitch=21, align="center"),
            dateline=replace(small, colour=GREY, align="center", after=10),
            heading1=replace(plain, face="sans", size=16, pitch=24, bold=True, before=10, after=4),
            heading2=replace(plain, face="sans", size=14, pitch=21, bold=True, before=6, after=2),
            body=body,
            lead=replace(body, pitch=20, after=10),
            note=replace(small, colour=GREY, after=4),
            bullet=replace(plain, left=18, hanging=18 - BULLET_AT, after=2),
            source=replace(small, left=24, hanging=24, after=2),
            caption=replace(plain, face="sans", size=10.5, pitch=16, bold=True, before=6, after=3),
            furniture=replace(small, size=9, pitch=12, colour=GREY),
            accent=ACCENT_ZH,
        ),
        accent=ACCENT_ZH,
        cell=replace(small, pitch=15),
        head_cell=replace(small, face="sans", pitch=15, bold=True),
    )


def jianbao() -> Edition:
    """The 简报 as GB/T 9704 sets a 公文 (and the PDF): 22 lines of 28 characters of 三号 (16 pt).

    The type area is 156 mm (442.2 pt) wide; 28 characters of 16 pt need
    448 pt, so the size stays 三号 and the characters close up by 0.25 pt
    (``w:spacing`` -5 twips: 15.75 pt each, the nearest Word can say to the
    PDF's 15.79).  Word's own way, the document grid (``w:docGrid
    linesAndChars``), is not used: LibreOffice 7.4 lays such a page out with
    a wider cell (measured: 5 pages instead of 3).  Lines are 28.95 pt apart
    (the type area's height / 22, rounded down to a twip so 22 lines fit).
    Headings are indented two characters like the paragraphs, as office
    practice sets them; 黑体 and 楷体 are not made bold (they carry their own
    weight, and Word would embolden them artificially).
    """
    base = chinese()
    body = Look("serif", 16, GRID_PITCH, align="justify", indent_chars=2, tracking=GRID_TRACKING)
    plain = replace(body, indent_chars=0, align="left", tracking=0.0)
    looks = dict(base.looks)
    looks.update(
        {
            # The PDF's 10 pt before the title is absorbed by the 16 pt under the red rule (Word adds them).
            "Title": replace(plain, face="song", size=22, pitch=36, bold=True, align="center", after=6),
            "Subtitle": replace(plain, align="center", after=6),
            "Heading 1": replace(body, face="sans", align="left"),
            "Heading 2": replace(body, face="kai", align="left"),
            "Body Text": body,
            "Lead": body,
            "List Bullet": replace(plain, left=32, hanging=32 - BULLET_AT),
            "Classification Mark": replace(plain, face="sans", bold=True),
            "Masthead": replace(
                plain, face="song", size=40, pitch=56, bold=True, align="center", colour=ACCENT_ZH, before=6
            ),
            "Issue Number": replace(plain, align="center", after=10),
            "Issuer Line": replace(plain, size=14, pitch=22, after=16),
            "Editor Note": replace(body, face="kai", indent_chars=0, left=32, after=8),
            "Distribution": replace(plain, size=14, pitch=24, left=14),
            "Distribution Copies": replace(plain, size=14, pitch=24, align="right"),
            "Page Number Odd": replace(plain, face="song", size=14, pitch=18, align="right"),
            "Page Number Even": replace(plain, face="song", size=14, pitch=18),
        }
    )
    return replace(base, looks=tuple(looks.items()))


def _research(
    *,
    title: Look,
    subtitle: Look,
    dateline: Look,
    heading1: Look,
    heading2: Look,
    body: Look,
    lead: Look,
    note: Look,
    bullet: Look,
    source: Look,
    caption: Look,
    furniture: Look,
    accent: str,
) -> Looks:
    """The research note's styles by name, from the PDF's roles; derived styles follow their role.

    The PDF (reportlab) lets the space before a paragraph absorb the space
    after the one above (the gap is the larger of the two); Word and
    LibreOffice add them.  So what follows body text starts the body's space
    after earlier here, and the paragraph that keeps a box apart from what
    follows is as short as the box's 10 pt gap allows.
    """
    heading1, heading2, caption = (
        replace(look, before=max(look.before - body.after, 0)) for look in (heading1, heading2, caption)
    )
    return (
        ("Title", title),
        ("Subtitle", subtitle),
        ("Dateline", dateline),
        ("Heading 1", heading1),
        ("Heading 2", heading2),
        ("Heading 3", replace(heading2, size=body.size)),
        ("Body Text", body),
        ("Lead", lead),
        ("Note", note),
        ("List Bullet", bullet),
        ("Source Entry", source),
        ("Caption", caption),
        ("Table Note", replace(note, before=3)),
        ("Box Title", replace(heading2, colour=accent, before=0, after=2)),
        ("Editor Note", replace(lead, face=body.face)),
        ("Figure", replace(caption, bold=False, pitch=None, before=0, after=2, align="center")),
        ("Spacer", Look(size=1, pitch=max(BOX_GAP - heading1.before, 1))),
        ("Header", furniture),
        ("Footer", furniture),
    )
