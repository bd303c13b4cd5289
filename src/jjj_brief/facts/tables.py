"""Tables of cells, as a workbook's sheets and a folder's CSV files both present them.

The readers of :mod:`jjj_brief.facts.xlsx` and :mod:`jjj_brief.facts.csvdir`
produce :class:`Table` values: rows of raw cell values (text, numbers, dates)
and a way to name any cell's place (``facts!D4`` or ``facts.csv:4:3``).
This module turns cells into text exactly — a cell holding the double 4.7
is the text ``4.7``, never 4.70000000000000017763568394002504646778106689453125
— and reads the header row that names each column, case-insensitively and
in any order.  What the columns mean is decided by the section readers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from jjj_brief.errors import FactError, Location
from jjj_brief.facts.fields import Entry

#: A sheet or CSV file longer than this is refused: fact tables have hundreds of rows, and
#: a runaway or hostile file must not keep the loader busy for minutes.
MAX_ROWS = 100_000
#: Cells looked at per table, empty ones included (a row padded out to column XFD counts).
MAX_CELLS = 2_000_000

Row = tuple[int, Sequence[object]]  # (row number, raw values from column 1 on)


@dataclass(frozen=True)
class Unusable:
    """A cell whose content cannot stand for a value (a formula with no saved result), and why."""

    reason: str
    hint: str = ""


@dataclass(frozen=True)
class Table:
    """One sheet of a workbook, or one CSV file: its name, its rows, and how to name a cell."""

    name: str
    where: Location  # the sheet or file as a whole
    rows: Iterable[Row]  # header first; empty rows may be left out
    place: Callable[[int, int], Location]  # (row number, 1-based column) → the cell's place


@dataclass
class Header:
    """The header row: which column each (canonical) name is in, and where it was written."""

    row: int
    columns: dict[str, int] = field(default_factory=dict)
    at: dict[str, Location] = field(default_factory=dict)


def cell_text(value: object, where: Location, period: bool = False) -> str | None:
    """A cell's content as the text a person meant; None when empty.

    Floats are written as their shortest round-trip form, so the double nearest 4.7
    reads as ``4.7``; integral ones lose the ``.0`` (2023.0 is the year 2023).  A date
    typed where a period belongs (a spreadsheet turns ``2024-06`` into 1 June 2024) is
    read as its month.

    >>> here = Location("t")
    >>> cell_text(4.7, here), cell_text(2430000000000.0, here), cell_text(2023, here)
    ('4.7', '2430000000000', '2023')
    >>> cell_text(dt.datetime(2024, 6, 1), here, period=True), cell_text("  jjj ", here)
    ('2024-06', 'jjj')
    """
    if isinstance(value, Unusable):
        raise FactError(value.reason, where, hint=value.hint)
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text.removesuffix(".0")
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            if period and value.day == 1:
                return f"{value.year}-{value.month:02d}"
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip() or None


def first_row(table: Table, rows: Iterator[Row]) -> Row | None:
    """The first row with any content: the header."""
    for number, values in rows:
        if has_content(values):
            return number, values
    return None


def header_texts(table: Table, row: Row) -> list[str]:
    """The texts of a header row's usable cells (for telling the long form from the wide)."""
    texts = []
    for column, value in enumerate(row[1], start=1):
        if not isinstance(value, Unusable):
            text = cell_text(value, table.place(row[0], column), period=True)
            texts.extend([text] if text else [])
    return texts


def read_header(
    table: Table, row: Row, classify: Callable[[str], str | None], columns_hint: str, problems: list[FactError]
) -> Header:
    """Name each column by ``classify`` (None: unknown, a problem); a name used twice is a problem."""
    number, values = row
    header = Header(number)
    for column, value in enumerate(values, start=1):
        where = table.place(number, column)
        try:
            text = cell_text(value, where, period=True)
        except FactError as exc:
            problems.append(exc)
            continue
        if text is None:
            continue
        name = classify(text)
        if name is None:
            problems.append(FactError(f"unknown column {text!r}", where, hint=columns_hint))
        elif name in header.columns:
            problems.append(FactError(f"column {text!r} appears twice (first at {header.at[name]})", where))
        else:
            header.columns[name] = column
            header.at[name] = where
    return header


def row_entries(table: Table, header: Header, row: Row, periods: Sequence[str] = ()) -> dict[str, Entry]:
    """The row's non-empty cells under a named column, as entries; a value with no header is an error."""
    number, values = row
    named = {column: name for name, column in header.columns.items()}
    entries: dict[str, Entry] = {}
    for column, value in enumerate(values, start=1):
        if value is None or value == "":
            continue
        where = table.place(number, column)
        name = named.get(column)
        text = cell_text(value, where, period=name in periods)
        if text is None:
            continue
        if name is None:
            raise FactError(
                f"{text!r} is in a column without a header",
                where,
                hint=f"name the column in row {header.row}, or delete the value",
            )
        entries[name] = Entry(text, where)
    return entries


def bounded_rows(rows: Iterable[Row], table_where: Location) -> Iterator[Row]:
    """``rows``, refusing a table longer than :data:`MAX_ROWS` or larger than :data:`MAX_CELLS`.

    A producer may stop after row ``MAX_ROWS + 1`` (a workbook's rows are read only that
    far): reaching that row at all, blank or not, means the table is too long.
    """
    cells = 0
    for number, values in rows:
        cells += len(values)
        if cells > MAX_CELLS or number > MAX_ROWS:
            raise FactError(
                f"the table is too large (more than {MAX_ROWS:,} rows or {MAX_CELLS:,} cells)",
                table_where,
                hint="split it into several workbooks or files",
            )
        yield number, values


def has_content(values: Sequence[object]) -> bool:
    return any(v is not None and v != "" for v in values)


#: The prefix a bare language column (``en``, ``zh``) is known by inside the readers.
LANGUAGE = "lang"
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_](?:[a-z]{4}|[a-z]{2}|\d{3}))*")


def language_column(text: str) -> str | None:
    """``zh_hant`` / ``ZH-Hant`` → ``zh_Hant``: a language code as the catalogs spell it, or None.

    >>> language_column("EN"), language_column("zh_hant"), language_column("zh-tw"), language_column("unit")
    ('en', 'zh_Hant', 'zh_TW', None)
    """
    low = text.strip().lower()
    if not _LANGUAGE.fullmatch(low):
        return None
    first, *rest = re.split(r"[-_]", low)
    return "_".join([first, *(p.title() if len(p) == 4 else p.upper() for p in rest)])


def classify_columns(
    fixed: Iterable[str], prefixes: Iterable[str] = (), languages: bool = False
) -> Callable[[str], str | None]:
    """A column classifier: one of ``fixed`` names, ``prefix_<lang>``, or (``languages``) a bare
    language, named ``lang_<lang>`` so the section readers find every language the same way."""
    fixed = frozenset(fixed)
    prefixes = tuple(prefixes)

    def classify(text: str) -> str | None:
        low = text.strip().lower()
        if low in fixed:
            return low
        for prefix in prefixes:
            if low.startswith(prefix + "_"):
                lang = language_column(low[len(prefix) + 1 :])
                return f"{prefix}_{lang}" if lang else None
        lang = language_column(low) if languages else None
        return f"{LANGUAGE}_{lang}" if lang else None

    return classify


def languages_of(entries: dict[str, Entry], prefix: str = LANGUAGE) -> list[tuple[str, str]]:
    """The (language, text) pairs of the entries named ``<prefix>_<lang>``, in column order."""
    start = f"{prefix}_"
    return [(name[len(start) :], entry.text) for name, entry in entries.items() if name.startswith(start)]
