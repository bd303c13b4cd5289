"""Styled runs of mixed-script text: measuring them, and drawing one line of them.

A paragraph becomes a :class:`SetText`: its characters, the face of each
(from :mod:`.fonts`) and the advance of each (``pdfmetrics.stringWidth``),
which is all :mod:`.linebreak` needs.  :func:`draw_line` then puts one line
on the canvas as one text object with as few font switches as the faces
allow, justifying Han text by inter-character spacing (``Tc``) and Latin
text by widening spaces (``Tw``).

A style may add ``han_tracking`` to the advance of every Han character and
full-width mark: the 简报's 28-character grid (see ``pdf.styles._jianbao``).
It is in the measured advances and drawn as character spacing (``Tc``) on the
Han runs, so breaking, justifying and drawing agree.

Why the caps on stretching: ``pdftotext`` (poppler) reads a gap wider than
about 0.1 em between two characters as a word space, which would put spurious
spaces inside extracted Chinese.  Han gaps are therefore kept under
:data:`MAX_HAN_GAP` em, and what is left goes to the spaces, or stays at the
line end.

The Han–Latin gap (:data:`HAN_LATIN_GAP`, ``京津冀IT应用`` set as
``京津冀 IT 应用``) is typesetting, not text: no space character is added, so
the text drawn is the Document's text exactly, as in the DOCX.  It is folded
into the advance of the character before it (``SetText.gaps`` says how much),
so measuring, breaking and justifying count it, and :mod:`.linebreak` drops it
at a line end; at a line start there is none.  :func:`draw_line` draws it by
moving the text origin before the run that follows it.  Extraction: at ¼ em
it is wider than poppler's ~0.1 em word-break threshold, so ``pdftotext``
(and copy and paste in most viewers) gives ``京津冀 IT 应用`` with an ASCII
space either side of the Latin word, as it does for a DOCX with Word's
autospacing; between Han and digits (``2023年``) and beside full-width marks
there is no gap and nothing is added.  Compare Chinese text with white space
removed, or drop a space between a Han character and a Latin letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from jjj_brief.document import Emph, Figure, Inlines, SourceRef, Strong, Text

from jjj_brief.writers.pdf import fonts
from jjj_brief.scripts import is_wide
from jjj_brief.writers.text.linebreak import Line, break_opportunities, latin_gaps
from jjj_brief.writers import ignore_warning, unhandled

HAN_LATIN_GAP = 0.25
"""White space between a Han character and a Latin letter, in em of the text size.

W3C clreq § 3.2.2 (mixed text in horizontal writing) allows "no more than a
quarter em" between Han and Western text, none at a line start or end and
none beside Chinese punctuation; Word's ``autoSpaceDE`` sets about as much.
We take the full quarter em: at body size it is about one Latin word space,
enough to part ``京津冀 IT 应用`` clearly without reading as a typed space.
The rule in :func:`.linebreak.takes_latin_gap` keeps it off digits, where
clreq would allow it and Word's ``autoSpaceDN`` adds it: government
documents and the official press set ``2023年``, ``2.43万亿元`` and
``同比增长5.2%`` tight, a figure and its unit reading as one word (the line
breaker keeps them together for the same reason); a ministry briefing looks
wrong with ``2023 年``.  Nor is there a gap beside full-width marks, which
carry their own half em.
"""

MAX_HAN_GAP = 0.08
"""Largest extra space between two Han characters, in em (poppler splits words at ~0.1 em)."""

MAX_WORD_GAP = 0.6
"""Largest extra space added to one word space, in em."""

_WHITESPACE = re.compile(r"\s")


@dataclass(frozen=True)
class TextStyle:
    """How a kind of text looks; lengths in points, colours as ``#rrggbb``."""

    family: fonts.Family = "serif"
    size: float = 10.5
    leading: float = 14.5
    bold: bool = False
    color: str = "#000000"
    align: str = "justify"  # left, right, center, justify
    first_indent: float = 0.0
    left_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    han_punctuation: bool = False  # quotes and dashes in the CJK face (Chinese documents)
    han_forms: fonts.Forms = "SC"  # Simplified or Traditional faces (scripts.han_forms of the language)
    han_tracking: float = 0.0  # added to the advance of every Han character and full-width mark (grid pitch)
    fill: str | None = None  # background box, e.g. for a lead paragraph
    padding: float = 0.0


@dataclass(frozen=True)
class Span:
    """A stretch of text in one emphasis: what the inline tree flattens to (``figure`` when it is one)."""

    text: str
    bold: bool = False
    italic: bool = False
    figure: Figure | None = None


@dataclass(frozen=True)
class FigureMark:
    """Where a :class:`Figure` sits in a :class:`SetText` (``text[start:end]``): for ledgers, notes, change bars."""

    start: int
    end: int
    figure: Figure


