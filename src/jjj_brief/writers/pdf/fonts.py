"""The bundled fonts: finding the files, registering each face once, choosing a face per character.

Why this shape:

* Only bundled files are used (``jjj_brief.resources.FONTS_DIR``, see the
  README there), so a PDF looks the same on every machine; no system font is
  assumed.
* A face is registered with reportlab the first time a document sets a
  character in it, once per process: an English document never pays for the
  Chinese fonts, a Simplified one never for the Traditional faces, a research
  note never for the 简报's FangSong, Kai or Black Song.  Parsing a CJK face
  costs ~0.1 s, so the parsed data is kept between runs (:mod:`.facecache`).
* Text is set in two faces at once: Han characters and full-width marks in
  the CJK face, everything else in the Latin face (Noto Serif / Noto Sans).
  Quotes, dashes and ellipses shared by both scripts follow the document's
  language.  CJK faces have no italic: emphasis in Han text stays upright.
* A style names a :data:`Family` (a role's face class), and the Han face
  follows from it and the glyph forms (:func:`jjj_brief.scripts.han_forms`):

  ======== ============================ ==============================
  family   Simplified (zh)              Traditional (zh_Hant)
  ======== ============================ ==============================
  serif    Noto Serif SC (宋体)          Noto Serif TC (明體)
  sans     Noto Sans SC (黑体)           Noto Sans TC (黑體)
  fangsong Zhuque Fangsong (仿宋)        Noto Serif TC
  kai      LXGW WenKai (楷体)            Noto Serif TC
  display  Noto Serif SC Black (小标宋)  Noto Serif TC Bold
  ======== ============================ ==============================

  Bold Han text is Noto Sans Bold (黑体) in every family but ``display``:
  bold Song is rare in Chinese print, where emphasis and headings take Hei.
  No FangSong or Kai face with Traditional glyph forms is bundled, so a
  Traditional document sets those roles in Noto Serif TC: right glyph forms
  (``。，、：`` centred, 說 真 骨 as Taiwan writes them) over the face's class.
  Fangsong, kai and display set Latin letters and digits in their own face
  (:func:`latin_faces`), the others in Noto Serif or Noto Sans.
* A character the role's face lacks (Zhuque Fangsong has about half of GBK's
  hanzi) is set in the plain face of its weight (:data:`HAN_FALLBACK`), so
  a rare name never becomes a box.
* A character no face covers (emoji, rare scripts) does not stop the build:
  it is drawn as a visible stand-in, the first of :data:`REPLACEMENTS` the
  faces have: U+FFFD if the Latin face has it, in Chinese documents the
  geta mark 〓 (the typesetter's own missing-character mark), else ``?``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from jjj_brief.errors import BriefError
from jjj_brief.resources import FONTS_DIR
from jjj_brief.scripts import AMBIG, SPACE, WIDE, HanForms, char_class

Family = Literal["serif", "sans", "fangsong", "kai", "display"]
Forms = HanForms  # which CJK faces: jjj_brief.scripts.han_forms of the document's language

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


def _han_faces() -> dict[tuple[Family, bool, Forms], Face]:
    """The table in the module docstring, as data."""
    faces: dict[tuple[Family, bool, Forms], Face] = {}
    for forms in ("SC", "TC"):
        serif, hei = _han(f"NotoSerif{forms}", "Regular"), _han(f"NotoSans{forms}", "Bold")
        regular: dict[Family, Face] = {
            "serif": serif,
            "sans": _han(f"NotoSans{forms}", "Regular"),
            "fangsong": _han("ZhuqueFangsong", "Regular") if forms == "SC" else serif,
            "kai": _han("WenKai", "Regular") if forms == "SC" else serif,
        }
        for family, face in regular.items():
            faces[(family, False, forms)] = face
            faces[(family, True, forms)] = hei
        display = _han("NotoSerifSC", "Black") if forms == "SC" else _han("NotoSerifTC", "Bold")
        faces[("display", False, forms)] = faces[("display", True, forms)] = display
    return faces


HAN_FACES: dict[tuple[Family, bool, Forms], Face] = _han_faces()

HAN_FALLBACK: dict[tuple[bool, Forms], Face] = {
    (bold, forms): HAN_FACES[("serif", bold, forms)] for bold in (False, True) for forms in ("SC", "TC")
}
"""Where a character the role's face lacks is set: the plain Song (or Hei, for bold) of the same forms."""


