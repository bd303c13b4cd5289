"""Where an English word may be hyphenated at a line end: dictionary points, and the words we never touch.

Why a dictionary: justified English without hyphenation was measured with
word gaps up to 2.4 times normal; hyphenating by rule of thumb produces
breaks a reader trips over.  pyphen applies the hyphenation patterns
LibreOffice ships (the TeX patterns, as WeasyPrint uses them), so the points
are the ones a dictionary gives (``in-dus-trial``, ``equip-ment``).

Never hyphenated, whatever the dictionary says:

* words under :data:`MIN_LETTERS` letters (a hyphen there saves almost nothing);
* anything holding a digit or an apostrophe (fact text such as ``2.43``,
  ``PM2.5``, ``China's``);
* a compound at its own hyphen (``pdftotext`` joins a line ending in ``-``
  to the next and drops the hyphen, so ``Beijing-Tianjin-|Hebei`` would read
  back as ``Beijing-TianjinHebei``): its parts are hyphenated each on its own
  (``Bei-jing``, ``Tian-jin``), which reads back whole;
* words in capitals (``GDP``, ``TEU``) and the inside of kept spans (figures);
* anything longer than :data:`MAX_LETTERS` (no dictionary word is; a pasted
  hash or URL would only cost time).

At least two letters stay before a hyphen and three go after it, as in TeX's
English (``lefthyphenmin``/``righthyphenmin``).  This module knows no fonts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

MIN_LETTERS = 6
MAX_LETTERS = 40
LEFT, RIGHT = 2, 3

_TOKEN = re.compile(r"\S+")
_EDGE_MARKS = "\"'“”‘’([{)]}.,;:!?…—–"


@cache
def _dictionary(lang: str) -> Any:  # pyphen.Pyphen | None
    """The pyphen dictionary for a language tag (``en-US`` → ``en_US``), or None when there is none."""
    import pyphen

    name = pyphen.language_fallback(lang.replace("-", "_"))
    return pyphen.Pyphen(lang=name, left=LEFT, right=RIGHT) if name else None


@cache
def word_points(word: str, lang: str) -> tuple[int, ...]:
    """Offsets inside ``word`` before which a hyphen may go; empty for a word we never hyphenate.

    >>> word_points("industrial", "en-US"), word_points("equipment", "en-US")
    ((2, 5), (5,))
    >>> word_points("GDP", "en-US"), word_points("Hebei", "en-US"), word_points("Hebei's", "en-US")
    ((), (), ())
    """
    if not MIN_LETTERS <= len(word) <= MAX_LETTERS or not word.isalpha() or word.isupper():
        return ()
    dictionary = _dictionary(lang)
    return tuple(dictionary.positions(word)) if dictionary is not None else ()


def hyphen_points(text: str, lang: str, keeps: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Ascending indices of ``text`` before which a line may end with a hyphen (see the module docstring).

    >>> text = "the industrial output"
    >>> [text[:i] + "-" for i in hyphen_points(text, "en-US")]
    ['the in-', 'the indus-', 'the industrial out-']
    >>> hyphen_points(text, "en-US", keeps=[(4, 21)])
    []
    """
    points: list[int] = []
    spans = sorted(keeps)
    p = 0
    for token in _TOKEN.finditer(text):
        start, end = token.span()
        if end - start > MAX_LETTERS + len(_EDGE_MARKS):
            continue
        while p < len(spans) and spans[p][1] <= start:
            p += 1
        if p < len(spans) and spans[p][0] < end:
            continue  # part of a figure
        word = token.group().lstrip(_EDGE_MARKS)
        offset = start + token.group().index(word) if word else start
        for part in word.rstrip(_EDGE_MARKS).split("-"):  # each part of a compound on its own
            points.extend(offset + k for k in word_points(part, lang))
            offset += len(part) + 1
    return points
