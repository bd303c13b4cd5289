"""The house colours, one definition for every writer (``#rrggbb``).

The PDF and the DOCX of a briefing must look alike: the red of a Chinese
edition, the navy of an English one, the tints of the key-points box and
of every other table row.  Both writers read them from here.
"""

from __future__ import annotations

INK = "#000000"
GREY = "#595959"
ACCENT_ZH = "#B00000"  # the red rule of a Chinese 简报 masthead
ACCENT_EN = "#1F3A5F"
LEAD_FILL = "#EEF2F7"
ZEBRA_FILL = "#F2F4F7"


def hex_digits(colour: str) -> str:
    """``#1F3A5F`` → ``1F3A5F``, as WordprocessingML writes colours.

    >>> hex_digits("#b00000")
    'B00000'
    """
    return colour.lstrip("#").upper()
