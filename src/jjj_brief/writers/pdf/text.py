"""Styled runs of mixed-script text, measured: what the line breaker needs and the line setter draws.

A paragraph becomes a :class:`SetText`: its characters, the face of each
(from :mod:`.fonts`; a mark compressed beside another in its half-width
twin, see :mod:`.punctuation`), the advance of each
(``pdfmetrics.stringWidth``), and its :mod:`.glue` (kept figures, stretch,
shrink, hyphen points), which is all :mod:`.linebreak` needs.
:mod:`.lines` then draws one line of it.  Source marks (``[1]``) are set as
superscripts, smaller and raised.

A style may add ``han_tracking`` to the advance of every Han character and
full-width mark: the 简报's 28-character grid (see ``pdf.styles._jianbao``).
It is in the measured advances and drawn as character spacing (``Tc``) on the
Han runs, so breaking, justifying and drawing agree.

The Han–Latin gap (:data:`HAN_LATIN_GAP`, ``京津冀IT应用`` set as
``京津冀 IT 应用``) is typesetting, not text: no space character is added, so
the text drawn is the Document's text exactly, as in the DOCX.  It is folded
into the advance of the character before it (``SetText.gaps`` says how much),
so measuring, breaking and justifying count it, and :mod:`.linebreak` drops it
at a line end; at a line start there is none.  :func:`.lines.draw_line` draws
it by moving the text origin before the run that follows it.  Extraction: at ¼ em
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
from itertools import pairwise

from jjj_brief.document import Emph, Figure, Inlines, SourceRef, Strong, Text
from jjj_brief.scripts import is_wide
from jjj_brief.writers import ignore_warning, unhandled
from jjj_brief.writers.pdf import fonts
from jjj_brief.writers.pdf.glue import figure_keep, paragraph_glue
from jjj_brief.writers.pdf.punctuation import compress
from jjj_brief.writers.text.fitting import Glue
from jjj_brief.writers.text.linebreak import (
    Line,
    break_lines,
    break_opportunities,
    latin_gaps,
)

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

SUPERSCRIPT_SIZE = 0.62
"""Size of a source mark ``[n]`` against its text (a superscript, as a footnote mark is set)."""

SUPERSCRIPT_RISE = 0.36
"""How far a superscript's baseline is raised, in em of the text size."""

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
    hyphenate: str | None = None  # a language tag: hyphenate justified lines with its dictionary
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
    """A stretch of text in one emphasis: what the inline tree flattens to (``figure`` when it is one).

    ``raised``: a source mark, set as a superscript.
    """

    text: str
    bold: bool = False
    italic: bool = False
    figure: Figure | None = None
    raised: bool = False


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
            yield Span(f"[{node.number}]", bold, italic, raised=True)
        else:
            unhandled(node, ignore_warning, "PDF")  # the block that holds it is still set


