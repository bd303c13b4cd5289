"""The document model: one typed tree that every writer consumes.

Like pandoc's AST, the set of node types is closed and small.  Everything a
reader sees is already decided here: every word is chosen and every number is
formatted before a writer runs, so a writer only lays the tree out.  A
:class:`Figure` keeps the fact ids (and the formula of a derived figure) it
was made from, which is what makes footnoted sources, audit ledgers and
cross-language checks possible without reworking the writers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# ---------------------------------------------------------------- inlines


@dataclass(frozen=True)
class Text:
    """Plain text, exactly as it is to be shown."""

    text: str


@dataclass(frozen=True)
class Strong:
    """Bold text."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Emph:
    """Italic text (Latin); writers may render it upright in CJK faces, which have no italics."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Figure:
    """A formatted figure that remembers which facts it shows.

    ``facts`` holds fact ids (``indicator/region/period``); ``formula`` is
    set for a derived figure, e.g. ``growth(a, b)``.  ``value``, ``unit``,
    ``period`` and ``style`` say what was printed and how (the exact decimal,
    the period a derived figure spans, the Localizer call): a derived value
    exists nowhere in the facts, and the audit ledger and the cross-language
    check need it without re-deriving.  ``previous`` is None for a figure
    unchanged since the older vintage, ``""`` for one the older vintage lacked.
    """

    text: str
    facts: tuple[str, ...] = ()
    formula: str | None = None
    note: str = ""  # a reviewer's annotation (fact, value, period, source), shown with --annotate
    previous: str | None = None  # the figure as an older data vintage printed it (--since)
    value: str | None = None  # the exact Decimal shown, in plain notation ("2430000000000")
    unit: str | None = None  # "CNY", "percent", "points", "multiple", "count"…
    period: str | None = None  # as in the facts: "2023", "2013/2023"
    style: str | None = None  # how it was printed: "figure digits=2 qualifier=about" (see figure_style.py)


@dataclass(frozen=True)
class SourceRef:
    """A pointer to entry ``number`` of the document's source list."""

    number: int


Inline = Text | Strong | Emph | Figure | SourceRef
Inlines = tuple[Inline, ...]

# ----------------------------------------------------------------- blocks

Align = Literal["left", "right", "center"]


@dataclass(frozen=True)
class Heading:
    level: int
    content: Inlines


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; ``role`` names its purpose (``body``, ``lead``, ``note``), not its look."""

    content: Inlines
    role: str = "body"


@dataclass(frozen=True)
class BulletList:
    items: tuple[Inlines, ...]


@dataclass(frozen=True)
class Cell:
    content: Inlines
    align: Align = "left"


@dataclass(frozen=True)
class Table:
    """A table with one header row; ``caption`` goes above it, ``note`` (the source line) below."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: Inlines = ()
    note: Inlines = ()


@dataclass(frozen=True)
class SourceEntry:
    number: int
    content: Inlines
    source_id: str = ""


@dataclass(frozen=True)
class SourceList:
    """The numbered list of sources that :class:`SourceRef` points into."""

    entries: tuple[SourceEntry, ...]


@dataclass(frozen=True)
class ChartSeries:
    """One series of a chart: its name, its values (for geometry) and their printed labels."""

    name: str
    values: tuple[float, ...]
    labels: tuple[str, ...]
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A bar or line chart; every text on it (ticks included) is already localized.

    ``ticks`` are (value, label) pairs for the value axis, chosen and formatted by the
    localization layer, so the writers draw numbers without formatting them.  ``scale``
    is what the values are divided by to be read in ``axis_label``'s unit (``1e12`` for
    ``trillion yuan``, ``1`` for percent): the ticks and point labels are printed in that
    unit.  ``tick_format`` is the spreadsheet number format that prints the ticks, counted in
    that unit, as their labels read (``#,##0`` or ``General``), for a chart that an office
    suite draws itself from its values (a DOCX's native chart).
    """

    kind: Literal["bar", "line"]
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    ticks: tuple[tuple[float, str], ...] = ()
    axis_label: str = ""
    caption: Inlines = ()
    note: Inlines = ()
    scale: float = 1.0
    tick_format: str = "General"


@dataclass(frozen=True)
class Box:
    """A framed group of blocks, such as the key-points box on page 1."""

    title: Inlines
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Distribution:
    """The 简报 distribution block (报：/送：/发：, 共印X份) at the foot of the last page."""

    entries: tuple[tuple[str, str], ...]  # (label, recipients), e.g. ("报：", "…")
    copies: str = ""


Block = Heading | Paragraph | BulletList | Table | SourceList | Chart | Box | Distribution

# --------------------------------------------------------------- document


@dataclass(frozen=True)
class Meta:
    """What the title block, the page furniture and the file metadata show.

    All strings are final text in the document's language; ``page_label`` is a
    pattern with ``{page}`` and ``{pages}`` so that writers never pick words.
    """

    lang: str
    title: str
    subtitle: str = ""
    dateline: str = ""
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    classification: str = ""
    page_label: str = "{page} / {pages}"
    house_style: str = "research"  # "research" (research note) or "jianbao" (Chinese 简报)
    masthead: str = ""  # 简报: the briefing's name, printed large and red
    issue_label: str = ""  # 简报: 第X期
    issuer: str = ""  # 简报: 编印单位, left of the date under the masthead
    edition: str = ""  # "bilingual": printed beside another language's Document, passage by passage


@dataclass(frozen=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...] = field(default_factory=tuple)
