"""The optional sheets of a fact workbook: ``regions``, ``indicators``, ``sources``, ``lists``, ``briefing``.

Each holds what a YAML file's section of the same name holds, one row per
key, with a column per language where YAML has ``{en: …, zh: …}``:

- ``regions``: ``key, en, zh, zh_Hant, …`` (and ``in_text_en``, … for the form running text uses)
- ``indicators``: ``key, unit, en, zh, …, derived_formula, derived_of``
- ``sources``: ``key, publisher_en, publisher_zh, title_en, title_zh, date, url``
- ``lists``: ``list, en, zh, …`` — one row per item, in order
- ``briefing``: ``key, value`` — or ``key`` and one column per language

Every row goes through the same :class:`~jjj_brief.facts.collect.Collector`
calls as the YAML reader's, so a key defined in a sheet and again in a YAML
file is reported with both places.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from jjj_brief.errors import FactError, Location
from jjj_brief.facts.collect import Collector
from jjj_brief.facts.fields import Entry, localized, require
from jjj_brief.facts.model import Localized
from jjj_brief.facts.tables import (
    Header,
    Row,
    Table,
    classify_columns,
    languages_of,
    read_header,
    row_entries,
)

Entries = dict[str, Entry]
RowReader = Callable[[Collector, Entries, Location], None]


def _read_region(collector: Collector, row: Entries, where: Location) -> None:
    key = row["key"].text
    name = localized(languages_of(row), f"region {key!r}", where)
    in_text = languages_of(row, "in_text")
    collector.add_region(key, name, localized(in_text, f"in_text of region {key!r}", where) if in_text else None, where)


def _read_indicator(collector: Collector, row: Entries, where: Location) -> None:
    key = row["key"].text
    fields: dict[str, Localized | Entry] = {n: row[n] for n in ("unit",) if n in row}
    label = languages_of(row)
    if label:
        fields["label"] = localized(label, f"label of indicator {key!r}", where)
    formula, of = row.get("derived_formula"), row.get("derived_of")
    derived = (formula, of, where) if formula or of else None
    collector.add_indicator(key, fields, where, derived)


def _read_source(collector: Collector, row: Entries, where: Location) -> None:
    key = row["key"].text
    fields: dict[str, Localized | Entry | None] = {n: row.get(n) for n in ("date", "url")}
    for part in ("publisher", "title"):
        pairs = languages_of(row, part)
        fields[part] = localized(pairs, f"{part} of source {key!r}", where) if pairs else None
    collector.add_source(key, fields, where)


def _read_setting(collector: Collector, row: Entries, where: Location) -> None:
    key = row["key"].text
    pairs = languages_of(row)
    if "value" in row and pairs:
        raise FactError(
            f"setting {key!r} has both a value and words by language",
            where,
            hint="fill either the 'value' column or the language columns",
        )
    collector.add_setting(key, row["value"].text if "value" in row else localized(pairs, key, where))


#: sheet → (the columns besides languages, prefixed language columns, whether bare languages, the row reader)
SECTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool, RowReader]] = {
    "regions": (("key",), ("in_text",), True, _read_region),
    "indicators": (("key", "unit", "derived_formula", "derived_of"), (), True, _read_indicator),
    "sources": (("key", "date", "url"), ("publisher", "title"), False, _read_source),
    "briefing": (("key", "value"), (), True, _read_setting),
}
_DEFINES = {"briefing": "briefing settings"}  # the collector's name for a section, where it differs


def read_section(collector: Collector, table: Table, kind: str, header_row: Row, rows: Iterable[Row]) -> None:
    """One row per key: define the key once (anywhere), then read its row."""
    fixed, prefixes, languages, reader = SECTIONS[kind]
    header = _header(collector, table, header_row, fixed, prefixes, languages)
    if header is None:
        return
    for row in rows:
        collector.guard(_keyed_row, collector, table, kind, header, row, reader)


def _keyed_row(collector: Collector, table: Table, kind: str, header: Header, row: Row, reader: RowReader) -> None:
    entries = row_entries(table, header, row)
    if not entries:
        return
    require(entries, ("key",), f"a row of {kind}", table.place(row[0], header.columns["key"]))
    where = entries["key"].where
    if collector.define(_DEFINES.get(kind, kind), entries["key"].text, where):
        reader(collector, entries, where)


def read_lists(collector: Collector, table: Table, header_row: Row, rows: Iterable[Row]) -> None:
    """``list, en, zh, …``: consecutive or not, the rows naming one list are its items, in order."""
    header = _header(collector, table, header_row, ("list",), (), True)
    if header is None:
        return
    items: dict[str, list[Localized]] = {}
    first: dict[str, Location] = {}
    for row in rows:
        try:
            entries = row_entries(table, header, row)
            if not entries:
                continue
            require(entries, ("list",), "a row of lists", table.place(row[0], header.columns["list"]))
            key, where = entries["list"].text, entries["list"].where
            item = localized(languages_of(entries), f"an item of list {key!r}", where)
        except FactError as exc:
            collector.problems.append(exc)
            continue
        first.setdefault(key, where)
        items.setdefault(key, []).append(item)
    for key, found in items.items():
        if collector.define("lists", key, first[key]):
            collector.add_list(key, tuple(found))


def _header(
    collector: Collector, table: Table, row: Row, fixed: tuple[str, ...], prefixes: tuple[str, ...], languages: bool
) -> Header | None:
    """The header of a keyed sheet; None (a problem recorded) when its key column is missing."""
    named = [*fixed, *(f"{p}_en" for p in prefixes), *(["en", "zh", "zh_Hant", "…"] if languages else [])]
    hint = f"columns are: {', '.join(named)}"
    header = read_header(table, row, classify_columns(fixed, prefixes, languages), hint, collector.problems)
    if fixed[0] not in header.columns:
        collector.problems.append(
            FactError(f"the header lacks the column {fixed[0]!r}", table.place(header.row, 1), hint=hint)
        )
        return None
    return header
