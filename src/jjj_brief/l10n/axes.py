"""Chart axes and outline numbers: the pieces of a chart or heading that are numbers but not figures.

Why here and not in the writers: a tick label is a number in the reader's
language (``2.5`` / ``2.5``, ``1,000`` / ``1000``), counted in the unit the
series is locked to (万亿 / trillion), and an outline number is ``一、`` in a
Chinese 简报 and ``1.`` in English.  Writers only place these strings.

Tick values are chosen on the *scaled* numbers (2.43 trillion → the axis runs
0, 0.5 … 2.5), as an editor would draw them, from steps of 1, 2, 2.5 or 5
times a power of ten.
"""

from __future__ import annotations

from decimal import Decimal

NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


def nice_ticks(top: Decimal, most: int = 6, bottom: Decimal = Decimal(0)) -> list[Decimal]:
    """Round values from ``bottom`` (or below) to at least ``top``, at most ``most`` of them, evenly spaced.

    The range always includes 0, so bars can stand on (or hang from) a zero
    line and a mixed-sign series keeps its negative values on the axis
    instead of below it.

    >>> [str(t) for t in nice_ticks(Decimal("2.43"))]
    ['0.0', '0.5', '1.0', '1.5', '2.0', '2.5']
    >>> [str(t) for t in nice_ticks(Decimal("10.4"))]
    ['0.0', '2.5', '5.0', '7.5', '10.0', '12.5']
    >>> [str(t) for t in nice_ticks(Decimal("10.2"), bottom=Decimal("-8.5"))]
    ['-10', '-5', '0', '5', '10', '15']
    >>> [str(t) for t in nice_ticks(Decimal(-3), bottom=Decimal("-8.5"))]
    ['-10.0', '-8.0', '-6.0', '-4.0', '-2.0', '0.0']
    >>> nice_ticks(Decimal(0))
    [Decimal('0'), Decimal('1')]
    """
    low, high = min(bottom, Decimal(0)), max(top, Decimal(0))
    if high == low:
        return [Decimal(0), Decimal(1)]
    power = Decimal(1).scaleb((high - low).adjusted() - 1)
    for multiplier in (*NICE_STEPS, *(s * 10 for s in NICE_STEPS[1:])):
        step = multiplier * power
        first = int((low / step).to_integral_value(rounding="ROUND_FLOOR"))
        last = int((high / step).to_integral_value(rounding="ROUND_CEILING"))
        if last - first + 1 <= most:
            return [step * i for i in range(first, last + 1)]
    raise AssertionError("a step of 100 times a tenth of the range always fits")  # pragma: no cover


def tick_digits(ticks: list[Decimal]) -> int:
    """Decimal places the ticks need so that none of them rounds into its neighbour.

    >>> tick_digits([Decimal(0), Decimal("0.5"), Decimal("1.0")]), tick_digits([Decimal(0), Decimal(5)])
    (1, 0)
    """
    return max((max(0, -t.normalize().as_tuple().exponent) for t in ticks), default=0)  # type: ignore[operator]


def tick_format(ticks: list[Decimal]) -> str:
    """The spreadsheet number format that prints ``ticks`` (counted in the axis unit) as the
    Localizer labels them, for a chart an office suite draws itself (a DOCX's native chart):
    grouped, with the same decimals on every tick (``0.0``, ``0.5`` … ``2.5``).

    >>> tick_format([Decimal(-1000), Decimal(0), Decimal(1000)]), tick_format([Decimal("0.5"), Decimal(1)])
    ('#,##0', '#,##0.0')
    """
    places = tick_digits(ticks)
    return "#,##0" if places == 0 else "#,##0." + "0" * places


_HAN_DIGITS = "〇一二三四五六七八九"


def han_numeral(n: int) -> str:
    """``n`` (1–99) in Chinese numerals, as outline numbers and 第X期 in running text use them.

    >>> [han_numeral(n) for n in (1, 10, 12, 20, 21)]
    ['一', '十', '十二', '二十', '二十一']
    """
    if not 0 < n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _HAN_DIGITS[tens] + "十")
    return head + (_HAN_DIGITS[units] if units else "")


def outline_number(level: int, n: int, chinese: bool) -> str:
    """The number in front of a heading: ``一、`` ``（一）`` ``1.`` ``（1）`` in Chinese,
    ``1.`` ``1.1`` style in English.

    >>> [outline_number(level, 2, True) for level in (1, 2, 3, 4)]
    ['二、', '（二）', '2.', '（2）']
    >>> outline_number(1, 3, False), outline_number(2, 3, False)
    ('3.', '(c)')
    """
    if chinese:
        return {1: f"{han_numeral(n)}、", 2: f"（{han_numeral(n)}）", 3: f"{n}."}.get(level, f"（{n}）")
    if level == 2 and n <= 26:
        return f"({chr(ord('a') + n - 1)})"
    return f"{n}."
