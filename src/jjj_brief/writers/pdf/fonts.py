"""The bundled fonts: finding the files, registering each face once, choosing a face per character.

Why this shape:

* Only bundled files are used (``jjj_brief.resources.FONTS_DIR``, see the
  README there), so a PDF looks the same on every machine; no system font is
  assumed.
* A face is parsed and registered with reportlab the first time a document
  needs it (registering a CJK face costs 0.05-0.1 s), once per process: an
  English document never pays for the Chinese fonts.
* Text is set in two faces at once: Han characters and full-width marks in
  the CJK face, everything else in the Latin face (Noto Serif / Noto Sans).
  Quotes, dashes and ellipses shared by both scripts follow the document's
  language.  CJK faces have no italic: emphasis in Han text stays upright.
* Bold Han text is Noto Sans SC Bold whatever the family (see ``HAN_FACES``).
* Traditional Chinese (``zh-TW``, ``zh-Hant``) is set in the SC faces, the
  only CJK faces bundled: some characters then take mainland glyph forms.
* A character no face covers (emoji, rare scripts) does not stop the build:
  it is drawn as a visible stand-in, the first of :data:`REPLACEMENTS` the
  faces have: U+FFFD if the Latin face has it, in Chinese documents the
  geta mark 〓 (the typesetter's own missing-character mark), else ``?``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from jjj_brief.errors import BriefError
from jjj_brief.resources import FONTS_DIR

from jjj_brief.scripts import AMBIG, SPACE, WIDE, char_class

Family = Literal["serif", "sans"]
Script = Literal["latin", "han"]

REPLACEMENTS = ("\ufffd", "〓", "?")


class FontMissingError(BriefError):
    """A bundled font file is not where the installation should have put it."""


@dataclass(frozen=True)
class Face:
    """One font file as reportlab knows it: ``name`` is the registered font name."""

    name: str
    patterns: tuple[str, ...]
    subfont_index: int = 0


def _latin(stem: str) -> Face:
    return Face(f"JJJ-{stem}", (f"{stem}.ttf",))


def _han(family: str, weight: str) -> Face:
    # A regenerated file might carry a suffix (e.g. an OFL reserved-name rename).
    return Face(f"JJJ-{family}-{weight}", (f"{family}-{weight}.ttf", f"{family}*-{weight}.ttf"))


LATIN_FACES: dict[tuple[Family, bool, bool], Face] = {
    ("serif", False, False): _latin("NotoSerif-Regular"),
    ("serif", True, False): _latin("NotoSerif-Bold"),
    ("serif", False, True): _latin("NotoSerif-Italic"),
    ("serif", True, True): _latin("NotoSerif-BoldItalic"),
    ("sans", False, False): _latin("NotoSans-Regular"),
    ("sans", True, False): _latin("NotoSans-Bold"),
    ("sans", False, True): _latin("NotoSans-Regular"),  # no sans italic bundled: upright
    ("sans", True, True): _latin("NotoSans-Bold"),
}

HAN_FACES: dict[tuple[Family, bool], Face] = {
    ("serif", False): _han("NotoSerifSC", "Regular"),
    # Bold Han is set in Hei (黑体) even beside Song body text: bold Song is rare
    # in Chinese print, where emphasis and headings take Hei, and a Chinese
    # document then parses two CJK faces instead of three (~0.1 s each).
    ("serif", True): _han("NotoSansSC", "Bold"),
    ("sans", False): _han("NotoSansSC", "Regular"),
    ("sans", True): _han("NotoSansSC", "Bold"),
}


def find_face_file(face: Face, folder: Path = FONTS_DIR) -> Path:
    """The file for ``face``: the first pattern that matches in ``folder``."""
    for pattern in face.patterns:
        found = sorted(folder.glob(pattern)) if folder.is_dir() else []
        if found:
            return found[0]
    raise FontMissingError(f"font {face.patterns[0]} not found in {folder}", hint="reinstall jjj-brief")


@cache
def register(face: Face):  # -> reportlab.pdfbase.ttfonts.TTFont
    """Parse and register ``face`` with reportlab, once per process; returns the TTFont."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(face.name, str(find_face_file(face)), subfontIndex=face.subfont_index)
    pdfmetrics.registerFont(font)
    return font


@dataclass
class FaceChooser:
    """Chooses, per character, the face (and the character actually drawn) for one text style.

    ``ambiguous_in_han`` sends quotes, dashes and ellipses to the CJK face
    (right for Chinese, where they are full-width).
    """

    family: Family
    bold: bool = False
    italic: bool = False
    ambiguous_in_han: bool = False
    _memo: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)

    def choose(self, ch: str) -> tuple[str, str]:
        """``(character to draw, reportlab font name)`` for ``ch``."""
        hit = self._memo.get(ch)
        if hit is None:
            hit = self._memo[ch] = self._choose(ch)
        return hit

    def _choose(self, ch: str) -> tuple[str, str]:
        latin = register(LATIN_FACES[(self.family, self.bold, self.italic)])
        kind = char_class(ch)
        if kind == SPACE:
            return " ", latin.fontName
        prefer_han = kind == WIDE or (kind == AMBIG and self.ambiguous_in_han)
        if not prefer_han and _covers(latin, ch):
            return ch, latin.fontName
        han = self._han_font(required=prefer_han)
        if han is not None and _covers(han, ch):
            return ch, han.fontName
        if _covers(latin, ch):
            return ch, latin.fontName
        return self._stand_in(latin, han)

    def _stand_in(self, latin, han) -> tuple[str, str]:
        """The visible mark drawn for a character no face has (see the module docstring)."""
        replacement, geta, question = REPLACEMENTS
        if _covers(latin, replacement):
            return replacement, latin.fontName
        if self.ambiguous_in_han and han is not None and _covers(han, geta):
            return geta, han.fontName
        return question, latin.fontName

    def _han_font(self, required: bool):
        """The CJK face; missing files only matter when Han text needs it.

        An English document asks for it only for a character its Latin face
        lacks, so it parses no CJK face unless its text needs one.
        """
        try:
            return register(HAN_FACES[(self.family, self.bold)])
        except FontMissingError:
            if required:
                raise
            return None


def _covers(font, ch: str) -> bool:
    return ord(ch) in font.face.charToGlyph


def base_font_name() -> str:
    """The canvas's initial font: a bundled face, so no unembedded Helvetica enters the file."""
    face = LATIN_FACES[("serif", False, False)]
    register(face)
    return face.name


@cache
def chooser(family: Family, bold: bool, italic: bool, ambiguous_in_han: bool) -> FaceChooser:
    """The shared chooser for one style, so its memo serves every paragraph in the process."""
    return FaceChooser(family, bold, italic, ambiguous_in_han)