def latin_faces(family: Family, bold: bool, italic: bool, forms: Forms = "SC") -> tuple[Face, ...]:
    """The faces Latin letters and digits are set in, in order of preference.

    Serif and sans take Noto Serif and Noto Sans.  FangSong, Kai and the display
    Song take their own Latin glyphs first, drawn to match their strokes (as
    仿宋_GB2312's own digits are in print: Noto Serif's beside FangSong look a
    size too heavy), then Noto Serif for what they lack; bold FangSong and Kai
    text is Hei, with Noto Serif Bold for its Latin letters.
    """
    if family in ("serif", "sans"):
        return (LATIN_FACES[(family, bold, italic)],)
    generic = LATIN_FACES[("serif", bold or family == "display", italic)]
    if bold and family != "display":
        return (generic,)
    return (HAN_FACES[(family, bold, forms)], generic)


def find_face_file(face: Face, folder: Path = FONTS_DIR) -> Path:
    """The file for ``face``: the first pattern that matches in ``folder``."""
    for pattern in face.patterns:
        found = sorted(folder.glob(pattern)) if folder.is_dir() else []
        if found:
            return found[0]
    raise FontMissingError(f"font {face.patterns[0]} not found in {folder}", hint="reinstall jjj-brief")


@cache
def register(face: Face) -> Any:  # a reportlab.pdfbase.ttfonts.TTFont
    """Register ``face`` with reportlab, once per process (parsed, or from the face cache:
    :mod:`.facecache`); returns the TTFont."""
    from reportlab.pdfbase import pdfmetrics

    from jjj_brief.writers.pdf.facecache import load_font

    font = load_font(face.name, find_face_file(face), face.subfont_index)
    pdfmetrics.registerFont(font)
    return font


@dataclass
class FaceChooser:
    """Chooses, per character, the face (and the character actually drawn) for one text style.

    ``ambiguous_in_han`` sends quotes, dashes and ellipses to the CJK face
    (right for Chinese, where they are full-width); ``forms`` picks the SC or
    TC faces.
    """

    family: Family
    bold: bool = False
    italic: bool = False
    ambiguous_in_han: bool = False
    forms: Forms = "SC"
    _memo: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)

    def choose(self, ch: str) -> tuple[str, str]:
        """``(character to draw, reportlab font name)`` for ``ch``."""
        hit = self._memo.get(ch)
        if hit is None:
            hit = self._memo[ch] = self._choose(ch)
        return hit

    def _choose(self, ch: str) -> tuple[str, str]:
        latin = latin_faces(self.family, self.bold, self.italic, self.forms)
        kind = char_class(ch)
        if kind == SPACE:
            return " ", register(latin[0]).fontName
        prefer_han = kind == WIDE or (kind == AMBIG and self.ambiguous_in_han)
        han = tuple(
            dict.fromkeys((HAN_FACES[(self.family, self.bold, self.forms)], HAN_FALLBACK[(self.bold, self.forms)]))
        )
        last_han = None
        for face in dict.fromkeys((*han, *latin) if prefer_han else (*latin, *han)):
            font = _load(face, required=prefer_han or face in latin)
            if font is not None and face in han:
                last_han = font
            if font is not None and _covers(font, ch):
                return ch, font.fontName
        return self._stand_in(register(latin[-1]), last_han)

    def _stand_in(self, latin: Any, han: Any) -> tuple[str, str]:
        """The visible mark drawn for a character no face has (see the module docstring)."""
        replacement, geta, question = REPLACEMENTS
        if _covers(latin, replacement):
            return replacement, latin.fontName
        if self.ambiguous_in_han and han is not None and _covers(han, geta):
            return geta, han.fontName
        return question, latin.fontName


def _load(face: Face, required: bool) -> Any:  # a TTFont, or None
    """``face`` registered; a missing file is an error only when ``required``.

    CJK files only matter when Han text needs them: an English document asks
    for a CJK face only for a character its Latin face lacks, so it parses
    none unless its text needs one.
    """
    try:
        return register(face)
    except FontMissingError:
        if required:
            raise
        return None


def _covers(font: Any, ch: str) -> bool:
    return ord(ch) in font.face.charToGlyph


def base_font_name() -> str:
    """The canvas's initial font: a bundled face, so no unembedded Helvetica enters the file."""
    face = LATIN_FACES[("serif", False, False)]
    register(face)
    return face.name


@cache
def chooser(family: Family, bold: bool, italic: bool, ambiguous_in_han: bool, forms: Forms = "SC") -> FaceChooser:
    """The shared chooser for one style, so its memo serves every paragraph in the process."""
    return FaceChooser(family, bold, italic, ambiguous_in_han, forms)
