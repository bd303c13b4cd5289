"""How a figure was printed, as a short string that can be replayed.

The ``|figure`` and ``|change`` filters choose a :class:`Localizer` call and
its arguments (digits, qualifier, basis, a shared scale).  Recording that
choice beside the exact value lets the audit ledger print a figure again from
the ledger row alone, so a reviewer (and a test) can confirm that the text in
the document is what the value gives, and lets ``--since`` print what an
older data vintage would have shown with exactly the same call.

>>> style = FigureStyle("figure", digits=2, qualifier="about")
>>> str(style)
'figure digits=2 qualifier=about'
>>> FigureStyle.parse(str(style)) == style
True
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

Call = Literal["figure", "change"]

# An exchange rate is printed to at least this many places, as central banks quote it: the
# |figure filter's default of 2 for amounts would turn 6.1932 into 6.19 and skew every
# conversion a reader redoes.  Replaying a style applies the same floor, so the ledger agrees.
RATE_DIGITS = 4


class StyleFormError(ValueError):
    """A style string that is not of the form ``figure digits=2 …``."""


@dataclass(frozen=True)
class FigureStyle:
    """The Localizer call behind a printed figure; ``qualifier`` is the one printed (None if left off)."""

    call: Call
    digits: int
    qualifier: str | None = None
    basis: str | None = None
    scale: Decimal | None = None  # the divisor of a shared scale (10**12 for trillion / 万亿)
    money: str = "name"  # "name" (2.43万亿元) or "symbol" (¥2.43万亿)

    def __str__(self) -> str:
        parts = [self.call, f"digits={self.digits}"]
        if self.qualifier:
            parts.append(f"qualifier={self.qualifier}")
        if self.basis:
            parts.append(f"basis={self.basis}")
        if self.scale is not None:
            parts.append(f"scale={format(self.scale, 'f')}")
        if self.money != "name":
            parts.append(f"money={self.money}")
        return " ".join(parts)

    @classmethod
    def parse(cls, text: str) -> FigureStyle:
        call, *pairs = text.split()
        if call not in ("figure", "change"):
            raise StyleFormError(f"unknown figure style {text!r}")
        fields: dict[str, str] = {}
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or key not in ("digits", "qualifier", "basis", "scale", "money"):
                raise StyleFormError(f"unknown part {pair!r} in figure style {text!r}")
            fields[key] = value
        return cls(
            call,  # type: ignore[arg-type]
            digits=int(fields.get("digits", "1")),
            qualifier=fields.get("qualifier"),
            basis=fields.get("basis"),
            scale=Decimal(fields["scale"]) if "scale" in fields else None,
            money=fields.get("money", "name"),
        )

    def apply(self, loc: Any, value: Decimal, unit: str) -> str:
        """The text the Localizer gives for ``value`` in ``unit`` with this style."""
        if self.call == "change":
            return str(loc.change(value, digits=self.digits, basis=self.basis))
        if unit == "percent":
            return str(loc.percent(value, digits=self.digits, qualifier=self.qualifier))
        if unit == "points":
            return str(loc.points(value, digits=self.digits))
        if unit == "multiple":
            return str(loc.multiple(value, digits=self.digits, qualifier=self.qualifier))
        if "/" in unit:  # an exchange rate (CNY/USD): not money, so never through amount()
            quote, _, base = unit.partition("/")
            digits = max(self.digits, RATE_DIGITS)
            return str(loc.rate(value, quote, base, digits=digits, qualifier=self.qualifier))
        from jjj_brief.l10n.scales import Scale  # only renders need Babel

        scale = Scale(self.scale) if self.scale is not None else None
        return str(loc.amount(value, unit, digits=self.digits, qualifier=self.qualifier, scale=scale, style=self.money))


def plain_value(value: Decimal) -> str:
    """An exact decimal in plain notation, as the ledger and the markup carry it.

    >>> plain_value(Decimal("2.43e12")), plain_value(Decimal("10.2"))
    ('2430000000000', '10.2')
    """
    return format(value, "f")
