"""A workbook's sheets as :class:`~jjj_brief.facts.tables.Table` values, read with openpyxl.

The workbook is opened read-only, streaming one row at a time, for the values
a spreadsheet program saved (``data_only=True``); when its sheets hold formulas,
a second time for the formulas, so that a formula with no saved result (a file
written by a program that never calculated it) is named as such instead of
reading as an empty cell (openpyxl gives None for both).  Before openpyxl sees the file, its
zip directory is checked: a workbook is a zip package, and a small one can
unpack to gigabytes (openpyxl reads the shared strings whole), so the sizes
the directory declares — which Python's zip reader never exceeds — are capped.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from jjj_brief.errors import FactError, Location
from jjj_brief.facts.files import MIB, check_file
from jjj_brief.facts.tables import MAX_ROWS, Row, Table, Unusable, bounded_rows

MAX_WORKBOOK_BYTES = 20 * MIB
#: What all parts of a workbook may unpack to; a statistical workbook of facts is a few MB.
MAX_UNPACKED_BYTES = 100 * MIB
#: openpyxl holds the shared strings (every distinct text) in memory, once per opening.
MAX_SHARED_STRINGS_BYTES = 16 * MIB
MAX_PARTS = 10_000
#: What a broken package makes openpyxl or its parsers raise (anything else is a bug of ours).
BROKEN = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    ParseError,
    EOFError,
    OSError,
)
_RECALCULATE = "open the workbook in Excel or LibreOffice and save it, so the result is stored; or type the value"


@contextmanager
def workbook_tables(path: Path) -> Iterator[Iterator[Table]]:
    """The workbook's worksheets, in order, each read lazily; the workbook is closed afterwards."""
    check_file(path, MAX_WORKBOOK_BYTES, "workbooks")
    _check_package(path)
    values = _open(path, data_only=True)
    formulas = _open(path, data_only=False) if _has_formulas(path) else None
    try:
        yield (
            _table(path, values[name], formulas[name] if formulas else None)
            for name in values.sheetnames
            if _is_worksheet(values[name])
        )
    finally:
        values.close()
        if formulas:
            formulas.close()


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet holds a formula element: only then is the workbook read a second
    time for its formulas (a pass through openpyxl costs far more than this scan of the XML)."""
    with zipfile.ZipFile(path) as package:
        for part in package.infolist():
            if not (part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml")):
                continue
            with package.open(part) as sheet:
                tail = b""
                while chunk := sheet.read(1 << 20):
                    if _FORMULA.search(tail + chunk):
                        return True
                    tail = chunk[-16:]
    return False


def _check_package(path: Path) -> None:
    """Refuse what is not a zip package, or one that would unpack beyond the limits."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FactError(
            "not an Excel workbook: the file is not a zip package",
            Location.of(path),
            hint="save it from Excel or LibreOffice as an Excel workbook (.xlsx)",
        ) from None
    unpacked = sum(part.file_size for part in parts)
    strings = sum(part.file_size for part in parts if part.filename.lower().endswith("sharedstrings.xml"))
    if unpacked > MAX_UNPACKED_BYTES or len(parts) > MAX_PARTS or strings > MAX_SHARED_STRINGS_BYTES:
        raise FactError(
            f"the workbook unpacks to {unpacked // MIB} MB in {len(parts)} parts ({strings // MIB} MB of "
            f"text); workbooks are limited to {MAX_UNPACKED_BYTES // MIB} MB unpacked, "
            f"{MAX_SHARED_STRINGS_BYTES // MIB} MB of text",
            Location.of(path),
            hint="split it into several workbooks, or save the fact sheets alone",
        )


def _open(path: Path, data_only: bool) -> Any:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns on styles and extensions it drops
            return load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except (*BROKEN, InvalidFileException) as exc:
        raise FactError(
            f"cannot read the workbook: {_reason(exc)}",
            Location.of(path),
            hint="save it from Excel or LibreOffice as an Excel workbook (.xlsx)",
        ) from None


def _is_worksheet(sheet: Any) -> bool:
    return hasattr(sheet, "iter_rows")  # a chart sheet has no cells


def _table(path: Path, values: Any, formulas: Any | None) -> Table:
    title = str(values.title)
    where = Location.in_sheet(path, title)

    from openpyxl.utils import get_column_letter

    def place(row: int, column: int) -> Location:
        return Location.in_sheet(path, title, f"{get_column_letter(column)}{row}")

    return Table(title, where, bounded_rows(_rows(path, where, values, formulas), where), place)


def _rows(path: Path, where: Location, values: Any, formulas: Any | None) -> Iterator[Row]:
    """Each row's cell values, a formula's saved result in its place (or :class:`Unusable`)."""
    sheets = (values, formulas) if formulas is not None else (values,)
    for sheet in sheets:
        sheet.reset_dimensions()  # the size a file declares may be wrong, or hostile
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rows = zip(*(sheet.iter_rows(max_row=MAX_ROWS + 1) for sheet in sheets), strict=True)
            for number, (saved, *typed) in enumerate(rows, start=1):
                yield number, [_value(s, t) for s, t in zip(saved, typed[0] if typed else [None] * len(saved))]
    except BROKEN as exc:
        raise FactError(
            f"cannot read the sheet: {_reason(exc)}", where, hint="save it again from Excel or LibreOffice"
        ) from None


def _value(saved: Any, typed: Any) -> object:
    """A cell's value as saved; a formula without a saved result or an error value is unusable."""
    if getattr(saved, "data_type", None) == "e":
        return Unusable(f"the cell holds the error {saved.value}", "correct the formula or type the value")
    value = getattr(saved, "value", None)
    if value is None and getattr(typed, "data_type", None) == "f":
        formula = typed.value if isinstance(typed.value, str) else "a formula"
        return Unusable(f"the formula {formula} has no saved result", _RECALCULATE)
    return value


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
