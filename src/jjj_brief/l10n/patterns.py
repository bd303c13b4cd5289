"""Every phrase pattern that differs between languages, as gettext messages.

These English strings are the msgids of ``locales/*/LC_MESSAGES/messages.po``.
They are marked with :func:`N_` (one of ``pybabel extract``'s default
keywords, so a plain ``babel.cfg`` entry ``[python: src/**.py]`` finds them)
and use *named* ``{placeholders}`` so a translation can move the figure:
``{amount} yuan`` becomes ``{amount}元``, ``up {percent} year on year``
becomes ``同比增长{percent}``.  Comments starting ``TRANSLATORS:`` are
extracted for the translator (``pybabel extract -c TRANSLATORS:``).
"""

from __future__ import annotations

from typing import Protocol


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (translation happens at render time)."""
    return message


CURRENCY_NAMES = {
    # TRANSLATORS: money in Chinese yuan; {amount} is already scaled ("2.43 trillion", "2.43万亿").
    "CNY": N_("{amount} yuan"),
    "USD": N_("{amount} U.S. dollars"),
}
# TRANSLATORS: a money amount in any other currency; {currency} is CLDR's name for it.
OTHER_CURRENCY_NAME = N_("{amount} {currency}")

CURRENCY_SYMBOLS = {
    # TRANSLATORS: yuan written with a symbol; keep it unambiguous for your readers (¥ is also the yen).
    "CNY": N_("¥{amount}"),
    "USD": N_("US${amount}"),
}
# TRANSLATORS: money in any other currency with its CLDR symbol.
OTHER_CURRENCY_SYMBOL = N_("{symbol}{amount}")

# TRANSLATORS: a percentage; the English house style spells out "percent".
PERCENT = N_("{number} percent")

QUALIFIERS = {
    # TRANSLATORS: an approximate figure; {figure} includes its unit ("238 billion U.S. dollars").
    "about": N_("about {figure}"),
    "more_than": N_("more than {figure}"),
    "less_than": N_("less than {figure}"),
    # TRANSLATORS: a figure the source says was nearly reached ("almost doubled", "接近翻一番").
    "almost": N_("almost {figure}"),
}
# TRANSLATORS: a value that became twice as large (a multiple of exactly 2): "doubled", "翻一番".
DOUBLED = N_("doubled")
# TRANSLATORS: how many times its base a value became; {number} is formatted ("3.5").
TIMES = N_("{number} times")

# Exchange rates, keyed by (quote, base) as in a unit ``CNY/USD``: {number} of quote for one base.
RATES = {
    # TRANSLATORS: an exchange rate; {number} is formatted ("6.1932"). Chinese: 每美元兑换6.1932元人民币
    # (每, not a typed-in 1: the catalog check refuses numbers the msgid lacks).
    ("CNY", "USD"): N_("{number} yuan per U.S. dollar"),
    ("USD", "CNY"): N_("{number} U.S. dollars per yuan"),
}
# TRANSLATORS: any other exchange rate; {quote} and {base} are CLDR's currency names.
OTHER_RATE = N_("{number} {quote} per {base}")
RATE_UNITS = {
    # TRANSLATORS: the unit of a chart axis of exchange rates (no number), as statistical yearbooks label it.
    ("CNY", "USD"): N_("yuan per U.S. dollar"),
    ("USD", "CNY"): N_("U.S. dollars per yuan"),
}
# TRANSLATORS: the axis unit of any other exchange rate; {quote} and {base} are CLDR's currency names.
OTHER_RATE_UNIT = N_("{quote} per {base}")

# Keyed by (basis, direction); {percent} is already formatted ("10.2 percent").
CHANGES = {
    (None, "up"): N_("up {percent}"),
    (None, "down"): N_("down {percent}"),
    (None, "flat"): N_("unchanged"),
    # TRANSLATORS: {percent} is already formatted ("10.2 percent").
    ("year_on_year", "up"): N_("up {percent} year on year"),
    ("year_on_year", "down"): N_("down {percent} year on year"),
    ("year_on_year", "flat"): N_("unchanged year on year"),
    ("average_annual", "up"): N_("an average annual growth rate of {percent}"),
    ("average_annual", "down"): N_("an average annual decline of {percent}"),
    ("average_annual", "flat"): N_("no average annual change"),
}

# TRANSLATORS: a calendar year as a period ("in 2023").
YEAR = N_("{year}")
# TRANSLATORS: a span of years; English uses an en dash, Chinese the 一字线 (—) and 年.
YEAR_SPAN = N_("{start}–{end}")
# TRANSLATORS: a range between two periods that are not plain years.
PERIOD_RANGE = N_("{start} to {end}")
HALVES = {
    1: N_("the first half of {year}"),
    2: N_("the second half of {year}"),
}
QUARTERS = {
    1: N_("the first quarter of {year}"),
    2: N_("the second quarter of {year}"),
    3: N_("the third quarter of {year}"),
    4: N_("the fourth quarter of {year}"),
}


class _Plurals(Protocol):
    """What :func:`points_pattern` needs from a translations object."""

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...


def points_pattern(translations: _Plurals, count: int) -> str:
    """The percentage-points pattern for ``count``, with the catalog's own plural rules."""
    # TRANSLATORS: a difference between two rates ("1.5 percentage points").
    return translations.ngettext("{number} percentage point", "{number} percentage points", count)