def spans(content: Inlines, bold: bool = False, italic: bool = False) -> Iterator[Span]:
    """Flatten inlines into spans; a source reference reads ``[n]`` as in ``inline_text``."""
    for node in content:
        if isinstance(node, Figure):
            yield Span(node.text, bold, italic, node)
        elif isinstance(node, Text):
            yield Span(node.text, bold, italic)
        elif isinstance(node, Strong):
            yield from spans(node.children, True, italic)
        elif isinstance(node, Emph):
            yield from spans(node.children, bold, True)
        elif isinstance(node, SourceRef):
            yield Span(f"[{node.number}]", bold, italic)
        else:
            unhandled(node, ignore_warning, "PDF")  # the block that holds it is still set


@dataclass
class SetText:
    """Characters ready for breaking: ``text[i]`` is drawn in ``faces[i]`` and advances ``advances[i]``.

    ``advances[i]`` includes ``gaps[i]``, the Han–Latin gap after ``text[i]``
    (0 almost everywhere), which vanishes when a line ends after ``text[i]``:
    measure a stretch with :meth:`width`, not ``sum(advances)``.
    """

    text: str
    faces: list[str]
    advances: list[float]
    size: float
    marks: tuple[FigureMark, ...] = ()
    gaps: list[float] | None = None  # None: no gap anywhere
    tracking: float = 0.0  # the style's han_tracking, already in the advances of the wide characters
    _breaks: list[int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.gaps is None:
            self.gaps = [0.0] * len(self.text)

    def slice(self, start: int, end: int | None = None) -> SetText:
        """Part of the text: either side of a paragraph split across pages (a figure goes with its start)."""
        stop = len(self.text) if end is None else end
        marks = tuple(FigureMark(m.start - start, min(m.end, stop) - start, m.figure)
                      for m in self.marks if start <= m.start < stop)
        return SetText(self.text[start:end], self.faces[start:end], self.advances[start:end], self.size, marks,
                       self.gaps[start:end], self.tracking)

    def width(self, start: int, end: int) -> float:
        """Width of ``text[start:end]`` set on a line of its own (no gap after its last character)."""
        if end <= start:
            return 0.0
        return sum(self.advances[start:end]) - self.gaps[end - 1]

    def natural_width(self) -> float:
        """Width set on one line, no breaking: what a table column would like."""
        return self.width(0, len(self.text))

    def min_width(self) -> float:
        """Width of the widest unbreakable piece: a column narrower than this forces cuts."""
        if self._breaks is None:
            self._breaks = break_opportunities(self.text)
        edges = [0, *self._breaks, len(self.text)]
        return max((self.width(a, b) for a, b in zip(edges, edges[1:])), default=0.0)


_width_memo: dict[tuple[str, str], float] = {}


def _advance(ch: str, font_name: str) -> float:
    """Advance of ``ch`` at 1 pt; memoised because every paragraph asks for the same few hundred."""
    key = (ch, font_name)
    width = _width_memo.get(key)
    if width is None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        width = _width_memo[key] = stringWidth(ch, font_name, 1.0)
    return width


def set_text(pieces: Iterable[Span], style: TextStyle) -> SetText:
    """Choose faces and measure each character.

    Spaces are kept as the Document has them (a tab or newline becomes one
    space); only those at the ends of the paragraph, or of a line, vanish.
    """
    chars: list[str] = []
    choosers: list[fonts.FaceChooser] = []
    marks: list[FigureMark] = []
    for piece in pieces:
        chooser = fonts.chooser(style.family, style.bold or piece.bold, piece.italic, style.han_punctuation,
                                style.han_forms)
        text = _WHITESPACE.sub(" ", piece.text)
        if piece.figure is not None:
            marks.append(FigureMark(len(chars), len(chars) + len(text), piece.figure))
        chars.extend(text)
        choosers.extend([chooser] * len(text))
    while chars and chars[-1] == " ":
        chars.pop()
        choosers.pop()
    lead = 0
    while lead < len(chars) and chars[lead] == " ":
        lead += 1
    chars, choosers = chars[lead:], choosers[lead:]
    drawn = [_choose(chars, i, chooser) for i, chooser in enumerate(choosers)]
    size, tracking = style.size, style.han_tracking
    text = "".join(ch for ch, _ in drawn)
    gaps = latin_gaps(text, HAN_LATIN_GAP * size)
    return SetText(
        text,
        [face for _, face in drawn],
        [_advance(ch, face) * size + gap + (tracking if is_wide(ch) else 0.0) for (ch, face), gap in zip(drawn, gaps)],
        size,
        tuple(_shifted(marks, lead, len(chars))),
        gaps,
        tracking,
    )


def _shifted(marks: list[FigureMark], lead: int, length: int) -> Iterator[FigureMark]:
    """Marks moved by the spaces trimmed at the start, clipped to the text that is left."""
    for mark in marks:
        start, end = max(mark.start - lead, 0), min(mark.end - lead, length)
        if start < end:
            yield FigureMark(start, end, mark.figure)


def _choose(chars: list[str], i: int, chooser: fonts.FaceChooser) -> tuple[str, str]:
    """The face for ``chars[i]``; an apostrophe inside a Latin word (Xiong’an) stays Latin."""
    if chooser.ambiguous_in_han and chars[i] in "’‘" and 0 < i < len(chars) - 1:
        if chars[i - 1].isascii() and chars[i - 1].isalnum() and chars[i + 1].isascii() and chars[i + 1].isalpha():
            return fonts.chooser(chooser.family, chooser.bold, chooser.italic, False, chooser.forms).choose(chars[i])
    return chooser.choose(chars[i])


def set_plain(text: str, style: TextStyle) -> SetText:
    """A plain string (page furniture, bullets) set in ``style``."""
    return set_text([Span(text)], style)


@dataclass(frozen=True)
class Spacing:
    """How one line is stretched: extra points after each Han character, and at each space and Han–Latin gap."""

    han: float = 0.0
    word: float = 0.0


def justify(setting: SetText, line: Line, room: float) -> Spacing:
    """Spread ``room - line.width`` over the line's Han gaps and spaces, within the caps.

    A Han–Latin gap stretches like a space: it already reads as one in
    extracted text, so widening it costs nothing there (a Han gap would).
    """
    extra = room - line.width
    text, gaps = setting.text, setting.gaps
    han = sum(1 for i in range(line.start, line.end - 1) if is_wide(text[i]))
    words = text.count(" ", line.start, line.end) + sum(1 for i in range(line.start, line.end - 1) if gaps[i])
    if extra <= 0 or han + words == 0:
        return Spacing()
    han_gap = min(extra / (han + words), MAX_HAN_GAP * setting.size)
    word_gap = (extra - han_gap * han) / words if words else 0.0
    return Spacing(han_gap, min(word_gap, MAX_WORD_GAP * setting.size))


def line_runs(setting: SetText, line: Line) -> Iterator[tuple[str, str, bool]]:
    """Maximal runs of one face and one script: ``(text, font name, is Han)``."""
    text, faces = setting.text, setting.faces
    start = line.start
    for i in range(line.start + 1, line.end + 1):
        if i == line.end or faces[i] != faces[start] or is_wide(text[i]) != is_wide(text[start]):
            yield text[start:i], faces[start], is_wide(text[start])
            start = i


@cache
def _color(spec: str):  # -> reportlab.lib.colors.Color
    """Parse a colour once: reportlab would parse the ``#rrggbb`` string on every line."""
    from reportlab.lib.colors import toColor

    return toColor(spec)


def draw_line(canv, setting: SetText, line: Line, x: float, y: float, color: str, spacing: Spacing) -> None:
    """Draw one line with its baseline at ``(x, y)``: one text object, state reset after.

    A run after a Han–Latin gap starts at its measured place (a new text
    origin), which is how the gap gets drawn without a space character.
    """
    text_object = canv.beginText(x, y)
    text_object.setFillColor(_color(color))
    char_space = word_space = 0.0
    start = line.start
    offset = 0.0  # from x to the start of text[start], as measured and stretched
    for run, face, han in line_runs(setting, line):
        if start > line.start and setting.gaps[start - 1]:
            offset += spacing.word
            text_object.setTextOrigin(x + offset, y)
        end = start + len(run)
        offset += sum(setting.advances[start:end]) + (spacing.han * len(run) if han else 0.0)
        offset += spacing.word * run.count(" ")
        start = end
        text_object.setFont(face, setting.size)
        # Tw widens byte 32 only: give it just to runs holding spaces (always the Latin face).
        # Tc moves every glyph of a Han run: the grid pitch (tracking) and the justification.
        want_char = setting.tracking + spacing.han if han else 0.0
        want_word = spacing.word if " " in run else 0.0
        if want_char != char_space:
            text_object.setCharSpace(char_space := want_char)
        if want_word != word_space:
            text_object.setWordSpace(word_space := want_word)
        text_object.textOut(run)
    if char_space:
        text_object.setCharSpace(0)
    if word_space:
        text_object.setWordSpace(0)
    canv.drawText(text_object)


def draw_plain(canv, setting: SetText, x: float, y: float, color: str, align: str = "left") -> None:
    """Draw a one-line string anchored at ``x`` (left, right or centre): page furniture, markers."""
    width = setting.natural_width()
    x -= {"right": width, "center": width / 2}.get(align, 0.0)
    if setting.text:
        draw_line(canv, setting, Line(0, len(setting.text), width), x, y, color, Spacing())
