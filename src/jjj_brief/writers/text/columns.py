"""Sharing a table's width among its columns: one rule for the PDF and the DOCX.

As in HTML's automatic table layout: when every column fits at its natural
width (its longest cell set on one line), the room is shared in proportion
to those widths; otherwise the columns whose natural width fits their fair
share keep it, and the others (labels, usually) share what is left in
proportion to their natural widths, never below their longest unbreakable
token unless the table cannot fit otherwise.  Widths are in any one unit.

>>> share_columns([100, 50], [20, 50], 300)
[200.0, 100.0]
>>> [round(w) for w in share_columns([400, 60, 60], [80, 60, 60], 300)]
[180, 60, 60]
"""

from __future__ import annotations

from collections.abc import Sequence


def share_columns(natural: Sequence[float], minimum: Sequence[float], room: float) -> list[float]:
    """Column widths that add up to ``room`` (see the module docstring)."""
    if sum(natural) <= room:
        return [w * room / sum(natural) for w in natural]
    widths = [max(w, m) for w, m in zip(_fair_shares(natural, room), minimum)]
    return [w * room / sum(widths) for w in widths]


def _fair_shares(natural: Sequence[float], room: float) -> list[float]:
    """Give each column that fits its share its natural width; split the rest by natural width."""
    widths: list[float | None] = [None] * len(natural)
    while True:
        open_columns = [c for c, w in enumerate(widths) if w is None]
        left = room - sum(w for w in widths if w is not None)
        fitting = [c for c in open_columns if natural[c] <= left / len(open_columns)]
        if not fitting or len(fitting) == len(open_columns):
            break
        for c in fitting:
            widths[c] = natural[c]
    wanted = sum(natural[c] for c in open_columns)
    return [w if w is not None else left * natural[c] / wanted for c, w in enumerate(widths)]
