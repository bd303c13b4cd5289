"""HTML writer: the briefing for screens, one self-contained file per language.

Nothing in the file asks for anything outside it: the stylesheet is inline, charts are
inline SVG (:mod:`.chart`), there are no scripts, images, links or fonts to fetch.

Fonts are named, not embedded.  The stylesheet's stacks start with the Noto faces the
PDF embeds and fall back to each system's own serif and sans faces by class (Songti /
SimSun / PMingLiU, PingFang / YaHei / JhengHei, then ``serif`` and ``sans-serif``), per
language (``:lang(zh-TW)`` picks Traditional forms).  Every phone and desktop that reads
Chinese has such faces, and subsetting the bundled Chinese faces into WOFF2 would cost a
second per document (fontTools loads the whole 7–10 MB face) and 50–100 KB per face and
weight in every file, for a look the system faces already give.

The layout is one column, at most 46 rem wide: it reads on a 360 px phone (tables wrap
inside their cells, charts scale with their ``viewBox``) and on a desktop, and a print
stylesheet sets it on A4.  The writer formats no number and chooses no word: every text
comes from the Document; figures carry their exact value and fact ids (see :mod:`.blocks`).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import BinaryIO

from jjj_brief.document import Document
from jjj_brief.scripts import is_chinese
from jjj_brief.writers import Warn, WriterHooks, ignore_warning


def write(doc: Document, out: BinaryIO, hooks: WriterHooks) -> None:
    """The writer contract (see :mod:`jjj_brief.writers`): ``doc`` as HTML (UTF-8) into ``out``."""
    out.write(html_document(doc, hooks.on_warning).encode("utf-8"))


@cache
def stylesheet() -> str:
    """The house style, inlined into every file (``briefing.css`` beside this module)."""
    return files(__package__).joinpath("briefing.css").read_text(encoding="utf-8")


def html_document(doc: Document, on_warning: Warn = ignore_warning) -> str:
    """The whole file: head (language, title, metadata, style), title block, the blocks."""
    from lxml import etree

    from jjj_brief.writers.html.blocks import HtmlBuilder
    from jjj_brief.writers.html.nodes import element

    meta = doc.meta
    root = element("html", lang=meta.lang)
    head = element("head", root)
    element("meta", head, charset="utf-8")
    element("meta", head, name="viewport", content="width=device-width, initial-scale=1")
    element("title", head, meta.title)
    for name, content in (
        ("author", meta.author),
        ("description", meta.subject),
        ("keywords", ", ".join(meta.keywords)),
    ):
        if content:
            element("meta", head, name=name, content=content)
    element("style", head).text = stylesheet()
    body = element("body", root, class_=meta.house_style)
    builder = HtmlBuilder(element("main", body), is_chinese(meta.lang), on_warning)
    builder.title_block(meta, element("header", body, class_="title-block"))
    body.append(builder.main)  # after the header: the title block comes first
    for block in doc.blocks:
        builder.block(builder.main, block)
    return "<!DOCTYPE html>\n" + etree.tostring(root, method="html", encoding="unicode") + "\n"
