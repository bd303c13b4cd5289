"""How wide a table cell's text is, so the DOCX shares a table's width as the PDF does.

Word and LibreOffice size fixed-layout columns from the widths the file
gives, so the writer must choose them, and it chooses them by the rule the
PDF uses (:func:`jjj_brief.writers.text.columns.share_columns`), from the
same kind of measurements: each cell set on one line, and its longest piece
that cannot break (:func:`jjj_brief.writers.text.linebreak.break_opportunities`).
Latin letters and digits are measured with the bundled faces' advance widths
(the faces the PDF sets them in; an office PC's Times New Roman is a little
narrower, which only leaves a column some air); Han characters and other
full-width marks are one em.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from jjj_brief.document import Cell, inline_text
from jjj_brief.scripts import AMBIG, WIDE, char_class
from jjj_brief.writers.docx.fonts import face_file
from jjj_brief.writers.docx.house import DocxHouse
from jjj_brief.writers.docx.table_styles import CELL_PAD_X
from jjj_brief.writers.text.columns import share_columns
from jjj_brief.writers.text.linebreak import break_opportunities

LATIN_FACES = {False: ("NotoSerif", "Regular"), True: ("NotoSans", "Bold")}  # by bold: body cells, header cells
FALLBACK_EM = 0.55  # a Latin character the face lacks: about an average letter


@cache
def _advances(bold: bool) -> dict[int, float]:
    """The Latin face's advance per code point, in ems; empty when the face is not installed.

    Read with reportlab's TrueType parser (2 ms for these faces; reportlab is a
    dependency anyway, and charts import it), not fontTools, which only
    ``--embed-fonts`` needs.
    """
    from reportlab.pdfbase.ttfonts import TTFontFile

    path = face_file(*LATIN_FACES[bold])
    if path is None:
        return {}
    return {code: width / 1000 for code, width in TTFontFile(str(path)).charWidths.items()}


def advance(ch: str, bold: bool = False, chinese: bool = False) -> float:
    """The advance of one character at 1 pt; quotes and dashes are full-width in Chinese text."""
    kind = char_class(ch)
    if kind == WIDE or (chinese and kind == AMBIG):
        return 1.0
    return _advances(bold).get(ord(ch), FALLBACK_EM)


def text_widths(text: str, size: float, bold: bool = False, chinese: bool = False) -> tuple[float, float]:
    """``(natural, minimum)``: ``text`` on one line, and its widest unbreakable piece, in points."""
    advances = [advance(ch, bold, chinese) * size for ch in text]
    edges = [0, *break_opportunities(text), len(text)]
    pieces = [sum(advances[a:b]) for a, b in pairwise(edges)]
    return sum(advances), max(pieces, default=0.0)


def column_widths(rows: tuple[tuple[Cell, ...], ...], columns: int, room: int, house: DocxHouse) -> list[int]:
    """Twips per column, adding up to ``room``: the first row is set as the header row."""
    pad = 2 * CELL_PAD_X / 20 + 0.5
    natural, minimum = [pad] * columns, [pad] * columns
    for number, row in enumerate(rows):
        look = house.edition.head_cell if number == 0 else house.edition.cell
        for column, cell in enumerate(row[:columns]):
            wide, narrow = text_widths(inline_text(cell.content), look.size, look.bold, house.chinese)
            natural[column] = max(natural[column], wide + pad)
            minimum[column] = max(minimum[column], narrow + pad)
    widths = [int(w * 20) for w in share_columns(natural, minimum, room / 20)]
    widths[-1] += room - sum(widths)
    return widths
