"""The ``facts`` sheet (or CSV file), in its long and its wide form.

Long form: one fact per row, columns ``indicator, region, period, value,
scale, qualifier, source, note, basis`` in any order.  Wide form, as statistical
tables are laid out: ``indicator, region, source`` (and ``scale``), then one
column per period (``2013``, ``2024H1``, ``2019/2023``); empty cells are no
fact.  ``scale`` multiplies exactly (``3876`` with ``亿`` is 387.6 billion).
Each fact's place is its value cell, so a duplicate or an unknown region is
reported at the cell a person has to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from jjj_brief.errors import FactError
from jjj_brief.facts.collect import Collector
from jjj_brief.facts.fields import (
    REQUIRED_FACT_FIELDS,
    SCALE_WORDS,
    VALUE_HINT,
    Entry,
    parse_scale,
    require,
)
from jjj_brief.facts.model import Period, PeriodFormError
from jjj_brief.facts.tables import (
    Header,
    Row,
    Table,
    classify_columns,
    header_texts,
    read_header,
    row_entries,
)

LONG_COLUMNS = ("indicator", "region", "period", "value", "scale", "qualifier", "source", "note", "basis")
WIDE_FIELDS = ("indicator", "region", "source", "scale")


def read_facts(collector: Collector, table: Table, header_row: Row, rows: Iterable[Row]) -> None:
    """Long form when the header has a ``value`` (or ``period``) column, else wide form."""
    names = {text.lower() for text in header_texts(table, header_row)}
    if names & {"value", "period"}:
        _read_long(collector, table, header_row, rows)
    else:
        _read_wide(collector, table, header_row, rows)


def _read_long(collector: Collector, table: Table, header_row: Row, rows: Iterable[Row]) -> None:
    hint = f"columns are: {', '.join(LONG_COLUMNS)} (or the wide form: indicator, region, source, one per period)"
    header = read_header(table, header_row, classify_columns(LONG_COLUMNS), hint, collector.problems)
    if not _has_columns(collector, table, header, REQUIRED_FACT_FIELDS):
        return
    for row in rows:
        collector.guard(_long_fact, collector, table, header, row)


def _long_fact(collector: Collector, table: Table, header: Header, row: Row) -> None:
    entries = row_entries(table, header, row, periods=("period",))
    if not entries:
        return
    missing = [n for n in REQUIRED_FACT_FIELDS if n not in entries]
    if missing:
        require(entries, REQUIRED_FACT_FIELDS, "a fact", table.place(row[0], header.columns[missing[0]]))
    scale = parse_scale(entries.pop("scale")) if "scale" in entries else Decimal(1)
    value = entries["value"]
    collector.add_fact(entries, value.where, scale, value_hint=value_hint(value.text))


def _read_wide(collector: Collector, table: Table, header_row: Row, rows: Iterable[Row]) -> None:
    hint = (
        f"the wide form has {', '.join(WIDE_FIELDS)} and one column per period (2023, 2024H1, "
        "2019/2023); qualifiers and notes need the long form (a 'value' column)"
    )
    header = read_header(table, header_row, _wide_column, hint, collector.problems)
    if not _has_columns(collector, table, header, ("indicator", "region", "source")):
        return
    periods = {
        name: Entry(name.partition(":")[2], where) for name, where in header.at.items() if name.startswith("period:")
    }
    if not periods:
        collector.problems.append(
            FactError(
                "no period columns (2013, 2024H1, …) and no 'value' column", table.place(header.row, 1), hint=hint
            )
        )
        return
    for row in rows:
        collector.guard(_wide_row, collector, table, header, periods, row)


def _wide_column(text: str) -> str | None:
    """A field of the wide form, or ``period:2023`` for a period column (its canonical text)."""
    fixed = classify_columns(WIDE_FIELDS)(text)
    if fixed:
        return fixed
    try:
        return f"period:{Period.parse(text)}"
    except PeriodFormError:
        return None


def _wide_row(collector: Collector, table: Table, header: Header, periods: dict[str, Entry], row: Row) -> None:
    entries = row_entries(table, header, row)
    values = {name: entry for name, entry in entries.items() if name.startswith("period:")}
    if not values:
        return
    base: dict[str, Entry] = {n: entries[n] for n in ("indicator", "region", "source") if n in entries}
    missing = [n for n in ("indicator", "region", "source") if n not in base]
    if missing:
        where = table.place(row[0], header.columns[missing[0]])
        require(base, ("indicator", "region", "source"), "a row of facts", where)
    scale = parse_scale(entries["scale"]) if "scale" in entries else Decimal(1)
    for period, value in values.items():
        fields: dict[str, Entry] = {**base, "period": periods[period], "value": value}
        collector.guard(collector.add_fact, fields, value.where, scale, value_hint(value.text))


def _has_columns(collector: Collector, table: Table, header: Header, names: tuple[str, ...]) -> bool:
    missing = [n for n in names if n not in header.columns]
    if missing:
        collector.problems.append(
            FactError(
                f"the header lacks the column(s) {', '.join(map(repr, missing))}",
                table.place(header.row, 1),
                hint=f"row {header.row} names the columns; the facts need {', '.join(names)}",
            )
        )
    return not missing


_SCALED = re.compile(
    r"\s*([-+]?[\d.,]+(?:[eE][-+]?\d+)?)\s*(" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True)) + r")\S*\s*",
    re.IGNORECASE,
)


def value_hint(text: str) -> str:
    """The fix for a value typed with its unit: ``3876亿`` → put 3876 in value and 亿 in scale.

    >>> value_hint("3876亿元")
    "write 3876 in 'value' and 亿 in 'scale'"
    """
    match = _SCALED.fullmatch(text)
    if match:
        return f"write {match[1]} in 'value' and {match[2]} in 'scale'"
    return VALUE_HINT + "; a unit goes in the 'scale' column (亿, million, 1e8)"
