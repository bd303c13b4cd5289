"""One field of a fact file as typed, and the checks that turn it into a typed value.

A YAML scalar, a workbook cell and a CSV field all arrive here as an
:class:`Entry`: the text a person typed and where they typed it.  Every
format therefore gets the same parsing and the same messages (``value
'lots' is not a number``), each pointing at its own kind of place
(``facts.yaml:12``, ``gba.xlsx:facts!D4``, ``gdp.csv:4:3``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jjj_brief.errors import FactError, Location
from jjj_brief.facts.digits import not_ascii
from jjj_brief.facts.model import (
    BASES,
    FORMULAS,
    QUALIFIERS,
    Derivation,
    Localized,
    Period,
    PeriodFormError,
)
from jjj_brief.facts.slips import thousands_separators
from jjj_brief.facts.units import is_known_unit
from jjj_brief.inputfiles import unprintable

FACT_FIELDS = {"indicator", "region", "period", "value", "source", "qualifier", "note", "basis"}
REQUIRED_FACT_FIELDS = ("indicator", "region", "period", "value", "source")
#: The largest decimal exponent a value may have, either way.  No economic figure comes
#: near 10**30 (world GDP is ~10**14), and a typo like ``2.43e100000000`` would otherwise
#: overflow the decimal context in formatting or derivation: a crash, not a located error.
MAX_EXPONENT = 30
#: Words a statistical table states its unit of account in; ``亿元`` tables are the common case.
SCALE_WORDS = {
    "万": Decimal("1e4"),
    "亿": Decimal("1e8"),
    "万亿": Decimal("1e12"),
    "thousand": Decimal("1e3"),
    "million": Decimal("1e6"),
    "billion": Decimal("1e9"),
    "trillion": Decimal("1e12"),
}
VALUE_HINT = "write digits, e.g. 2.43e12 or 5.8"


@dataclass(frozen=True)
class Entry:
    """A value as a person typed it, and where: the unit every fact-file format is read into."""

    text: str
    where: Location

    def __post_init__(self) -> None:
        bad = unprintable(self.text)  # a cell, or a YAML escape ("\x07"): it would break the markup
        if bad:
            raise FactError(f"text holds a {bad[1]}, which no document can show", self.where, hint="delete it")

    @classmethod
    def printable(cls, text: str, where: Location) -> Entry:
        """An entry whose text the caller has already found printable: no second scan (the
        YAML reader checks a whole fact's fields at once)."""
        entry = object.__new__(cls)
        object.__setattr__(entry, "text", text)
        object.__setattr__(entry, "where", where)
        return entry


def require(fields: Mapping[str, object], names: Iterable[str], what: str, where: Location) -> None:
    """``a fact lacks 'value', 'source'``: every missing name in one message."""
    missing = [n for n in names if fields.get(n) is None]
    if missing:
        raise FactError(f"{what} lacks {', '.join(map(repr, missing))}", where)


def parse_value(entry: Entry, scale: Decimal = Decimal(1), hint: str = VALUE_HINT) -> Decimal:
    """An exact decimal from the text as typed (``1.7e+12``, ``2.43e12``, ``5.8``), times ``scale``.

    >>> parse_value(Entry("3876", Location("t")), Decimal("1e8"))
    Decimal('3.876E+11')
    """
    text = entry.text.strip().replace("_", "")
    wrong = not_ascii(text, "value")
    if wrong:
        raise FactError(wrong, entry.where, hint="fact files write numbers in ASCII digits")
    if text.lower().lstrip("+-") in _NON_FINITE:
        raise FactError(f"value {text!r} is not a finite number", entry.where)
    try:
        value = Decimal(text)
    except InvalidOperation:
        thousands_separators(text, entry.where)
        raise FactError(f"value {text!r} is not a number", entry.where, hint=hint) from None
    if not value.is_finite():
        raise FactError(f"value {text!r} is not a finite number", entry.where)
    _check_range(value, text, entry.where)  # before scaling: a huge value overflows the product
    if scale != 1:
        value *= scale
        _check_range(value, text, entry.where)
    return value


def _check_range(value: Decimal, text: str, where: Location) -> None:
    if abs(value.adjusted()) > MAX_EXPONENT:  # zero too: 0e-999999999 prints as a billion zeros
        raise FactError(
            f"value {text!r} is out of range",
            where,
            hint=f"write it with an exponent between -{MAX_EXPONENT} and {MAX_EXPONENT}, e.g. 2.43e12",
        )


def parse_scale(entry: Entry) -> Decimal:
    """What a ``scale`` multiplies by: a word (``亿``, ``million``) or a power of ten (``1e8``).

    >>> parse_scale(Entry("亿", Location("t"))), parse_scale(Entry("1e8", Location("t")))
    (Decimal('1E+8'), Decimal('1E+8'))
    """
    text = entry.text.strip()
    word = SCALE_WORDS.get(text.lower())
    if word is not None:
        return word
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = Decimal(0)
    if (
        number.is_finite()
        and number > 0
        and number.normalize().as_tuple().digits == (1,)
        and abs(number.adjusted()) <= MAX_EXPONENT
    ):
        return number.normalize()
    raise FactError(
        f"scale {text!r} is not a power of ten",
        entry.where,
        hint=f"use 1, {', '.join(SCALE_WORDS)}, or a power of ten such as 1e8",
    )


def parse_period(entry: Entry) -> Period:
    try:
        return Period.parse(entry.text)
    except PeriodFormError as exc:
        raise FactError(str(exc), entry.where) from None


def parse_basis(entry: Entry) -> str:
    """``basis: nominal`` (current prices) or ``real`` (constant prices)."""
    if entry.text not in BASES:
        raise FactError(
            f"unknown basis {entry.text!r}",
            entry.where,
            hint="use nominal (at current prices) or real (at constant prices)",
        )
    return entry.text


def parse_qualifier(entry: Entry) -> str:
    if entry.text not in QUALIFIERS:
        raise FactError(f"unknown qualifier {entry.text!r}", entry.where, hint=f"use one of: {', '.join(QUALIFIERS)}")
    return entry.text


def parse_date(entry: Entry) -> dt.date:
    wrong = not_ascii(entry.text, "date")
    if wrong:
        raise FactError(wrong, entry.where, hint="fact files write numbers in ASCII digits")
    try:
        return dt.date.fromisoformat(entry.text)
    except ValueError:
        raise FactError(f"date {entry.text!r} is not a date", entry.where, hint="write YYYY-MM-DD") from None


def parse_unit(entry: Entry, indicator: str) -> str:
    unit = entry.text
    if not is_known_unit(unit):
        raise FactError(
            f"unknown unit {unit!r} for indicator {indicator!r}",
            entry.where,
            hint="use an ISO 4217 currency code (CNY, USD), an exchange rate (CNY/USD: "
            "yuan per dollar), 'percent', 'multiple' or 'count'",
        )
    return unit


def parse_derivation(formula: Entry | None, of: Entry | None, indicator: str, where: Location) -> Derivation:
    """``derived: {formula: growth, of: industrial_value_added}``, or the two columns of a sheet."""
    what = f"derived of indicator {indicator!r}"
    require({"formula": formula, "of": of}, ("formula", "of"), what, where)
    assert formula is not None and of is not None
    if formula.text not in FORMULAS:
        raise FactError(f"unknown formula {formula.text!r}", formula.where, hint=f"use one of: {', '.join(FORMULAS)}")
    return Derivation(formula.text, of.text)


def localized(pairs: Iterable[tuple[str, str]], what: str, where: Location) -> Localized:
    """Words by language, ``[("en", …), ("zh", …)]``; at least one language.

    Control characters a YAML escape or a cell lets through (``"\\x07"``) cannot stand in
    a PDF or an XML document; they are refused here, at the place they were typed.
    """
    words = tuple(pairs)
    if not words:
        raise FactError(f"{what} is empty", where, hint="give at least {en: ...}")
    for lang, text in words:
        bad = unprintable(text)
        if bad:
            raise FactError(f"{what} ({lang}) holds a {bad[1]}, which no document can show", where, hint="delete it")
    return Localized(words, where)


_NON_FINITE = (".nan", ".inf", "nan", "inf", "infinity")
