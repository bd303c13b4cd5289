"""CSV files as :class:`~jjj_brief.facts.tables.Table` values, read with the csv module.

Each file is one table named by its file name (``facts.csv`` is the ``facts``
sheet).  Text is UTF-8, with or without the byte-order mark Excel's "CSV
UTF-8" writes; every field is text, so numbers are exact as typed.  A cell's
place is ``FILE:LINE:COLUMN``, the line being where its record starts (a
quoted field may span lines).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jjj_brief.errors import FactError, Location
from jjj_brief.facts.files import MIB, read_bytes
from jjj_brief.facts.tables import Row, Table, bounded_rows

MAX_CSV_BYTES = 20 * MIB


@contextmanager
def csv_tables(paths: Iterable[Path]) -> Iterator[Iterator[Table]]:
    """The files as tables, each read when it is reached."""
    yield (_table(path) for path in paths)


def _table(path: Path) -> Table:
    where = Location.of(path)
    text = _text(path)
    return Table(
        path.stem, where, bounded_rows(_rows(path, text), where), lambda row, column: Location.of(path, row, column)
    )


def _text(path: Path) -> str:
    raw = read_bytes(path, MAX_CSV_BYTES, "CSV files")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FactError(
            "file is not UTF-8 text",
            Location.of(path, line),
            hint="save it as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')",
        ) from None


def _rows(path: Path, text: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for record in reader:
            yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FactError(
            f"not valid CSV: {exc}", Location.of(path, reader.line_num or start), hint="check the quotes on that line"
        ) from None
