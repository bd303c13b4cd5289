"""One rule for the digits of values, periods and dates: ASCII, ``0``–``9``.

Python reads other scripts' digits on its own terms: ``int("２０２３")`` and
``Decimal("٢٠٢٣")`` are 2023, ``Decimal("２４３e10")`` is a number, but
``Decimal("２．４３")`` (a full-width full stop) is not, and a date in full-width
digits is no date.  Rather than accept some of these by accident, a fact file
writes its numbers in ASCII, and anything else is refused with the ASCII text to
write instead (``'２．４３'`` → ``'2.43'``), which an input method's full-width
mode makes easy to type by mistake.
"""

from __future__ import annotations

import unicodedata

_ARABIC_SEPARATORS = str.maketrans({"\u066b": ".", "\u066c": ",", "\u060c": ","})


def ascii_form(text: str) -> str:
    """``text`` with full-width forms and every script's decimal digits in ASCII.

    >>> ascii_form("２．４３e１２"), ascii_form("٢٠٢٣"), ascii_form("２０２４Ｑ３")
    ('2.43e12', '2023', '2024Q3')
    """
    folded = unicodedata.normalize("NFKC", text).translate(_ARABIC_SEPARATORS)
    return "".join(
        str(unicodedata.decimal(c)) if not c.isascii() and unicodedata.decimal(c, None) is not None else c
        for c in folded
    )


def not_ascii(text: str, what: str) -> str | None:
    """Why ``text`` (a value, period or date) is refused for its digits, with what to write;
    None when it has no digit or full-width form outside ASCII (``3876亿`` is left to the
    number parser: its trouble is not its digits).

    >>> not_ascii("２．４３", "value")
    "value '２．４３' is not written in ASCII digits: write '2.43'"
    >>> not_ascii("2.43", "value") is None, not_ascii("3876亿", "value") is None
    (True, True)
    """
    if text.isascii() or ascii_form(text) == text:
        return None
    fixed = ascii_form(text)
    return f"{what} {text!r} is not written in ASCII digits: " + (
        f"write {fixed!r}" if fixed.isascii() else "write its digits as 0-9"
    )
