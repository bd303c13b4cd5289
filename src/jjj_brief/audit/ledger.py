"""The audit ledger: every figure of a briefing, where it came from and where it is printed.

``jjj-brief build --audit`` writes ``<stem>-<lang>.audit.json`` (for reviewers'
scripts; the format is documented in the README and versioned by
:data:`LEDGER_VERSION`) and ``<stem>-<lang>.audit.md`` (for people) beside
the PDF and DOCX.  A row is built from the :class:`~jjj_brief.document.Figure`
itself (text, fact ids, exact value, unit, period, the Localizer call) and the
fact store (region, source); the PDF writer reports the page each figure
landed on.  :func:`stray_numbers` finds digits in a text that no row and no
explicitly allowed kind of number accounts for: a figure typed in by hand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from jjj_brief.document import Chart, Document, Figure, figures, walk
from jjj_brief.facts.model import Fact, FactStore
from jjj_brief.rendering.figure_style import plain_value
from jjj_brief.rendering.review import facts_by_id

LEDGER_VERSION = 1
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


class PageLog:
    """The page of each figure as the PDF writer reports it (``on_figure(figure, page)``).

    Figures are frozen values, and the same fact printed twice makes equal figures, so a
    figure is known by its place in reading order (its ordinal in ``figures(doc)``), which
    is the same in the process that lays the PDF out and in the one that writes the
    ledger.  A figure reported twice (a re-layout) keeps the last page.
    """

    def __init__(self) -> None:
        self._pages: dict[int, dict[int, int]] = {}  # id(doc) -> ordinal -> page
        self._ordinals: dict[int, dict[int, int]] = {}  # id(doc) -> id(figure) -> ordinal

    def _ordinal_of(self, doc: Document) -> dict[int, int]:
        if id(doc) not in self._ordinals:
            self._ordinals[id(doc)] = {id(f): n for n, f in enumerate(figures(doc))}
        return self._ordinals[id(doc)]

    def recorder(self, doc: Document) -> Callable[[Figure, int], None]:
        """The ``on_figure`` hook for a writer laying out ``doc``."""
        pages = self._pages.setdefault(id(doc), {})
        ordinals = self._ordinal_of(doc)

        def on_figure(figure: Figure, page: int) -> None:
            if id(figure) in ordinals:
                pages[ordinals[id(figure)]] = int(page)

        return on_figure

    def page(self, doc: Document, figure: Figure) -> int | None:
        ordinal = self._ordinal_of(doc).get(id(figure))
        return None if ordinal is None else self._pages.get(id(doc), {}).get(ordinal)

    def export(self, doc: Document) -> dict[int, int]:
        """Ordinal → page for ``doc``: plain data, for a worker process to send back."""
        return dict(self._pages.get(id(doc), {}))

    def merge(self, doc: Document, pages: dict[int, int]) -> None:
        """Take in what a worker reported for its copy of ``doc``."""
        self._pages.setdefault(id(doc), {}).update(pages)


@dataclass(frozen=True)
class LedgerRow:
    """One printed figure; field names are the JSON keys (see the README, "Audit ledger")."""

    text: str
    page: int | None
    facts: tuple[str, ...]
    value: str | None
    unit: str | None
    period: str | None
    region: str | None
    qualifier: str | None
    source: str | None
    sources: tuple[str, ...]
    formula: str | None
    style: str | None
    block: int
    previous: str | None = None
    kind: str = "text"  # "text": a Figure in running text or a table; "chart": a chart's value label


@dataclass
class Ledger:
    """The figures of one document, in reading order, with what the build knew about them."""

    document: str  # the output stem, e.g. briefing-zh
    lang: str
    locale: str
    rows: list[LedgerRow] = field(default_factory=list)

    def as_json(self) -> str:
        body = {
            "version": LEDGER_VERSION,
            "document": self.document,
            "lang": self.lang,
            "locale": self.locale,
            "figures": [_row_dict(n, row) for n, row in enumerate(self.rows, start=1)],
        }
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"

    def as_markdown(self) -> str:
        head = [
            f"# Audit ledger: {self.document}",
            "",
            f"Language `{self.lang}` (`{self.locale}`), {len(self.rows)} figures, ledger version "
            f"{LEDGER_VERSION}. Values are exact; `page` is the PDF page (– without a PDF).",
            "",
            "| # | printed | page | value | unit | period | region | qualifier | source | facts / formula |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        lines = [_markdown_row(n, row) for n, row in enumerate(self.rows, start=1)]
        return "\n".join([*head, *lines]) + "\n"


def figures_by_block(doc: Document) -> Iterator[tuple[int, Figure]]:
    """Every figure with the 1-based number of the top-level block that holds it."""
    for number, block in enumerate(doc.blocks, start=1):
        for figure in figures(block):
            yield number, figure


def chart_labels(doc: Document) -> Iterator[tuple[int, str, str]]:
    """(block number, printed label, fact id) of every value label on a chart, top level or boxed."""
    for number, block in enumerate(doc.blocks, start=1):
        for chart in (node for node in walk(block) if isinstance(node, Chart)):
            for series in chart.series:
                for label, fact_id in zip(series.labels, series.facts):
                    if fact_id:
                        yield number, label, fact_id


def build_ledger(doc: Document, store: FactStore, *, document: str, lang: str, pages: PageLog | None = None) -> Ledger:
    """The ledger of ``doc``; ``pages`` (filled while the PDF was written) gives each row its page."""
    by_id = facts_by_id(store)
    ledger = Ledger(document, lang, doc.meta.lang)
    for block, figure in figures_by_block(doc):
        known = [by_id[i] for i in figure.facts if i in by_id]
        sources = tuple(dict.fromkeys(f.source for f in known))
        ledger.rows.append(
            LedgerRow(
                text=figure.text,
                page=pages.page(doc, figure) if pages is not None else None,
                facts=figure.facts,
                value=figure.value,
                unit=figure.unit,
                period=figure.period or (str(known[0].period) if known else None),
                region=known[0].region if known else None,
                qualifier=_qualifier_of(figure.style),
                source=sources[0] if sources else None,
                sources=sources,
                formula=figure.formula,
                style=figure.style,
                block=block,
                previous=figure.previous,
            )
        )
    ledger.rows.extend(
        _chart_row(block, label, by_id.get(fact_id), fact_id, store) for block, label, fact_id in chart_labels(doc)
    )
    ledger.rows.sort(key=lambda row: row.block)  # reading order; the sort is stable within a block
    return ledger


def _chart_row(block: int, label: str, fact: Fact | None, fact_id: str, store: FactStore) -> LedgerRow:
    """A chart's value label: its number is printed in the axis unit, so it has no style to replay."""
    unit = store.indicators[fact.indicator].unit if fact else None
    return LedgerRow(
        text=label,
        page=None,
        facts=(fact_id,),
        value=plain_value(fact.value) if fact else None,
        unit=unit,
        period=str(fact.period) if fact else None,
        region=fact.region if fact else None,
        qualifier=fact.qualifier if fact else None,
        source=fact.source if fact else None,
        sources=(fact.source,) if fact else (),
        formula=None,
        style=None,
        block=block,
        kind="chart",
    )


