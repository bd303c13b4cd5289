"""DOCX writer: lays a :class:`~jjj_brief.document.Document` out with python-docx.

The entry point only; the work is split by concern so each part stays small:

- :mod:`.build` walks the tree, one case per node type (as in a pandoc
  writer), and decides which *style* each paragraph gets;
- :mod:`.house` picks an edition's faces, :mod:`.looks` its measurements
  (mirroring the PDF), :mod:`.styles` and :mod:`.table_styles` turn them
  into named Word styles, and document the DOCX ↔ PDF font mapping;
- :mod:`.fonts` declares the faces in ``fontTable.xml`` and embeds them;
- :mod:`.page` sets A4 pages, header, footer and PAGE/NUMPAGES fields;
  :mod:`.jianbao` the 简报's page, masthead and distribution block;
- :mod:`.package` writes metadata and, under ``SOURCE_DATE_EPOCH``, a
  byte-reproducible zip.

Importing this module does not import python-docx (about 0.1 s): the import
happens when :func:`write_docx` first runs, so ``jjj-brief --help`` and
commands that write only PDF never pay for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from jjj_brief.document import Document
from jjj_brief.writers import Warn, WriterHooks, ignore_warning


def needs(doc: Document) -> set[str]:
    """The modules writing ``doc`` imports: python-docx and, for a document with a chart,
    the chart drawing (reportlab's graphics) and its painting (Pillow)."""
    from jjj_brief.writers.charts import DRAWING, PAINTING, has_chart

    return {"jjj_brief.writers.docx.build", *([DRAWING, PAINTING] if has_chart(doc) else [])}


def write(doc: Document, out: BinaryIO, hooks: WriterHooks, *, embed_fonts: bool = False) -> None:
    """The writer contract (see :mod:`jjj_brief.writers`): ``doc`` as DOCX bytes into ``out``;
    ``embed_fonts`` is the format's one option (``Writer.with_options``)."""
    write_docx(doc, out, on_warning=hooks.on_warning, embed_fonts=embed_fonts)


def write_docx(
    doc: Document, path: Path | BinaryIO, *, on_warning: Warn | None = None, embed_fonts: bool = False
) -> None:
    """Write ``doc`` as a DOCX to exactly ``path`` (a file name or a writable binary file).

    ``on_warning`` receives a :class:`BriefWarning` for anything set differently
    from the model (an unknown paragraph role, a heading deeper than 2, an
    empty table); without it such notes are dropped, never raised.
    With ``embed_fonts`` the file names the bundled faces (those the PDF
    uses) and carries them, subset to its characters, so it looks the same
    on a machine without Chinese office fonts (see :mod:`.fonts`).
    Raises :class:`~jjj_brief.errors.BriefError` for a malformed
    ``SOURCE_DATE_EPOCH``.
    """
    from jjj_brief.clock import source_date_epoch
    from jjj_brief.writers.docx.build import build_document
    from jjj_brief.writers.docx.package import save_package

    epoch = source_date_epoch()
    document = build_document(doc, epoch, on_warning or ignore_warning, embed_fonts)
    save_package(document, path, epoch)
