"""The workbook behind a native Word chart: what Word opens under *Edit Data*.

Word keeps a chart's numbers twice: in the chart part (``c:numCache``, what
it draws) and in an embedded spreadsheet (what the reader edits).  Both
come from the same :class:`~jjj_brief.document.Chart`, laid out as Word
lays a new chart's sheet out: categories down column A, one column per
series, the series names in row 1.  The values are counted in the axis's
unit (``2.43`` when the axis says ``trillion yuan``): the fact's value
divided by the chart's ``scale``, exactly, as a person enters them under a
unit heading.  (Word could show raw values through a display unit,
``c:dispUnits``, but LibreOffice ignores it and would print
``2500000000000`` on the axis.)

The cell references the chart part points at are made here too
(:func:`category_ref`, :func:`values_ref`, :func:`name_ref`), so the sheet
and the chart cannot disagree about where the data sits.

openpyxl is imported when a DOCX has a chart, not before.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from typing import Any

from jjj_brief.document import Chart
from jjj_brief.writers.docx.package import ZIP_EPOCH, restamp_zip
from jjj_brief.writers.text.xml import xml_safe

SHEET = "Sheet1"


def _column(index: int) -> str:
    """Spreadsheet column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def category_ref(chart: Chart) -> str:
    """``Sheet1!$A$2:$A$n``: the categories, one a row under the header."""
    return f"{SHEET}!$A$2:$A${len(chart.categories) + 1}"


def name_ref(series_index: int) -> str:
    """The header cell naming series ``series_index`` (0-based): B1, C1…"""
    return f"{SHEET}!${_column(series_index + 1)}$1"


def values_ref(chart: Chart, series_index: int) -> str:
    """The column of series ``series_index``'s values, beside the categories."""
    column = _column(series_index + 1)
    return f"{SHEET}!${column}$2:${column}${len(chart.categories) + 1}"


def in_axis_unit(value: float, chart: Chart) -> Decimal:
    """``value`` counted in the chart's axis unit, exactly: ``2430000000000`` → ``2.43`` for a
    chart in trillions.  Both numbers came from decimal markup, so their shortest repr is that
    decimal, and the scales are powers of ten, so the quotient is exact.

    >>> from jjj_brief.document import Chart
    >>> str(in_axis_unit(2430000000000.0, Chart("bar", (), (), scale=1e12)))
    '2.43'
    >>> str(in_axis_unit(-8.5, Chart("bar", (), ())))
    '-8.5'
    """
    quotient = Decimal(repr(float(value))) / Decimal(repr(float(chart.scale)))
    return quotient.normalize() if quotient != quotient.to_integral_value() else quotient.quantize(Decimal(1))


def chart_workbook(chart: Chart, epoch: int | None) -> bytes:
    """The chart's data as an .xlsx file; with ``epoch`` its bytes depend on the data only.

    openpyxl stamps the workbook's properties and zip entries with the current
    time; under ``SOURCE_DATE_EPOCH`` both get that time instead, as the DOCX
    around it does.
    """
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    rows: list[list[str | int | float]] = [["", *(series.name for series in chart.series)]]
    rows += [[category, *(_cell(in_axis_unit(series.values[row], chart)) for series in chart.series)]
             for row, category in enumerate(chart.categories)]
    for row_number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row_number, column, xml_safe(value) if isinstance(value, str) else value)
            if isinstance(value, str):
                cell.data_type = "s"  # a name starting with "=" is text, never a formula
    sheet.column_dimensions["A"].width = max([len(c) for c in chart.categories] + [8]) + 2
    if epoch is None:
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    return _reproducible(book, epoch)


def _reproducible(book: Any, epoch: int) -> bytes:
    """Saved with ``epoch`` as created and modified time (``Workbook.save`` would stamp now)."""
    from openpyxl.writer.excel import ExcelWriter

    when = dt.datetime.fromtimestamp(max(epoch, ZIP_EPOCH), dt.timezone.utc).replace(tzinfo=None)
    book.properties.created = book.properties.modified = when
    buffer = io.BytesIO()
    ExcelWriter(book, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()  # closes the archive
    return restamp_zip(buffer.getvalue(), epoch)

def _cell(value: Decimal) -> int | float:
    """A spreadsheet number: an int when whole, else the float whose shortest repr is ``value``."""
    return int(value) if value == value.to_integral_value() else float(value)
