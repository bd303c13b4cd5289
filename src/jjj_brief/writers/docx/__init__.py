"""DOCX writer: lays a :class:`~jjj_brief.document.Document` out with python-docx.

The entry point only; the work is split by concern so each part stays small:

- :mod:`.docx_build` walks the tree, one case per node type (as in a pandoc
  writer), and decides which *style* each paragraph gets;
- :mod:`.docx_styles` is the house style: every font and size lives in a
  named style, and it documents the DOCX ↔ PDF font mapping;
- :mod:`.docx_page` sets A4 pages, header, footer and PAGE/NUMPAGES fields;
- :mod:`.docx_package` writes metadata and, under ``SOURCE_DATE_EPOCH``, a
  byte-reproducible zip.

Importing this module does not import python-docx (about 0.1 s): the import
happens when :func:`write_docx` first runs, so ``jjj-brief --help`` and
commands that write only PDF never pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jjj_brief.document import Document
from jjj_brief.errors import BriefWarning

Warn = Callable[[BriefWarning], None]


def write_docx(doc: Document, path: Path, *, on_warning: Warn | None = None) -> None:
    """Write ``doc`` as a DOCX to exactly ``path`` (the caller renames a temp file into place).

    ``on_warning`` receives a :class:`BriefWarning` for anything set differently
    from the model (an unknown paragraph role, a heading deeper than 2, an
    empty table); without it such notes are dropped, never raised.
    Raises :class:`~jjj_brief.errors.BriefError` for a malformed
    ``SOURCE_DATE_EPOCH``.
    """
    from jjj_brief.writers.docx.build import build_document
    from jjj_brief.clock import source_date_epoch
    from jjj_brief.writers.docx.package import save_package

    epoch = source_date_epoch()
    document = build_document(doc, epoch, on_warning or _ignore)
    save_package(document, Path(path), epoch)


def _ignore(_: BriefWarning) -> None:
    """The default warning sink: the writer's warnings are advisory."""
