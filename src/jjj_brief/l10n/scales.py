"""Numbers as editors print them: half-up rounding and CLDR's compact units.

Babel picks a compact unit per number (``9000亿`` beside ``1.7万亿``) and rounds
half-even; editors lock one unit across a series and round half up.  So this
module reads the unit words from the locale's own CLDR compact patterns
(``locale.compact_decimal_formats["long"]``), chooses the unit itself, rounds
the scaled :class:`~decimal.Decimal` half up, and only then hands it to
:func:`babel.numbers.format_decimal`.  No unit word (万, 亿, trillion) is
written in code; a new locale brings its own.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.numbers import NumberPattern, format_decimal

# Re-exported (``as`` marks it so): jjj_brief.l10n and the localizer import it from here.
from jjj_brief.facts.numbers import round_half_up as round_half_up

#: Units smaller than this are not used as compact units.  English press copy
#: writes ``50,000 yuan``, not ``50 thousand yuan``, while ``5万元`` is normal in
#: Chinese: the line CLDR's data needs is at ten thousand (万), for every locale.
SMALLEST_UNIT = Decimal(10_000)


@dataclass(frozen=True)
class Scale:
    """The unit a figure is counted in, given as its divisor (``10**12`` for trillion / 万亿).

    ``Scale(Decimal(1))`` means a plain grouped number with no unit word.
    """

    divisor: Decimal

    @property
    def is_plain(self) -> bool:
        return self.divisor == 1


PLAIN = Scale(Decimal(1))


def _long_patterns(locale: Locale, plural: str = "other") -> dict[str, NumberPattern]:
    forms = locale.compact_decimal_formats["long"]
    return dict(forms.get(plural) or forms["other"])


def _unit_divisor(key: str, pattern: NumberPattern) -> Decimal | None:
    """The divisor a CLDR compact pattern stands for (``'0000亿'`` at 10¹¹ → 10⁸), or None for ``'0'``."""
    if not "".join(pattern.prefix[0] + pattern.suffix[0]).strip():
        return None
    return Decimal(int(key) // 10 ** (pattern.pattern.count("0") - 1))


def scale_of(value: Decimal, locale: Locale) -> Scale:
    """The unit CLDR would choose for ``value`` in ``locale`` (before any rounding).

    >>> scale_of(Decimal("231e9"), Locale.parse("zh_Hans_CN"))
    Scale(divisor=Decimal('100000000'))
    >>> scale_of(Decimal("50000"), Locale.parse("en_US")).is_plain
    True
    """
    magnitude = abs(value)
    fitting = [key for key in _long_patterns(locale) if Decimal(key) <= magnitude]
    if not fitting:
        return PLAIN
    key = max(fitting, key=Decimal)
    divisor = _unit_divisor(key, _long_patterns(locale)[key])
    if divisor is None or divisor < SMALLEST_UNIT:
        return PLAIN
    return Scale(divisor)


def auto_scale(value: Decimal, digits: int, locale: Locale) -> Scale:
    """The unit for ``value`` after rounding, so 9999.6亿 at 0 digits reads ``1万亿``, not ``10000亿``."""
    first = scale_of(value, locale)
    rounded = round_half_up(value / first.divisor, digits) * first.divisor
    return scale_of(rounded, locale)


def shared_scale(values: list[Decimal], digits: int, locale: Locale) -> Scale:
    """One unit for a series: the unit of its largest figure, so a column or sentence reads alike."""
    if not values:
        return PLAIN
    return auto_scale(max(values, key=abs), digits, locale)


def unit_words(scale: Scale, scaled: Decimal, locale: Locale) -> tuple[str, str]:
    """The words around a scaled number (``('', ' trillion')``, ``('', '万亿')``), in the right plural."""
    if scale.is_plain:
        return "", ""
    patterns = _long_patterns(locale, locale.plural_form(abs(scaled)))
    pattern = patterns.get(str(int(scale.divisor)))
    if pattern is None or _unit_divisor(str(int(scale.divisor)), pattern) != scale.divisor:
        raise ValueError(f"{scale.divisor} is not a compact unit in locale {locale}")
    return pattern.prefix[0], pattern.suffix[0]


def format_scaled(value: Decimal, scale: Scale, digits: int, locale: Locale) -> str:
    """``value`` counted in ``scale``, rounded half up, with the locale's unit word.

    Compact figures are not grouped (``2310亿``), as CLDR's compact patterns are not.

    >>> format_scaled(Decimal("0.9e12"), Scale(Decimal("1e12")), 2, Locale.parse("zh_Hans_CN"))
    '0.9万亿'
    >>> format_scaled(Decimal("1234.5"), PLAIN, 2, Locale.parse("en_US"))
    '1,234.5'
    """
    scaled = round_half_up(value / scale.divisor, digits)
    prefix, suffix = unit_words(scale, scaled, locale)
    number = format_decimal(scaled, locale=locale, decimal_quantization=False, group_separator=scale.is_plain)
    return f"{prefix}{number}{suffix}"


def format_fixed(value: Decimal, places: int, locale: Locale) -> str:
    """``value`` with exactly ``places`` decimals in the locale's own digits and grouping: axis ticks.

    An axis reads evenly when every tick shows the same decimals (``0.0``,
    ``0.5`` … ``2.5``), which :func:`format_scaled` (trailing zeros dropped) does not.

    >>> [format_fixed(Decimal(v), 1, Locale.parse("en_US")) for v in ("0", "0.5", "1000")]
    ['0.0', '0.5', '1,000.0']
    """
    pattern = copy.copy(locale.decimal_formats[None])
    pattern.frac_prec = (places, places)
    return pattern.apply(round_half_up(value, places), locale)
