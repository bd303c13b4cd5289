"""Brief markup → :class:`~jjj_brief.document.Document`.

Templates render to *brief markup*, a tiny HTML-like XML dialect, and this
module is the only parser of it.  Because Jinja2 autoescapes for XML, a
label holding ``<`` or ``&`` arrives here as text, never as markup.

The dialect::

    <brief lang="zh-CN">
      <meta><title>…</title><subtitle>…</subtitle><dateline>…</dateline>
            <author>…</author><subject>…</subject><keywords>a; b</keywords>
            <classification>…</classification><page-label>第{page}页 共{pages}页</page-label>
            <house-style>research|jianbao</house-style><masthead>…</masthead>
            <edition>bilingual</edition> (two languages side by side; see document/pairing.py)
            <issue-label>第1期</issue-label><issuer>…</issuer></meta>
      <h1>…</h1> <h2>…</h2>
      <p role="lead">… <num fact="id id" formula="…">2.43万亿元</num> <b>…</b> <i>…</i> <ref source="id"/></p>
          (|figure also writes value, unit, period, style and, when asked, note and previous on <num>)
      <ul><li>…</li></ul>
      <table><caption>…</caption><tr><th>…</th><th align="right">…</th></tr>
             <tr><td>…</td><td align="right">…</td></tr><note>…</note></table>
      <sources><source id="id">…</source></sources>
      <box><title>Key points</title> …blocks… </box>
      <chart kind="bar|line" unit="万亿元" scale="1e12" tick-format="General"><caption>…</caption>
             <series name="…"><point label="2013年" value="1.7e12" fact="id">1.7</point>…</series>
             <tick value="0">0</tick>… <note>来源：…</note></chart>
      <distribution><entry label="报：">…</entry><copies>共印50份</copies></distribution>
    </brief>

A chart's ``value`` attributes are the geometry (exact decimals as the facts
hold them); the element text of a ``<point>`` or ``<tick>`` is what is
printed, already formatted by the localization layer.  ``scale`` (default 1)
is the divisor of the axis unit: ``1e12`` when the ticks count trillions;
``tick-format`` (default ``General``) the spreadsheet number format that
prints the ticks as their labels read, for a DOCX's native chart.

Whitespace in inline content collapses as in HTML, except that a line break
between two Chinese characters disappears (as CSS does for CJK text), so a
template may wrap long Chinese lines without adding spaces.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from jjj_brief import document as d
from jjj_brief.errors import Location, MarkupError
from jjj_brief.markup.chart import read_chart
from jjj_brief.markup.figures import FigureTable
from jjj_brief.markup.nodes import collapse, is_element, text_of

_META_FIELDS = {
    "title": "title",
    "subtitle": "subtitle",
    "dateline": "dateline",
    "author": "author",
    "subject": "subject",
    "classification": "classification",
    "page-label": "page_label",
    "house-style": "house_style",
    "masthead": "masthead",
    "issue-label": "issue_label",
    "issuer": "issuer",
    "edition": "edition",
}
# what |figure writes on <num> beside fact and formula (see figures.py), kept for the ledger
_NUM_DETAILS = ("value", "unit", "period", "style")
HOUSE_STYLES = ("research", "jianbao")
EDITIONS = ("", "bilingual")  # one language per file, or two side by side


Locate = Callable[[int | None], Location]
Quote = Callable[[Location], str]


def read_markup(
    text: str, origin: str, locate: Locate | None = None, quote: Quote | None = None, figures: FigureTable | None = None
) -> d.Document:
    """Parse brief markup produced by template ``origin`` (named in errors).

    ``locate`` maps a line of ``text`` to the template line that wrote it, and ``quote``
    gives that template line's text, so an error reads ``t.xml.j2:10: …`` with the line
    under it; without them errors name ``origin`` and the line of ``text``.

    ``figures`` is the render's table of printed figures: with it, a ``<num>`` is accepted
    only as a reference the figure filters wrote (see :mod:`jjj_brief.markup.figures`);
    without it (markup written by hand, in tests) ``<num>`` carries its figure in attributes.
    """
    where: Locate = locate or (lambda line: Location(origin, line))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        place = where(exc.lineno or None)
        raise MarkupError(
            f"the template produced invalid markup: {exc.msg}",
            place,
            hint="check the tags on this line (use |e on raw text)",
            excerpt=quote(place) if quote else "",
        ) from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise MarkupError("markup may not declare a DTD or entities", where(1))
    return _Reader(where, quote, figures).document(root)


class _Reader:
    """Walks the XML tree once, numbering sources so ``<ref>`` can point at them."""

    def __init__(self, where: Locate, quote: Quote | None, figures: FigureTable | None = None) -> None:
        self.where = where
        self.quote = quote
        self.figures = figures
        self.source_numbers: dict[str, int] = {}

    def figure(self, el: etree._Element) -> d.Figure:
        """A ``<num>``: from the render's figure table, or (hand-written markup) its attributes."""
        text = collapse(text_of(el))
        if self.figures is None:
            facts = tuple((el.get("fact") or "").split())
            return d.Figure(
                text,
                facts,
                el.get("formula") or None,
                note=el.get("note", ""),
                previous=el.get("previous"),
                **{key: el.get(key) for key in _NUM_DETAILS},
            )
        figure = self.figures.take(el.get("ref"), text)
        if figure is None:
            raise self.fail(
                el, "a figure can only be printed by the |figure and |change filters, not written as <num> markup"
            )
        return self.figures.with_text(figure, text)

    def fail(self, el: etree._Element, message: str) -> MarkupError:
        place = self.where(el.sourceline)
        return MarkupError(message, place, excerpt=self.quote(place) if self.quote else "")

    def document(self, root: etree._Element) -> d.Document:
        if root.tag != "brief":
            raise self.fail(root, f"markup must start with <brief>, not <{root.tag}>")
        self._number_sources(root)
        meta_el = root.find("meta")
        if meta_el is None:
            raise self.fail(root, "<brief> lacks a <meta> element with the title")
        meta = self.meta(meta_el, root.get("lang", "en"))
        blocks = tuple(self.block(el) for el in root if el is not meta_el and is_element(el))
        return d.Document(meta, blocks)

    def _number_sources(self, root: etree._Element) -> None:
        for el in root.iter("source"):
            key = el.get("id") or f"#{len(self.source_numbers) + 1}"
            if key in self.source_numbers:
                raise self.fail(el, f"source {key!r} is listed twice")
            self.source_numbers[key] = len(self.source_numbers) + 1

    def meta(self, el: etree._Element, lang: str) -> d.Meta:
        values: dict[str, object] = {}
        for child in el:
            if not is_element(child):
                continue
            if child.tag == "keywords":
                words = text_of(child).split(";")
                values["keywords"] = tuple(w.strip() for w in words if w.strip())
            elif child.tag in _META_FIELDS:
                values[_META_FIELDS[child.tag]] = collapse(text_of(child))
            else:
                raise self.fail(child, f"unknown <meta> field <{child.tag}>")
        if not values.get("title"):
            raise self.fail(el, "<meta> lacks a non-empty <title>")
        if values.get("house_style", "research") not in HOUSE_STYLES:
            found = el.find("house-style")
            raise self.fail(
                found if found is not None else el,
                f"<house-style> must be one of {', '.join(HOUSE_STYLES)}, not {values['house_style']!r}",
            )
        if values.get("edition", "") not in EDITIONS:
            raise self.fail(el.find("edition"), f"<edition> may only say 'bilingual', not {values['edition']!r}")
        return d.Meta(lang=lang, **values)  # type: ignore[arg-type]

    def block(self, el: etree._Element) -> d.Block:
        tag = el.tag
        if tag in ("h1", "h2", "h3"):
            return d.Heading(int(tag[1]), self.inlines(el))
        if tag == "p":
            return d.Paragraph(self.inlines(el), el.get("role", "body"))
        if tag == "ul":
            return d.BulletList(tuple(self.inlines(li) for li in self.children(el, "li")))
        if tag == "table":
            return self.table(el)
        if tag == "sources":
            return self.sources(el)
        if tag == "box":
            return self.box(el)
        if tag == "chart":
            return read_chart(self, el)
        if tag == "distribution":
            return self.distribution(el)
        raise self.fail(el, f"unknown block element <{tag}>")

    def children(self, el: etree._Element, tag: str) -> list[etree._Element]:
        kids = [c for c in el if is_element(c)]
        for kid in kids:
            if kid.tag != tag:
                raise self.fail(kid, f"<{el.tag}> may only hold <{tag}>, not <{kid.tag}>")
        return kids

    def table(self, el: etree._Element) -> d.Table:
        caption: d.Inlines = ()
        note: d.Inlines = ()
        rows: list[tuple[d.Cell, ...]] = []
        for child in (c for c in el if is_element(c)):
            if child.tag == "caption":
                caption = self.inlines(child)
            elif child.tag == "note":
                note = self.inlines(child)
            elif child.tag == "tr":
                rows.append(tuple(self.cell(c) for c in child if is_element(c)))
            else:
                raise self.fail(child, f"<table> may not hold <{child.tag}>")
        if not rows:
            raise self.fail(el, "<table> has no rows")
        widths = {len(r) for r in rows}
        if len(widths) != 1:
            raise self.fail(el, f"table rows have different numbers of cells: {sorted(widths)}")
        return d.Table(header=rows[0], rows=tuple(rows[1:]), caption=caption, note=note)

    def cell(self, el: etree._Element) -> d.Cell:
        if el.tag not in ("th", "td"):
            raise self.fail(el, f"<tr> may only hold <th> and <td>, not <{el.tag}>")
        align = el.get("align", "left")
        if align not in ("left", "right", "center"):
            raise self.fail(el, f"align must be left, right or center, not {align!r}")
        return d.Cell(self.inlines(el), align)

    def sources(self, el: etree._Element) -> d.SourceList:
        entries: list[d.SourceEntry] = []
        for child in self.children(el, "source"):
            key = child.get("id") or f"#{len(entries) + 1}"
            entries.append(d.SourceEntry(self.source_numbers[key], self.inlines(child), key))
        return d.SourceList(tuple(entries))

    def box(self, el: etree._Element) -> d.Box:
        """A framed group: an optional ``<title>``, then any blocks but another box."""
        title: d.Inlines = ()
        blocks: list[d.Block] = []
        for child in (c for c in el if is_element(c)):
            if child.tag == "title" and not blocks and not title:
                title = self.inlines(child)
            elif child.tag in ("box", "distribution"):
                raise self.fail(child, f"<box> may not hold <{child.tag}>")
            else:
                blocks.append(self.block(child))
        if not blocks:
            raise self.fail(el, "<box> holds no blocks")
        return d.Box(title, tuple(blocks))

    def distribution(self, el: etree._Element) -> d.Distribution:
        """The 简报's 报/送/发 lines (``<entry label="报：">``) and the ``<copies>`` line."""
        entries: list[tuple[str, str]] = []
        copies = ""
        for child in (c for c in el if is_element(c)):
            if child.tag == "entry":
                entries.append((collapse(child.get("label", "")).strip(), collapse(text_of(child)).strip()))
            elif child.tag == "copies":
                copies = collapse(text_of(child)).strip()
            else:
                raise self.fail(child, f"<distribution> may only hold <entry> and <copies>, not <{child.tag}>")
        if not entries and not copies:
            raise self.fail(el, "<distribution> is empty")
        return d.Distribution(tuple(entries), copies)

    def inlines(self, el: etree._Element) -> d.Inlines:
        """The inline content of ``el`` with whitespace collapsed and trimmed at both ends."""
        return _trim(_merge(self._raw_inlines(el)))

    def _raw_inlines(self, el: etree._Element) -> list[d.Inline]:
        out: list[d.Inline] = []
        if el.text:
            out.append(d.Text(el.text))
        for child in el:
            if is_element(child):
                out.append(self.inline(child))
            if child.tail:
                out.append(d.Text(child.tail))
        return out

    def inline(self, el: etree._Element) -> d.Inline:
        tag = el.tag
        if tag == "b":
            return d.Strong(tuple(_merge(self._raw_inlines(el))))
        if tag == "i":
            return d.Emph(tuple(_merge(self._raw_inlines(el))))
        if tag == "num":
            return self.figure(el)
        if tag == "ref":
            key = el.get("source", "")
            if key not in self.source_numbers:
                raise self.fail(el, f"<ref> points at source {key!r}, which is not in <sources>")
            return d.SourceRef(self.source_numbers[key])
        raise self.fail(el, f"unknown inline element <{tag}>")


def _merge(nodes: list[d.Inline]) -> list[d.Inline]:
    """Join adjacent text nodes so whitespace collapses across element boundaries correctly."""
    merged: list[d.Inline] = []
    for node in nodes:
        if isinstance(node, d.Text) and merged and isinstance(merged[-1], d.Text):
            merged[-1] = d.Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return [d.Text(collapse(n.text)) if isinstance(n, d.Text) else n for n in merged]


def _trim(nodes: list[d.Inline]) -> d.Inlines:
    if nodes and isinstance(nodes[0], d.Text):
        nodes[0] = d.Text(nodes[0].text.lstrip())
    if nodes and isinstance(nodes[-1], d.Text):
        nodes[-1] = d.Text(nodes[-1].text.rstrip())
    return tuple(n for n in nodes if not (isinstance(n, d.Text) and not n.text))
