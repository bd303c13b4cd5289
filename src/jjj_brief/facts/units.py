"""The units a fact may have, decided in one place for the loader, the checks and the Localizer.

A unit is an ISO 4217 currency (``CNY``), an exchange rate between two currencies
(``CNY/USD``: yuan per dollar) or one of :data:`PLAIN_UNITS`.  Whether a three-letter
code is a currency is CLDR's answer (through Babel), asked only when a code looks like one.
"""

from __future__ import annotations

import re

PLAIN_UNITS = ("percent", "multiple", "count")
"""Units that are not money: a percentage, how many times a base, a count."""

_CURRENCY_CODE = re.compile(r"[A-Z]{3}")


def is_currency(code: str) -> bool:
    """Whether CLDR knows ``code`` as an ISO 4217 currency.

    >>> is_currency("CNY"), is_currency("yuan"), is_currency("cny")
    (True, False, False)
    """
    if not _CURRENCY_CODE.fullmatch(code):
        return False
    from babel.numbers import is_currency as known

    return bool(known(code))


def is_exchange_rate(unit: str) -> bool:
    """Whether ``unit`` is an exchange rate such as ``CNY/USD`` (yuan per U.S. dollar).

    >>> is_exchange_rate("CNY/USD"), is_exchange_rate("CNY"), is_exchange_rate("CNY/CNY")
    (True, False, False)
    """
    quote, _, base = unit.partition("/")
    return bool(base) and quote != base and is_currency(quote) and is_currency(base)


def is_known_unit(unit: str) -> bool:
    """Whether a fact may have ``unit``."""
    return unit in PLAIN_UNITS or is_currency(unit) or is_exchange_rate(unit)
