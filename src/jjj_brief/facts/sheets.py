"""Facts from spreadsheets: a workbook's sheets, or a folder's CSV files, as one fact file.

A table is named by its sheet (or CSV file name): ``facts`` (required; also
``facts …`` for more, e.g. ``facts wide``), ``regions``, ``indicators``,
``sources``, ``lists`` and ``briefing``.  Anything missing may come from YAML
files loaded alongside; another table is not read, and a warning says so
(a sheet of notes is common; a misspelt ``indicator`` sheet must not vanish
unnoticed).  The workbook and CSV readers are imported only when one is
given, so a YAML-only run never loads openpyxl.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager

from jjj_brief.errors import BriefWarning, FactError, Location
from jjj_brief.facts.collect import Collector
from jjj_brief.facts.files import FactInput
from jjj_brief.facts.sheet_facts import read_facts
from jjj_brief.facts.sheet_sections import SECTIONS, read_lists, read_section
from jjj_brief.facts.tables import Table, first_row

TABLES = ("facts", *SECTIONS, "lists")
_FACTS = re.compile(r"facts(?:[\s_-].*)?", re.IGNORECASE | re.DOTALL)


def table_kind(name: str) -> str | None:
    """What a sheet or CSV file holds, by its name; None for a table that is not read.

    >>> table_kind("facts"), table_kind("Facts wide"), table_kind("Regions"), table_kind("notes")
    ('facts', 'facts', 'regions', None)
    """
    clean = name.strip()
    if _FACTS.fullmatch(clean):
        return "facts"
    return clean.lower() if clean.lower() in TABLES else None


def read_tables(collector: Collector, found: FactInput) -> None:
    """Read every table of a workbook or CSV set into ``collector``; errors are kept, not raised."""
    with _open_tables(found) as tables:
        facts_seen = False
        for table in tables:
            kind = table_kind(table.name)
            if kind is None:
                collector.warnings.append(
                    BriefWarning(
                        f"{table.name!r} is not read: tables are named {', '.join(TABLES)} (or 'facts …')", table.where
                    )
                )
                continue
            facts_seen |= kind == "facts"
            collector.guard(_read_table, collector, table, kind)
    if not facts_seen:
        what = "sheet" if found.kind == "xlsx" else "file facts.csv"
        raise FactError(
            f"no {what} named 'facts'",
            Location.of(found.path),
            hint="the facts go in a sheet (or CSV file) named 'facts', one per row or one per period",
        )


def _read_table(collector: Collector, table: Table, kind: str) -> None:
    rows = iter(table.rows)
    header = first_row(table, rows)
    if header is None:
        return  # an empty sheet states nothing
    if kind == "facts":
        read_facts(collector, table, header, rows)
    elif kind == "lists":
        read_lists(collector, table, header, rows)
    else:
        read_section(collector, table, kind, header, rows)


def _open_tables(found: FactInput) -> AbstractContextManager[Iterator[Table]]:
    if found.kind == "xlsx":
        from jjj_brief.facts.xlsx import workbook_tables

        return workbook_tables(found.path)
    from jjj_brief.facts.csvdir import csv_tables

    return csv_tables(found.members)