def _qualifier_of(style: str | None) -> str | None:
    found = re.search(r"\bqualifier=(\S+)", style or "")
    return found.group(1) if found else None


def _row_dict(number: int, row: LedgerRow) -> dict[str, Any]:
    data: dict[str, Any] = {"n": number}
    for key, value in row.__dict__.items():
        data[key] = list(value) if isinstance(value, tuple) else value
    return data


def _markdown_row(number: int, row: LedgerRow) -> str:
    origin = f"`{row.formula}`" if row.formula else ", ".join(f"`{i}`" for i in row.facts)
    if row.previous is not None:
        origin += f"; was {row.previous or '(new)'}"
    cells = [
        str(number),
        row.text,
        str(row.page) if row.page is not None else "–",
        row.value or "",
        row.unit or "",
        row.period or "",
        row.region or "",
        row.qualifier or "",
        row.source or "",
        origin,
    ]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def stray_numbers(
    text: str, printed: Iterable[str], allowed: Iterable[str] = (), allowed_patterns: Iterable[re.Pattern[str]] = ()
) -> list[str]:
    """Numbers in ``text`` that are neither inside a printed figure nor explicitly allowed.

    Figures, then allowed texts, are cut out longest first (so ``2.43万亿元``
    goes before a shorter figure inside it), and only where they do not begin or end
    inside a longer number (an allowed axis tick ``2`` does not excuse the ``2``
    of ``2.34``); whatever digits remain were typed by hand into a template or
    a catalog.

    >>> stray_numbers("共2.43万亿元，第1页，另有2.34万亿元", ["2.43万亿元"], ["第1页", "2"])
    ['2.34']
    """
    rest = text
    for pieces in (printed, allowed):  # figures first: a period may abut one in a squeezed table row
        for piece in sorted({p for p in pieces if p}, key=len, reverse=True):
            rest = re.sub(_whole(piece), " ", rest)
    for pattern in allowed_patterns:
        rest = pattern.sub(" ", rest)
    return _DIGITS.findall(rest)


def _whole(piece: str) -> str:
    """``piece`` as a pattern that does not start or end inside a longer number."""
    before = r"(?<!\d)(?<!\d[.,])" if piece[0].isdigit() else ""
    after = r"(?![.,]?\d)" if piece[-1].isdigit() else ""
    return f"{before}{re.escape(piece)}{after}"
