"""The writers: the table from format name to writer, and the contract every writer keeps.

A writer turns a finished :class:`~jjj_brief.document.Document` into the bytes of one
file.  It formats no number and chooses no word (both are decided in the Document); it
reports what it laid out differently through ``hooks.on_warning`` and, when asked, where
each figure landed through ``hooks.on_figure``.  Adding a format is one folder beside
``pdf/`` and ``docx/`` with a ``write(doc, out, hooks)`` function, and one row in
:data:`WRITERS`.  The table names modules rather than importing them, so choosing
``--format docx`` never imports reportlab.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, BinaryIO, NoReturn, Protocol

from jjj_brief.document import Document, Figure
from jjj_brief.document.pairing import Bilingual
from jjj_brief.errors import BriefWarning

Warn = Callable[[BriefWarning], None]
FigureListener = Callable[[Figure, int], None]


def ignore_warning(_: BriefWarning) -> None:
    """The default warning sink: a writer's warnings are advisory."""


def unhandled(node: NoReturn, warn: Warn, writer: str) -> None:
    """The last branch of a writer's dispatch over node types.

    Its parameter is the bottom type, so mypy proves every block and inline type has a
    branch before it (``assert_never``); at run time a node from outside the closed set
    is left out with a warning, as pandoc's writers do, not a crash.
    """
    warn(BriefWarning(f"{writer} writer left out a node it does not know: {type(node).__name__}"))


@dataclass(frozen=True)
class WriterHooks:
    """What a writer may tell its caller while it writes.

    ``on_figure(figure, page)`` is for paged formats (the PDF): the audit ledger asks it
    for the page of every figure.  A writer without pages never calls it.
    """

    on_warning: Warn = ignore_warning
    on_figure: FigureListener | None = None


class Write(Protocol):
    """The one signature of every writer."""

    def __call__(self, doc: Document, out: BinaryIO, hooks: WriterHooks) -> None: ...


@dataclass(frozen=True)
class Writer:
    """A row of the table: the format's name, its file extension and where its code lives."""

    name: str
    extension: str
    module: str
    paged: bool = False  # reports figure pages through hooks.on_figure
    options: tuple[tuple[str, Any], ...] = ()  # keyword options of this format's write(), e.g. embed_fonts

    def load(self) -> Write:
        """The write function, importing the writer's libraries on first use; options bound."""
        write: Write = importlib.import_module(self.module).write
        return partial(write, **dict(self.options)) if self.options else write

    def with_options(self, **options: Any) -> Writer:
        """This row with keyword options for its write function (``--embed-fonts`` for the DOCX)."""
        return replace(self, options=tuple(sorted(options.items())))

    def needs(self, doc: Document) -> frozenset[str]:
        """The modules writing ``doc`` imports (the writer module's ``needs(doc)``, if it has
        one): a caller about to fork a second writer process imports the ones both share once."""
        try:
            needs = getattr(importlib.import_module(self.module), "needs", None)
        except ImportError:  # a hint only: load() is where a missing writer is reported
            return frozenset()
        return frozenset(needs(doc)) if needs is not None else frozenset()

    def to_bytes(self, doc: Document | Bilingual, hooks: WriterHooks | None = None) -> bytes:
        """The whole file in memory: what a worker process returns to the publisher."""
        buffer = io.BytesIO()
        self.load()(doc, buffer, hooks or WriterHooks())  # type: ignore[arg-type]  # a pair for PAIRED_WRITERS
        return buffer.getvalue()


WRITERS: dict[str, Writer] = {
    "pdf": Writer("pdf", "pdf", "jjj_brief.writers.pdf", paged=True),
    "docx": Writer("docx", "docx", "jjj_brief.writers.docx"),
    "html": Writer("html", "html", "jjj_brief.writers.html"),
}
"""Format name → writer, in the order ``--format all`` writes them."""

FORMATS: tuple[str, ...] = tuple(WRITERS)

PAIRED_WRITERS: dict[str, Writer] = {
    "pdf": Writer("pdf", "pdf", "jjj_brief.writers.pdf.bilingual"),
    "docx": Writer("docx", "docx", "jjj_brief.writers.docx.bilingual"),
}
"""Format → writer of a :class:`~jjj_brief.document.pairing.Bilingual` (two languages side by side):
the same contract, with the pair in place of one Document."""
