"""Setting one line of a :class:`~.text.SetText` on the canvas: justified, squeezed, or as it comes.

:func:`draw_line` puts a line on the canvas as one text object with as few
font switches as the faces allow, justifying Han text by inter-character
spacing (``Tc``) and Latin text by widening spaces (``Tw``).  A line the
breaker pushed in (see :mod:`.fitting`) is wider than its room and is
squeezed instead (:func:`justify`): closing marks are narrowed, the line-end
mark first, by drawing them in their half-width twin (:mod:`.punctuation`),
and word spaces give up the rest.  A mark is narrowed whole or not at all,
so what a narrowed mark gives beyond the need goes back to the gaps.

The caps on stretching (:data:`.glue.MAX_HAN_GAP`) keep poppler from reading
a stretched Han gap as a word space; what is left goes to the spaces, or
stays at the line end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from jjj_brief.scripts import is_wide
from jjj_brief.writers.pdf.glue import LETTER_SHRINK, MAX_HAN_GAP, MAX_WORD_GAP
from jjj_brief.writers.pdf.punctuation import CLOSING, half_width_face
from jjj_brief.writers.pdf.text import SUPERSCRIPT_RISE, SetText, advance
from jjj_brief.writers.text.linebreak import Line

_EPSILON = 1e-6


@dataclass(frozen=True)
class Spacing:
    """How one line is stretched or squeezed.

    ``han``: extra points after each Han character; ``word``: at each space
    and Han–Latin gap (negative when squeezed); ``narrowed``: the indices of
    closing marks drawn half-width to squeeze the line; ``latin``: points
    after each Latin character (spaces too), negative when squeezed.
    """

    han: float = 0.0
    word: float = 0.0
    narrowed: frozenset[int] = frozenset()
    latin: float = 0.0  # char spacing of Latin text: negative when a line is squeezed


def justify(setting: SetText, line: Line, room: float) -> Spacing:
    """Spread ``room - line.width`` over the line's Han gaps and spaces, within the caps; or squeeze.

    A Han–Latin gap stretches like a space: it already reads as one in
    extracted text, so widening it costs nothing there (a Han gap would).
    """
    extra = room - line.width
    if extra < -_EPSILON:
        return _squeezed(setting, line, -extra)
    return _stretched(setting, line, extra)


def _stretched(setting: SetText, line: Line, extra: float, narrowed: frozenset[int] = frozenset()) -> Spacing:
    text, gaps = setting.text, setting.gaps
    han = sum(1 for i in range(line.start, line.end - 1) if is_wide(text[i]))
    words = text.count(" ", line.start, line.end) + sum(1 for i in range(line.start, line.end - 1) if gaps[i])
    if extra <= 0 or han + words == 0:
        return Spacing(narrowed=narrowed)
    han_gap = min(extra / (han + words), MAX_HAN_GAP * setting.size)
    word_gap = (extra - han_gap * han) / words if words else 0.0
    if han:  # Chinese text: a line that cannot fill without wide gaps ends short rather than gape
        word_gap = min(word_gap, MAX_WORD_GAP * setting.size)
    return Spacing(han_gap, word_gap, narrowed)


def _squeezed(setting: SetText, line: Line, need: float) -> Spacing:
    """Take ``need`` points out of a pushed-in line: closing marks from the line end back, then Latin text
    (word spaces and, a little, tracking) in proportion to what each may give (see :mod:`.glue`)."""
    shrink, text = setting.glue.shrink, setting.text
    if shrink is None:
        return Spacing()
    narrowed: list[int] = []
    for i in range(line.end - 1, line.start - 1, -1):
        if need <= _EPSILON:
            break
        if text[i] in CLOSING and shrink[i]:
            narrowed.append(i)
            need -= shrink[i]
    if need < -_EPSILON:
        return _stretched(setting, line, -need, frozenset(narrowed))
    latin = [i for i in range(line.start, line.end) if not is_wide(text[i]) and text[i] not in CLOSING]
    tracking = LETTER_SHRINK * setting.size
    available = sum(shrink[i] for i in latin)
    share = min(need / available, 1.0) if available > _EPSILON and need > _EPSILON else 0.0
    spaces = [i for i in latin if text[i] == " "]
    word = -share * sum(shrink[i] - tracking for i in spaces) / len(spaces) if spaces else 0.0
    return Spacing(0.0, word, frozenset(narrowed), -share * tracking)


def line_runs(setting: SetText, line: Line) -> Iterator[tuple[str, str, bool]]:
    """Maximal runs of one face and one script: ``(text, font name, is Han)``."""
    text, faces = setting.text, setting.faces
    start = line.start
    for i in range(line.start + 1, line.end + 1):
        if i == line.end or faces[i] != faces[start] or is_wide(text[i]) != is_wide(text[start]):
            yield text[start:i], faces[start], is_wide(text[start])
            start = i


@cache
def _color(spec: str) -> Any:  # reportlab.lib.colors.Color
    """Parse a colour once: reportlab would parse the ``#rrggbb`` string on every line."""
    from reportlab.lib.colors import toColor

    return toColor(spec)