@dataclass
class SetText:
    """Characters ready for breaking: ``text[i]`` is drawn in ``faces[i]`` and advances ``advances[i]``.

    ``advances[i]`` includes ``gaps[i]``, the Han–Latin gap after ``text[i]``
    (0 almost everywhere), which vanishes when a line ends after ``text[i]``:
    measure a stretch with :meth:`width`, not ``sum(advances)``.  It is less
    than the glyph's own advance where adjacent punctuation is compressed.
    ``glue`` is what the line breaker may do besides (:mod:`.glue`);
    ``raised[i]``: ``text[i]`` is a superscript (None: nothing is).
    """

    text: str
    faces: list[str]
    advances: list[float]
    size: float
    marks: tuple[FigureMark, ...] = ()
    gaps: list[float] = field(default_factory=list)  # empty: no gap anywhere
    glue: Glue = field(default_factory=Glue)
    raised: list[bool] | None = None
    tracking: float = 0.0  # the style's han_tracking, already in the advances of the wide characters
    _breaks: list[int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if len(self.gaps) != len(self.text):
            self.gaps = [0.0] * len(self.text)

    def slice(self, start: int, end: int | None = None) -> SetText:
        """Part of the text: either side of a paragraph split across pages (a figure goes with its start)."""
        stop = len(self.text) if end is None else end
        marks = tuple(
            FigureMark(m.start - start, min(m.end, stop) - start, m.figure)
            for m in self.marks
            if start <= m.start < stop
        )
        raised = None if self.raised is None else self.raised[start:stop]
        return SetText(
            self.text[start:stop],
            self.faces[start:stop],
            self.advances[start:stop],
            self.size,
            marks,
            self.gaps[start:stop],
            self.glue.slice(start, stop),
            raised,
            self.tracking,
        )

    def break_lines(self, width: float, first_width: float | None = None) -> list[Line]:
        """The lines of this text at ``width`` (``first_width`` on the first), by :func:`.linebreak.break_lines`."""
        return break_lines(self.text, self.advances, width, first_width, self.gaps, self.glue)

    def width(self, start: int, end: int) -> float:
        """Width of ``text[start:end]`` set on a line of its own (no gap after its last character)."""
        if end <= start:
            return 0.0
        return sum(self.advances[start:end]) - self.gaps[end - 1]

    def natural_width(self) -> float:
        """Width set on one line, no breaking: what a table column would like."""
        return self.width(0, len(self.text))

    def min_width(self) -> float:
        """Width of the widest unbreakable piece (a figure is one): a column narrower than this forces cuts."""
        if self._breaks is None:
            self._breaks = break_opportunities(self.text, self.glue.keeps)
        edges = [0, *self._breaks, len(self.text)]
        return max((self.width(a, b) for a, b in pairwise(edges)), default=0.0)

    def size_at(self, i: int) -> float:
        """The type size of ``text[i]``: smaller for a superscript."""
        return self.size * SUPERSCRIPT_SIZE if self.raised is not None and self.raised[i] else self.size


_width_memo: dict[tuple[str, str], float] = {}


def advance(ch: str, font_name: str) -> float:
    """Advance of ``ch`` at 1 pt; memoised because every paragraph asks for the same few hundred."""
    key = (ch, font_name)
    width = _width_memo.get(key)
    if width is None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        width = _width_memo[key] = stringWidth(ch, font_name, 1.0)
    return width


def set_text(pieces: Iterable[Span], style: TextStyle) -> SetText:
    """Choose faces, measure each character, and say what the line breaker may do with them.

    Spaces are kept as the Document has them (a tab or newline becomes one
    space); only those at the ends of the paragraph, or of a line, vanish.
    """
    chars: list[str] = []
    choosers: list[fonts.FaceChooser] = []
    marks: list[FigureMark] = []
    raised: list[bool] = []
    for piece in pieces:
        chooser = fonts.chooser(
            style.family, style.bold or piece.bold, piece.italic, style.han_punctuation, style.han_forms
        )
        text = _WHITESPACE.sub(" ", piece.text)
        if piece.figure is not None:
            marks.append(FigureMark(len(chars), len(chars) + len(text), piece.figure))
        chars.extend(text)
        choosers.extend([chooser] * len(text))
        raised.extend([piece.raised] * len(text))
    end = len(chars)
    while end and chars[end - 1] == " ":
        end -= 1
    lead = 0
    while lead < end and chars[lead] == " ":
        lead += 1
    chars, choosers, raised = chars[lead:end], choosers[lead:end], raised[lead:end]
    drawn = [_choose(chars, i, chooser) for i, chooser in enumerate(choosers)]
    text, faces = "".join(ch for ch, _ in drawn), [face for _, face in drawn]
    return _measured(text, faces, raised, tuple(_shifted(marks, lead, len(chars))), style)


def _measured(
    text: str, faces: list[str], raised: list[bool], marks: tuple[FigureMark, ...], style: TextStyle
) -> SetText:
    """The advances (Han–Latin gaps in, adjacent punctuation compressed) and the glue of a chosen text."""
    size = style.size
    gaps = latin_gaps(text, HAN_LATIN_GAP * size)
    sizes = [size * SUPERSCRIPT_SIZE if up else size for up in raised]
    faces, spare_em = compress(text, faces, raised)
    tracking = style.han_tracking
    advances = [
        advance(ch, face) * at + gap + (tracking if is_wide(ch) else 0.0)
        for ch, face, at, gap in zip(text, faces, sizes, gaps)
    ]
    spare = [em * at for em, at in zip(spare_em, sizes)]
    justified = style.align == "justify"
    hyphen_width = advance("-", faces[-1]) * size if faces else 0.0
    glue = paragraph_glue(
        text,
        advances,
        spare,
        size,
        keeps=tuple(figure_keep(text, m.start, m.end) for m in marks),
        justified=justified,
        chinese=style.han_punctuation,
        hyphenate=style.hyphenate if justified else None,
        hyphen_width=hyphen_width,
    )
    return SetText(text, faces, advances, size, marks, gaps, glue, raised if any(raised) else None, tracking)


def _shifted(marks: list[FigureMark], lead: int, length: int) -> Iterator[FigureMark]:
    """Marks moved by the spaces trimmed at the start, clipped to the text that is left."""
    for mark in marks:
        start, end = max(mark.start - lead, 0), min(mark.end - lead, length)
        if start < end:
            yield FigureMark(start, end, mark.figure)


def _choose(chars: list[str], i: int, chooser: fonts.FaceChooser) -> tuple[str, str]:
    """The face for ``chars[i]``; an apostrophe inside a Latin word (Xiong’an) stays Latin."""
    inside_latin = (
        0 < i < len(chars) - 1
        and chars[i - 1].isascii()
        and chars[i - 1].isalnum()
        and (chars[i + 1].isascii() and chars[i + 1].isalpha())
    )
    if chooser.ambiguous_in_han and chars[i] in "’‘" and inside_latin:
        return fonts.chooser(chooser.family, chooser.bold, chooser.italic, False, chooser.forms).choose(chars[i])
    return chooser.choose(chars[i])


def set_plain(text: str, style: TextStyle) -> SetText:
    """A plain string (page furniture, bullets) set in ``style``."""
    return set_text([Span(text)], style)
