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

from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from jjj_brief.clock import source_date_epoch
from jjj_brief.document import Document, Meta
from jjj_brief.writers import FigureListener, Warn, WriterHooks, ignore_warning


def write(doc: Document, out: BinaryIO, hooks: WriterHooks) -> None:
    """The writer contract (see :mod:`jjj_brief.writers`): ``doc`` as PDF bytes into ``out``."""
    write_pdf(doc, out, on_warning=hooks.on_warning, on_figure=hooks.on_figure)


def write_pdf(doc: Document, path: Path | BinaryIO, *, on_warning: Warn | None = None,
              on_figure: FigureListener | None = None) -> None:
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
    """
    from jjj_brief.writers.pdf.blocks import StoryWriter
    from jjj_brief.writers.pdf.page import BriefCanvas, PageFurniture
    from jjj_brief.writers.pdf.styles import house_style

    reproducible = source_date_epoch() is not None
    house = house_style(doc.meta.lang, doc.meta.house_style)
    writer = StoryWriter(house, on_warning or ignore_warning)
    story = writer.title_block(doc.meta)
    for block in doc.blocks:
        story.extend(writer.block(block))
    template = _template(path, doc.meta, house.page, reproducible)
    furniture = PageFurniture(doc.meta, house)
    template.build(story, canvasmaker=partial(BriefCanvas, furniture=furniture, on_figure=on_figure))


def _template(path: Path | BinaryIO, meta: Meta, page: Any, reproducible: bool) -> Any:
    """One frame on A4, carrying the metadata and the language into the file."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from jjj_brief.writers.pdf.fonts import base_font_name

    template = BaseDocTemplate(
        str(path) if isinstance(path, (str, Path)) else path,
        pagesize=page.size,
        leftMargin=page.left, rightMargin=page.right, topMargin=page.top, bottomMargin=page.bottom,
        title=meta.title, author=meta.author, subject=meta.subject, keywords=list(meta.keywords),
        creator="jjj-brief", lang=meta.lang, invariant=1 if reproducible else 0,
        initialFontName=base_font_name(),
    )
    frame = Frame(page.left, page.bottom, page.frame_width, page.frame_height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return template