def _pieces(setting: SetText, line: Line, spacing: Spacing) -> Iterator[tuple[int, int, str, float]]:
    """``(start, end, face, Tc)``: stretches the text engine sets on its own, in one face, size and spacing.

    Each character advances by its glyph's width in its face plus ``Tc``, so
    no glyph box overlaps the next (poppler splits words at overlaps).  A
    piece ends after a Han–Latin gap, which :func:`draw_line` draws by moving
    the origin (poppler then reads it as a word space).
    """
    text, raised, gaps = setting.text, setting.raised, setting.gaps
    faces = [
        half_width_face(setting.faces[i]) if i in spacing.narrowed else setting.faces[i]
        for i in range(line.start, line.end)
    ]
    start = line.start
    for i in range(line.start + 1, line.end + 1):
        if (
            i == line.end
            or faces[i - line.start] != faces[start - line.start]
            or gaps[i - 1]
            or (is_wide(text[i]) != is_wide(text[start]))
            or (raised is not None and raised[i] != raised[start])
        ):
            han = is_wide(text[start])  # Tc on a Han run: the grid pitch (tracking) and the justification
            yield start, i, faces[start - line.start], setting.tracking + spacing.han if han else spacing.latin
            start = i


def draw_line(canv: Any, setting: SetText, line: Line, x: float, y: float, color: str, spacing: Spacing) -> None:
    """Draw one line with its baseline at ``(x, y)``: one text object, state reset after.

    Each piece (see :func:`_pieces`) starts at its measured place, which is how
    a Han–Latin gap is drawn without a space character; a hyphenated line gets
    its hyphen after the last piece.
    """
    text_object = canv.beginText(x, y)
    text_object.setFillColor(_color(color))
    state = {"Tc": 0.0, "Tw": 0.0, "rise": 0.0}
    offset = 0.0  # from x to the start of the current piece, as measured, stretched and squeezed
    for start, end, face, char_space in _pieces(setting, line, spacing):
        run, size = setting.text[start:end], setting.size_at(start)
        text_object.setTextOrigin(x + offset, y)
        text_object.setFont(face, size)
        _set(text_object, state, "Tc", char_space)
        _set(text_object, state, "Tw", spacing.word if " " in run else 0.0)  # Tw widens byte 32 only
        up = setting.raised is not None and setting.raised[start]
        _set(text_object, state, "rise", SUPERSCRIPT_RISE * setting.size if up else 0.0)
        text_object.textOut(run)
        offset += sum(advance(ch, face) for ch in run) * size + char_space * len(run) + spacing.word * run.count(" ")
        if setting.gaps[end - 1] and end < line.end:
            offset += setting.gaps[end - 1] + spacing.word
    if line.hyphen:
        for name in state:
            _set(text_object, state, name, 0.0)
        text_object.setTextOrigin(x + offset, y)
        text_object.setFont(setting.faces[line.end - 1], setting.size)
        text_object.textOut("-")
    for name in state:
        _set(text_object, state, name, 0.0)
    canv.drawText(text_object)


def _set(text_object: Any, state: dict[str, float], name: str, value: float) -> None:
    """Change one text state parameter (char space, word space, rise) only when it differs."""
    if state[name] == value:
        return
    state[name] = value
    {"Tc": text_object.setCharSpace, "Tw": text_object.setWordSpace, "rise": text_object.setRise}[name](value)


def draw_plain(canv: Any, setting: SetText, x: float, y: float, color: str, align: str = "left") -> None:
    """Draw a one-line string anchored at ``x`` (left, right or centre): page furniture, markers."""
    width = setting.natural_width()
    x -= {"right": width, "center": width / 2}.get(align, 0.0)
    if setting.text:
        draw_line(canv, setting, Line(0, len(setting.text), width), x, y, color, Spacing())
