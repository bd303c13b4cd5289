"""How much a line may give and take, and what each way of ending it costs.

Why: plain first-fit breaking ends each line at the last break that fits and
leaves the rest of the measure to the word spaces.  In English that was
measured at up to 2.4 times the normal word gap (rivers); in Chinese a long
unbreakable figure pushed to the next line leaves a hole the capped
inter-character spacing cannot fill.  A typesetter has three more moves, and
:mod:`.linebreak` weighs them for each line:

* **push out** — end at the last break that fits and stretch (the old way);
* **push in** — take one more piece and squeeze: word spaces give up a fifth
  of their width, Chinese punctuation the blank half of its em
  (JIS X 4051 追い込み, W3C clreq § 3.1.6); Chinese prefers this, and so
  squeezes punctuation before it stretches anything;
* **hyphenate** — end inside the word that overflows, at a dictionary
  hyphen point (:mod:`.hyphenation`), paying a penalty.

The cost is TeX's badness, the cube of how far the spacing moves from normal
relative to how far it may (``ratio ** 3``), so a slightly loose line is cheap
and a very loose one dear.  Each line only weighs the breaks and hyphen points
within its own reach, so breaking stays linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from jjj_brief.writers.text.kinsoku import bad_cut, trim_end

EPSILON = 1e-6

HYPHEN_PENALTY = 0.5
"""Added to the badness of a hyphenated line (TeX's ``\\hyphenpenalty`` of 50 on its badness scale of 100)."""

MAX_HYPHENATED_RUN = 2
"""At most this many hyphenated lines in a row (a 'ladder' of hyphens reads badly)."""

SQUEEZE_WEIGHT = 0.1
"""Scales a pushed-in line's badness where squeezing goes first (Chinese: JIS X 4051 追い込み優先)."""


@dataclass(frozen=True)
class Line:
    """One line: ``text[start:end]``, spaces at either end already dropped.

    ``width`` is its natural width, a drawn hyphen included (``hyphen``: the
    line ends inside a word, at a dictionary hyphen point).  It may exceed the
    room when the line was pushed in: :func:`~jjj_brief.writers.pdf.lines.justify`
    then squeezes it.  ``forced``: cut inside a piece wider than the line.
    """

    start: int
    end: int
    width: float
    forced: bool = False
    hyphen: bool = False


@dataclass(frozen=True)
class Glue:
    """What a line may do beyond moving whole pieces; the default is plain first-fit.

    ``keeps`` are spans ``(start, end)`` no line may end strictly inside (a
    figure and its unit).  ``stretch[i]`` is how far the space after
    ``text[i]`` may comfortably widen and ``shrink[i]`` how much of its
    advance ``text[i]`` may give up; ``stretch`` is None for ragged text,
    which never squeezes or hyphenates.  ``hyphens`` are the ascending indices
    before which a word may be hyphenated, drawing a hyphen ``hyphen_width``
    wide.  ``push_in_first``: squeeze before stretching (Chinese).
    """

    keeps: tuple[tuple[int, int], ...] = ()
    stretch: Sequence[float] | None = None
    shrink: Sequence[float] | None = None
    hyphens: Sequence[int] = ()
    hyphen_width: float = 0.0
    push_in_first: bool = False

    def slice(self, start: int, end: int) -> Glue:
        """The glue of ``text[start:end]``: per-character lists cut, spans and indices moved."""
        keeps = tuple((max(a, start) - start, min(b, end) - start) for a, b in self.keeps if a < end and b > start)
        return Glue(
            keeps=keeps,
            stretch=None if self.stretch is None else self.stretch[start:end],
            shrink=None if self.shrink is None else self.shrink[start:end],
            hyphens=[h - start for h in self.hyphens if start < h < end],
            hyphen_width=self.hyphen_width,
            push_in_first=self.push_in_first,
        )


class Measure:
    """Prefix sums over a text: its width set as one line, and the stretch and shrink inside it."""

    def __init__(self, advances: Sequence[float], gaps: Sequence[float] | None, glue: Glue) -> None:
        self._prefix = list(accumulate(advances, initial=0.0))
        self._gaps = gaps
        self.glue = glue
        self._stretch = None if glue.stretch is None else list(accumulate(glue.stretch, initial=0.0))
        self._shrink = None if glue.shrink is None else list(accumulate(glue.shrink, initial=0.0))

    @property
    def justified(self) -> bool:
        return self._stretch is not None

    def span(self, start: int, end: int) -> float:
        """Width of ``text[start:end]`` on a line of its own: no trailing gap."""
        if end <= start:
            return 0.0
        trailing = self._gaps[end - 1] if self._gaps is not None else 0.0
        return self._prefix[end] - self._prefix[start] - trailing

    def stretch(self, start: int, end: int) -> float:
        """How far the gaps between ``text[start]`` and ``text[end - 1]`` may widen (none after the last)."""
        if self._stretch is None or end - 1 <= start:
            return 0.0
        return self._stretch[end - 1] - self._stretch[start]

    def shrink(self, start: int, end: int) -> float:
        """How much ``text[start:end]`` may give up, a line-end mark's blank half included."""
        if self._shrink is None or end <= start:
            return 0.0
        return self._shrink[end] - self._shrink[start]

    def width(self, start: int, end: int, hyphen: bool = False) -> float:
        """Natural width of a line ``text[start:end]``, its hyphen included."""
        return self.span(start, end) + (self.glue.hyphen_width if hyphen else 0.0)

    def badness(self, start: int, end: int, room: float, *, last: bool, hyphen: bool = False) -> float | None:
        """How far a line ``text[start:end]`` in ``room`` moves its spacing from normal; None if it cannot fit.

        The cube of the stretch (or squeeze) needed over the stretch (or
        shrink) it has, as TeX's badness, on a scale where 1 is comfortable
        and a hyphen adds :data:`HYPHEN_PENALTY`.  A last line is set at its
        natural width (not justified) and costs nothing if it fits; ragged
        text never squeezes.
        """
        natural = self.width(start, end, hyphen)
        penalty = HYPHEN_PENALTY if hyphen else 0.0
        if natural <= room + EPSILON:
            if last or not self.justified:
                return penalty
            ratio = (room - natural) / max(self.stretch(start, end), EPSILON)
            return min(ratio, 100.0) ** 3 + penalty
        available = self.shrink(start, end) if self.justified else 0.0
        need = natural - room
        if need > available + EPSILON:
            return None
        weight = SQUEEZE_WEIGHT if self.glue.push_in_first else 1.0
        return weight * (need / available) ** 3 + penalty

    def too_long(self, start: int, end: int, room: float) -> bool:
        """Whether ``text[start:end]`` overflows ``room`` even fully squeezed (so every longer line does too)."""
        return self.span(start, end) - self.shrink(start, end) > room + EPSILON


def force_end(text: str, measure: Measure, start: int, stop: int, room: float) -> int:
    """Where to cut a piece that is wider than the line: as late as fits, at least one character.

    Within the piece it still steps back over a cut that would start the next
    line with a closing mark or split two digits, when it can.  Linear in the
    line's length, so a megabyte-long word is cut in linear time.
    """
    end = start + 1
    stop = trim_end(text, start, stop)
    while end < stop and measure.span(start, end + 1) <= room + EPSILON:
        end += 1
    cut = end
    while cut > start + 1 and bad_cut(text, cut):
        cut -= 1
    return end if bad_cut(text, cut) else cut
