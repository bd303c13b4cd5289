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
  line ending in ``-`` for a hyphenated word and drops the hyphen;
* a range may break after its dash (``2014—|2023年``), never before it;
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

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from jjj_brief.scripts import (
    AMBIG,
    SPACES,
    WIDE,
    char_class,
    is_digit,
    is_han,
    is_latin_letter,
    is_wide,
)

NO_LINE_START = frozenset(
    "，。、；：？！）」』》〉】〕〗〙〛｝］”’％…‥·・—―〟"
    ",.;:?!)]}%"
)
"""Marks that would look orphaned at the start of a line."""

NO_LINE_END = frozenset("（「『《〈【〔〖〘〚｛［“‘〝([{￥＄")
"""Marks that would look orphaned at the end of a line."""

DASHES = frozenset("—―…")
"""Marks after which English text may break (``growth—|steady``)."""

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
    return [gap if takes_latin_gap(a, b) else 0.0 for a, b in zip(text, text[1:])] + [0.0] * bool(text)


def can_break_before(text: str, i: int) -> bool:
    """Whether a line may end just before ``text[i]`` (spaces before it are then dropped)."""
    a, b = text[i - 1], text[i]
    if b in SPACES or b in NO_LINE_START or _is_source_mark(text, i):
        return False  # even after a space: "yuan —" and "year [1]" stay together
    if a in SPACES:
        return True
    if a in NO_LINE_END:
        return False
    ca, cb = char_class(a), char_class(b)
    if is_digit(a) and (is_digit(b) or cb == WIDE):
        return False  # digits never split; a number keeps its unit (2024年, 2.43万)
    if ca == WIDE or cb == WIDE:
        return True
    if ca == AMBIG:
        return cb == AMBIG or a in DASHES
    return False  # Latin words, hyphenated ones too (see the module docstring)


def _is_source_mark(text: str, i: int) -> bool:
    """``[`` opening a source mark ``[n]``."""
    return text[i] == "[" and i + 1 < len(text) and is_digit(text[i + 1])


def break_opportunities(text: str) -> list[int]:
    """Every index ``i`` (0 < i < len) before which a line may break, ascending."""
    return [i for i in range(1, len(text)) if can_break_before(text, i)]


@dataclass(frozen=True)
class Line:
    """One line: ``text[start:end]``, spaces at either end already dropped."""

    start: int
    end: int
    width: float
    forced: bool = False


def break_lines(
    text: str,
    advances: Sequence[float],
    width: float,
    first_width: float | None = None,
    gaps: Sequence[float] | None = None,
) -> list[Line]:
    """Greedy first-fit breaking of ``text`` into lines no wider than ``width``.

    ``advances[i]`` is the advance width of ``text[i]``; ``first_width`` is the
    room on the first line when it differs (a first-line indent).  ``gaps[i]``
    is the part of ``advances[i]`` that is white space after ``text[i]`` which
    vanishes when a line ends there (the Han–Latin gap); a line's width never
    counts it at its end.  Greedy is what readers of Chinese expect (each line
    as full as the rules allow); the lonely last character is fixed afterwards.
    """
    measure = _Measure(advances, gaps)
    breaks = [*break_opportunities(text), len(text)]
    lines: list[Line] = []
    start = _skip_spaces(text, 0)
    room = width if first_width is None else first_width
    j = 0
    while start < len(text):
        while breaks[j] <= start:
            j += 1
        end, j = _furthest_fit(text, measure, breaks, j, start, room)
        if end is None:
            end = _force_end(text, measure, start, breaks[j], room)
            lines.append(Line(start, end, measure.span(start, end), forced=True))
        else:
            lines.append(Line(start, end, measure.span(start, end)))
        start = _skip_spaces(text, end)
        room = width
    return _avoid_lonely_last_char(text, measure, lines, width)


_EPSILON = 1e-6


class _Measure:
    """Prefix sums of the advances: the width of ``text[start:end]`` set as one line."""

    def __init__(self, advances: Sequence[float], gaps: Sequence[float] | None) -> None:
        self._prefix = list(accumulate(advances, initial=0.0))
        self._gaps = gaps

    def span(self, start: int, end: int) -> float:
        """Width of ``text[start:end]`` on a line of its own: no trailing gap."""
        if end <= start:
            return 0.0
        trailing = self._gaps[end - 1] if self._gaps is not None else 0.0
        return self._prefix[end] - self._prefix[start] - trailing


def _furthest_fit(
    text: str, measure: _Measure, breaks: list[int], j: int, start: int, room: float
) -> tuple[int | None, int]:
    """The end of the longest line from ``start`` that fits, and the index of the next break to try."""
    best: int | None = None
    while j < len(breaks):
        end = _trim_end(text, start, breaks[j])
        if measure.span(start, end) > room + _EPSILON:
            break
        best = end
        j += 1
    return best, j


def _force_end(text: str, measure: _Measure, start: int, stop: int, room: float) -> int:
    """Where to cut a token that is wider than the line: as late as fits, at least one character.

    Within the token it still steps back over a cut that would start the next
    line with a closing mark or split two digits, when it can.
    """
    end = start + 1
    stop = _trim_end(text, start, stop)
    while end < stop and measure.span(start, end + 1) <= room + _EPSILON:
        end += 1
    cut = end
    while cut > start + 1 and _bad_cut(text, cut):
        cut -= 1
    return end if _bad_cut(text, cut) else cut


def _bad_cut(text: str, i: int) -> bool:
    a, b = text[i - 1], text[i]
    if b in NO_LINE_START or a in NO_LINE_END:
        return True
    return (is_digit(a) or a in ".,") and (is_digit(b) or b in ".,") and (is_digit(a) or is_digit(b))


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in SPACES:
        i += 1
    return i


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return end


def is_lonely(line_text: str) -> bool:
    """A line of one Han character, perhaps followed by closing marks (``长。``)."""
    body = line_text.rstrip("".join(NO_LINE_START))
    return len(body) == 1 and is_wide(body)


def _avoid_lonely_last_char(
    text: str, measure: _Measure, lines: list[Line], width: float
) -> list[Line]:
    """Pull the last breakable piece of the previous line down to keep the last line company."""
    if len(lines) < 2 or not is_lonely(text[lines[-1].start : lines[-1].end]):
        return lines
    prev, last = lines[-2], lines[-1]
    if prev.forced:
        return lines
    cut = next((i for i in range(prev.end - 1, prev.start, -1) if can_break_before(text, i)), None)
    if cut is None:
        return lines
    prev_end = _trim_end(text, prev.start, cut)
    cut = _skip_spaces(text, cut)
    if prev_end <= prev.start or measure.span(cut, last.end) > width + _EPSILON:
        return lines
    return [
        *lines[:-2],
        Line(prev.start, prev_end, measure.span(prev.start, prev_end)),
        Line(cut, last.end, measure.span(cut, last.end)),
    ]
