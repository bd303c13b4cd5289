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

The workbook is written directly (:mod:`.chart_sheet`), without openpyxl.
"""

from __future__ import annotations

from decimal import Decimal

from jjj_brief.document import Chart
from jjj_brief.writers.docx.chart_sheet import Cell, column_letters, workbook_bytes
from jjj_brief.writers.text.xml import xml_safe

SHEET = "Sheet1"


def category_ref(chart: Chart) -> str:
    """``Sheet1!$A$2:$A$n``: the categories, one a row under the header."""
    return f"{SHEET}!$A$2:$A${len(chart.categories) + 1}"


def name_ref(series_index: int) -> str:
    """The header cell naming series ``series_index`` (0-based): B1, C1…"""
    return f"{SHEET}!${column_letters(series_index + 1)}$1"


def values_ref(chart: Chart, series_index: int) -> str:
    """The column of series ``series_index``'s values, beside the categories."""
    column = column_letters(series_index + 1)
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
    """The chart's data as an .xlsx file (:mod:`.chart_sheet`); with ``epoch`` its bytes
    depend on the data only."""
    rows: list[list[Cell]] = [["", *(xml_safe(series.name) for series in chart.series)]]
    rows += [
        [xml_safe(category), *(_cell(in_axis_unit(series.values[row], chart)) for series in chart.series)]
        for row, category in enumerate(chart.categories)
    ]
    width = max([len(c) for c in chart.categories] + [8]) + 2
    return workbook_bytes(SHEET, rows, width, epoch)


def _cell(value: Decimal) -> int | float:
    """A spreadsheet number: an int when whole, else the float whose shortest repr is ``value``."""
    return int(value) if value == value.to_integral_value() else float(value)
