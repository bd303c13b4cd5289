"""Chinese punctuation compression (标点挤压): the blank half of a full-width mark, given up where it shows.

A full-width mark (``，。：《》“”``) takes a whole em, but its ink fills only
half of it: in Simplified Chinese faces the closing marks sit in the left
half and the opening ones in the right half; Traditional faces centre
``。，、：`` with a quarter em of blank either side.  Set side by side, two
marks then show a gap of one em or more (``：《``, ``》，``, ``。”``), which
is what W3C clreq § 3.1.6 and JIS X 4051 § 3.1 tell a typesetter to close:

* **adjacent marks**: the blank between two consecutive marks is cut to
  about half an em: the first mark's trailing blank goes, or, when it has
  none (two opening marks, ``（《``), the second mark's leading blank, which
  comes to the same thing as narrowing the first;
* **justification**: a closing mark may give up its trailing blank when a
  line needs squeezing (:attr:`.fitting.Glue.shrink`), the line-end mark
  first; that is what lets a line take one more character instead of being
  stretched.

How a mark is narrowed: it is drawn in a *half-width twin* of its face
(:func:`half_width_face`), the same glyphs with the narrowed marks' widths
in the PDF's ``/Widths``.  Not by a negative character spacing: poppler
measures a glyph's box by its font width whatever the spacing, reads the next
glyph as overlapping it, and splits the word there (``pdftotext`` then put
``，2024年。`` on a line of its own).  With the twin, every glyph's box is its
advance, and extracted text reads on.

The blanks are not a table of characters: they are read from the glyph
outlines of the face that draws each mark (the ``glyf`` bounding box), so SC
and TC faces both come out right, and a mark whose ink fills its em (or a
narrow Latin quote) gives up nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from functools import cache
from struct import unpack

CLOSING = frozenset("，。、：；！？）」』》〉】〕〗〙〛｝］”’")
OPENING = frozenset("（「『《〈【〔〖〘〚｛［“‘")
MARKS = CLOSING | OPENING

HALF, QUARTER = 0.5, 0.25
TOLERANCE = 0.05
"""Ink may reach this far (em) into the half it gives up: ``？`` in Noto Serif SC ends at 0.458 em."""


@cache
def blanks(font_name: str, ch: str) -> tuple[float, float]:
    """The blank (em) ``ch`` may give up on its left and its right, as drawn in ``font_name``.

    Half an em where the ink leaves that half empty, a quarter where the mark
    is centred with a quarter em free each side, else nothing; only for the
    marks in :data:`CLOSING` and :data:`OPENING`.
    """
    if ch not in CLOSING and ch not in OPENING:
        return 0.0, 0.0
    ink = _ink_extent(font_name, ch)
    if ink is None:
        return 0.0, 0.0
    left, right = ink
    if left + TOLERANCE >= HALF or right + TOLERANCE >= HALF:
        return (HALF if left + TOLERANCE >= HALF else 0.0), (HALF if right + TOLERANCE >= HALF else 0.0)
    if left + TOLERANCE >= QUARTER and right + TOLERANCE >= QUARTER:
        return QUARTER, QUARTER
    return 0.0, 0.0


def _ink_extent(font_name: str, ch: str) -> tuple[float, float] | None:
    """Blank (em) left of the ink and right of it, from the glyph's bounding box; None without outlines."""
    from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

    face = getattr(getFont(font_name), "face", None)
    glyph = getattr(face, "charToGlyph", {}).get(ord(ch))
    if face is None or glyph is None or "glyf" not in getattr(face, "table", {}):
        return None
    start, end = face.glyphPos[glyph], face.glyphPos[glyph + 1]
    if end - start < 10:
        return None  # an empty glyph
    glyf, _ = face.get_table_pos("glyf")
    _, x_min, _, x_max, _ = unpack(">hhhhh", face.get_chunk(glyf + start, 10))
    em = face.unitsPerEm
    advance = stringWidth(ch, font_name, 1000.0) / 1000.0
    return x_min / em, advance - x_max / em


def reduction(font_name: str, ch: str) -> float:
    """The em ``ch`` gives up when narrowed: its trailing blank, or an opening mark's leading one."""
    left, right = blanks(font_name, ch)
    return right or (left if ch in OPENING else 0.0)


@cache
def half_width_face(font_name: str) -> str:
    """The name of a twin of ``font_name`` whose compressible marks are narrowed (registered once).

    It shares the parsed font file; only its width table differs, and its
    PostScript name, so no viewer can mistake one embedded subset for the other.
    """
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase import pdfmetrics

    twin_name = f"{font_name}-HalfWidthMarks"
    base = pdfmetrics.getFont(font_name)
    twin = copy.copy(base)
    twin.fontName = twin_name
    twin.state = WeakKeyDictionary()
    twin.face = face = copy.copy(base.face)
    face.name = face.name + b"-HalfWidthMarks"
    face.charWidths = dict(face.charWidths)
    for ch in MARKS:
        em = reduction(font_name, ch)
        if em and ord(ch) in face.charWidths:
            face.charWidths[ord(ch)] = round(face.charWidths[ord(ch)] - em * 1000)
    pdfmetrics.registerFont(twin)
    return twin_name


def compress(text: str, faces: Sequence[str], raised: Sequence[bool] | None = None) -> tuple[list[str], list[float]]:
    """The faces with each mark followed by another set in the half-width twin; what each other closing
    mark may still give up (em).

    A closing mark followed by a superscript (``raised``: a source mark,
    ``。[1]``) is narrowed too, so the mark sits against the text it refers to.

    >>> compress("好。", ["X", "X"])  # a face reportlab does not know gives up nothing
    (['X', 'X'], [0.0, 0.0])
    """
    drawn = list(faces)
    spare = [0.0] * len(text)
    for i, ch in enumerate(text):
        em = _safe(reduction, faces[i], ch) if ch in MARKS else 0.0
        if not em:
            continue
        if _closes_up(text, faces, raised, i, em):
            drawn[i] = half_width_face(faces[i])
        elif ch in CLOSING:
            spare[i] = em
    return drawn, spare


def _closes_up(text: str, faces: Sequence[str], raised: Sequence[bool] | None, i: int, em: float) -> bool:
    """Whether the mark ``text[i]`` is narrowed for what follows it (see :func:`compress`)."""
    if i + 1 >= len(text):
        return False
    if raised is not None and raised[i + 1] and not raised[i]:
        return text[i] in CLOSING
    nxt = text[i + 1]
    return nxt in MARKS and (text[i] in CLOSING or _safe(lambda f, c: blanks(f, c)[0], faces[i + 1], nxt) >= em)


def _safe(measure: Callable[[str, str], float], font_name: str, ch: str) -> float:
    """``measure(font_name, ch)``, or nothing for a name reportlab has not registered."""
    try:
        return measure(font_name, ch)
    except KeyError:
        return 0.0
