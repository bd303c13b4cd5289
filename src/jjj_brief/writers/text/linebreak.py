"""Line breaking for Chinese, English and mixed text, with kinsoku (禁则) rules.

Why our own: reportlab's wrappers were measured breaking the rules a Chinese
reader notices first (closing punctuation at a line start, numbers split,
``He|bei``; see ``docs/notes/cjk-typesetting.md``).  This module is pure: it takes
the text and the advance width of each character and returns lines as index
ranges, so it knows nothing of fonts or PDF and is tested on its own.

The rules, after GB/T 15834-2011 and W3C clreq:

* breaks are allowed at spaces, between Han characters, and between Han and
  Latin text; never inside a Latin word or a number (``2.43``, ``2024``),
  nor after the hyphen of ``Beijing-Tianjin-Hebei``: ``pdftotext`` takes a
  line ending in ``-`` for a hyphenated word and drops the hyphen (which is
  right for the dictionary hyphens of :mod:`.hyphenation`, and only those);
* never inside a kept span (``Glue.keeps``): the PDF writer keeps each
  figure's number with its unit (``1.7 trillion yuan``, ``10.2 percent``);
* a numeric range never breaks at its dash (``2014—2023年``, ``4.5%～5.5%``);
* a number keeps the Han character that follows it (``2024年``, ``2.43万``);
* no line starts with a closing mark (``，。、；：？！）」』》”’％…—`` …) and
  no line ends with an opening one (``（「『《“‘`` …); ``——`` and ``……``
  therefore never split;
* a source mark ``[n]`` stays with the word before it, and a spaced dash
  (``yuan — above``) with the word before it, as in English typesetting;
* the last line is not a single Han character when that can be avoided;
* a token wider than the whole line is cut where it overflows (``forced``);
* the gap set between a Han character and a Latin letter (:func:`takes_latin_gap`)
  is part of the measure inside a line and vanishes at either end of one:
  the caller folds it into the advance of the character before it and says
  how much of each advance that is (``gaps``).

>>> text = "今年经济增长4.8%，好。"
>>> [text[l.start:l.end] for l in break_lines(text, [10.0] * len(text), 70)]
['今年经济增长', '4.8%，好。']
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise

from jjj_brief.scripts import is_han, is_latin_letter, is_wide
from jjj_brief.writers.text.fitting import EPSILON, Glue, Line, Measure, force_end
from jjj_brief.writers.text.kinsoku import (
    DASHES,
    NO_LINE_END,
    NO_LINE_START,
    RANGE_MARKS,
    break_opportunities,
    can_break_before,
    skip_spaces,
    trim_end,
)
from jjj_brief.writers.text.totalfit import total_fit

__all__ = [
    "DASHES",
    "NO_LINE_END",
    "NO_LINE_START",
    "RANGE_MARKS",
    "Glue",
    "Line",
    "break_lines",
    "break_opportunities",
    "can_break_before",
    "is_lonely",
    "is_wide",
    "latin_gaps",
    "takes_latin_gap",
]


def takes_latin_gap(a: str, b: str) -> bool:
    """Whether the Han–Latin gap goes between ``a`` and ``b``: a Han character and a Latin letter, either order.

    Not beside digits (``2023年``, ``2.43万亿元``: Chinese official text sets
    figures tight against their units, see ``pdf_text.HAN_LATIN_GAP``), not
    beside full-width punctuation (clreq § 3.2.2), and not where the text
    already has a space.
    """
    return (is_han(a) and is_latin_letter(b)) or (is_latin_letter(a) and is_han(b))


def latin_gaps(text: str, gap: float) -> list[float]:
    """``gap`` after each character that :func:`takes_latin_gap` with the next one, else 0."""
    return [gap if takes_latin_gap(a, b) else 0.0 for a, b in pairwise(text)] + [0.0] * bool(text)


def break_lines(
    text: str,
    advances: Sequence[float],
    width: float,
    first_width: float | None = None,
    gaps: Sequence[float] | None = None,
    glue: Glue | None = None,
) -> list[Line]:
    """Break ``text`` into lines no wider than ``width`` (``first_width`` on the first: an indent).

    ``advances[i]`` is the advance width of ``text[i]``.  ``gaps[i]`` is the
    part of ``advances[i]`` that is white space after ``text[i]`` which
    vanishes when a line ends there (the Han–Latin gap); a line's width never
    counts it at its end.  ``glue`` (:class:`.fitting.Glue`) adds kept spans,
    and for justified text stretch, shrink and hyphen points.  Justified Latin
    text is broken by :func:`.totalfit.total_fit`; Chinese one line at a time,
    each line as full as the rules allow (what readers of Chinese expect),
    pushed in or out as costs least (a line of Chinese has a break at every
    character, so weighing whole paragraphs would cost ~40 times more for
    little); ragged text first-fit.  A lonely last character is fixed afterwards.
    """
    glue = glue or Glue()
    measure = Measure(advances, gaps, glue)
    keeps = fitting_keeps(glue.keeps, advances, min(width, width if first_width is None else first_width))
    breaks = [*break_opportunities(text, keeps), len(text)]
    room = width if first_width is None else first_width
    if measure.justified and not glue.push_in_first:
        lines = total_fit(text, measure, breaks, width, room)
    else:
        lines = _line_by_line(text, measure, breaks, width, room)
    return _avoid_lonely_last_char(text, measure, lines, width, breaks)


def fitting_keeps(keeps: Sequence[tuple[int, int]], advances: Sequence[float], width: float) -> list[tuple[int, int]]:
    """The kept spans that fit on a line: a figure wider than its column (``about 238 billion
    U.S. dollars`` in a narrow table cell) breaks at its spaces like any text, rather than
    being cut inside a word.

    >>> fitting_keeps([(0, 3), (4, 9)], [10.0] * 9, 40)
    [(0, 3)]
    """
    kept = []
    for start, end in keeps:
        if sum(advances[start:end]) <= width:
            kept.append((start, end))
    return kept


def _line_by_line(text: str, measure: Measure, breaks: list[int], width: float, room: float) -> list[Line]:
    """Each line ends at the cheapest break within reach (ties: the later); ragged text, which never
    squeezes, at the last break that fits.  A piece wider than the line is cut (``forced``)."""
    lines: list[Line] = []
    start = skip_spaces(text, 0)
    j = 0
    while start < len(text):
        while breaks[j] <= start:
            j += 1
        best: tuple[float, int, int] | None = None
        k = j
        while k < len(breaks) and not measure.too_long(start, end := trim_end(text, start, breaks[k]), room):
            cost = measure.badness(start, end, room, last=breaks[k] == len(text))
            if cost is not None and (best is None or cost <= best[0]):
                best = (cost, end, k)
            k += 1
        if best is None:
            end = force_end(text, measure, start, breaks[j], room)
            lines.append(Line(start, end, measure.span(start, end), forced=True))
        else:
            end, j = best[1], best[2]
            lines.append(Line(start, end, measure.span(start, end)))
        start = skip_spaces(text, end)
        room = width
    return lines


def is_lonely(line_text: str) -> bool:
    """A line of one Han character, perhaps followed by closing marks (``长。``)."""
    body = line_text.rstrip("".join(NO_LINE_START))
    return len(body) == 1 and is_wide(body)


def _avoid_lonely_last_char(
    text: str, measure: Measure, lines: list[Line], width: float, breaks: list[int]
) -> list[Line]:
    """Pull the last breakable piece of the previous line down to keep the last line company."""
    if len(lines) < 2 or not is_lonely(text[lines[-1].start : lines[-1].end]):
        return lines
    prev, last = lines[-2], lines[-1]
    if prev.forced or prev.hyphen:
        return lines
    k = bisect_left(breaks, prev.end) - 1  # the last break before the previous line's end
    if k < 0 or breaks[k] <= prev.start:
        return lines
    cut = breaks[k]
    prev_end = trim_end(text, prev.start, cut)
    cut = skip_spaces(text, cut)
    if prev_end <= prev.start or measure.span(cut, last.end) > width + EPSILON:
        return lines
    return [
        *lines[:-2],
        Line(prev.start, prev_end, measure.span(prev.start, prev_end)),
        Line(cut, last.end, measure.span(cut, last.end)),
    ]
