"""The figures of one render, kept beside the markup so that only the filters can make one.

A template is untrusted text, so a ``<num fact="gdp/jjj/2023" value="999…">`` it writes by
hand must not enter the document (and the audit ledger) as a figure of that fact.  The
figure filters put each figure they print into a :class:`FigureTable` and write only
``<num ref="7">2.43万亿元</num>``; the reader takes figure 7 from the table, and only if the
text between the tags is the text the filter printed.  The table never passes through the
template, so no template can add to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from jjj_brief import document as d


@dataclass
class FigureTable:
    """Figures by reference number, in the order the filters printed them."""

    figures: list[d.Figure] = field(default_factory=list)

    def add(self, figure: d.Figure) -> int:
        """Keep ``figure``; the reference the markup carries."""
        self.figures.append(figure)
        return len(self.figures)

    def take(self, ref: str | None, text: str) -> d.Figure | None:
        """Figure ``ref`` when the markup's ``text`` is what was printed for it, else None."""
        if ref is None or not ref.isdigit() or not 0 < int(ref) <= len(self.figures):
            return None
        figure = self.figures[int(ref) - 1]
        return figure if _same_text(figure.text, text) else None

    def with_text(self, figure: d.Figure, text: str) -> d.Figure:
        """``figure`` as the markup's white space left it (collapsed like any other text)."""
        return replace(figure, text=text)


def _same_text(printed: str, read: str) -> bool:
    return " ".join(printed.split()) == " ".join(read.split())
