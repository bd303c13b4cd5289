"""A :class:`~jjj_brief.document.Document` as stable, indented text, for golden tests.

One node a line, children indented two spaces under their parent, strings quoted as JSON
(so spaces, newlines and empty strings show), and only the fields a reviewer checks: the
text, and where they matter a Figure's facts, formula, value, unit, period and style, a
cell's alignment, a chart's categories, ticks and series.  Empty or default fields are left
out, so a line only grows when the document does.  Nothing depends on ids, memory
addresses or dictionary order: the same Document always dumps to the same text.

>>> from jjj_brief.document import Cell, Document, Figure, Meta, Paragraph, Table, Text
>>> doc = Document(Meta(lang="en", title="Brief"), (
...     Paragraph((Text("GDP grew "), Figure("5.1%", facts=("gdp/jjj/2023", "gdp/jjj/2022"),
...                formula="growth(a, b)", value="5.1", unit="percent", style="percent digits=1"))),
...     Table(header=(Cell((Text("Year"),)), Cell((Text("Value"),), "right")), rows=()),
... ))
>>> print(dump(doc), end="")
Document
  Meta
    lang: "en"
    title: "Brief"
    page_label: "{page} / {pages}"
    house_style: "research"
  Paragraph role=body
    Text "GDP grew "
    Figure "5.1%" value=5.1 unit=percent style="percent digits=1" formula="growth(a, b)" facts=[gdp/jjj/2023, gdp/jjj/2022]
  Table
    header
      Cell align=left
        Text "Year"
      Cell align=right
        Text "Value"
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from jjj_brief.document import (
    Block,
    Box,
    BulletList,
    Cell,
    Chart,
    Distribution,
    Document,
    Emph,
    Figure,
    Heading,
    Inlines,
    Meta,
    Paragraph,
    SourceList,
    SourceRef,
    Strong,
    Table,
    Text,
)

_INDENT = "  "
_META_FIELDS = (
    "lang",
    "title",
    "subtitle",
    "dateline",
    "author",
    "subject",
    "keywords",
    "classification",
    "page_label",
    "house_style",
    "masthead",
    "issue_label",
    "issuer",
    "edition",
)


def dump(doc: Document) -> str:
    """The whole tree, one node a line, ending in a newline."""
    return "\n".join(_document(doc)) + "\n"


def q(text: str) -> str:
    """A string quoted so that every character shows (JSON, non-ASCII kept as is).

    >>> print(q('a "b"\\n'), q("长三角"))
    "a \\"b\\"\\n" "长三角"
    """
    return json.dumps(text, ensure_ascii=False)


def _word(text: str) -> str:
    """A short field value: bare when it is one plain token, quoted otherwise."""
    plain = text and all(c.isalnum() or c in "._/-+:" for c in text)
    return text if plain else q(text)


def _document(doc: Document) -> Iterator[str]:
    yield "Document"
    yield from _indent(_meta(doc.meta))
    for block in doc.blocks:
        yield from _indent(_block(block))


def _meta(meta: Meta) -> Iterator[str]:
    yield "Meta"
    for name in _META_FIELDS:
        value = getattr(meta, name)
        if isinstance(value, tuple):
            if value:
                yield f"{_INDENT}{name}: [{', '.join(q(v) for v in value)}]"
        elif value:
            yield f"{_INDENT}{name}: {q(value)}"


def _indent(lines: Iterator[str]) -> Iterator[str]:
    return (_INDENT + line for line in lines)


def _section(label: str, content: Inlines) -> Iterator[str]:
    """A labelled run of inlines (caption, note, title, list item); nothing when empty."""
    if content:
        yield label
        yield from _indent(_inlines(content))


def _inlines(content: Inlines) -> Iterator[str]:
    for node in content:
        if isinstance(node, Text):
            yield f"Text {q(node.text)}"
        elif isinstance(node, (Strong, Emph)):
            yield type(node).__name__
            yield from _indent(_inlines(node.children))
        elif isinstance(node, Figure):
            yield _figure(node)
        elif isinstance(node, SourceRef):
            yield f"SourceRef {node.number}"
        else:  # pragma: no cover - the inline types are closed
            raise TypeError(f"unknown inline {type(node).__name__}")


def _figure(fig: Figure) -> str:
    parts = [f"Figure {q(fig.text)}"]
    for name in ("value", "unit", "period"):
        value = getattr(fig, name)
        if value is not None:
            parts.append(f"{name}={_word(value)}")
    if fig.style is not None:
        parts.append(f"style={q(fig.style)}")
    if fig.formula is not None:
        parts.append(f"formula={q(fig.formula)}")
    if fig.facts:
        parts.append(f"facts=[{', '.join(_word(f) for f in fig.facts)}]")
    if fig.previous is not None:
        parts.append(f"previous={q(fig.previous)}")
    if fig.note:
        parts.append(f"note={q(fig.note)}")
    return " ".join(parts)


def _cells(label: str, row: tuple[Cell, ...]) -> Iterator[str]:
    yield label
    for cell in row:
        yield f"{_INDENT}Cell align={cell.align}"
        yield from _indent(_indent(_inlines(cell.content)))


def _number(value: float) -> str:
    """A chart value: shortest round-trip repr, integers without ``.0``."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _block(block: Block) -> Iterator[str]:
    if isinstance(block, Heading):
        yield f"Heading level={block.level}"
        yield from _indent(_inlines(block.content))
    elif isinstance(block, Paragraph):
        yield f"Paragraph role={_word(block.role)}"
        yield from _indent(_inlines(block.content))
    elif isinstance(block, BulletList):
        yield "BulletList"
        for item in block.items:
            yield from _indent(_section("item", item))
    elif isinstance(block, Table):
        yield "Table"
        yield from _indent(_section("caption", block.caption))
        yield from _indent(_cells("header", block.header))
        for number, row in enumerate(block.rows, 1):
            yield from _indent(_cells(f"row {number}", row))
        yield from _indent(_section("note", block.note))
    elif isinstance(block, SourceList):
        yield "SourceList"
        for entry in block.entries:
            head = f"SourceEntry {entry.number}" + (f" source_id={_word(entry.source_id)}" if entry.source_id else "")
            yield _INDENT + head
            yield from _indent(_indent(_inlines(entry.content)))
    elif isinstance(block, Chart):
        yield from _chart(block)
    elif isinstance(block, Box):
        yield "Box"
        yield from _indent(_section("title", block.title))
        for inner in block.blocks:
            yield from _indent(_block(inner))
    elif isinstance(block, Distribution):
        yield "Distribution" + (f" copies={q(block.copies)}" if block.copies else "")
        for label, who in block.entries:
            yield f"{_INDENT}entry {q(label)} {q(who)}"
    else:  # pragma: no cover - the block types are closed
        raise TypeError(f"unknown block {type(block).__name__}")


def _chart(chart: Chart) -> Iterator[str]:
    yield f"Chart kind={chart.kind}"
    yield from _indent(_section("caption", chart.caption))
    yield f"{_INDENT}categories: [{', '.join(q(c) for c in chart.categories)}]"
    if chart.axis_label:
        yield f"{_INDENT}axis_label: {q(chart.axis_label)}"
    if chart.scale != 1:
        yield f"{_INDENT}scale: {_number(chart.scale)}"
    if chart.tick_format != "General":
        yield f"{_INDENT}tick_format: {q(chart.tick_format)}"
    if chart.ticks:
        yield f"{_INDENT}ticks: [{', '.join(f'{_number(v)} {q(label)}' for v, label in chart.ticks)}]"
    for series in chart.series:
        yield f"{_INDENT}series {q(series.name)}"
        yield f"{_INDENT * 2}values: [{', '.join(_number(v) for v in series.values)}]"
        yield f"{_INDENT * 2}labels: [{', '.join(q(label) for label in series.labels)}]"
        if series.facts:
            yield f"{_INDENT * 2}facts: [{', '.join(_word(f) for f in series.facts)}]"
    yield from _indent(_section("note", chart.note))
