"""The give and take of a paragraph's characters: what :mod:`.fitting` weighs when it breaks lines.

Measured per character of a :class:`~.text.SetText` from its faces and style:

* **keeps**: each figure (a :class:`~jjj_brief.document.Figure` node, so the
  model says where it is, not a pattern) is kept whole from its number on
  (:func:`figure_keep`): ``1.7 trillion yuan``, ``10.2 percent`` and
  ``2380亿美元`` never lose their unit to the next line, while a qualifier
  or direction before the number (``about``, ``up``, ``约``, ``同比增长``)
  may end a line like any word;
* **stretch**, for justified text: a word space may comfortably widen by
  half its width, a Han character's gap by :data:`MAX_HAN_GAP` em;
* **shrink**: a word space may give up a third of its width (as in TeX) and
  Latin text 1 % of its tracking, a closing Chinese mark its blank half
  (:mod:`.punctuation`); adjacent marks are compressed outright;
* **hyphens**, in justified English (``TextStyle.hyphenate``): dictionary
  points outside figures (:mod:`..text.hyphenation`).

Why the caps: ``pdftotext`` (poppler) reads a gap wider than about 0.1 em
between two characters as a word space, which would put spurious spaces
inside extracted Chinese.  Han gaps are therefore kept under
:data:`MAX_HAN_GAP` em.
"""

from __future__ import annotations

from collections.abc import Sequence

from jjj_brief.scripts import is_wide
from jjj_brief.writers.text.fitting import Glue
from jjj_brief.writers.text.hyphenation import hyphen_points

MAX_HAN_GAP = 0.08
"""Largest extra space between two Han characters, in em (poppler splits words at ~0.1 em)."""

MAX_WORD_GAP = 0.6
"""Largest extra space added to one word space in Chinese text, in em (Latin text always fills its line)."""

SPACE_STRETCH = 0.5
"""How far a word space may comfortably widen, as a share of its width (badness 1 at 1.5 × normal)."""

SPACE_SHRINK = 1 / 3
"""How much of its width a word space may give up when a line is pushed in (TeX's interword shrink)."""

LETTER_SHRINK = 0.01
"""Tracking a pushed-in Latin line may lose, in em per character (1 %: below what a reader sees, far
below poppler's overlap threshold of 0.2 em); it lets a line take a figure that misses by a few points."""


def figure_keep(text: str, start: int, end: int) -> tuple[int, int]:
    """The unbreakable part of the figure ``text[start:end]``: from the token holding its first digit on.

    The token reaches back over a sign or currency symbol (``-8.5``, ``CN¥2.43``)
    but not over a space or a Han character; a figure with no digit
    (``almost doubled``, ``接近翻一番``) is kept whole.

    >>> text = "up 10.2 percent year on year, 约2380亿美元"
    >>> [text[slice(*figure_keep(text, a, b))] for a, b in ((0, 28), (30, 38))]
    ['10.2 percent year on year', '2380亿美元']
    """
    digit = next((i for i in range(start, end) if "0" <= text[i] <= "9"), None)
    if digit is None:
        return start, end
    while digit > start and not text[digit - 1].isspace() and not is_wide(text[digit - 1]):
        digit -= 1
    return digit, end


def paragraph_glue(
    text: str,
    advances: Sequence[float],
    spare: Sequence[float],
    size: float,
    *,
    keeps: tuple[tuple[int, int], ...],
    justified: bool,
    chinese: bool,
    hyphenate: str | None,
    hyphen_width: float,
) -> Glue:
    """The :class:`Glue` of one paragraph (see the module docstring); ``spare[i]``: points a closing mark
    may give up (:func:`.punctuation.compress`)."""
    if not justified:
        return Glue(keeps=keeps)
    stretch = [0.0] * len(text)
    shrink = list(spare)
    for i, ch in enumerate(text):
        if ch == " ":
            stretch[i] = SPACE_STRETCH * advances[i]
            shrink[i] = SPACE_SHRINK * advances[i] + LETTER_SHRINK * size
        elif is_wide(ch):
            stretch[i] = MAX_HAN_GAP * size
        elif not shrink[i]:
            shrink[i] = LETTER_SHRINK * size
    hyphens = hyphen_points(text, hyphenate, keeps) if hyphenate else []
    return Glue(
        keeps=keeps, stretch=stretch, shrink=shrink, hyphens=hyphens, hyphen_width=hyphen_width, push_in_first=chinese
    )
