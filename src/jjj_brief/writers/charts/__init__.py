"""Charts for every writer: :mod:`.drawing` (one reportlab Drawing per chart, for the PDF
and the DOCX alike) and :mod:`.png` (that drawing painted with Pillow, for the DOCX).

Importing this package imports neither reportlab nor Pillow.
"""

from __future__ import annotations

from jjj_brief.document import Chart, Document
from jjj_brief.document.walk import walk

#: The modules drawing a chart imports (reportlab's graphics).
DRAWING = "jjj_brief.writers.charts.drawing"
#: The modules painting a chart to PNG imports (Pillow).
PAINTING = "jjj_brief.writers.charts.png"


def has_chart(doc: Document) -> bool:
    """Whether ``doc`` has a chart anywhere (a box may hold one)."""
    return any(isinstance(node, Chart) for node in walk(doc))
