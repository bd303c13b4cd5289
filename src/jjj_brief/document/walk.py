"""Traversal of the document tree: the one place that knows which nodes hold which.

Writers, the ledger, parity and the dump all need "every figure" or "every
inline run in reading order"; :func:`walk` gives every node once, in reading
order, so a new block type is taught to traversal here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterator

from jjj_brief.document.model import (
    Block,
    Box,
    BulletList,
    Chart,
    Distribution,
    Document,
    Emph,
    Figure,
    Heading,
    Inline,
    Inlines,
    Paragraph,
    SourceList,
    SourceRef,
    Strong,
    Table,
    Text,
)

Node = Block | Inline


def walk(node: Document | Node) -> Iterator[Node]:
    """Every block and inline below ``node`` (itself included, unless a Document), pre-order.

    >>> from jjj_brief.document.model import Meta
    >>> doc = Document(Meta(lang="en", title="T"), (Paragraph((Text("a"), Strong((Text("b"),)))),))
    >>> [type(n).__name__ for n in walk(doc)]
    ['Paragraph', 'Text', 'Strong', 'Text']
    """
    if isinstance(node, Document):
        for block in node.blocks:
            yield from walk(block)
        return
    yield node
    for run in inline_runs(node):
        for inline in run:
            yield from walk(inline)
    for inner in child_blocks(node):
        yield from walk(inner)


def inline_runs(node: Node) -> Iterator[Inlines]:
    """The runs of inlines a node holds directly, in reading order."""
    if isinstance(node, (Strong, Emph)):
        yield node.children
    elif isinstance(node, (Heading, Paragraph)):
        yield node.content
    elif isinstance(node, BulletList):
        yield from node.items
    elif isinstance(node, Table):
        yield node.caption
        for row in (node.header, *node.rows):
            yield from (cell.content for cell in row)
        yield node.note
    elif isinstance(node, Chart):
        yield node.caption
        yield node.note
    elif isinstance(node, Box):
        yield node.title
    elif isinstance(node, SourceList):
        yield from (entry.content for entry in node.entries)


def child_blocks(node: Node) -> tuple[Block, ...]:
    """The blocks nested in a block (a box's content); empty for every other node."""
    return node.blocks if isinstance(node, Box) else ()


def figures(doc: Document | Node) -> Iterator[Figure]:
    """Every figure in reading order (source-list entries hold none)."""
    return (node for node in walk(doc) if isinstance(node, Figure))


def inline_text(content: Inlines) -> str:
    """The text of a run of inlines, as a reader would see it (source refs as ``[n]``)."""
    parts: list[str] = []
    for node in content:
        if isinstance(node, (Text, Figure)):
            parts.append(node.text)
        elif isinstance(node, (Strong, Emph)):
            parts.append(inline_text(node.children))
        elif isinstance(node, SourceRef):
            parts.append(f"[{node.number}]")
    return "".join(parts)


def block_texts(block: Block) -> Iterator[str]:
    """Each line-like piece of text in a block, in reading order."""
    if isinstance(block, (Heading, Paragraph)):
        yield inline_text(block.content)
    elif isinstance(block, BulletList):
        yield from (inline_text(item) for item in block.items)
    elif isinstance(block, Table):
        if block.caption:
            yield inline_text(block.caption)
        for row in (block.header, *block.rows):
            yield from (inline_text(cell.content) for cell in row)
        if block.note:
            yield inline_text(block.note)
    elif isinstance(block, SourceList):
        yield from (f"[{e.number}] {inline_text(e.content)}" for e in block.entries)
    elif isinstance(block, Chart):
        if block.caption:
            yield inline_text(block.caption)
        if block.note:
            yield inline_text(block.note)
    elif isinstance(block, Box):
        yield inline_text(block.title)
        for inner in block.blocks:
            yield from block_texts(inner)
    elif isinstance(block, Distribution):
        yield from (f"{label}{who}" for label, who in block.entries)
        if block.copies:
            yield block.copies


def plain_text(doc: Document) -> str:
    """The whole document as plain text, one piece a line: what round-trip tests compare."""
    head = [doc.meta.title, doc.meta.subtitle, doc.meta.dateline]
    body = [text for block in doc.blocks for text in block_texts(block)]
    return "\n".join(t for t in [*head, *body] if t)
