"""Total-fit breaking for justified text: the line ends that keep a whole paragraph's spacing nearest normal.

Why not line by line: a line that cannot take the next unbreakable piece (a
figure such as ``231 billion yuan`` is one, see :mod:`.glue`) is left loose
when each line is decided alone, however well the lines before it could
have made room.  Knuth and Plass's total-fit method (as in TeX) weighs every
feasible line end against the whole paragraph: it carries, for each place a
line may end, the least total *demerits* of the lines that lead there, and a
line's demerits grow with the cube of how far its spacing moves from normal
(:meth:`.fitting.Measure.badness`), so two slightly loose lines beat one very
loose one, and a hyphen is taken only when it pays.

Why it stays linear: only ends a line could still start from are kept
(*active*): an end drops out once the text after it no longer fits on one
line even squeezed, so each is compared with about one line's worth of
candidates; at most :data:`MAX_ACTIVE` are kept all the same.  A piece wider
than the line (a megabyte-long word) is cut where it overflows, a line at a
time, as the first-fit breaker does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jjj_brief.writers.text.fitting import MAX_HYPHENATED_RUN, Line, Measure, force_end
from jjj_brief.writers.text.kinsoku import skip_spaces, trim_end

MAX_ACTIVE = 64
"""Most line starts kept alive at once (the ones with the least demerits win)."""

TOLERANCE = 2.0
"""First pass: a line may end only where its badness is at most this (TeX's ``\\tolerance`` of 200).

Few places qualify, a handful per line, so few starts stay active and the
pass is fast; a paragraph that cannot be set within it (a long unbreakable
figure) is set again with no limit, as TeX's second pass does."""

FORCED_DEMERITS = 1e12
"""A forced cut inside an overlong piece: worse than any line that fits."""


@dataclass(frozen=True)
class _Candidate:
    """A place a line may end: ``text[..:end]`` on this line, the next from ``start``."""

    end: int
    start: int
    hyphen: bool
    last: bool


@dataclass(frozen=True)
class _Node:
    """The best way found to end a line before ``start``: its total demerits and the line that ends there."""

    start: int
    demerits: float
    line: Line | None = None
    previous: _Node | None = None
    hyphens: int = 0  # hyphenated lines in a row ending here
    first: bool = False  # the next line is the paragraph's first (it has its own room)


def total_fit(text: str, measure: Measure, breaks: list[int], width: float, first_width: float) -> list[Line]:
    """The lines of ``text`` (``breaks``: where lines may end, ``len(text)`` last) with the least demerits."""
    candidates = _candidates(text, breaks, measure.glue.hyphens)
    final = _best_path(text, measure, candidates, width, first_width, TOLERANCE)
    if final is None:
        final = _best_path(text, measure, candidates, width, first_width, float("inf"))
    lines: list[Line] = []
    while final is not None and final.line is not None:
        lines.append(final.line)
        final = final.previous
    return lines[::-1]


def _best_path(
    text: str, measure: Measure, candidates: list[_Candidate], width: float, first_width: float, tolerance: float
) -> _Node | None:
    """The node ending the last line by the cheapest path; None when ``tolerance`` leaves no way through."""
    active = [_Node(skip_spaces(text, 0), 0.0, first=True)]
    final: _Node | None = None
    for candidate in candidates:
        while True:
            survivors, stuck, best = _try(text, measure, active, candidate, (width, first_width), tolerance)
            if survivors or best is not None or stuck is None:
                break
            if tolerance != float("inf"):
                return None  # no line within tolerance from anywhere: the next pass takes what it must
            active = [_forced(text, measure, stuck, candidate, first_width if stuck.first else width)]
        active = survivors + ([best] if best is not None else [])
        if len(active) > MAX_ACTIVE:
            active.remove(max(active, key=lambda node: node.demerits))
        if candidate.last:
            final = best
    return final


def _candidates(text: str, breaks: list[int], hyphens: Sequence[int]) -> list[_Candidate]:
    """Breaks and hyphen points merged in text order (a hyphen point is never a break: it is inside a word)."""
    found = [_Candidate(trim_end(text, 0, b), b, False, b == len(text)) for b in breaks]
    found += [_Candidate(h, h, True, False) for h in hyphens]
    return sorted(found, key=lambda c: c.start)


def _try(
    text: str,
    measure: Measure,
    active: list[_Node],
    candidate: _Candidate,
    rooms: tuple[float, float],
    tolerance: float,
) -> tuple[list[_Node], _Node | None, _Node | None]:
    """Ending a line at ``candidate`` from each active start: the starts still alive, the furthest one that
    no longer reaches (for a forced cut), and the best new node (``rooms``: other lines', the first's)."""
    survivors: list[_Node] = []
    stuck: _Node | None = None
    best: _Node | None = None
    for node in active:
        room = rooms[1] if node.first else rooms[0]
        if candidate.end <= node.start:
            survivors.append(node)
            continue
        if measure.too_long(node.start, candidate.end, room):
            stuck = node if stuck is None or node.start > stuck.start else stuck
            continue
        survivors.append(node)
        if candidate.hyphen and node.hyphens >= MAX_HYPHENATED_RUN:
            continue
        badness = measure.badness(node.start, candidate.end, room, last=candidate.last, hyphen=candidate.hyphen)
        if badness is None or badness > tolerance:
            continue
        demerits = node.demerits + (1.0 + 100.0 * badness) ** 2
        if best is None or demerits < best.demerits:
            line = Line(
                node.start,
                candidate.end,
                measure.width(node.start, candidate.end, candidate.hyphen),
                hyphen=candidate.hyphen,
            )
            best = _Node(candidate.start, demerits, line, node, node.hyphens + 1 if candidate.hyphen else 0)
    return survivors, stuck, best


def _forced(text: str, measure: Measure, stuck: _Node, candidate: _Candidate, room: float) -> _Node:
    """A line cut inside the piece that overflows from ``stuck``: as much as fits."""
    end = force_end(text, measure, stuck.start, candidate.start, room)
    line = Line(stuck.start, end, measure.span(stuck.start, end), forced=True)
    return _Node(skip_spaces(text, end), stuck.demerits + FORCED_DEMERITS, line, stuck)
