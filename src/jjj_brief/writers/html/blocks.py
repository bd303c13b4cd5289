"""The document tree → HTML elements, one case per node type (as the other writers do).

The outline is the document's: the title is the only ``<h1>``, a level-1 heading an
``<h2>``, a level-2 heading an ``<h3>``, a box's title an ``<h2>`` in its ``<section>``.
A figure becomes ``<data value="2430000000000" data-facts="…">2.43万亿元</data>``: the
text as printed, the exact value as the machine-readable value, its facts for the audit.
A source mark is a link to its entry in the sources list (``#source-1``).  Every text
goes through :func:`~jjj_brief.writers.text.xml.xml_safe` and lxml escapes it.
"""

from __future__ import annotations

from collections.abc import Callable

from jjj_brief.document import (
    Block,
    Box,
    BulletList,
    Chart,
    Distribution,
    Emph,
    Figure,
    Heading,
    Inline,
    Inlines,
    Meta,
    Paragraph,
    SourceList,
    SourceRef,
    Strong,
    Table,
    Text,
)
from jjj_brief.errors import BriefWarning
from jjj_brief.writers import unhandled
from jjj_brief.writers.html.nodes import Element, append_text, element

Warn = Callable[[BriefWarning], None]
HEADING_TAGS = {1: "h2", 2: "h3"}
FIGURE_ATTRIBUTES = (
    ("data-unit", "unit"),
    ("data-period", "period"),
    ("data-formula", "formula"),
    ("data-style", "style"),
    ("data-previous", "previous"),
)


class HtmlBuilder:
    """Appends blocks to ``<main>``; warnings for what the model has and HTML leaves out."""

    def __init__(self, main: Element, chinese: bool, warn: Warn) -> None:
        self.main = main
        self.chinese = chinese
        self.warn = warn
        self.charts = 0  # numbers the charts' caption ids

    # ------------------------------------------------------------ inlines

    def inlines(self, parent: Element, content: Inlines) -> Element:
        for node in content:
            self.inline(parent, node)
        return parent

    def inline(self, parent: Element, node: Inline) -> None:
        if isinstance(node, Text):
            append_text(parent, node.text)
        elif isinstance(node, Figure):
            self.figure(parent, node)
        elif isinstance(node, SourceRef):
            element("a", parent, f"[{node.number}]", href=f"#source-{node.number}", class_="source-ref")
        elif isinstance(node, Strong):
            self.inlines(element("strong", parent), node.children)
        elif isinstance(node, Emph):
            self.inlines(element("em", parent), node.children)
        else:
            unhandled(node, self.warn, "HTML")

    def figure(self, parent: Element, figure: Figure) -> None:
        """The printed text, with the exact value and the facts it came from as attributes."""
        attrs = {"class_": "figure", "data_facts": " ".join(figure.facts)}
        if figure.value is not None:
            attrs["value"] = figure.value
        for name, field in FIGURE_ATTRIBUTES:
            if getattr(figure, field) is not None:
                attrs[name.replace("-", "_")] = getattr(figure, field)
        if figure.note:
            attrs["title"] = figure.note
        element("data", parent, figure.text, **attrs)

    # ------------------------------------------------------------- blocks

    def title_block(self, meta: Meta, header: Element) -> None:
        """Classification, title, subtitle and dateline (a 简报 has its masthead instead)."""
        if meta.classification:
            element("p", header, meta.classification, class_="classification")
        if meta.house_style == "jianbao":
            element("p", header, meta.masthead or meta.title, class_="masthead")
            if meta.issue_label:
                element("p", header, meta.issue_label, class_="issue")
            line = element("p", header, class_="issue-line")
            element("span", line, meta.issuer)
            element("span", line, meta.dateline)
            if meta.masthead and meta.title:
                element("h1", header, meta.title)
        else:
            element("h1", header, meta.title)
            if meta.dateline:
                element("p", header, meta.dateline, class_="dateline")
        if meta.subtitle:
            element("p", header, meta.subtitle, class_="subtitle")

    def block(self, parent: Element, block: Block) -> None:
        """One case per block type; the chart is drawn in :mod:`.chart`."""
        if isinstance(block, Heading):
            self.heading(parent, block)
        elif isinstance(block, Paragraph):
            self.inlines(element("p", parent, class_=block.role), block.content)
        elif isinstance(block, BulletList):
            items = element("ul", parent)
            for item in block.items:
                self.inlines(element("li", items), item)
        elif isinstance(block, Table):
            self.table(parent, block)
        elif isinstance(block, SourceList):
            self.sources(parent, block)
        elif isinstance(block, Chart):
            from jjj_brief.writers.html.chart import chart_figure

            self.charts += 1
            parent.append(chart_figure(block, self.chinese, self.inlines, self.charts))
        elif isinstance(block, Box):
            self.box(parent, block)
        elif isinstance(block, Distribution):
            self.distribution(parent, block)
        else:
            unhandled(block, self.warn, "HTML")

    def heading(self, parent: Element, heading: Heading) -> None:
        tag = HEADING_TAGS.get(heading.level)
        if tag is None:
            self.warn(BriefWarning(f"html: heading level {heading.level} set as <h3>"))
        self.inlines(element(tag or "h3", parent), heading.content)

    def table(self, parent: Element, table: Table) -> None:
        """``<table>`` with its caption; header cells ``<th scope="col">``, each row's first cell
        ``<th scope="row">`` (it names the row); the note (the source line) below."""
        grid = element("table", parent)
        if table.caption:
            self.inlines(element("caption", grid), table.caption)
        head = element("tr", element("thead", grid))
        for cell in table.header:
            self.inlines(element("th", head, scope="col", **_aligned(cell.align)), cell.content)
        body = element("tbody", grid)
        for row in table.rows:
            line = element("tr", body)
            for index, cell in enumerate(row):
                attrs = {"scope": "row"} if index == 0 else {}
                self.inlines(element("th" if index == 0 else "td", line, **attrs, **_aligned(cell.align)), cell.content)
        if table.note:
            self.inlines(element("p", parent, class_="table-note"), table.note)

    def sources(self, parent: Element, sources: SourceList) -> None:
        """The numbered sources, each with the id its marks link to."""
        entries = element("ol", parent, class_="sources")
        for entry in sources.entries:
            item = element("li", entries, id=f"source-{entry.number}", value=str(entry.number))
            element("span", item, f"[{entry.number}]", class_="source-number")
            self.inlines(item, entry.content)

    def box(self, parent: Element, box: Box) -> None:
        """A ``<section>`` titled by an ``<h2>``: the key-points box is part of the outline."""
        section = element("section", parent, class_="box")
        if box.title:
            self.inlines(element("h2", section, class_="box-title"), box.title)
        for inner in box.blocks:
            self.block(section, inner)

    def distribution(self, parent: Element, block: Distribution) -> None:
        """报：/送：/发： lines and 共印X份 between two rules at the end of a 简报."""
        footer = element("footer", parent, class_="distribution")
        for label, recipients in block.entries:
            line = element("p", footer)
            element("span", line, label, class_="label")
            append_text(line, recipients)
        if block.copies:
            element("p", footer, block.copies, class_="copies")


def _aligned(align: str) -> dict[str, str]:
    return {} if align == "left" else {"class_": align}
