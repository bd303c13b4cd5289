"""PDF writer: lays a :class:`~jjj_brief.document.Document` out with reportlab.

The entry point only; the work is split by concern so each part stays small:

- :mod:`jjj_brief.writers.text.linebreak` breaks lines (kinsoku, numbers, Latin words), pure Python;
- :mod:`.fonts` finds and registers the bundled faces, lazily, and picks the
  Latin or CJK face per character;
- :mod:`.text` measures styled runs and draws one justified line;
- :mod:`.paragraph` is the paragraph flowable built on those two;
- :mod:`.styles` is the house style, :mod:`.blocks` one case per
  block type, :mod:`.page` the header, footer and "page X of Y".

Importing this module imports no reportlab (about 0.15 s); that happens when
:func:`write_pdf` first runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from jjj_brief.clock import source_date_epoch
from jjj_brief.document import Document, Figure, Meta
from jjj_brief.errors import BriefWarning
from jjj_brief.writers import FigureListener, Warn, WriterHooks, ignore_warning


def needs(doc: Document) -> set[str]:
    """The modules writing ``doc`` imports: the layout (reportlab's platypus) and, for a
    document with a chart, the chart drawing (reportlab's graphics)."""
    from jjj_brief.writers.charts import DRAWING, has_chart

    return {"jjj_brief.writers.pdf.blocks", "jjj_brief.writers.pdf.page", *([DRAWING] if has_chart(doc) else [])}


def write(doc: Document, out: BinaryIO, hooks: WriterHooks) -> None:
    """The writer contract (see :mod:`jjj_brief.writers`): ``doc`` as PDF bytes into ``out``."""
    write_pdf(doc, out, on_warning=hooks.on_warning, on_figure=hooks.on_figure)


def write_pdf(
    doc: Document, path: Path | BinaryIO, *, on_warning: Warn | None = None, on_figure: FigureListener | None = None
) -> None:
    """Write ``doc`` as an A4 PDF to exactly ``path`` (a file name or a writable binary file).

    With ``SOURCE_DATE_EPOCH`` set the file is byte-identical from run to run
    and dated from the epoch; otherwise it is dated now.  ``on_warning``
    receives a :class:`BriefWarning` for anything laid out differently from the
    model (unknown role, deep heading, ragged table); without it they are
    dropped.  Characters no bundled font has are drawn as U+FFFD (see
    :mod:`.fonts`).  ``on_figure(figure, page)`` is called for every
    :class:`~jjj_brief.document.Figure` as it is drawn, with its page number
    (for an audit ledger).  A figure with a ``note`` gets a PDF text
    annotation; one with a ``previous`` value a change bar in the left margin.

    A last page holding only a remainder (a heading and two lines, say) is
    what a typesetter tightens away: the document is then laid out again
    tighter (:data:`TIGHTENINGS`), and the tighter layout is kept if it saves
    that page.
    """
    layout = _lay_out(doc)
    for tightening in TIGHTENINGS:
        if not layout.ends_in_a_remainder:
            break
        tighter = _lay_out(doc, tightening)
        if tighter.pages < layout.pages:
            layout = tighter
    for warning in layout.warnings:
        (on_warning or ignore_warning)(warning)
    for figure, page in layout.figures:
        if on_figure is not None:
            on_figure(figure, page)
    if isinstance(path, (str, Path)):
        Path(path).write_bytes(layout.data)
    else:
        path.write(layout.data)


REMAINDER = 0.2
"""A last page whose text fills less than this share of the type area holds only a remainder."""

TIGHTENINGS = ("charts", "charts+spacing")
"""What a second (and third) layout gives up: charts at their least height, then half the space
between blocks."""


@dataclass
class _Layout:
    """One layout of the document: the file's bytes, its page count, and what it reported on the way."""

    data: bytes
    pages: int
    last_page_filled: float  # the share of the last page's type area the story used
    warnings: list[BriefWarning] = field(default_factory=list)
    figures: list[tuple[Figure, int]] = field(default_factory=list)

    @property
    def ends_in_a_remainder(self) -> bool:
        return self.pages > 1 and self.last_page_filled < REMAINDER


def _lay_out(doc: Document, tightening: str = "") -> _Layout:
    """Lay ``doc`` out once, into memory; ``tightening`` names one of :data:`TIGHTENINGS`."""
    from io import BytesIO

    from jjj_brief.writers.pdf.blocks import StoryWriter
    from jjj_brief.writers.pdf.page import BriefCanvas, PageFurniture
    from jjj_brief.writers.pdf.styles import house_style, tightened

    reproducible = source_date_epoch() is not None
    house = house_style(doc.meta.lang, doc.meta.house_style)
    if "spacing" in tightening:
        house = tightened(house)
    layout = _Layout(b"", 0, 1.0)
    writer = StoryWriter(house, layout.warnings.append, charts_at_least_height="charts" in tightening)
    story = writer.title_block(doc.meta)
    for block in doc.blocks:
        story.extend(writer.block(block))
    out = BytesIO()
    template = _template(out, doc.meta, house.page, reproducible)
    template.afterFlowable = partial(_note_fill, template, layout)
    furniture = PageFurniture(doc.meta, house)
    listener = partial(_note_figure, layout)
    template.build(story, canvasmaker=partial(BriefCanvas, furniture=furniture, on_figure=listener))
    layout.data, layout.pages = out.getvalue(), template.page
    return layout


def _note_fill(template: Any, layout: _Layout, flowable: Any) -> None:
    """After each flowable: how much of the current page's type area the story has used."""
    frame = template.frame
    if frame is None:
        return  # an action before the first page begins
    layout.last_page_filled = (frame._y2 - frame._y) / max(frame._y2 - frame._y1, 1.0)


def _note_figure(layout: _Layout, figure: Figure, page: int) -> None:
    layout.figures.append((figure, page))


def _template(out: BinaryIO, meta: Meta, page: Any, reproducible: bool) -> Any:  # -> BaseDocTemplate
    """One frame on A4, carrying the metadata and the language into the file."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from jjj_brief.writers.pdf.fonts import base_font_name

    template = BaseDocTemplate(
        out,
        pagesize=page.size,
        leftMargin=page.left,
        rightMargin=page.right,
        topMargin=page.top,
        bottomMargin=page.bottom,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=list(meta.keywords),
        creator="jjj-brief",
        lang=meta.lang,
        invariant=1 if reproducible else 0,
        initialFontName=base_font_name(),
    )
    frame = Frame(
        page.left,
        page.bottom,
        page.frame_width,
        page.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return template
