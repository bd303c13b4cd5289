"""Half-up rounding as editors do it, with no dependency beyond :mod:`decimal`.

It lives here, not in :mod:`jjj_brief.l10n.scales`, because the facts layer
(``facts check`` comparing a stated 43 with a computed 42.94) needs the same
rounding as the printed figures, and the facts layer depends on nothing of the
localization package (which depends on it).  Its one use of Babel is asking CLDR
whether a code is a currency (:mod:`jjj_brief.facts.units`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: Decimal, digits: int) -> Decimal:
    """Round as editors do, then drop trailing zeros.

    >>> round_half_up(Decimal("2.425"), 2), round_half_up(Decimal("6.5"), 0)
    (Decimal('2.43'), Decimal('7'))
    >>> round_half_up(Decimal("1.70"), 2), round_half_up(Decimal("-0.04"), 1)
    (Decimal('1.7'), Decimal('0'))
    """
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if rounded == 0:
        return Decimal(0)
    if rounded == rounded.to_integral_value():
        return rounded.quantize(Decimal(1))
    return rounded.normalize()
